import type { Octokit } from '@octokit/core';
import type { RepoCoordinates } from './api-tree-reader.js';

/** The states svcplan reports on a deployment as an apply progresses. */
export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error' | 'inactive';

export interface ServiceDeployment {
  id: number;
  service: string;
}

/**
 * Opens a GitHub deployment for one service: the environment is the service's name, so each
 * service gets its own deployment history on GitHub next to svcplan's recorded one.
 * `required_contexts: []` because the plan was already checked on the pull request; GitHub
 * would otherwise refuse while other commit statuses are pending. `auto_merge: false` because
 * the commit is exact and must not be merged with anything.
 */
export async function createServiceDeployment(
  octokit: Octokit,
  repo: RepoCoordinates,
  opts: { service: string; commit: string; description: string; planDigest?: string; task?: string },
): Promise<ServiceDeployment> {
  const response = await octokit.request('POST /repos/{owner}/{repo}/deployments', {
    owner: repo.owner,
    repo: repo.repo,
    ref: opts.commit,
    environment: opts.service,
    task: opts.task ?? 'deploy',
    description: truncate(opts.description, 140),
    auto_merge: false,
    required_contexts: [],
    payload: { service: opts.service, ...(opts.planDigest ? { plan_digest: opts.planDigest } : {}) },
  });
  const data = response.data as { id?: number; message?: string };
  // 202 means GitHub merged something first instead of deploying; with auto_merge off it is a bug.
  if (typeof data.id !== 'number') throw new Error(`GitHub did not create a deployment for ${opts.service}: ${data.message ?? `status ${response.status}`}`);
  return { id: data.id, service: opts.service };
}

export async function setDeploymentStatus(
  octokit: Octokit,
  repo: RepoCoordinates,
  deployment: ServiceDeployment,
  state: DeploymentState,
  opts: { description?: string; logUrl?: string } = {},
): Promise<void> {
  await octokit.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
    owner: repo.owner,
    repo: repo.repo,
    deployment_id: deployment.id,
    state,
    environment: deployment.service,
    ...(opts.description ? { description: truncate(opts.description, 140) } : {}),
    ...(opts.logUrl ? { log_url: opts.logUrl } : {}),
    // A later successful deployment of the service marks earlier ones inactive, as GitHub shows.
    ...(state === 'success' ? { auto_inactive: true } : {}),
  });
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}
