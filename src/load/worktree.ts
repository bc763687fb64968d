import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Git } from '../git/git.js';
import type { Revision } from '../model/types.js';
import { normalizeRepoPath } from './paths.js';
import type { TreeReader } from './tree.js';

// Never part of the desired state: Git's own data, svcplan's working data (state, generated
// Vagrantfiles), and installed packages.
const IGNORED_DIRS = new Set(['.git', '.svcplan', 'node_modules']);

/** The templates repository as it is on disk, uncommitted changes included. */
export class WorktreeReader implements TreeReader {
  readonly revision: Revision;

  /** `commit`: the commit HEAD points to ('' when there is none); see `open` to look it up. */
  constructor(
    readonly dir: string,
    commit = '',
  ) {
    this.revision = { ref: 'WORKTREE', commit };
  }

  /** A reader whose revision carries HEAD's sha ('' when `dir` has no commit or no Git at all). */
  static async open(dir: string): Promise<WorktreeReader> {
    return new WorktreeReader(dir, (await new Git(dir).tryRevParse('HEAD')) ?? '');
  }

  async list(folders: string[]): Promise<string[]> {
    const found = new Set<string>();
    for (const folder of folders) {
      const start = normalizeRepoPath(folder, { allowRoot: true });
      if (start === undefined) continue;
      await this.walk(start, found);
    }
    return [...found].sort();
  }

  private async walk(folder: string, found: Set<string>): Promise<void> {
    let entries;
    try {
      entries = await readdir(join(this.dir, folder), { withFileTypes: true });
    } catch {
      return; // a missing folder holds no files
    }
    for (const entry of entries) {
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!IGNORED_DIRS.has(entry.name)) await this.walk(path, found);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        // Symlinked folders are not followed (a link cycle would never end); linked files are read.
        found.add(path);
      }
    }
  }

  async read(path: string): Promise<string | undefined> {
    const clean = normalizeRepoPath(path);
    if (clean === undefined) return undefined;
    if (clean.split('/').some((part) => IGNORED_DIRS.has(part))) return undefined;
    try {
      // Read synchronously: a load reads a thousand small files at once, and each asynchronous
      // read costs four round trips through the thread pool, several times the read itself.
      return readFileSync(join(this.dir, clean), 'utf8');
    } catch {
      return undefined;
    }
  }
}
