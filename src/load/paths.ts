// Repository-relative paths: forward slashes, no leading './', never leaving the repository.

/**
 * The normal form of a repository-relative path ('a/b/c'), or undefined when the path is absolute,
 * empty or climbs out of the repository. '' and '.' stand for the repository root folder.
 */
export function normalizeRepoPath(path: string, { allowRoot = false } = {}): string | undefined {
  if (path.startsWith('/') || path.includes('\\') || path.includes('\0')) return undefined;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return undefined;
    parts.push(part);
  }
  if (parts.length === 0) return allowRoot ? '' : undefined;
  return parts.join('/');
}

/** Whether `path` is `folder` itself or inside it ('' is the root and holds everything). */
export function isUnder(path: string, folder: string): boolean {
  return folder === '' || path === folder || path.startsWith(folder + '/');
}
