// What drifted on one machine: the recorded spec against what the machine really is, each
// difference with its path (relative to the tier, as in a plan), recorded → observed, and the
// action that repairs it, classified as a plan classifies a change (SPEC section 3). Pure.

import { canonicalJson } from '../model/digest.js';
import {
  DISRUPTION_ORDER,
  type Disruption,
  type DriftDifference,
  type DriftGroup,
  type DriftInstance,
  type InstanceSpec,
  type ObservedInstance,
  type PlanAction,
  type RecordedInstance,
} from '../model/types.js';
import { classifyInstanceChange } from '../plan/classify.js';

/**
 * The recorded spec with what was observed put in its place: the spec the machine really has,
 * as far as it can be seen. A plan from it to the recorded (or desired) spec is the repair.
 */
export function observedSpec(recorded: InstanceSpec, observed: ObservedInstance): InstanceSpec {
  const spec: InstanceSpec = { ...recorded, image: { ...recorded.image }, apps: { ...recorded.apps } };
  if (observed.box) spec.image = { box: observed.box.name, version: observed.box.version };
  if (observed.memory !== undefined) spec.memory = observed.memory;
  if (observed.cpus !== undefined) spec.cpus = observed.cpus;
  const guest = observed.guest;
  if (guest) {
    spec.features = guest.features;
    const apps: InstanceSpec['apps'] = {};
    for (const [name, version] of Object.entries(guest.apps)) apps[name] = { ...recorded.apps[name], version };
    spec.apps = apps;
  }
  return spec;
}

/** The differences between a recorded instance and its machine; empty when it is as recorded. */
export function differencesOf(recorded: RecordedInstance, observed: ObservedInstance): DriftDifference[] {
  if (observed.state === 'not_created') return [{ path: 'machine', recorded: 'created', observed: 'not created', action: 'create' }];
  const differences: DriftDifference[] = [];
  if (observed.state === 'stopped') differences.push({ path: 'machine', recorded: 'running', observed: 'stopped', action: 'restart' });
  // Everything a plan classifies, the way it classifies it: repairing is changing the machine back.
  const change = classifyInstanceChange(observedSpec(recorded.spec, observed), recorded.spec);
  for (const r of change.reasons) {
    if (r.action === 'none') continue;
    differences.push({ path: r.path, recorded: versionOf(r.to), observed: versionOf(r.from), action: r.action });
  }
  const guest = observed.guest;
  if (guest && !guest.settingsMatch) {
    differences.push({ path: 'settings', recorded: 'as recorded', observed: 'changed in the guest', action: 'refresh' });
  }
  if (guest && recorded.spec.state && !guest.stateDisk) {
    // Only a new VM gets its state disk attached; svcplan never guesses about app state.
    differences.push({ path: 'state.disk', recorded: `${recorded.spec.state.disk} GiB, attached`, observed: 'not attached', action: 'replace' });
  }
  return differences;
}

/** An app added or removed is shown by its version, not as the whole app entry. */
function versionOf(value: unknown): unknown {
  if (value && typeof value === 'object' && 'version' in value) return (value as { version: unknown }).version;
  return value ?? null;
}

export function mostDisruptiveAction(differences: DriftDifference[]): PlanAction {
  if (differences.some((d) => d.action === 'create')) return 'create';
  let worst: Disruption = 'none';
  for (const d of differences) {
    if (d.action in DISRUPTION_ORDER && DISRUPTION_ORDER[d.action as Disruption] > DISRUPTION_ORDER[worst]) worst = d.action as Disruption;
  }
  return worst;
}

export function instanceDrift(recorded: RecordedInstance, observed: ObservedInstance): DriftInstance | undefined {
  const differences = differencesOf(recorded, observed);
  if (differences.length === 0) return undefined;
  return { name: recorded.name, tier: recorded.tier, action: mostDisruptiveAction(differences), differences };
}

/** Identical differences across instances as one row each: the cause, and where it is seen. */
export function groupDrift(instances: DriftInstance[]): DriftGroup[] {
  const groups = new Map<string, DriftGroup>();
  for (const inst of instances) {
    for (const d of inst.differences) {
      const key = canonicalJson([d.path, d.recorded, d.observed, d.action]);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { ...d, instances: [] }));
      group.instances.push(inst.name);
    }
  }
  return [...groups.values()];
}
