// The contract between the svcplan app and the apply workflow it starts: the workflow's file name
// and the `workflow_dispatch` inputs, defined once. docs/examples/svcplan-apply.yml declares
// exactly these inputs (a test holds the two together); GitHub refuses a dispatch whose inputs the
// workflow does not declare, so a change here is a change to that file too.
import type { Octokit } from '@octokit/core';
import { DEFAULT_RUNNER_LABEL } from '../plan/index.js';
import type { RepoCoordinates } from './api-tree-reader.js';

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

/** Starts the apply workflow on `ref` with `workflow_dispatch`; throws GitHub's error as is. */
export async function dispatchApplyWorkflow(
  octokit: Octokit,
  repo: RepoCoordinates,
  dispatch: { workflow: string; ref: string; inputs: DispatchInputs },
): Promise<void> {
  await octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
    owner: repo.owner,
    repo: repo.repo,
    workflow_id: dispatch.workflow,
    ref: dispatch.ref,
    inputs: dispatch.inputs,
  });
}

/**
 * Why a dispatch failed and what to do about it, for the person who asked for the rollback:
 * GitHub's own sentence (it names the input at fault) and the fix for each answer it gives.
 */
export function explainDispatchFailure(error: unknown, dispatch: { workflow: string; ref: string }): string {
  const status = (error as { status?: unknown } | undefined)?.status;
  const said = (error as { response?: { data?: { message?: unknown } } } | undefined)?.response?.data?.message;
  const github = typeof said === 'string' && said ? said : error instanceof Error ? error.message : String(error);
  const where = `\`${dispatch.workflow}\` on \`${dispatch.ref}\``;
  const inputs = DISPATCH_INPUTS.map((i) => `\`${i}\``).join(', ');
  switch (status) {
    case 404:
      return (
        `The apply workflow ${where} could not be started: GitHub has no such workflow there (${github}). ` +
        `Copy \`${APPLY_WORKFLOW_EXAMPLE}\` from svcplan to \`.github/workflows/${APPLY_WORKFLOW}\` on \`${dispatch.ref}\`, ` +
        `or set \`SVCPLAN_WORKFLOW\` to the file name of your apply workflow.`
      );
    case 403:
      return (
        `The apply workflow ${where} could not be started: GitHub refused (${github}). ` +
        'The app needs the `actions: write` permission: accept it in the installation settings of the app.'
      );
    case 422:
      return (
        `The apply workflow ${where} could not be started: GitHub refused the dispatch (${github}). ` +
        `Its \`workflow_dispatch\` trigger must take exactly the inputs ${inputs}: update it from \`${APPLY_WORKFLOW_EXAMPLE}\`.`
      );
    default:
      return `The apply workflow ${where} could not be started (${github}). Try the command again in a few minutes.`;
  }
}
