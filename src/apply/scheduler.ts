// The rollout of one service: tiers by rollout order, one upgrade domain at a time, the instances
// of a domain up to maxParallel at once, each probed for health as soon as its own step is done,
// and the domain's gate after. An instance counts as done only when its domain's gate has passed:
// until then its step stays in the record, so a run that stops before the gate leaves the next
// one to probe the domain again before anything after it moves.

import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { InstanceSpec, PlanAction, TierSpec } from '../model/types.js';
import type { DriverInstance } from './driver.js';
import type { Slot } from './journal.js';
import { mapBounded } from './bounded.js';
import { bringToward, type StepContext } from './step-runner.js';
import { RunInterruptedError, type InstanceReport, type ProgressEvent } from './types.js';

/** One instance of the rollout: where it sits, what the plan says of it, where it goes. */
export interface WorkItem {
  slot: Slot;
  action: PlanAction;
  report: InstanceReport;
  /** The spec it goes to; undefined when it is destroyed. */
  target: InstanceSpec | undefined;
  deleteStateDisk: boolean;
}

export interface DomainGroup {
  tier: TierSpec;
  domain: number;
  items: WorkItem[];
}

export interface RolloutContext extends StepContext {
  emit(event: ProgressEvent): void;
  /** Every instance of the service with the spec it has or is getting, for the driver. */
  layout(group: WorkItem[]): Promise<void>;
  /** Throws once a graceful stop was asked for (after what is under way has been recorded). */
  stopIfAsked(): Promise<void>;
  /** Aborted by a graceful stop. */
  signal?: AbortSignal;
  /** The run was interrupted (by a kill-like error): nothing more may happen. */
  interrupted(): RunInterruptedError | undefined;
  /** Marks the whole run interrupted, as a kill would. */
  interrupt(err: RunInterruptedError): void;
  gateGraceSeconds: number;
}

export interface RolloutResult {
  failure?: { tier: TierSpec; message: string };
}

export async function runRollout(ctx: RolloutContext, groups: DomainGroup[]): Promise<RolloutResult> {
  let domainsRun = 0;
  for (const group of groups) {
    await ctx.stopIfAsked();
    const { tier, domain, items } = group;
    if (domainsRun > 0 && tier.rollout.pauseBetweenDomains > 0) {
      ctx.emit({ kind: 'pause', service: ctx.service, seconds: tier.rollout.pauseBetweenDomains });
      await sleep(tier.rollout.pauseBetweenDomains * 1000);
    }
    domainsRun++;
    ctx.emit({ kind: 'domain-started', service: ctx.service, tier: tier.name, domain, instances: items.map((i) => i.slot.name) });
    await ctx.layout(items);
    await observe(ctx);
    const probes = new HealthProbes((item, signal) => probe(ctx, item, tier, signal), ctx.signal);
    let stepFailure: string | undefined;
    let stepsDone = false;
    let checked: WorkItem[] = [];
    try {
      ({ failure: stepFailure, checked } = await runSteps(ctx, items, tier, probes));
      stepsDone = stepFailure === undefined;
    } finally {
      // A rollout that stops here no longer waits for the answers; nothing is left running.
      if (!stepsDone) await probes.stop();
    }
    // A step cut short by the same interrupt (vagrant gets Ctrl-C too) is not the rollout failing.
    await ctx.stopIfAsked();
    if (stepFailure) return { failure: { tier, message: stepFailure } };
    const gateFailure = await gate(ctx, checked, tier, domain, probes);
    if (gateFailure) {
      // Probes stopped by the same request are not the gate failing.
      await ctx.stopIfAsked();
      return { failure: { tier, message: gateFailure } };
    }
  }
  return {};
}

/** The service's machines as they are now, for the decisions of this domain's steps. */
export async function observe(ctx: StepContext): Promise<void> {
  const seen = await ctx.driver.observe(ctx.service);
  ctx.machines.clear();
  for (const [name, machine] of Object.entries(seen)) ctx.machines.set(name, machine);
}

/**
 * The steps of one upgrade domain, up to maxParallel at once. Each instance brought to its gate
 * is probed at once, while the others go on (a probe changes nothing, so it does not take one of
 * the maxParallel places). Every step started is waited for, whatever happens to the others, so
 * nothing of this run is still working on a VM once it returns.
 */
async function runSteps(ctx: RolloutContext, items: WorkItem[], tier: TierSpec, probes: HealthProbes): Promise<{ failure?: string; checked: WorkItem[] }> {
  let failure: string | undefined;
  let unexpected: unknown;
  const checked: WorkItem[] = [];
  await mapBounded(items, Math.max(1, tier.rollout.maxParallel), async (item) => {
    // A failed step stops the rollout: the steps not started yet stay not-started. So does a stop.
    if (failure !== undefined || unexpected !== undefined || ctx.interrupted() || ctx.signal?.aborted) return;
    const { slot, report } = item;
    ctx.emit({ kind: 'instance-started', service: ctx.service, tier: slot.tier, instance: slot.name, action: item.action });
    const started = Date.now();
    try {
      const result = await bringToward(ctx, slot, item.target, { deleteStateDisk: item.deleteStateDisk });
      const seconds = (Date.now() - started) / 1000;
      if (result.kind === 'stopped') return;
      if (result.kind === 'failed') {
        report.outcome = 'failed';
        report.error = result.message;
        failure ??= `${slot.name}: ${item.action} failed: ${result.message}`;
        ctx.emit({
          kind: 'instance-finished',
          service: ctx.service,
          tier: slot.tier,
          instance: slot.name,
          action: item.action,
          ok: false,
          seconds,
          error: result.message,
        });
        return;
      }
      // Its step is done; an unhealthy answer at the gate makes it failed.
      report.outcome = 'done';
      if (result.kind === 'gate') {
        checked.push(item);
        probes.start(item);
      }
      ctx.emit({ kind: 'instance-finished', service: ctx.service, tier: slot.tier, instance: slot.name, action: item.action, ok: true, seconds });
    } catch (err) {
      if (err instanceof RunInterruptedError) ctx.interrupt(err);
      else unexpected ??= err;
    }
  });
  const interrupted = ctx.interrupted();
  if (interrupted) throw interrupted;
  if (unexpected !== undefined) throw unexpected;
  return { failure, checked };
}

/** One instance's health: undefined when healthy, else why not. */
async function probe(ctx: RolloutContext, item: WorkItem, tier: TierSpec, signal: AbortSignal): Promise<string | undefined> {
  const check = { command: tier.health.command, timeoutSeconds: tier.health.timeout, minReadySeconds: tier.health.minReady, signal };
  const limitMs = (check.timeoutSeconds + check.minReadySeconds + ctx.gateGraceSeconds) * 1000;
  const inst: DriverInstance = { service: ctx.service, tier: item.slot.tier, index: item.slot.index, name: item.slot.name, spec: item.target ?? tier.instance };
  try {
    const healthy = await withTimeout(ctx.driver.health(inst, check), limitMs, signal);
    return healthy === true
      ? undefined
      : healthy === 'timeout'
        ? `no answer from the health check within ${limitMs / 1000}s`
        : `not healthy within ${check.timeoutSeconds}s`;
  } catch (err) {
    if (err instanceof RunInterruptedError) throw err;
    return (err as Error).message;
  }
}

/**
 * After a domain: every instance it brought to its gate must be healthy. The gate's result is
 * recorded with the deployment; only a passed gate makes its instances ready.
 */
async function gate(ctx: RolloutContext, checked: WorkItem[], tier: TierSpec, domain: number, probes: HealthProbes): Promise<string | undefined> {
  if (checked.length === 0) return undefined;
  const results = await Promise.all(checked.map((item) => probes.start(item)));
  const interrupted = ctx.interrupted();
  if (interrupted) throw interrupted;
  const unhealthy = checked.map((item, i) => ({ item, reason: results[i] })).filter((r) => r.reason !== undefined) as { item: WorkItem; reason: string }[];
  const names = checked.map((i) => i.slot.name);
  ctx.emit({ kind: 'gate', service: ctx.service, tier: tier.name, domain, ok: unhealthy.length === 0, unhealthy: unhealthy.map((u) => u.item.slot.name) });
  const at = new Date().toISOString();
  if (unhealthy.length === 0) {
    for (const item of checked) {
      ctx.journal.complete(item.slot.name);
      item.report.outcome = 'done';
    }
    ctx.journal.recordGate(ctx.deployment, { tier: tier.name, domain, passed: true, instances: names, at });
    await ctx.journal.persist(`${ctx.service}: health gate of tier ${tier.name} domain ${domain} passed: ${names.join(', ')}`);
    return undefined;
  }
  for (const { item, reason } of unhealthy) {
    item.report.outcome = 'failed';
    item.report.error = `health gate: ${reason}`;
    ctx.journal.fail(item.slot.name, `health gate: ${reason}`);
  }
  // The healthy ones keep waiting for a gate that passes: the next run probes them again.
  ctx.journal.recordGate(ctx.deployment, {
    tier: tier.name,
    domain,
    passed: false,
    instances: names,
    unhealthy: unhealthy.map((u) => ({ name: u.item.slot.name, reason: u.reason })),
    at,
  });
  await ctx.journal.persist(`${ctx.service}: health gate of tier ${tier.name} domain ${domain} failed: ${unhealthy.map((u) => u.item.slot.name).join(', ')}`);
  return `health gate of tier ${tier.name}, upgrade domain ${domain} failed: ${unhealthy.map((u) => `${u.item.slot.name} (${u.reason})`).join(', ')}`;
}

/** The health probes of one upgrade domain, each started once, all stoppable together. */
class HealthProbes {
  private readonly controller = new AbortController();
  private readonly signal: AbortSignal;
  private readonly started = new Map<WorkItem, Promise<string | undefined>>();

  constructor(
    private readonly probe: (item: WorkItem, signal: AbortSignal) => Promise<string | undefined>,
    /** A stop of the whole run stops the probes too. */
    run?: AbortSignal,
  ) {
    this.signal = run ? AbortSignal.any([this.controller.signal, run]) : this.controller.signal;
    // Every probe of the domain (and each program it runs) listens to this one signal.
    setMaxListeners(0, this.signal);
  }

  /** The item's probe, started now unless it already was. */
  start(item: WorkItem): Promise<string | undefined> {
    let answer = this.started.get(item);
    if (!answer) {
      answer = this.probe(item, this.signal);
      // A probe's failure is its answer; an interruption is seen by whoever waits for it.
      answer.catch(() => undefined);
      this.started.set(item, answer);
    }
    return answer;
  }

  /** Asks every probe under way to give up, and waits until they have. */
  async stop(): Promise<void> {
    this.controller.abort();
    await Promise.allSettled(this.started.values());
  }
}

/** The promise's value, or 'timeout' after `ms` (or once `signal` aborts, for a driver that does not listen). */
async function withTimeout<T>(promise: Promise<T>, ms: number, signal?: AbortSignal): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
    onAbort = () => resolve('timeout');
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}
