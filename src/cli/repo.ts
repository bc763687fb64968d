import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Git } from '../git/git.js';
import { GitRevisionReader, WorktreeReader, loadConfig, type RepoConfig } from '../load/index.js';
import type { TreeReader } from '../load/tree.js';
import type { Revision } from '../model/types.js';
import { openStateStore } from '../state/index.js';
import type { StateStore } from '../state/store.js';
import { UsageError } from './io.js';

/** The templates repository a command works on, opened once. */
export interface TemplatesRepo {
  /** Absolute path of the repository root (where svcplan.yaml is, or would be). */
  dir: string;
  /** Absent when the folder is not inside a Git work tree: only the working tree can be read. */
  git?: Git;
  /** The commit HEAD points to; absent without Git or before the first commit. */
  headCommit?: string;
  config: RepoConfig;
  worktree: WorktreeReader;
}

export async function openTemplatesRepo(repoFlag: string | undefined, cwd: string): Promise<TemplatesRepo> {
  const dir = resolve(cwd, repoFlag ?? '.');
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new UsageError(
      `${dir}: no such directory`,
      repoFlag === undefined ? undefined : 'pass --repo the folder that holds svcplan.yaml, templates/ and services/',
    );
  }
  const { git, headCommit } = await Git.locate(dir);
  const worktree = new WorktreeReader(dir, headCommit);
  // Settings come from the working copy: the state store lives there, whatever revision is planned.
  const config = await loadConfig(worktree);
  return { dir, git, headCommit, config, worktree };
}

/**
 * The tree at a ref the user named; an unknown ref is a usage error, not a crash. `label` names
 * the revision in the plan when it is not the ref itself (the default branch for its merge base).
 */
export async function readerAt(repo: TemplatesRepo, ref: string, flag: string, label?: string): Promise<TreeReader> {
  if (!repo.git) {
    throw new UsageError(`${flag} ${ref}: ${repo.dir} is not inside a Git repository`, `run git init there, or leave out ${flag}`);
  }
  const commit = await repo.git.tryRevParse(ref);
  if (!commit) {
    throw new UsageError(
      `${flag} ${ref}: no such commit, branch or tag in ${repo.dir}`,
      'check the name with `git log --oneline` or `git branch -a`; fetch it first if it only exists on a remote',
    );
  }
  const reader = await GitRevisionReader.open(repo.dir, ref, { git: repo.git, commit });
  if (label === undefined) return reader;
  return {
    revision: { ref: label, commit: reader.revision.commit },
    list: (folders) => reader.list(folders),
    read: (path) => reader.read(path),
  };
}

/**
 * What stands in for services with nothing recorded when no --base is given: the merge base of
 * HEAD with the default branch. None without commits or without a default branch.
 */
export async function defaultBase(repo: TemplatesRepo): Promise<Revision | undefined> {
  if (!repo.git || !repo.headCommit) return undefined;
  const branch = repo.config.defaultBranch ?? (await repo.git.defaultBranch());
  if (!branch) return undefined;
  const tip = await repo.git.tryRevParse(branch);
  if (!tip) return undefined;
  const commit = await repo.git.mergeBase(repo.headCommit, tip);
  return commit ? { ref: branch, commit } : undefined;
}

export function openRepoStore(repo: TemplatesRepo): Promise<StateStore> {
  const { store, path, branch } = repo.config.state;
  return openStateStore({ kind: store, repoDir: repo.dir, path, branch });
}
