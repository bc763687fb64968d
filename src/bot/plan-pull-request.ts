import { computePlan } from '../core/compute-plan.js';
import { GitHubTreeReader } from '../github/api-tree-reader.js';
import { resolveStateSettings } from '../core/setup.js';
import { defaultConfig, loadConfig, type RepoConfig } from '../load/index.js';
import type { TreeReader } from '../load/tree.js';
import type { Diagnostic, Plan, PlanDocument } from '../model/types.js';
import { publishPlanComment } from '../github/plan-comment.js';
import { completeCheckRun, startCheckRun, type CheckConclusion } from '../github/check-run.js';
import type { BotDeps, PullRequestRef } from './deps.js';
import { readRecordedStateFromBranch } from './recorded-state.js';

export interface PullRequestPlanResult {
  conclusion: CheckConclusion;
  plan?: PlanDocument;
  comment?: { id: number; created: boolean };
}

/**
 * Plans a pull request: desired state at the head against what is recorded (what is not recorded
 * is planned as new, as the apply will make it), then one plan comment and one finished check run. Any failure
 * along the way finishes the check as failure with the reason, so a PR never keeps a spinning
 * check.
 */
export async function planPullRequest(deps: BotDeps, pr: PullRequestRef, options: { alwaysComment?: boolean } = {}): Promise<PullRequestPlanResult> {
  const check = await startCheckRun(deps.octokit, deps.repo, { name: deps.settings.checkName, headSha: pr.head.sha });
  try {
    const plan = await computePullRequestPlan(deps, pr);
    const doc = plan.document;
    const comment = await postPlanComment(deps, pr, plan, options.alwaysComment ?? false);
    const conclusion = conclusionOf(doc);
    await completeCheckRun(deps.octokit, deps.repo, check, {
      conclusion,
      title: checkTitle(doc),
      summary: checkSummary(doc, comment?.url),
      annotations: doc.errors.map(annotationOf),
    });
    return { conclusion, plan: doc, comment: comment && { id: comment.id, created: comment.created } };
  } catch (error) {
    deps.log.error({ err: error, pr: pr.number }, 'planning the pull request failed');
    await completeCheckRun(deps.octokit, deps.repo, check, {
      conclusion: 'failure',
      title: 'svcplan could not plan this pull request',
      summary: `svcplan could not plan this pull request:\n\n\`\`\`\n${messageOf(error)}\n\`\`\`\n\nPush again or comment \`/plan\` to retry.`,
      annotations: [],
    });
    return { conclusion: 'failure' };
  }
}

/** The state branch as configured on a branch (the default branch, for comment commands). */
export async function stateBranchAt(deps: BotDeps, branch: string): Promise<string> {
  const reader = await GitHubTreeReader.open(deps.octokit, deps.repo, { ref: branch, commit: branch }, deps.blobs);
  return stateBranchOf(deps, reader);
}

export async function computePullRequestPlan(deps: BotDeps, pr: PullRequestRef): Promise<Plan> {
  const head = await GitHubTreeReader.open(deps.octokit, deps.repo, { ref: pr.head.ref, commit: pr.head.sha }, deps.blobs);
  const branch = await stateBranchOf(deps, head);
  const recorded = await readRecordedStateFromBranch(deps, branch);
  return computePlan({ head, recorded });
}

/** The state branch, resolved as every door resolves it (core/setup.ts); a broken config is reported by the plan. */
async function stateBranchOf(deps: BotDeps, reader: TreeReader): Promise<string> {
  const explicit = deps.settings.stateBranch ? { branch: deps.settings.stateBranch } : {};
  let config: RepoConfig;
  try {
    config = await loadConfig(reader);
  } catch {
    config = defaultConfig();
  }
  return resolveStateSettings(config, explicit, { store: 'git' }).branch;
}

/**
 * Creates the comment only when there is something to say (a change or an error), as the Action
 * does; an existing comment is always brought up to date, so it never shows a plan that is gone.
 */
function postPlanComment(deps: BotDeps, pr: PullRequestRef, plan: Plan, always: boolean) {
  return publishPlanComment(deps.octokit, { ...deps.repo, issueNumber: pr.number }, plan, { always });
}

export function hasChanges(doc: PlanDocument): boolean {
  const s = doc.summary;
  return s.create + s.refresh + s.restart + s.replace + s.destroy > 0;
}

function conclusionOf(doc: PlanDocument): CheckConclusion {
  if (doc.errors.length > 0) return 'failure';
  return hasChanges(doc) ? 'success' : 'neutral';
}

function checkTitle(doc: PlanDocument): string {
  if (doc.errors.length > 0) return `${doc.errors.length} problem${doc.errors.length === 1 ? '' : 's'} in the templates repository`;
  if (!hasChanges(doc)) return 'No changes';
  const s = doc.summary;
  const parts = (['create', 'refresh', 'restart', 'replace', 'destroy'] as const).filter((a) => s[a] > 0).map((a) => `${s[a]} to ${a}`);
  return parts.join(', ');
}

function checkSummary(doc: PlanDocument, commentUrl: string | undefined): string {
  const s = doc.summary;
  const lines = [
    `Plan digest: \`${doc.plan_digest}\``,
    '',
    `| create | refresh | restart | replace | destroy | unchanged |`,
    `|---:|---:|---:|---:|---:|---:|`,
    `| ${s.create} | ${s.refresh} | ${s.restart} | ${s.replace} | ${s.destroy} | ${s.none} |`,
  ];
  if (doc.errors.length > 0) lines.push('', 'Nothing can be applied while a file is invalid; the annotations show where.');
  if (commentUrl) lines.push('', `Full plan: ${commentUrl}`);
  return lines.join('\n');
}

function annotationOf(d: Diagnostic) {
  return { path: d.file, line: Math.max(1, d.line), column: Math.max(1, d.column), message: d.message };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
