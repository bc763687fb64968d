// `apply --repair` and `plan --repair`: the recorded state corrected by what the machines really
// are, so that an ordinary plan (desired against recorded) sees the drift and repairs it with
// ordinary steps through the normal engine: domains, gates, journal, leases, history.

import type { Driver, DriverInstance } from '../apply/driver.js';
import type { ObservedInstance, RecordedState, ServiceRecord } from '../model/types.js';
import { runnerLabelOf } from '../plan/index.js';
import { observedSpec } from './compare.js';

/**
 * The record as the machines are: a machine that is gone leaves the record (the plan creates it
 * again, on its kept state disk), a stopped one or one whose settings file changed is marked
 * failed (every provisioner runs again, the machine is booted), any other difference goes into
 * the instance's spec. An instance whose state disk is not attached is left as recorded and
 * named: svcplan does not guess about app state.
 */
export function reconcileRecord(record: ServiceRecord, observed: Record<string, ObservedInstance>): { record: ServiceRecord; unrepaired: string[] } {
  const copy = structuredClone(record);
  const unrepaired: string[] = [];
  for (const ri of [...copy.instances]) {
    const o = observed[ri.name];
    // A step under way is the apply's to finish; a machine not seen is left alone.
    if (ri.step || !o || o.state === 'unknown') continue;
    if (o.state === 'not_created') {
      copy.instances = copy.instances.filter((i) => i !== ri);
      if (ri.spec.state && !copy.retainedDisks.some((d) => d.instance === ri.name)) {
        copy.retainedDisks.push({ instance: ri.name, sizeGiB: ri.spec.state.disk, retainedAt: new Date().toISOString() });
      }
      continue;
    }
    if (ri.spec.state && o.guest && !o.guest.stateDisk) {
      unrepaired.push(
        `${ri.name}: its state disk is not attached; svcplan does not repair app state by guessing: attach the disk again ` +
          '(virsh attach-disk, or the VirtualBox storage settings) or restore it, then run svcplan drift',
      );
      continue;
    }
    ri.spec = observedSpec(ri.spec, o);
    if (o.state === 'stopped' || (o.guest && !o.guest.settingsMatch)) ri.status = 'failed';
  }
  return { record: copy, unrepaired };
}

function instancesOf(record: ServiceRecord): DriverInstance[] {
  return record.instances.map((i) => ({ service: record.name, tier: i.tier, index: i.index, name: i.name, spec: i.spec }));
}

/** Observes one service's machines and returns its record corrected by what they are. */
export async function observedRecord(driver: Driver, record: ServiceRecord): Promise<{ record: ServiceRecord; unrepaired: string[] }> {
  const instances = instancesOf(record);
  await driver.layout(record.spec, instances);
  return reconcileRecord(record, await driver.inspect(record.spec, instances));
}

/** Every recorded service of the runner (all without one), corrected by observation. */
export async function observedState(opts: {
  recorded: RecordedState;
  driver: Driver;
  services?: string[];
  runner?: string;
}): Promise<{ recorded: RecordedState; unrepaired: string[] }> {
  const recorded: RecordedState = { ...opts.recorded };
  const unrepaired: string[] = [];
  for (const [name, record] of Object.entries(opts.recorded)) {
    if (opts.services && !opts.services.includes(name)) continue;
    if (opts.runner !== undefined && runnerLabelOf({ runner: record.spec.target.runner }) !== opts.runner) continue;
    const observed = await observedRecord(opts.driver, record);
    recorded[name] = observed.record;
    unrepaired.push(...observed.unrepaired);
  }
  return { recorded, unrepaired };
}
