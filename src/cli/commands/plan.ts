import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { computePlan } from '../../core/compute-plan.js';
import { readOnce } from '../../load/tree.js';
import type { PlanDocument } from '../../model/types.js';
import { renderJson, renderMarkdown, renderText } from '../../render/index.js';
import { REPO_FLAG, booleanFlag, defineCommand, stringFlag } from '../command.js';
import { formatDiagnostics } from '../diagnostics.js';
import { EXIT_INPUT, EXIT_OK, UsageError } from '../io.js';
import { openRepoStore, openTemplatesRepo, readerAt } from '../repo.js';

const FORMATS = ['text', 'markdown', 'json'] as const;
type PlanFormat = (typeof FORMATS)[number];

interface PlanSettings {
  repo?: string;
  base?: string;
  head?: string;
  format: PlanFormat;
  /** Absolute path; the plan goes to stdout when absent. */
  out?: string;
  repair: boolean;
}

export const planCommand = defineCommand<PlanSettings>({
  name: 'plan',
  summary: 'show what applying the templates would do to every instance',
  usage: 'plan [--base REF] [--head REF] [--format text|markdown|json] [--out FILE] [--repair] [--repo DIR]',
  description:
    'Compares the desired state (the working tree, or --head) with the recorded state of every ' +
    'service and classifies each instance: create, refresh, restart, replace (new OS image, state ' +
    'disk kept), destroy or none, with the reason for each.\n\n' +
    'Where a service has nothing recorded yet its instances are created, as the apply will create ' +
    'them (svcplan import records VMs that already run a service). --base REF is a what-if: the ' +
    'desired state at REF stands in for services with nothing recorded, as if REF were deployed.\n\n' +
    'Exits 2, with every problem as file:line:column: message on stderr, when a file is invalid or ' +
    'the plan is refused (a shrinking state disk, a count outside scale, more disruption than ' +
    'maxDisruption allows). The markdown and json forms are still written then, since they carry ' +
    'the errors for a pull request comment or a machine.',
  flags: {
    base: { type: 'string', value: 'REF', description: 'what-if: plan services with nothing recorded as if REF were deployed' },
    head: { type: 'string', value: 'REF', description: 'plan this commit instead of the working tree' },
    format: { type: 'string', value: 'FORMAT', description: 'text (default), markdown (for a pull request comment) or json (the plan contract)' },
    out: { type: 'string', value: 'FILE', description: 'write the plan to FILE instead of stdout' },
    repair: { type: 'boolean', description: 'plan against the machines as they really are (svcplan drift), so drift shows as steps that repair it' },
    ...REPO_FLAG,
  },
  parse(args, ctx) {
    const format = stringFlag(args, 'format') ?? 'text';
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format ${format}: unknown format`, `use one of ${FORMATS.join(', ')}`);
    }
    const out = stringFlag(args, 'out');
    for (const name of ['base', 'head', 'out', 'repo']) {
      if (stringFlag(args, name) === '') throw new UsageError(`--${name} needs a value`);
    }
    return {
      repo: stringFlag(args, 'repo'),
      base: stringFlag(args, 'base'),
      head: stringFlag(args, 'head'),
      format: format as PlanFormat,
      out: out === undefined ? undefined : resolve(ctx.cwd, out),
      repair: booleanFlag(args, 'repair'),
    };
  },
  async run(settings, ctx) {
    const repo = await openTemplatesRepo(settings.repo, ctx.cwd);
    // The working tree is read once: the base takes from it the files it has unchanged.
    const worktree = settings.head === undefined ? readOnce(repo.worktree) : undefined;
    const head = worktree ?? (await readerAt(repo, settings.head!, '--head'));
    // Git finds the base while the head is read; an unknown --base is reported before any output.
    const base = settings.base === undefined ? undefined : readerAt(repo, settings.base, '--base', undefined, worktree);
    base?.catch(() => undefined); // reported where computePlan waits for it
    const store = await openRepoStore(repo);
    let recorded = await store.read();
    if (settings.repair) {
      // Only --repair observes machines: the apply engine and the Vagrant driver are loaded for it
      // alone, not for every plan (see ../machines.ts).
      const { applyMachinery, observedState } = await import('../machines.js');
      const { driver } = applyMachinery({ checkout: repo, store, recorded, dryRun: false });
      const observed = await observedState({ recorded, driver });
      recorded = observed.recorded;
      for (const line of observed.unrepaired) ctx.io.stderr.write(`svcplan: not repaired: ${line}\n`);
    }
    const plan = await computePlan({ head, base, recorded });
    const document = plan.document;
    const refused = document.errors.length > 0;

    if (!refused || settings.format !== 'text') {
      await emit(render(document, settings.format, ctx.color && !settings.out), settings.out, ctx);
    }
    if (refused) {
      ctx.io.stderr.write(formatDiagnostics(document.errors, ctx.color));
      ctx.io.stderr.write(`svcplan: plan refused: ${count(document.errors.length, 'problem')}; nothing was changed\n`);
      return EXIT_INPUT;
    }
    return EXIT_OK;
  },
});

function render(document: PlanDocument, format: PlanFormat, color: boolean): string {
  // JSON never ends with a line break; asking would copy megabytes of text into one piece.
  if (format === 'json') return renderJson(document) + '\n';
  const text = format === 'markdown' ? renderMarkdown(document) : renderText(document, { color });
  return text.endsWith('\n') ? text : text + '\n';
}

async function emit(
  text: string,
  out: string | undefined,
  ctx: { io: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown } } },
): Promise<void> {
  if (out === undefined) {
    ctx.io.stdout.write(text);
    return;
  }
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, text);
  ctx.io.stderr.write(`plan written to ${out}\n`);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
