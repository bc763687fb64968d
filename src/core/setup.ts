// What every door sets up the same way before it plans or applies: the settings (an explicit
// choice of the door — a flag, an Action input, the app's environment — then svcplan.yaml, then
// the door's own default), the templates repository checked out on this machine, its state
// store, and the machinery of an apply (the Vagrant driver, or a dry run against a copy of the
// recorded state: core/apply-machinery.ts). The CLI, the Action and the app call this; none of
// them opens these itself.

import { stat } from 'node:fs/promises';
import { Git } from '../git/git.js';
import { WorktreeReader, loadConfig, type RepoConfig } from '../load/index.js';
import { openStateStore, type StateStore } from '../state/index.js';

/** Where recorded state lives, as resolved. */
export interface StateSettings {
  store: 'local' | 'git';
  path: string;
  branch: string;
}

/**
 * The state settings: what the door was told explicitly wins, then what svcplan.yaml says, then
 * the door's default (the Action and the app share state between runners, so theirs is `git`),
 * then svcplan's own defaults.
 */
export function resolveStateSettings(
  config: Pick<RepoConfig, 'state' | 'declaredState'>,
  explicit: Partial<StateSettings> = {},
  doorDefault: Partial<StateSettings> = {},
): StateSettings {
  const pick = <K extends keyof StateSettings>(key: K): StateSettings[K] => explicit[key] ?? config.declaredState[key] ?? doorDefault[key] ?? config.state[key];
  return { store: pick('store'), path: pick('path'), branch: pick('branch') };
}

/** The templates repository on this machine, opened once. */
export interface TemplatesCheckout {
  /** Absolute path of the repository root (where svcplan.yaml is, or would be). */
  dir: string;
  /** Absent when the folder is not inside a Git work tree: only the working tree can be read. */
  git?: Git;
  /** The commit HEAD points to; absent without Git or before the first commit. */
  headCommit?: string;
  config: RepoConfig;
  worktree: WorktreeReader;
}

/** A folder that is not there: each door says so in its own words. */
export class NotAFolderError extends Error {
  constructor(readonly dir: string) {
    super(`${dir}: no such directory`);
    this.name = 'NotAFolderError';
  }
}

export async function openTemplates(dir: string): Promise<TemplatesCheckout> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new NotAFolderError(dir);
  const { git, headCommit } = await Git.locate(dir);
  const worktree = new WorktreeReader(dir, headCommit);
  // Settings come from the working copy: the state store lives there, whatever revision is planned.
  const config = await loadConfig(worktree);
  return { dir, git, headCommit, config, worktree };
}

export function openStore(checkout: Pick<TemplatesCheckout, 'dir'>, settings: StateSettings): Promise<StateStore> {
  return openStateStore({ kind: settings.store, repoDir: checkout.dir, path: settings.path, branch: settings.branch });
}
