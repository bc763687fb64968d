// A driver test double that keeps a small world of VMs and state disks, records every call with
// its start and end time, and fails or "dies" on demand; plus helpers to build service specs.
import { buildPlan } from '../../src/plan/index.js';
import type { Driver, DriverInstance, HealthCheck, ProvisionerName } from '../../src/apply/driver.js';
import { RunInterruptedError } from '../../src/apply/types.js';
import type { DesiredState, InstanceSpec, Plan, RecordedState, ServiceSpec, TierSpec } from '../../src/model/types.js';
import type { StateStore } from '../../src/state/store.js';
import { instanceSpec } from '../state/fixtures.js';

export interface Call {
  op: 'create' | 'refresh' | 'restart' | 'replace' | 'destroy' | 'health';
  name: string;
  start: number;
  end: number;
  provisioners?: ProvisionerName[];
  deleteStateDisk?: boolean;
  growStateDisk?: boolean;
  image?: string;
}

export interface World {
  vms: Map<string, { image: string; memory: number; settings: Record<string, string> }>;
  disks: Map<string, number>;
}

export function emptyWorld(): World {
  return { vms: new Map(), disks: new Map() };
}

export function cloneWorld(w: World): World {
  return { vms: new Map([...w.vms].map(([k, v]) => [k, structuredClone(v)])), disks: new Map(w.disks) };
}

export interface DoubleOptions {
  world?: World;
  /** Milliseconds each mutating call takes. */
  delayMs?: number;
  /** Throws this error from the matching call (a failed vagrant command). */
  failOn?: (op: Call['op'], name: string) => string | undefined;
  /** The health answer; `signal` is aborted when the executor no longer wants it. */
  healthy?: (name: string, signal?: AbortSignal) => boolean | Promise<boolean>;
  /** The k-th mutating call (from 1) "kills" the run: before or after its effect. */
  killAt?: { step: number; when: 'before' | 'after' };
}

export class DriverDouble implements Driver {
  readonly world: World;
  readonly calls: Call[] = [];
  readonly layouts: string[][] = [];
  /** Disks deleted, by name: a test asserts this stays empty unless the user asked for it. */
  readonly deletedDisks: string[] = [];
  private inFlight = 0;
  maxInFlight = 0;
  private mutating = 0;
  private readonly t0 = Date.now();

  constructor(private readonly opts: DoubleOptions = {}) {
    this.world = opts.world ?? emptyWorld();
  }

  async layout(_service: ServiceSpec, instances: DriverInstance[]): Promise<void> {
    this.layouts.push(instances.map((i) => i.name));
  }
  async observe(): Promise<Record<string, 'running' | 'not_created'>> {
    return Object.fromEntries([...this.world.vms.keys()].map((k) => [k, 'running' as const]));
  }
  create(inst: DriverInstance): Promise<void> {
    return this.mutate('create', inst.name, {}, () => this.up(inst));
  }
  refresh(inst: DriverInstance, provisioners: ProvisionerName[]): Promise<void> {
    return this.mutate('refresh', inst.name, { provisioners }, () => {
      const vm = this.vm(inst.name);
      vm.settings = { ...inst.spec.settings };
    });
  }
  restart(inst: DriverInstance, provisioners: ProvisionerName[], options: { growStateDisk?: boolean } = {}): Promise<void> {
    return this.mutate('restart', inst.name, { provisioners, growStateDisk: !!options.growStateDisk }, () => {
      const vm = this.vm(inst.name);
      if (options.growStateDisk && inst.spec.state) this.world.disks.set(inst.name, inst.spec.state.disk);
      vm.memory = inst.spec.memory;
      vm.settings = { ...inst.spec.settings };
    });
  }
  replace(previous: DriverInstance, next: DriverInstance): Promise<void> {
    return this.mutate('replace', next.name, { image: next.spec.image.version }, () => {
      // Idempotent like the real sequence: the old VM may already be gone on a resumed run.
      this.world.vms.delete(previous.name);
      this.up(next);
    });
  }
  destroy(inst: DriverInstance, options: { deleteStateDisk: boolean }): Promise<void> {
    return this.mutate('destroy', inst.name, { deleteStateDisk: options.deleteStateDisk }, () => {
      this.world.vms.delete(inst.name);
      if (options.deleteStateDisk && this.world.disks.delete(inst.name)) this.deletedDisks.push(inst.name);
    });
  }
  async health(inst: DriverInstance, check: HealthCheck): Promise<boolean> {
    const start = this.now();
    const ok = this.opts.healthy ? await this.opts.healthy(inst.name, check.signal) : this.world.vms.has(inst.name);
    this.calls.push({ op: 'health', name: inst.name, start, end: this.now() });
    return ok;
  }

  /** The mutating calls as `op name`, in the order they started. */
  ops(): string[] {
    return this.calls.filter((c) => c.op !== 'health').map((c) => `${c.op} ${c.name}`);
  }

  private up(inst: DriverInstance): void {
    this.world.vms.set(inst.name, { image: inst.spec.image.version, memory: inst.spec.memory, settings: { ...inst.spec.settings } });
    if (inst.spec.state && !this.world.disks.has(inst.name)) this.world.disks.set(inst.name, inst.spec.state.disk);
  }

  private vm(name: string) {
    const vm = this.world.vms.get(name);
    if (!vm) throw new Error(`${name} is not created`);
    return vm;
  }

  private now(): number {
    return Date.now() - this.t0;
  }

  private async mutate(op: Call['op'], name: string, extra: Partial<Call>, effect: () => void): Promise<void> {
    const k = ++this.mutating;
    const kill = this.opts.killAt?.step === k ? this.opts.killAt.when : undefined;
    if (kill === 'before') throw new RunInterruptedError(`killed before step ${k} (${op} ${name})`);
    const start = this.now();
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.opts.delayMs) await new Promise((r) => setTimeout(r, this.opts.delayMs));
      const failure = this.opts.failOn?.(op, name);
      if (failure) throw new Error(failure);
      effect();
    } finally {
      this.inFlight--;
      this.calls.push({ op, name, start, end: this.now(), ...extra });
    }
    if (kill === 'after') throw new RunInterruptedError(`killed after step ${k} (${op} ${name})`);
  }
}

// ---------------------------------------------------------------------------------------------

export function instance(over: Partial<InstanceSpec> = {}): InstanceSpec {
  return { ...instanceSpec(), ...over };
}

export function tier(name: string, over: { count?: number; order?: number; domains?: number; maxParallel?: number; autoRollback?: boolean; pause?: number; health?: Partial<TierSpec['health']>; instance?: Partial<InstanceSpec> } = {}): TierSpec {
  return {
    name,
    count: over.count ?? 2,
    scale: { min: 0, max: 100 },
    health: { timeout: 5, minReady: 0, ...over.health },
    rollout: {
      upgradeDomains: over.domains ?? 1,
      maxParallel: over.maxParallel ?? 1,
      pauseBetweenDomains: over.pause ?? 0,
      order: over.order ?? 1,
      maxDisruption: 'replace',
      autoRollback: over.autoRollback ?? false,
    },
    instance: instance(over.instance),
  };
}

export function service(name: string, tiers: TierSpec[], over: Partial<ServiceSpec> = {}): ServiceSpec {
  const runner = over.target?.runner;
  return {
    name,
    template: 'web-shop',
    release: '1',
    target: { driver: 'vagrant', provider: 'libvirt', options: {}, ...(runner ? { runner } : {}) },
    tiers: [...tiers]
      .map((t) => ({ ...t, instance: { ...t.instance, target: { ...t.instance.target, ...(runner ? { runner } : {}) } } }))
      .sort((a, b) => a.rollout.order - b.rollout.order || a.name.localeCompare(b.name)),
    files: { template: 'templates/web-shop.yaml', service: `services/${name}.yaml` },
    ...over,
  };
}

export function desiredState(services: ServiceSpec[], commit = 'a'.repeat(40)): DesiredState {
  return {
    revision: { ref: 'main', commit },
    templates: [],
    services,
    locator: { locate: () => ({ line: 1, column: 1 }) },
  };
}

export async function planFrom(store: StateStore, services: ServiceSpec[], commit?: string): Promise<Plan> {
  const recorded: RecordedState = await store.read();
  return buildPlan({ desired: desiredState(services, commit), recorded, base: { ref: 'state', commit: '' } });
}

export const REV = { commit: 'a'.repeat(40), ref: 'main' };
