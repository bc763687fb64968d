import type { Octokit } from '@octokit/core';
import type { Plan, PlanDocument } from '../model/types.js';
import { runnerDigest, runnerDigests, runnerLabelOf } from '../plan/index.js';
import { PLAN_COMMENT_MARKER, RUNNER_DIGESTS_MARKER, renderMarkdown } from '../render/index.js';

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

// --- the one plan comment, the same from either door ---------------------------------------

/** The plan comment's body: the same plan gives the same body from the Action and the app. */
export function planCommentBody(plan: Plan, title?: string): string {
  return renderMarkdown(plan.document, { ...(title ? { title } : {}), runnerDigests: runnerDigests(plan) });
}

/** A comment is started only when there is something to say: a change or a problem. */
export function planCommentWorthStarting(doc: PlanDocument): boolean {
  const s = doc.summary;
  return s.create + s.refresh + s.restart + s.replace + s.destroy > 0 || doc.errors.length > 0;
}

/** Posts the plan of a pull request as its one plan comment (kept up to date once it exists). */
export function publishPlanComment(octokit: Octokit, where: IssueCoordinates, plan: Plan, opts: { always?: boolean } = {}): Promise<PostedComment | undefined> {
  return upsertPlanComment(octokit, where, planCommentBody(plan), { create: opts.always || planCommentWorthStarting(plan.document) });
}

/** What a plan comment says was reviewed: the plan's digest, and each runner's share of it. */
export interface ReviewedPlan {
  digest?: string;
  runners?: Record<string, string>;
}

export function reviewedPlanOf(body: string): ReviewedPlan {
  const digest = /Plan digest: `(sha256:[0-9a-f]{64})`/.exec(body)?.[1] ?? /sha256:[0-9a-f]{64}/.exec(body)?.[0];
  const at = body.indexOf(RUNNER_DIGESTS_MARKER);
  let runners: Record<string, string> | undefined;
  if (at >= 0) {
    const end = body.indexOf(' -->', at);
    try {
      const parsed = JSON.parse(body.slice(at + RUNNER_DIGESTS_MARKER.length, end)) as unknown;
      if (parsed && typeof parsed === 'object') runners = parsed as Record<string, string>;
    } catch {
      // A comment edited by hand: judged by the whole plan's digest.
    }
  }
  return { ...(digest ? { digest } : {}), ...(runners ? { runners } : {}) };
}

/**
 * Whether the plan applied now differs from the one reviewed (docs/action.md, "stale-plan"). A
 * runner compares only its own share: a later runner of the same merge is not stale because an
 * earlier one applied its services meanwhile. Without a runner, or a comment without the runners'
 * digests, the whole plan is compared.
 */
export function judgeStale(reviewed: ReviewedPlan, plan: Plan, runner: string | undefined): { stale: boolean; reviewed: string; current: string } | undefined {
  if (runner !== undefined && reviewed.runners) {
    const current = runnerDigest(plan, runner);
    const before = reviewed.runners[runner];
    // No share for this runner at review, but work for it now: something changed since.
    if (before === undefined) {
      const hasWork = plan.document.services.some((s) => runnerLabelOf(s) === runner);
      return { stale: hasWork, reviewed: 'none', current };
    }
    return { stale: before !== current, reviewed: before, current };
  }
  if (!reviewed.digest) return undefined;
  return { stale: reviewed.digest !== plan.document.plan_digest, reviewed: reviewed.digest, current: plan.document.plan_digest };
}
