import { hostname } from 'node:os';
import { planRollback, rollback, RollbackTargetError, type ApplyReport } from '../apply/index.js';
import { createDryRunDriver, VagrantDriver } from '../apply/drivers/vagrant/index.js';
import { MemoryStateStore } from '../state/index.js';
import { gracefulStop } from '../core/graceful-stop.js';
import { createServiceDeployment, setDeploymentStatus } from '../github/deployments.js';
import { postIssueComment } from '../github/pull-requests.js';
import { deploymentStateOf, renderApplyResult } from './apply-report.js';
import { describeProgress } from './apply-command.js';
import type { ActionContext } from './context.js';
import { ActionInputError } from './input.js';
import { publishPlan } from './publish-plan.js';
import { openActionStateStore, openCheckedOutRepo } from './templates-repo.js';

/**
 * `command: rollback` (workflow_dispatch with service, to, issue): redeploys an earlier recorded
 * deployment of one service as a new forward update, pinned so the next apply leaves it there.
 * Dispatching the workflow is the confirmation, so no further `--yes` is asked for.
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
  if (deployment) await setDeploymentStatus(octokit, ctx.repo, deployment, 'in_progress', { logUrl: settings.runUrl, description: `rolling back to ${target.label}` });

  const dryRun = createDryRunDriver(repo.dir);
  let report: ApplyReport;
  const stop = gracefulStop((line) => reporter.info(line));
  try {
    report = await rollback({
      rollback: planned,
      store: settings.dryRun ? new MemoryStateStore(await store.read(), store.kind) : store,
      driver: settings.dryRun ? dryRun.driver : new VagrantDriver({ repoDir: repo.dir, onOutput: (o) => reporter.info(`[${o.instance ?? o.service}] ${o.line}`) }),
      owner: `github-actions ${process.env.GITHUB_RUN_ID ?? ''} ${hostname()} pid ${process.pid}`.replace(/\s+/g, ' ').trim(),
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
  if (deployment) await setDeploymentStatus(octokit, ctx.repo, deployment, deploymentStateOf(result?.result ?? 'failed'), { logUrl: settings.runUrl, description: result?.error ?? result?.result });
  const markdown = renderApplyResult({
    kind: 'rollback',
    report,
    commit,
    planDigest: doc.plan_digest,
    dryRun: settings.dryRun,
    runUrl: settings.runUrl,
    deployments: deployment ? { [service]: deployment.id } : {},
    commands: settings.dryRun ? dryRun.recorder.lines() : undefined,
  });
  await reporter.summary(markdown);
  reporter.output('result', { ok: report.ok, services: report.services.map((s) => ({ service: s.service, result: s.result, deployment: s.deployment })) });
  if (settings.issue !== undefined && !settings.dryRun) reporter.info(`result posted: ${await postIssueComment(octokit, ctx.repo, settings.issue, markdown)}`);
  if (!report.ok) reporter.fail(`svcplan rollback of ${service} failed: ${result?.error ?? result?.result ?? 'no result'}`);
}
