// One service's part of an apply: take its lease (renewed while the run goes on), wait for any
// call a killed run left behind, plan the service again from its record as read under the lease,
// record a new deployment, roll it out, and finish the deployment (rolling back with
// autoRollback when a step or gate failed).

import { canonicalJson, specDigest } from '../model/digest.js';
import { type Deployment, type InstanceSpec, type Plan, type PlanService, type ServiceRecord, type ServiceSpec, type TierSpec } from '../model/types.js';
import { buildPlan } from '../plan/index.js';
import { LeaseHeldError, LeaseLostError, type Lease } from '../state/store.js';
import { rollBackChanges } from './auto-rollback.js';
import { boxesFor } from './boxes.js';
import type { DriverInstance, Machine } from './driver.js';
import { Journal } from './journal.js';
import { runRollout, type DomainGroup, type RolloutContext, type WorkItem } from './scheduler.js';
import { RunInterruptedError, StoppedOnRequest, type ApplyOptions, type InstanceReport, type ProgressEvent, type ServiceReport } from './types.js';

/** Shared by every service of one run: once interrupted, nothing more is written anywhere. */
export class RunState {
  interrupted: RunInterruptedError | undefined;
  /** A graceful stop: each service records what it finished, then ends as interrupted. */
  stopped: RunInterruptedError | undefined;
  /** Why no service may start: a box of the plan cannot be had. */
  unavailableBoxes: string | undefined;
}

export class ServiceRun {
  private readonly name: string;
  private lease: Lease | undefined;
  private renewal: { timer: NodeJS.Timeout; pending: Promise<void> } | undefined;
  private leaseLost: RunInterruptedError | undefined;
  private journal: Journal | undefined;
  private deployment: Deployment | undefined;
  private reports: InstanceReport[] = [];
  private readonly machines = new Map<string, Machine>();

  constructor(
    private readonly opts: ApplyOptions,
    private readonly ps: PlanService,
    private readonly run: RunState,
  ) {
    this.name = ps.name;
  }

  async execute(): Promise<ServiceReport> {
    // The plan made before the lease decides only whether this run has work here at all.
    if (!this.hasWorkHere(this.ps)) return this.finish({ service: this.name, result: 'skipped', instances: this.reportsOf(this.ps) });
    if (this.run.interrupted || this.opts.signal?.aborted)
      return this.finish({ service: this.name, result: 'interrupted', instances: this.reportsOf(this.ps) });
    if (this.run.unavailableBoxes) {
      const error = `${this.name}: not started, nothing was touched: ${this.run.unavailableBoxes}`;
      const instances = this.reportsOf(this.ps);
      for (const r of instances) if (r.outcome === 'not-started') r.error = error;
      return this.finish({ service: this.name, result: 'failed', instances, error });
    }

    try {
      this.lease = await this.opts.store.acquireLease(this.name, this.opts.owner, this.ttl());
    } catch (err) {
      if (err instanceof LeaseHeldError) {
        const instances = this.reportsOf(this.ps);
        for (const r of instances) if (r.outcome === 'not-started') r.error = err.message;
        return this.finish({ service: this.name, result: 'refused', instances, error: err.message });
      }
      throw err;
    }
    this.keepLease();

    try {
      return this.finish(await this.underLease());
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
      await this.dropLease();
    }
  }

  private async underLease(): Promise<ServiceReport> {
    // A run killed with -9 leaves its vagrant children working: they finish before anything is decided.
    await this.opts.driver.settle(this.name, this.opts.signal);
    const read = await this.opts.store.readService(this.name);
    const record = read && this.opts.reconcile ? await this.opts.reconcile(read) : read;
    const replanned = this.replan(record);
    if (replanned.document.errors.length > 0) {
      const error =
        `the record of ${this.name}, read under its lease, no longer allows the plan: ` +
        replanned.document.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join('; ') +
        '; nothing was changed: run svcplan plan to see why';
      this.reports = this.reportsOf(this.ps);
      for (const r of this.reports) if (r.outcome === 'not-started') r.error = error;
      return { service: this.name, result: 'refused', instances: this.reports, error };
    }
    const ps = replanned.document.services.find((s) => s.name === this.name);
    if (!ps) {
      this.emit({
        kind: 'replanned',
        service: this.name,
        message: `${this.name}: nothing left to do: its record, read under the lease, already matches the desired state (another apply got there first)`,
      });
      this.reports = this.reportsOf(this.ps).map((r) => (r.outcome === 'skipped' ? r : { ...r, outcome: 'done' as const }));
      return { service: this.name, result: 'unchanged', instances: this.reports };
    }
    if (canonicalJson(ps.tiers) !== canonicalJson(this.ps.tiers)) {
      this.emit({
        kind: 'replanned',
        service: this.name,
        message: `${this.name}: its record changed after the plan was made (another apply?); its steps were planned again from the record read under the lease`,
      });
    }
    this.reports = this.reportsOf(ps);
    const desired = replanned.desired[this.name];
    const previousSpec = record?.spec;
    const groups = this.groups(ps, desired, previousSpec);
    // The boxes the rollout makes machines from are on this host before any machine is touched.
    // All were asked for before any service started (boxes.ts); this catches what the plan made
    // again under the lease may add, at no cost for the rest.
    const made = groups.flatMap((g) => g.items).filter((i) => i.action === 'create' || i.action === 'replace');
    await this.opts.driver.prepareBoxes(this.name, boxesFor(made.flatMap((i) => (i.target ? [i.target] : []))));

    this.journal = new Journal(
      this.opts.store,
      this.begin(record, desired),
      () => this.interrupted(),
      (err) => (this.run.interrupted ??= err),
    );
    const journal = this.journal;
    const deployment = this.deployment!;
    await journal.persist(`${this.name}: deployment ${deployment.id} started (${deployment.kind} of ${short(this.opts.revision.commit)})`);
    const steps = groups.reduce((n, g) => n + g.items.length, 0);
    this.emit({ kind: 'service-started', service: this.name, deployment: deployment.id, steps });

    const ctx = this.rolloutContext(journal, desired, previousSpec);
    const result = await runRollout(ctx, groups);
    if (!result.failure) return this.succeed();
    return this.fail(ctx, result.failure.tier, result.failure.message);
  }

  // --- planning ------------------------------------------------------------------------------

  private replan(record: ServiceRecord | undefined): Plan {
    if (this.opts.replan) return this.opts.replan(this.name, record);
    const { plan } = this.opts;
    const desired = plan.desired[this.name];
    return buildPlan({
      desired: {
        revision: plan.document.head,
        templates: [],
        services: desired ? [desired] : [],
        locator: plan.locator ?? { locate: () => ({ line: 1, column: 1 }) },
      },
      recorded: record ? { [this.name]: record } : {},
      base: plan.document.base,
      services: [this.name],
    });
  }

  private hasWorkHere(ps: PlanService): boolean {
    const all = ps.tiers.flatMap((t) => t.domains.flatMap((d) => d.instances.map(() => t.name)));
    if (all.length === 0) return true;
    return all.some((tier) => this.opts.runner === undefined || this.runnerOf(tier, this.opts.plan.desired[this.name], undefined) === this.opts.runner);
  }

  private runnerOf(tier: string, desired: ServiceSpec | undefined, previous: ServiceSpec | undefined): string | undefined {
    const t = tierOf(desired, tier) ?? tierOf(previous, tier);
    return t ? t.instance.target.runner : this.ps.runner;
  }

  /** Every instance of the plan, in rollout order, with the runner filter applied. */
  private reportsOf(ps: PlanService): InstanceReport[] {
    const reports: InstanceReport[] = [];
    for (const tier of sortedTiers(ps)) {
      for (const domain of [...tier.domains].sort((a, b) => a.index - b.index)) {
        for (const pi of domain.instances) {
          const report: InstanceReport = { name: pi.name, tier: tier.name, action: pi.action, outcome: pi.action === 'none' ? 'done' : 'not-started' };
          if (this.opts.runner !== undefined && this.runnerOf(tier.name, this.opts.plan.desired[this.name], undefined) !== this.opts.runner)
            report.outcome = 'skipped';
          reports.push(report);
        }
      }
    }
    return reports;
  }

  /** The upgrade domains with work for this runner, in rollout order; each step carries its slot. */
  private groups(ps: PlanService, desired: ServiceSpec | undefined, previous: ServiceSpec | undefined): DomainGroup[] {
    const byName = new Map(this.reports.map((r) => [r.name, r]));
    const groups: DomainGroup[] = [];
    for (const tier of sortedTiers(ps)) {
      const spec = tierOf(desired, tier.name) ?? tierOf(previous, tier.name);
      if (!spec) throw new Error(`tier ${tier.name} of service ${this.name} is neither desired nor recorded; plan again`);
      for (const domain of [...tier.domains].sort((a, b) => a.index - b.index)) {
        const items: WorkItem[] = [];
        for (const pi of domain.instances) {
          const report = byName.get(pi.name)!;
          if (pi.action === 'none' || report.outcome === 'skipped') continue;
          if (pi.index === undefined) throw new Error(`plan instance ${pi.name} carries no index; plan again`);
          const desiredTier = tierOf(desired, tier.name);
          const target = pi.action === 'destroy' || !desiredTier ? undefined : desiredTier.instance;
          items.push({
            slot: { name: pi.name, tier: tier.name, index: pi.index, domain: domain.index },
            action: pi.action,
            report,
            target,
            deleteStateDisk: pi.state === 'deleted',
          });
        }
        if (items.length > 0) groups.push({ tier: spec, domain: domain.index, items });
      }
    }
    return groups;
  }

  // --- deployment ----------------------------------------------------------------------------

  /** The record under the lease, with the new deployment recorded as started. */
  private begin(existing: ServiceRecord | undefined, desired: ServiceSpec | undefined): ServiceRecord {
    const spec = desired ?? existing?.spec;
    if (!spec) throw new Error(`service ${this.name} is neither desired nor recorded; the plan does not match the recorded state, plan again`);
    const record: ServiceRecord = existing ?? {
      name: this.name,
      template: spec.template,
      revision: { commit: '', ref: '', release: spec.release, specDigest: '' },
      spec,
      instances: [],
      retainedDisks: [],
      history: [],
    };
    const now = new Date().toISOString();
    const id = Math.max(0, ...record.history.map((d) => d.id)) + 1;
    for (const d of record.history) {
      if (d.result === 'in-progress') {
        d.result = 'failed';
        d.finishedAt ??= now;
        d.message = `interrupted before it finished; resumed by deployment ${id}`;
      }
    }
    // The rollout goes on across interrupted runs: what it changed is kept for autoRollback.
    record.rollout ??= {
      since: id,
      changed: [],
      ...(existing ? { previous: { spec: existing.spec, template: existing.template, revision: existing.revision } } : {}),
    };
    const rollback = this.rollback();
    const revision = this.opts.plan.finishing?.[this.name]?.revision ?? this.opts.revision;
    this.deployment = {
      id,
      kind: rollback ? 'rollback' : 'apply',
      revision: { ...revision, release: rollback?.release ?? spec.release },
      planDigest: this.opts.plan.document.plan_digest,
      startedAt: now,
      result: 'in-progress',
      spec,
      ...(rollback?.of !== undefined ? { rollbackOf: rollback.of } : {}),
      ...(rollback ? { pin: { deployment: rollback.of ?? id, desiredDigest: rollback.desiredDigest } } : {}),
    };
    record.history.push(this.deployment);
    // The spec being applied drives the rollout policies of a resumed run.
    record.spec = spec;
    record.template = spec.template;
    return record;
  }

  private async succeed(): Promise<ServiceReport> {
    const journal = this.journal!;
    const deployment = this.deployment!;
    const record = journal.record;
    record.revision = {
      commit: deployment.revision.commit,
      ref: deployment.revision.ref,
      release: deployment.revision.release,
      specDigest: specDigest(record.spec),
    };
    if (deployment.pin) record.pin = { ...deployment.pin, at: new Date().toISOString() };
    else delete record.pin; // the plan applied this service, so any pin no longer holds
    delete record.rollout;
    deployment.result = 'succeeded';
    deployment.finishedAt = new Date().toISOString();
    await journal.persist(`${this.name}: deployment ${deployment.id} succeeded`);
    await this.opts.driver.forgetCalls(this.name);
    return { service: this.name, result: 'succeeded', deployment: deployment.id, instances: this.reports };
  }

  private async fail(ctx: RolloutContext, tier: TierSpec, message: string): Promise<ServiceReport> {
    const journal = this.journal!;
    const deployment = this.deployment!;
    const record = journal.record;
    let result: ServiceReport['result'] = 'failed';
    let detail = message;
    const changed = record.rollout?.changed.length ?? 0;
    if (tier.rollout.autoRollback && changed > 0) {
      const byName = new Map(this.reports.map((r) => [r.name, r]));
      const rollbackError = await rollBackChanges(
        { ...ctx, layoutOne: (name, t, index, spec) => this.layoutWith(journal.record, new Map([[name, { tier: t, index, spec }]])) },
        byName,
      );
      if (rollbackError === undefined) {
        result = 'rolled-back';
        detail = `${message}; the ${changed} instance(s) this rollout changed were returned to their previous spec`;
        const previous = record.rollout?.previous;
        if (previous) {
          record.spec = previous.spec;
          record.template = previous.template;
          record.revision = previous.revision;
        }
      } else {
        detail = `${message}; returning the updated instances to their previous spec failed too: ${rollbackError}`;
      }
    }
    // The next apply is a rollout of its own.
    delete record.rollout;
    deployment.result = result;
    deployment.finishedAt = new Date().toISOString();
    deployment.message = detail;
    await journal.persist(`${this.name}: deployment ${deployment.id} ${result}: ${firstLine(message)}`);
    await this.opts.driver.forgetCalls(this.name);
    return { service: this.name, result, deployment: deployment.id, instances: this.reports, error: detail };
  }

  // --- the rollout's surroundings ------------------------------------------------------------

  private rolloutContext(journal: Journal, desired: ServiceSpec | undefined, previous: ServiceSpec | undefined): RolloutContext {
    return {
      service: this.name,
      deployment: this.deployment!.id,
      journal,
      driver: this.opts.driver,
      machines: this.machines,
      bootTimeoutSeconds: this.opts.bootTimeoutSeconds ?? 600,
      gateGraceSeconds: this.opts.gateGraceSeconds ?? 30,
      signal: this.opts.signal,
      say: (instance, line) => this.emit({ kind: 'note', service: this.name, instance, line }),
      stopRequested: () => this.opts.signal?.aborted ?? false,
      emit: (event) => this.emit(event),
      layout: (items) => {
        const overrides = new Map<string, { tier: string; index: number; spec: InstanceSpec | undefined }>();
        for (const item of items) overrides.set(item.slot.name, { tier: item.slot.tier, index: item.slot.index, spec: item.target });
        return this.layoutWith(journal.record, overrides, desired ?? previous);
      },
      stopIfAsked: () => this.stopIfAsked(),
      interrupted: () => this.interrupted(),
      interrupt: (err) => {
        this.run.interrupted ??= err;
      },
    };
  }

  /** Tells the driver every instance of the service with the spec it has or is being given now. */
  private async layoutWith(
    record: ServiceRecord,
    overrides: Map<string, { tier: string; index: number; spec: InstanceSpec | undefined }>,
    order?: ServiceSpec,
  ): Promise<void> {
    const instances: DriverInstance[] = [];
    for (const ri of record.instances) {
      const o = overrides.get(ri.name);
      const spec = o?.spec ?? ri.step?.to ?? ri.spec;
      instances.push({ service: this.name, tier: ri.tier, index: ri.index, name: ri.name, spec });
    }
    for (const [name, o] of overrides) {
      if (!o.spec || instances.some((i) => i.name === name)) continue;
      instances.push({ service: this.name, tier: o.tier, index: o.index, name, spec: o.spec });
    }
    const tiers = (order ?? record.spec).tiers;
    const rank = (tier: string) => {
      const i = tiers.findIndex((t) => t.name === tier);
      return i < 0 ? tiers.length : i;
    };
    instances.sort((a, b) => rank(a.tier) - rank(b.tier) || (a.tier < b.tier ? -1 : a.tier > b.tier ? 1 : 0) || a.index - b.index);
    await this.opts.driver.layout(record.spec, instances);
  }

  /**
   * After a graceful stop was asked for: once what is under way has been recorded, the run ends
   * as an interrupted one (the deployment stays in progress; the next apply resumes it).
   */
  private async stopIfAsked(): Promise<void> {
    if (!this.opts.signal?.aborted) return;
    await this.journal?.settled();
    throw new StoppedOnRequest('stopped on request: the steps under way finished and were recorded, no other step was started');
  }

  private interrupted(): RunInterruptedError | undefined {
    return this.run.interrupted ?? this.leaseLost;
  }

  // --- the lease -----------------------------------------------------------------------------

  /** Renews the lease in the background, a third of its length at a time, for as long as the run goes on. */
  private keepLease(): void {
    const every = (this.ttl() * 1000) / 3;
    const renewal = { timer: undefined as unknown as NodeJS.Timeout, pending: Promise.resolve() };
    renewal.timer = setInterval(() => {
      renewal.pending = renewal.pending.then(async () => {
        if (!this.lease || this.leaseLost) return;
        try {
          this.lease = await this.opts.store.renewLease(this.lease, this.ttl());
        } catch (err) {
          // Two applies never work on one service: with the lease gone, nothing more is recorded.
          this.leaseLost = new RunInterruptedError((err as Error).message);
        }
      });
    }, every);
    renewal.timer.unref();
    this.renewal = renewal;
  }

  private async dropLease(): Promise<void> {
    if (this.renewal) {
      clearInterval(this.renewal.timer);
      await this.renewal.pending;
    }
    // The lease goes even on an interruption: only a dead process keeps it, and that one is
    // taken over once its holder is seen to be gone.
    if (this.lease && !this.leaseLost) await this.opts.store.releaseLease(this.lease).catch(() => undefined);
  }

  /** A rollback: asked for (svcplan rollback), or one an interrupted run left, which the plan finishes. */
  private rollback(): ApplyOptions['rollback'] {
    return this.opts.rollback ?? this.opts.plan.finishing?.[this.name]?.rollback;
  }

  private ttl(): number {
    return this.opts.leaseTtlSeconds ?? 900;
  }

  private finish(report: ServiceReport): ServiceReport {
    this.emit({ kind: 'service-finished', service: this.name, result: report.result, deployment: report.deployment });
    return report;
  }

  private emit(event: ProgressEvent): void {
    this.opts.onProgress?.(event);
  }
}

/** The box of every machine the rollout creates (create and replace targets), once each. */
function tierOf(spec: ServiceSpec | undefined, name: string): TierSpec | undefined {
  return spec?.tiers.find((t) => t.name === name);
}

function sortedTiers(ps: PlanService) {
  return [...ps.tiers].sort((a, b) => a.order - b.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function short(commit: string): string {
  return commit ? commit.slice(0, 7) : 'the working tree';
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
