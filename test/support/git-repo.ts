// A real Git repository in a temporary folder, for tests that read revisions, commit, and push.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Git } from '../../src/git/git.js';

/** File contents by repository-relative path; null deletes the file. */
export type FileChanges = Record<string, string | Buffer | null>;

export interface TempRepo {
  /** Top of the work tree. */
  dir: string;
  git: Git;
  /** Every commit made through this helper, oldest first. */
  shas: string[];
  /** Writes (or deletes) files in the work tree without committing. */
  write(files: FileChanges): Promise<void>;
  /** Writes the files, stages everything, commits, and returns the new commit's sha. */
  commit(message: string, files?: FileChanges): Promise<string>;
  /** Runs git in the repository with a fixed identity (for commits, tags, branches). */
  runGit(args: string[]): Promise<string>;
  cleanup(): Promise<void>;
}

const IDENTITY = {
  GIT_AUTHOR_NAME: 'svcplan test',
  GIT_AUTHOR_EMAIL: 'test@svcplan.invalid',
  GIT_COMMITTER_NAME: 'svcplan test',
  GIT_COMMITTER_EMAIL: 'test@svcplan.invalid',
  // The user's own git config (signing, hooks, templates) must not change what a test sees.
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

/**
 * Creates a repository on branch `main` in a new temporary folder; with `files`, commits them as
 * the first commit ("initial").
 */
export async function createTempRepo(opts: { files?: FileChanges; branch?: string; bare?: boolean } = {}): Promise<TempRepo> {
  const dir = await mkdtemp(join(tmpdir(), 'svcplan-repo-'));
  const git = new Git(dir);
  const run = (args: string[]) => git.run(args, { env: IDENTITY });
  await run(['init', '--quiet', ...(opts.bare ? ['--bare'] : []), '-b', opts.branch ?? 'main']);
  const repo: TempRepo = {
    dir,
    git,
    shas: [],
    async write(files) {
      for (const [path, content] of Object.entries(files)) {
        const full = join(dir, path);
        if (content === null) {
          await rm(full, { force: true, recursive: true });
        } else {
          await mkdir(dirname(full), { recursive: true });
          await writeFile(full, content);
        }
      }
    },
    async commit(message, files) {
      if (files) await repo.write(files);
      await run(['add', '--all']);
      await run(['commit', '--quiet', '--allow-empty', '--no-verify', '-m', message]);
      const sha = (await run(['rev-parse', 'HEAD'])).trim();
      repo.shas.push(sha);
      return sha;
    },
    runGit: run,
    async cleanup() {
      await rm(dir, { recursive: true, force: true });
    },
  };
  if (opts.files) await repo.commit('initial', opts.files);
  return repo;
}
