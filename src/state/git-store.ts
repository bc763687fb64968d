import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Git, GitError } from '../git/git.js';
import type { RecordedState, ServiceRecord } from '../model/types.js';
import { checkServiceName, isLeaseStale, newLease, parseLease, sameLease } from './lease.js';
import { parseRecord, serializeRecord } from './record-file.js';
import { LeaseHeldError, LeaseLostError, type Lease, type StateStore } from './store.js';

export const DEFAULT_STATE_BRANCH = 'svcplan-state';

/** Folder of the state branch that holds the last drift report of each service (`drift/<service>.json`). */
export const DRIFT_REPORTS_FOLDER = 'drift';

/** The files of the state branch at one commit: path → blob id. */
interface Snapshot {
  tip: string | undefined;
  files: Map<string, string>;
  read(file: string): Promise<string | undefined>;
}

/** What one write does to the branch: new file contents, `null` to delete; empty = nothing to do. */
type Change = Map<string, string | null>;

export interface GitStateStoreOptions {
  branch?: string;
  /** Remote to push to; `null` keeps the branch local. Default: `origin` when it exists. */
  remote?: string | null;
  /** How many times a write is rebuilt on a newer tip before giving up. */
  maxAttempts?: number;
}

/**
 * Recorded state on a branch of the templates repository (`svcplan-state`): one JSON file per
 * service, `leases/<service>.json`, and `drift/<service>.json` (the last drift check). The branch is read and written with plumbing only (a
 * temporary index, commit-tree, push), so the user's working tree, index and HEAD are never
 * touched. Every write is one commit, published with compare-and-swap: a push that is not a
 * fast-forward of what we built on is rejected, and the change is re-applied on the new tip.
 * Each write replaces one service's file, so writers of different services never lose each
 * other's updates; writers of one service are kept apart by the lease.
 */
export class GitStateStore implements StateStore {
  readonly kind = 'git' as const;
  readonly branch: string;
  private readonly git: Git;
  private remote: string | null | undefined;
  private readonly maxAttempts: number;
  private identityEnv: Record<string, string> | undefined;
  /** The tip we last saw; writes build on it first and fetch only when the push is refused. */
  private knownTip: string | undefined;
  /**
   * Fetches and publishes of this store, one at a time: the services of one run (and a lease
   * renewal beside them) share the remote-tracking ref, and two git processes updating it at
   * once fail with "cannot lock ref". Other processes are kept apart by compare-and-swap.
   */
  private refQueue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly repoDir: string,
    opts: GitStateStoreOptions = {},
  ) {
    this.git = new Git(repoDir);
    this.branch = opts.branch ?? DEFAULT_STATE_BRANCH;
    this.remote = opts.remote;
    this.maxAttempts = opts.maxAttempts ?? 12;
  }

  async read(): Promise<RecordedState> {
    const snap = await this.snapshot(await this.fetchTip());
    const state: RecordedState = {};
    for (const file of [...snap.files.keys()].sort()) {
      if (file.includes('/') || !file.endsWith('.json')) continue;
      const record = parseRecord((await snap.read(file))!, this.where(file));
      state[record.name] = record;
    }
    return state;
  }

  async readService(name: string): Promise<ServiceRecord | undefined> {
    checkServiceName(name);
    const snap = await this.snapshot(await this.fetchTip());
    const text = await snap.read(`${name}.json`);
    return text === undefined ? undefined : parseRecord(text, this.where(`${name}.json`));
  }

  async writeService(record: ServiceRecord, message: string): Promise<void> {
    checkServiceName(record.name);
    await this.update(message, async () => new Map([[`${record.name}.json`, serializeRecord(record)]]));
  }

  async acquireLease(service: string, owner: string, ttlSeconds: number): Promise<Lease> {
    checkServiceName(service);
    const file = `leases/${service}.json`;
    let lease: Lease | undefined;
    await this.update(`${service}: lease taken by ${owner}`, async (snap) => {
      const text = await snap.read(file);
      if (text !== undefined) {
        const current = parseLease(text, this.where(file));
        if (!isLeaseStale(current)) throw new LeaseHeldError(current);
      }
      lease = newLease(service, owner, ttlSeconds);
      return new Map([[file, JSON.stringify(lease, null, 2) + '\n']]);
    });
    return lease!;
  }

  async renewLease(lease: Lease, ttlSeconds: number): Promise<Lease> {
    const file = `leases/${lease.service}.json`;
    let renewed: Lease | undefined;
    await this.update(`${lease.service}: lease renewed by ${lease.owner}`, async (snap) => {
      const text = await snap.read(file);
      const current = text === undefined ? undefined : parseLease(text, this.where(file));
      if (!current || !sameLease(current, lease)) throw new LeaseLostError(lease, current);
      renewed = newLease(lease.service, lease.owner, ttlSeconds);
      return new Map([[file, JSON.stringify(renewed, null, 2) + '\n']]);
    });
    return renewed!;
  }

  /** The lease on a service, if any (shown by `svcplan status`). */
  async readLease(service: string): Promise<Lease | undefined> {
    checkServiceName(service);
    const file = `leases/${service}.json`;
    const text = await (await this.snapshot(await this.fetchTip())).read(file);
    return text === undefined ? undefined : parseLease(text, this.where(file));
  }

  async releaseLease(lease: Lease): Promise<void> {
    const file = `leases/${lease.service}.json`;
    await this.update(`${lease.service}: lease released by ${lease.owner}`, async (snap) => {
      const text = await snap.read(file);
      if (text === undefined || !sameLease(parseLease(text, this.where(file)), lease)) return new Map();
      return new Map([[file, null]]);
    });
  }

  /**
   * Records the last drift report of each service given (service → its JSON text) as
   * `drift/<service>.json`, all in one commit, so the app can show them without reaching a
   * hypervisor. Service records and leases are not touched; `read()` does not see these files.
   */
  async writeDriftReports(reports: Record<string, string>, message: string): Promise<void> {
    const files: Change = new Map();
    for (const [service, text] of Object.entries(reports)) {
      checkServiceName(service);
      files.set(`${DRIFT_REPORTS_FOLDER}/${service}.json`, text);
    }
    if (files.size === 0) return;
    await this.update(message, async () => files);
  }

  // -------------------------------------------------------------------------------------------

  private where(file: string): string {
    return `${this.branch}:${file}`;
  }

  private async remoteName(): Promise<string | null> {
    if (this.remote === undefined) {
      try {
        await this.git.run(['remote', 'get-url', 'origin']);
        this.remote = 'origin';
      } catch (err) {
        if (!(err instanceof GitError)) throw err;
        this.remote = null;
      }
    }
    return this.remote;
  }

  private trackingRef(remote: string | null): string {
    return remote ? `refs/remotes/${remote}/${this.branch}` : `refs/heads/${this.branch}`;
  }

  /** Runs `work` once every fetch or publish of this store asked for before it has ended. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.refQueue.then(work, work);
    this.refQueue = result.catch(() => undefined);
    return result;
  }

  /** The branch's current tip (fetched from the remote first), or undefined before the first write. */
  private fetchTip(): Promise<string | undefined> {
    return this.exclusive(() => this.fetchTipNow());
  }

  private async fetchTipNow(): Promise<string | undefined> {
    const remote = await this.remoteName();
    if (remote) {
      try {
        await this.git.run(['fetch', '--quiet', '--no-tags', remote, `+refs/heads/${this.branch}:${this.trackingRef(remote)}`]);
      } catch (err) {
        if (!(err instanceof GitError) || !/couldn't find remote ref/i.test(err.stderr)) throw err;
        this.knownTip = undefined;
        return undefined;
      }
    }
    this.knownTip = await this.git.tryRevParse(this.trackingRef(remote));
    return this.knownTip;
  }

  private async snapshot(tip: string | undefined): Promise<Snapshot> {
    const files = new Map<string, string>();
    if (tip) for (const e of await this.git.lsTree(tip)) files.set(e.path, e.object);
    const git = this.git;
    return {
      tip,
      files,
      async read(file: string) {
        const object = files.get(file);
        return object === undefined ? undefined : git.run(['cat-file', 'blob', object]);
      },
    };
  }

  /**
   * One commit on the state branch, published with compare-and-swap. `change` sees the files at
   * the tip it builds on and may throw to refuse (a held lease); on a lost race it runs again on
   * the new tip.
   */
  private update(message: string, change: (snap: Snapshot) => Promise<Change>): Promise<void> {
    return this.exclusive(() => this.updateNow(message, change));
  }

  private async updateNow(message: string, change: (snap: Snapshot) => Promise<Change>): Promise<void> {
    const remote = await this.remoteName();
    let tip = this.knownTip ?? (await this.fetchTipNow());
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const snap = await this.snapshot(tip);
      const edits = await change(snap);
      if (edits.size === 0) return;
      const commit = await this.commit(snap, edits, message);
      try {
        if (remote) {
          // A plain push only fast-forwards: it fails if the branch moved past `tip` meanwhile.
          await this.git.run(['push', '--quiet', '--porcelain', remote, `${commit}:refs/heads/${this.branch}`]);
          await this.git.run(['update-ref', this.trackingRef(remote), commit]);
        } else {
          const ref = this.trackingRef(null);
          const line = tip ? `update ${ref} ${commit} ${tip}\n` : `create ${ref} ${commit}\n`;
          await this.git.run(['update-ref', '--stdin'], { input: line });
        }
        this.knownTip = commit;
        return;
      } catch (err) {
        if (!(err instanceof GitError)) throw err;
        lastError = err;
      }
      await sleep(jitteredBackoff(attempt));
      tip = await this.fetchTipNow();
    }
    throw new Error(
      `could not write the state branch ${this.branch} after ${this.maxAttempts} attempts (other writers kept moving it, or the push fails): ` +
        (lastError as Error).message,
    );
  }

  private async commit(snap: Snapshot, edits: Change, message: string): Promise<string> {
    const tmp = await mkdtemp(path.join(tmpdir(), 'svcplan-index-'));
    // A private index: the user's own index and working tree stay as they are.
    const env = { ...(await this.identity()), GIT_INDEX_FILE: path.join(tmp, 'index') };
    try {
      if (snap.tip) await this.git.run(['read-tree', snap.tip], { env });
      else await this.git.run(['read-tree', '--empty'], { env });
      for (const [file, content] of edits) {
        if (content === null) {
          await this.git.run(['update-index', '--force-remove', '--', file], { env });
        } else {
          const blob = (await this.git.run(['hash-object', '-w', '--stdin'], { input: content })).trim();
          await this.git.run(['update-index', '--add', '--cacheinfo', `100644,${blob},${file}`], { env });
        }
      }
      const tree = (await this.git.run(['write-tree'], { env })).trim();
      const args = ['commit-tree', tree, '-m', message];
      if (snap.tip) args.push('-p', snap.tip);
      return (await this.git.run(args, { env })).trim();
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }

  /** Commits need an author; CI machines often have none configured, so svcplan names itself then. */
  private async identity(): Promise<Record<string, string>> {
    if (!this.identityEnv) {
      let configured = false;
      try {
        configured = (await this.git.run(['config', 'user.email'])).trim() !== '';
      } catch (err) {
        if (!(err instanceof GitError)) throw err;
      }
      this.identityEnv = configured
        ? {}
        : { GIT_AUTHOR_NAME: 'svcplan', GIT_AUTHOR_EMAIL: 'svcplan@localhost', GIT_COMMITTER_NAME: 'svcplan', GIT_COMMITTER_EMAIL: 'svcplan@localhost' };
    }
    return this.identityEnv;
  }
}

function jitteredBackoff(attempt: number): number {
  const cap = Math.min(2000, 25 * 2 ** attempt);
  return cap / 2 + Math.random() * (cap / 2);
}
