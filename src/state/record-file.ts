import type { InstanceSpec, RecordedInstance, ServiceRecord, StepAction, StepPhase } from '../model/types.js';

/** Records are stored as indented JSON, so a Git history of the state branch diffs readably. */
export function serializeRecord(record: ServiceRecord): string {
  return JSON.stringify(record, null, 2) + '\n';
}

/** A recorded state file that is not what svcplan writes: names the file, what is wrong and what to do. */
export class DamagedRecordError extends Error {
  constructor(
    readonly where: string,
    problem: string,
    advice = 'The recorded state is damaged and svcplan will not guess: restore the file from a backup or from ' +
      'the state branch history (git log svcplan-state), or correct that entry by hand; then run svcplan status and svcplan plan to check',
  ) {
    super(`${where}: ${problem}. ${advice}`);
    this.name = 'DamagedRecordError';
  }
}

const STATUSES = new Set(['ready', 'pending', 'failed']);
const ACTIONS = new Set<StepAction>(['create', 'refresh', 'restart', 'replace', 'destroy']);
const PHASES = new Set<StepPhase>([
  'saving',
  'saved',
  'halting',
  'halted',
  'destroying',
  'destroyed',
  'creating',
  'created',
  'restoring',
  'restored',
  'refreshing',
  'refreshed',
  'restarting',
  'restarted',
  'grown',
  'booted',
]);

export function parseRecord(text: string, where: string): ServiceRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new DamagedRecordError(where, `recorded state is not valid JSON (${(err as Error).message})`);
  }
  const r = value as ServiceRecord;
  if (!isObject(r)) throw new DamagedRecordError(where, 'recorded state is not a JSON object');
  const missing = ['name', 'spec', 'instances', 'history'].filter((k) => (r as unknown as Record<string, unknown>)[k] === undefined);
  if (missing.length > 0) throw new DamagedRecordError(where, `recorded state lacks ${missing.join(', ')}; it was not written by svcplan`);
  if (!Array.isArray(r.instances)) throw new DamagedRecordError(where, '`instances` is not a list');
  if (!Array.isArray(r.history)) throw new DamagedRecordError(where, '`history` is not a list');
  if (!isObject(r.spec) || !Array.isArray(r.spec.tiers)) throw new DamagedRecordError(where, 'the service spec (`spec`) has no tiers');
  r.retainedDisks ??= [];
  r.instances.forEach((inst, i) => checkInstance(inst, i, where));
  for (const inst of r.instances) upgradeLegacy(inst);
  return r;
}

/** Every recorded instance names its slot and the spec it has: a plan cannot be made of less. */
function checkInstance(inst: RecordedInstance, i: number, where: string): void {
  const label = isObject(inst) && typeof inst.name === 'string' ? `instance ${i + 1} (${inst.name})` : `instance ${i + 1}`;
  if (!isObject(inst)) throw new DamagedRecordError(where, `${label} is not an object`);
  if (typeof inst.name !== 'string' || inst.name === '') throw new DamagedRecordError(where, `${label} has no name`);
  if (typeof inst.tier !== 'string' || inst.tier === '') throw new DamagedRecordError(where, `${label} has no tier`);
  if (!Number.isInteger(inst.index) || inst.index < 1) throw new DamagedRecordError(where, `${label} has no index (n of <service>-<tier>-<n>)`);
  if (!isSpec(inst.spec)) throw new DamagedRecordError(where, `${label} has no spec (image, cpus, memory, target)`);
  if (!STATUSES.has(inst.status)) throw new DamagedRecordError(where, `${label} has status ${JSON.stringify(inst.status)}, not ready, pending or failed`);
  const step = inst.step;
  if (step === undefined) return;
  if (!isObject(step) || !ACTIONS.has(step.action) || !PHASES.has(step.phase)) {
    throw new DamagedRecordError(
      where,
      `${label} has a step svcplan does not know (${JSON.stringify(isObject(step) ? { action: step.action, phase: step.phase } : step)})`,
    );
  }
  if (step.action !== 'destroy' && !isSpec(step.to)) throw new DamagedRecordError(where, `${label}: its ${step.action} step has no target spec`);
  if (step.action !== 'create' && step.from !== undefined && !isSpec(step.from))
    throw new DamagedRecordError(where, `${label}: its ${step.action} step has a broken previous spec`);
}

/**
 * Records written before steps were journaled knew only `pendingSpec`. A pending instance whose
 * spec already is the pending one was being created: it becomes a create step, which a resumed
 * run finishes from what it observes. Other pending or failed ones keep being updated again.
 */
function upgradeLegacy(inst: RecordedInstance): void {
  if (inst.step || inst.status !== 'pending' || !inst.pendingSpec) return;
  if (JSON.stringify(inst.pendingSpec) !== JSON.stringify(inst.spec)) return;
  inst.step = { action: 'create', phase: 'creating', deployment: 0, domain: 0, to: inst.spec, startedAt: inst.updatedAt };
  delete inst.pendingSpec;
}

function isSpec(spec: unknown): spec is InstanceSpec {
  const s = spec as InstanceSpec;
  return (
    isObject(s) &&
    isObject(s.image) &&
    typeof s.image.box === 'string' &&
    typeof s.image.version === 'string' &&
    typeof s.cpus === 'number' &&
    typeof s.memory === 'number' &&
    isObject(s.target)
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
