// Builds the plan: desired state against the current state (recorded, or the base standing in for
// it), per service, tier, upgrade domain and instance. No I/O: everything comes in as data.

import { canonicalDigest, canonicalText, remember, specDigest, specText, textDigest, type CanonicalMemo } from '../model/digest.js';
import {
  DISRUPTION_ORDER,
  emptySummary,
  instanceName,
  upgradeDomainOf,
  type Deployment,
  type DesiredState,
  type Diagnostic,
  type Disruption,
  type InstanceSpec,
  type InstanceStatus,
  type InstanceStep,
  type Pin,
  type Plan,
  type PlanAction,
  type PlanDocument,
  type PlanInstance,
  type PlanReason,
  type PlanService,
  type PlanTier,
  type RecordedState,
  type Revision,
  type ServiceSpec,
  type SourceLocator,
  type TierSpec,
} from '../model/types.js';
import { classifyInstanceChange, classifyTierPolicyChange, mostDisruptive } from './classify.js';

export interface PlanInput {
  desired: DesiredState;
  recorded: RecordedState;
  /**
   * A what-if asked for explicitly (`plan --base REF`): the desired state at REF stands in for
   * services with no record, as if REF were deployed. The apply never has one: it creates what is
   * not recorded, so the plans the doors show have none either.
   */
  standIn?: DesiredState;
  base: Revision;
  /** Only these services (apply --service). */
  services?: string[];
}

/** One VM as it is now, as far as the plan knows. */
interface CurrentInstance {
  tier: string;
  index: number;
  spec: InstanceSpec;
  status: InstanceStatus;
  /** A step an earlier run started and did not finish (or that failed). */
  step?: InstanceStep;
}

/** A service as it is now: what was recorded, or the base revision standing in for a record. */
interface CurrentService {
  source: 'recorded' | 'stand-in';
  spec: ServiceSpec;
  instances: CurrentInstance[];
  pin?: Pin;
  /** The last deployment was stopped before it was recorded as finished. */
  unfinished?: boolean;
  /** The last deployment was a rollback stopped before it finished. */
  rollingBack?: Deployment;
}

/** An instance of the plan before it is placed in its domain. */
interface PlannedInstance extends PlanInstance {
  index: number;
}

interface Findings {
  warnings: string[];
  errors: Diagnostic[];
  locator: SourceLocator;
}

/**
 * The service's last deployment, when it is a rollback that did not get there: interrupted, or
 * failed (a step or its gate). What was asked for last was to go back: the next plan goes on
 * going back, never silently forward to the spec the rollback fled, until that spec changes.
 */
function rollingBack(record: RecordedState[string]): Deployment | undefined {
  const last = record.history.at(-1);
  return last && (last.result === 'in-progress' || last.result === 'failed') && last.kind === 'rollback' && last.pin ? last : undefined;
}

function currentServices(input: Pick<PlanInput, 'recorded' | 'standIn'>): Map<string, CurrentService> {
  const current = new Map<string, CurrentService>();
  for (const spec of input.standIn?.services ?? []) {
    const instances: CurrentInstance[] = [];
    for (let t = 0; t < spec.tiers.length; t++) {
      const tier = spec.tiers[t];
      for (let i = 1; i <= tier.count; i++) instances.push({ tier: tier.name, index: i, spec: tier.instance, status: 'ready' });
    }
    current.set(spec.name, { source: 'stand-in', spec, instances });
  }
  // A record always wins over the stand-in: it is what was really applied.
  for (const [name, record] of Object.entries(input.recorded)) {
    current.set(name, {
      source: 'recorded',
      spec: record.spec,
      instances: record.instances.map((inst) => ({
        tier: inst.tier,
        index: inst.index,
        spec: inst.spec,
        status: inst.status,
        ...(inst.step ? { step: inst.step } : {}),
      })),
      pin: record.pin,
      unfinished: record.history.at(-1)?.result === 'in-progress',
      ...(rollingBack(record) ? { rollingBack: rollingBack(record) } : {}),
    });
  }
  return current;
}

/**
 * The current state in a form that says what it is and nothing about when or where it was read.
 * Each distinct spec is hashed once and named by its digest; a service's instances are written as
 * runs of consecutive indexes sharing tier, spec and status, so ten thousand instances on a few
 * hundred specs cost a few thousand short entries. Runs are cut by content (the spec's digest),
 * never by object identity, so equal content always gives the same runs.
 */
function stateDigestOf(services: [string, CurrentService][]): string {
  return stateDigests(services).total;
}

/** The digest of the whole current state, and each service's own (what a runner's share of a plan was made from). */
function stateDigests(services: [string, CurrentService][], texts: CanonicalMemo = new WeakMap()): { total: string; byService: Record<string, string> } {
  // Nothing changes these objects while the digest is computed: texts and digests by identity.
  const digests = new WeakMap<object, string>();
  const digestOfSpec = (spec: object, text: () => string) => {
    let digest = digests.get(spec);
    if (digest === undefined) {
      digest = textDigest(text());
      digests.set(spec, digest);
    }
    return digest;
  };
  const instanceDigest = (spec: InstanceSpec) =>
    spec && typeof spec === 'object' ? digestOfSpec(spec, () => remember(spec, texts, true)) : canonicalText(spec);
  const rank = tierRanks(services);
  const entryTexts = services.map(([name, s]) => {
    const sorted = inTierOrder(s.instances, rank);
    const runs: { tier: string; first: number; last: number; spec: string; status: InstanceStatus; step?: string }[] = [];
    let run: (typeof runs)[number] | undefined;
    // The instances of a tier usually share one spec object: its digest is looked up once.
    let lastSpec: unknown;
    let specId = '';
    for (let n = 0; n < sorted.length; n++) {
      const i = sorted[n];
      if (n === 0 || i.spec !== lastSpec) specId = instanceDigest((lastSpec = i.spec));
      // A step under way is part of what the plan was made from: its phase decides what is left.
      const step = i.step ? stepDigest(i.step) : undefined;
      if (run && run.tier === i.tier && run.spec === specId && run.status === i.status && run.step === step && run.last + 1 === i.index) {
        run.last = i.index;
      } else {
        run = { tier: i.tier, first: i.index, last: i.index, spec: specId, status: i.status };
        if (step) run.step = step;
        runs.push(run);
      }
    }
    // The service spec after its instance specs: their texts are remembered and reused in it.
    const spec = s.spec && typeof s.spec === 'object' ? digestOfSpec(s.spec, () => specText(s.spec, texts)) : null;
    return canonicalText({
      name,
      source: s.source,
      spec,
      instances: runs,
      pin: s.pin ? { deployment: s.pin.deployment, desiredDigest: s.pin.desiredDigest } : undefined,
    });
  });
  // Entries hold digests and runs, not specs: each one's text is short, and the whole state is
  // the list of them, written as canonical JSON writes a list.
  const byService: Record<string, string> = {};
  services.forEach(([name], i) => (byService[name] = textDigest(entryTexts[i])));
  return { total: textDigest('[' + entryTexts.join(',') + ']'), byService };
}

/**
 * Each tier name's place in `localeCompare` order (names that compare equal share one), so that
 * ten thousand instances are sorted without calling it for every pair.
 */
function tierRanks(services: [string, CurrentService][]): Map<string, number> {
  const names = new Set<string>();
  let last: string | undefined;
  for (let s = 0; s < services.length; s++) {
    const instances = services[s][1].instances;
    for (let i = 0; i < instances.length; i++) {
      const tier = instances[i].tier;
      if (tier !== last) names.add((last = tier));
    }
  }
  // Tier names as the schema allows them (lowercase letters and digits) sort the same by code unit
  // as by `localeCompare`, and no two of them compare equal. The collator behind `localeCompare`
  // takes about 6 ms to set up on its first use in a process, so it is only asked about other
  // names (a recorded state from elsewhere, say).
  const collate = ![...names].every((name) => SCHEMA_TIER_NAME.test(name));
  const sorted = collate ? [...names].sort((a, b) => a.localeCompare(b)) : [...names].sort();
  const rank = new Map<string, number>();
  sorted.forEach((name, i) => rank.set(name, collate && i > 0 && sorted[i - 1].localeCompare(name) === 0 ? rank.get(sorted[i - 1])! : i));
  return rank;
}

/** The schema's tierName pattern (schema/svcplan-v1.schema.json). */
export const SCHEMA_TIER_NAME = /^[a-z][a-z0-9]{0,15}$/;

/** The instances by tier (in `localeCompare` order), then index; usually they already are. */
function inTierOrder(instances: CurrentInstance[], rank: Map<string, number>): CurrentInstance[] {
  const before = (a: CurrentInstance, b: CurrentInstance) => rank.get(a.tier)! - rank.get(b.tier)! || a.index - b.index;
  for (let i = 1; i < instances.length; i++) {
    if (before(instances[i - 1], instances[i]) > 0) return [...instances].sort(before);
  }
  return instances;
}

function stepDigest(step: InstanceStep): string {
  return canonicalDigest({ action: step.action, phase: step.phase, deployment: step.deployment, to: step.to ?? null, failed: step.failed ? true : false });
}

/** A locator that cannot place a path (a default value has no node) points at the file's start. */
function locate(locator: SourceLocator, file: string, path: (string | number)[]): { line: number; column: number } {
  for (let end = path.length; end >= 0; end--) {
    try {
      return locator.locate(file, path.slice(0, end));
    } catch {
      // fall back to the nearest enclosing node
    }
  }
  return { line: 1, column: 1 };
}

function diagnostic(f: Findings, file: string, path: (string | number)[], message: string): Diagnostic {
  return { file, ...locate(f.locator, file, path), message };
}

function stateOnDestroy(inst: CurrentInstance, desiredTier: TierSpec | undefined): PlanInstance['state'] {
  if (!inst.spec.state) return undefined;
  // The desired tier's policy wins: setting onScaleIn: delete in the same change as the scale-in
  // is the user saying so. Without a desired tier, the policy the disk was created under applies.
  const policy = desiredTier?.instance.state?.onScaleIn ?? inst.spec.state.onScaleIn;
  return policy === 'delete' ? 'deleted' : 'kept';
}

/** What a plan says of a step an earlier run left: it is finished first, and counts as its own action. */
function resumeReason(status: InstanceStatus, step: InstanceStep): PlanReason {
  const where = step.failed ? `${step.action} failed at ${step.phase}` : `${step.action} stopped at ${step.phase}`;
  return { path: 'status', from: `${status}: ${where}`, to: 'ready', action: step.action };
}

function resumeWarning(name: string, status: InstanceStatus, step: InstanceStep): string {
  const what = step.failed ? `failed at ${step.phase} (${firstLine(step.failed.message)})` : `stopped at ${step.phase}`;
  return `${name}: its ${step.action} of deployment ${step.deployment} ${what}; this plan finishes it (instance ${status})`;
}

/**
 * An instance with a step under way: the step is finished first (to its own target, so app state
 * is never left half moved), then whatever the desired spec still asks of it. Shown as the step's
 * own action, or a more disruptive one when the desired spec needs it.
 */
function resumedInstance(
  inst: CurrentInstance,
  step: InstanceStep,
  desired: InstanceSpec,
  name: string,
  countReason: (action: PlanAction) => PlanReason,
  policyReasons: PlanReason[],
): PlannedInstance {
  const resume = resumeReason(inst.status, step);
  const target = step.to;
  if (!target) return plannedInstance(name, inst.index, 'create', [resume, countReason('create')]);
  const change = classifyInstanceChange(target, desired);
  const action: PlanAction = step.action === 'create' ? 'create' : mostDisruptive([step.action, change.action]);
  const state = action === 'replace' && (inst.spec.state || target.state) ? 'kept' : undefined;
  return plannedInstance(name, inst.index, action, [resume, ...change.reasons, ...policyReasons], state);
}

/**
 * An instance of the plan, as the plan's domains hold it (fields in this order; `state` only when
 * there is one).
 */
function plannedInstance(name: string, index: number, action: PlanAction, reasons: PlanReason[], state?: PlanInstance['state']): PlannedInstance {
  const entry: PlannedInstance = { name, index, action, reasons };
  if (state !== undefined) entry.state = state;
  return entry;
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}

function planTier(
  service: string,
  tierName: string,
  current: CurrentService | undefined,
  desired: ServiceSpec | undefined,
  desiredTier: TierSpec | undefined,
  currentTier: TierSpec | undefined,
  /** The tier's current instances, by index. */
  existing: CurrentInstance[],
  f: Findings,
): { tier: PlanTier; instances: PlannedInstance[] } {
  const planned: PlannedInstance[] = [];
  const name = (n: number) => instanceName(service, tierName, n);
  const count = desiredTier?.count ?? 0;
  const countReason = (action: PlanAction): PlanReason => ({ path: 'count', from: existing.length, to: count, action });

  const policyReasons =
    desired && desiredTier && current
      ? classifyTierPolicyChange({ release: current.spec.release, tier: currentTier }, { release: desired.release, tier: desiredTier })
      : [];

  // The instances of a tier usually share one spec: each distinct change is classified once, and
  // its reasons are shared like the tier's policy reasons (reason objects are never changed).
  let lastFrom: InstanceSpec | undefined;
  let lastChange: { action: PlanAction; reasons: PlanReason[] } | undefined;
  const changes = new Map<InstanceSpec, { action: PlanAction; reasons: PlanReason[] }>();
  const changeOf = (from: InstanceSpec, to: InstanceSpec) => {
    if (from === lastFrom) return lastChange!;
    let change = changes.get(from);
    if (!change) {
      const classified = classifyInstanceChange(from, to);
      // Instances with the same change share one list of reasons; nothing changes it after.
      change = { action: classified.action, reasons: [...classified.reasons, ...policyReasons] };
      changes.set(from, change);
    }
    lastFrom = from;
    lastChange = change;
    return change;
  };

  for (let i = 0; i < existing.length; i++) {
    const inst = existing[i];
    const step = inst.step;
    if (step) f.warnings.push(resumeWarning(name(inst.index), inst.status, step));
    if (!desiredTier || inst.index > count) {
      const reasons = step && step.action !== 'destroy' ? [resumeReason(inst.status, step), countReason('destroy')] : [countReason('destroy')];
      planned.push(plannedInstance(name(inst.index), inst.index, 'destroy', reasons, stateOnDestroy(inst, desiredTier)));
      continue;
    }
    if (step) {
      planned.push(resumedInstance(inst, step, desiredTier.instance, name(inst.index), countReason, policyReasons));
      continue;
    }
    const change = changeOf(inst.spec, desiredTier.instance);
    let action: PlanAction = change.action;
    let reasons = change.reasons;
    if (inst.status !== 'ready') {
      reasons = [...reasons];
      f.warnings.push(`${name(inst.index)} is ${inst.status} after an earlier apply: this plan updates it again`);
      if (action === 'none') {
        action = 'refresh';
        reasons.unshift({ path: 'status', from: inst.status, to: 'ready', action: 'refresh' });
      }
    }
    planned.push(plannedInstance(name(inst.index), inst.index, action, reasons, action === 'replace' && inst.spec.state ? 'kept' : undefined));
  }

  if (!holdsOneTo(existing, count)) {
    const taken = new Set(existing.map((i) => i.index));
    for (let n = 1; n <= count; n++) {
      if (!taken.has(n)) planned.push(plannedInstance(name(n), n, 'create', [countReason('create')]));
    }
  }

  if (desired && desiredTier) refuse(service, tierName, existing, desired, desiredTier, planned, f);

  if (!ascending(planned)) planned.sort((a, b) => a.index - b.index);
  const domainCount = desiredTier?.rollout.upgradeDomains ?? currentTier?.rollout.upgradeDomains ?? 1;
  const byDomain = new Map<number, PlanInstance[]>();
  for (let i = 0; i < planned.length; i++) {
    const p = planned[i];
    const d = upgradeDomainOf(p.index, domainCount);
    let domain = byDomain.get(d);
    if (!domain) byDomain.set(d, (domain = []));
    domain.push(p);
  }
  const domains = [...byDomain.entries()].sort((a, b) => a[0] - b[0]).map(([index, instances]) => ({ index, instances }));
  const order = desiredTier?.rollout.order ?? currentTier?.rollout.order ?? 0;
  return { tier: { name: tierName, order, domains }, instances: planned };
}

/** Whether instances in index order start with 1, 2, … `count` (then no instance is missing). */
function holdsOneTo(existing: CurrentInstance[], count: number): boolean {
  if (existing.length < count) return false;
  for (let i = 0; i < count; i++) if (existing[i].index !== i + 1) return false;
  return true;
}

/** Whether the instances are in index order already (sorting them would move none). */
function ascending(instances: { index: number }[]): boolean {
  for (let i = 1; i < instances.length; i++) if (!(instances[i - 1].index <= instances[i].index)) return false;
  return true;
}

/** The changes svcplan will not make, each with where it comes from and what to do instead. */
function refuse(
  service: string,
  tierName: string,
  existing: CurrentInstance[],
  desired: ServiceSpec,
  desiredTier: TierSpec,
  planned: PlannedInstance[],
  f: Findings,
): void {
  const file = desired.files.template;
  // A step under way may already have grown the disk: the larger of the two is what exists.
  const diskOf = (i: CurrentInstance) => Math.max(i.spec.state?.disk ?? 0, i.step?.to?.state?.disk ?? 0);
  const kept = existing.filter((i) => i.index <= desiredTier.count && diskOf(i) > 0);
  const largest = Math.max(0, ...kept.map(diskOf));
  const wanted = desiredTier.instance.state;
  if (kept.length > 0 && !wanted) {
    f.errors.push(
      diagnostic(
        f,
        file,
        ['tiers', tierName, 'state'],
        `tier ${tierName} of service ${service} removes the state disk (${largest} GiB) that ${kept.length} ` +
          `instance(s) keep their app state on; svcplan never drops app state as a side effect: keep the ` +
          `state section, or scale the tier in with state.onScaleIn: delete first if the data may go`,
      ),
    );
  } else if (wanted && kept.length > 0 && wanted.disk < largest) {
    f.errors.push(
      diagnostic(
        f,
        file,
        ['tiers', tierName, 'state', 'disk'],
        `tier ${tierName} of service ${service} shrinks its state disk from ${largest} GiB to ${wanted.disk} GiB; ` +
          `a disk cannot shrink without losing app state: set state.disk to ${largest} or more`,
      ),
    );
  }

  const cap: Disruption = desiredTier.rollout.maxDisruption;
  const over = planned.filter((p) => p.action in DISRUPTION_ORDER && DISRUPTION_ORDER[p.action as Disruption] > DISRUPTION_ORDER[cap]);
  if (over.length === 0) return;
  const worst = over.reduce<Disruption>((w, p) => (DISRUPTION_ORDER[p.action as Disruption] > DISRUPTION_ORDER[w] ? (p.action as Disruption) : w), cap);
  const paths = [
    ...new Set(
      over.flatMap((p) =>
        p.reasons.filter((r) => r.action in DISRUPTION_ORDER && DISRUPTION_ORDER[r.action as Disruption] > DISRUPTION_ORDER[cap]).map((r) => r.path),
      ),
    ),
  ].sort();
  f.errors.push(
    diagnostic(
      f,
      file,
      ['tiers', tierName, 'rollout', 'maxDisruption'],
      `tier ${tierName} of service ${service} allows at most ${cap} (rollout.maxDisruption) but ${over.length} ` +
        `instance(s) need ${worst}, forced by ${paths.join(', ')}: raise rollout.maxDisruption to ${worst}, ` +
        `or split the change so that each step stays within ${cap}`,
    ),
  );
}

function planService(name: string, current: CurrentService | undefined, desired: ServiceSpec | undefined, f: Findings): PlanService | undefined {
  const desiredTiers = tiersByName(desired);
  const currentTiers = tiersByName(current?.spec);
  // The current instances of each tier, by index.
  const existing = new Map<string, CurrentInstance[]>();
  const instances = current?.instances ?? [];
  for (let i = 0; i < instances.length; i++) {
    const inst = instances[i];
    let list = existing.get(inst.tier);
    if (!list) existing.set(inst.tier, (list = []));
    list.push(inst);
  }
  for (const list of existing.values()) if (!ascending(list)) list.sort((a, b) => a.index - b.index);
  const orderOf = (tier: string) => desiredTiers.get(tier)?.rollout.order ?? currentTiers.get(tier)?.rollout.order ?? 0;
  const tierNames = [...new Set([...desiredTiers.keys(), ...existing.keys()])].sort((a, b) => orderOf(a) - orderOf(b) || a.localeCompare(b));
  const tiers: PlanTier[] = [];
  let changed = false;
  for (const tierName of tierNames) {
    const planned = planTier(name, tierName, current, desired, desiredTiers.get(tierName), currentTiers.get(tierName), existing.get(tierName) ?? [], f);
    if (planned.instances.length === 0) continue;
    if (!changed && planned.instances.some((i) => i.reasons.length > 0)) changed = true;
    tiers.push(planned.tier);
  }
  if (!changed && current?.unfinished) {
    // Killed after its last step but before it was marked done: applying the plan finishes it.
    f.warnings.push(`service ${name}: its last deployment stopped before it was recorded as finished; applying this plan finishes it`);
    changed = true;
  }
  if (!changed) return undefined;
  const service: PlanService = { name, template: desired?.template ?? current!.spec.template, tiers };
  const runner = desired ? desired.target.runner : current?.spec.target.runner;
  if (runner !== undefined) service.runner = runner;
  return service;
}

/** A spec's tiers by name (the first of a name, as `tierOf` finds it). */
function tiersByName(spec: ServiceSpec | undefined): Map<string, TierSpec> {
  const tiers = new Map<string, TierSpec>();
  for (const tier of spec?.tiers ?? []) if (!tiers.has(tier.name)) tiers.set(tier.name, tier);
  return tiers;
}

/**
 * The plan's identity: its content only. Commits, refs and times are left out so that the same
 * change reviewed in two clones, or planned again before the apply, has the same digest.
 */
/**
 * The digest of a plan's content. `desired` (the specs the plan moves each service to) is part
 * of it: a create's reasons say only how many, so without it two plans creating different VMs
 * would look the same to stale-plan detection.
 */
export function planDigestOf(
  doc: Pick<PlanDocument, 'state_digest' | 'summary' | 'services' | 'warnings' | 'errors'>,
  desired: Record<string, ServiceSpec | undefined> = {},
  /** Texts of spec parts already written (by the state digest of the same plan). */
  specs: CanonicalMemo = new WeakMap(),
): string {
  // The services, usually of the shape buildPlan makes, are written here knowing that shape; any
  // other goes to the writer, with the instances of the usual shape written here all the same.
  const memo: CanonicalMemo = new WeakMap();
  const services = doc.services ? servicesText(doc.services, memo) : undefined;
  if (services !== undefined) {
    memo.set(doc.services, services);
  } else {
    for (const service of doc.services ?? []) {
      for (const tier of service.tiers ?? []) {
        for (const domain of tier.domains ?? []) {
          for (const instance of domain.instances ?? []) {
            if (!instance || typeof instance !== 'object') continue;
            const text = instanceText(instance, memo);
            if (text !== undefined) memo.set(instance, text);
          }
        }
      }
    }
  }
  // Specs of one template share parts: each is written once.
  return canonicalDigest(
    {
      state_digest: doc.state_digest,
      summary: doc.summary,
      services: doc.services,
      warnings: doc.warnings,
      errors: doc.errors,
      desired: Object.fromEntries(
        Object.keys(desired)
          .sort()
          .map((name) => [name, desired[name] ? specDigest(desired[name]!, specs) : null]),
      ),
    },
    memo,
  );
}

// `index` is the instance's identity for the executor, derived from its name: not written.
const INSTANCE_KEYS = new Set(['name', 'index', 'action', 'state', 'reasons']);

/** The canonical text of a plan instance of the usual shape, or undefined to leave it to the writer. */
function instanceText(instance: PlanInstance, memo: CanonicalMemo): string | undefined {
  const { name, action, state, reasons } = instance;
  if (typeof name !== 'string' || typeof action !== 'string' || (state !== undefined && typeof state !== 'string') || !Array.isArray(reasons)) return undefined;
  for (const key in instance) if (!INSTANCE_KEYS.has(key)) return undefined;
  return `{"action":${JSON.stringify(action)},"name":${JSON.stringify(name)},"reasons":${reasonsText(reasons, memo)}${state === undefined ? '' : `,"state":${JSON.stringify(state)}`}}`;
}

function reasonsText(reasons: PlanReason[], memo: CanonicalMemo): string {
  let list = memo.get(reasons);
  if (list === undefined) {
    for (const reason of reasons) if (reason && typeof reason === 'object') remember(reason, memo);
    list = remember(reasons, memo);
  }
  return list;
}

const SERVICE_KEYS = new Set(['name', 'template', 'runner', 'tiers']);
const TIER_KEYS = new Set(['name', 'order', 'domains']);
const DOMAIN_KEYS = new Set(['index', 'instances']);

/** Only the keys given, as the writer lists keys (own and enumerable; inherited ones would be missed, so none allowed). */
function hasOnly(value: object, keys: ReadonlySet<string>): boolean {
  for (const key in value) if (!keys.has(key) || !Object.prototype.hasOwnProperty.call(value, key)) return false;
  return true;
}

/** The keys of a plan instance as buildPlan makes it, in that order (`state` only on some). */
const USUAL_INSTANCE_KEYS = ['name', 'index', 'action', 'reasons', 'state'];

/** Whether an instance lists only the keys `instanceText` writes it with (as it checks: `for … in`). */
function instanceKeys(instance: object): boolean {
  let k = 0;
  for (const key in instance) {
    if (key !== USUAL_INSTANCE_KEYS[k++]) {
      for (const other in instance) if (!INSTANCE_KEYS.has(other)) return false;
      return true;
    }
  }
  return true;
}

function plainObject(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A number as the writer writes it. */
function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : 'null';
}

/**
 * The canonical text of a plan's services when every service, tier, domain and instance has the
 * shape buildPlan gives it (the same text the writer makes, keys in canonical order); undefined
 * at the first that has not. Ten thousand instances share a few lists of reasons: each instance is
 * its name between the text before it and the text after it, made once per list.
 */
function servicesText(services: PlanService[], memo: CanonicalMemo): string | undefined {
  if (!Array.isArray(services)) return undefined;
  /** By reasons list, for the last action and state seen with it: the text before the name and after it. */
  const shells = new Map<PlanReason[], { action: string; state: string | undefined; before: string; after: string }>();
  const parts: string[] = ['['];
  for (let s = 0; s < services.length; s++) {
    const service = services[s];
    if (!plainObject(service) || !hasOnly(service, SERVICE_KEYS)) return undefined;
    const { name, template, runner, tiers } = service;
    if (typeof name !== 'string' || typeof template !== 'string' || (runner !== undefined && typeof runner !== 'string') || !Array.isArray(tiers))
      return undefined;
    parts.push(
      `${s ? ',' : ''}{"name":${JSON.stringify(name)},${runner === undefined ? '' : `"runner":${JSON.stringify(runner)},`}"template":${JSON.stringify(template)},"tiers":[`,
    );
    for (let t = 0; t < tiers.length; t++) {
      const tier = tiers[t];
      if (!plainObject(tier) || !hasOnly(tier, TIER_KEYS)) return undefined;
      const { name: tierName, order, domains } = tier;
      if (typeof tierName !== 'string' || typeof order !== 'number' || !Array.isArray(domains)) return undefined;
      parts.push(t ? ',{"domains":[' : '{"domains":[');
      for (let d = 0; d < domains.length; d++) {
        const domain = domains[d];
        if (!plainObject(domain) || !hasOnly(domain, DOMAIN_KEYS)) return undefined;
        const { index, instances } = domain;
        if (typeof index !== 'number' || !Array.isArray(instances)) return undefined;
        parts.push(`${d ? ',' : ''}{"index":${numberText(index)},"instances":[`);
        for (let i = 0; i < instances.length; i++) {
          const instance = instances[i];
          if (!plainObject(instance) || !instanceKeys(instance)) return undefined;
          const { name: instanceName, action, state, reasons } = instance;
          if (typeof instanceName !== 'string' || typeof action !== 'string' || (state !== undefined && typeof state !== 'string') || !Array.isArray(reasons))
            return undefined;
          let shell = shells.get(reasons);
          if (shell === undefined || shell.action !== action || shell.state !== state) {
            shell = {
              action,
              state,
              before: `{"action":${JSON.stringify(action)},"name":`,
              after: `,"reasons":${reasonsText(reasons, memo)}${state === undefined ? '' : `,"state":${JSON.stringify(state)}`}}`,
            };
            shells.set(reasons, shell);
          }
          parts.push((i ? ',' : '') + shell.before + JSON.stringify(instanceName) + shell.after);
        }
        parts.push(']}');
      }
      parts.push(`],"name":${JSON.stringify(tierName)},"order":${numberText(order)}}`);
    }
    parts.push(']}');
  }
  parts.push(']');
  return parts.join('');
}

/** The state digest of what a plan would compare against, for a plan that could not be built. */
export function currentStateDigest(input: Pick<PlanInput, 'recorded' | 'standIn' | 'services'>): string {
  const current = currentServices(input);
  const wanted = input.services ? new Set(input.services) : undefined;
  const names = [...current.keys()].filter((n) => !wanted || wanted.has(n)).sort();
  return stateDigestOf(names.map((n) => [n, current.get(n)!]));
}

/** The plan of a head whose files are invalid: no services, every problem in `errors`. */
export function refusedPlan(
  input: Pick<PlanInput, 'recorded' | 'standIn' | 'services' | 'base'> & { head: Revision; errors: Diagnostic[]; warnings: string[] },
): Plan {
  const state_digest = currentStateDigest(input);
  const summary = emptySummary();
  const document: PlanDocument = {
    format_version: 1,
    base: input.base,
    head: input.head,
    state_digest,
    plan_digest: '',
    summary,
    services: [],
    warnings: input.warnings,
    errors: input.errors,
  };
  document.plan_digest = planDigestOf(document);
  return { document, desired: {} };
}

/** The same plan with warnings put first; its digest covers them (and, as always, the desired specs). */
export function withWarnings(plan: Plan, warnings: string[]): Plan {
  const document = { ...plan.document, warnings: [...warnings, ...plan.document.warnings] };
  document.plan_digest = planDigestOf(document, plan.desired);
  return { ...plan, document };
}

/** Builds the plan for every service that is desired, recorded, or standing in at the base. */
export function buildPlan(input: PlanInput): Plan {
  const desiredByName = new Map(input.desired.services.map((s) => [s.name, s]));
  const current = currentServices(input);
  const f: Findings = { warnings: [], errors: [], locator: input.desired.locator };

  let names = [...new Set([...desiredByName.keys(), ...current.keys()])].sort();
  if (input.services) {
    const wanted = new Set(input.services);
    for (const s of [...wanted].sort()) {
      if (!names.includes(s)) f.warnings.push(`service ${s} is neither in the templates repository nor recorded: nothing to plan for it`);
    }
    names = names.filter((n) => wanted.has(n));
  }

  const services: PlanService[] = [];
  const desired: Record<string, ServiceSpec | undefined> = {};
  const finishing: NonNullable<Plan['finishing']> = {};
  for (const name of names) {
    let spec = desiredByName.get(name);
    const now = current.get(name);
    const pin = now?.pin;
    const rollback = now?.rollingBack;
    if (rollback && spec && specDigest(spec) === rollback.pin!.desiredDigest) {
      // Interrupted, a rollback is finished, not undone by the spec it rolled the service back from.
      f.warnings.push(
        `service ${name}: its rollback (deployment ${rollback.id}) ${rollback.result === 'failed' ? 'failed' : 'stopped before it finished'}; this plan finishes it, and pins the service there`,
      );
      spec = rollback.spec;
      finishing[name] = {
        rollback: {
          ...(rollback.rollbackOf !== undefined ? { of: rollback.rollbackOf } : {}),
          desiredDigest: rollback.pin!.desiredDigest,
          release: rollback.revision.release,
        },
        revision: { commit: rollback.revision.commit, ref: rollback.revision.ref },
      };
    } else if (pin && spec) {
      if (specDigest(spec) === pin.desiredDigest) {
        f.warnings.push(
          `service ${name} is pinned to deployment ${pin.deployment} by a rollback: it stays as recorded until a change to its template or service file`,
        );
        continue;
      }
      f.warnings.push(
        `service ${name} was pinned to deployment ${pin.deployment} by a rollback; its template or service file changed since, so the pin no longer applies`,
      );
    }
    if (now?.source === 'stand-in' && spec) {
      f.warnings.push(
        `service ${name} has nothing recorded: planned as if the base revision were deployed (a what-if); an apply creates its instances instead`,
      );
    }
    const planned = planService(name, now, spec, f);
    if (!planned) continue;
    services.push(planned);
    desired[name] = spec;
  }

  if (Object.keys(input.recorded).length === 0 && !input.standIn && services.length > 0) {
    // The first plan of a repository: honest about what the apply will do, and how to adopt VMs
    // that already run these services instead of creating them again.
    f.warnings.push('nothing is recorded yet, so every instance is created; if VMs already run a service, `svcplan import SERVICE` records them first');
  }

  const summary = emptySummary();
  for (let s = 0; s < services.length; s++) {
    const tiers = services[s].tiers;
    for (let t = 0; t < tiers.length; t++) {
      const domains = tiers[t].domains;
      for (let d = 0; d < domains.length; d++) {
        const instances = domains[d].instances;
        for (let i = 0; i < instances.length; i++) summary[instances[i].action]++;
      }
    }
  }
  // The specs standing in at the base and the desired specs share parts (those of a template or
  // service file the change left alone): written once for both digests.
  const specs: CanonicalMemo = new WeakMap();
  const states = stateDigests(
    names.filter((n) => current.has(n)).map((n) => [n, current.get(n)!]),
    specs,
  );
  const state_digest = states.total;
  const plan_digest = planDigestOf({ state_digest, summary, services, warnings: f.warnings, errors: f.errors }, desired, specs);
  const serviceStates = Object.fromEntries(services.map((s) => [s.name, states.byService[s.name] ?? null]));
  return {
    document: {
      format_version: 1,
      base: input.base,
      head: input.desired.revision,
      state_digest,
      plan_digest,
      summary,
      services,
      warnings: f.warnings,
      errors: f.errors,
    },
    desired,
    locator: input.desired.locator,
    serviceStates,
    ...(Object.keys(finishing).length > 0 ? { finishing } : {}),
  };
}
