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
  static async open(repoDir: string, ref: string, known: { git?: Git; commit?: string } = {}): Promise<GitRevisionReader> {
    const git = known.git ?? new Git(repoDir);
    // Both asked at once; an unknown ref is still the error reported first.
    const asked = git.prefix();
    asked.catch(() => undefined);
    const commit = known.commit ?? (await git.revParse(ref));
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

  private prefetched: Map<string, Promise<Buffer | undefined>> | undefined;

  /**
   * A blob's bytes. The first read also asks for every YAML file of the tree, in the same
   * `cat-file --batch`: a load reads svcplan.yaml first and all templates and services next, so
   * this saves a git process and a round trip. A blob (same object id) is read once.
   */
  private blob(object: string): Promise<Buffer | undefined> {
    if (!this.prefetched) {
      this.prefetched = new Map();
      for (const [path, entry] of this.entries) {
        if (entry.mode === SYMLINK_MODE || !/\.ya?ml$/i.test(path) || this.prefetched.has(entry.object)) continue;
        const read = this.blobs.read(entry.object);
        read.catch(() => undefined); // a failure is reported to the reader that asks for it
        this.prefetched.set(entry.object, read);
      }
    }
    let read = this.prefetched.get(object);
    if (!read) {
      read = this.blobs.read(object);
      this.prefetched.set(object, read);
    }
    return read;
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
      const content = await this.blob(entry.object);
      if (content === undefined) return undefined;
      if (entry.mode !== SYMLINK_MODE) return content.toString('utf8');
      // A symlink's blob is its target; follow it while it stays inside the repository folder.
      clean = normalizeRepoPath(posix.join(posix.dirname(clean), content.toString('utf8')));
    }
    return undefined;
  }
}
