// Rollback: an earlier deployment (or the service as a Git ref had it) redeployed as a new
// forward update with its own classified plan, recorded in history, and a pin so the next apply
// leaves the service where the rollback put it until its template or service file changes.

import { GitError } from '../git/git.js';
import { GitRevisionReader, loadDesiredState } from '../load/index.js';
import { specDigest } from '../model/digest.js';
import type { TreeReader } from '../load/tree.js';
import {
  InputError,
  type Deployment,
  type DesiredState,
  type Plan,
  type PlanService,
  type RecordedState,
  type ServiceRecord,
  type ServiceSpec,
  type SourceLocator,
} from '../model/types.js';
import { buildPlan } from '../plan/index.js';
import type { StateStore } from '../state/store.js';
import type { Driver } from './driver.js';
import { applyPlan } from './executor.js';
import type { ApplyReport, ProgressEvent } from './types.js';

/** A rollback that cannot be planned: unknown service, deployment or ref. The message lists what exists. */
export class RollbackTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RollbackTargetError';
  }
}

export interface RollbackTarget {
  /** Named by a deployment id (or none: the previous deployment), or by a Git ref. */
  kind: 'deployment' | 'ref';
  /** What the user asked for, as shown: `deployment 3` or `ref v2.0 (1a2b3c4)`. */
  label: string;
  spec: ServiceSpec;
  revision: { commit: string; ref: string; release: string };
  /** The recorded deployment redeployed; absent for a ref no deployment came from. */
  deployment?: Deployment;
}

export interface RollbackPlan {
  service: string;
  target: RollbackTarget;
  plan: Plan;
  /** specDigest of the service's desired spec at head: what the pin compares with. */
  desiredDigest: string;
}

/** What a Git ref is at: its commit and the desired state there; undefined when no ref has that name. */
export type ReadRevision = (ref: string) => Promise<{ commit: string; desired: DesiredState } | undefined>;

/** The record of the service to roll back; a service never applied cannot be rolled back. */
export function recordToRollBack(recorded: RecordedState, service: string): ServiceRecord {
  const record = recorded[service];
  if (record) return record;
  const names = Object.keys(recorded).sort();
  throw new RollbackTargetError(
    `nothing is recorded for service ${service}, so there is nothing to roll back; recorded services: ${names.join(', ') || 'none yet'}`,
  );
}

/**
 * Plans a rollback of `service` to `to`: a deployment id (`3` or `#3`), a Git ref, or, absent,
 * the last succeeded deployment before the current one. `head` is the desired state the pin is
 * taken against (the working tree for the CLI, the pushed commit for the Action).
 */
export async function planRollback(opts: { service: string; to?: string; store: StateStore; repoDir: string; head: TreeReader }): Promise<RollbackPlan> {
  const record = recordToRollBack(await opts.store.read(), opts.service);
  const target = await resolveRollbackTarget(record, opts.to, gitRevisions(opts.repoDir));
  const headState = await loadDesiredState(opts.head);
  const headSpec = headState.services.find((s) => s.name === opts.service);
  const desiredDigest = headSpec ? specDigest(headSpec) : '';

  const plan = planRollbackFor(record, target, fallbackLocator(headState.locator));
  return { service: opts.service, target, plan, desiredDigest };
}

/** Refs read through git in the templates repository's checkout. */
function gitRevisions(repoDir: string): ReadRevision {
  return async (ref) => {
    let reader: GitRevisionReader;
    try {
      reader = await GitRevisionReader.open(repoDir, ref);
    } catch (err) {
      if (err instanceof GitError) return undefined;
      throw err;
    }
    return { commit: reader.revision.commit, desired: await loadDesiredState(reader) };
  };
}

/**
 * The rollback as a forward update of one service: its recorded state against the target spec,
 * classified like any other change. Pure, so every door (CLI, Action, bot) shows the same plan
 * and the same digest for the same rollback.
 */
export function planRollbackFor(
  record: ServiceRecord,
  target: { spec: ServiceSpec; revision: { ref: string; commit: string } },
  locator: SourceLocator = { locate: () => ({ line: 1, column: 1 }) },
): Plan {
  // The pin of an earlier rollback is for plans of HEAD; this plan is of the target.
  const { pin: _pin, ...unpinned } = record;
  const desired: DesiredState = {
    revision: { ref: target.revision.ref, commit: target.revision.commit },
    templates: [],
    services: [target.spec],
    locator,
  };
  const plan = buildPlan({
    desired,
    recorded: { [record.name]: unpinned as ServiceRecord },
    base: { ref: 'STATE', commit: '' },
    services: [record.name],
  });
  if (plan.document.services.length === 0) {
    // Already as the target says: the rollback still records itself and pins the service.
    plan.document.services = [unchangedService(record, target.spec)];
    plan.desired[record.name] = target.spec;
  }
  plan.locator = locator;
  return plan;
}

/** One line listing a service's deployments, for errors that must say what exists. */
export function describeHistory(record: ServiceRecord): string {
  return record.history.length === 0
    ? 'it has no deployments yet'
    : `its deployments: ${record.history.map((d) => `${d.id} (${d.kind}, ${d.result}, release ${d.revision.release}, ${d.revision.commit.slice(0, 7) || 'working tree'})`).join('; ')}`;
}

/**
 * The recorded deployment `to` names: a deployment id (`3` or `#3`), or, when `to` is absent, the
 * last succeeded deployment before the current one. Undefined when `to` is not an id (a Git ref).
 */
export function deploymentTarget(record: ServiceRecord, to: string | undefined): Deployment | undefined {
  const history = record.history;
  if (to === undefined) {
    const current = history[history.length - 1];
    const earlier = history.filter((d) => d !== current && d.result === 'succeeded');
    const target = earlier[earlier.length - 1];
    if (!target) {
      throw new RollbackTargetError(`service ${record.name} has no succeeded deployment before the current one to roll back to; ${describeHistory(record)}`);
    }
    return target;
  }
  const id = /^#?(\d+)$/.exec(to.trim());
  if (!id) return undefined;
  const d = history.find((x) => x.id === Number(id[1]));
  if (!d) throw new RollbackTargetError(`service ${record.name} has no deployment ${id[1]}; ${describeHistory(record)}`);
  if (d.result === 'in-progress') {
    throw new RollbackTargetError(`deployment ${d.id} of ${record.name} never finished; pick a finished one: ${describeHistory(record)}`);
  }
  return d;
}

/** Applies a planned rollback as a new deployment of kind 'rollback' and pins the service. */
export function rollback(opts: {
  rollback: RollbackPlan;
  store: StateStore;
  driver: Driver;
  owner: string;
  runner?: string;
  onProgress?: (event: ProgressEvent) => void;
  leaseTtlSeconds?: number;
  signal?: AbortSignal;
}): Promise<ApplyReport> {
  const { target, plan, desiredDigest } = opts.rollback;
  return applyPlan({
    plan,
    store: opts.store,
    driver: opts.driver,
    owner: opts.owner,
    runner: opts.runner,
    onProgress: opts.onProgress,
    leaseTtlSeconds: opts.leaseTtlSeconds,
    signal: opts.signal,
    revision: { commit: target.revision.commit, ref: target.revision.ref },
    rollback: { of: target.deployment?.id, desiredDigest, release: target.revision.release },
    // Under the lease, the rollback is planned again from the record read there.
    replan: (service, record) => {
      if (!record) throw new RollbackTargetError(`nothing is recorded for service ${service} any more, so there is nothing to roll back`);
      return planRollbackFor(record, target, plan.locator);
    },
  });
}

/**
 * What `to` names for the service: a recorded deployment (`3`, `#3`, or none: the last succeeded
 * before the current one), or the service as a Git ref (or commit) has it, read through
 * `readRevision` (git in a checkout, the API in the app). Throws RollbackTargetError saying what
 * exists instead.
 */
export async function resolveRollbackTarget(record: ServiceRecord, to: string | undefined, readRevision: ReadRevision): Promise<RollbackTarget> {
  const deployment = deploymentTarget(record, to);
  if (deployment) return { kind: 'deployment', label: `deployment ${deployment.id}`, spec: deployment.spec, revision: deployment.revision, deployment };
  if (to === undefined) throw new Error('unreachable: no target without a deployment');

  let found: Awaited<ReturnType<ReadRevision>>;
  try {
    found = await readRevision(to);
  } catch (err) {
    if (err instanceof InputError) {
      throw new RollbackTargetError(`the templates at ${to} are not valid, so ${record.name} cannot be rolled back to them:\n${err.message}`);
    }
    throw err;
  }
  if (!found) {
    throw new RollbackTargetError(
      `"${to}" is neither a deployment id of ${record.name} nor a commit, branch or tag of the templates repository; ${describeHistory(record)}`,
    );
  }
  const { commit, desired } = found;
  const spec = desired.services.find((s) => s.name === record.name);
  if (!spec) {
    throw new RollbackTargetError(
      `service ${record.name} does not exist at ${to} (${commit.slice(0, 7)}); ` +
        `services there: ${
          desired.services
            .map((s) => s.name)
            .sort()
            .join(', ') || 'none'
        }`,
    );
  }
  // A ref some deployment came from is that deployment: the history says which one was redeployed.
  const same = [...record.history].reverse().find((d) => d.revision.commit === commit && specDigest(d.spec) === specDigest(spec) && d.result === 'succeeded');
  return { kind: 'ref', label: `ref ${to} (${commit.slice(0, 7)})`, spec, revision: { commit, ref: to, release: spec.release }, deployment: same };
}

/** Every recorded instance with action none: applying it only records the rollback and the pin. */
function unchangedService(record: ServiceRecord, spec: ServiceSpec): PlanService {
  const tiers = spec.tiers
    .map((t) => ({
      name: t.name,
      order: t.rollout.order,
      domains: [
        {
          index: 0,
          instances: record.instances.filter((i) => i.tier === t.name).map((i) => ({ name: i.name, index: i.index, action: 'none' as const, reasons: [] })),
        },
      ],
    }))
    .filter((t) => t.domains[0].instances.length > 0);
  return { name: record.name, template: spec.template, ...(spec.target.runner ? { runner: spec.target.runner } : {}), tiers };
}

/** Files of an old revision may not exist any more: an error there points at the file's start. */
function fallbackLocator(locator: SourceLocator): SourceLocator {
  return {
    locate(file, path) {
      try {
        return locator.locate(file, path);
      } catch {
        return { line: 1, column: 1 };
      }
    },
  };
}
