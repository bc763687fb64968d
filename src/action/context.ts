import type { Octokit } from '@octokit/core';
import type { RepoCoordinates } from '../github/api-tree-reader.js';
import type { ActionSettings } from './input.js';
import type { ActionReporter } from './reporter.js';

/** What every command gets: parsed settings, a GitHub client, and the way to report. */
export interface ActionContext {
  settings: ActionSettings;
  octokit: Octokit;
  reporter: ActionReporter;
  repo: RepoCoordinates;
}
