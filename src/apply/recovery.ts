// The decision table of a step machine (docs/architecture.md, "Resuming a step"): from the phase
// a step recorded and what the machine is observed to be, the one next move. A fresh step and a
// resumed one go through the same table. The call recorded with a phase is settled first by the
// step runner: one that is known to have succeeded leads to the phase it was recorded to lead
// to, and is never run again; one that did not (failed, never started, or lost with a killed run)
// leaves the decision to this table, which runs an action again only where that cannot touch app
// state on the wrong VM.

import type { InstanceStep, StepPhase } from '../model/types.js';
import type { Machine } from './driver.js';

/** What a step does next with the machine. */
export type Operation =
  | 'save-state' // run the old VM's save-state hook
  | 'halt'
  | 'destroy' // destroy the machine (its state disk stays)
  | 'create' // vagrant up with every provisioner (a new VM)
  | 'boot' // start a stopped machine, no provisioner
  | 'boot-provision' // start a stopped machine and run the step's provisioners
  | 'provision' // run the step's provisioners on the running machine
  | 'await-ssh-provision' // wait until a booting machine answers SSH, then run the step's provisioners
  | 'reload' // restart with the new hardware and run the step's provisioners
  | 'grow-disk'
  | 'restore-state' // run the new VM's restore-state hook
  | 'delete-disk';

export type Move =
  /** Record `phase` and go on (nothing to do on the machine for it). */
  | { kind: 'advance'; phase: StepPhase; note?: string }
  /** Record the current phase with a new call, run `op`, then record `then` (`done`: the step is over). */
  | { kind: 'run'; op: Operation; then: StepPhase | 'done'; note?: string }
  /** The step's VM work is done: its upgrade domain's health gate decides. */
  | { kind: 'gate' }
  /** The step is over (a destroy): the instance leaves the record. */
  | { kind: 'done' }
  /** Going on could do harm or cannot work: the step fails with this message. */
  | { kind: 'fail'; message: string };

/** The phases at which a step waits for its gate, by action. */
export const GATE_PHASE: Record<Exclude<InstanceStep['action'], 'destroy'>, StepPhase[]> = {
  create: ['created'],
  replace: ['restored'],
  refresh: ['refreshed'],
  restart: ['restarted', 'booted'],
};

export function atGate(step: InstanceStep): boolean {
  return step.action !== 'destroy' && GATE_PHASE[step.action].includes(step.phase);
}

/** The first phase of a new step. */
export function firstPhase(step: Pick<InstanceStep, 'action' | 'growStateDisk' | 'save'>): StepPhase {
  switch (step.action) {
    case 'create':
      return 'creating';
    case 'replace':
      return step.save ? 'saving' : 'saved';
    case 'refresh':
      return 'refreshing';
    case 'restart':
      return step.growStateDisk ? 'halting' : 'restarting';
    case 'destroy':
      return 'destroying';
  }
}

/** Whether the observed machine is the VM the replace started from (not a replacement). */
export function isOldMachine(step: InstanceStep, m: Machine): boolean {
  if (m.state === 'not_created') return false;
  const old = step.old;
  if (old?.id && m.id) return old.id === m.id;
  if (old?.box && m.box) return old.box.name === m.box.name && old.box.version === m.box.version;
  // Nothing tells them apart: the recorded phase (before destroy) says it is the old one.
  return true;
}

/**
 * The move of a create or a replace at `creating`. A machine an interrupted run left half made
 * holds no app state yet (never restored): it is destroyed and made again whole, its state disk
 * kept. With no machine, a call an earlier run began here and that did not succeed may still have
 * left part of one: cut off (`call`: the step runner settled it first; one that succeeded has
 * moved the step on, one that never began is dropped) or failed (`failed`). vagrant-libvirt makes
 * the domain's disk image before the domain and refuses to make it again ("Volume for domain is
 * already created"); `vagrant destroy` of a machine not created removes that stale image
 * (RemoveStaleVolume), never the state disk.
 */
function atCreating(step: InstanceStep, m: Machine, unfinished: string): Move {
  if (m.state !== 'not_created' && m.state !== 'unknown') return { kind: 'run', op: 'destroy', then: 'creating', note: unfinished };
  if (m.state === 'not_created' && (step.call !== undefined || step.failed !== undefined)) {
    return {
      kind: 'run',
      op: 'destroy',
      then: 'creating',
      note: 'a create the interrupted run began left no machine: `vagrant destroy` clears what it may have left (its disk image; the state disk stays), then it is created again',
    };
  }
  return { kind: 'run', op: 'create', then: 'created' };
}

/**
 * Whether a recorded call that never began is forgotten, as if never recorded. Not a destroy at
 * `creating`: it stands for the cut-off create it was to clear up after, whose word it replaced,
 * so it is still owed.
 */
export function forgetsUnstarted(step: InstanceStep): boolean {
  return !(step.phase === 'creating' && step.call?.op === 'destroy');
}

/**
 * The next move of `step` at its recorded phase, for the machine as observed. `unknown` (no
 * observation could be had, as in a dry run) is taken to be what the phase expects.
 */
export function nextMove(step: InstanceStep, m: Machine): Move {
  const exists = m.state !== 'not_created';
  const hasProvisioners = (step.provisioners ?? []).length > 0;
  const gone = (what: string): Move => ({
    kind: 'fail',
    message: `its machine no longer exists (vagrant status: not created), so it cannot be ${what}; svcplan never recreates a VM it did not destroy itself: find out what removed it, then run svcplan apply again`,
  });

  switch (step.action) {
    case 'create':
      switch (step.phase) {
        case 'creating':
          return atCreating(step, m, 'an unfinished machine from an interrupted run: destroyed and created again (its state disk stays)');
        case 'created':
          if (!exists) return { kind: 'advance', phase: 'creating', note: 'the machine is gone: it is created again' };
          return { kind: 'gate' };
      }
      break;

    case 'replace':
      switch (step.phase) {
        case 'saving':
          if (!exists) return { kind: 'advance', phase: 'destroyed', note: 'the old machine is already gone: nothing to save, halt or destroy' };
          if (!step.save) return { kind: 'advance', phase: 'saved' };
          if (!isOldMachine(step, m))
            return {
              kind: 'advance',
              phase: 'saved',
              note: 'the machine is not the VM being replaced: save-state is not run on it, the state disk is kept as it is',
            };
          if (m.state === 'stopped') return { kind: 'advance', phase: 'saved', note: 'not running: save-state hook skipped, the state disk is kept as it is' };
          return { kind: 'run', op: 'save-state', then: 'saved' };
        case 'saved':
          if (!exists) return { kind: 'advance', phase: 'destroyed' };
          if (m.state === 'stopped') return { kind: 'advance', phase: 'halted' };
          return { kind: 'run', op: 'halt', then: 'halted' };
        case 'halted':
          if (!exists) return { kind: 'advance', phase: 'destroyed' };
          return { kind: 'run', op: 'destroy', then: 'destroyed' };
        case 'destroyed':
          return { kind: 'advance', phase: 'creating' };
        case 'creating':
          return atCreating(step, m, 'an unfinished new machine from an interrupted run (never restored): destroyed and created again; the state disk stays');
        case 'created':
          if (!exists) return { kind: 'advance', phase: 'creating', note: 'the new machine is gone: it is created again' };
          if (m.state === 'stopped') return { kind: 'run', op: 'boot', then: 'created' };
          return { kind: 'advance', phase: step.to?.state?.restore ? 'restoring' : 'restored' };
        case 'restoring':
          if (!exists) return { kind: 'advance', phase: 'creating', note: 'the new machine is gone: it is created again and restored' };
          if (m.state === 'stopped') return { kind: 'run', op: 'boot', then: 'restoring' };
          return { kind: 'run', op: 'restore-state', then: 'restored' };
        case 'restored':
          if (!exists) return { kind: 'advance', phase: 'creating', note: 'the new machine is gone: it is created again and restored' };
          return { kind: 'gate' };
      }
      break;

    case 'refresh':
      switch (step.phase) {
        case 'refreshing':
          if (!exists) return gone('refreshed');
          if (m.state === 'stopped') return { kind: 'run', op: 'boot-provision', then: 'refreshed' };
          if (!hasProvisioners) return { kind: 'advance', phase: 'refreshed' };
          return { kind: 'run', op: 'provision', then: 'refreshed' };
        case 'refreshed':
          if (!exists) return gone('checked');
          return { kind: 'gate' };
      }
      break;

    case 'restart':
      switch (step.phase) {
        case 'restarting':
          if (!exists) return gone('restarted');
          return { kind: 'run', op: 'reload', then: 'restarted' };
        case 'restarted':
          if (!exists) return gone('checked');
          return { kind: 'gate' };
        case 'halting':
          if (!exists) return gone('restarted');
          if (m.state === 'stopped') return { kind: 'advance', phase: 'halted' };
          return { kind: 'run', op: 'halt', then: 'halted' };
        case 'halted':
          if (!exists) return gone('restarted');
          // Someone started it again: a disk grows only while nothing uses it.
          if (m.state === 'running') return { kind: 'run', op: 'halt', then: 'halted' };
          return { kind: 'run', op: 'grow-disk', then: 'grown' };
        case 'grown':
          if (!exists) return gone('restarted');
          // A boot an interrupted run began: wait for it rather than provision a machine still booting.
          if (m.state === 'running') return { kind: 'run', op: 'await-ssh-provision', then: 'booted' };
          return { kind: 'run', op: hasProvisioners ? 'boot-provision' : 'boot', then: 'booted' };
        case 'booted':
          if (!exists) return gone('checked');
          return { kind: 'gate' };
      }
      break;

    case 'destroy':
      switch (step.phase) {
        case 'destroying':
          if (!exists) return { kind: 'advance', phase: 'destroyed' };
          return { kind: 'run', op: 'destroy', then: 'destroyed' };
        case 'destroyed':
          if (step.deleteStateDisk) return { kind: 'run', op: 'delete-disk', then: 'done' };
          return { kind: 'done' };
      }
      break;
  }
  return { kind: 'fail', message: `a ${step.action} step cannot be at phase ${step.phase}; the record is damaged` };
}
