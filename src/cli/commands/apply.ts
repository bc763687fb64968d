import { hostname, userInfo } from 'node:os';
import { RunInterruptedError, StoppedOnRequest, type ApplyReport, type ProgressEvent } from '../../apply/types.js';
import { gracefulStop } from '../../core/graceful-stop.js';
import { computePlan } from '../../core/compute-plan.js';
import { renderText } from '../../render/index.js';
import { REPO_FLAG, booleanFlag, defineCommand, stringFlag, type RawArgs } from '../command.js';
import { formatDiagnostics } from '../diagnostics.js';
import { EXIT_FAILED, EXIT_INPUT, EXIT_OK, UsageError, styler, type Style } from '../io.js';
import { openRepoStore, openTemplatesRepo } from '../repo.js';
import type { ServiceRecord } from '../../model/types.js';
import type { DriverOutput } from '../../apply/drivers/vagrant/index.js';

interface ApplySettings {
  repo?: string;
  services?: string[];
  dryRun: boolean;
  repair: boolean;
  runner?: string;
  state?: 'local' | 'git';
}

export const STATE_FLAG = {
  state: { type: 'string' as const, value: 'KIND', description: 'state store: local or git (default: state.store of svcplan.yaml)' },
};

export function parseStateFlag(args: RawArgs): 'local' | 'git' | undefined {
  const state = stringFlag(args, 'state');
  if (state !== undefined && state !== 'local' && state !== 'git') {
    throw new UsageError(`--state ${state}: unknown state store`, 'use local (a folder in the working copy) or git (the svcplan-state branch)');
  }
  return state;
}

/** Who holds the lease while this process applies: shown to a second caller. */
export function leaseOwner(): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): the host and pid still say who it is.
  }
  return `${user}@${hostname()} pid ${process.pid}`;
}

export const applyCommand = defineCommand<ApplySettings>({
  name: 'apply',
  summary: 'apply the working tree to the VMs, one upgrade domain at a time',
  usage: 'apply [--service S]... [--dry-run] [--repair] [--runner LABEL] [--state local|git] [--repo DIR]',
  description:
    'Plans the working tree against the recorded state (a service with nothing recorded is created), ' +
    'prints the plan, and applies it: services side by side, tiers by rollout.order, one upgrade ' +
    'domain at a time with a health gate after each. State is recorded after every instance step, ' +
    'so a run that is killed is finished by the next apply.\n\n' +
    '--dry-run prints the vagrant commands in the order they would run and changes nothing.\n\n' +
    '--repair plans against the machines as they really are (what svcplan drift sees) instead of ' +
    'the record alone, so drift is repaired with ordinary steps: domains, gates, history.\n\n' +
    'Exits 0 when everything was applied, 1 when a step or a health gate failed, 2 when the plan ' +
    'is refused or another apply holds a service.',
  flags: {
    service: { type: 'string', multiple: true, value: 'S', description: 'only this service (repeatable)' },
    'dry-run': { type: 'boolean', description: 'print the vagrant commands instead of running them' },
    repair: { type: 'boolean', description: 'also repair drift: plan against the machines as they really are (svcplan drift)' },
    runner: { type: 'string', value: 'LABEL', description: 'only instances whose target.runner is LABEL' },
    ...STATE_FLAG,
    ...REPO_FLAG,
  },
  parse(args) {
    const services = args.values.service as string[] | undefined;
    for (const s of services ?? []) if (!s) throw new UsageError('--service needs a value');
    const runner = stringFlag(args, 'runner');
    if (runner === '') throw new UsageError('--runner needs a value');
    return {
      repo: stringFlag(args, 'repo'),
      services,
      dryRun: booleanFlag(args, 'dry-run'),
      repair: booleanFlag(args, 'repair'),
      runner,
      state: parseStateFlag(args),
    };
  },
  async run(settings, ctx) {
    // The apply engine, the Vagrant driver and the drift observer are loaded when an apply runs,
    // not with every command (see ../machines.ts).
    const { applyPlan, applyMachinery, observedRecord, observedState } = await import('../machines.js');
    const style = styler(ctx.color);
    const repo = await openTemplatesRepo(settings.repo, ctx.cwd);
    const store = await openRepoStore(repo, settings.state);
    const machinery = applyMachinery({ checkout: repo, store, recorded: {}, dryRun: false, onOutput: svcplanLines(ctx) });
    let recorded = await store.read();
    if (settings.repair) {
      // The machines as they are stand in for the record: drift becomes ordinary steps.
      const observed = await observedState({
        recorded,
        driver: machinery.driver,
        ...(settings.services ? { services: settings.services } : {}),
        ...(settings.runner ? { runner: settings.runner } : {}),
      });
      recorded = observed.recorded;
      for (const line of observed.unrepaired) ctx.io.stderr.write(`svcplan: not repaired: ${line}\n`);
    }
    const plan = await computePlan({ head: repo.worktree, recorded, services: settings.services });
    const document = plan.document;
    if (document.errors.length > 0) {
      ctx.io.stderr.write(formatDiagnostics(document.errors, ctx.color));
      ctx.io.stderr.write(`svcplan: apply refused: ${document.errors.length} problem(s); nothing was changed\n`);
      return EXIT_INPUT;
    }
    const unknown = (settings.services ?? []).filter((s) => document.warnings.some((w) => w.startsWith(`service ${s} is neither`)));
    if (unknown.length > 0) {
      throw new UsageError(
        `--service ${unknown.join(', ')}: no such service in the templates repository or the recorded state`,
        'svcplan plan lists every service',
      );
    }
    ctx.io.stdout.write(withNewline(renderText(document, { color: ctx.color })));
    if (document.services.length === 0) {
      ctx.io.stdout.write('nothing to apply\n');
      return EXIT_OK;
    }
    const revision = { commit: document.head.commit, ref: document.head.ref };

    if (settings.dryRun) {
      // The same run against a copy of the state: no lease, no state write, no VM touched.
      const dry = applyMachinery({ checkout: repo, store, recorded, dryRun: true });
      await applyPlan({ plan, store: dry.store, driver: dry.driver, owner: leaseOwner(), runner: settings.runner, revision });
      ctx.io.stdout.write(`\n${style('bold', 'dry run')}: these commands would run, in this order (nothing was changed):\n`);
      for (const line of dry.commands!()) ctx.io.stdout.write(`  ${line}\n`);
      return EXIT_OK;
    }

    let report: ApplyReport;
    const stop = gracefulStop((line) => ctx.io.stderr.write(`${line}\n`));
    try {
      report = await applyPlan({
        plan,
        store,
        driver: machinery.driver,
        owner: leaseOwner(),
        runner: settings.runner,
        revision,
        onProgress: (e) => ctx.io.stdout.write(progressLine(e, style)),
        signal: stop.signal,
        // Under the lease, the record is corrected by the machines as they are then.
        ...(settings.repair ? { reconcile: async (record: ServiceRecord) => (await observedRecord(machinery.driver, record)).record } : {}),
      });
    } catch (err) {
      if (err instanceof RunInterruptedError) {
        ctx.io.stderr.write(`svcplan: ${err.message}\n  ${interruptedAdvice(err)}\n`);
        return EXIT_FAILED;
      }
      throw err;
    } finally {
      stop.dispose();
    }
    ctx.io.stdout.write(reportText(report, style));
    writeRefusals(report, ctx.io.stderr);
    return exitCodeOf(report);
  },
});

/** The driver's own lines (what it runs, what it decides) go to stderr; vagrant's output stays quiet. */
export function svcplanLines(ctx: { io: { stderr: { write(text: string): unknown } } }) {
  return (o: DriverOutput) => {
    if (o.stream === 'svcplan') ctx.io.stderr.write(`  ${o.instance ?? o.service}: ${o.line}\n`);
  };
}

/** What an interrupted run leaves for the next one, as the user should hear it. */
export function interruptedAdvice(err: RunInterruptedError): string {
  return err instanceof StoppedOnRequest
    ? 'what was under way finished and was recorded; run svcplan apply again to go on from there'
    : 'each step under way stays at the phase it recorded; run svcplan apply again to finish it from there';
}

/** A service refused (held by another apply, or a plan its record no longer allows) is an error: stderr says why. */
export function writeRefusals(report: ApplyReport, stderr: { write(text: string): unknown }): void {
  for (const s of report.services) if (s.result === 'refused' && s.error) stderr.write(`svcplan: ${s.error}\n`);
}

export function exitCodeOf(report: ApplyReport): number {
  if (report.ok) return EXIT_OK;
  const failed = report.services.some((s) => s.result === 'failed' || s.result === 'rolled-back' || s.result === 'interrupted');
  return failed ? EXIT_FAILED : EXIT_INPUT;
}

export function progressLine(e: ProgressEvent, style: (s: Style, t: string) => string): string {
  switch (e.kind) {
    case 'service-started':
      return `${style('bold', e.service)}: deployment ${e.deployment} started (${e.steps} step${e.steps === 1 ? '' : 's'})\n`;
    case 'domain-started':
      return `${e.service}: tier ${e.tier}, upgrade domain ${e.domain}: ${e.instances.join(', ')}\n`;
    case 'instance-started':
      return `  ${e.instance}: ${e.action}…\n`;
    case 'instance-finished':
      return e.ok
        ? `  ${e.instance}: ${e.action} ${style('green', 'done')} in ${e.seconds.toFixed(1)}s\n`
        : `  ${e.instance}: ${e.action} ${style('red', 'FAILED')} after ${e.seconds.toFixed(1)}s: ${e.error}\n`;
    case 'gate':
      return e.ok
        ? `${e.service}: health gate of tier ${e.tier} domain ${e.domain} ${style('green', 'passed')}\n`
        : `${e.service}: health gate of tier ${e.tier} domain ${e.domain} ${style('red', 'FAILED')}: ${e.unhealthy.join(', ')}\n`;
    case 'pause':
      return `${e.service}: pausing ${e.seconds}s between domains\n`;
    case 'rollback-started':
      return `${e.service}: ${style('yellow', 'rolling back')} ${e.instances.join(', ')}\n`;
    case 'note':
      return `  ${e.instance ?? e.service}: ${e.line}\n`;
    case 'replanned':
      return `${style('yellow', 'note')}: ${e.message}\n`;
    case 'service-finished':
      return `${style('bold', e.service)}: ${e.result}${e.deployment ? ` (deployment ${e.deployment})` : ''}\n`;
  }
}

/** What was done and what was not, per service and instance, for a run that did not fully succeed. */
export function reportText(report: ApplyReport, style: (s: Style, t: string) => string): string {
  const lines: string[] = [];
  for (const s of report.services) {
    if (s.result === 'succeeded' || s.result === 'unchanged' || s.result === 'skipped') continue;
    lines.push(`${style('bold', s.service)}: ${style('red', s.result)}${s.error ? `: ${s.error}` : ''}`);
    for (const i of s.instances) {
      if (i.action === 'none') continue;
      lines.push(`  ${i.name.padEnd(24)} ${i.action.padEnd(8)} ${i.outcome}${i.error ? ` (${i.error.split('\n')[0]})` : ''}`);
    }
  }
  const ok = report.services.filter((s) => s.result === 'succeeded').length;
  lines.push(
    report.ok
      ? style('green', `apply complete: ${ok} service(s) updated`)
      : style('red', 'apply did not complete; see above. Run svcplan apply again to resume once the cause is fixed.'),
  );
  return lines.join('\n') + '\n';
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : text + '\n';
}
