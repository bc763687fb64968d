import { dispatchApplyWorkflow, explainDispatchFailure, rollbackDispatchInputs } from '../github/apply-workflow.js';
import { hasWritePermission } from '../github/permissions.js';
import { postIssueComment } from '../github/pull-requests.js';
import { GITHUB_COMMENT_LIMIT, PLAN_COMMENT_MARKER, renderMarkdown } from '../render/index.js';
import { HELP_TEXT, parseCommand, type BotCommand } from './commands.js';
import type { BotDeps, PullRequestRef } from './deps.js';
import { driftReply } from './drift.js';
import { messageOf, planPullRequest, stateBranchAt } from './plan-pull-request.js';
import { readRecordedStateFromBranch } from './recorded-state.js';
import { planRollbackThroughApi, RollbackRefused } from './rollback.js';
import type { RollbackTarget } from '../apply/rollback.js';

/** An issue comment as the dispatcher needs it, decoded from the webhook once. */
export interface CommentEvent {
  commentId: number;
  body: string;
  author: string;
  issueNumber: number;
  isPullRequest: boolean;
  defaultBranch: string;
}

export type CommandOutcome =
  | { kind: 'ignored' }
  | { kind: 'refused'; command: BotCommand['kind'] }
  | { kind: 'done'; command: BotCommand['kind'] }
  | { kind: 'failed'; command: BotCommand['kind']; message: string };

/**
 * The one place comment commands are run. Every command goes through the same steps in the same
 * order: acknowledge, check the author's permission, then act; nothing is read or planned for
 * someone who may not act.
 */
export async function dispatchCommand(deps: BotDeps, event: CommentEvent): Promise<CommandOutcome> {
  const command = parseCommand(event.body);
  if (!command) return { kind: 'ignored' };
  await react(deps, event.commentId);
  if (!(await hasWritePermission(deps.octokit, deps.repo, event.author))) {
    await reply(deps, event, `Sorry @${event.author}, svcplan only acts on commands from people with write access to this repository. Nothing was done.`);
    return { kind: 'refused', command: command.kind };
  }
  try {
    switch (command.kind) {
      case 'help':
        await reply(deps, event, HELP_TEXT);
        break;
      case 'invalid':
        await reply(deps, event, `${command.problem}\n\n${HELP_TEXT}`);
        break;
      case 'plan':
        await runPlan(deps, event);
        break;
      case 'rollback':
        await runRollback(deps, event, command.service, command.to);
        break;
      case 'drift':
        await reply(deps, event, await driftReply(deps, event, command.service));
        break;
    }
    return { kind: 'done', command: command.kind };
  } catch (error) {
    const message = error instanceof RollbackRefused ? error.message : `svcplan could not run \`/${command.kind}\`: ${messageOf(error)}`;
    if (!(error instanceof RollbackRefused)) deps.log.error({ err: error, issue: event.issueNumber }, 'comment command failed');
    await reply(deps, event, message).catch((e) => deps.log.error({ err: e }, 'could not reply'));
    return { kind: 'failed', command: command.kind, message };
  }
}

async function runPlan(deps: BotDeps, event: CommentEvent): Promise<void> {
  if (!event.isPullRequest) {
    await reply(deps, event, '`/plan` works on pull requests only: it plans the change a pull request makes.');
    return;
  }
  const { data } = await deps.octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
    owner: deps.repo.owner,
    repo: deps.repo.repo,
    pull_number: event.issueNumber,
  });
  const pr: PullRequestRef = {
    number: data.number,
    base: { ref: data.base.ref, sha: data.base.sha },
    head: { ref: data.head.ref, sha: data.head.sha },
  };
  // Asked for explicitly, so the answer is a comment even when the plan has nothing to change.
  await planPullRequest(deps, pr, { alwaysComment: true });
}

async function runRollback(deps: BotDeps, event: CommentEvent, service: string, to: string | undefined): Promise<void> {
  const recorded = await readRecordedStateFromBranch(deps, await stateBranchAt(deps, event.defaultBranch));
  const { record, target, plan } = await planRollbackThroughApi(deps, recorded, service, to);
  const inputs = rollbackDispatchInputs({
    service,
    // The resolved target, so the apply redeploys exactly what this reply shows.
    to: target.kind === 'deployment' ? String(target.deployment!.id) : target.revision.commit,
    issue: event.issueNumber,
    // Only the runner that reaches the service's hypervisor can apply it.
    runner: record.spec.target.runner,
  });
  const dispatch = { workflow: deps.settings.workflow, ref: event.defaultBranch, inputs };
  try {
    await dispatchApplyWorkflow(deps.octokit, deps.repo, dispatch);
  } catch (error) {
    throw new RollbackRefused(`${explainDispatchFailure(error, dispatch)} Nothing was applied.`);
  }
  const title = `Rollback of ${service} to ${describeTarget(target)}`;
  const started =
    `Started the \`${dispatch.workflow}\` workflow on \`${dispatch.ref}\` to apply it ` +
    `(command: ${inputs.command}, service: ${inputs.service}, to: ${inputs.to}, runner: ${inputs.runner}); ` +
    `it runs on the self-hosted runner labelled \`${inputs.runner}\` and comments the result here.`;
  // The reply must not carry the plan marker, or it would be taken for the pull request's plan
  // comment; the plan leaves room for the sentence after it within GitHub's comment limit.
  const body = renderMarkdown(plan.document, { title, maxLength: GITHUB_COMMENT_LIMIT - started.length - 2 })
    .split(PLAN_COMMENT_MARKER)
    .join('');
  await reply(deps, event, `${body}\n\n${started}`);
}

function describeTarget(target: RollbackTarget): string {
  const { release, commit, ref } = target.revision;
  return target.kind === 'deployment'
    ? `deployment ${target.deployment!.id} (release ${release}, ${commit.slice(0, 7)})`
    : `${ref} (release ${release}, ${commit.slice(0, 7)})`;
}

async function react(deps: BotDeps, commentId: number): Promise<void> {
  try {
    await deps.octokit.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', {
      owner: deps.repo.owner,
      repo: deps.repo.repo,
      comment_id: commentId,
      content: 'eyes',
    });
  } catch (error) {
    // An acknowledgement only: a command is not abandoned because the reaction failed.
    deps.log.warn({ err: error }, 'could not add the eyes reaction');
  }
}

async function reply(deps: BotDeps, event: CommentEvent, body: string): Promise<void> {
  await postIssueComment(deps.octokit, deps.repo, event.issueNumber, body);
}
