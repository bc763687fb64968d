import type { Octokit } from '@octokit/core';
import type { RepoCoordinates } from './api-tree-reader.js';

export type CheckConclusion = 'success' | 'neutral' | 'failure';

export interface CheckAnnotation {
  path: string;
  line: number;
  column?: number;
  message: string;
  level?: 'notice' | 'warning' | 'failure';
}

export interface StartedCheckRun {
  id: number;
  name: string;
}

/** GitHub accepts at most 50 annotations per create or update request. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** Limits of a check run's output fields (characters). */
const SUMMARY_LIMIT = 65535;
const TITLE_LIMIT = 255;

/** Opens an in-progress check run on a commit, so the PR shows work has started. */
export async function startCheckRun(
  octokit: Octokit,
  repo: RepoCoordinates,
  opts: { name: string; headSha: string; detailsUrl?: string },
): Promise<StartedCheckRun> {
  const { data } = await octokit.request('POST /repos/{owner}/{repo}/check-runs', {
    owner: repo.owner,
    repo: repo.repo,
    name: opts.name,
    head_sha: opts.headSha,
    status: 'in_progress',
    started_at: new Date().toISOString(),
    ...(opts.detailsUrl ? { details_url: opts.detailsUrl } : {}),
  });
  return { id: Number(data.id), name: opts.name };
}

/**
 * Finishes a check run. Annotations beyond the first 50 go in further updates before the one
 * that completes the run, so the run turns green or red only once everything is attached.
 */
export async function completeCheckRun(
  octokit: Octokit,
  repo: RepoCoordinates,
  check: StartedCheckRun,
  result: { conclusion: CheckConclusion; title: string; summary: string; annotations: CheckAnnotation[] },
): Promise<number> {
  const title = clip(result.title, TITLE_LIMIT);
  const summary = clip(result.summary, SUMMARY_LIMIT);
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < result.annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(result.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  if (batches.length === 0) batches.push([]);
  let requests = 0;
  for (const [i, batch] of batches.entries()) {
    const last = i === batches.length - 1;
    await octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
      owner: repo.owner,
      repo: repo.repo,
      check_run_id: check.id,
      output: { title, summary, ...(batch.length > 0 ? { annotations: batch.map(toApiAnnotation) } : {}) },
      ...(last ? { status: 'completed' as const, conclusion: result.conclusion, completed_at: new Date().toISOString() } : {}),
    });
    requests++;
  }
  return requests;
}

function toApiAnnotation(a: CheckAnnotation) {
  return {
    path: a.path,
    start_line: a.line,
    end_line: a.line,
    // Columns are only allowed by the API on single-line annotations, which these are.
    ...(a.column ? { start_column: a.column, end_column: a.column } : {}),
    annotation_level: a.level ?? ('failure' as const),
    message: a.message,
  };
}

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
