// The kill harness: builds the CLI from the current sources, keeps a "world" (a templates
// repository with its Git state, the bare origin the git store pushes to, VAGRANT_HOME, and the
// hypervisor model) in a temporary folder, runs svcplan in it as a child process against the
// stand-in, and kills it at chosen vagrant/virsh calls. Snapshots of the world make every kill
// point start from the same place: the folder is copied back to the same path (so every absolute
// path in Vagrantfiles, machine data and the machine index stays valid) and the model's state is
// put back.

import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Hypervisor, serveHypervisor, type CallRecord, type HypervisorServer, type KillMode, type ModelState, type RunControl } from './hypervisor.js';
import type { ServiceRecord } from '../../src/model/types.js';
import { requireProgram } from '../support/tools.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the CLI is built from: this checkout, or SVCPLAN_CHAOS_SRC (another checkout of svcplan). */
export const SOURCE_ROOT = process.env.SVCPLAN_CHAOS_SRC ? path.resolve(process.env.SVCPLAN_CHAOS_SRC) : ROOT;

/** Seconds after which a svcplan run is taken to hang and is killed (SVCPLAN_CHAOS_RUN_TIMEOUT). */
export const RUN_TIMEOUT_MS = Math.max(5, Number(process.env.SVCPLAN_CHAOS_RUN_TIMEOUT ?? '60') || 60) * 1000;

/** Programs the client script is installed as. */
export const STAND_IN_PROGRAMS = ['vagrant', 'virsh', 'ssh'];

/** Builds the CLI the way test/apply/kill.test.ts does; returns the bundle's path. */
export async function buildCli(outDir: string): Promise<string> {
  // The stand-in vagrant is sh + curl (--unix-socket): README's set-up step installs curl where it is missing.
  requireProgram('curl');
  const cli = path.join(outDir, 'cli.mjs');
  await build({
    entryPoints: [path.join(SOURCE_ROOT, 'src/cli/main.ts')],
    outfile: cli,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  });
  return cli;
}

export interface RunResult {
  label: string;
  args: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  pid: number;
  ms: number;
  /** It ran past the run timeout and was killed (svcplan hung). */
  timedOut?: boolean;
}

export interface RunOptions {
  label: string;
  /** Kill (or interrupt) at call `at` of this run. */
  kill?: { at?: number; match?: RunControl['match']; mode: KillMode | 'sigint' | 'sigint-twice' };
  /** Called once the child is started (its pid known), before any call can arrive. */
  started?: (pid: number) => void;
}

export interface Snapshot {
  dir: string;
  model: ModelState;
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'chaos',
  GIT_AUTHOR_EMAIL: 'chaos@localhost',
  GIT_COMMITTER_NAME: 'chaos',
  GIT_COMMITTER_EMAIL: 'chaos@localhost',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV }, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** A templates repository, its state, its Vagrant world and the model, in one temporary folder. */
export class World {
  readonly bin: string;
  readonly worldDir: string;
  readonly repo: string;
  readonly origin: string;
  readonly home: string;
  readonly socket: string;
  readonly model: Hypervisor;
  private server!: HypervisorServer;
  private snapshots = 0;
  /** Processes left by killed runs (orphaned vagrant calls, git pushes) that may still touch the world. */
  private leftovers = new Set<number>();

  private constructor(
    readonly root: string,
    readonly cli: string,
    readonly store: 'local' | 'git',
  ) {
    this.bin = path.join(root, 'bin');
    this.worldDir = path.join(root, 'w');
    this.repo = path.join(this.worldDir, 'repo');
    this.origin = path.join(this.worldDir, 'origin.git');
    this.home = path.join(this.worldDir, 'vhome');
    this.socket = path.join(root, 'hv.sock');
    this.model = new Hypervisor();
  }

  static async create(opts: { cli: string; store: 'local' | 'git'; prefix?: string }): Promise<World> {
    const root = mkdtempSync(path.join(tmpdir(), opts.prefix ?? 'svcplan-chaos-'));
    const w = new World(root, opts.cli, opts.store);
    mkdirSync(w.bin);
    mkdirSync(path.join(root, 'tmp'));
    const client = path.join(w.bin, 'vagrant');
    copyFileSync(path.join(ROOT, 'test/chaos/bin/vagrant'), client);
    chmodSync(client, 0o755);
    for (const name of STAND_IN_PROGRAMS) if (name !== 'vagrant') symlinkSync('vagrant', path.join(w.bin, name));
    mkdirSync(w.repo, { recursive: true });
    mkdirSync(w.home, { recursive: true });
    git(w.repo, 'init', '--quiet', '--initial-branch=main');
    if (opts.store === 'git') {
      git(w.worldDir, 'init', '--quiet', '--bare', '--initial-branch=main', w.origin);
      git(w.repo, 'remote', 'add', 'origin', w.origin);
    }
    w.server = await serveHypervisor(w.model, w.socket);
    return w;
  }

  async close(): Promise<void> {
    await this.server.close();
    if (!process.env.SVCPLAN_CHAOS_KEEP) rmSync(this.root, { recursive: true, force: true });
  }

  vagrantDir(service: string): string {
    return path.join(this.repo, '.svcplan', 'vagrant', service);
  }

  // --- the templates repository ---------------------------------------------------------------

  write(files: Record<string, string>): void {
    for (const [file, text] of Object.entries(files)) {
      const full = path.join(this.repo, file);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
      if (file.endsWith('.sh')) chmodSync(full, 0o755);
    }
  }

  commit(message: string): void {
    git(this.repo, 'add', '-A');
    git(this.repo, 'commit', '--quiet', '--allow-empty', '-m', message);
    if (this.store === 'git') git(this.repo, 'push', '--quiet', 'origin', 'main');
  }

  /** The service's record as the store has it now (git: origin's state branch). */
  readRecord(service: string): ServiceRecord | undefined {
    if (this.store === 'local') {
      const file = path.join(this.repo, '.svcplan', 'state', `${service}.json`);
      return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ServiceRecord) : undefined;
    }
    try {
      return JSON.parse(git(this.origin, 'show', `svcplan-state:${service}.json`)) as ServiceRecord;
    } catch {
      return undefined;
    }
  }

  /** Whether a lease on the service is recorded. */
  leaseHeld(service: string): boolean {
    if (this.store === 'local') return existsSync(path.join(this.repo, '.svcplan', 'state', 'leases', `${service}.json`));
    try {
      git(this.origin, 'cat-file', '-e', `svcplan-state:leases/${service}.json`);
      return true;
    } catch {
      return false;
    }
  }

  // --- running svcplan ------------------------------------------------------------------------

  env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...GIT_ENV,
      PATH: `${this.bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      // Temporary files of killed runs (the git store's private index) go with the world.
      TMPDIR: path.join(this.root, 'tmp'),
      SVCPLAN_CHAOS_SOCKET: this.socket,
      VAGRANT_HOME: this.home,
      NO_COLOR: '1',
    };
    delete env.NODE_OPTIONS;
    delete env.VAGRANT_CWD;
    delete env.FORCE_COLOR;
    return env;
  }

  /** Starts svcplan; the returned promise ends when it has exited. */
  start(args: string[], opts: RunOptions): { pid: number; done: Promise<RunResult> } {
    const started = Date.now();
    const child = spawn(process.execPath, [this.cli, ...args], { cwd: this.repo, env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = child.pid!;
    const control: RunControl | undefined = opts.kill
      ? {
          at: opts.kill.at,
          match: opts.kill.match,
          mode: opts.kill.mode,
          kill: (signal) => {
            if (signal === 'SIGKILL') for (const p of descendants(pid)) this.leftovers.add(p);
            try {
              process.kill(pid, signal); // the svcplan process only, never its group
            } catch {
              // already gone
            }
          },
        }
      : undefined;
    this.model.startRun(opts.label, control);
    opts.started?.(pid);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // A run that hangs is killed, so that one broken step does not stall the whole suite.
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      for (const p of descendants(pid)) this.leftovers.add(p);
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }, RUN_TIMEOUT_MS);
    const done = new Promise<RunResult>((resolve) => {
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ label: opts.label, args, code, signal, stdout, stderr, pid, ms: Date.now() - started, ...(timedOut ? { timedOut } : {}) });
      });
    });
    return { pid, done };
  }

  run(args: string[], opts: RunOptions): Promise<RunResult> {
    return this.start(args, opts).done;
  }

  apply(label = 'apply', extra: string[] = []): Promise<RunResult> {
    return this.run(['apply', '--repo', this.repo, ...extra], { label });
  }

  /** `svcplan plan --format json`: whether it shows nothing to change (and what it shows if not). */
  async planIsEmpty(): Promise<{ empty: boolean; detail: string }> {
    const r = await this.run(['plan', '--format', 'json', '--repo', this.repo], { label: 'plan' });
    let doc: {
      summary?: Record<string, number>;
      services?: { name: string; tiers: { domains: { instances: { name: string; action: string }[] }[] }[] }[];
      errors?: unknown[];
    };
    try {
      doc = JSON.parse(r.stdout);
    } catch {
      return { empty: false, detail: `plan exited ${r.code} without JSON: ${lastLines(r.stderr, 3)}` };
    }
    const changes = Object.entries(doc.summary ?? {}).filter(([k, v]) => k !== 'none' && v !== 0);
    if (r.code === 0 && (changes.length === 0 || (doc.services ?? []).length === 0) && (doc.errors ?? []).length === 0) return { empty: true, detail: '' };
    const actions = (doc.services ?? []).flatMap((s) =>
      s.tiers.flatMap((t) => t.domains.flatMap((d) => d.instances.filter((i) => i.action !== 'none').map((i) => `${i.name}:${i.action}`))),
    );
    return {
      empty: false,
      detail: `plan exited ${r.code}: ${changes.map(([k, v]) => `${k} ${v}`).join(', ')} (${actions.join(' ')})${(doc.errors ?? []).length ? ` errors: ${JSON.stringify(doc.errors)}` : ''}`,
    };
  }

  // --- snapshots ------------------------------------------------------------------------------

  /** Waits until nothing of an earlier run can still change the world. */
  async settle(): Promise<void> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      for (const p of [...this.leftovers]) if (processGone(p)) this.leftovers.delete(p);
      if (this.leftovers.size === 0 && this.model.busy === 0) return;
      if (Date.now() > deadline) throw new Error(`processes of a killed run are still running after 15 s: ${[...this.leftovers].join(', ')}`);
      await sleep(5);
    }
  }

  /** Waits for what a killed run left that writes state (git), not for orphaned vagrant calls. */
  async settleStateWriters(): Promise<void> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const writers = [...this.leftovers].filter((p) => !processGone(p) && !['vagrant', 'virsh', 'ssh', 'curl', 'sh'].includes(commOf(p)));
      if (writers.length === 0) return;
      if (Date.now() > deadline) throw new Error(`state writers of a killed run are still running after 15 s: ${writers.join(', ')}`);
      await sleep(5);
    }
  }

  async snapshot(): Promise<Snapshot> {
    await this.settle();
    const dir = path.join(this.root, `snap-${++this.snapshots}`);
    cpSync(this.worldDir, dir, { recursive: true, verbatimSymlinks: true });
    return { dir, model: this.model.snapshot() };
  }

  async restore(snap: Snapshot): Promise<void> {
    await this.settle();
    rmSync(this.worldDir, { recursive: true, force: true });
    cpSync(snap.dir, this.worldDir, { recursive: true, verbatimSymlinks: true });
    this.model.restore(snap.model);
  }
}

// ---------------------------------------------------------------------------------------------
// Processes

/** Every process below `pid` now (children, grandchildren…), from /proc. */
export function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = parents.get(ppid) ?? [];
      list.push(Number(entry));
      parents.set(ppid, list);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const c of parents.get(queue.shift()!) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

/** Gone, or a zombie nobody has reaped yet. */
export function processGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return true;
  }
}

function commOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

export function lastLines(text: string, n: number): string {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(-n)
    .join(' | ');
}

/** Why a run failed, in a line: its error lines if it printed any, else its last lines. */
export function reasonOf(r: Pick<RunResult, 'stdout' | 'stderr'>, n = 3): string {
  const lines = (r.stderr + '\n' + r.stdout).split('\n').map((l) => l.trim());
  const errors = lines.filter(
    (l) => /^svcplan:|FAILED|failed|error|refused|another process|not yet ready|exited with|Killed|lease/i.test(l) && !/^\$ /.test(l),
  );
  return (errors.length > 0 ? [...new Set(errors)].slice(-n).join(' | ') : lastLines(r.stderr || r.stdout, n)).slice(0, 600);
}

/** `vagrant up shop-web-1 --provision` as a short label. */
export function describeCall(c: Pick<CallRecord, 'program' | 'args'>): string {
  return [c.program, ...c.args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
}
