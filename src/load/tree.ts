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
}

/**
 * The same files under another name: a commit read through git, named as the pull request names
 * it (`head <branch> (<sha>)`), so every door shows the same plan the same way.
 */
export function named(reader: TreeReader, revision: Revision): TreeReader {
  return { revision, list: (folders) => reader.list(folders), read: (path) => reader.read(path) };
}
