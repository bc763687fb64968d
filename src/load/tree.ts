import type { Revision } from '../model/types.js';

/**
 * A read-only view of the templates repository at one revision: the working tree, a Git commit
 * (read through git, nothing checked out), or a tree fetched from the GitHub API (the bot).
 * Paths are repository-relative with forward slashes.
 */
export interface TreeReader {
  readonly revision: Revision;
  /** Every file path under the given folders (recursively), sorted. Missing folders: none. */
  list(folders: string[]): Promise<string[]>;
  /** A file's text, or undefined when it does not exist at this revision. */
  read(path: string): Promise<string | undefined>;
  /** Whether a file exists at this revision, without reading it where the reader can tell (else `read`). */
  exists?(path: string): Promise<boolean>;
}

/** Whether a file exists at the reader's revision. */
export function fileExists(reader: TreeReader, path: string): Promise<boolean> {
  return reader.exists ? reader.exists(path) : reader.read(path).then((text) => text !== undefined);
}

/**
 * The same files under another name: a commit read through git, named as the pull request names
 * it (`head <branch> (<sha>)`), so every door shows the same plan the same way.
 */
export function named(reader: TreeReader, revision: Revision): TreeReader {
  return { revision, list: (folders) => reader.list(folders), read: (path) => reader.read(path), exists: (path) => fileExists(reader, path) };
}

/**
 * The same files, each read once for as long as this reader is used: for one command that reads
 * the working tree from two places (a plan's head, and its base taking the files they share).
 */
export function readOnce(reader: TreeReader): TreeReader {
  const reads = new Map<string, Promise<string | undefined>>();
  return {
    revision: reader.revision,
    list: (folders) => reader.list(folders),
    read: (path) => {
      let read = reads.get(path);
      if (read === undefined) reads.set(path, (read = reader.read(path)));
      return read;
    },
    exists: (path) => (reads.has(path) ? reads.get(path)!.then((text) => text !== undefined) : fileExists(reader, path)),
  };
}
