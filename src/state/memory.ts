import type { RecordedState, ServiceRecord } from '../model/types.js';
import { isLeaseStale, newLease, sameLease } from './lease.js';
import { LeaseHeldError, LeaseLostError, type Lease, type StateStore } from './store.js';

/**
 * Recorded state held in memory: what a dry run applies to (a copy of the real state, so the
 * real store is never written) and what unit tests of the scheduler use.
 */
export class MemoryStateStore implements StateStore {
  readonly kind: 'local' | 'git';
  private records = new Map<string, string>();
  private leases = new Map<string, Lease>();
  /** Every write, in order, with its message. */
  readonly writes: { service: string; message: string }[] = [];

  constructor(initial: RecordedState = {}, kind: 'local' | 'git' = 'local') {
    this.kind = kind;
    for (const record of Object.values(initial)) this.records.set(record.name, JSON.stringify(record));
  }

  async read(): Promise<RecordedState> {
    const out: RecordedState = {};
    for (const name of [...this.records.keys()].sort()) out[name] = JSON.parse(this.records.get(name)!);
    return out;
  }

  async readService(name: string): Promise<ServiceRecord | undefined> {
    const text = this.records.get(name);
    return text === undefined ? undefined : JSON.parse(text);
  }

  async writeService(record: ServiceRecord, message: string): Promise<void> {
    this.records.set(record.name, JSON.stringify(record));
    this.writes.push({ service: record.name, message });
  }

  async acquireLease(service: string, owner: string, ttlSeconds: number): Promise<Lease> {
    const current = this.leases.get(service);
    if (current && !isLeaseStale(current)) throw new LeaseHeldError(current);
    const lease = newLease(service, owner, ttlSeconds);
    this.leases.set(service, lease);
    return lease;
  }

  async renewLease(lease: Lease, ttlSeconds: number): Promise<Lease> {
    const current = this.leases.get(lease.service);
    if (!current || !sameLease(current, lease)) throw new LeaseLostError(lease, current);
    const renewed = newLease(lease.service, lease.owner, ttlSeconds);
    this.leases.set(lease.service, renewed);
    return renewed;
  }

  async releaseLease(lease: Lease): Promise<void> {
    const current = this.leases.get(lease.service);
    if (current && sameLease(current, lease)) this.leases.delete(lease.service);
  }

  async readLease(service: string): Promise<Lease | undefined> {
    return this.leases.get(service);
  }

  /** For tests: put a lease in place as if another caller held it. */
  setLease(lease: Lease): void {
    this.leases.set(lease.service, lease);
  }
}
