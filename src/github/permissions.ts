import type { Octokit } from '@octokit/core';
import type { RepoCoordinates } from './api-tree-reader.js';

/** Roles allowed to change what runs: the same line GitHub draws for pushing to a branch. */
const WRITE_ROLES = new Set(['admin', 'maintain', 'write']);

/**
 * Whether a user may make svcplan act on the repository (write, maintain or admin), asked of
 * GitHub every time rather than cached, so a revoked permission takes effect at once. A user
 * who is not a collaborator at all (404) has no write permission.
 */
export async function hasWritePermission(octokit: Octokit, repo: RepoCoordinates, username: string): Promise<boolean> {
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
      owner: repo.owner,
      repo: repo.repo,
      username,
    });
    // `permission` folds maintain into write and triage into read; `role_name` keeps them apart.
    return WRITE_ROLES.has(data.permission) || WRITE_ROLES.has(data.role_name ?? '');
  } catch (error) {
    if ((error as { status?: number }).status === 404) return false;
    throw error;
  }
}
