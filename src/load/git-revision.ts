import { posix } from 'node:path';
import { Git, type BlobReader, type TreeEntry } from '../git/git.js';
import type { Revision } from '../model/types.js';
import { isUnder, normalizeRepoPath } from './paths.js';
import type { TreeReader } from './tree.js';

const SYMLINK_MODE = '120000';
const MAX_SYMLINK_HOPS = 8;

/**
 * The templates repository at one Git revision, read straight from the object database: nothing
 * is checked out, so a plan can compare two revisions without touching the working tree. The
 * tree is listed once; blobs read together come through one `git cat-file --batch`.
 */
export class GitRevisionReader implements TreeReader {
  private constructor(
    readonly revision: Revision,
    /** Repository-relative path → tree entry. */
    private readonly entries: Map<string, TreeEntry>,
    private readonly blobs: BlobReader,
  ) {}

  /**
   * `repoDir` may be a sub-folder of a Git work tree: paths stay relative to it.
   * Throws UnknownRevisionError when `ref` names nothing.
   */
  static async open(repoDir: string, ref: string): Promise<GitRevisionReader> {
    const git = new Git(repoDir);
    // Both asked at once; an unknown ref is still the error reported first.
    const asked = git.prefix();
    asked.catch(() => undefined);
    const commit = await git.revParse(ref);
    const prefix = await asked;
    const under = prefix.replace(/\/$/, '');
    const listed = await git.lsTree(commit, under);
    const entries = new Map<string, TreeEntry>();
    for (const entry of listed) {
      if (entry.type !== 'blob' || !isUnder(entry.path, under)) continue;
      entries.set(under ? entry.path.slice(under.length + 1) : entry.path, entry);
    }
    return new GitRevisionReader({ ref, commit }, entries, git.catFileBatch());
  }

  async list(folders: string[]): Promise<string[]> {
    const starts = folders.map((f) => normalizeRepoPath(f, { allowRoot: true })).filter((f): f is string => f !== undefined);
    const found: string[] = [];
    for (const path of this.entries.keys()) {
      if (starts.some((start) => isUnder(path, start) && path !== start)) found.push(path);
    }
    return found.sort();
  }

  async read(path: string): Promise<string | undefined> {
    let clean = normalizeRepoPath(path);
    for (let hop = 0; clean !== undefined && hop <= MAX_SYMLINK_HOPS; hop++) {
      const entry = this.entries.get(clean);
      if (!entry) return undefined;
      const content = await this.blobs.read(entry.object);
      if (content === undefined) return undefined;
      if (entry.mode !== SYMLINK_MODE) return content.toString('utf8');
      // A symlink's blob is its target; follow it while it stays inside the repository folder.
      clean = normalizeRepoPath(posix.join(posix.dirname(clean), content.toString('utf8')));
    }
    return undefined;
  }
}
