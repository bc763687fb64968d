import { planRollback, rollback, RollbackTargetError, type ApplyReport } from '../apply/index.js';
import { applyMachinery } from '../core/apply-machinery.js';
import { gracefulStop } from '../core/graceful-stop.js';
import { createServiceDeployment, setDeploymentStatus } from '../github/deployments.js';
import { postIssueComment } from '../github/pull-requests.js';
import { deploymentStateOf, renderApplyResult } from './apply-report.js';
import { describeProgress } from './apply-command.js';
import type { ActionContext } from './context.js';
import { ActionInputError } from './input.js';
import { DEFAULT_RUNNER_LABEL, runnerLabelOf, servicesForRunner } from './matrix.js';
import { publishPlan } from './publish-plan.js';
import { actionOwner, logDriverOutput, openActionStateStore, openCheckedOutRepo, runnerFilter } from './templates-repo.js';

/**
 * `command: rollback` (workflow_dispatch with service, to, issue, runner): redeploys an earlier
 * recorded deployment of one service as a new forward update, pinned so the next apply leaves it
 * there. With `runner`, only that runner's instances are touched, and a service another runner
 * applies is refused before anything happens. Dispatching the workflow is the confirmation, so no
 * further `--yes` is asked for.
 */
export async function rollbackCommand(ctx: ActionContext): Promise<void> {
  const { settings, reporter, octokit } = ctx;
  const service = settings.service;
  if (!service) throw new ActionInputError('rollback needs input service');
  const repo = await openCheckedOutRepo(settings);
  const store = await openActionStateStore(repo, settings);
  let planned;
  try {
    planned = await planRollback({ service, to: settings.to, store, repoDir: repo.dir, head: repo.worktree });
  } catch (error) {
    // An unknown service, deployment or ref: the message lists what exists, for whoever dispatched.
    if (error instanceof RollbackTargetError) throw new ActionInputError(error.message);
    throw error;
  }
  const { plan, target } = planned;
  const doc = plan.document;
  await publishPlan(ctx, plan, { title: `svcplan rollback of ${service} to ${target.label}` });
  if (doc.errors.length > 0) {
    reporter.fail(`svcplan: rollback of ${service} refused: ${doc.errors.length} problem${doc.errors.length === 1 ? '' : 's'}; nothing was changed`);
    return;
  }
  // A runner reaches only its own hypervisor: a job on another runner must not touch the service.
  if (settings.runner !== undefined && servicesForRunner(doc, settings.runner).length === 0) {
    const label = runnerLabelOf(doc.services.find((s) => s.name === service) ?? {});
    const why = label === DEFAULT_RUNNER_LABEL ? 'it names no target.runner' : `its target.runner is ${label}`;
    throw new ActionInputError(
      `rollback of ${service}: this job runs for runner ${settings.runner}, but ${service} is applied by runner ${label} (${why}); ` +
        `nothing was changed. Start the workflow again with runner: ${label}, on a self-hosted runner labelled ${label}.`,
    );
  }
  const commit = settings.sha || repo.headCommit || '';
  const deployment = settings.dryRun
    ? undefined
    : await createServiceDeployment(octokit, ctx.repo, {
        service,
        // GitHub records the commit being deployed: the one the target came from, when known.
        commit: target.revision.commit || commit,
        task: 'rollback',
        description: `svcplan rollback to ${target.label}`,
        planDigest: doc.plan_digest,
      });
  if (deployment)
    await setDeploymentStatus(octokit, ctx.repo, deployment, 'in_progress', { logUrl: settings.runUrl, description: `rolling back to ${target.label}` });

  const machinery = applyMachinery({
    checkout: repo,
    store,
    recorded: settings.dryRun ? await store.read() : {},
    dryRun: settings.dryRun,
    onOutput: logDriverOutput((l) => reporter.info(l)),
  });
  let report: ApplyReport;
  const stop = gracefulStop((line) => reporter.info(line));
  try {
    report = await rollback({
      rollback: planned,
      store: machinery.store,
      driver: machinery.driver,
      owner: actionOwner(settings),
      runner: runnerFilter(settings),
      onProgress: (event) => reporter.info(describeProgress(event)),
      signal: stop.signal,
    });
  } catch (error) {
    if (deployment) await setDeploymentStatus(octokit, ctx.repo, deployment, 'error', { description: (error as Error).message }).catch(() => undefined);
    throw error;
  } finally {
    stop.dispose();
  }
  const result = report.services.find((s) => s.service === service);
  if (deployment)
    await setDeploymentStatus(octokit, ctx.repo, deployment, deploymentStateOf(result?.result ?? 'failed'), {
      logUrl: settings.runUrl,
      description: result?.error ?? result?.result,
    });
  const markdown = renderApplyResult({
    kind: 'rollback',
    report,
    commit,
    planDigest: doc.plan_digest,
    runner: settings.runner,
    dryRun: settings.dryRun,
    runUrl: settings.runUrl,
    deployments: deployment ? { [service]: deployment.id } : {},
    commands: machinery.commands?.(),
  });
  await reporter.summary(markdown);
  reporter.output('result', { ok: report.ok, services: report.services.map((s) => ({ service: s.service, result: s.result, deployment: s.deployment })) });
  if (settings.issue !== undefined && !settings.dryRun) reporter.info(`result posted: ${await postIssueComment(octokit, ctx.repo, settings.issue, markdown)}`);
  if (!report.ok) reporter.fail(`svcplan rollback of ${service} failed: ${result?.error ?? result?.result ?? 'no result'}`);
}
