import type { Deployment } from '../../model/types.js';
import { REPO_FLAG, defineCommand, stringFlag } from '../command.js';
import { EXIT_OK, UsageError, styler, type Style } from '../io.js';
import { openRepoStore, openTemplatesRepo } from '../repo.js';
import { STATE_FLAG, parseStateFlag } from './apply.js';

interface HistorySettings {
  repo?: string;
  service: string;
  format: 'text' | 'json';
  state?: 'local' | 'git';
}

const RESULT_STYLE: Record<string, Style> = { succeeded: 'green', failed: 'red', 'rolled-back': 'yellow', 'in-progress': 'cyan' };

export const historyCommand = defineCommand<HistorySettings>({
  name: 'history',
  summary: 'list the deployments of a service',
  usage: 'history SERVICE [--format text|json] [--state local|git] [--repo DIR]',
  description:
    'Every deployment recorded for the service, oldest first: its id (what `svcplan rollback ' +
    'SERVICE --to ID` takes), kind (apply or rollback), revision (short commit and release), when it ' +
    'started and finished, and its result.',
  flags: {
    format: { type: 'string', value: 'FORMAT', description: 'text (default) or json' },
    ...STATE_FLAG,
    ...REPO_FLAG,
  },
  maxPositionals: 1,
  parse(args) {
    const service = args.positionals[0];
    if (!service) throw new UsageError('which service? usage: svcplan history SERVICE', 'svcplan status lists the recorded services');
    const format = stringFlag(args, 'format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format ${format}: unknown format`, 'use text or json');
    return { repo: stringFlag(args, 'repo'), service, format, state: parseStateFlag(args) };
  },
  async run(settings, ctx) {
    const repo = await openTemplatesRepo(settings.repo, ctx.cwd);
    const store = await openRepoStore(repo, settings.state);
    const recorded = await store.read();
    const record = recorded[settings.service];
    if (!record) {
      throw new UsageError(
        `nothing is recorded for service ${settings.service}`,
        `recorded services: ${Object.keys(recorded).sort().join(', ') || 'none yet (run svcplan apply)'}`,
      );
    }
    if (settings.format === 'json') {
      ctx.io.stdout.write(
        JSON.stringify(
          record.history.map(({ spec: _spec, ...d }) => d),
          null,
          2,
        ) + '\n',
      );
      return EXIT_OK;
    }
    ctx.io.stdout.write(renderHistory(record.history, styler(ctx.color)));
    return EXIT_OK;
  },
});

export function renderHistory(history: Deployment[], style: (s: Style, t: string) => string): string {
  const rows = history.map((d) => [
    String(d.id),
    d.kind + (d.rollbackOf !== undefined ? ` of ${d.rollbackOf}` : ''),
    `${d.revision.commit ? d.revision.commit.slice(0, 7) : 'worktree'} ${d.revision.release}`,
    d.startedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
    d.finishedAt ? d.finishedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '-',
    d.result,
  ]);
  const header = ['ID', 'KIND', 'REVISION', 'STARTED', 'FINISHED', 'RESULT'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[], styleLast = false) =>
    cells
      .map((cell, c) => {
        const padded = c === cells.length - 1 ? cell : cell.padEnd(widths[c]);
        return styleLast && c === cells.length - 1 ? style(RESULT_STYLE[cell] ?? 'bold', padded) : padded;
      })
      .join('  ');
  const out = [style('bold', line(header)), ...rows.map((r) => line(r, true))];
  if (rows.length === 0) out.push('no deployments recorded');
  return out.join('\n') + '\n';
}
