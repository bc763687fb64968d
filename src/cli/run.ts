import { parseArgs, type ParseArgsConfig } from 'node:util';
import { GitError, UnknownRevisionError } from '../git/git.js';
import { InputError } from '../model/types.js';
import { DamagedRecordError } from '../state/record-file.js';
import { LeaseHeldError } from '../state/store.js';
import type { CommandContext, CommandDefinition, RawArgs } from './command.js';
import { COMMANDS } from './commands/index.js';
import { formatDiagnostics } from './diagnostics.js';
import { commandHelp, overallHelp } from './help.js';
import { EXIT_FAILED, EXIT_INPUT, EXIT_OK, UsageError, useColor, type CliIo } from './io.js';
import { packageVersion } from './version.js';

/**
 * Runs one svcplan invocation and resolves to its exit code. Never throws and never exits the
 * process, so tests run it in-process and main.ts only wires the process streams to it.
 */
export async function runCli(argv: string[], io: CliIo, commands: CommandDefinition<unknown>[] = COMMANDS): Promise<number> {
  const ctx: CommandContext = { io, cwd: io.cwd ?? process.cwd(), color: useColor(io) };
  try {
    return await dispatch(argv, ctx, commands);
  } catch (error) {
    return reportError(error, ctx);
  }
}

async function dispatch(argv: string[], ctx: CommandContext, commands: CommandDefinition<unknown>[]): Promise<number> {
  const { io } = ctx;
  const first = argv[0];
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' ? argv[1] : undefined;
    if (topic !== undefined) {
      io.stdout.write(commandHelp(findCommand(topic, commands)));
      return EXIT_OK;
    }
    if (first === undefined) {
      io.stderr.write(overallHelp(commands, packageVersion()));
      return EXIT_INPUT;
    }
    io.stdout.write(overallHelp(commands, packageVersion()));
    return EXIT_OK;
  }
  if (first === '-V' || first === '--version') {
    io.stdout.write(packageVersion() + '\n');
    return EXIT_OK;
  }
  if (first.startsWith('-')) {
    throw new UsageError(`unknown option ${first} before the command`, 'usage: svcplan <command> [options]; svcplan --help lists the commands');
  }
  const command = findCommand(first, commands);
  const rest = argv.slice(1);
  // --help wins over every other problem on the line, as users expect from any CLI.
  if (rest.some((a) => a === '--help' || a === '-h')) {
    io.stdout.write(commandHelp(command));
    return EXIT_OK;
  }
  const settings = command.parse(parseCommandArgs(command, rest), ctx);
  return command.run(settings, ctx);
}

function findCommand(name: string, commands: CommandDefinition<unknown>[]): CommandDefinition<unknown> {
  const command = commands.find((c) => c.name === name);
  if (command) return command;
  const near = commands.find((c) => editDistance(c.name, name) <= 2);
  throw new UsageError(`unknown command '${name}'`, (near ? `did you mean '${near.name}'? ` : '') + `commands: ${commands.map((c) => c.name).join(', ')}`);
}

function parseCommandArgs(command: CommandDefinition<unknown>, args: string[]): RawArgs {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, flag] of Object.entries(command.flags)) {
    options[name] = { type: flag.type, ...(flag.short ? { short: flag.short } : {}), ...(flag.multiple ? { multiple: true } : {}) };
  }
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(parseErrorMessage(error), `svcplan ${command.name} --help lists its options`);
  }
  const values = parsed.values as RawArgs['values'];
  const maxPositionals = command.maxPositionals ?? 0;
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`unexpected argument '${parsed.positionals[maxPositionals]}'`, `usage: svcplan ${command.usage}`);
  }
  return { values, positionals: parsed.positionals };
}

function parseErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // parseArgs appends advice about '--' that does not apply to svcplan; keep its first sentence.
  return message.split('. To specify a positional')[0].replace(/\.$/, '');
}

function reportError(error: unknown, ctx: CommandContext): number {
  const { io } = ctx;
  if (error instanceof InputError) {
    io.stderr.write(formatDiagnostics(error.diagnostics, ctx.color));
    io.stderr.write(`svcplan: ${error.diagnostics.length} problem${error.diagnostics.length === 1 ? '' : 's'} found; nothing was changed\n`);
    return EXIT_INPUT;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`svcplan: ${error.message}\n` + (error.hint ? `  ${error.hint}\n` : ''));
    return EXIT_INPUT;
  }
  if (error instanceof UnknownRevisionError) {
    io.stderr.write(`svcplan: ${error.message}\n`);
    return EXIT_INPUT;
  }
  if (error instanceof GitError) {
    // git itself failed (a broken repository, a missing git): the user can act on git's message.
    io.stderr.write(`svcplan: ${error.message}\n`);
    return EXIT_FAILED;
  }
  if (error instanceof LeaseHeldError || error instanceof DamagedRecordError) {
    io.stderr.write(`svcplan: ${error.message}\n`);
    return EXIT_FAILED;
  }
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  io.stderr.write(`svcplan: internal error: ${message} (please report this with the command you ran)\n`);
  if (ctx.io.env?.SVCPLAN_DEBUG && error instanceof Error && error.stack) io.stderr.write(error.stack + '\n');
  return EXIT_FAILED;
}

/** Levenshtein distance, for "did you mean" on a mistyped command. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
