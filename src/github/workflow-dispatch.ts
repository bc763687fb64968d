// Starting a workflow of the templates repository with `workflow_dispatch`, and saying why GitHub
// refused, for the workflows the app starts (the apply workflow for `/rollback`, the drift
// workflow for `/drift`). Each workflow's contract (its file, the inputs the app sends, where a
// user copies it from) is defined once, beside it: apply-workflow.ts, drift-workflow.ts.
import type { Octokit } from '@octokit/core';
import type { RepoCoordinates } from './api-tree-reader.js';

/** What the app and one shipped workflow agree on. */
export interface WorkflowContract {
  /** What the workflow is, in messages: `apply workflow`. */
  title: string;
  /** Its file name under `.github/workflows/`; the app's default. */
  file: string;
  /** Where the shipped file lives in this repository, for messages that tell users to copy it. */
  example: string;
  /** The app setting that names another file. */
  setting: string;
  /** The `workflow_dispatch` inputs the app sends, every one every time. */
  inputs: readonly string[];
}

export interface WorkflowDispatch {
  /** File name under `.github/workflows/`. */
  workflow: string;
  /** Branch or tag the run starts on. */
  ref: string;
  /** GitHub takes input values as strings only. */
  inputs: Record<string, string>;
}

/** Starts the workflow on `ref` with `workflow_dispatch`; throws GitHub's error as is. */
export async function dispatchWorkflow(octokit: Octokit, repo: RepoCoordinates, dispatch: WorkflowDispatch): Promise<void> {
  await octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
    owner: repo.owner,
    repo: repo.repo,
    workflow_id: dispatch.workflow,
    ref: dispatch.ref,
    inputs: dispatch.inputs,
  });
}

/**
 * Why a dispatch failed and what to do about it, for the person who asked: GitHub's own sentence
 * (it names the input at fault) and the fix for each answer it gives.
 */
export function explainWorkflowDispatchFailure(contract: WorkflowContract, error: unknown, dispatch: { workflow: string; ref: string }): string {
  const status = (error as { status?: unknown } | undefined)?.status;
  const said = (error as { response?: { data?: { message?: unknown } } } | undefined)?.response?.data?.message;
  const github = typeof said === 'string' && said ? said : error instanceof Error ? error.message : String(error);
  const what = `The ${contract.title} \`${dispatch.workflow}\` on \`${dispatch.ref}\``;
  const inputs = contract.inputs.map((i) => `\`${i}\``).join(', ');
  switch (status) {
    case 404:
      return (
        `${what} could not be started: GitHub has no such workflow there (${github}). ` +
        `Copy \`${contract.example}\` from svcplan to \`.github/workflows/${contract.file}\` on \`${dispatch.ref}\`, ` +
        `or set \`${contract.setting}\` to the file name of your ${contract.title}.`
      );
    case 403:
      return (
        `${what} could not be started: GitHub refused (${github}). ` +
        'The app needs the `actions: write` permission: accept it in the installation settings of the app.'
      );
    case 422:
      return (
        `${what} could not be started: GitHub refused the dispatch (${github}). ` +
        `Its \`workflow_dispatch\` trigger must take exactly the inputs ${inputs}: update it from \`${contract.example}\`.`
      );
    default:
      return `${what} could not be started (${github}). Try the command again in a few minutes.`;
  }
}
