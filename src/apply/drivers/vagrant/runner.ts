// Every external program the Vagrant driver runs (vagrant, virsh, VBoxManage) goes through a
// CommandRunner, with an argument array (no shell). The real runner starts the program with
// node:child_process; the recording runner is what `svcplan apply --dry-run` uses: it lists the
// exact commands, in order, and runs none of them.

import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { closeSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
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
  /**
   * Text for the program's standard input (without it, the program gets none). Under a
   * `receipt`, it is written to `<receipt>.in` (mode 0600) first and the program reads that file,
   * so it gets all of it even when this process is killed while it runs; the file goes once the
   * program has ended.
   */
  input?: string;
  /**
   * With `receipt`: the program writes its output to `<receipt>.out` and `<receipt>.err`, never to
   * a pipe of this process, and the lines are read from the files as they grow. For a program
   * that must not notice this process's death: ssh whose output channel fails tells the guest,
   * where the command it runs would then die of SIGPIPE halfway.
   */
  detachOutput?: boolean;
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

/**
 * Runs programs with node:child_process `spawn` and argument arrays (never a shell), streaming
 * output by line. Nothing more stands between this process and the program: every call of a run
 * starts one, and each start should cost the fork and little else.
 */
export class ProcessRunner implements CommandRunner {
  /** `env` adds to (and overrides) the inherited environment, where VAGRANT_* settings pass through. */
  constructor(private readonly env: Record<string, string> = {}) {}

  async run(command: CommandLine, options: RunOptions = {}): Promise<CommandResult> {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const [program, args] = options.receipt
      ? ['sh', ['-c', CALL_WRAPPER, 'sh', options.receipt, command.program, ...command.args]]
      : [command.program, command.args];
    // Under a receipt, input and (detached) output go through files next to it.
    const files = options.receipt ? receiptFiles(options.receipt, options) : undefined;
    const stdio: StdioOptions = [
      files?.stdin ?? (options.input !== undefined ? 'pipe' : 'ignore'),
      files?.detached ? files.detached.out.fd : 'pipe',
      files?.detached ? files.detached.err.fd : 'pipe',
    ];
    let child: ChildProcess | undefined;
    let startError: Error | undefined;
    try {
      child = spawn(program, args, {
        cwd: command.cwd,
        env: { ...process.env, ...VAGRANT_ENV, VAGRANT_CWD: command.cwd, ...this.env },
        stdio,
        // When svcplan itself is stopped, a vagrant step already under way finishes rather than being
        // killed halfway (a half-created VM is worse): nothing here kills the program when this
        // process exits; the recorded state says the step is pending.
      });
    } catch (err) {
      // Arguments spawn refuses outright (a NUL byte): as good as a program that is not there.
      startError = err as Error;
    } finally {
      // The child has its own copies of these descriptors now.
      files?.closeChildEnds();
    }
    const lineSplitter = (into: string[], name: OutputStream) => {
      let rest = '';
      const emit = (line: string) => {
        into.push(line);
        options.onLine?.(line, name);
      };
      return {
        push(chunk: string) {
          rest += chunk;
          let nl: number;
          while ((nl = rest.indexOf('\n')) >= 0) {
            emit(rest.slice(0, nl).replace(/\r$/, ''));
            rest = rest.slice(nl + 1);
          }
        },
        flush() {
          if (rest) emit(rest);
          rest = '';
        },
      };
    };
    const collect = (stream: NodeJS.ReadableStream | null | undefined, into: string[], name: OutputStream) => {
      if (!stream) return;
      stream.setEncoding('utf8');
      const lines = lineSplitter(into, name);
      stream.on('data', (chunk: string) => lines.push(chunk));
      stream.on('end', () => lines.flush());
      stream.on('close', () => lines.flush());
    };
    collect(child?.stdout, stdout, 'stdout');
    collect(child?.stderr, stderr, 'stderr');
    const tails = files?.detached
      ? [tailFile(files.detached.out.path, lineSplitter(stdout, 'stdout')), tailFile(files.detached.err.path, lineSplitter(stderr, 'stderr'))]
      : [];
    const timer = tails.length > 0 ? setInterval(() => tails.forEach((t) => t.read()), TAIL_MS) : undefined;
    let ended: Ended;
    try {
      ended = child ? await waitFor(child, options) : { error: startError };
    } finally {
      if (timer) clearInterval(timer);
      for (const t of tails) t.end();
      files?.done();
    }
    if (ended.code !== undefined && ended.stopped !== 'timeout') {
      return { exitCode: ended.code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
    }
    // No exit code to report: not started, killed by the timeout, or killed by a signal.
    const why =
      ended.stopped === 'timeout'
        ? `timed out after ${options.timeoutSeconds} s`
        : ended.stopped === 'cancel'
          ? 'stopped: no longer needed'
          : ended.signal
            ? `killed by ${ended.signal}`
            : `could not start ${command.program}: ${startMessage(ended.error, command.cwd)}`;
    return { exitCode: 127, stdout: stdout.join('\n'), stderr: [...stderr, why].join('\n') };
  }
}

/** How a program ended: its exit code or signal, why this process stopped it, or why it never started. */
interface Ended {
  code?: number;
  signal?: NodeJS.Signals;
  stopped?: 'timeout' | 'cancel';
  error?: Error;
}

/**
 * Waits until the program has exited and its output is closed, stopping it at its timeout or
 * when the signal aborts: SIGTERM, then SIGKILL if it is still there after the grace.
 */
function waitFor(child: ChildProcess, options: RunOptions): Promise<Ended> {
  return new Promise((resolve) => {
    let stopped: Ended['stopped'];
    let graceTimer: NodeJS.Timeout | undefined;
    let settled = false;
    // A stopped program's children (ssh under vagrant) may still hold its output open; what it
    // wrote until it exited is all there will be.
    const letGoOfOutput = () => {
      child.stdout?.destroy();
      child.stderr?.destroy();
    };
    const stop = (reason: NonNullable<Ended['stopped']>) => {
      stopped ??= reason;
      // Exited already, its output still held open by a child of its own: no pid to signal.
      if (child.exitCode !== null || child.signalCode !== null) return letGoOfOutput();
      // A program that ignores SIGTERM (vagrant waiting on a provider) is not waited for forever.
      if (child.kill('SIGTERM') && !graceTimer) graceTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    };
    const timeout = options.timeoutSeconds ? setTimeout(() => stop('timeout'), options.timeoutSeconds * 1000) : undefined;
    const onAbort = () => stop('cancel');
    const signal = options.signal;
    const finish = (ended: Ended) => {
      if (settled) return;
      settled = true;
      if (timeout) clearTimeout(timeout);
      if (graceTimer) clearTimeout(graceTimer);
      signal?.removeEventListener('abort', onAbort);
      resolve(ended);
    };
    child.once('exit', () => {
      // Its pid may be another process's soon: no SIGKILL for it any more.
      if (graceTimer) clearTimeout(graceTimer);
      if (child.killed) letGoOfOutput();
    });
    child.on('error', (error) => {
      // Not started (ENOENT, EACCES, a bad cwd); an error of a started program (a failed kill) ends nothing.
      if (child.pid === undefined) finish({ error });
    });
    child.stdin?.on('error', () => {
      // A program that exits without reading all its input (EPIPE): its exit code tells the rest.
    });
    child.once('close', (code, sig) => {
      finish(code !== null ? { code, stopped } : { signal: sig ?? undefined, stopped });
    });
    if (signal) {
      if (signal.aborted) stop('cancel');
      else signal.addEventListener('abort', onAbort, { once: true });
    }
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** Why a program did not start, naming a working directory that is not there (spawn says ENOENT of the program). */
function startMessage(error: Error | undefined, cwd: string): string {
  const message = String(error?.message ?? error);
  if (resolvePath(cwd) === process.cwd()) return message;
  try {
    if (!statSync(cwd).isDirectory()) return `The "cwd" option is not a directory: ${cwd}.\n${message}`;
  } catch (err) {
    return `The "cwd" option is invalid: ${cwd}.\n${(err as Error).message}\n${message}`;
  }
  return message;
}

/** Milliseconds between reads of a detached program's output files. */
const TAIL_MS = 100;

/** The files a receipted call reads its input from and writes its detached output to. */
function receiptFiles(receipt: string, options: RunOptions) {
  let stdin: number | undefined;
  const inputFile = `${receipt}.in`;
  if (options.input !== undefined) {
    rmSync(inputFile, { force: true });
    writeFileSync(inputFile, options.input, { mode: 0o600 });
    stdin = openSync(inputFile, 'r');
  }
  const open = (path: string) => ({ path, fd: openSync(path, 'w', 0o600) });
  const detached = options.detachOutput ? { out: open(`${receipt}.out`), err: open(`${receipt}.err`) } : undefined;
  let closed = false;
  return {
    stdin,
    detached,
    closeChildEnds() {
      if (closed) return;
      closed = true;
      for (const fd of [stdin, detached?.out.fd, detached?.err.fd]) if (fd !== undefined) closeSync(fd);
    },
    done() {
      this.closeChildEnds();
      if (stdin !== undefined) rmSync(inputFile, { force: true });
    },
  };
}

/** Reads what a file gained since the last read, as UTF-8 text cut into lines. */
function tailFile(path: string, lines: { push(chunk: string): void; flush(): void }) {
  const fd = openSync(path, 'r');
  const decoder = new TextDecoder('utf-8');
  const buffer = Buffer.alloc(64 * 1024);
  let position = 0;
  const read = () => {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, position);
      if (n <= 0) return;
      position += n;
      lines.push(decoder.decode(buffer.subarray(0, n), { stream: true }));
    }
  };
  return {
    read,
    end() {
      read();
      lines.push(decoder.decode());
      lines.flush();
      closeSync(fd);
    },
  };
}

/**
 * Records commands instead of running them. Every command "succeeds" with empty output, except
 * where a canned answer is given (e.g. `vagrant status` for observe), so a dry run walks the
 * same path a real run would.
 */
export class RecordingRunner implements CommandRunner {
  readonly commands: CommandLine[] = [];
  /** What each recorded command was given on its standard input (undefined: nothing). */
  readonly inputs: (string | undefined)[] = [];

  constructor(private readonly answer: (command: CommandLine, options: RunOptions) => CommandResult | undefined = () => undefined) {}

  async run(command: CommandLine, options: RunOptions = {}): Promise<CommandResult> {
    this.commands.push({ program: command.program, args: [...command.args], cwd: command.cwd });
    this.inputs.push(options.input);
    return this.answer(command, options) ?? { exitCode: 0, stdout: '', stderr: '' };
  }

  /** The recorded commands as a user would type them, one per line. */
  lines(): string[] {
    return this.commands.map(formatCommandLine);
  }
}
