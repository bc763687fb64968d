// The contract between the svcplan app and the apply workflow it starts: the workflow's file name
// and the `workflow_dispatch` inputs, defined once. docs/examples/svcplan-apply.yml declares
// exactly these inputs (a test holds the two together); GitHub refuses a dispatch whose inputs the
// workflow does not declare, so a change here is a change to that file too.
import type { Octokit } from '@octokit/core';
import { DEFAULT_RUNNER_LABEL } from '../plan/index.js';
import type { RepoCoordinates } from './api-tree-reader.js';
import { dispatchWorkflow, explainWorkflowDispatchFailure, type WorkflowContract } from './workflow-dispatch.js';

/** File name of the shipped apply workflow under `.github/workflows/`; the app's default. */
export const APPLY_WORKFLOW = 'svcplan-apply.yml';

/** Where the shipped workflow lives in this repository, for messages that tell users to copy it. */
export const APPLY_WORKFLOW_EXAMPLE = 'docs/examples/svcplan-apply.yml';

export { DEFAULT_RUNNER_LABEL };

/**
 * The `workflow_dispatch` inputs the app sends, every one every time, in this order:
 * - `command`: what the run does (`rollback`);
 * - `service`: the service to roll back;
 * - `to`: the deployment id or full commit sha the rollback redeploys;
 * - `issue`: the issue or pull request number the result is commented on;
 * - `runner`: the label of the self-hosted runner that reaches the service's hypervisor.
 */
export const DISPATCH_INPUTS = ['command', 'service', 'to', 'issue', 'runner'] as const;

export type DispatchInputName = (typeof DISPATCH_INPUTS)[number];
export type DispatchInputs = Record<DispatchInputName, string>;

/** The dispatch inputs of a rollback; GitHub takes input values as strings only. */
export function rollbackDispatchInputs(rollback: { service: string; to: string; issue: number; runner?: string }): DispatchInputs {
  return {
    command: 'rollback',
    service: rollback.service,
    to: rollback.to,
    issue: String(rollback.issue),
    runner: rollback.runner || DEFAULT_RUNNER_LABEL,
  };
}

/** The app ↔ apply workflow contract, for dispatches and their failures (workflow-dispatch.ts). */
export const APPLY_WORKFLOW_CONTRACT: WorkflowContract = {
  title: 'apply workflow',
  file: APPLY_WORKFLOW,
  example: APPLY_WORKFLOW_EXAMPLE,
  setting: 'SVCPLAN_WORKFLOW',
  inputs: DISPATCH_INPUTS,
};

/** Starts the apply workflow on `ref` with `workflow_dispatch`; throws GitHub's error as is. */
export function dispatchApplyWorkflow(
  octokit: Octokit,
  repo: RepoCoordinates,
  dispatch: { workflow: string; ref: string; inputs: DispatchInputs },
): Promise<void> {
  return dispatchWorkflow(octokit, repo, dispatch);
}

/**
 * Why a dispatch failed and what to do about it, for the person who asked for the rollback:
 * GitHub's own sentence (it names the input at fault) and the fix for each answer it gives.
 */
export function explainDispatchFailure(error: unknown, dispatch: { workflow: string; ref: string }): string {
  return explainWorkflowDispatchFailure(APPLY_WORKFLOW_CONTRACT, error, dispatch);
}
