// The contract between the svcplan app and the drift workflow it starts for `/drift`: the
// workflow's file name and its `workflow_dispatch` inputs, defined once.
// docs/examples/svcplan-drift.yml declares exactly these inputs (a test holds the two together);
// GitHub refuses a dispatch whose inputs the workflow does not declare, so a change here is a
// change to that file too.
import type { WorkflowContract } from './workflow-dispatch.js';

/** File name of the shipped drift workflow under `.github/workflows/`; the app's default. */
export const DRIFT_WORKFLOW = 'svcplan-drift.yml';

/** Where the shipped workflow lives in this repository, for messages that tell users to copy it. */
export const DRIFT_WORKFLOW_EXAMPLE = 'docs/examples/svcplan-drift.yml';

/**
 * The `workflow_dispatch` inputs the app sends, every one every time (empty when not named):
 * - `service`: check only this service;
 * - `runner`: only the runner labelled so (the service's `target.runner`, `default` when it names none);
 * - `issue`: the issue or pull request number each runner's report is commented on.
 */
export const DRIFT_DISPATCH_INPUTS = ['service', 'runner', 'issue'] as const;

export type DriftDispatchInputs = Record<(typeof DRIFT_DISPATCH_INPUTS)[number], string>;

/** The dispatch inputs of a fresh drift check: one service on its runner, or everything. */
export function driftDispatchInputs(check: { service?: string; runner?: string; issue: number }): DriftDispatchInputs {
  return { service: check.service ?? '', runner: check.runner ?? '', issue: String(check.issue) };
}

export const DRIFT_WORKFLOW_CONTRACT: WorkflowContract = {
  title: 'drift workflow',
  file: DRIFT_WORKFLOW,
  example: DRIFT_WORKFLOW_EXAMPLE,
  setting: 'SVCPLAN_DRIFT_WORKFLOW',
  inputs: DRIFT_DISPATCH_INPUTS,
};
