import type { RollbackPlan } from '../../apply/rollback.js';
import { RunInterruptedError } from '../../apply/types.js';
import { gracefulStop } from '../../core/graceful-stop.js';
import { renderText } from '../../render/index.js';
import { REPO_FLAG, booleanFlag, defineCommand, stringFlag } from '../command.js';
import { formatDiagnostics } from '../diagnostics.js';
import { EXIT_FAILED, EXIT_INPUT, UsageError, styler } from '../io.js';
import { openRepoStore, openTemplatesRepo } from '../repo.js';
import { STATE_FLAG, exitCodeOf, interruptedAdvice, leaseOwner, parseStateFlag, progressLine, reportText, svcplanLines, writeRefusals } from './apply.js';

interface RollbackSettings {
  repo?: string;
  service: string;
  to?: string;
  yes: boolean;
  state?: 'local' | 'git';
}

export const rollbackCommand = defineCommand<RollbackSettings>({
  name: 'rollback',
  summary: 'redeploy an earlier deployment of a service, and pin it there',
  usage: 'rollback SERVICE [--to ID|REF] [--yes] [--state local|git] [--repo DIR]',
  description:
    'Redeploys what an earlier deployment deployed (--to ID, from `svcplan history SERVICE`), or the ' +
    'service as a Git ref had it (--to REF); without --to, the last succeeded deployment before the ' +
    'current one. The rollback is a new forward update with its own classified plan, shown before ' +
    'anything happens, and is recorded in history.\n\n' +
    'A rollback that is interrupted or fails is finished by the next apply (svcplan apply or svcplan ' +
    'rollback), never undone by it, while the template and service files are as they were.\n\n' +
    'Afterwards the service is pinned: the next apply leaves it alone until a new commit changes ' +
    'its template or service file.\n\n' +
    'Asks for confirmation on a terminal; elsewhere pass --yes.',
  flags: {
    to: { type: 'string', value: 'ID|REF', description: 'deployment id or Git ref to roll back to' },
    yes: { type: 'boolean', short: 'y', description: 'do not ask for confirmation' },
    ...STATE_FLAG,
    ...REPO_FLAG,
  },
  maxPositionals: 1,
  parse(args) {
    const service = args.positionals[0];
    if (!service) throw new UsageError('which service? usage: svcplan rollback SERVICE [--to ID|REF]', 'svcplan status lists the recorded services');
    const to = stringFlag(args, 'to');
    if (to === '') throw new UsageError('--to needs a deployment id or a Git ref');
    return { repo: stringFlag(args, 'repo'), service, to, yes: booleanFlag(args, 'yes'), state: parseStateFlag(args) };
  },
  async run(settings, ctx) {
    // The rollback, the apply engine and the Vagrant driver are loaded when this command runs,
    // not with every command (see ../machines.ts).
    const { RollbackTargetError, planRollback, rollback, applyMachinery } = await import('../machines.js');
    const style = styler(ctx.color);
    const repo = await openTemplatesRepo(settings.repo, ctx.cwd);
    const store = await openRepoStore(repo, settings.state);
    let planned: RollbackPlan;
    try {
      planned = await planRollback({ service: settings.service, to: settings.to, store, repoDir: repo.dir, head: repo.worktree });
    } catch (err) {
      if (err instanceof RollbackTargetError) throw new UsageError(err.message);
      throw err;
    }
    const document = planned.plan.document;
    ctx.io.stdout.write(`${style('bold', `Rollback of ${settings.service} to ${planned.target.label}`)} (release ${planned.target.revision.release})\n`);
    ctx.io.stdout.write(renderText(document, { color: ctx.color }).replace(/\n?$/, '\n'));
    if (document.errors.length > 0) {
      ctx.io.stderr.write(formatDiagnostics(document.errors, ctx.color));
      ctx.io.stderr.write('svcplan: rollback refused; nothing was changed\n');
      return EXIT_INPUT;
    }
    if (!settings.yes) {
      const interactive = Boolean(ctx.io.isTTY) && Boolean(process.stdin.isTTY);
      if (!interactive) {
        ctx.io.stderr.write('svcplan: rollback not confirmed: not on a terminal; pass --yes to roll back without asking\n');
        return EXIT_INPUT;
      }
      // Loaded only to ask: every other command starts without readline.
      const { createInterface } = await import('node:readline/promises');
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      const answer = (await rl.question(`Roll ${settings.service} back to ${planned.target.label}? Type yes to go on: `)).trim();
      rl.close();
      if (answer !== 'yes') {
        ctx.io.stderr.write('svcplan: rollback cancelled; nothing was changed\n');
        return EXIT_INPUT;
      }
    }
    const { driver } = applyMachinery({ checkout: repo, store, recorded: {}, dryRun: false, onOutput: svcplanLines(ctx) });
    const stop = gracefulStop((line) => ctx.io.stderr.write(`${line}\n`));
    try {
      const report = await rollback({
        rollback: planned,
        store,
        driver,
        owner: leaseOwner(),
        onProgress: (e) => ctx.io.stdout.write(progressLine(e, style)),
        signal: stop.signal,
      });
      ctx.io.stdout.write(reportText(report, style));
      writeRefusals(report, ctx.io.stderr);
      if (report.ok) ctx.io.stdout.write(`${settings.service} is pinned: the next apply leaves it alone until its template or service file changes\n`);
      return exitCodeOf(report);
    } catch (err) {
      if (err instanceof RunInterruptedError) {
        ctx.io.stderr.write(`svcplan: ${err.message}\n  ${interruptedAdvice(err)}\n`);
        return EXIT_FAILED;
      }
      throw err;
    } finally {
      stop.dispose();
    }
  },
});
