import { stat } from 'node:fs/promises';
import { Git } from '../git/git.js';
import { GitRevisionReader, WorktreeReader, loadConfig, type RepoConfig } from '../load/index.js';
import type { TreeReader } from '../load/tree.js';
import { openStateStore, type StateStore } from '../state/index.js';
import { ActionInputError, type ActionSettings } from './input.js';

/** The checked-out templates repository the Action works on. */
export interface CheckedOutRepo {
  dir: string;
  git?: Git;
  headCommit?: string;
  config: RepoConfig;
  worktree: WorktreeReader;
}

export async function openCheckedOutRepo(settings: ActionSettings): Promise<CheckedOutRepo> {
  const info = await stat(settings.repoDir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new ActionInputError(`input repo-path: ${settings.repoDir} is not a folder; check out the templates repository first (actions/checkout)`);
  }
  const { git, headCommit } = await Git.locate(settings.repoDir);
  const worktree = new WorktreeReader(settings.repoDir, headCommit);
  const config = await loadConfig(worktree);
  return { dir: settings.repoDir, git, headCommit, config, worktree };
}

/**
 * The tree at a commit, fetching it from origin first when the checkout is shallow and lacks it
 * (actions/checkout fetches one commit by default). Undefined when it cannot be had: the plan
 * then has no stand-in, which it says.
 */
export async function readerAtCommit(repo: CheckedOutRepo, commit: string): Promise<TreeReader | undefined> {
  if (!repo.git || !/^[0-9a-f]{40}$/.test(commit) || /^0+$/.test(commit)) return undefined;
  let found = await repo.git.tryRevParse(`${commit}^{commit}`);
  if (!found) {
    await repo.git.run(['fetch', '--quiet', '--no-tags', '--depth=1', 'origin', commit]).catch(() => undefined);
    found = await repo.git.tryRevParse(`${commit}^{commit}`);
    if (!found) return undefined;
  }
  return GitRevisionReader.open(repo.dir, commit, { git: repo.git, commit: found });
}

/** The store named by the inputs (state, state-branch); svcplan.yaml's `state.path` still applies to local. */
export function openActionStateStore(repo: CheckedOutRepo, settings: ActionSettings): Promise<StateStore> {
  return openStateStore({ kind: settings.state, repoDir: repo.dir, path: repo.config.state.path, branch: settings.stateBranch });
}
