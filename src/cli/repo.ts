import { resolve } from 'node:path';
import { NotAFolderError, openStore, openTemplates, resolveStateSettings, type TemplatesCheckout } from '../core/setup.js';
import { GitRevisionReader, named } from '../load/index.js';
import type { TreeReader } from '../load/tree.js';
import type { StateStore } from '../state/store.js';
import { UsageError } from './io.js';

/** The templates repository a command works on, opened once (core/setup.ts). */
export type TemplatesRepo = TemplatesCheckout;

export async function openTemplatesRepo(repoFlag: string | undefined, cwd: string): Promise<TemplatesRepo> {
  try {
    return await openTemplates(resolve(cwd, repoFlag ?? '.'));
  } catch (err) {
    if (!(err instanceof NotAFolderError)) throw err;
    throw new UsageError(err.message, repoFlag === undefined ? undefined : 'pass --repo the folder that holds svcplan.yaml, templates/ and services/');
  }
}

/**
 * The tree at a ref the user named; an unknown ref is a usage error, not a crash. `label` names
 * the revision in the plan when it is not the ref itself (the default branch for its merge base).
 * `alike`: a tree holding many of the same files (see GitRevisionReader).
 */
export async function readerAt(repo: TemplatesRepo, ref: string, flag: string, label?: string, alike?: TreeReader): Promise<TreeReader> {
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
  const reader = await GitRevisionReader.open(repo.dir, ref, { git: repo.git, commit, alike });
  return label === undefined ? reader : named(reader, { ref: label, commit: reader.revision.commit });
}

/** The state store: `--state` when given, else svcplan.yaml's, else the local folder. */
export function openRepoStore(repo: TemplatesRepo, store?: 'local' | 'git'): Promise<StateStore> {
  return openStore(repo, resolveStateSettings(repo.config, store ? { store } : {}));
}
