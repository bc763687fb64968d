import type { CliIo } from './io.js';

/** One flag of a command, as node:util parseArgs takes it, plus what --help says about it. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Placeholder shown in help, e.g. REF. */
  value?: string;
  description: string;
}

/** What parseArgs found, before a command turns it into its typed settings. */
export interface RawArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

/** Handed to every command run: the streams, and where relative paths start. */
export interface CommandContext {
  io: CliIo;
  cwd: string;
  color: boolean;
}

/**
 * A CLI verb. `parse` turns the raw flags into one typed settings object (throwing UsageError on
 * anything wrong) before `run` does any work, so a bad flag never leaves half-done work behind.
 */
export interface CommandDefinition<Settings> {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The synopsis after `svcplan `, e.g. `plan [--base REF] [--head REF]`. */
  usage: string;
  /** Paragraphs shown by `svcplan <name> --help` under the synopsis. */
  description: string;
  flags: Record<string, FlagSpec>;
  /** How many positional arguments it takes (SERVICE, ...); none when absent. */
  maxPositionals?: number;
  parse(args: RawArgs, ctx: CommandContext): Settings;
  /** Resolves to the exit code. */
  run(settings: Settings, ctx: CommandContext): Promise<number>;
}

/** Keeps each command's settings type while letting the table hold them side by side. */
export function defineCommand<Settings>(def: CommandDefinition<Settings>): CommandDefinition<unknown> {
  return def as CommandDefinition<unknown>;
}

/** Flags every command that works on a templates repository takes. */
export const REPO_FLAG: Record<string, FlagSpec> = {
  repo: { type: 'string', value: 'DIR', description: 'the templates repository (default: the current directory)' },
};

export function stringFlag(args: RawArgs, name: string): string | undefined {
  const v = args.values[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new Error(`flag --${name} is not a string flag`);
  return v;
}

export function booleanFlag(args: RawArgs, name: string): boolean {
  return args.values[name] === true;
}
