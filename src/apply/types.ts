import type { DeploymentResult, Plan, PlanAction, ServiceRecord } from '../model/types.js';
import type { StateStore } from '../state/store.js';
import type { Driver } from './driver.js';

/** What the CLI prints while an apply runs: one event per domain, instance, gate and service. */
export type ProgressEvent =
  | { kind: 'service-started'; service: string; deployment: number; steps: number }
  | { kind: 'domain-started'; service: string; tier: string; domain: number; instances: string[] }
  | { kind: 'instance-started'; service: string; tier: string; instance: string; action: PlanAction }
  | { kind: 'instance-finished'; service: string; tier: string; instance: string; action: PlanAction; ok: boolean; seconds: number; error?: string }
  | { kind: 'gate'; service: string; tier: string; domain: number; ok: boolean; unhealthy: string[] }
  | { kind: 'pause'; service: string; seconds: number }
  | { kind: 'rollback-started'; service: string; instances: string[] }
  /** A decision worth knowing: a step resumed, a call of an interrupted run that succeeded, a hook skipped. */
  | { kind: 'note'; service: string; instance?: string; line: string }
  /** The record read under the lease differs from the one the plan was made from: the steps were planned again. */
  | { kind: 'replanned'; service: string; message: string }
  | { kind: 'service-finished'; service: string; result: ServiceReport['result']; deployment?: number };

/** What became of one instance of the plan. */
export type InstanceOutcome =
  | 'done' // its step finished (and its gate passed, where it has one)
  | 'failed' // its step or its health gate failed
  | 'not-started' // the rollout stopped before it
  | 'rolled-back' // it was updated, then returned to its previous spec
  | 'rollback-failed' // returning it to its previous spec failed too
  | 'skipped'; // another runner applies it

export interface InstanceReport {
  name: string;
  tier: string;
  action: PlanAction;
  outcome: InstanceOutcome;
  error?: string;
}

export interface ServiceReport {
  service: string;
  /**
   * A deployment's result, or: `unchanged` (nothing to do), `skipped` (another runner's),
   * `refused` (leased by another apply), `interrupted` (stopped with nothing more recorded).
   */
  result: DeploymentResult | 'unchanged' | 'skipped' | 'refused' | 'interrupted';
  deployment?: number;
  instances: InstanceReport[];
  error?: string;
}

export interface ApplyReport {
  /** True when every service succeeded, was unchanged or was another runner's. */
  ok: boolean;
  services: ServiceReport[];
}

export interface ApplyOptions {
  plan: Plan;
  store: StateStore;
  driver: Driver;
  /** Who applies, shown to a second caller refused by the lease (e.g. `alice@host pid 42`). */
  owner: string;
  /** Only instances whose target.runner is this label. */
  runner?: string;
  /** The revision being applied; recorded with the deployment. */
  revision: { commit: string; ref: string };
  onProgress?: (event: ProgressEvent) => void;
  /**
   * A rollback redeploys an earlier spec and, once it succeeds, pins the service: `desiredDigest`
   * is the specDigest of the desired spec at HEAD, `of` the deployment redeployed (absent for a
   * Git ref that was never deployed: the pin then names the rollback's own deployment).
   */
  rollback?: { of?: number; desiredDigest: string; release: string };
  /** Services applied at once (default 4). */
  serviceConcurrency?: number;
  /** Lease length; renewed while the run goes on (default 900 s). */
  leaseTtlSeconds?: number;
  /** Extra seconds a health check may take beyond its timeout + minReady before the gate gives up (default 30). */
  gateGraceSeconds?: number;
  /**
   * Plans a service again from its record as read under its lease (a plan made before another
   * apply changed the service is never run as it was). Default: the plan's desired spec against
   * the record, as buildPlan does; a rollback passes its own.
   */
  replan?: (service: string, record: ServiceRecord | undefined) => Plan;
  /**
   * `apply --repair`: the record read under the lease, corrected by what the machines really
   * are (drift/repair.ts), before the service is planned again from it; the corrected record is
   * what the deployment records.
   */
  reconcile?: (record: ServiceRecord) => Promise<ServiceRecord>;
  /** Seconds to wait for a machine an interrupted run was booting to answer SSH (default 600). */
  bootTimeoutSeconds?: number;
  /**
   * Stops the run gracefully (Ctrl-C, a cancelled job): no step starts after it is aborted, the
   * steps under way finish and are recorded, leases are released, and applyPlan throws a
   * RunInterruptedError; the next apply goes on from there.
   */
  signal?: AbortSignal;
}

/**
 * Thrown (by a driver or a store) to stop the run at once, as a signal would: nothing more is
 * recorded, the steps in flight stay at their recorded phase, and the next apply resumes them.
 */
export class RunInterruptedError extends Error {
  constructor(message = 'the run was interrupted') {
    super(message);
    this.name = 'RunInterruptedError';
  }
}

/** Thrown by a run that stopped on request (Ctrl-C once), after recording what it had finished. */
export class StoppedOnRequest extends RunInterruptedError {
  constructor(message: string) {
    super(message);
    this.name = 'StoppedOnRequest';
  }
}
