// The one wrapper around the git CLI. Every call passes an argument array (never a shell string),
// and every failure carries git's own stderr, because that is what tells a user what went wrong.
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';

export class GitError extends Error {
  constructor(
    message: string,
    readonly args: string[],
    readonly stderr: string,
    readonly exitCode: number | undefined,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

/** A ref the user named does not exist (a typo, or a branch that was never fetched). */
export class UnknownRevisionError extends GitError {
  constructor(
    readonly ref: string,
    readonly dir: string,
    stderr: string,
  ) {
    super(
      `unknown revision "${ref}" in ${dir}: no branch, tag or commit has that name` + ' (check the spelling, or fetch it first: git fetch origin ' + ref + ')',
      ['rev-parse', ref],
      stderr,
      128,
    );
    this.name = 'UnknownRevisionError';
  }
}

export interface GitRunOptions {
  input?: string;
  env?: Record<string, string>;
}

/** One entry of `git ls-tree -r`: a file (blob) or symlink at a commit. */
export interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  /** Path relative to the top of the work tree. */
  path: string;
}

// Git's messages are parsed in a few places (merge-base exit codes aside), so keep them stable,
// and a git asking for credentials on a terminal would hang a CI job.
const GIT_ENV = { LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' };

export class Git {
  private knownPrefix: Promise<string> | undefined;

  constructor(readonly dir: string) {}

  /**
   * Where `dir` stands: in a Git work tree (then `git`) or not, and the commit HEAD points to
   * (none before the first commit). One git process in the usual case.
   */
  static async locate(dir: string): Promise<{ git?: Git; headCommit?: string }> {
    const git = new Git(dir);
    try {
      const [inside, prefix, head] = (await git.run(['rev-parse', '--is-inside-work-tree', '--show-prefix', 'HEAD^{commit}'])).split('\n');
      if (inside === 'true' && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(head)) {
        git.knownPrefix = Promise.resolve(prefix);
        return { git, headCommit: head };
      }
    } catch (err) {
      if (!(err instanceof GitError)) throw err;
    }
    // Outside a work tree, or before the first commit: asked one at a time.
    const inside = await git.run(['rev-parse', '--is-inside-work-tree']).then(
      (o) => o.trim() === 'true',
      () => false,
    );
    if (!inside) return {};
    return { git, headCommit: await git.tryRevParse('HEAD') };
  }

  /** Runs git in `dir` and returns its stdout exactly as written (final newline kept). */
  async run(args: string[], opts: GitRunOptions = {}): Promise<string> {
    const result = await this.exec(args, opts);
    return result.stdout;
  }

  private async exec(args: string[], opts: GitRunOptions = {}): Promise<{ stdout: string; exitCode: number }> {
    const result = await runGit(this.dir, args, { input: opts.input, env: opts.env, maxBuffer: 512 * 1024 * 1024 });
    if (result.failed) {
      const stderr = result.stderr.toString('utf8').trim();
      const why = stderr || result.cause?.message || `exit code ${result.exitCode}`;
      throw new GitError(`git ${args.join(' ')} failed in ${this.dir}: ${why}`, args, stderr, result.exitCode);
    }
    return { stdout: result.stdout.toString('utf8'), exitCode: result.exitCode ?? 0 };
  }

  /** The full sha of the commit a ref names. Throws UnknownRevisionError when there is none. */
  async revParse(ref: string): Promise<string> {
    checkRefSyntax(ref);
    try {
      return (await this.run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim();
    } catch (err) {
      if (err instanceof GitError && err.exitCode === 1) throw new UnknownRevisionError(ref, this.dir, err.stderr);
      if (err instanceof GitError && /not a git repository/i.test(err.stderr)) throw err;
      if (err instanceof GitError) throw new UnknownRevisionError(ref, this.dir, err.stderr);
      throw err;
    }
  }

  /** Like revParse, but undefined for an unknown ref (or a folder that is not in a Git repository). */
  async tryRevParse(ref: string): Promise<string | undefined> {
    try {
      return await this.revParse(ref);
    } catch (err) {
      if (err instanceof GitError) return undefined;
      throw err;
    }
  }

  /** Absolute path of the top of the work tree that holds `dir`. */
  async topLevel(): Promise<string> {
    return (await this.run(['rev-parse', '--show-toplevel'])).trim();
  }

  /** Path of `dir` relative to the top of the work tree, with a trailing slash ('' at the top). */
  prefix(): Promise<string> {
    this.knownPrefix ??= this.run(['rev-parse', '--show-prefix']).then((out) => out.trim());
    return this.knownPrefix;
  }

  /**
   * Every blob (file or symlink) of a commit, recursively, paths relative to the top of the work
   * tree; with `under`, only the ones under that folder (a path relative to the top).
   */
  async lsTree(commit: string, under = ''): Promise<TreeEntry[]> {
    const args = ['ls-tree', '-r', '-z', '--full-tree', commit];
    if (under) args.push('--', under);
    const out = await this.run(args);
    const entries: TreeEntry[] = [];
    for (const record of out.split('\0')) {
      if (!record) continue;
      const tab = record.indexOf('\t');
      const [mode, type, object] = record.slice(0, tab).split(' ');
      entries.push({ mode, type, object, path: record.slice(tab + 1) });
    }
    return entries;
  }

  /** Reads blobs through `git cat-file --batch`: many reads, one process. */
  catFileBatch(): BlobReader {
    return new BlobReader(this.dir);
  }
}

function checkRefSyntax(ref: string): void {
  // A ref starting with '-' would be read by git as an option.
  if (!ref || ref.startsWith('-') || /[\0\n]/.test(ref)) {
    throw new GitError(`"${ref}" is not a valid revision name`, [], '', undefined);
  }
}

interface PendingBlob {
  object: string;
  resolve: (content: Buffer | undefined) => void;
  reject: (err: Error) => void;
}

/**
 * Reads blobs by object id with `git cat-file --batch`. Reads asked for in the same turn of the
 * event loop (a loader reading every file with Promise.all) go to one git process, so a thousand
 * files cost one spawn. Each process has exited before its reads resolve: nothing is left running
 * for the caller to close.
 */
export class BlobReader {
  private pending: PendingBlob[] = [];
  private scheduled = false;

  constructor(private readonly dir: string) {}

  /** The blob's bytes, or undefined when git has no such object. */
  read(object: string): Promise<Buffer | undefined> {
    if (!/^[0-9a-f]{4,64}$/.test(object)) {
      return Promise.reject(new GitError(`"${object}" is not an object id`, ['cat-file', '--batch'], '', undefined));
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ object, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.scheduled = false;
    const args = ['cat-file', '--batch'];
    try {
      const input = batch.map((p) => p.object).join('\n') + '\n';
      const result = await runGit(this.dir, args, { input, maxBuffer: 1024 * 1024 * 1024 });
      if (result.failed) {
        const stderr = result.stderr.toString('utf8').trim();
        throw new GitError(`git cat-file --batch failed in ${this.dir}: ${stderr || `exit code ${result.exitCode}`}`, args, stderr, result.exitCode);
      }
      const contents = parseBatchOutput(result.stdout, batch.length);
      batch.forEach((p, i) => p.resolve(contents[i]));
    } catch (err) {
      const error = err instanceof GitError ? err : new GitError(`could not run git cat-file in ${this.dir}: ${(err as Error).message}`, args, '', undefined);
      for (const p of batch) p.reject(error);
    }
  }
}

interface GitResult {
  /** Not started, a non-zero exit, killed by a signal, or more output than `maxBuffer`. */
  failed: boolean;
  exitCode?: number;
  stdout: Buffer;
  stderr: Buffer;
  /** Why it failed other than by its exit code: not started, or too much output. */
  cause?: Error;
}

/**
 * Runs git with node:child_process (an argument array, no shell) in `dir`, with the fixed git
 * settings over the inherited environment, and collects its output. Never throws: a git that
 * could not start, failed, or wrote more than `maxBuffer` bytes to one stream is a failed result.
 */
function runGit(dir: string, args: string[], opts: { input?: string; env?: Record<string, string>; maxBuffer: number }): Promise<GitResult> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn('git', args, {
        cwd: dir,
        env: { ...process.env, ...GIT_ENV, ...opts.env },
        stdio: [opts.input !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      });
    } catch (err) {
      resolve({ failed: true, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), cause: err as Error });
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const size = { out: 0, err: 0 };
    let cause: Error | undefined;
    let settled = false;
    const finish = (result: Omit<GitResult, 'stdout' | 'stderr'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...result, stdout: Buffer.concat(out), stderr: Buffer.concat(err) });
    };
    const collect = (stream: Readable | null, into: Buffer[], key: 'out' | 'err') => {
      stream?.on('data', (chunk: Buffer) => {
        if (cause) return;
        size[key] += chunk.length;
        if (size[key] > opts.maxBuffer) {
          cause = new Error(`Command's std${key} was larger than ${opts.maxBuffer} bytes`);
          child.kill();
          return;
        }
        into.push(chunk);
      });
    };
    collect(child.stdout, out, 'out');
    collect(child.stderr, err, 'err');
    child.on('error', (error) => {
      if (child.pid === undefined) finish({ failed: true, cause: error });
    });
    child.stdin?.on('error', () => {
      // A git that exits without reading all its input (EPIPE): its exit code tells the rest.
    });
    child.once('close', (code) => {
      if (cause) return finish({ failed: true, cause, exitCode: code ?? undefined });
      finish(code === 0 ? { failed: false, exitCode: 0 } : { failed: true, exitCode: code ?? undefined });
    });
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

/** Splits `git cat-file --batch` output into one entry per object asked for (undefined: missing). */
function parseBatchOutput(out: Buffer, count: number): (Buffer | undefined)[] {
  const contents: (Buffer | undefined)[] = [];
  let at = 0;
  while (contents.length < count) {
    const newline = out.indexOf(0x0a, at);
    if (newline < 0) throw new GitError('git cat-file --batch ended early', ['cat-file', '--batch'], '', undefined);
    const header = out.subarray(at, newline).toString('utf8');
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
      contents.push(undefined);
      at = newline + 1;
      continue;
    }
    const size = Number(header.split(' ')[2]);
    if (!Number.isInteger(size) || newline + 1 + size > out.length) {
      throw new GitError(`git cat-file --batch answered "${header}"`, ['cat-file', '--batch'], '', undefined);
    }
    contents.push(out.subarray(newline + 1, newline + 1 + size));
    at = newline + 1 + size + 1; // content is followed by one newline
  }
  return contents;
}
