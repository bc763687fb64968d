import { REPO_FLAG, defineCommand, stringFlag } from '../command.js';
import { UsageError } from '../io.js';
import { openRepoStore, openTemplatesRepo } from '../repo.js';
import { STATE_FLAG, parseStateFlag, svcplanLines } from './apply.js';

const FORMATS = ['text', 'markdown', 'json'] as const;

interface DriftSettings {
  repo?: string;
  services: string[];
  format: (typeof FORMATS)[number];
  runner?: string;
  state?: 'local' | 'git';
}

export const driftCommand = defineCommand<DriftSettings>({
  name: 'drift',
  summary: 'show where the VMs no longer match what was applied',
  usage: 'drift [SERVICE...] [--format text|markdown|json] [--runner LABEL] [--state local|git] [--repo DIR]',
  description:
    'Observes every recorded instance on its hypervisor and compares it with the spec it was ' +
    'recorded with: that the machine exists and runs, the box and version it runs, memory and cpus ' +
    'as the provider reports them, and in the guest the features, settings and app versions ' +
    'svcplan wrote and the state disk. Each difference is shown with its path, recorded → ' +
    'observed, and the action that repairs it, classified as a plan classifies a change; ' +
    'identical differences across instances are one row.\n\n' +
    'Changes nothing and takes no lease; a service an apply is working on is reported as being ' +
    'applied. `svcplan plan --repair` shows the repair as a plan, `svcplan apply --repair` makes it.\n\n' +
    'Exits 0 when nothing drifted, 2 when something did, 1 when the check itself failed.',
  flags: {
    format: { type: 'string', value: 'FORMAT', description: 'text (default), markdown or json (the drift contract, docs/drift.md)' },
    runner: { type: 'string', value: 'LABEL', description: 'only services whose target.runner is LABEL (`default`: services naming none)' },
    ...STATE_FLAG,
    ...REPO_FLAG,
  },
  maxPositionals: Infinity,
  parse(args) {
    const format = stringFlag(args, 'format') ?? 'text';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format ${format}: unknown format`, `use one of ${FORMATS.join(', ')}`);
    const runner = stringFlag(args, 'runner');
    if (runner === '') throw new UsageError('--runner needs a value');
    return { repo: stringFlag(args, 'repo'), services: args.positionals, format: format as DriftSettings['format'], runner, state: parseStateFlag(args) };
  },
  async run(settings, ctx) {
    // The drift check and the Vagrant driver it observes with are loaded when this command runs,
    // not with every command (see ../machines.ts).
    const { checkDrift, driftExitCode, applyMachinery, renderDriftJson, renderDriftMarkdown, renderDriftText } = await import('../machines.js');
    const repo = await openTemplatesRepo(settings.repo, ctx.cwd);
    const store = await openRepoStore(repo, settings.state);
    const recorded = await store.read();
    const unknown = settings.services.filter((s) => !recorded[s]);
    if (unknown.length > 0) {
      throw new UsageError(`nothing is recorded for ${unknown.join(', ')}`, `recorded services: ${Object.keys(recorded).sort().join(', ') || 'none yet'}`);
    }
    const { driver } = applyMachinery({ checkout: repo, store, recorded, dryRun: false, onOutput: svcplanLines(ctx) });
    const report = await checkDrift({
      recorded,
      store,
      driver,
      ...(settings.services.length > 0 ? { services: settings.services } : {}),
      ...(settings.runner ? { runner: settings.runner } : {}),
    });
    const text = settings.format === 'json' ? renderDriftJson(report) : settings.format === 'markdown' ? renderDriftMarkdown(report) : renderDriftText(report);
    ctx.io.stdout.write(text);
    return driftExitCode(report);
  },
});
