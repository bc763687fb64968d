// One GitHub issue per drifted service, kept by the drift check: opened when a service drifts,
// its body the service's section of the report, edited in place when the drift changes (and left
// alone when it does not), closed with a comment when the service is as recorded again. The issue
// is found again by the hidden marker of its service in the body of an open issue written by a
// bot (a person quoting the marker does not make their issue the drift issue), never by its
// label, which anyone may remove: so there is never a second open issue for one service.
import type { Octokit } from '@octokit/core';
import { digestOf } from '../model/digest.js';
import type { DriftReport, DriftService } from '../model/types.js';
import { driftIssueMarker, renderDriftMarkdown } from '../render/drift.js';
import { escapeMarkdown, GITHUB_COMMENT_LIMIT } from '../render/index.js';
import type { RepoCoordinates } from './api-tree-reader.js';

/** The label of drift issues, created with the first one. */
export const DRIFT_LABEL = 'svcplan-drift';
const DRIFT_LABEL_COLOR = 'd93f0b';
const DRIFT_LABEL_DESCRIPTION = 'svcplan: VMs no longer match what was applied';

/** Hidden in the body: what the drift was when the body was written, so an unchanged drift writes nothing. */
const DIGEST_MARKER = '<!-- svcplan:drift-digest ';

export interface DriftIssue {
  number: number;
  url: string;
  body: string;
}

/** What the check did to a service's issue. */
export type DriftIssueChange = 'opened' | 'updated' | 'unchanged' | 'closed' | 'left' | 'none';

export interface DriftIssueOutcome {
  service: string;
  change: DriftIssueChange;
  issue?: { number: number; url: string };
  /** Set when the issue opened is not by a bot (the token is a person's): the next check cannot find it again. */
  authoredBy?: string;
}

export function driftIssueTitle(service: string): string {
  return `Drift: ${service} no longer matches what svcplan applied`;
}

/**
 * What a service's check means for its issue: `open` (drifted: the issue shows it), `close` (as
 * recorded, every instance observed), `leave` (being applied, not checked, or partly unobserved:
 * nothing is known that would change the issue).
 */
export function driftIssueIntent(report: DriftReport, service: DriftService): 'open' | 'close' | 'leave' {
  if (service.status === 'drifted') return 'open';
  if (service.status === 'clean' && !report.errors.some((e) => e.service === service.name)) return 'close';
  return 'leave';
}

/** The digest of what a service's issue says: its drift and what could not be observed, not when it was checked. */
function driftDigest(report: DriftReport, service: DriftService): string {
  return digestOf({ service, errors: report.errors.filter((e) => e.service === service.name) });
}

/** The body of a service's issue: its section of the report, who wrote it, the digest of the drift it shows. */
export function driftIssueBody(report: DriftReport, service: DriftService, by: { runner?: string; runUrl?: string }): string {
  const digest = driftDigest(report, service);
  const footer = [
    '',
    `_Kept by svcplan drift${by.runner ? ` on runner \`${escapeMarkdown(by.runner)}\`` : ''}${by.runUrl ? ` ([workflow run](${by.runUrl}))` : ''}: ` +
      'edited when the drift changes, closed when the service is as recorded again._',
    `${DIGEST_MARKER}${digest} -->`,
    '',
  ].join('\n');
  return renderDriftMarkdown(report, { service: service.name, maxLength: GITHUB_COMMENT_LIMIT - footer.length }) + footer;
}

function digestIn(body: string): string | undefined {
  const at = body.indexOf(DIGEST_MARKER);
  if (at < 0) return undefined;
  return body.slice(at + DIGEST_MARKER.length, body.indexOf(' -->', at));
}

/**
 * The open drift issues of the repository, by service marker: issues (not pull requests) written
 * by a bot whose body carries a drift marker. Every open issue is looked at once, 100 a page.
 * Should two carry one marker, the oldest is the service's issue.
 */
export async function findDriftIssues(octokit: Octokit, repo: RepoCoordinates): Promise<Map<string, DriftIssue>> {
  const found = new Map<string, DriftIssue>();
  for (let page = 1; ; page++) {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues', {
      owner: repo.owner,
      repo: repo.repo,
      state: 'open',
      sort: 'created',
      direction: 'asc',
      per_page: 100,
      page,
    });
    for (const issue of data) {
      if (issue.pull_request || issue.user?.type !== 'Bot') continue;
      const body = issue.body ?? '';
      const marker = /<!-- svcplan:drift [A-Za-z0-9._-]+ -->/.exec(body)?.[0];
      if (marker && !found.has(marker)) found.set(marker, { number: issue.number, url: issue.html_url, body });
    }
    if (data.length < 100) return found;
  }
}

/**
 * Brings each checked service's issue in line with the report: opens, edits, closes or leaves
 * it. Writes only what changed: an unchanged drift sends no request beyond the one listing.
 */
export async function syncDriftIssues(
  octokit: Octokit,
  repo: RepoCoordinates,
  report: DriftReport,
  by: { runner?: string; runUrl?: string } = {},
): Promise<DriftIssueOutcome[]> {
  const outcomes: DriftIssueOutcome[] = [];
  if (report.services.length === 0) return outcomes;
  const open = await findDriftIssues(octokit, repo);
  let labelReady = false;
  for (const service of report.services) {
    const intent = driftIssueIntent(report, service);
    const existing = open.get(driftIssueMarker(service.name));
    const issue = existing && { number: existing.number, url: existing.url };
    if (intent === 'leave') {
      outcomes.push({ service: service.name, change: existing ? 'left' : 'none', ...(issue ? { issue } : {}) });
    } else if (intent === 'close') {
      if (!existing) {
        outcomes.push({ service: service.name, change: 'none' });
        continue;
      }
      await postComment(octokit, repo, existing.number, cleanAgainComment(report, service, by));
      await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
        owner: repo.owner,
        repo: repo.repo,
        issue_number: existing.number,
        state: 'closed',
        state_reason: 'completed',
      });
      outcomes.push({ service: service.name, change: 'closed', issue: issue! });
    } else if (existing) {
      if (digestIn(existing.body) === driftDigest(report, service)) {
        outcomes.push({ service: service.name, change: 'unchanged', issue: issue! });
        continue;
      }
      await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
        owner: repo.owner,
        repo: repo.repo,
        issue_number: existing.number,
        body: driftIssueBody(report, service, by),
      });
      outcomes.push({ service: service.name, change: 'updated', issue: issue! });
    } else {
      if (!labelReady) await ensureDriftLabel(octokit, repo);
      labelReady = true;
      const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues', {
        owner: repo.owner,
        repo: repo.repo,
        title: driftIssueTitle(service.name),
        body: driftIssueBody(report, service, by),
        labels: [DRIFT_LABEL],
      });
      const author = data.user?.type === 'Bot' ? {} : { authoredBy: data.user?.login ?? 'someone' };
      outcomes.push({ service: service.name, change: 'opened', issue: { number: data.number, url: data.html_url }, ...author });
    }
  }
  return outcomes;
}

function cleanAgainComment(report: DriftReport, service: DriftService, by: { runner?: string; runUrl?: string }): string {
  const n = service.checked;
  return (
    `**${escapeMarkdown(service.name)}** is as recorded again: ${n} instance${n === 1 ? '' : 's'} checked at ${report.checked_at}` +
    `${by.runner ? ` on runner \`${escapeMarkdown(by.runner)}\`` : ''}${by.runUrl ? ` ([workflow run](${by.runUrl}))` : ''}. ` +
    'Closing this issue; svcplan opens a new one if the service drifts again.'
  );
}

async function postComment(octokit: Octokit, repo: RepoCoordinates, issueNumber: number, body: string): Promise<void> {
  await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: repo.owner, repo: repo.repo, issue_number: issueNumber, body });
}

/** The drift label with its colour and description; GitHub would make a bare one, so it is made first. */
async function ensureDriftLabel(octokit: Octokit, repo: RepoCoordinates): Promise<void> {
  try {
    await octokit.request('GET /repos/{owner}/{repo}/labels/{name}', { owner: repo.owner, repo: repo.repo, name: DRIFT_LABEL });
    return;
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error;
  }
  try {
    await octokit.request('POST /repos/{owner}/{repo}/labels', {
      owner: repo.owner,
      repo: repo.repo,
      name: DRIFT_LABEL,
      color: DRIFT_LABEL_COLOR,
      description: DRIFT_LABEL_DESCRIPTION,
    });
  } catch (error) {
    // Made meanwhile by another runner's job: what was wanted.
    if ((error as { status?: number }).status !== 422) throw error;
  }
}
