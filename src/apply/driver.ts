import type { InstanceSpec, MachineIdentity, ObservedInstance, ServiceSpec } from '../model/types.js';

/** One VM as the driver sees it: which instance, and the spec it should have now. */
export interface DriverInstance {
  service: string;
  tier: string;
  index: number;
  name: string;
  spec: InstanceSpec;
}

/** The named provisioners of an instance; a refresh runs only the ones its changes need. */
export type ProvisionerName = 'features' | 'settings' | 'save-state' | 'restore-state' | `app-${string}`;

export type ObservedState = 'running' | 'stopped' | 'not_created' | 'unknown';

/** A box a machine is made from: its name, exact version and provider. */
export interface BoxRef {
  name: string;
  version: string;
  provider: string;
}

/** A machine as observed: its state and, once created, what identifies it. */
export interface Machine extends MachineIdentity {
  state: ObservedState;
}

/**
 * What became of a call a run started: `succeeded` or `failed` (it ran to its end), `not-started`
 * (no trace of it: the run stopped before it began), `lost` (it began, and was killed with the
 * run before it ended, or left no word: nothing can be assumed about its effect).
 */
export type CallOutcome = 'succeeded' | 'failed' | 'not-started' | 'lost';

export interface HealthCheck {
  command?: string;
  timeoutSeconds: number;
  minReadySeconds: number;
  /** Aborted when the answer is no longer wanted (the rollout stopped): answer false soon. */
  signal?: AbortSignal;
}

/** Every action on a machine names its call, so a later run can ask what became of it. */
export interface CallOptions {
  call: string;
}

/**
 * Makes VMs so, one primitive at a time; the executor's step machines decide the order and
 * record each phase before the call that follows it. The executor tells the driver, per service,
 * which spec each instance has at this moment (`layout`); the vagrant driver writes the
 * Vagrantfile from it, a test double models the machines.
 */
export interface Driver {
  /** Every instance of the service with the spec it has (or is being given) now. */
  layout(service: ServiceSpec, instances: DriverInstance[]): Promise<void>;
  /**
   * Waits until no call of an earlier run on this service is still running (a run killed with
   * -9 leaves its vagrant children behind), saying what it waits for.
   */
  settle(service: string, signal?: AbortSignal): Promise<void>;
  /** The machines of a service as they are now. A machine the provider does not list is absent. */
  observe(service: string): Promise<Record<string, Machine>>;
  /** What became of a call started by an earlier run; waits while it still runs. */
  outcome(inst: DriverInstance, call: string): Promise<CallOutcome>;
  /**
   * Creates (when not created) and boots the machine; provisions it with `all` or the named
   * provisioners. `keepOnError`: a machine that fails to come up is kept for inspection.
   */
  up(inst: DriverInstance, opts: CallOptions & { provision: 'all' | 'none' | ProvisionerName[]; keepOnError?: boolean }): Promise<void>;
  /** Runs the named provisioners (the state hooks included) on a running machine. */
  provision(inst: DriverInstance, provisioners: ProvisionerName[], opts: CallOptions): Promise<void>;
  /** Restarts with the spec's hardware, then runs the named provisioners. */
  reload(inst: DriverInstance, provisioners: ProvisionerName[], opts: CallOptions): Promise<void>;
  halt(inst: DriverInstance, opts: CallOptions): Promise<void>;
  /** Destroys the machine; its state disk stays. */
  destroy(inst: DriverInstance, opts: CallOptions): Promise<void>;
  /** Enlarges the state disk to `inst.spec.state.disk` GiB while the machine is down. */
  growStateDisk(inst: DriverInstance, opts: CallOptions): Promise<void>;
  /** Deletes the state disk (only ever for onScaleIn: delete); already gone is fine. */
  deleteStateDisk(inst: DriverInstance, opts: CallOptions): Promise<void>;
  /** Resolves true once the machine answers over SSH, false after the timeout. */
  waitForSsh(inst: DriverInstance, opts: { timeoutSeconds: number; signal?: AbortSignal }): Promise<boolean>;
  /** Resolves true when healthy within the timeout. */
  health(inst: DriverInstance, check: HealthCheck): Promise<boolean>;
  /** Forgets the call records of a service once its run has recorded what they did. */
  forgetCalls(service: string): Promise<void>;
  /**
   * What each machine really is (drift, import): its state and box, memory and cpus as the
   * provider reports them, and, for running machines, what svcplan's provisioners wrote in the
   * guest, compared with the instance's spec where only a comparison may leave the guest
   * (settings). Changes nothing on any machine.
   */
  inspect(service: ServiceSpec, instances: DriverInstance[]): Promise<Record<string, ObservedInstance>>;
  /**
   * Makes sure the boxes a service's rollout creates machines from are on this host, fetching
   * the missing ones, before any of its machines is touched; throws, saying which box and why,
   * when one cannot be had. A box is looked for (and fetched) once per driver, however many
   * services need it.
   */
  prepareBoxes(service: string, boxes: BoxRef[]): Promise<void>;
}
