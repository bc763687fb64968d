import { hostname } from 'node:os';
import { DamagedRecordError } from './record-file.js';
import type { Lease } from './store.js';

/** Service names become file names in both stores: keep them to what the loader accepts. */
export function checkServiceName(name: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || name.includes('..')) {
    throw new Error(`invalid service name ${JSON.stringify(name)}: use letters, digits, '.', '_' and '-'`);
  }
}

export function newLease(service: string, owner: string, ttlSeconds: number, now = Date.now()): Lease {
  return {
    service,
    owner,
    expiresAt: new Date(now + ttlSeconds * 1000).toISOString(),
    holder: { host: hostname(), pid: process.pid },
  };
}

/** Two leases are the same grant when owner, holder and expiry match. */
export function sameLease(a: Lease, b: Lease): boolean {
  return a.service === b.service && a.owner === b.owner && a.expiresAt === b.expiresAt && a.holder?.host === b.holder?.host && a.holder?.pid === b.holder?.pid;
}

/**
 * Whether a lease may be taken over: it has expired, or its process ran on this host and is gone
 * (a run killed with -9 would otherwise block the service until the expiry).
 */
export function isLeaseStale(lease: Lease, now = Date.now()): boolean {
  return leaseStaleness(lease, now) !== undefined;
}

/** Why a lease may be taken over, or undefined while its holder may still be at work. */
export function leaseStaleness(lease: Lease, now = Date.now()): string | undefined {
  const expires = Date.parse(lease.expiresAt);
  if (!Number.isFinite(expires) || expires <= now) return `it expired at ${lease.expiresAt}`;
  if (lease.holder && lease.holder.host === hostname() && !processAlive(lease.holder.pid)) {
    return `its process (pid ${lease.holder.pid} on this host) is gone`;
  }
  return undefined;
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function parseLease(text: string, where: string): Lease {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new DamagedRecordError(where, `lease file is not valid JSON (${(err as Error).message})`, 'Delete it if no apply is running');
  }
  const l = value as Lease;
  if (!l || typeof l.service !== 'string' || typeof l.owner !== 'string' || typeof l.expiresAt !== 'string') {
    throw new DamagedRecordError(where, 'lease file lacks service, owner or expiresAt', 'Delete it if no apply is running');
  }
  return l;
}
