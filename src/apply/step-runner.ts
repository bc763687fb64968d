// Runs one instance's work: the step under way (resumed from its recorded phase) or a new one,
// move by move through the decision table (recovery.ts). Each call is recorded, with what it
// leads to, before it starts; what became of a call an earlier run started is asked of the
// driver before anything is decided, so a call known to have succeeded is never run again.

import { randomBytes } from 'node:crypto';
import type { InstanceSpec, InstanceStep } from '../model/types.js';
import type { CallOutcome, Driver, DriverInstance, Machine, ProvisionerName } from './driver.js';
import type { Journal, Slot } from './journal.js';
import { forgetsUnstarted, nextMove, type Operation } from './recovery.js';
import { freshStep, headsFor, retarget } from './steps.js';
import { RunInterruptedError } from './types.js';

export interface StepContext {
  service: string;
  deployment: number;
  journal: Journal;
  driver: Driver;
  /** The service's machines as last observed, kept up to date with what this run does to them. */
  machines: Map<string, Machine>;
  /** Seconds to wait for a machine another run was booting to answer SSH. */
  bootTimeoutSeconds: number;
  /** A line about an instance (a decision worth knowing). */
  say(instance: string, line: string): void;
  /** A graceful stop was asked for: a step that has not touched its machine in this run does not begin to. */
  stopRequested?(): boolean;
}

/** How an instance's work ended. */
export type WorkResult =
  | { kind: 'gate' } // its VM work is done; its domain's gate decides
  | { kind: 'removed' }
  | { kind: 'unchanged' } // nothing to do on the VM
  | { kind: 'stopped' } // a graceful stop came before its first call: the next run begins it
  | { kind: 'failed'; message: string };

const UNKNOWN: Machine = { state: 'unknown' };

/** Brings an instance to `target` (undefined: destroyed), up to its health gate. */
export async function bringToward(ctx: StepContext, slot: Slot, target: InstanceSpec | undefined, opts: { deleteStateDisk: boolean }): Promise<WorkResult> {
  const { journal } = ctx;
  const settled = new Set<string>();
  let touched = false;
  for (let moves = 0; moves < 64; moves++) {
    const ri = journal.instance(slot.name);
    const machine = ctx.machines.get(slot.name) ?? UNKNOWN;
    const start = { deployment: ctx.deployment, domain: slot.domain, deleteStateDisk: opts.deleteStateDisk, machine, now: new Date().toISOString() };
    const step = ri?.step;

    if (!step) {
      const fresh = freshStep(ri, target, start);
      if (fresh.kind === 'nothing') return { kind: 'unchanged' };
      if (fresh.kind === 'spec') {
        journal.takeSpec(slot, fresh.spec);
        await journal.persist(`${ctx.service}: ${slot.name} takes the new spec (nothing changes on the VM)`);
        return { kind: 'unchanged' };
      }
      journal.beginStep(slot, fresh.step);
      continue;
    }

    // A call an earlier run recorded: what became of it decides before anything else.
    if (step.call && !settled.has(step.call.id)) {
      settled.add(step.call.id);
      const outcome = await ctx.driver.outcome(driverInstance(ctx, slot, specFor(step, step.call.op as Operation, step.phase)), step.call.id);
      if (outcome === 'succeeded') {
        ctx.say(slot.name, `resuming: ${step.call.op} of the interrupted run succeeded (phase ${step.phase} → ${step.call.then})`);
        if (step.call.then === 'done') return finish(ctx, slot, step, target, opts);
        journal.setPhase(slot.name, step.call.then);
        continue;
      }
      ctx.say(slot.name, `resuming at phase ${step.phase}: ${step.call.op} of the interrupted run ${describe(outcome)}`);
      // No trace of it: it left nothing to clear up, as if it had never been recorded.
      if (outcome === 'not-started' && forgetsUnstarted(step)) journal.setPhase(slot.name, step.phase);
    }

    if (!headsFor(step, target)) {
      const next = retarget(step, target, start);
      if (next.kind === 'nothing') {
        journal.complete(slot.name);
        await journal.persist(`${ctx.service}: ${slot.name} left as it is`);
        return { kind: 'unchanged' };
      }
      if (next.kind === 'spec') {
        journal.complete(slot.name);
        journal.takeSpec(slot, next.spec);
        continue;
      }
      if (next.kind === 'step') {
        journal.replaceStep(slot.name, next.step);
        ctx.say(slot.name, `its unfinished ${step.action} (at ${step.phase}) now heads for the new target as a ${next.step.action} at ${next.step.phase}`);
        continue;
      }
      // finish-first: carry on with the step as it is; a new step follows once it is over.
    }

    const move = nextMove(step, machine);
    switch (move.kind) {
      case 'gate':
        return { kind: 'gate' };
      case 'done':
        return finish(ctx, slot, step, target, opts);
      case 'fail': {
        journal.fail(slot.name, move.message);
        await journal.persist(`${ctx.service}: ${slot.name} ${step.action} failed at ${step.phase}: ${move.message}`);
        return { kind: 'failed', message: move.message };
      }
      case 'advance':
        if (move.note) ctx.say(slot.name, move.note);
        journal.setPhase(slot.name, move.phase);
        continue;
      case 'run': {
        if (!touched && ctx.stopRequested?.()) return { kind: 'stopped' };
        if (move.note) ctx.say(slot.name, move.note);
        const call = { id: randomBytes(5).toString('hex'), op: move.op, then: move.then };
        journal.setPhase(slot.name, step.phase, call);
        // The phase, with the call that follows it, is on disk before the call starts.
        await journal.persist(`${ctx.service}: ${slot.name} ${step.action} ${step.phase}: ${move.op} (deployment ${ctx.deployment})`);
        settled.add(call.id);
        // Steps under way finish; one that has not touched its machine yet does not begin to (its
        // record says the call is next, with no receipt: the next run makes it).
        if (!touched && ctx.stopRequested?.()) return { kind: 'stopped' };
        touched = true;
        try {
          await perform(ctx, slot, step, move.op, call.id);
        } catch (err) {
          if (err instanceof RunInterruptedError) throw err;
          ctx.machines.set(slot.name, UNKNOWN);
          const message = (err as Error).message || String(err);
          journal.fail(slot.name, message);
          await journal.persist(
            `${ctx.service}: ${slot.name} ${step.action} failed at ${step.phase} (${move.op}, deployment ${ctx.deployment}): ${firstLine(message)}`,
          );
          return { kind: 'failed', message };
        }
        ctx.machines.set(slot.name, afterOperation(move.op, machine));
        if (move.then === 'done') return finish(ctx, slot, step, target, opts);
        journal.setPhase(slot.name, move.then);
        // Not waited for: the next call's mark is written with (or after) it, and a lost mark
        // only means the call's receipt is asked for again.
        void journal.persist(`${ctx.service}: ${slot.name} ${step.action} ${move.then} (deployment ${ctx.deployment})`).catch(() => undefined);
        continue;
      }
    }
  }
  throw new Error(`${slot.name}: its step did not settle after 64 moves; this is a bug in svcplan`);
}

/** A destroy is over: the instance leaves the record, and comes back if the target still wants it. */
async function finish(
  ctx: StepContext,
  slot: Slot,
  step: InstanceStep,
  target: InstanceSpec | undefined,
  opts: { deleteStateDisk: boolean },
): Promise<WorkResult> {
  ctx.journal.remove(slot.name, !!step.deleteStateDisk);
  ctx.machines.set(slot.name, { state: 'not_created' });
  if (target) return bringToward(ctx, slot, target, opts);
  void ctx.journal.persist(`${ctx.service}: ${slot.name} destroyed (deployment ${ctx.deployment})`).catch(() => undefined);
  return { kind: 'removed' };
}

/** The spec a call acts with: the old VM's for what happens to it before it goes, else the target. */
function specFor(step: InstanceStep, op: Operation, phase: InstanceStep['phase']): InstanceSpec {
  const old = step.from ?? step.to!;
  const next = step.to ?? step.from!;
  if (step.action === 'destroy') return old;
  if (step.action === 'replace' && (phase === 'saving' || phase === 'saved' || phase === 'halted')) return old;
  if (op === 'delete-disk') return old;
  return next;
}

function driverInstance(ctx: StepContext, slot: Slot, spec: InstanceSpec): DriverInstance {
  return { service: ctx.service, tier: slot.tier, index: slot.index, name: slot.name, spec };
}

async function perform(ctx: StepContext, slot: Slot, step: InstanceStep, op: Operation, call: string): Promise<void> {
  const d = ctx.driver;
  const inst = driverInstance(ctx, slot, specFor(step, op, step.phase));
  const provisioners = (step.provisioners ?? []) as ProvisionerName[];
  switch (op) {
    case 'save-state':
      return d.provision(inst, ['save-state'], { call });
    case 'restore-state':
      return d.provision(inst, ['restore-state'], { call });
    case 'halt':
      return d.halt(inst, { call });
    case 'destroy':
      return d.destroy(inst, { call });
    case 'create':
      // A replacement that fails to come up is kept for inspection (its state disk is safe either way).
      return d.up(inst, { call, provision: 'all', ...(step.action === 'replace' ? { keepOnError: true } : {}) });
    case 'boot':
      return d.up(inst, { call, provision: 'none' });
    case 'boot-provision':
      return d.up(inst, { call, provision: provisioners });
    case 'provision':
      return d.provision(inst, provisioners, { call });
    case 'await-ssh-provision': {
      const up = await d.waitForSsh(inst, { timeoutSeconds: ctx.bootTimeoutSeconds });
      if (!up) throw new Error(`${slot.name} did not answer SSH within ${ctx.bootTimeoutSeconds} s after an interrupted boot`);
      if (provisioners.length > 0) await d.provision(inst, provisioners, { call });
      return;
    }
    case 'reload':
      return d.reload(inst, provisioners, { call });
    case 'grow-disk':
      return d.growStateDisk(inst, { call });
    case 'delete-disk':
      return d.deleteStateDisk(inst, { call });
  }
}

/** What this run knows of a machine after a call on it succeeded. */
function afterOperation(op: Operation, before: Machine): Machine {
  switch (op) {
    case 'halt':
    case 'grow-disk':
      return { ...before, state: 'stopped' };
    case 'destroy':
      return { state: 'not_created' };
    case 'create':
      return { state: 'running' };
    case 'delete-disk':
      return before;
    default:
      return { ...before, state: 'running' };
  }
}

function describe(outcome: CallOutcome): string {
  switch (outcome) {
    case 'failed':
      return 'failed; deciding from the machine as it is';
    case 'not-started':
      return 'never started; deciding from the machine as it is';
    case 'lost':
      return 'was cut off with that run (nothing is known of its end); deciding from the machine as it is';
    case 'succeeded':
      return 'succeeded';
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
