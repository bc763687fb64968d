// Every external program the Vagrant driver runs (vagrant, virsh, VBoxManage) goes through a
// CommandRunner, with an argument array (no shell). The real runner starts the program with
// node:child_process; the recording runner is what `svcplan apply --dry-run` uses: it lists the
// exact commands, in order, and runs none of them.

import { closeSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
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
    // Under a receipt, input and (detached) output go through files next to it.
    const files = options.receipt ? receiptFiles(options.receipt, options) : undefined;
    let child;
    try {
      child = execa(program, args, {
        cwd: command.cwd,
        env: { ...VAGRANT_ENV, VAGRANT_CWD: command.cwd, ...this.env },
        extendEnv: true,
        reject: false,
        ...(files?.stdin !== undefined ? { stdin: fd(files.stdin) } : options.input !== undefined ? { input: options.input } : { stdin: 'ignore' as const }),
        ...(files?.detached ? { stdout: fd(files.detached.out.fd), stderr: fd(files.detached.err.fd) } : {}),
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
    } finally {
      // The child has its own copies of these descriptors now.
      files?.closeChildEnds();
    }
    // A timed-out program's children (ssh under vagrant) may still hold its output open; what it
    // wrote until it exited is all there will be.
    child.once('exit', () => {
      if (!child.killed) return;
      child.stdout?.destroy();
      child.stderr?.destroy();
    });
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
    collect(child.stdout, stdout, 'stdout');
    collect(child.stderr, stderr, 'stderr');
    const tails = files?.detached
      ? [tailFile(files.detached.out.path, lineSplitter(stdout, 'stdout')), tailFile(files.detached.err.path, lineSplitter(stderr, 'stderr'))]
      : [];
    const timer = tails.length > 0 ? setInterval(() => tails.forEach((t) => t.read()), TAIL_MS) : undefined;
    let result;
    try {
      result = await child;
    } finally {
      if (timer) clearInterval(timer);
      for (const t of tails) t.end();
      files?.done();
    }
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
 * A file descriptor of this process given to the program as it is (spawn's stdio integers), so
 * that no stream of this process stands between them. execa passes a lone integer through to
 * spawn; its types only list the few numbers it also handles in arrays.
 */
const fd = (n: number) => n as unknown as 'ignore';

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
