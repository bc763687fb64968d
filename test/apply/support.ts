// A driver test double that models machines (each with an id, the image it was created from,
// its hardware, settings and app versions, running or not), state disks that survive destroy,
// and call receipts that outlive a "killed" run; it records every call with its start and end
// time, and fails or "dies" on demand. Plus helpers to build service specs.
import { buildPlan } from '../../src/plan/index.js';
import type { BoxRef, CallOutcome, Driver, DriverInstance, HealthCheck, Machine, ProvisionerName } from '../../src/apply/driver.js';
import { RunInterruptedError } from '../../src/apply/types.js';
import type { DesiredState, InstanceSpec, ObservedInstance, Plan, RecordedState, ServiceSpec, TierSpec } from '../../src/model/types.js';
import type { StateStore } from '../../src/state/store.js';
import { instanceSpec } from '../state/fixtures.js';

export type Op = 'up' | 'provision' | 'reload' | 'halt' | 'destroy' | 'grow' | 'delete-disk' | 'health';

export interface Call {
  op: Op;
  name: string;
  start: number;
  end: number;
  /** provision, reload, up: the provisioners run ('all' for a full up). */
  provisioners?: string[];
  /** up: the image version the machine is created from. */
  image?: string;
}

export interface Vm {
  id: string;
  image: string;
  memory: number;
  cpus: number;
  features: string[];
  settings: Record<string, string>;
  apps: Record<string, string>;
  running: boolean;
  /** save-state and restore-state runs on this VM. */
  saves: number;
  restores: number;
  /** Created while its state disk already existed: a replacement, whose app state comes by restore. */
  replacement: boolean;
}

export interface World {
  vms: Map<string, Vm>;
  disks: Map<string, number>;
  /** Receipts of calls, by call id: they outlive a killed run, like the wrapper's files. */
  receipts: Map<string, 'succeeded' | 'failed'>;
  /** save-state on a replacement before its restore: app state would be lost. */
  unsafeSaves: string[];
  nextId: number;
}

export function emptyWorld(): World {
  return { vms: new Map(), disks: new Map(), receipts: new Map(), unsafeSaves: [], nextId: 1 };
}

export function cloneWorld(w: World): World {
  return {
    vms: new Map([...w.vms].map(([k, v]) => [k, structuredClone(v)])),
    disks: new Map(w.disks),
    receipts: new Map(w.receipts),
    unsafeSaves: [...w.unsafeSaves],
    nextId: w.nextId,
  };
}

export interface DoubleOptions {
  world?: World;
  /** Milliseconds each mutating call takes. */
  delayMs?: number;
  /** Throws this error from the matching call (a failed vagrant command). */
  failOn?: (op: Op, name: string, provisioners?: string[]) => string | undefined;
  /** The health answer; `signal` is aborted when the executor no longer wants it. */
  healthy?: (name: string, signal?: AbortSignal) => boolean | Promise<boolean>;
  /**
   * The k-th mutating call (from 1) "kills" the run: `before` it starts (no effect, no receipt),
   * or `after` it ended (its effect and receipt are there, the run never learns of it).
   */
  killAt?: { step: number; when: 'before' | 'after' };
  /** Boxes (by name) that cannot be had: prepareBoxes throws for them. */
  missingBoxes?: string[];
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
  private names = new Set<string>();

  constructor(private readonly opts: DoubleOptions = {}) {
    this.world = opts.world ?? emptyWorld();
  }

  async layout(_service: ServiceSpec, instances: DriverInstance[]): Promise<void> {
    this.layouts.push(instances.map((i) => i.name));
    for (const i of instances) this.names.add(i.name);
  }
  async settle(): Promise<void> {}
  async observe(): Promise<Record<string, Machine>> {
    const out: Record<string, Machine> = {};
    for (const name of new Set([...this.names, ...this.world.vms.keys()])) {
      const vm = this.world.vms.get(name);
      out[name] = vm
        ? { state: vm.running ? 'running' : 'stopped', id: vm.id, box: { name: 'svcplan/debian-12', version: vm.image } }
        : { state: 'not_created' };
    }
    return out;
  }
  async outcome(_inst: DriverInstance, call: string): Promise<CallOutcome> {
    return this.world.receipts.get(call) ?? 'not-started';
  }
  async forgetCalls(): Promise<void> {}
  /** Every prepareBoxes request, in order. */
  readonly boxRequests: { service: string; boxes: BoxRef[]; afterCalls: number }[] = [];
  async prepareBoxes(service: string, boxes: BoxRef[]): Promise<void> {
    this.boxRequests.push({ service, boxes, afterCalls: this.calls.length });
    const missing = boxes.filter((b) => this.opts.missingBoxes?.includes(b.name));
    if (missing.length > 0) throw new Error(`box ${missing[0].name} ${missing[0].version} (${missing[0].provider}) cannot be had`);
  }

  up(inst: DriverInstance, opts: { call: string; provision: 'all' | 'none' | ProvisionerName[] }): Promise<void> {
    const provisioners = opts.provision === 'all' ? ['all'] : opts.provision === 'none' ? [] : [...opts.provision];
    return this.mutate('up', inst.name, opts.call, { provisioners, image: inst.spec.image.version }, () => {
      let vm = this.world.vms.get(inst.name);
      const fresh = !vm;
      if (!vm) {
        vm = {
          id: `vm-${this.world.nextId++}`,
          image: inst.spec.image.version,
          memory: inst.spec.memory,
          cpus: inst.spec.cpus,
          features: [],
          settings: {},
          apps: {},
          running: false,
          saves: 0,
          restores: 0,
          replacement: !!inst.spec.state && this.world.disks.has(inst.name),
        };
        this.world.vms.set(inst.name, vm);
        if (inst.spec.state && !this.world.disks.has(inst.name)) this.world.disks.set(inst.name, inst.spec.state.disk);
      }
      vm.running = true;
      if (opts.provision === 'all' || fresh)
        this.runProvisioners(vm, inst, opts.provision === 'none' ? [] : ['features', 'settings', ...Object.keys(inst.spec.apps).map((a) => `app-${a}`)]);
      else this.runProvisioners(vm, inst, provisioners);
    });
  }
  provision(inst: DriverInstance, provisioners: ProvisionerName[], opts: { call: string }): Promise<void> {
    return this.mutate('provision', inst.name, opts.call, { provisioners: [...provisioners] }, () => {
      const vm = this.vm(inst.name);
      // As vagrant-libvirt: provisioning a machine that is not running does nothing.
      if (!vm.running) return;
      this.runProvisioners(vm, inst, provisioners);
    });
  }
  reload(inst: DriverInstance, provisioners: ProvisionerName[], opts: { call: string }): Promise<void> {
    return this.mutate('reload', inst.name, opts.call, { provisioners: [...provisioners] }, () => {
      const vm = this.vm(inst.name);
      vm.memory = inst.spec.memory;
      vm.cpus = inst.spec.cpus;
      vm.running = true;
      this.runProvisioners(vm, inst, provisioners);
    });
  }
  halt(inst: DriverInstance, opts: { call: string }): Promise<void> {
    return this.mutate('halt', inst.name, opts.call, {}, () => {
      const vm = this.world.vms.get(inst.name);
      if (vm) vm.running = false;
    });
  }
  destroy(inst: DriverInstance, opts: { call: string }): Promise<void> {
    return this.mutate('destroy', inst.name, opts.call, {}, () => {
      this.world.vms.delete(inst.name);
    });
  }
  growStateDisk(inst: DriverInstance, opts: { call: string }): Promise<void> {
    return this.mutate('grow', inst.name, opts.call, {}, () => {
      if (this.world.vms.get(inst.name)?.running) throw new Error(`${inst.name}: a disk grows only while its machine is off`);
      if (inst.spec.state) this.world.disks.set(inst.name, inst.spec.state.disk);
    });
  }
  deleteStateDisk(inst: DriverInstance, opts: { call: string }): Promise<void> {
    return this.mutate('delete-disk', inst.name, opts.call, {}, () => {
      if (this.world.disks.delete(inst.name)) this.deletedDisks.push(inst.name);
    });
  }
  async inspect(_service: ServiceSpec, instances: DriverInstance[]): Promise<Record<string, ObservedInstance>> {
    const out: Record<string, ObservedInstance> = {};
    for (const inst of instances) {
      const vm = this.world.vms.get(inst.name);
      if (!vm) {
        out[inst.name] = { state: 'not_created' };
        continue;
      }
      out[inst.name] = {
        state: vm.running ? 'running' : 'stopped',
        box: { name: 'svcplan/debian-12', version: vm.image },
        memory: vm.memory,
        cpus: vm.cpus,
        ...(vm.running
          ? {
              guest: {
                features: vm.features,
                settingsMatch: JSON.stringify(vm.settings) === JSON.stringify(inst.spec.settings),
                apps: vm.apps,
                stateDisk: this.world.disks.has(inst.name),
              },
            }
          : {}),
      };
    }
    return out;
  }
  async waitForSsh(inst: DriverInstance): Promise<boolean> {
    return this.world.vms.get(inst.name)?.running ?? false;
  }
  async health(inst: DriverInstance, check: HealthCheck): Promise<boolean> {
    const start = this.now();
    const ok = this.opts.healthy ? await this.opts.healthy(inst.name, check.signal) : !!this.world.vms.get(inst.name)?.running;
    this.calls.push({ op: 'health', name: inst.name, start, end: this.now() });
    return ok;
  }

  /** The mutating calls as `op name[ provisioners]`, in the order they started. */
  ops(): string[] {
    return this.calls
      .filter((c) => c.op !== 'health')
      .map((c) => `${c.op} ${c.name}${c.provisioners && c.provisioners.length > 0 ? ' ' + c.provisioners.join(',') : ''}`);
  }

  private runProvisioners(vm: Vm, inst: DriverInstance, names: string[]): void {
    for (const name of names) {
      if (name === 'settings') vm.settings = { ...inst.spec.settings };
      else if (name === 'features') vm.features = [...inst.spec.features];
      else if (name === 'save-state') {
        if (vm.replacement && vm.restores === 0) this.world.unsafeSaves.push(`${inst.name} (${vm.id})`);
        vm.saves++;
      } else if (name === 'restore-state') vm.restores++;
      else if (name.startsWith('app-')) {
        const app = name.slice(4);
        const def = inst.spec.apps[app];
        if (def) vm.apps[app] = def.version;
        else delete vm.apps[app];
      }
    }
  }

  private vm(name: string): Vm {
    const vm = this.world.vms.get(name);
    if (!vm) throw new Error(`${name} is not created`);
    return vm;
  }

  private now(): number {
    return Date.now() - this.t0;
  }

  private async mutate(op: Op, name: string, call: string, extra: Partial<Call>, effect: () => void): Promise<void> {
    const k = ++this.mutating;
    const kill = this.opts.killAt?.step === k ? this.opts.killAt.when : undefined;
    if (kill === 'before') throw new RunInterruptedError(`killed before step ${k} (${op} ${name})`);
    const start = this.now();
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.opts.delayMs) await new Promise((r) => setTimeout(r, this.opts.delayMs));
      const failure = this.opts.failOn?.(op, name, extra.provisioners);
      if (failure) {
        this.world.receipts.set(call, 'failed');
        throw new Error(failure);
      }
      effect();
      this.world.receipts.set(call, 'succeeded');
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

export function tier(
  name: string,
  over: {
    count?: number;
    order?: number;
    domains?: number;
    maxParallel?: number;
    autoRollback?: boolean;
    pause?: number;
    health?: Partial<TierSpec['health']>;
    instance?: Partial<InstanceSpec>;
  } = {},
): TierSpec {
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
