// Runs a plan: services side by side, tiers by rollout order, one upgrade domain at a time with a
// health gate after each, the instances of a domain up to maxParallel at once. Recorded state is
// written before and after every instance step, so whatever kills the run, the next apply's plan
// (built from that record) finishes exactly the steps that did not.

import { setMaxListeners } from 'node:events';
import { setImmediate, setTimeout as sleep } from 'node:timers/promises';
import { canonicalJson } from '../model/digest.js';
import {
  InputError,
  type Deployment,
  type InstanceSpec,
  type PlanAction,
  type PlanInstance,
  type PlanService,
  type RecordedInstance,
  type ServiceRecord,
  type ServiceSpec,
  type TierSpec,
} from '../model/types.js';
import { classifyInstanceChange, provisionersFor } from '../plan/classify.js';
import { specDigest } from '../load/index.js';
import { LeaseHeldError, LeaseLostError, type Lease } from '../state/store.js';
import type { DriverInstance } from './driver.js';
import {
  RunInterruptedError,
  type ApplyOptions,
  type ApplyReport,
  type InstanceReport,
  type ProgressEvent,
  type ServiceReport,
} from './types.js';

export async function applyPlan(opts: ApplyOptions): Promise<ApplyReport> {
  const { document } = opts.plan;
  // A plan with refusals or invalid files is never applied, not even in part.
  if (document.errors.length > 0) throw new InputError(document.errors);
  const run = new RunState();
  const reports = await mapBounded(document.services, opts.serviceConcurrency ?? 4, (ps) =>
    new ServiceRun(opts, ps, run).execute(),
  );
  if (run.interrupted) throw run.interrupted;
  if (run.stopped) throw run.stopped;
  const ok = reports.every((r) => r.result === 'succeeded' || r.result === 'unchanged' || r.result === 'skipped');
  return { ok, services: reports };
}

/** Shared by every service of one run: once interrupted, nothing more is written anywhere. */
class RunState {
  interrupted: RunInterruptedError | undefined;
  /** A graceful stop: each service records what it finished, then ends as interrupted. */
  stopped: RunInterruptedError | undefined;
}

/** Thrown by a service run that stopped on request, after recording what it had finished. */
class StoppedOnRequest extends RunInterruptedError {}

/** A step of this run on one instance, kept so autoRollback can undo it. */
interface DoneStep {
  name: string;
  tier: string;
  index: number;
  action: PlanAction;
  /** The spec before the step; undefined when the step created the instance. */
  before: InstanceSpec | undefined;
  /** The spec after the step; undefined when the step destroyed the instance. */
  after: InstanceSpec | undefined;
}

interface Step {
  pi: PlanInstance;
  tier: string;
  index: number;
  /** What the driver does; differs from the plan's action when resuming an unfinished create. */
  action: PlanAction;
  report: InstanceReport;
}

const PROGRESSING: ReadonlySet<PlanAction> = new Set(['create', 'refresh', 'restart', 'replace']);

class ServiceRun {
  private readonly name: string;
  private readonly desired: ServiceSpec | undefined;
  private record!: ServiceRecord;
  private deployment!: Deployment;
  private previous: { spec: ServiceSpec; revision: ServiceRecord['revision']; template: string } | undefined;
  private lease: Lease | undefined;
  private leaseTakenAt = 0;
  private lastWrite: Promise<void> = Promise.resolve();
  private nextWrite: { messages: string[]; done: Promise<void> } | undefined;
  private readonly done: DoneStep[] = [];
  private readonly reports: InstanceReport[] = [];

  constructor(
    private readonly opts: ApplyOptions,
    private readonly ps: PlanService,
    private readonly run: RunState,
  ) {
    this.name = ps.name;
    this.desired = opts.plan.desired[ps.name];
  }

  async execute(): Promise<ServiceReport> {
    const steps = this.steps();
    const mine = steps.filter((s) => s.report.outcome !== 'skipped');
    if (mine.length === 0 && steps.length > 0) return this.finish({ service: this.name, result: 'skipped', instances: this.reports });
    if (this.run.interrupted || this.opts.signal?.aborted) return this.finish({ service: this.name, result: 'interrupted', instances: this.reports });

    try {
      this.lease = await this.opts.store.acquireLease(this.name, this.opts.owner, this.ttl());
      this.leaseTakenAt = Date.now();
    } catch (err) {
      if (err instanceof LeaseHeldError) {
        for (const r of this.reports) if (r.outcome === 'not-started') r.error = err.message;
        return this.finish({ service: this.name, result: 'refused', instances: this.reports, error: err.message });
      }
      throw err;
    }

    try {
      return this.finish(await this.rollout(mine));
    } catch (err) {
      if (err instanceof RunInterruptedError || err instanceof LeaseLostError) {
        const interrupted = err instanceof RunInterruptedError ? err : new RunInterruptedError(err.message);
        if (interrupted instanceof StoppedOnRequest) this.run.stopped ??= interrupted;
        else this.run.interrupted ??= interrupted;
        return this.finish({ service: this.name, result: 'interrupted', deployment: this.deployment?.id, instances: this.reports, error: err.message });
      }
      // Anything else is reported for this service; the other services go on.
      const message = `${this.name}: ${(err as Error).message}`;
      return this.finish({ service: this.name, result: 'failed', deployment: this.deployment?.id, instances: this.reports, error: message });
    } finally {
      // The lease goes even on an interruption: only a dead process keeps it, and that one is
      // taken over once its holder is seen to be gone.
      if (this.lease) await this.opts.store.releaseLease(this.lease).catch(() => undefined);
    }
  }

  private finish(report: ServiceReport): ServiceReport {
    this.emit({ kind: 'service-finished', service: this.name, result: report.result, deployment: report.deployment });
    return report;
  }

  /** Every instance of the plan, in rollout order, with the runner filter applied. */
  private steps(): Step[] {
    const steps: Step[] = [];
    const tiers = [...this.ps.tiers].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
    for (const tier of tiers) {
      for (const domain of [...tier.domains].sort((a, b) => a.index - b.index)) {
        for (const pi of domain.instances) {
          const report: InstanceReport = { name: pi.name, tier: tier.name, action: pi.action, outcome: pi.action === 'none' ? 'done' : 'not-started' };
          if (this.opts.runner !== undefined && this.runnerOf(tier.name) !== this.opts.runner) report.outcome = 'skipped';
          this.reports.push(report);
          steps.push({ pi, tier: tier.name, index: indexOf(this.name, tier.name, pi.name), action: pi.action, report });
        }
      }
    }
    return steps;
  }

  private runnerOf(tier: string): string | undefined {
    const instance = tierOf(this.desired, tier)?.instance;
    return instance ? instance.target.runner : this.ps.runner;
  }

  // -------------------------------------------------------------------------------------------

  private async rollout(steps: Step[]): Promise<ServiceReport> {
    await this.begin();
    const work = steps.filter((s) => s.action !== 'none');
    this.emit({ kind: 'service-started', service: this.name, deployment: this.deployment.id, steps: work.length });
    this.resolveResumedCreates(work);

    let failure: { tier: string; message: string } | undefined;
    let domainsRun = 0;
    const groups = groupBy(work, (s) => `${s.tier}\u0000${domainOf(this.ps, s)}`);
    for (const group of groups) {
      await this.stopIfAsked();
      const tier = group[0].tier;
      const tierSpec = this.tierSpec(tier);
      const domain = domainOf(this.ps, group[0]);
      if (domainsRun > 0 && tierSpec.rollout.pauseBetweenDomains > 0) {
        this.emit({ kind: 'pause', service: this.name, seconds: tierSpec.rollout.pauseBetweenDomains });
        await sleep(tierSpec.rollout.pauseBetweenDomains * 1000);
      }
      domainsRun++;
      this.emit({ kind: 'domain-started', service: this.name, tier, domain, instances: group.map((s) => s.pi.name) });
      await this.layout(group);
      const probes = new HealthProbes((step, signal) => this.probe(step, tierSpec, signal), this.opts.signal);
      let stepFailure: string | undefined;
      let stepsDone = false;
      try {
        stepFailure = await this.runDomain(group, tierSpec, probes);
        stepsDone = stepFailure === undefined;
      } finally {
        // A rollout that stops here no longer waits for the answers; nothing is left running.
        if (!stepsDone) await probes.stop();
      }
      // A step cut short by the same interrupt (vagrant gets Ctrl-C too) is not the rollout failing.
      await this.stopIfAsked();
      if (stepFailure) {
        failure = { tier, message: stepFailure };
        break;
      }
      const gateFailure = await this.gate(group, tierSpec, domain, probes);
      if (gateFailure) {
        // Probes stopped by the same request are not the gate failing.
        await this.stopIfAsked();
        failure = { tier, message: gateFailure };
        break;
      }
    }

    if (!failure) return this.succeed();
    return this.fail(failure.tier, failure.message);
  }

  /** Takes the fresh record (under the lease) and records the new deployment as started. */
  private async begin(): Promise<void> {
    const existing = await this.opts.store.readService(this.name);
    const spec = this.desired ?? existing?.spec;
    if (!spec) throw new Error(`service ${this.name} is neither desired nor recorded; the plan does not match the recorded state, plan again`);
    this.previous = existing ? { spec: existing.spec, revision: existing.revision, template: existing.template } : undefined;
    this.record = existing ?? {
      name: this.name,
      template: spec.template,
      revision: { commit: '', ref: '', release: spec.release, specDigest: '' },
      spec,
      instances: [],
      retainedDisks: [],
      history: [],
    };
    const now = new Date().toISOString();
    for (const d of this.record.history) {
      if (d.result === 'in-progress') {
        d.result = 'failed';
        d.finishedAt ??= now;
        d.message = 'interrupted before it finished; resumed by the next deployment';
      }
    }
    const rollback = this.opts.rollback;
    this.deployment = {
      id: Math.max(0, ...this.record.history.map((d) => d.id)) + 1,
      kind: rollback ? 'rollback' : 'apply',
      revision: { ...this.opts.revision, release: rollback?.release ?? spec.release },
      planDigest: this.opts.plan.document.plan_digest,
      startedAt: now,
      result: 'in-progress',
      spec,
      ...(rollback?.of !== undefined ? { rollbackOf: rollback.of } : {}),
    };
    this.record.history.push(this.deployment);
    // The spec being applied drives the rollout policies of a resumed run.
    this.record.spec = spec;
    this.record.template = spec.template;
    await this.persist(`${this.name}: deployment ${this.deployment.id} started (${this.deployment.kind} of ${short(this.opts.revision.commit)})`);
  }

  /**
   * An instance recorded as pending whose spec already is the one it was being given was being
   * created when the run stopped: the plan sees a spec that matches and refreshes it, but the VM
   * may not exist yet, so the step is a create (vagrant up reuses whatever was made).
   */
  private resolveResumedCreates(work: Step[]): void {
    for (const step of work) {
      const ri = this.instance(step.pi.name);
      if (!ri || ri.status === 'ready' || step.action === 'destroy' || step.action === 'create') continue;
      if (ri.pendingSpec && same(ri.pendingSpec, ri.spec)) {
        step.action = 'create';
        step.report.action = 'create';
      }
    }
  }

  /**
   * The steps of one upgrade domain, up to maxParallel at once. Each instance brought up is probed
   * for health as soon as its own step is done, while the others go on (a probe changes nothing,
   * so it does not take one of the maxParallel places); the gate then waits for every answer.
   */
  private async runDomain(group: Step[], tierSpec: TierSpec, probes: HealthProbes): Promise<string | undefined> {
    let firstError: string | undefined;
    let unexpected: unknown;
    // Every step started is waited for, whatever happens to the others, so nothing of this run
    // is still working on a VM once it returns.
    await mapBounded(group, Math.max(1, tierSpec.rollout.maxParallel), async (step) => {
      // A failed step stops the rollout: the steps not started yet stay not-started. So does a stop.
      if (firstError !== undefined || unexpected !== undefined || this.run.interrupted || this.opts.signal?.aborted) return;
      try {
        const error = await this.runStep(step);
        if (error !== undefined && firstError === undefined) firstError = `${step.pi.name}: ${step.action} failed: ${error}`;
        if (error === undefined && PROGRESSING.has(step.action)) probes.start(step);
      } catch (err) {
        if (!(err instanceof RunInterruptedError)) unexpected ??= err;
      }
    });
    if (this.run.interrupted) throw this.run.interrupted;
    if (unexpected !== undefined) throw unexpected;
    return firstError;
  }

  /** One instance step with its state written before and after; resolves to an error message on failure. */
  private async runStep(step: Step): Promise<string | undefined> {
    await this.renewLeaseIfDue();
    const { pi, tier, index } = step;
    const ri = this.instance(pi.name);
    const before = ri?.spec;
    const target = step.action === 'destroy' ? undefined : this.tierSpec(tier).instance;
    if (step.action !== 'destroy' && !target) throw new Error(`no desired spec for ${pi.name}`);

    if (ri) {
      ri.status = 'pending';
      if (target) ri.pendingSpec = target;
      else delete ri.pendingSpec;
      ri.updatedAt = new Date().toISOString();
    } else {
      this.record.instances.push({ name: pi.name, tier, index, spec: target!, status: 'pending', pendingSpec: target, updatedAt: new Date().toISOString() });
      this.sortInstances();
    }
    await this.persist(`${this.name}: ${pi.name} ${step.action} started (deployment ${this.deployment.id})`);

    this.emit({ kind: 'instance-started', service: this.name, tier, instance: pi.name, action: step.action });
    const started = Date.now();
    let error: string | undefined;
    try {
      await this.drive(step.action, pi, tier, index, before, target);
    } catch (err) {
      if (err instanceof RunInterruptedError) {
        this.run.interrupted ??= err;
        throw err;
      }
      error = (err as Error).message || String(err);
    }
    const seconds = (Date.now() - started) / 1000;
    if (this.run.interrupted) throw this.run.interrupted;

    const current = this.instance(pi.name)!;
    if (error === undefined) {
      if (step.action === 'destroy') this.removeInstance(pi.name, before, pi.state === 'deleted');
      else {
        current.spec = target!;
        current.status = 'ready';
        delete current.pendingSpec;
        current.updatedAt = new Date().toISOString();
        if (step.action === 'create') this.record.retainedDisks = this.record.retainedDisks.filter((d) => d.instance !== pi.name);
      }
      this.done.push({ name: pi.name, tier, index, action: step.action, before: step.action === 'create' ? undefined : before, after: target });
      step.report.outcome = 'done';
      // Not waited for: the next step's pending mark is written after (or with) this one, and no
      // driver action starts before its own mark has landed. A lost "done" only means a redo.
      void this.persist(`${this.name}: ${pi.name} ${step.action} done (deployment ${this.deployment.id})`).catch(() => undefined);
    } else {
      current.status = 'failed';
      current.updatedAt = new Date().toISOString();
      // Undone by autoRollback as well: the step may have changed part of the VM.
      this.done.push({ name: pi.name, tier, index, action: step.action, before: step.action === 'create' ? undefined : before, after: target });
      step.report.outcome = 'failed';
      step.report.error = error;
      await this.persist(`${this.name}: ${pi.name} ${step.action} failed (deployment ${this.deployment.id}): ${firstLine(error)}`);
    }
    this.emit({ kind: 'instance-finished', service: this.name, tier, instance: pi.name, action: step.action, ok: error === undefined, seconds, ...(error ? { error } : {}) });
    return error;
  }

  private async drive(
    action: PlanAction,
    pi: PlanInstance,
    tier: string,
    index: number,
    before: InstanceSpec | undefined,
    target: InstanceSpec | undefined,
  ): Promise<void> {
    const driver = this.opts.driver;
    const as = (spec: InstanceSpec): DriverInstance => ({ service: this.name, tier, index, name: pi.name, spec });
    switch (action) {
      case 'create':
        return driver.create(as(target!));
      case 'refresh':
        return driver.refresh(as(target!), provisionersFor(this.reasonsFor(pi, before, target!), target));
      case 'restart':
        return driver.restart(as(target!), provisionersFor(this.reasonsFor(pi, before, target!), target), {
          growStateDisk: !!before?.state && !!target?.state && target.state.disk > before.state.disk,
        });
      case 'replace':
        return driver.replace(as(before ?? target!), as(target!));
      case 'destroy':
        return driver.destroy(as(before!), { deleteStateDisk: pi.state === 'deleted' });
      case 'none':
        return;
    }
  }

  private reasonsFor(pi: PlanInstance, before: InstanceSpec | undefined, target: InstanceSpec) {
    if (pi.reasons.some((r) => r.action === 'refresh' || r.action === 'restart')) return pi.reasons;
    return before ? classifyInstanceChange(before, target).reasons : pi.reasons;
  }

  private removeInstance(name: string, spec: InstanceSpec | undefined, deleted: boolean): void {
    this.record.instances = this.record.instances.filter((i) => i.name !== name);
    if (spec?.state && !deleted) {
      this.record.retainedDisks = this.record.retainedDisks.filter((d) => d.instance !== name);
      this.record.retainedDisks.push({ instance: name, sizeGiB: spec.state.disk, retainedAt: new Date().toISOString() });
    } else if (deleted) {
      this.record.retainedDisks = this.record.retainedDisks.filter((d) => d.instance !== name);
    }
  }

  /**
   * After a graceful stop was asked for: once what is under way has been recorded, the run ends
   * as an interrupted one (the deployment stays in progress; the next apply resumes it).
   */
  private async stopIfAsked(): Promise<void> {
    if (!this.opts.signal?.aborted) return;
    await this.lastWrite;
    throw new StoppedOnRequest('stopped on request: the steps under way finished and were recorded, no other step was started');
  }

  /** One instance's health: undefined when healthy, else why not. */
  private async probe(step: Step, tierSpec: TierSpec, signal: AbortSignal): Promise<string | undefined> {
    const check = { command: tierSpec.health.command, timeoutSeconds: tierSpec.health.timeout, minReadySeconds: tierSpec.health.minReady, signal };
    const limitMs = (check.timeoutSeconds + check.minReadySeconds + (this.opts.gateGraceSeconds ?? 30)) * 1000;
    const inst: DriverInstance = { service: this.name, tier: step.tier, index: step.index, name: step.pi.name, spec: tierSpec.instance };
    try {
      const healthy = await withTimeout(this.opts.driver.health(inst, check), limitMs, signal);
      return healthy === true ? undefined : healthy === 'timeout' ? `no answer from the health check within ${limitMs / 1000}s` : `not healthy within ${check.timeoutSeconds}s`;
    } catch (err) {
      if (err instanceof RunInterruptedError) {
        this.run.interrupted ??= err;
        return undefined;
      }
      return (err as Error).message;
    }
  }

  /** After a domain: every instance it created or updated must turn healthy within its tier's timeout. */
  private async gate(group: Step[], tierSpec: TierSpec, domain: number, probes: HealthProbes): Promise<string | undefined> {
    const checked = group.filter((s) => PROGRESSING.has(s.action));
    if (checked.length === 0) return undefined;
    const results = await Promise.all(checked.map((step) => probes.start(step)));
    if (this.run.interrupted) throw this.run.interrupted;
    const unhealthy = checked.filter((_, i) => results[i] !== undefined);
    this.emit({ kind: 'gate', service: this.name, tier: tierSpec.name, domain, ok: unhealthy.length === 0, unhealthy: unhealthy.map((s) => s.pi.name) });
    if (unhealthy.length === 0) return undefined;
    for (const [i, step] of checked.entries()) {
      if (results[i] === undefined) continue;
      step.report.outcome = 'failed';
      step.report.error = `health gate: ${results[i]}`;
      const ri = this.instance(step.pi.name);
      if (ri) {
        ri.status = 'failed';
        ri.updatedAt = new Date().toISOString();
      }
    }
    const names = unhealthy.map((s) => s.pi.name).join(', ');
    await this.persist(`${this.name}: health gate of tier ${tierSpec.name} domain ${domain} failed: ${names}`);
    return `health gate of tier ${tierSpec.name}, upgrade domain ${domain} failed: ${unhealthy.map((s) => `${s.pi.name} (${s.report.error!.slice('health gate: '.length)})`).join(', ')}`;
  }

  private async succeed(): Promise<ServiceReport> {
    const spec = this.record.spec;
    this.record.revision = { ...this.opts.revision, release: this.deployment.revision.release, specDigest: specDigest(spec) };
    const rollback = this.opts.rollback;
    if (rollback) {
      this.record.pin = { deployment: rollback.of ?? this.deployment.id, desiredDigest: rollback.desiredDigest, at: new Date().toISOString() };
    }
    else delete this.record.pin; // the plan applied this service, so any pin no longer held
    this.deployment.result = 'succeeded';
    this.deployment.finishedAt = new Date().toISOString();
    await this.persist(`${this.name}: deployment ${this.deployment.id} succeeded`);
    return { service: this.name, result: 'succeeded', deployment: this.deployment.id, instances: this.reports };
  }

  private async fail(tier: string, message: string): Promise<ServiceReport> {
    const autoRollback = this.tierSpec(tier).rollout.autoRollback;
    let result: ServiceReport['result'] = 'failed';
    let detail = message;
    if (autoRollback && this.done.length > 0) {
      const rollbackError = await this.rollBackDone();
      if (rollbackError === undefined) {
        result = 'rolled-back';
        detail = `${message}; the ${this.done.length} instance(s) updated in this rollout were returned to their previous spec`;
        if (this.previous) {
          this.record.spec = this.previous.spec;
          this.record.template = this.previous.template;
          this.record.revision = this.previous.revision;
        }
      } else {
        detail = `${message}; returning the updated instances to their previous spec failed too: ${rollbackError}`;
      }
    }
    this.deployment.result = result;
    this.deployment.finishedAt = new Date().toISOString();
    this.deployment.message = detail;
    await this.persist(`${this.name}: deployment ${this.deployment.id} ${result}: ${firstLine(message)}`);
    return { service: this.name, result, deployment: this.deployment.id, instances: this.reports, error: detail };
  }

  /** Undoes this rollout's steps, newest first, one at a time, with the same driver actions. */
  private async rollBackDone(): Promise<string | undefined> {
    const undo = [...this.done].reverse();
    this.emit({ kind: 'rollback-started', service: this.name, instances: undo.map((d) => d.name) });
    for (const d of undo) {
      const report = this.reports.find((r) => r.name === d.name)!;
      const ri = this.instance(d.name);
      // What the VM may be now: the spec being given when the step failed, or the one it got.
      const now = ri ? (ri.pendingSpec ?? ri.spec) : undefined;
      let action: PlanAction;
      if (!d.before) action = 'destroy';
      // A destroy may have stopped half way: bringing the VM up again is what restores it.
      else if (!ri || d.action === 'destroy') action = 'create';
      else {
        const change = classifyInstanceChange(now!, d.before);
        action = change.action === 'none' && ri.status !== 'ready' ? 'refresh' : change.action;
      }
      if (action === 'none') {
        report.outcome = 'rolled-back';
        continue;
      }
      const pi: PlanInstance = {
        name: d.name,
        action,
        // A disk made by this rollout is still app state: kept, never deleted by an automatic undo.
        ...(action === 'destroy' && now?.state ? { state: 'kept' as const } : {}),
        reasons: now && d.before ? classifyInstanceChange(now, d.before).reasons : [],
      };
      if (action === 'refresh' && !pi.reasons.some((r) => r.action === 'refresh')) {
        // Same spec, unknown condition: every provisioner runs again.
        pi.reasons.push({ path: 'status', from: ri?.status, to: 'ready', action: 'refresh' });
      }
      if (ri) {
        ri.status = 'pending';
        if (d.before) ri.pendingSpec = d.before;
        else delete ri.pendingSpec;
      } else {
        this.record.instances.push({ name: d.name, tier: d.tier, index: d.index, spec: d.before!, status: 'pending', pendingSpec: d.before, updatedAt: new Date().toISOString() });
        this.sortInstances();
      }
      await this.persist(`${this.name}: ${d.name} rollback (${action}) started (deployment ${this.deployment.id})`);
      await this.layoutWith(new Map([[d.name, d.before ?? now!]]));
      this.emit({ kind: 'instance-started', service: this.name, tier: d.tier, instance: d.name, action });
      const started = Date.now();
      try {
        await this.drive(action, pi, d.tier, d.index, now, d.before);
      } catch (err) {
        if (err instanceof RunInterruptedError) {
          this.run.interrupted ??= err;
          throw err;
        }
        const message = (err as Error).message;
        const current = this.instance(d.name);
        if (current) current.status = 'failed';
        report.outcome = 'rollback-failed';
        report.error = message;
        await this.persist(`${this.name}: ${d.name} rollback failed: ${firstLine(message)}`);
        this.emit({ kind: 'instance-finished', service: this.name, tier: d.tier, instance: d.name, action, ok: false, seconds: (Date.now() - started) / 1000, error: message });
        return `${d.name}: ${message}`;
      }
      if (action === 'destroy') this.removeInstance(d.name, now, false);
      else {
        const current = this.instance(d.name)!;
        current.spec = d.before!;
        current.status = 'ready';
        delete current.pendingSpec;
        current.updatedAt = new Date().toISOString();
        if (action === 'create') this.record.retainedDisks = this.record.retainedDisks.filter((x) => x.instance !== d.name);
      }
      report.outcome = 'rolled-back';
      await this.persist(`${this.name}: ${d.name} rolled back (deployment ${this.deployment.id})`);
      this.emit({ kind: 'instance-finished', service: this.name, tier: d.tier, instance: d.name, action, ok: true, seconds: (Date.now() - started) / 1000 });
    }
    return undefined;
  }

  // -------------------------------------------------------------------------------------------

  /** Tells the driver every instance of the service with the spec it has or is being given now. */
  private async layout(group: Step[]): Promise<void> {
    const overrides = new Map<string, InstanceSpec>();
    for (const step of group) {
      if (step.action === 'destroy') continue;
      overrides.set(step.pi.name, this.tierSpec(step.tier).instance);
    }
    const additions = group.filter((s) => s.action !== 'destroy' && !this.instance(s.pi.name));
    await this.layoutWith(overrides, additions.map((s) => ({ name: s.pi.name, tier: s.tier, index: s.index })));
  }

  private async layoutWith(overrides: Map<string, InstanceSpec>, additions: { name: string; tier: string; index: number }[] = []): Promise<void> {
    const instances: DriverInstance[] = this.record.instances.map((ri) => ({
      service: this.name,
      tier: ri.tier,
      index: ri.index,
      name: ri.name,
      spec: overrides.get(ri.name) ?? ri.spec,
    }));
    for (const a of additions) {
      if (!instances.some((i) => i.name === a.name)) instances.push({ service: this.name, ...a, spec: overrides.get(a.name)! });
    }
    for (const [name, spec] of overrides) {
      if (instances.some((i) => i.name === name)) continue;
      const d = this.done.find((x) => x.name === name);
      if (d) instances.push({ service: this.name, tier: d.tier, index: d.index, name, spec });
    }
    const order = (tier: string) => this.record.spec.tiers.findIndex((t) => t.name === tier);
    instances.sort((a, b) => order(a.tier) - order(b.tier) || a.tier.localeCompare(b.tier) || a.index - b.index);
    await this.opts.driver.layout(this.record.spec, instances);
  }

  /** The tier's spec: desired, or for a removed tier the one last recorded. */
  private tierSpec(tier: string): TierSpec {
    const spec = tierOf(this.desired, tier) ?? tierOf(this.previous?.spec, tier) ?? tierOf(this.record?.spec, tier);
    if (!spec) throw new Error(`tier ${tier} of service ${this.name} is neither desired nor recorded; plan again`);
    return spec;
  }

  private instance(name: string): RecordedInstance | undefined {
    return this.record.instances.find((i) => i.name === name);
  }

  private sortInstances(): void {
    this.record.instances.sort((a, b) => a.tier.localeCompare(b.tier) || a.index - b.index);
  }

  /**
   * Writes the whole record as it is now, and resolves once a write that includes this moment's
   * state has landed. Writes of one service never overlap; requests made while one is in flight
   * are merged into the next (it carries the latest record, so every step's mark is in it), which
   * keeps parallel steps from queueing behind each other's writes. A batch is written once the
   * work of this turn of the event loop is done, so a step's "done" mark and the next step's
   * "started" mark, asked for one right after the other, land in one write. After an interruption
   * nothing is written any more.
   */
  private persist(message: string): Promise<void> {
    if (!this.nextWrite) {
      const batch = { messages: [] as string[], done: undefined as unknown as Promise<void> };
      batch.done = this.lastWrite.then(() => setImmediate()).then(() => this.writeBatch(batch));
      this.lastWrite = batch.done.catch(() => undefined);
      this.nextWrite = batch;
    }
    this.nextWrite.messages.push(message);
    return this.nextWrite.done;
  }

  private async writeBatch(batch: { messages: string[] }): Promise<void> {
    // From here on, new requests start the next batch: this one's snapshot is taken now.
    if (this.nextWrite === batch) this.nextWrite = undefined;
    if (this.run.interrupted) throw this.run.interrupted;
    const snapshot = JSON.parse(JSON.stringify(this.record)) as ServiceRecord;
    const [first, ...more] = batch.messages;
    const message = more.length === 0 ? first : `${first}\n\n${more.join('\n')}`;
    try {
      await this.opts.store.writeService(snapshot, message);
    } catch (err) {
      if (err instanceof RunInterruptedError) this.run.interrupted ??= err;
      else this.run.interrupted ??= new RunInterruptedError(`could not record the state of ${this.name}: ${(err as Error).message}; the run stopped, run apply again to resume`);
      throw this.run.interrupted;
    }
  }

  private async renewLeaseIfDue(): Promise<void> {
    if (!this.lease) return;
    const ttl = this.ttl();
    if (Date.now() - this.leaseTakenAt < (ttl * 1000) / 3) return;
    this.leaseTakenAt = Date.now();
    this.lease = await this.opts.store.renewLease(this.lease, ttl);
  }

  private ttl(): number {
    return this.opts.leaseTtlSeconds ?? 900;
  }

  private emit(event: ProgressEvent): void {
    this.opts.onProgress?.(event);
  }
}

// ---------------------------------------------------------------------------------------------

function tierOf(spec: ServiceSpec | undefined, name: string): TierSpec | undefined {
  return spec?.tiers.find((t) => t.name === name);
}

function indexOf(service: string, tier: string, instance: string): number {
  const n = Number(instance.slice(`${service}-${tier}-`.length));
  if (!Number.isInteger(n) || n < 1) throw new Error(`instance ${instance} is not named ${service}-${tier}-<n>`);
  return n;
}

function domainOf(ps: PlanService, step: Step): number {
  const tier = ps.tiers.find((t) => t.name === step.tier)!;
  return tier.domains.find((d) => d.instances.includes(step.pi))!.index;
}

/** Consecutive runs of items with the same key, in order. */
function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups: T[][] = [];
  let last: string | undefined;
  for (const item of items) {
    const k = key(item);
    if (groups.length === 0 || k !== last) groups.push([]);
    groups[groups.length - 1].push(item);
    last = k;
  }
  return groups;
}

/** Runs `fn` over the items with at most `limit` at once; results in input order. */
export async function mapBounded<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The health probes of one upgrade domain, each started once, all stoppable together. */
class HealthProbes {
  private readonly controller = new AbortController();
  private readonly signal: AbortSignal;
  private readonly started = new Map<Step, Promise<string | undefined>>();

  constructor(
    private readonly probe: (step: Step, signal: AbortSignal) => Promise<string | undefined>,
    /** A stop of the whole run stops the probes too. */
    run?: AbortSignal,
  ) {
    this.signal = run ? AbortSignal.any([this.controller.signal, run]) : this.controller.signal;
    // Every probe of the domain (and each program it runs) listens to this one signal.
    setMaxListeners(0, this.signal);
  }

  /** The step's probe, started now unless it already was. */
  start(step: Step): Promise<string | undefined> {
    let answer = this.started.get(step);
    if (!answer) {
      answer = this.probe(step, this.signal);
      this.started.set(step, answer);
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

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function short(commit: string): string {
  return commit ? commit.slice(0, 7) : 'the working tree';
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
