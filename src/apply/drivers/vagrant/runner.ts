// Every external program the Vagrant driver runs (vagrant, virsh, VBoxManage) goes through a
// CommandRunner, with an argument array (no shell). The real runner starts the program with
// node:child_process; the recording runner is what `svcplan apply --dry-run` uses: it lists the
// exact commands, in order, and runs none of them.

import { execa } from 'execa';
import { CALL_WRAPPER } from './calls.js';

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
  /** Stops the program (SIGTERM, then SIGKILL) when aborted. */
  signal?: AbortSignal;
  /**
   * Runs the program under the call wrapper (calls.ts), which writes its pid and exit code to
   * `<receipt>.pid` / `<receipt>.exit`, so a later run learns what became of it even when this
   * process was killed meanwhile. Not combined with `signal` or `timeoutSeconds`.
   */
  receipt?: string;
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

/** Milliseconds between the polite stop (SIGTERM) of a timed-out program and SIGKILL. */
const KILL_GRACE_MS = 5_000;

/** Runs programs through execa with argument arrays (never a shell), streaming output by line. */
export class ExecaRunner implements CommandRunner {
  /** `env` adds to (and overrides) the inherited environment, where VAGRANT_* settings pass through. */
  constructor(private readonly env: Record<string, string> = {}) {}

  async run(command: CommandLine, options: RunOptions = {}): Promise<CommandResult> {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const [program, args] = options.receipt
      ? ['sh', ['-c', CALL_WRAPPER, 'sh', options.receipt, command.program, ...command.args]]
      : [command.program, command.args];
    const child = execa(program, args, {
      cwd: command.cwd,
      env: { ...VAGRANT_ENV, VAGRANT_CWD: command.cwd, ...this.env },
      extendEnv: true,
      reject: false,
      stdin: 'ignore',
      buffer: false,
      stripFinalNewline: false,
      timeout: options.timeoutSeconds ? options.timeoutSeconds * 1000 : undefined,
      cancelSignal: options.signal,
      killSignal: 'SIGTERM',
      // A program that ignores SIGTERM (vagrant waiting on a provider) is not waited for forever.
      forceKillAfterDelay: KILL_GRACE_MS,
      // When svcplan itself is stopped, a vagrant step already under way finishes rather than being
      // killed halfway (a half-created VM is worse); the recorded state says the step is pending.
      cleanup: false,
    });
    // A timed-out program's children (ssh under vagrant) may still hold its output open; what it
    // wrote until it exited is all there will be.
    child.once('exit', () => {
      if (!child.killed) return;
      child.stdout?.destroy();
      child.stderr?.destroy();
    });
    const collect = (stream: NodeJS.ReadableStream | null | undefined, into: string[], name: OutputStream) => {
      if (!stream) return;
      stream.setEncoding('utf8');
      let rest = '';
      const emit = (line: string) => {
        into.push(line);
        options.onLine?.(line, name);
      };
      stream.on('data', (chunk: string) => {
        rest += chunk;
        let nl: number;
        while ((nl = rest.indexOf('\n')) >= 0) {
          emit(rest.slice(0, nl).replace(/\r$/, ''));
          rest = rest.slice(nl + 1);
        }
      });
      const flush = () => {
        if (rest) emit(rest);
        rest = '';
      };
      stream.on('end', flush);
      stream.on('close', flush);
    };
    collect(child.stdout, stdout, 'stdout');
    collect(child.stderr, stderr, 'stderr');
    const result = await child;
    if (result.exitCode !== undefined && !result.timedOut && !result.isTerminated) {
      return { exitCode: result.exitCode, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
    }
    // No exit code to report: not started, killed by the timeout, or killed by a signal.
    const why = result.timedOut
      ? `timed out after ${options.timeoutSeconds} s`
      : result.isCanceled
        ? 'stopped: no longer needed'
        : result.isTerminated
        ? `killed by ${result.signal ?? 'a signal'}`
        : `could not start ${command.program}: ${result.originalMessage ?? result.shortMessage}`;
    return { exitCode: 127, stdout: stdout.join('\n'), stderr: [...stderr, why].join('\n') };
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
