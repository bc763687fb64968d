// A service's record while an apply runs on it: every change a step makes (its phases, its end,
// a gate's result) goes into the record here and is written to the store, coalesced, in order.
// A phase is on disk before the action that follows it starts: that is what lets the next run
// finish a step from where this one stopped.

import { setImmediate } from 'node:timers/promises';
import type { GateResult, InstanceSpec, InstanceStep, RecordedInstance, ServiceRecord } from '../model/types.js';
import type { StateStore } from '../state/store.js';
import { RunInterruptedError } from './types.js';

/** Where an instance sits in the service: the identity a step carries from the plan. */
export interface Slot {
  name: string;
  tier: string;
  index: number;
  domain: number;
}

export class Journal {
  private lastWrite: Promise<void> = Promise.resolve();
  private nextWrite: { messages: string[]; done: Promise<void> } | undefined;

  constructor(
    private readonly store: StateStore,
    readonly record: ServiceRecord,
    /** Set once the run is interrupted: nothing more is written. */
    private readonly interrupted: () => RunInterruptedError | undefined,
    private readonly onInterrupt: (err: RunInterruptedError) => RunInterruptedError,
  ) {}

  get name(): string {
    return this.record.name;
  }

  instance(name: string): RecordedInstance | undefined {
    return this.record.instances.find((i) => i.name === name);
  }

  // --- steps ---------------------------------------------------------------------------------

  /** A new step on an instance (a create adds the instance, with the spec it is getting). */
  beginStep(slot: Slot, step: InstanceStep): void {
    let ri = this.instance(slot.name);
    this.noteChange(slot, ri?.spec ?? null);
    if (!ri) {
      if (!step.to) throw new Error(`a ${step.action} step of ${slot.name}, which is not recorded, has no target spec`);
      ri = { name: slot.name, tier: slot.tier, index: slot.index, spec: step.to, status: 'pending', updatedAt: step.startedAt };
      this.record.instances.push(ri);
      this.sortInstances();
    }
    ri.status = 'pending';
    ri.step = step;
    delete ri.pendingSpec;
    ri.updatedAt = step.startedAt;
  }

  /** The step's phase now, with the call that follows it (if one does). */
  setPhase(name: string, phase: InstanceStep['phase'], call?: InstanceStep['call']): void {
    const ri = this.required(name);
    const step = ri.step!;
    step.phase = phase;
    if (call) step.call = call;
    else delete step.call;
    delete step.failed;
    ri.status = 'pending';
    ri.updatedAt = new Date().toISOString();
  }

  fail(name: string, message: string): void {
    const ri = this.instance(name);
    if (!ri) return;
    ri.status = 'failed';
    if (ri.step) {
      ri.step.failed = { message, at: new Date().toISOString() };
      // Its outcome is known: the next run decides from the phase and the machine.
      delete ri.step.call;
    }
    ri.updatedAt = new Date().toISOString();
  }

  /** The step is over and the instance is what it targeted (its gate passed, or no gate applies). */
  complete(name: string): void {
    const ri = this.required(name);
    if (ri.step?.to) ri.spec = ri.step.to;
    delete ri.step;
    delete ri.pendingSpec;
    ri.status = 'ready';
    ri.updatedAt = new Date().toISOString();
    this.record.retainedDisks = this.record.retainedDisks.filter((d) => d.instance !== name || !ri.spec.state);
  }

  /** Only what the next rollout reads changed: the record takes the spec, the VM stays. */
  takeSpec(slot: Slot, spec: InstanceSpec): void {
    const ri = this.required(slot.name);
    this.noteChange(slot, ri.spec);
    ri.spec = spec;
    ri.updatedAt = new Date().toISOString();
  }

  /** The instance was destroyed: it leaves the record; its state disk is listed as kept unless deleted. */
  remove(name: string, diskDeleted: boolean): void {
    const ri = this.instance(name);
    if (!ri) return;
    const spec = ri.step?.from ?? ri.spec;
    this.record.instances = this.record.instances.filter((i) => i !== ri);
    this.record.retainedDisks = this.record.retainedDisks.filter((d) => d.instance !== name);
    if (spec.state && !diskDeleted) this.record.retainedDisks.push({ instance: name, sizeGiB: spec.state.disk, retainedAt: new Date().toISOString() });
  }

  /** A step is being replaced by another (carried on toward a new target). */
  replaceStep(name: string, step: InstanceStep): void {
    const ri = this.required(name);
    ri.step = step;
    ri.status = 'pending';
    ri.updatedAt = new Date().toISOString();
  }

  /** What autoRollback needs: the spec an instance had when this rollout first changed it. */
  private noteChange(slot: Slot, before: InstanceSpec | null): void {
    const rollout = this.record.rollout;
    if (!rollout || rollout.changed.some((c) => c.name === slot.name)) return;
    rollout.changed.push({ name: slot.name, tier: slot.tier, index: slot.index, before });
  }

  recordGate(deploymentId: number, gate: GateResult): void {
    const deployment = this.record.history.find((d) => d.id === deploymentId);
    if (deployment) (deployment.gates ??= []).push(gate);
  }

  private required(name: string): RecordedInstance {
    const ri = this.instance(name);
    if (!ri) throw new Error(`${name} is not in the record of ${this.record.name}`);
    return ri;
  }

  private sortInstances(): void {
    this.record.instances.sort((a, b) => (a.tier < b.tier ? -1 : a.tier > b.tier ? 1 : a.index - b.index));
  }

  // --- writes --------------------------------------------------------------------------------

  /**
   * Writes the whole record as it is now, and resolves once a write that includes this moment's
   * state has landed. Writes of one service never overlap; requests made while one is in flight
   * are merged into the next (it carries the latest record, so every step's mark is in it), which
   * keeps parallel steps from queueing behind each other's writes. A batch is written once the
   * work of this turn of the event loop is done, so marks asked for one right after the other
   * land in one write. After an interruption nothing is written any more.
   */
  persist(message: string): Promise<void> {
    if (!this.nextWrite) {
      const batch = { messages: [] as string[], done: undefined as unknown as Promise<void> };
      batch.done = this.lastWrite.then(() => setImmediate()).then(() => this.writeBatch(batch));
      this.lastWrite = batch.done.catch(() => undefined);
      this.nextWrite = batch;
    }
    this.nextWrite.messages.push(message);
    return this.nextWrite.done;
  }

  /** Resolves once every write asked for so far has landed (or failed). */
  settled(): Promise<void> {
    return this.lastWrite;
  }

  private async writeBatch(batch: { messages: string[] }): Promise<void> {
    // From here on, new requests start the next batch: this one's snapshot is taken now.
    if (this.nextWrite === batch) this.nextWrite = undefined;
    const stopped = this.interrupted();
    if (stopped) throw stopped;
    checkRecord(this.record);
    const snapshot = JSON.parse(JSON.stringify(this.record)) as ServiceRecord;
    const [first, ...more] = batch.messages;
    const message = more.length === 0 ? first : `${first}\n\n${more.join('\n')}`;
    try {
      await this.store.writeService(snapshot, message);
    } catch (err) {
      const interrupted =
        err instanceof RunInterruptedError
          ? err
          : new RunInterruptedError(`could not record the state of ${this.record.name}: ${(err as Error).message}; the run stopped, run apply again to resume`);
      throw this.onInterrupt(interrupted);
    }
  }
}

/** A record is never written with an instance it could not be planned from again. */
function checkRecord(record: ServiceRecord): void {
  for (const i of record.instances) {
    if (!i.spec || !i.name || !i.tier || !(i.index >= 1)) {
      throw new Error(`refusing to record ${record.name}: instance ${i.name ?? '?'} would have no spec or slot`);
    }
  }
}
