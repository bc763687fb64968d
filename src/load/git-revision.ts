import { hash } from 'node:crypto';
import { posix } from 'node:path';
import { Git, type BlobReader, type TreeEntry } from '../git/git.js';
import type { Revision } from '../model/types.js';
import { isUnder, normalizeRepoPath } from './paths.js';
import type { TreeReader } from './tree.js';

const SYMLINK_MODE = '120000';
const MAX_SYMLINK_HOPS = 8;

/** What a revision may be read with besides Git itself. */
export interface RevisionReaderOptions {
  git?: Git;
  commit?: string;
  /**
   * Another tree that likely holds most of the same files: the working tree, when a plan compares
   * it with a commit. A YAML file there whose bytes are this revision's blob (the same Git object
   * id) is taken from there instead of being read through Git.
   */
  alike?: TreeReader;
}

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
    private readonly alike: TreeReader | undefined,
  ) {}

  /**
   * `repoDir` may be a sub-folder of a Git work tree: paths stay relative to it.
   * Throws UnknownRevisionError when `ref` names nothing.
   */
  static async open(repoDir: string, ref: string, known: RevisionReaderOptions = {}): Promise<GitRevisionReader> {
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
    return new GitRevisionReader({ ref, commit }, entries, git.catFileBatch(), known.alike);
  }

  private texts: Map<string, Promise<string | undefined>> | undefined;

  /**
   * A blob's text. The first read also asks for every YAML file of the tree, in the same
   * `cat-file --batch`: a load reads svcplan.yaml first and all templates and services next, so
   * this saves a git process and a round trip. A blob (same object id) is read once; one that the
   * `alike` tree has at the same path is not read through Git at all.
   */
  private text(object: string): Promise<string | undefined> {
    if (!this.texts) {
      const texts = (this.texts = new Map());
      const wanted: [string, TreeEntry][] = [];
      const seen = new Set<string>();
      for (const [path, entry] of this.entries) {
        if (entry.mode === SYMLINK_MODE || !/\.ya?ml$/i.test(path) || seen.has(entry.object)) continue;
        seen.add(entry.object);
        wanted.push([path, entry]);
      }
      const alike = this.alike;
      const found = alike
        ? Promise.all(
            wanted.map(([path, entry]) =>
              alike.read(path).then(
                (t) => (t !== undefined && gitBlobId(t, entry.object) === entry.object ? t : undefined),
                () => undefined,
              ),
            ),
          )
        : undefined;
      wanted.forEach(([, entry], i) => {
        // The reads left for Git are asked for in one turn of the event loop: one cat-file.
        const read = found ? found.then((f) => f[i] ?? this.fromGit(entry.object)) : this.fromGit(entry.object);
        read.catch(() => undefined); // a failure is reported to the reader that asks for it
        texts.set(entry.object, read);
      });
    }
    let read = this.texts.get(object);
    if (!read) {
      read = this.fromGit(object);
      this.texts.set(object, read);
    }
    return read;
  }

  private fromGit(object: string): Promise<string | undefined> {
    return this.blobs.read(object).then((content) => content?.toString('utf8'));
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
    const entry = await this.file(path);
    return entry && this.text(entry.object);
  }

  /** A file is there when the tree lists it (its content is not read: a script only has to exist). */
  async exists(path: string): Promise<boolean> {
    return (await this.file(path)) !== undefined;
  }

  /** The tree entry of the file at `path`, symlinks followed while they stay inside the repository folder. */
  private async file(path: string): Promise<TreeEntry | undefined> {
    let clean = normalizeRepoPath(path);
    for (let hop = 0; clean !== undefined && hop <= MAX_SYMLINK_HOPS; hop++) {
      const entry = this.entries.get(clean);
      if (!entry) return undefined;
      if (entry.mode !== SYMLINK_MODE) return entry;
      // A symlink's blob is its target.
      const target = await this.text(entry.object);
      if (target === undefined) return undefined;
      clean = normalizeRepoPath(posix.join(posix.dirname(clean), target));
    }
    return undefined;
  }
}

/**
 * The Git object id a file with this text would have (a blob of its UTF-8 bytes), in the hash of
 * `like` (SHA-1, or SHA-256 in a repository that uses it). Text that is not what the bytes were
 * (a file that is not UTF-8) gives another id, never the blob's.
 */
function gitBlobId(text: string, like: string): string {
  return hash(like.length === 64 ? 'sha256' : 'sha1', `blob ${Buffer.byteLength(text, 'utf8')}\0${text}`, 'hex');
}
