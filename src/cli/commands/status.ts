import { leaseStaleness } from '../../state/lease.js';
import type { Lease, StateStore } from '../../state/store.js';
import type { RecordedState, ServiceRecord } from '../../model/types.js';
import { REPO_FLAG, defineCommand, stringFlag } from '../command.js';
import { EXIT_OK, UsageError, styler, type Style } from '../io.js';
import { openRepoStore, openTemplatesRepo } from '../repo.js';

interface StatusSettings {
  repo?: string;
  format: 'text' | 'json';
  services: string[];
}

export const statusCommand = defineCommand<StatusSettings>({
  name: 'status',
  summary: 'show the recorded state of every service',
  usage: 'status [SERVICE...] [--format text|json] [--repo DIR]',
  description:
    'Prints what was last applied to each service, from the configured state store: the revision ' +
    '(commit, release), every instance with its status and image, a pin left by a rollback, state ' +
    'disks kept after their instance was destroyed, and the lease of an apply that is running.',
  flags: {
    format: { type: 'string', value: 'FORMAT', description: 'text (default) or json' },
    ...REPO_FLAG,
  },
  maxPositionals: Infinity,
  parse(args) {
    const format = stringFlag(args, 'format') ?? 'text';
    if (format !== 'text' && format !== 'json') {
      throw new UsageError(`--format ${format}: unknown format`, 'use text or json');
    }
    return { repo: stringFlag(args, 'repo'), format, services: args.positionals };
  },
  async run(settings, ctx) {
    const repo = await openTemplatesRepo(settings.repo, ctx.cwd);
    const store = await openRepoStore(repo);
    const recorded = await store.read();
    const unknown = settings.services.filter((name) => !recorded[name]);
    if (unknown.length > 0) {
      throw new UsageError(
        `nothing is recorded for ${unknown.join(', ')}`,
        `recorded services: ${Object.keys(recorded).sort().join(', ') || 'none yet (run svcplan apply)'}`,
      );
    }
    const names = (settings.services.length > 0 ? settings.services : Object.keys(recorded)).sort();
    const leases = await readLeases(store, names);
    if (settings.format === 'json') {
      const services = names.map((name) => {
        const lease = leases[name];
        return { ...recorded[name], lease: lease ? { ...lease, stale: leaseStaleness(lease) ?? false } : undefined };
      });
      ctx.io.stdout.write(JSON.stringify({ store: store.kind, services }, null, 2) + '\n');
      return EXIT_OK;
    }
    ctx.io.stdout.write(renderStatusText(recorded, names, leases, store.kind, styler(ctx.color)));
    return EXIT_OK;
  },
});

async function readLeases(store: StateStore, names: string[]): Promise<Record<string, Lease | undefined>> {
  const entries = await Promise.all(names.map(async (name) => [name, await store.readLease(name)] as const));
  return Object.fromEntries(entries);
}

const STATUS_STYLE: Record<string, Style> = { ready: 'green', pending: 'yellow', failed: 'red' };

export function renderStatusText(
  recorded: RecordedState,
  names: string[],
  leases: Record<string, Lease | undefined>,
  storeKind: string,
  style: (s: Style, text: string) => string,
): string {
  if (names.length === 0) {
    return `nothing recorded yet (${storeKind} state store): run svcplan plan, then svcplan apply\n`;
  }
  return names.map((name) => renderService(recorded[name], leases[name], style)).join('\n');
}

function renderService(record: ServiceRecord, lease: Lease | undefined, style: (s: Style, text: string) => string): string {
  const lines: string[] = [];
  const rev = record.revision;
  lines.push(
    `${style('bold', record.name)} (template ${record.template}, release ${rev.release}) at ${rev.commit.slice(0, 12) || '(no commit)'}` +
      (rev.ref ? ` ${rev.ref}` : ''),
  );
  const last = record.history[record.history.length - 1];
  if (last) {
    lines.push(`  last deployment: #${last.id} ${last.kind} ${last.result}${last.finishedAt ? ` at ${last.finishedAt}` : ` since ${last.startedAt}`}`);
  }
  if (record.pin) {
    lines.push(
      style('yellow', `  pinned to deployment #${record.pin.deployment} since ${record.pin.at}`) +
        ' (a rollback; the next change to its template or service lifts the pin)',
    );
  }
  if (lease) {
    const stale = leaseStaleness(lease);
    lines.push(
      stale
        ? style('yellow', `  stale lease of ${lease.owner}: ${stale}; the next apply takes it over (after any vagrant call it left has finished)`)
        : style('yellow', `  being applied by ${lease.owner} (lease until ${lease.expiresAt})`),
    );
  }
  const instances = [...record.instances].sort((a, b) => a.tier.localeCompare(b.tier) || a.index - b.index);
  const width = Math.max(0, ...instances.map((i) => i.name.length));
  for (const inst of instances) {
    const spec = inst.spec;
    const detail = `${spec.image.box}@${spec.image.version}, ${spec.cpus} cpu, ${spec.memory} MiB` + (spec.state ? `, state disk ${spec.state.disk} GiB` : '');
    const target = inst.step?.to ?? inst.pendingSpec;
    const pending = inst.step
      ? ` (${inst.step.action}${target ? ` to ${target.image.box}@${target.image.version}` : ''} at ${inst.step.phase}${inst.step.failed ? `, failed: ${inst.step.failed.message.split('\n')[0]}` : ''})`
      : inst.status === 'pending' && target
        ? ` (was becoming ${target.image.box}@${target.image.version})`
        : '';
    lines.push(`  ${inst.name.padEnd(width)}  ${style(STATUS_STYLE[inst.status] ?? 'bold', inst.status.padEnd(7))}  ${detail}${pending}`);
  }
  if (instances.length === 0) lines.push('  no instances');
  for (const disk of record.retainedDisks) {
    lines.push(`  retained state disk of ${disk.instance}: ${disk.sizeGiB} GiB, since ${disk.retainedAt}`);
  }
  return lines.join('\n') + '\n';
}
