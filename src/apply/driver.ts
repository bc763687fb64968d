import type { InstanceSpec, ServiceSpec } from '../model/types.js';

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

export interface HealthCheck {
  command?: string;
  timeoutSeconds: number;
  minReadySeconds: number;
  /** Aborted when the answer is no longer wanted (the rollout stopped): answer false soon. */
  signal?: AbortSignal;
}

/**
 * Makes VMs so. The executor tells it, per service, which spec each instance has at this moment
 * (`layout`), then asks for one action at a time. The vagrant driver writes the Vagrantfile from
 * the layout before each command; a test double records the calls.
 */
export interface Driver {
  /** Every instance of the service with the spec it has (or is being given) now. */
  layout(service: ServiceSpec, instances: DriverInstance[]): Promise<void>;
  observe(service: string): Promise<Record<string, ObservedState>>;
  create(inst: DriverInstance): Promise<void>;
  /** Runs only the named provisioners, in place. */
  refresh(inst: DriverInstance, provisioners: ProvisionerName[]): Promise<void>;
  /**
   * Restarts with the new hardware, then runs the named provisioners. With `growStateDisk`, the
   * state disk is enlarged to `inst.spec.state.disk` GiB while the VM is down (its data kept).
   */
  restart(inst: DriverInstance, provisioners: ProvisionerName[], options?: { growStateDisk?: boolean }): Promise<void>;
  /** save-state → destroy keeping the state disk → up with the new image → restore-state. */
  replace(previous: DriverInstance, next: DriverInstance): Promise<void>;
  /** Destroys the VM; the state disk is deleted only when `deleteStateDisk` is true. */
  destroy(inst: DriverInstance, options: { deleteStateDisk: boolean }): Promise<void>;
  /** Resolves true when healthy within the timeout. */
  health(inst: DriverInstance, check: HealthCheck): Promise<boolean>;
}
