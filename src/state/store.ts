import type { RecordedState, ServiceRecord } from '../model/types.js';

/** Who holds a service while an apply runs on it. */
export interface Lease {
  service: string;
  owner: string;
  /** ISO time after which another caller may take the lease over. */
  expiresAt: string;
  /** The process holding it: a lease whose process on this host is gone is taken over at once. */
  holder?: { host: string; pid: number };
}

/** Raised when a second apply asks for a service that is leased. */
export class LeaseHeldError extends Error {
  constructor(readonly lease: Lease) {
    super(
      `service ${lease.service} is being applied by ${lease.owner} (lease until ${lease.expiresAt}); ` +
        'wait for that run to finish, or, if it died, run again after the lease expires',
    );
    this.name = 'LeaseHeldError';
  }
}

/** Raised when a lease that was held has been taken over by another caller (it had expired). */
export class LeaseLostError extends Error {
  constructor(
    readonly lease: Lease,
    readonly current: Lease | undefined,
  ) {
    super(
      `the lease on service ${lease.service} held by ${lease.owner} expired` +
        (current ? ` and was taken over by ${current.owner}` : '') +
        '; this run stops so two applies never work on one service; run again to resume',
    );
    this.name = 'LeaseLostError';
  }
}

/**
 * Where recorded state lives: `local` (a folder in the working copy) or `git` (a branch of the
 * templates repository). Writes are per service and atomic; a write after every instance step
 * is what makes a killed run resumable.
 */
export interface StateStore {
  readonly kind: 'local' | 'git';
  /** Every recorded service. */
  read(): Promise<RecordedState>;
  readService(name: string): Promise<ServiceRecord | undefined>;
  /** Replaces the record of one service; `message` describes the change (a commit message for git). */
  writeService(record: ServiceRecord, message: string): Promise<void>;
  /** Takes the lease on a service or throws LeaseHeldError. An expired lease is taken over. */
  acquireLease(service: string, owner: string, ttlSeconds: number): Promise<Lease>;
  /** Extends a held lease; throws LeaseLostError when it is no longer ours. */
  renewLease(lease: Lease, ttlSeconds: number): Promise<Lease>;
  releaseLease(lease: Lease): Promise<void>;
  /** The lease on a service, if any, without taking it (status, drift). */
  readLease(service: string): Promise<Lease | undefined>;
}
