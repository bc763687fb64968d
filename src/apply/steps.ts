// Which step takes an instance from what it is now to a target spec: a fresh step from a ready
// instance, or, for an instance whose step an earlier run left unfinished (or that failed), that
// step carried on toward the new target without ever running save-state on a VM whose app state
// was not restored into it. Pure: the step runner records and runs what this returns.

import { canonicalJson } from '../model/digest.js';
import type { InstanceSpec, InstanceStep, MachineIdentity, RecordedInstance } from '../model/types.js';
import { classifyInstanceChange, mostDisruptive } from '../plan/classify.js';
import type { Machine, ProvisionerName } from './driver.js';
import { everyProvisioner, ordered, provisionersFor } from './provisioners.js';
import { atGate, firstPhase } from './recovery.js';

export interface StepStart {
  deployment: number;
  domain: number;
  /** A destroy deletes the state disk (onScaleIn: delete). */
  deleteStateDisk: boolean;
  /** The machine as observed (for a replace: what identifies the VM being replaced). */
  machine: Machine;
  now: string;
}

/** What to do with an instance that has no step under way. */
export type Fresh =
  | { kind: 'step'; step: InstanceStep }
  /** Only what the next rollout reads changed (hooks, policies): the record takes the spec, the VM stays. */
  | { kind: 'spec'; spec: InstanceSpec }
  | { kind: 'nothing' };

export function sameSpec(a: InstanceSpec | undefined, b: InstanceSpec | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return canonicalJson(a) === canonicalJson(b);
}

function newStep(fields: Omit<InstanceStep, 'phase' | 'deployment' | 'domain' | 'startedAt'>, start: StepStart): InstanceStep {
  const step: InstanceStep = { ...fields, phase: 'creating', deployment: start.deployment, domain: start.domain, startedAt: start.now };
  step.phase = firstPhase(step);
  return step;
}

function identityOf(m: Machine): MachineIdentity {
  const old: MachineIdentity = {};
  if (m.id) old.id = m.id;
  if (m.box) old.box = m.box;
  return old;
}

/** The step from a recorded instance without a step (or from nothing) to `target` (nothing: destroy). */
export function freshStep(ri: RecordedInstance | undefined, target: InstanceSpec | undefined, start: StepStart): Fresh {
  if (!ri) return target ? { kind: 'step', step: newStep({ action: 'create', to: target }, start) } : { kind: 'nothing' };
  if (!target) return { kind: 'step', step: newStep({ action: 'destroy', from: ri.spec, deleteStateDisk: start.deleteStateDisk && !!ri.spec.state }, start) };
  return stepBetween(ri.spec, target, start, {
    unsure: ri.status !== 'ready',
    // An older record's pending replace may have left a new VM that was never restored.
    live: !(ri.status === 'pending' && ri.pendingSpec && !sameSpec(ri.pendingSpec, ri.spec)),
  });
}

/**
 * The step from a VM with spec `from` to `target`. `unsure`: the VM's last action did not finish
 * (an older record), so every provisioner runs; `live`: the VM holds the app state (its
 * save-state hook may run before a replace).
 */
function stepBetween(from: InstanceSpec, target: InstanceSpec, start: StepStart, opts: { unsure: boolean; live: boolean }): Fresh {
  const change = classifyInstanceChange(from, target);
  let action = change.action;
  let provisioners = provisionersFor(change.reasons);
  if (opts.unsure && action !== 'replace') {
    provisioners = everyProvisioner(target);
    if (action === 'none') action = 'refresh';
  }
  switch (action) {
    case 'none':
      return sameSpec(from, target) ? { kind: 'nothing' } : { kind: 'spec', spec: target };
    case 'refresh':
      return { kind: 'step', step: newStep({ action: 'refresh', from, to: target, provisioners }, start) };
    case 'restart': {
      const growStateDisk = !!from.state && !!target.state && target.state.disk > from.state.disk;
      return { kind: 'step', step: newStep({ action: 'restart', from, to: target, provisioners, ...(growStateDisk ? { growStateDisk } : {}) }, start) };
    }
    case 'replace':
      return {
        kind: 'step',
        step: newStep({ action: 'replace', from, to: target, save: opts.live && !!from.state?.save, old: identityOf(start.machine) }, start),
      };
    default:
      throw new Error(`unexpected classification ${action}`);
  }
}

/** Whether a step already goes where `target` says. */
export function headsFor(step: InstanceStep, target: InstanceSpec | undefined): boolean {
  return step.action === 'destroy' ? target === undefined : sameSpec(step.to, target);
}

/**
 * An unfinished step carried on toward a different target (the template changed again, or
 * autoRollback returns the instance to its earlier spec). Returns the step to run now, or
 * `finish-first` when the step must end before anything else starts (a destroy under way).
 */
export function retarget(
  step: InstanceStep,
  target: InstanceSpec | undefined,
  start: StepStart,
): { kind: 'step'; step: InstanceStep } | Fresh | { kind: 'finish-first' } {
  const m = start.machine;
  const { call, failed, ...kept } = step;
  // A step carried on at `creating` keeps the word of its last call: a create cut off or failed
  // may have left part of a machine behind, which is cleared before the next create.
  const carried = (fields: Partial<InstanceStep>): { kind: 'step'; step: InstanceStep } => {
    const next: InstanceStep = { ...kept, ...fields };
    if (next.phase === 'creating' && step.phase === 'creating') {
      if (call) next.call = call;
      if (failed) next.failed = failed;
    }
    return { kind: 'step', step: next };
  };
  const destroyFrom = (spec: InstanceSpec | undefined): Fresh => {
    if (!spec) return { kind: 'nothing' };
    return { kind: 'step', step: newStep({ action: 'destroy', from: spec, deleteStateDisk: start.deleteStateDisk && !!spec.state }, start) };
  };

  // Its VM work is done (the gate had not passed yet): the VM is the step's target, app state in it.
  if (atGate(step)) {
    if (!target) return destroyFrom(step.to);
    return stepBetween(step.to!, target, start, { unsure: false, live: true });
  }

  switch (step.action) {
    case 'destroy':
      // A machine half destroyed is finished off first; a new one is made after, the disk kept.
      return { kind: 'finish-first' };

    case 'create':
      // Nothing lives on a VM that was being created: it is made with the new spec instead.
      return target ? carried({ to: target }) : destroyFrom(step.to);

    case 'replace': {
      const beforeDestroy = step.phase === 'saving' || step.phase === 'saved' || step.phase === 'halted';
      if (!target) return destroyFrom(beforeDestroy ? step.from : step.to);
      if (beforeDestroy && sameSpec(target, step.from) && m.state !== 'not_created') {
        // Back to the VM it still is (autoRollback, or a reverted change): only make sure it runs
        // (booted if it was halted), then its gate.
        const ensure = newStep({ action: 'restart', from: step.from, to: step.from, provisioners: [], growStateDisk: true }, start);
        return { kind: 'step', step: { ...ensure, phase: m.state === 'running' ? 'booted' : 'grown' } };
      }
      if (beforeDestroy && m.state === 'not_created') return carried({ to: target, phase: 'destroyed' });
      // Its restore may have run: finish it, and the VM then holds the app state a new step saves.
      if (step.phase === 'restoring') return { kind: 'finish-first' };
      // A replacement built for the old target was never restored (no app state on it): it is
      // made again for the new one. The saved state waits on the disk; save-state is not repeated.
      if (step.phase === 'created') return carried({ to: target, phase: 'creating' });
      return carried({ to: target });
    }

    case 'refresh':
    case 'restart': {
      if (!target) return destroyFrom(step.to);
      const base = step.from ?? step.to!;
      const fromStart = classifyInstanceChange(base, target);
      const fromHalfway = classifyInstanceChange(step.to!, target);
      const worst = mostDisruptive([step.action, fromStart.action, fromHalfway.action]);
      if (worst === 'replace') return stepBetween(step.to!, target, start, { unsure: false, live: true });
      const provisioners = ordered([
        ...((step.provisioners ?? []) as ProvisionerName[]),
        ...provisionersFor(fromStart.reasons),
        ...provisionersFor(fromHalfway.reasons),
      ]);
      const growStateDisk = !!base.state && !!target.state && target.state.disk > base.state.disk;
      if (worst === step.action && (worst === 'refresh' || !!step.growStateDisk === growStateDisk || step.growStateDisk)) {
        return carried({ to: target, provisioners });
      }
      return {
        kind: 'step',
        step: newStep({ action: worst as 'refresh' | 'restart', from: base, to: target, provisioners, ...(growStateDisk ? { growStateDisk } : {}) }, start),
      };
    }
  }
}
