// Every external program the Vagrant driver runs (vagrant, virsh, VBoxManage) goes through a
// CommandRunner, with an argument array (no shell). The real runner uses execa; the recording
// runner is what `svcplan apply --dry-run` uses: it lists the exact commands, in order, and runs
// none of them.

import { execa } from 'execa';

export interface CommandLine {
  program: string;
  args: string[];
  /** The service's Vagrant directory (or any directory the command must run in). */
  cwd: string;
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export type OutputStream = 'stdout' | 'stderr';

export interface RunOptions {
  /** Each line of output as it arrives. */
  onLine?: (line: string, stream: OutputStream) => void;
  /** Seconds after which the program is killed. */
  timeoutSeconds?: number;
}

export interface CommandRunner {
  /** Runs a program to completion; a non-zero exit is a result, not an exception. */
  run(command: CommandLine, options?: RunOptions): Promise<CommandResult>;
}

/** `vagrant ssh NAME -c 'cmd'` as a user would type it, for logs and dry-run output. */
export function formatCommandLine(command: CommandLine): string {
  return [command.program, ...command.args].map(shellWord).join(' ');
}

function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : "'" + word.replace(/'/g, "'\\''") + "'";
}

/** Fixed settings that keep Vagrant quiet and offline-friendly when it runs unattended. */
const VAGRANT_ENV: Record<string, string> = {
  VAGRANT_CHECKPOINT_DISABLE: '1',
  VAGRANT_BOX_UPDATE_CHECK_DISABLE: '1',
  VAGRANT_NO_COLOR: '1',
};

export class ExecaRunner implements CommandRunner {
  /** `env` adds to (and overrides) the inherited environment, where VAGRANT_* settings pass through. */
  constructor(private readonly env: Record<string, string> = {}) {}

  async run(command: CommandLine, options: RunOptions = {}): Promise<CommandResult> {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const child = execa(command.program, command.args, {
      cwd: command.cwd,
      env: { ...VAGRANT_ENV, VAGRANT_CWD: command.cwd, ...this.env },
      extendEnv: true,
      reject: false,
      stdin: 'ignore',
      buffer: false,
      stripFinalNewline: false,
      timeout: options.timeoutSeconds ? options.timeoutSeconds * 1000 : undefined,
      killSignal: 'SIGTERM',
    });
    const pump = async (stream: AsyncIterable<unknown> | null | undefined, into: string[], name: OutputStream) => {
      if (!stream) return;
      let rest = '';
      for await (const chunk of stream) {
        rest += String(chunk);
        let nl: number;
        while ((nl = rest.indexOf('\n')) >= 0) {
          const line = rest.slice(0, nl).replace(/\r$/, '');
          rest = rest.slice(nl + 1);
          into.push(line);
          options.onLine?.(line, name);
        }
      }
      if (rest) {
        into.push(rest);
        options.onLine?.(rest, name);
      }
    };
    const [result] = await Promise.all([
      child,
      pump(child.stdout as AsyncIterable<unknown> | null, stdout, 'stdout'),
      pump(child.stderr as AsyncIterable<unknown> | null, stderr, 'stderr'),
    ]);
    if (result.failed && result.exitCode === undefined) {
      // Not started (missing program) or killed by the timeout: no exit code to report.
      const why = result.timedOut ? `timed out after ${options.timeoutSeconds} s` : result.shortMessage;
      return { exitCode: 127, stdout: stdout.join('\n'), stderr: [...stderr, why].join('\n') };
    }
    return { exitCode: result.exitCode ?? 1, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
  }
}

/**
 * Records commands instead of running them. Every command "succeeds" with empty output, except
 * where a canned answer is given (e.g. `vagrant status` for observe), so a dry run walks the
 * same path a real run would.
 */
export class RecordingRunner implements CommandRunner {
  readonly commands: CommandLine[] = [];

  constructor(private readonly answer: (command: CommandLine) => CommandResult | undefined = () => undefined) {}

  async run(command: CommandLine): Promise<CommandResult> {
    this.commands.push({ program: command.program, args: [...command.args], cwd: command.cwd });
    return this.answer(command) ?? { exitCode: 0, stdout: '', stderr: '' };
  }

  /** The recorded commands as a user would type them, one per line. */
  lines(): string[] {
    return this.commands.map(formatCommandLine);
  }
}
