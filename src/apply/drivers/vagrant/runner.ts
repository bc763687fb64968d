// Every external program the Vagrant driver runs (vagrant, virsh, VBoxManage) goes through a
// CommandRunner, with an argument array (no shell). The real runner starts the program with
// node:child_process; the recording runner is what `svcplan apply --dry-run` uses: it lists the
// exact commands, in order, and runs none of them.

import { spawn } from 'node:child_process';

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

/** Seconds between the polite stop (SIGTERM) of a timed-out program and SIGKILL. */
const KILL_GRACE_SECONDS = 5;

/**
 * Runs programs as child processes. Plain node:child_process rather than a process library: an
 * apply runs one process per vagrant call, hundreds per rollout, and each start is paid on the
 * main thread.
 */
export class ProcessRunner implements CommandRunner {
  /** `env` adds to (and overrides) the inherited environment, where VAGRANT_* settings pass through. */
  constructor(private readonly env: Record<string, string> = {}) {}

  run(command: CommandLine, options: RunOptions = {}): Promise<CommandResult> {
    return new Promise((resolvePromise) => {
      const stdout: string[] = [];
      const stderr: string[] = [];
      const child = spawn(command.program, command.args, {
        cwd: command.cwd,
        env: { ...process.env, ...VAGRANT_ENV, VAGRANT_CWD: command.cwd, ...this.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let timedOut = false;
      let startError: Error | undefined;
      const timers: NodeJS.Timeout[] = [];
      if (options.timeoutSeconds) {
        timers.push(
          setTimeout(() => {
            timedOut = true;
            child.kill('SIGTERM');
            // A program that ignores SIGTERM (vagrant waiting on a provider) is not waited for forever.
            timers.push(setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_SECONDS * 1000).unref());
          }, options.timeoutSeconds * 1000),
        );
      }
      const collect = (stream: NodeJS.ReadableStream | null, into: string[], name: OutputStream) => {
        if (!stream) return;
        stream.setEncoding('utf8');
        let rest = '';
        stream.on('data', (chunk: string) => {
          rest += chunk;
          let nl: number;
          while ((nl = rest.indexOf('\n')) >= 0) {
            const line = rest.slice(0, nl).replace(/\r$/, '');
            rest = rest.slice(nl + 1);
            into.push(line);
            options.onLine?.(line, name);
          }
        });
        stream.on('end', () => {
          if (!rest) return;
          into.push(rest);
          options.onLine?.(rest, name);
          rest = '';
        });
      };
      collect(child.stdout, stdout, 'stdout');
      collect(child.stderr, stderr, 'stderr');
      child.on('error', (err) => {
        // Not started (missing program, cwd gone); 'close' still follows.
        startError ??= err;
      });
      child.on('exit', () => {
        // A timed-out program's children (ssh under vagrant) may still hold its output open;
        // what it wrote so far is all there will be.
        if (!timedOut) return;
        child.stdout?.destroy();
        child.stderr?.destroy();
      });
      child.on('close', (code, signal) => {
        for (const t of timers) clearTimeout(t);
        if (code !== null && !startError) {
          resolvePromise({ exitCode: code, stdout: stdout.join('\n'), stderr: stderr.join('\n') });
          return;
        }
        // No exit code to report: not started, killed by the timeout, or killed by a signal.
        const why = startError
          ? `could not start ${command.program}: ${startError.message}`
          : timedOut
            ? `timed out after ${options.timeoutSeconds} s`
            : `killed by ${signal ?? 'a signal'}`;
        resolvePromise({ exitCode: 127, stdout: stdout.join('\n'), stderr: [...stderr, why].join('\n') });
      });
    });
  }
}

/** The former name of ProcessRunner, for existing callers. */
export const ExecaRunner = ProcessRunner;
export type ExecaRunner = ProcessRunner;

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
