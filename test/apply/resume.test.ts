// A run killed at any moment is finished by the next apply: same final state as a run that was
// never interrupted, no call that is known to have finished run again, no health gate skipped,
// save-state never on a VM whose app state was not restored into it, restore-state once per new VM.
import { applyPlan } from '../../src/apply/executor.js';
import { RunInterruptedError } from '../../src/apply/types.js';
import type { ServiceRecord } from '../../src/model/types.js';
import { MemoryStateStore } from '../../src/state/index.js';
import type { StateStore } from '../../src/state/store.js';
import { DriverDouble, REV, cloneWorld, planFrom, service, tier, type World } from './support.js';

const hooks = { state: { disk: 10, save: 'apps/save.sh', restore: 'apps/restore.sh', onScaleIn: 'retain' as const } };
const disk = { state: { disk: 10, onScaleIn: 'retain' as const } };
const v1 = service('shop', [
  tier('db', { order: 1, count: 2, instance: { ...disk } }),
  tier('web', { order: 2, count: 4, domains: 2, instance: { ...hooks } }),
  tier('cache', { order: 3, count: 2 }),
]);
// db: restart ×2; web: replace ×3 with save/restore and destroy web-4 (disk kept); cache: refresh ×2, create cache-3.
const newImage = { box: 'svcplan/debian-12', version: '12.8.0' };
const v2 = service(
  'shop',
  [
    tier('db', { order: 1, count: 2, instance: { ...disk, memory: 2048 } }),
    tier('web', { order: 2, count: 3, domains: 2, instance: { ...hooks, image: newImage } }),
    tier('cache', { order: 3, count: 3, instance: { settings: { TTL: '60' } } }),
  ],
  { release: '2' },
);

/** A store that dies before its k-th write, like a process killed between two steps. */
class DyingStore extends MemoryStateStore {
  constructor(
    base: MemoryStateStore,
    private readonly dieAt: number,
    private seen = 0,
  ) {
    super({});
    Object.assign(this, { records: (base as unknown as { records: Map<string, string> }).records });
  }
  override async writeService(record: ServiceRecord, message: string): Promise<void> {
    if (++this.seen === this.dieAt) throw new RunInterruptedError(`killed before write ${this.dieAt}`);
    return super.writeService(record, message);
  }
}

async function baseline(): Promise<{ store: MemoryStateStore; world: World }> {
  const store = new MemoryStateStore();
  const driver = new DriverDouble();
  const report = await applyPlan({ plan: await planFrom(store, [v1]), store, driver, owner: 'setup', revision: REV });
  expect(report.ok).toBe(true);
  return { store, world: driver.world };
}

async function copyOf(store: StateStore): Promise<MemoryStateStore> {
  return new MemoryStateStore(await store.read());
}

/** What must be the same however the run went: instances, disks, what the record says. */
function essence(record: ServiceRecord) {
  return {
    spec: record.spec,
    revision: record.revision,
    instances: record.instances.map((i) => ({ name: i.name, spec: i.spec, status: i.status, step: i.step })),
    retained: record.retainedDisks.map((d) => `${d.instance}:${d.sizeGiB}`),
    rollout: record.rollout,
  };
}

function worldEssence(world: World) {
  const vms = [...world.vms]
    .sort()
    .map(([name, vm]) => [name, { image: vm.image, memory: vm.memory, settings: vm.settings, apps: vm.apps, running: vm.running }]);
  return { vms: Object.fromEntries(vms), disks: Object.fromEntries([...world.disks].sort()) };
}

/** App state is never touched twice or on the wrong VM. */
function appStateSafe(world: World): void {
  expect(world.unsafeSaves).toEqual([]);
  for (const [name, vm] of world.vms) {
    if (vm.replacement) expect(`${name}: ${vm.restores} restore(s)`).toBe(`${name}: 1 restore(s)`);
    expect(vm.saves).toBeLessThanOrEqual(1);
  }
}

describe('resuming a killed apply', () => {
  let reference: { record: ServiceRecord; world: World; ops: string[]; writes: number };
  let start: { store: MemoryStateStore; world: World };

  beforeAll(async () => {
    start = await baseline();
    const store = await copyOf(start.store);
    const driver = new DriverDouble({ world: cloneWorld(start.world) });
    const report = await applyPlan({ plan: await planFrom(store, [v2]), store, driver, owner: 'reference', revision: REV });
    expect(report.ok).toBe(true);
    reference = { record: (await store.readService('shop'))!, world: driver.world, ops: driver.ops(), writes: store.writes.length };
    const replace = (n: string) => [`provision ${n} save-state`, `halt ${n}`, `destroy ${n}`, `up ${n} all`, `provision ${n} restore-state`];
    expect(reference.ops).toEqual([
      'reload shop-db-1',
      'reload shop-db-2',
      ...replace('shop-web-1'),
      ...replace('shop-web-3'),
      ...replace('shop-web-2'),
      'destroy shop-web-4',
      'provision shop-cache-1 settings',
      'provision shop-cache-2 settings',
      'up shop-cache-3 all',
    ]);
    appStateSafe(reference.world);
  });

  async function resume(store: MemoryStateStore, world: World): Promise<DriverDouble> {
    const driver = new DriverDouble({ world });
    const report = await applyPlan({ plan: await planFrom(store, [v2]), store, driver, owner: 'resumer', revision: REV });
    expect(report.ok).toBe(true);
    expect(essence((await store.readService('shop'))!)).toEqual(essence(reference.record));
    expect(worldEssence(world)).toEqual(worldEssence(reference.world));
    expect(driver.deletedDisks).toEqual([]);
    appStateSafe(world);
    // The run after a resume plans nothing more.
    expect((await planFrom(store, [v2])).document.services).toEqual([]);
    return driver;
  }

  for (const when of ['before', 'after'] as const) {
    it(`finishes the work when the run dies ${when} each call, running only the calls not known to have finished`, async () => {
      for (let k = 1; k <= reference.ops.length; k++) {
        const store = await copyOf(start.store);
        const world = cloneWorld(start.world);
        const dying = new DriverDouble({ world, killAt: { step: k, when } });
        await expect(applyPlan({ plan: await planFrom(store, [v2]), store, driver: dying, owner: 'killed', revision: REV })).rejects.toBeInstanceOf(
          RunInterruptedError,
        );
        const recorded = (await store.readService('shop'))!;
        expect(recorded.history.at(-1)!.result).toBe('in-progress');
        const resumed = await resume(store, world);
        // Calls 1..k-1 finished; call k finished too when the run died after it (its receipt says so).
        expect(resumed.ops()).toEqual(reference.ops.slice(when === 'after' ? k : k - 1));
        const history = (await store.readService('shop'))!.history;
        expect(history.map((d) => d.result)).toEqual(['succeeded', 'failed', 'succeeded']);
        expect(history[1].message).toMatch(/interrupted before it finished; resumed by deployment 3/);
      }
    });
  }

  it('finishes the work when the run dies before any state write, without running a finished call again', async () => {
    for (let k = 1; k <= reference.writes; k++) {
      const store = await copyOf(start.store);
      const world = cloneWorld(start.world);
      const dying = new DyingStore(store, k);
      const driver = new DriverDouble({ world });
      await expect(applyPlan({ plan: await planFrom(dying, [v2]), store: dying, driver, owner: 'killed', revision: REV })).rejects.toBeInstanceOf(
        RunInterruptedError,
      );
      const done = driver.ops();
      const resumed = await resume(store, world);
      // A call starts only once its phase is written; one whose end was not written has a receipt.
      expect([...done, ...resumed.ops()]).toEqual(reference.ops);
    }
  });

  it('never skips a gate: an instance unhealthy in the interrupted domain fails the resumed run', async () => {
    // Die right after each call of the web tier's first domain: its gate never ran.
    const firstDomain = reference.ops.findIndex((o) => o === 'provision shop-web-3 restore-state') + 1;
    for (let k = reference.ops.indexOf('reload shop-db-2') + 2; k <= firstDomain; k++) {
      const store = await copyOf(start.store);
      const world = cloneWorld(start.world);
      await expect(
        applyPlan({
          plan: await planFrom(store, [v2]),
          store,
          driver: new DriverDouble({ world, killAt: { step: k, when: 'after' } }),
          owner: 'killed',
          revision: REV,
        }),
      ).rejects.toBeInstanceOf(RunInterruptedError);
      const sick = new DriverDouble({ world, healthy: (name) => name !== 'shop-web-1' });
      const report = await applyPlan({ plan: await planFrom(store, [v2]), store, driver: sick, owner: 'resumer', revision: REV });
      expect({ k, ok: report.ok, error: report.services[0].error }).toMatchObject({
        k,
        ok: false,
        error: expect.stringMatching(/health gate of tier web, upgrade domain 0 failed: shop-web-1/),
      });
      // Nothing after the interrupted domain moved.
      expect(sick.ops().some((o) => /shop-web-2|shop-web-4|shop-cache/.test(o))).toBe(false);
      const web1 = (await store.readService('shop'))!.instances.find((i) => i.name === 'shop-web-1')!;
      expect(web1.status).toBe('failed');
      // Healed, the next run passes the gate and finishes.
      await resume(store, world);
    }
  });

  it('a replace left at any phase and then pointed at a newer image never saves from the unrestored VM', async () => {
    const v3 = service(
      'shop',
      [
        tier('db', { order: 1, count: 2, instance: { ...disk, memory: 2048 } }),
        tier('web', { order: 2, count: 3, domains: 2, instance: { ...hooks, image: { box: 'svcplan/debian-12', version: '12.9.0' } } }),
        tier('cache', { order: 3, count: 3, instance: { settings: { TTL: '60' } } }),
      ],
      { release: '3' },
    );
    const webCalls = reference.ops
      .map((o, i) => [o, i + 1] as const)
      .filter(([o]) => o.includes('shop-web-1'))
      .map(([, k]) => k);
    for (const k of webCalls) {
      for (const when of ['before', 'after'] as const) {
        const store = await copyOf(start.store);
        const world = cloneWorld(start.world);
        await expect(
          applyPlan({
            plan: await planFrom(store, [v2]),
            store,
            driver: new DriverDouble({ world, killAt: { step: k, when } }),
            owner: 'killed',
            revision: REV,
          }),
        ).rejects.toBeInstanceOf(RunInterruptedError);
        const driver = new DriverDouble({ world });
        const report = await applyPlan({ plan: await planFrom(store, [v3]), store, driver, owner: 'resumer', revision: REV });
        expect(report.ok).toBe(true);
        appStateSafe(world);
        expect([...world.vms].filter(([n]) => n.startsWith('shop-web')).map(([, vm]) => vm.image)).toEqual(['12.9.0', '12.9.0', '12.9.0']);
        expect(world.disks.size).toBe(4 + 2);
      }
    }
  });

  it('a destroy owed after a cut-off create is still run when the run that recorded it stopped before it began', async () => {
    // The run stops right before `up shop-cache-3`: its step is at creating, its call never began.
    const k = reference.ops.indexOf('up shop-cache-3 all') + 1;
    const store = await copyOf(start.store);
    const world = cloneWorld(start.world);
    const dying = new DriverDouble({ world, killAt: { step: k, when: 'before' } });
    await expect(applyPlan({ plan: await planFrom(store, [v2]), store, driver: dying, owner: 'killed', revision: REV })).rejects.toBeInstanceOf(
      RunInterruptedError,
    );
    // As a run leaves it that found that create cut off and recorded the destroy that clears up
    // after it, then stopped before the destroy began (no receipt).
    const record = (await store.readService('shop'))!;
    const cache3 = record.instances.find((i) => i.name === 'shop-cache-3')!;
    expect(cache3.step).toMatchObject({ action: 'create', phase: 'creating' });
    cache3.step!.call = { id: 'owed', op: 'destroy', then: 'creating' };
    await store.writeService(record, 'a destroy recorded, never begun');
    const resumed = await resume(store, world);
    expect(resumed.ops()).toEqual(['destroy shop-cache-3', 'up shop-cache-3 all']);
  });
});
