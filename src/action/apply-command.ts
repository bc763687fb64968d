import { applyPlan } from '../apply/index.js';
import { applyMachinery } from '../core/apply-machinery.js';
import type { ApplyReport, ProgressEvent } from '../apply/types.js';
import { computePlan } from '../core/compute-plan.js';
import { gracefulStop } from '../core/graceful-stop.js';
import { createServiceDeployment, setDeploymentStatus, type ServiceDeployment } from '../github/deployments.js';
import { findPlanComment, judgeStale, reviewedPlanOf } from '../github/plan-comment.js';
import { findPullRequestForCommit, postIssueComment } from '../github/pull-requests.js';
import type { Plan } from '../model/types.js';
import { deploymentStateOf, renderApplyResult } from './apply-report.js';
import type { ActionContext } from './context.js';
import { serviceHasWork, servicesForRunner } from './matrix.js';
import { publishPlan } from './publish-plan.js';
import { actionOwner, logDriverOutput, openActionStateStore, openCheckedOutRepo, runnerFilter } from './templates-repo.js';

/**
 * `command: apply`, on a push to the default branch. Plans the pushed tree against the recorded
 * state (never against a commit: a missed run is caught up), says when that plan differs from
 * the one reviewed on the merged pull request, applies the services of this runner through
 * Vagrant one upgrade domain at a time, records every step on the state branch, reports a
 * GitHub deployment per service, and comments the result on the pull request.
 */
export async function applyCommand(ctx: ActionContext): Promise<void> {
  const { settings, reporter, octokit } = ctx;
  const repo = await openCheckedOutRepo(settings);
  const realStore = await openActionStateStore(repo, settings);
  const recorded = await realStore.read();
  const plan = await computePlan({ head: repo.worktree, recorded });
  const doc = plan.document;
  await publishPlan(ctx, plan, { title: 'svcplan apply' });
  if (doc.errors.length > 0) {
    reporter.fail(`svcplan: plan refused: ${doc.errors.length} problem${doc.errors.length === 1 ? '' : 's'} (see the annotations); nothing was applied`);
    return;
  }

  const commit = settings.sha || repo.headCommit || '';
  const pull = commit
    ? await findPullRequestForCommit(octokit, ctx.repo, commit).catch((error: unknown) => {
        reporter.warning(`could not look up the pull request of ${commit}: ${(error as Error).message}`);
        return undefined;
      })
    : undefined;
  let stale: { reviewed: string; pullRequest: number } | undefined;
  if (pull) {
    const comment = await findPlanComment(octokit, { ...ctx.repo, issueNumber: pull.number });
    const judged = comment ? judgeStale(reviewedPlanOf(comment.body), plan, settings.runner) : undefined;
    reporter.output('pull-request', pull.number);
    reporter.output('reviewed-digest', judged?.reviewed ?? '');
    if (judged?.stale) {
      stale = { reviewed: judged.reviewed, pullRequest: pull.number };
      reporter.warning(
        `stale plan: #${pull.number} was reviewed with plan ${judged.reviewed}${settings.runner ? ` for runner ${settings.runner}` : ''}, but the plan applied now is ${judged.current}; ` +
          'the recorded state of these services or the templates changed after the review. The job summary shows the plan applied.',
      );
    }
  }
  reporter.output('stale-plan', stale !== undefined);

  const services = servicesForRunner(doc, settings.runner).filter(serviceHasWork);
  if (services.length === 0) {
    reporter.info(settings.runner ? `nothing to apply on runner ${settings.runner}` : 'nothing to apply');
    reporter.output('result', { ok: true, services: [] });
    return;
  }
  const scoped: Plan = { document: { ...doc, services }, desired: plan.desired };

  const deployments = new Map<string, ServiceDeployment>();
  // A dry run walks the same steps against a copy of the recorded state: nothing written, no VM touched.
  const { store, driver, commands } = applyMachinery({
    checkout: repo,
    store: realStore,
    recorded,
    dryRun: settings.dryRun,
    onOutput: logDriverOutput((l) => reporter.info(l)),
  });
  if (!settings.dryRun) {
    for (const s of services) {
      const d = await createServiceDeployment(octokit, ctx.repo, {
        service: s.name,
        commit,
        description: `svcplan apply ${doc.plan_digest.slice(0, 19)}`,
        planDigest: doc.plan_digest,
      });
      deployments.set(s.name, d);
      await setDeploymentStatus(octokit, ctx.repo, d, 'in_progress', { logUrl: settings.runUrl, description: 'applying' });
    }
  }

  let report: ApplyReport;
  // A cancelled job gets SIGINT: the steps under way finish and are recorded, the lease is freed.
  const stop = gracefulStop((line) => reporter.info(line));
  try {
    report = await applyPlan({
      plan: scoped,
      store,
      driver,
      owner: actionOwner(settings),
      runner: runnerFilter(settings),
      revision: { commit, ref: settings.ref || 'HEAD' },
      onProgress: (event) => reporter.info(describeProgress(event)),
      signal: stop.signal,
    });
  } catch (error) {
    for (const d of deployments.values()) {
      await setDeploymentStatus(octokit, ctx.repo, d, 'error', { logUrl: settings.runUrl, description: (error as Error).message }).catch(() => undefined);
    }
    throw error;
  } finally {
    stop.dispose();
  }

  const ghIds: Record<string, number> = {};
  for (const s of report.services) {
    const d = deployments.get(s.service);
    if (!d) continue;
    ghIds[s.service] = d.id;
    await setDeploymentStatus(octokit, ctx.repo, d, deploymentStateOf(s.result), {
      logUrl: settings.runUrl,
      description: s.error ?? `${s.result}${s.deployment !== undefined ? `: svcplan deployment #${s.deployment}` : ''}`,
    });
  }
  const markdown = renderApplyResult({
    kind: 'apply',
    report,
    commit,
    planDigest: doc.plan_digest,
    runner: settings.runner,
    dryRun: settings.dryRun,
    runUrl: settings.runUrl,
    stale,
    deployments: ghIds,
    commands: commands?.(),
  });
  await reporter.summary(markdown);
  reporter.output('result', { ok: report.ok, services: report.services.map((s) => ({ service: s.service, result: s.result, deployment: s.deployment })) });
  if (pull && !settings.dryRun) {
    reporter.info(`result posted: ${await postIssueComment(octokit, ctx.repo, pull.number, markdown)}`);
  }
  if (!report.ok) {
    const failed = report.services.filter((s) => deploymentStateOf(s.result) !== 'success' && s.result !== 'skipped');
    reporter.fail(`svcplan apply failed for ${failed.map((s) => `${s.service} (${s.result})`).join(', ')}`);
  }
}

export function describeProgress(event: ProgressEvent): string {
  switch (event.kind) {
    case 'service-started':
      return `${event.service}: deployment #${event.deployment}, ${event.steps} step${event.steps === 1 ? '' : 's'}`;
    case 'domain-started':
      return `${event.service}/${event.tier}: upgrade domain ${event.domain}: ${event.instances.join(', ')}`;
    case 'instance-started':
      return `${event.instance}: ${event.action}…`;
    case 'instance-finished':
      return `${event.instance}: ${event.action} ${event.ok ? 'done' : 'FAILED'} in ${event.seconds}s${event.error ? `: ${event.error}` : ''}`;
    case 'gate':
      return `${event.service}/${event.tier}: domain ${event.domain} health gate ${event.ok ? 'passed' : `failed (${event.unhealthy.join(', ')})`}`;
    case 'pause':
      return `${event.service}: pausing ${event.seconds}s between domains`;
    case 'rollback-started':
      return `${event.service}: rolling back ${event.instances.join(', ')}`;
    case 'note':
      return `${event.instance ?? event.service}: ${event.line}`;
    case 'replanned':
      return event.message;
    case 'service-finished':
      return `${event.service}: ${event.result}${event.deployment !== undefined ? ` (deployment #${event.deployment})` : ''}`;
  }
}
