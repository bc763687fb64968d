// What a change to one instance's spec does to the VM (SPEC section 3). Pure functions.

import { canonicalText } from '../model/digest.js';
import {
  DISRUPTION_ORDER,
  type Disruption,
  type InstanceSpec,
  type PlanAction,
  type PlanReason,
  type ServiceSpec,
  type TierSpec,
} from '../model/types.js';

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

/** Keys of both records, sorted, so reasons come out in the same order whatever the file order. */
function unionKeys(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): string[] {
  const left = a ? Object.keys(a) : [];
  const right = b ? Object.keys(b) : [];
  if (right.length === 0) return left.sort();
  if (left.length === 0) return right.sort();
  // Usually both have the same keys, in the same order.
  if (left.length === right.length && left.every((key, i) => key === right[i])) return left.sort();
  const keys = new Set(left);
  for (const key of right) keys.add(key);
  return [...keys].sort();
}

function stateDiskReasons(from: InstanceSpec, to: InstanceSpec): PlanReason[] {
  const reasons: PlanReason[] = [];
  const a = from.state;
  const b = to.state;
  if (!a && !b) return reasons;
  if (a?.disk !== b?.disk) {
    // Growing (or adding) a disk needs the VM powered off; shrinking or removing one is refused
    // by buildPlan, so it does nothing here beyond being shown.
    const grows = b !== undefined && (a === undefined || b.disk > a.disk);
    reasons.push(reason('state.disk', a?.disk, b?.disk, grows ? 'restart' : 'none'));
  }
  // Hooks and the scale-in policy are read by the next rollout; the VM itself does not change.
  for (const key of ['save', 'restore', 'onScaleIn'] as const) {
    if (a && b && a[key] !== b[key]) reasons.push(reason(`state.${key}`, a[key], b[key], 'none'));
  }
  return reasons;
}

/**
 * Classifies the change of one instance from `from` to `to`: one action, the most disruptive
 * its changes need, and one reason per changed path (relative to the tier).
 */
export function classifyInstanceChange(
  from: InstanceSpec,
  to: InstanceSpec,
): { action: PlanAction; reasons: PlanReason[] } {
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
  for (const key of unionKeys(from.target.options, to.target.options)) {
    const a = from.target.options?.[key];
    const b = to.target.options?.[key];
    if (!same(a, b)) reasons.push(reason(`target.options.${key}`, a, b, 'replace'));
  }

  // The SSH port forward is set up when the VM boots.
  if (!same(from.target.ssh, to.target.ssh)) reasons.push(reason('target.ssh', from.target.ssh ?? null, to.target.ssh ?? null, 'restart'));
  if (from.cpus !== to.cpus) reasons.push(reason('cpus', from.cpus, to.cpus, 'restart'));
  if (from.memory !== to.memory) reasons.push(reason('memory', from.memory, to.memory, 'restart'));
  reasons.push(...stateDiskReasons(from, to));

  if (!same(from.features, to.features)) reasons.push(reason('features', from.features, to.features, 'refresh'));
  for (const name of unionKeys(from.apps, to.apps)) {
    const a = from.apps[name];
    const b = to.apps[name];
    if (!a || !b) {
      reasons.push(reason(`apps.${name}`, a, b, 'refresh'));
      continue;
    }
    if (a.version !== b.version) reasons.push(reason(`apps.${name}.version`, a.version, b.version, 'refresh'));
    if (a.install !== b.install) reasons.push(reason(`apps.${name}.install`, a.install, b.install, 'refresh'));
  }
  for (const key of unionKeys(from.settings, to.settings)) {
    const a = from.settings[key];
    const b = to.settings[key];
    if (a !== b) reasons.push(reason(`settings.${key}`, a, b, 'refresh'));
  }

  return { action: mostDisruptive(reasons.map((r) => r.action)), reasons };
}

/**
 * Tier policy and template label changes: they change how the next rollout runs, not the VMs,
 * so every instance of the tier carries them with action none.
 */
export function classifyTierPolicyChange(
  from: { release: string; tier: TierSpec | undefined },
  to: { release: string; tier: TierSpec },
): PlanReason[] {
  const reasons: PlanReason[] = [];
  if (from.release !== to.release) reasons.push(reason('release', from.release, to.release, 'none'));
  const a = from.tier;
  const b = to.tier;
  if (!a) return reasons;
  if (a.description !== b.description) reasons.push(reason('description', a.description, b.description, 'none'));
  const groups = [
    ['health', a.health, b.health],
    ['rollout', a.rollout, b.rollout],
    ['scale', a.scale, b.scale],
  ] as const;
  for (const [group, x, y] of groups) {
    const left = x as unknown as Record<string, unknown>;
    const right = y as unknown as Record<string, unknown>;
    for (const key of unionKeys(left, right)) {
      if (!same(left?.[key], right?.[key])) reasons.push(reason(`${group}.${key}`, left?.[key], right?.[key], 'none'));
    }
  }
  return reasons;
}

/** Convenience for callers holding whole specs. */
export function tierOf(spec: ServiceSpec | undefined, name: string): TierSpec | undefined {
  return spec?.tiers.find((t) => t.name === name);
}
