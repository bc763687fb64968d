import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { RecordedState, ServiceRecord } from '../model/types.js';
import { checkServiceName, isLeaseStale, newLease, parseLease, sameLease } from './lease.js';
import { parseRecord, serializeRecord } from './record-file.js';
import { LeaseHeldError, LeaseLostError, type Lease, type StateStore } from './store.js';

export const DEFAULT_LOCAL_STATE_PATH = '.svcplan/state';

/**
 * Recorded state in a folder of the working copy: one JSON file per service, replaced atomically
 * (temporary file, fsync, rename, fsync of the folder) so a crash leaves either the old record or
 * the new one, never a torn file.
 */
export class LocalStateStore implements StateStore {
  readonly kind = 'local' as const;
  readonly dir: string;

  constructor(
    readonly repoDir: string,
    statePath: string = DEFAULT_LOCAL_STATE_PATH,
  ) {
    this.dir = path.resolve(repoDir, statePath);
  }

  async read(): Promise<RecordedState> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw err;
    }
    const state: RecordedState = {};
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const record = await this.readService(name.slice(0, -'.json'.length));
      if (record) state[record.name] = record;
    }
    return state;
  }

  async readService(name: string): Promise<ServiceRecord | undefined> {
    checkServiceName(name);
    const file = this.serviceFile(name);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    return parseRecord(text, file);
  }

  // The message is for stores with a history (git); a folder keeps only the latest record.
  async writeService(record: ServiceRecord, _message?: string): Promise<void> {
    checkServiceName(record.name);
    await this.ensureDir();
    await writeFileAtomic(this.serviceFile(record.name), serializeRecord(record));
  }

  async acquireLease(service: string, owner: string, ttlSeconds: number): Promise<Lease> {
    checkServiceName(service);
    await this.ensureDir();
    await fs.mkdir(this.leaseDir(), { recursive: true });
    const file = this.leaseFile(service);
    // A few rounds: a takeover can race with another caller doing the same.
    for (let attempt = 0; attempt < 5; attempt++) {
      const lease = newLease(service, owner, ttlSeconds);
      if (await linkExclusive(file, JSON.stringify(lease, null, 2) + '\n')) return lease;
      const current = await this.readLease(service);
      if (!current) continue; // released in between
      if (!isLeaseStale(current)) throw new LeaseHeldError(current);
      await this.removeLeaseIf(service, current);
    }
    const current = await this.readLease(service);
    if (current) throw new LeaseHeldError(current);
    throw new Error(`could not take the lease on service ${service} in ${file}: it keeps changing hands`);
  }

  async renewLease(lease: Lease, ttlSeconds: number): Promise<Lease> {
    const current = await this.readLease(lease.service);
    if (!current || !sameLease(current, lease)) throw new LeaseLostError(lease, current);
    const renewed = { ...newLease(lease.service, lease.owner, ttlSeconds) };
    await writeFileAtomic(this.leaseFile(lease.service), JSON.stringify(renewed, null, 2) + '\n');
    return renewed;
  }

  async releaseLease(lease: Lease): Promise<void> {
    await this.removeLeaseIf(lease.service, lease);
  }

  /** The lease on a service, if any (shown by `svcplan status`). */
  async readLease(service: string): Promise<Lease | undefined> {
    const file = this.leaseFile(service);
    try {
      return parseLease(await fs.readFile(file, 'utf8'), file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  /**
   * Removes the lease file only while it still holds `expected`: it is moved aside first (an
   * atomic rename), checked, and put back if another caller had replaced it in the meantime.
   */
  private async removeLeaseIf(service: string, expected: Lease): Promise<void> {
    const file = this.leaseFile(service);
    const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.old`;
    try {
      await fs.rename(file, aside);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    const moved = parseLease(await fs.readFile(aside, 'utf8'), aside);
    if (!sameLease(moved, expected)) {
      // Someone else's lease: put it back unless yet another one appeared.
      try {
        await fs.link(aside, file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
    await fs.rm(aside, { force: true });
  }

  private async ensureDir(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    // The working copy is the templates repository: recorded state must never be committed to it.
    const svcplanDir = path.resolve(this.repoDir, '.svcplan');
    const ignoreDir = isInside(this.dir, svcplanDir) ? svcplanDir : this.dir;
    const ignoreFile = path.join(ignoreDir, '.gitignore');
    try {
      await fs.writeFile(ignoreFile, '*\n', { flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }

  private serviceFile(name: string): string {
    return path.join(this.dir, `${name}.json`);
  }
  private leaseDir(): string {
    return path.join(this.dir, 'leases');
  }
  private leaseFile(service: string): string {
    return path.join(this.leaseDir(), `${service}.json`);
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function tempName(file: string): string {
  return `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

async function writeDurable(file: string, text: string, flag: string): Promise<void> {
  const handle = await fs.open(file, flag);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const tmp = tempName(file);
  try {
    await writeDurable(tmp, text, 'w');
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await syncDir(path.dirname(file));
}

/**
 * Creates `file` with `text` only if it does not exist, and never leaves it half written: the
 * text is written to a temporary file first and hard-linked into place (link fails on an
 * existing name, like O_EXCL, but the name appears with its full content).
 */
async function linkExclusive(file: string, text: string): Promise<boolean> {
  const tmp = tempName(file);
  await writeDurable(tmp, text, 'wx');
  try {
    await fs.link(tmp, file);
    await syncDir(path.dirname(file));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await fs.rm(tmp, { force: true });
  }
}
