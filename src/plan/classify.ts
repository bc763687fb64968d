// What a change to one instance's spec does to the VM (SPEC section 3). Pure functions.

import { canonicalText } from '../model/digest.js';
import { DISRUPTION_ORDER, type Disruption, type InstanceSpec, type PlanAction, type PlanReason, type ServiceSpec, type TierSpec } from '../model/types.js';

/**
 * Absent values are reported as null, never undefined: the plan is JSON, and a reason whose
 * `from` silently vanished would read as "changed from nothing" only by accident.
 */
function present(value: unknown): unknown {
  return value === undefined ? null : value;
}

/** Equal as canonical JSON; plain values and lists of strings (the usual case) without writing it. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isJsonScalar(a) && isJsonScalar(b)) return false;
  if (Array.isArray(a) && Array.isArray(b) && a.every(isString) && b.every(isString)) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  return canonicalText(a) === canonicalText(b);
}

function isJsonScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function isString(value: unknown): boolean {
  return typeof value === 'string';
}

function reason(path: string, from: unknown, to: unknown, action: PlanAction): PlanReason {
  return { path, from: present(from), to: present(to), action };
}

/** The most disruptive of the in-place actions given; none when there are none. */
export function mostDisruptive(actions: Iterable<PlanAction>): Disruption {
  let worst: Disruption = 'none';
  for (const action of actions) {
    if (action in DISRUPTION_ORDER && DISRUPTION_ORDER[action as Disruption] > DISRUPTION_ORDER[worst]) {
      worst = action as Disruption;
    }
  }
  return worst;
}

const NO_KEYS: readonly string[] = [];

/**
 * The keys of either record for which `differs` holds, sorted, so reasons come out in the same
 * order whatever the file order. Only the keys that differ are sorted (usually none).
 */
function changedKeys(a: object | undefined, b: object | undefined, differs: (key: string) => boolean): readonly string[] {
  const left = a ? Object.keys(a) : NO_KEYS;
  const right = b ? Object.keys(b) : NO_KEYS;
  let changed: string[] | undefined;
  for (let i = 0; i < left.length; i++) if (differs(left[i])) (changed ??= []).push(left[i]);
  // Usually both have the same keys, in the same order; else the keys only the right one has.
  let sameKeys = left.length === right.length;
  for (let i = 0; sameKeys && i < left.length; i++) sameKeys = left[i] === right[i];
  if (!sameKeys) {
    const inLeft = new Set(left);
    for (let i = 0; i < right.length; i++) if (!inLeft.has(right[i]) && differs(right[i])) (changed ??= []).push(right[i]);
  }
  return changed ? changed.sort() : NO_KEYS;
}

function stateDiskReasons(from: InstanceSpec, to: InstanceSpec, reasons: PlanReason[]): void {
  const a = from.state;
  const b = to.state;
  if (!a && !b) return;
  if (a?.disk !== b?.disk) {
    // Growing (or adding) a disk needs the VM powered off; shrinking or removing one is refused
    // by buildPlan, so it does nothing here beyond being shown.
    const grows = b !== undefined && (a === undefined || b.disk > a.disk);
    reasons.push(reason('state.disk', a?.disk, b?.disk, grows ? 'restart' : 'none'));
  }
  // Hooks and the scale-in policy are read by the next rollout; the VM itself does not change.
  if (a && b) {
    if (a.save !== b.save) reasons.push(reason('state.save', a.save, b.save, 'none'));
    if (a.restore !== b.restore) reasons.push(reason('state.restore', a.restore, b.restore, 'none'));
    if (a.onScaleIn !== b.onScaleIn) reasons.push(reason('state.onScaleIn', a.onScaleIn, b.onScaleIn, 'none'));
  }
}

/**
 * Classifies the change of one instance from `from` to `to`: one action, the most disruptive
 * its changes need, and one reason per changed path (relative to the tier).
 */
export function classifyInstanceChange(from: InstanceSpec, to: InstanceSpec): { action: PlanAction; reasons: PlanReason[] } {
  const reasons: PlanReason[] = [];

  // A new OS image, or any setting the provider only reads when it creates the VM, means a new VM.
  if (from.image.box !== to.image.box) reasons.push(reason('image.box', from.image.box, to.image.box, 'replace'));
  if (from.image.version !== to.image.version) {
    reasons.push(reason('image.version', from.image.version, to.image.version, 'replace'));
  }
  if (from.target.provider !== to.target.provider) {
    reasons.push(reason('target.provider', from.target.provider, to.target.provider, 'replace'));
  }
  if (from.target.runner !== to.target.runner) {
    reasons.push(reason('target.runner', from.target.runner, to.target.runner, 'replace'));
  }
  const fromOptions = from.target.options;
  const toOptions = to.target.options;
  const options = changedKeys(fromOptions, toOptions, (key) => !same(fromOptions?.[key], toOptions?.[key]));
  for (let i = 0; i < options.length; i++) {
    const key = options[i];
    reasons.push(reason(`target.options.${key}`, fromOptions?.[key], toOptions?.[key], 'replace'));
  }

  // The SSH port forward is set up when the VM boots.
  if (!same(from.target.ssh, to.target.ssh)) reasons.push(reason('target.ssh', from.target.ssh ?? null, to.target.ssh ?? null, 'restart'));
  if (from.cpus !== to.cpus) reasons.push(reason('cpus', from.cpus, to.cpus, 'restart'));
  if (from.memory !== to.memory) reasons.push(reason('memory', from.memory, to.memory, 'restart'));
  stateDiskReasons(from, to, reasons);

  if (!same(from.features, to.features)) reasons.push(reason('features', from.features, to.features, 'refresh'));
  const apps = changedKeys(from.apps, to.apps, (name) => {
    const a = from.apps[name];
    const b = to.apps[name];
    return !a || !b || a.version !== b.version || a.install !== b.install;
  });
  for (let i = 0; i < apps.length; i++) {
    const name = apps[i];
    const a = from.apps[name];
    const b = to.apps[name];
    if (!a || !b) {
      reasons.push(reason(`apps.${name}`, a, b, 'refresh'));
      continue;
    }
    if (a.version !== b.version) reasons.push(reason(`apps.${name}.version`, a.version, b.version, 'refresh'));
    if (a.install !== b.install) reasons.push(reason(`apps.${name}.install`, a.install, b.install, 'refresh'));
  }
  const settings = changedKeys(from.settings, to.settings, (key) => from.settings[key] !== to.settings[key]);
  for (let i = 0; i < settings.length; i++) {
    const key = settings[i];
    reasons.push(reason(`settings.${key}`, from.settings[key], to.settings[key], 'refresh'));
  }

  let action: Disruption = 'none';
  for (let i = 0; i < reasons.length; i++) action = moreDisruptive(action, reasons[i].action);
  return { action, reasons };
}

function moreDisruptive(worst: Disruption, action: PlanAction): Disruption {
  return action in DISRUPTION_ORDER && DISRUPTION_ORDER[action as Disruption] > DISRUPTION_ORDER[worst] ? (action as Disruption) : worst;
}

/**
 * Tier policy and template label changes: they change how the next rollout runs, not the VMs,
 * so every instance of the tier carries them with action none.
 */
export function classifyTierPolicyChange(from: { release: string; tier: TierSpec | undefined }, to: { release: string; tier: TierSpec }): PlanReason[] {
  const reasons: PlanReason[] = [];
  if (from.release !== to.release) reasons.push(reason('release', from.release, to.release, 'none'));
  const a = from.tier;
  const b = to.tier;
  if (!a) return reasons;
  if (a.description !== b.description) reasons.push(reason('description', a.description, b.description, 'none'));
  policyReasons('health', a.health, b.health, reasons);
  policyReasons('rollout', a.rollout, b.rollout, reasons);
  policyReasons('scale', a.scale, b.scale, reasons);
  return reasons;
}

function policyReasons(group: string, x: object, y: object, reasons: PlanReason[]): void {
  if (x === y) return; // one template's own object: nothing changed
  const left = x as Record<string, unknown> | undefined;
  const right = y as Record<string, unknown> | undefined;
  const keys = changedKeys(left, right, (key) => !same(left?.[key], right?.[key]));
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    reasons.push(reason(`${group}.${key}`, left?.[key], right?.[key], 'none'));
  }
}

/** Convenience for callers holding whole specs. */
export function tierOf(spec: ServiceSpec | undefined, name: string): TierSpec | undefined {
  return spec?.tiers.find((t) => t.name === name);
}
