import type { Octokit } from '@octokit/core';
import { APPLY_WORKFLOW } from '../github/apply-workflow.js';
import { DRIFT_WORKFLOW } from '../github/drift-workflow.js';
import type { BlobCache } from '../github/blob-cache.js';
import type { RepoCoordinates } from '../github/api-tree-reader.js';

export interface BotLog {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

/** What every bot action needs: an installation-authenticated client and the shared caches. */
export interface BotDeps {
  octokit: Octokit;
  repo: RepoCoordinates;
  blobs: BlobCache;
  settings: BotSettings;
  log: BotLog;
}

/** Parsed once from the environment when the app starts. */
export interface BotSettings {
  /** File name of the apply workflow a rollback dispatches. */
  workflow: string;
  /** File name of the drift workflow `/drift` dispatches. */
  driftWorkflow: string;
  /** Name of the check run on pull requests. */
  checkName: string;
  /** The state branch when SVCPLAN_STATE_BRANCH is set: it wins over svcplan.yaml, as an Action input does. */
  stateBranch?: string;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): BotSettings {
  return {
    workflow: env.SVCPLAN_WORKFLOW?.trim() || APPLY_WORKFLOW,
    driftWorkflow: env.SVCPLAN_DRIFT_WORKFLOW?.trim() || DRIFT_WORKFLOW,
    checkName: 'svcplan',
    ...(env.SVCPLAN_STATE_BRANCH?.trim() ? { stateBranch: env.SVCPLAN_STATE_BRANCH.trim() } : {}),
  };
}

export interface PullRequestRef {
  number: number;
  base: { ref: string; sha: string };
  head: { ref: string; sha: string };
}
