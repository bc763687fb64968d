// The Git database endpoints of the local GitHub API answer from a real repository on disk,
// through the git CLI, so shas, trees and blobs are the ones git itself computes.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GitTreeEntry {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  size?: number;
}

export interface GitCommitObject {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: { name: string; email: string; date: string };
  committer: { name: string; email: string; date: string };
}

export class GitCommandError extends Error {
  constructor(
    readonly args: string[],
    readonly exitCode: number,
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed (${exitCode}): ${stderr.trim()}`);
  }
}

export class GitBackend {
  constructor(readonly dir: string) {}

  run(args: string[], opts: { input?: Buffer | string; env?: Record<string, string> } = {}): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const input = opts.input;
      const child = spawn('git', args, {
        cwd: this.dir,
        env: { ...process.env, ...opts.env },
        stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout!.on('data', (d: Buffer) => out.push(d));
      child.stderr!.on('data', (d: Buffer) => err.push(d));
      child.on('error', reject);
      child.on('close', (code) => {
        if (code === 0) resolve(Buffer.concat(out));
        else reject(new GitCommandError(args, code ?? -1, Buffer.concat(err).toString('utf8')));
      });
      if (input !== undefined && child.stdin) {
        // git may exit before reading all of stdin (an error): its exit status tells, not EPIPE.
        child.stdin.on('error', () => undefined);
        child.stdin.end(input);
      }
    });
  }

  async text(args: string[], opts?: { input?: Buffer | string; env?: Record<string, string> }): Promise<string> {
    return (await this.run(args, opts)).toString('utf8');
  }

  /** The object a name resolves to (sha, branch, tag, `refs/…`), peeled to `type`, or undefined. */
  async resolve(name: string, type: 'commit' | 'tree' | 'blob' | 'object' = 'object'): Promise<string | undefined> {
    const spec = type === 'object' ? name : `${name}^{${type}}`;
    try {
      return (await this.text(['rev-parse', '--verify', '--quiet', '--end-of-options', spec])).trim() || undefined;
    } catch {
      return undefined;
    }
  }

  async objectType(sha: string): Promise<string | undefined> {
    try {
      return (await this.text(['cat-file', '-t', sha])).trim();
    } catch {
      return undefined;
    }
  }

  /** Refs under `refs/<prefix>` with their shas. */
  async refs(prefix: string): Promise<{ ref: string; sha: string }[]> {
    const out = await this.text(['for-each-ref', '--format=%(refname) %(objectname)', `refs/${prefix}`]);
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [ref, sha] = line.split(' ');
        return { ref, sha };
      });
  }

  async commit(sha: string): Promise<GitCommitObject | undefined> {
    if ((await this.objectType(sha)) !== 'commit') return undefined;
    const raw = await this.text(['cat-file', 'commit', sha]);
    const split = raw.indexOf('\n\n');
    const header = split >= 0 ? raw.slice(0, split) : raw;
    const message = split >= 0 ? raw.slice(split + 2).replace(/\n$/, '') : '';
    const parents: string[] = [];
    let tree = '';
    let author = { name: '', email: '', date: '' };
    let committer = author;
    for (const line of header.split('\n')) {
      const [key, ...rest] = line.split(' ');
      const value = rest.join(' ');
      if (key === 'tree') tree = value;
      else if (key === 'parent') parents.push(value);
      else if (key === 'author') author = parseIdent(value);
      else if (key === 'committer') committer = parseIdent(value);
    }
    return { sha, tree, parents, message, author, committer };
  }

  async tree(treeSha: string, recursive: boolean): Promise<GitTreeEntry[]> {
    const args = ['ls-tree', '-l', '-z', ...(recursive ? ['-r', '-t'] : []), treeSha];
    const out = await this.text(args);
    return out
      .split('\0')
      .filter(Boolean)
      .map((record) => {
        const tab = record.indexOf('\t');
        const [mode, type, sha, size] = record.slice(0, tab).split(/\s+/);
        const entry: GitTreeEntry = { path: record.slice(tab + 1), mode, type: type as GitTreeEntry['type'], sha };
        if (type === 'blob') entry.size = Number(size);
        return entry;
      });
  }

  async blob(sha: string): Promise<Buffer | undefined> {
    if ((await this.objectType(sha)) !== 'blob') return undefined;
    return this.run(['cat-file', 'blob', sha]);
  }

  async writeBlob(content: Buffer): Promise<string> {
    return (await this.text(['hash-object', '-w', '--stdin'], { input: content })).trim();
  }

  /**
   * Writes a tree: `base` (a tree sha) with entries added, replaced, or (sha null) removed,
   * through a throwaway index so the repository's own index and work tree stay untouched.
   */
  async writeTree(base: string | undefined, entries: { path: string; mode: string; sha: string | null }[]): Promise<string> {
    const scratch = await mkdtemp(join(tmpdir(), 'svcplan-gh-index-'));
    const env = { GIT_INDEX_FILE: join(scratch, 'index') };
    try {
      if (base) await this.run(['read-tree', base], { env });
      else await this.run(['read-tree', '--empty'], { env });
      for (const e of entries) {
        if (e.sha === null) await this.run(['update-index', '--force-remove', '--', e.path], { env });
        else await this.run(['update-index', '--add', '--cacheinfo', `${e.mode},${e.sha},${e.path}`], { env });
      }
      return (await this.text(['write-tree'], { env })).trim();
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  async writeCommit(opts: { tree: string; parents: string[]; message: string; author?: { name: string; email: string } }): Promise<string> {
    const name = opts.author?.name ?? 'svcplan test';
    const email = opts.author?.email ?? 'svcplan-test@example.invalid';
    const env = { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email };
    const args = ['commit-tree', opts.tree, ...opts.parents.flatMap((p) => ['-p', p])];
    return (await this.text(args, { input: opts.message, env })).trim();
  }

  /** Moves a ref; without `force`, only forward (the new commit must contain the old one). */
  async updateRef(ref: string, sha: string, opts: { force: boolean; mustExist: boolean }): Promise<'ok' | 'missing' | 'exists' | 'not-fast-forward'> {
    const current = await this.resolve(ref);
    if (opts.mustExist && !current) return 'missing';
    if (!opts.mustExist && current) return 'exists';
    if (current && !opts.force) {
      try {
        await this.run(['merge-base', '--is-ancestor', current, sha]);
      } catch {
        return 'not-fast-forward';
      }
    }
    await this.run(['update-ref', ref, sha, ...(current ? [current] : [])]);
    return 'ok';
  }

  async deleteRef(ref: string): Promise<boolean> {
    if (!(await this.resolve(ref))) return false;
    await this.run(['update-ref', '-d', ref]);
    return true;
  }

  /** The file or folder at `path` in a commit. */
  async pathAt(commitish: string, path: string): Promise<{ type: 'blob' | 'tree'; sha: string; mode: string } | undefined> {
    const clean = path.replace(/^\/+|\/+$/g, '');
    if (clean === '') {
      const sha = await this.resolve(commitish, 'tree');
      return sha ? { type: 'tree', sha, mode: '040000' } : undefined;
    }
    try {
      const out = await this.text(['ls-tree', '-z', commitish, '--', clean]);
      const record = out.split('\0').find(Boolean);
      if (!record) return undefined;
      const [mode, type, sha] = record.slice(0, record.indexOf('\t')).split(/\s+/);
      return { type: type as 'blob' | 'tree', sha, mode };
    } catch {
      return undefined;
    }
  }
}

function parseIdent(value: string): { name: string; email: string; date: string } {
  const m = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(value);
  if (!m) return { name: value, email: '', date: new Date(0).toISOString() };
  return { name: m[1], email: m[2], date: new Date(Number(m[3]) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') };
}
