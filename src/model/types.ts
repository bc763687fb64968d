// The svcplan data model: what users write (templates, services), what is resolved from it
// (service specs), what is recorded after an apply (state), and what a plan says.
// Pure types and small pure helpers only: no I/O, no imports from other layers.

// ---------------------------------------------------------------------------------------------
// Diagnostics

/** A problem at a place in a file. `line` and `column` are 1-based. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Thrown by the core when input is bad or a plan is refused; carries every diagnostic at once. */
export class InputError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'InputError';
  }
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.message}`;
}

// ---------------------------------------------------------------------------------------------
// What users write (apiVersion: svcplan/v1). Defaults are filled in by the loader, so every
// field below that is not optional is present after loading.

export const API_VERSION = 'svcplan/v1';

export interface ImageSpec {
  box: string;
  version: string;
}

export interface AppSpec {
  version: string;
  /** Path of an install script, relative to the templates repository root. */
  install?: string;
}

export type OnScaleIn = 'retain' | 'delete';

export interface StateDiskSpec {
  /** GiB. */
  disk: number;
  save?: string;
  restore?: string;
  onScaleIn: OnScaleIn;
}

export interface HealthSpec {
  /** Run in the guest; exit 0 means healthy. No command: the instance is healthy when it answers SSH. */
  command?: string;
  /** Seconds to wait for an instance to become healthy. */
  timeout: number;
  /** Seconds an instance must stay healthy (checked again after this delay). */
  minReady: number;
}

/** The disruptions a tier accepts without a refused plan, ordered. */
export type Disruption = 'none' | 'refresh' | 'restart' | 'replace';

export interface RolloutSpec {
  upgradeDomains: number;
  maxParallel: number;
  /** Seconds between domains. */
  pauseBetweenDomains: number;
  /** Tiers with a lower order are updated first. */
  order: number;
  maxDisruption: Disruption;
  /** On a failed health gate, return the instances updated in this rollout to their previous spec. */
  autoRollback: boolean;
}

export interface TierTemplate {
  description?: string;
  image: string;
  cpus: number;
  /** MiB. */
  memory: number;
  count: number;
  scale: { min: number; max: number };
  features: string[];
  apps: Record<string, AppSpec>;
  settings: Record<string, string>;
  state?: StateDiskSpec;
  health: HealthSpec;
  rollout: RolloutSpec;
}

export interface ServiceTemplate {
  kind: 'ServiceTemplate';
  name: string;
  release: string;
  description?: string;
  images: Record<string, ImageSpec>;
  tiers: Record<string, TierTemplate>;
  /** Repository-relative path of the file it was loaded from. */
  file: string;
}

export type Provider = 'virtualbox' | 'libvirt';

export interface SshEndpoint {
  host: string;
  /**
   * In a service's target: instance k of the service (counting across tiers in rollout order,
   * each tier reserving scale.max, then n) gets portBase + k. In an instance spec: the first port
   * of its tier, so instance n gets portBase + n - 1.
   */
  portBase: number;
}

export interface Target {
  driver: 'vagrant';
  provider: Provider;
  /** Label of the self-hosted runner that reaches the hypervisor. */
  runner?: string;
  /** Any setting of the provider (`lv.<key> = value` / `vb.<key> = value`); creation-only. */
  options: Record<string, unknown>;
  ssh?: SshEndpoint;
}

export interface ServiceTierOverride {
  count?: number;
  settings?: Record<string, string>;
}

export interface ServiceDefinition {
  kind: 'Service';
  name: string;
  template: string;
  description?: string;
  target: Target;
  tiers: Record<string, ServiceTierOverride>;
  file: string;
}

// ---------------------------------------------------------------------------------------------
// Resolved specs: template + service overrides, what one VM should be. Recorded as-is.

/** Everything that decides what one instance is; identical for all instances of a tier. */
export interface InstanceSpec {
  image: ImageSpec;
  cpus: number;
  memory: number;
  features: string[];
  apps: Record<string, AppSpec>;
  settings: Record<string, string>;
  state?: StateDiskSpec;
  /** Provider and its creation-only options (from the service's target). */
  target: { provider: Provider; runner?: string; options: Record<string, unknown>; ssh?: SshEndpoint };
}

export interface TierSpec {
  name: string;
  count: number;
  scale: { min: number; max: number };
  health: HealthSpec;
  rollout: RolloutSpec;
  description?: string;
  instance: InstanceSpec;
}

export interface ServiceSpec {
  name: string;
  template: string;
  release: string;
  target: Target;
  /** Sorted by rollout.order, then name. */
  tiers: TierSpec[];
  /** Where it came from, for errors and reports (repository-relative paths). */
  files: { template: string; service: string };
}

/** Finds the line and column of a node in a loaded file, for errors raised after loading. */
export interface SourceLocator {
  /** `path` is the YAML path inside the file, e.g. ['tiers', 'web', 'state', 'disk']. */
  locate(file: string, path: (string | number)[]): { line: number; column: number };
}

export interface Revision {
  /** What the user named: a ref, a commit, or 'WORKTREE' for the working tree. */
  ref: string;
  /** Full commit sha; for the working tree, the commit HEAD points to (or '' without commits). */
  commit: string;
}

/** Everything found at one revision. */
export interface DesiredState {
  revision: Revision;
  templates: ServiceTemplate[];
  services: ServiceSpec[];
  locator: SourceLocator;
}

// ---------------------------------------------------------------------------------------------
// Recorded state: what was last applied, per service.

export type InstanceStatus =
  | 'ready' // applied and healthy
  | 'pending' // an action on it started and did not finish (a resumed run redoes it)
  | 'failed'; // an action or its health gate failed

/** The actions an instance step takes; `none` is no step. */
export type StepAction = 'create' | 'refresh' | 'restart' | 'replace' | 'destroy';

/**
 * Where an instance step is, recorded before the action that follows it (SPEC section 5):
 * - create: creating → created
 * - replace: saving → saved → halted → destroyed → creating → created → restoring → restored
 * - refresh: refreshing → refreshed
 * - restart: restarting → restarted; growing the state disk: halting → halted → grown → booted
 * - destroy: destroying → destroyed
 * A step at `created` (create), `restored`, `refreshed`, `restarted` or `booted` has done its VM
 * work and waits for its upgrade domain's health gate; only the gate makes the instance ready.
 */
export type StepPhase =
  | 'saving'
  | 'saved'
  | 'halting'
  | 'halted'
  | 'destroying'
  | 'destroyed'
  | 'creating'
  | 'created'
  | 'restoring'
  | 'restored'
  | 'refreshing'
  | 'refreshed'
  | 'restarting'
  | 'restarted'
  | 'grown'
  | 'booted';

/** A machine's identity as Vagrant recorded it: what tells an old VM from its replacement. */
export interface MachineIdentity {
  /** The provider's id of the machine (libvirt: the domain's UUID). */
  id?: string;
  /** The box it was created from. */
  box?: { name: string; version: string };
}

/** The step an instance is in, kept in its record until the step's health gate has passed. */
export interface InstanceStep {
  action: StepAction;
  phase: StepPhase;
  /** The deployment that started the step (a resumed run keeps it). */
  deployment: number;
  /** The instance's upgrade domain in the rollout that started the step. */
  domain: number;
  /** The spec the VM had before the step; absent for create. */
  from?: InstanceSpec;
  /** The spec the step gives it; absent for destroy. */
  to?: InstanceSpec;
  /** refresh, restart: the named provisioners the step runs. */
  provisioners?: string[];
  /** restart: the state disk grows (halt, grow, boot instead of reload). */
  growStateDisk?: boolean;
  /** destroy: the state disk goes too (onScaleIn: delete). */
  deleteStateDisk?: boolean;
  /** replace: the old VM holds live app state, so its save-state hook runs before it goes. */
  save?: boolean;
  /** replace: the VM being replaced, as observed when the step began. */
  old?: MachineIdentity;
  /**
   * The call that follows this phase: which operation, and the phase it leads to once it has
   * succeeded. What became of it is asked of the driver when a run resumes the step.
   */
  call?: { id: string; op: string; then: StepPhase | 'done' };
  /** The action after this phase, or the health gate, failed. */
  failed?: { message: string; at: string };
  startedAt: string;
}

export interface RecordedInstance {
  name: string;
  tier: string;
  /** n in `<service>-<tier>-<n>`. */
  index: number;
  /**
   * The spec the instance has: during a step the one it had before (for a create, the one it is
   * getting), and the step's target once its gate has passed.
   */
  spec: InstanceSpec;
  /** ready: applied and healthy; pending: a step is under way; failed: a step or its gate failed. */
  status: InstanceStatus;
  /** The step under way (or failed); absent when the instance is ready. */
  step?: InstanceStep;
  /** Records written before steps were journaled: the spec being applied when status is pending. */
  pendingSpec?: InstanceSpec;
  updatedAt: string;
}

/**
 * The instances a rollout changed, each with the spec it had before (null: the rollout created
 * it), kept across interrupted runs until a deployment of the service finishes: what
 * autoRollback returns them to.
 */
export interface RolloutChanges {
  /** The deployment that began the rollout. */
  since: number;
  /** The service as it was before the rollout (absent for a new service). */
  previous?: { spec: ServiceSpec; template: string; revision: ServiceRecord['revision'] };
  changed: { name: string; tier: string; index: number; before: InstanceSpec | null }[];
}

/** One upgrade domain's health gate in a deployment. */
export interface GateResult {
  tier: string;
  domain: number;
  passed: boolean;
  instances: string[];
  /** The instances that were not healthy, with why. */
  unhealthy?: { name: string; reason: string }[];
  at: string;
}

/** A state disk kept after its instance was destroyed (onScaleIn: retain). */
export interface RetainedDisk {
  instance: string;
  sizeGiB: number;
  retainedAt: string;
}

export type DeploymentResult = 'in-progress' | 'succeeded' | 'failed' | 'rolled-back';

export interface Deployment {
  /** 1, 2, 3 … per service. */
  id: number;
  /** `import`: machines that existed before svcplan were recorded as they were found. */
  kind: 'apply' | 'rollback' | 'import';
  revision: { commit: string; ref: string; release: string };
  planDigest: string;
  startedAt: string;
  finishedAt?: string;
  result: DeploymentResult;
  /** The service as this deployment made it: what a rollback to it redeploys. */
  spec: ServiceSpec;
  /** For kind 'rollback': the deployment whose spec was redeployed. */
  rollbackOf?: number;
  message?: string;
  /** Every health gate this deployment ran, in order. */
  gates?: GateResult[];
  /**
   * For kind 'rollback': the pin it sets once it succeeds. A rollback that was interrupted is
   * finished, as a rollback, by the next apply while the desired spec is still this one.
   */
  pin?: { deployment: number; desiredDigest: string };
}

export interface Pin {
  /** The deployment a rollback redeployed. */
  deployment: number;
  /** specDigest of the desired spec at the time of the rollback: while the desired spec is still
   * this one, the plan leaves the service where the rollback put it. */
  desiredDigest: string;
  at: string;
}

export interface ServiceRecord {
  name: string;
  template: string;
  revision: { commit: string; ref: string; release: string; specDigest: string };
  /** The spec last applied (or being applied); its tiers' policies drive the next rollout. */
  spec: ServiceSpec;
  instances: RecordedInstance[];
  retainedDisks: RetainedDisk[];
  history: Deployment[];
  pin?: Pin;
  /** What the rollout under way (or interrupted) changed, for autoRollback. */
  rollout?: RolloutChanges;
}

/** All recorded services, by name. */
export type RecordedState = Record<string, ServiceRecord>;

// ---------------------------------------------------------------------------------------------
// The plan (SPEC section 4). PlanDocument is exactly the JSON contract.

export type PlanAction = 'none' | 'refresh' | 'restart' | 'replace' | 'create' | 'destroy';

export const PLAN_ACTIONS: readonly PlanAction[] = ['create', 'refresh', 'restart', 'replace', 'destroy', 'none'];

/** How disruptive an in-place action is; create and destroy are outside this order. */
export const DISRUPTION_ORDER: Record<Disruption, number> = { none: 0, refresh: 1, restart: 2, replace: 3 };

export interface PlanReason {
  /** Relative to the tier: memory, cpus, image.box, image.version, apps.shop.version, settings.X, features, state.disk, count … */
  path: string;
  from: unknown;
  to: unknown;
  action: PlanAction;
}

export interface PlanInstance {
  name: string;
  /** n in `<service>-<tier>-<n>`: the step's identity (not part of the JSON contract). */
  index?: number;
  action: PlanAction;
  /** On replace (and on destroy with a state disk): the state disk is 'kept' or 'deleted'. */
  state?: 'kept' | 'deleted';
  reasons: PlanReason[];
}

export interface PlanDomain {
  index: number;
  instances: PlanInstance[];
}

export interface PlanTier {
  name: string;
  order: number;
  domains: PlanDomain[];
}

export interface PlanService {
  name: string;
  template: string;
  runner?: string;
  tiers: PlanTier[];
}

export type PlanSummary = Record<PlanAction, number>;

export interface PlanDocument {
  format_version: 1;
  base: Revision;
  head: Revision;
  state_digest: string;
  plan_digest: string;
  summary: PlanSummary;
  services: PlanService[];
  warnings: string[];
  errors: Diagnostic[];
}

/** A plan together with what an apply needs and the JSON does not carry. */
export interface Plan {
  document: PlanDocument;
  /** Desired spec of every service in the plan (absent for a removed service). */
  desired: Record<string, ServiceSpec | undefined>;
  /** Places errors found when the plan is made again under a service's lease. */
  locator?: SourceLocator;
  /** Each planned service's own state digest (null: nothing recorded or standing in). */
  serviceStates?: Record<string, string | null>;
  /**
   * Services whose last deployment was a rollback that stopped before it finished: the plan
   * takes them to the rollback's spec, and the apply finishes it as that rollback (and pins).
   */
  finishing?: Record<string, { rollback: { of?: number; desiredDigest: string; release: string }; revision: { commit: string; ref: string } }>;
}

// ---------------------------------------------------------------------------------------------
// Small pure helpers everyone uses.

export function instanceName(service: string, tier: string, n: number): string {
  return `${service}-${tier}-${n}`;
}

/** Instance n (from 1) of a tier with `domains` upgrade domains is in domain (n-1) mod domains. */
export function upgradeDomainOf(n: number, domains: number): number {
  return (n - 1) % Math.max(1, domains);
}

export function emptySummary(): PlanSummary {
  return { create: 0, refresh: 0, restart: 0, replace: 0, destroy: 0, none: 0 };
}

// ---------------------------------------------------------------------------------------------
// Drift: what the VMs really are, against what was recorded (SPEC section 6, "Drift").

/** One machine as observed for drift: its state, what it runs, and what svcplan wrote in it. */
export interface ObservedInstance {
  state: 'running' | 'stopped' | 'not_created' | 'unknown';
  /** The box and version it was created from (what Vagrant recorded for the machine). */
  box?: { name: string; version: string };
  /** As the provider reports them. */
  memory?: number;
  cpus?: number;
  /** Read in the guest (running machines only): what svcplan's provisioners wrote. */
  guest?: {
    features: string[];
    /** The settings file is the one the recorded settings make (values never leave the guest). */
    settingsMatch: boolean;
    /** App name → version file contents. */
    apps: Record<string, string>;
    /** The state disk's device is there. */
    stateDisk: boolean;
  };
  /** What could not be observed, and why. */
  unobserved?: string[];
}

/** One difference between the recorded spec and the machine: the action that repairs it. */
export interface DriftDifference {
  /** Relative to the tier, as in a plan: memory, image.version, apps.shop.version, machine … */
  path: string;
  recorded: unknown;
  observed: unknown;
  action: PlanAction;
}

export interface DriftInstance {
  name: string;
  tier: string;
  /** The most disruptive repair its differences need. */
  action: PlanAction;
  differences: DriftDifference[];
}

/** Identical differences across instances, once: a cause and the instances it applies to. */
export interface DriftGroup extends DriftDifference {
  instances: string[];
}

export interface DriftService {
  name: string;
  runner?: string;
  /** `being-applied`: a live apply holds the service; what it is doing is not drift. */
  status: 'clean' | 'drifted' | 'being-applied' | 'failed';
  /** Instances checked. */
  checked: number;
  /** Only the drifted ones. */
  instances: DriftInstance[];
  groups: DriftGroup[];
  lease?: { owner: string; expiresAt: string };
  error?: string;
}

/** The JSON contract of `svcplan drift --format json` (docs/drift.md). */
export interface DriftReport {
  format_version: 1;
  checked_at: string;
  summary: { services: number; drifted_services: number; instances: number; drifted_instances: number };
  services: DriftService[];
  errors: { service: string; instance?: string; message: string }[];
}
