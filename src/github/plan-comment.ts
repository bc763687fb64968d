import type { Octokit } from '@octokit/core';
import { PLAN_COMMENT_MARKER } from '../render/index.js';

export interface IssueCoordinates {
  owner: string;
  repo: string;
  /** Pull request or issue number. */
  issueNumber: number;
}

export interface PostedComment {
  id: number;
  url: string;
  created: boolean;
}

/**
 * The plan comment of a pull request: the comment written by an app or the Actions bot whose
 * body carries the plan marker. A person quoting the marker does not turn their comment into it.
 */
export async function findPlanComment(octokit: Octokit, where: IssueCoordinates): Promise<{ id: number; url: string; body: string } | undefined> {
  for (let page = 1; ; page++) {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: where.owner,
      repo: where.repo,
      issue_number: where.issueNumber,
      per_page: 100,
      page,
    });
    const found = data.find((c) => c.user?.type === 'Bot' && (c.body ?? '').includes(PLAN_COMMENT_MARKER));
    if (found) return { id: Number(found.id), url: found.html_url, body: found.body ?? '' };
    if (data.length < 100) return undefined;
  }
}

/**
 * Keeps exactly one plan comment per pull request, whichever door (Action or app) writes it.
 * `create: false` updates an existing comment but never starts one (nothing worth saying yet).
 * An unchanged body is left alone, so a re-plan that finds the same plan sends no write.
 */
export async function upsertPlanComment(
  octokit: Octokit,
  where: IssueCoordinates,
  body: string,
  options: { create?: boolean } = {},
): Promise<PostedComment | undefined> {
  const marked = body.includes(PLAN_COMMENT_MARKER) ? body : `${PLAN_COMMENT_MARKER}\n${body}`;
  const existing = await findPlanComment(octokit, where);
  if (existing) {
    if (existing.body !== marked) {
      await octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        owner: where.owner,
        repo: where.repo,
        comment_id: existing.id,
        body: marked,
      });
    }
    return { id: existing.id, url: existing.url, created: false };
  }
  if (options.create === false) return undefined;
  const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner: where.owner,
    repo: where.repo,
    issue_number: where.issueNumber,
    body: marked,
  });
  return { id: Number(data.id), url: data.html_url, created: true };
}
