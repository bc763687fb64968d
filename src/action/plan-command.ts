import { computePlan } from '../core/compute-plan.js';
import type { TreeReader } from '../load/tree.js';
import { publishPlanComment } from '../github/plan-comment.js';
import { named } from '../load/index.js';
import type { ActionContext } from './context.js';
import { publishPlan } from './publish-plan.js';
import { openActionStateStore, openCheckedOutRepo, readerAtCommit } from './templates-repo.js';

/**
 * `command: plan`. The desired state is the pull request's head (or, on a push, the checked-out
 * tree); the recorded state comes from the store. What is not recorded is planned as new, as the
 * apply after the merge will make it. On a pull request the one plan comment is created (only when
 * there is something to say) or updated (also to say a later push removed every change).
 */
export async function planCommand(ctx: ActionContext): Promise<void> {
  const { settings, reporter } = ctx;
  const repo = await openCheckedOutRepo(settings);
  const recorded = await (await openActionStateStore(repo, settings)).read();
  const pull = settings.event.pull_request;
  let head: TreeReader = repo.worktree;
  if (pull) {
    // The pull request's own head, named as the pull request names it, as the app plans it: the
    // same plan gives the same comment whichever door writes it (actions/checkout checks out a
    // merge commit by default, whose tree is the head merged into the base).
    const headAt = await readerAtCommit(repo, pull.head.sha);
    if (headAt) head = named(headAt, { ref: pull.head.ref, commit: pull.head.sha });
    else reporter.warning(`head commit ${pull.head.sha} could not be read; planning the checked-out tree instead`);
  }
  const plan = await computePlan({ head, recorded });
  const doc = plan.document;
  await publishPlan(ctx, plan);
  reporter.info(`svcplan plan ${doc.plan_digest}: ${JSON.stringify(doc.summary)}`);

  if (pull) {
    const comment = await publishPlanComment(ctx.octokit, { ...ctx.repo, issueNumber: pull.number }, plan);
    reporter.output('comment-url', comment?.url ?? '');
    reporter.info(comment ? `plan comment ${comment.created ? 'created' : 'updated'}: ${comment.url}` : 'no changes and no plan comment yet: nothing posted');
  }
  if (doc.errors.length > 0) {
    reporter.fail(`svcplan: plan refused: ${doc.errors.length} problem${doc.errors.length === 1 ? '' : 's'} (see the annotations); nothing was changed`);
  }
}
