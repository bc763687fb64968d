import { hostname } from 'node:os';
import { applyMachinery } from '../core/apply-machinery.js';
import { checkDrift, driftExitCode } from '../drift/check.js';
import { syncDriftIssues } from '../github/drift-issues.js';
import { driftRecordFiles, type DriftChecker } from '../github/drift-records.js';
import { postIssueComment } from '../github/pull-requests.js';
import type { DriftReport, RecordedState } from '../model/types.js';
import { runnerLabelOf } from '../plan/index.js';
import { renderDriftJson, renderDriftMarkdown } from '../render/drift.js';
import { GITHUB_COMMENT_LIMIT } from '../render/index.js';
import { GitStateStore, type StateStore } from '../state/index.js';
import type { ActionContext } from './context.js';
import { ActionInputError, type ActionSettings } from './input.js';
import { logDriverOutput, openActionStateStore, openCheckedOutRepo } from './templates-repo.js';

/**
 * `command: drift`, for a scheduled workflow on the self-hosted runner of each label: observes
 * this runner's recorded services (every one without `runner`) as `svcplan drift` does, keeps one
 * issue per drifted service, records each service's report on the state branch (where the app's
 * `/drift` reads it), and sets `drifted` and `drift-json`. Drift is a successful run; the step
 * fails only when the check itself did. With `list-runners: true` it observes nothing and lists
 * the runner labels that have recorded services (`matrix`), for the job that starts the others.
 */
export async function driftCommand(ctx: ActionContext): Promise<void> {
  const { settings, reporter } = ctx;
  const repo = await openCheckedOutRepo(settings);
  const store = await openActionStateStore(repo, settings);
  const recorded = await store.read();
  const labels = driftRunnerLabels(recorded, settings);
  if (settings.listRunners) {
    reporter.output('matrix', { runner: labels });
    reporter.output('has-services', labels.length > 0);
    reporter.info(labels.length > 0 ? `runners with recorded services: ${labels.join(', ')}` : 'nothing recorded to check');
    return;
  }

  const { driver } = applyMachinery({ checkout: repo, store, recorded, dryRun: false, onOutput: logDriverOutput((l) => reporter.info(l)) });
  const report = await checkDrift({
    recorded,
    store,
    driver,
    ...(settings.service ? { services: [settings.service] } : {}),
    ...(settings.runner ? { runner: settings.runner } : {}),
  });
  const drifted = report.summary.drifted_services > 0;
  const jsonPath = await reporter.writeFile(settings.tempDir, `svcplan/drift-${report.checked_at.replace(/[^0-9]/g, '')}.json`, renderDriftJson(report));
  reporter.output('drifted', drifted);
  reporter.output('drift-json', jsonPath);
  const markdown = renderDriftMarkdown(report);
  await reporter.summary(markdown);
  for (const s of report.services) reporter.info(`${s.name}: ${s.status}${s.status === 'drifted' ? ` (${s.instances.length} of ${s.checked} instances)` : ''}`);
  for (const e of report.errors) reporter.warning(`drift of ${e.instance ?? e.service}: ${e.message}`);

  if (settings.dryRun) {
    reporter.info('dry run: no issue, comment or state branch was written');
  } else {
    const by: DriftChecker = {
      ...(settings.runner ? { runner: settings.runner } : {}),
      host: process.env.RUNNER_NAME || hostname(),
      ...(settings.runUrl ? { run_url: settings.runUrl } : {}),
    };
    await recordReports(ctx, store, report, by);
    const outcomes = await syncDriftIssues(ctx.octokit, ctx.repo, report, { runner: settings.runner, runUrl: settings.runUrl });
    for (const o of outcomes) if (o.issue) reporter.info(`${o.service}: drift issue #${o.issue.number} ${o.change} (${o.issue.url})`);
    const byPerson = outcomes.find((o) => o.authoredBy);
    if (byPerson) {
      reporter.warning(
        `drift issues are written as ${byPerson.authoredBy}, not by a bot, so the next check cannot tell them from anyone's and opens new ones: ` +
          "give github-token the workflow's own token (${{ github.token }}) or a GitHub App's",
      );
    }
    if (settings.issue !== undefined) {
      const footer = settings.runUrl ? `\n[workflow run](${settings.runUrl})\n` : '';
      const body = renderDriftMarkdown(report, { maxLength: GITHUB_COMMENT_LIMIT - footer.length }) + footer;
      reporter.info(`report posted: ${await postIssueComment(ctx.octokit, ctx.repo, settings.issue, body)}`);
    }
  }
  if (driftExitCode(report) === 1) {
    const failed = [...new Set(report.errors.map((e) => e.service))];
    reporter.fail(`svcplan drift: the check failed for ${failed.join(', ')}: ${report.errors.map((e) => e.message).join('; ')}`);
  }
}

/**
 * The runner labels that have recorded services, sorted: the `runner` input's alone when given,
 * the label of the `service` input's service when given. An unknown service, or a service and a
 * runner that do not go together, is refused with what exists.
 */
export function driftRunnerLabels(recorded: RecordedState, settings: Pick<ActionSettings, 'service' | 'runner'>): string[] {
  const labelOf = (name: string) => runnerLabelOf({ runner: recorded[name]?.spec.target.runner });
  if (settings.service) {
    if (!recorded[settings.service]) {
      throw new ActionInputError(
        `drift of ${settings.service}: nothing is recorded for it; recorded services: ${Object.keys(recorded).sort().join(', ') || 'none yet'}`,
      );
    }
    const label = labelOf(settings.service);
    if (settings.runner !== undefined && settings.runner !== label) {
      throw new ActionInputError(
        `drift of ${settings.service}: this job runs for runner ${settings.runner}, but ${settings.service} lives on runner ${label}; ` +
          `start the workflow again with runner: ${label}, or without a runner.`,
      );
    }
    return [label];
  }
  const labels = new Set(Object.keys(recorded).map(labelOf));
  if (settings.runner !== undefined) return labels.has(settings.runner) ? [settings.runner] : [];
  return [...labels].sort();
}

/** Each checked service's report on the state branch, one commit; only the git store is read by the app. */
async function recordReports(ctx: ActionContext, store: StateStore, report: DriftReport, by: DriftChecker): Promise<void> {
  const files = driftRecordFiles(report, by);
  if (Object.keys(files).length === 0) return;
  if (!(store instanceof GitStateStore)) {
    ctx.reporter.info('drift reports are recorded on the state branch only with the git state store (state: git); nothing recorded');
    return;
  }
  await store.writeDriftReports(files, `drift checked${ctx.settings.runner ? ` on runner ${ctx.settings.runner}` : ''}: ${Object.keys(files).join(', ')}`);
}
