// A run killed at any moment is finished by the next apply: same final state as a run that was
// never interrupted, no finished step done twice, no state disk lost.
import { applyPlan } from '../../src/apply/executor.js';
import { RunInterruptedError } from '../../src/apply/types.js';
import type { ServiceRecord } from '../../src/model/types.js';
import { MemoryStateStore } from '../../src/state/index.js';
import type { StateStore } from '../../src/state/store.js';
import { DriverDouble, REV, cloneWorld, planFrom, service, tier, type World } from './support.js';

const disk = { state: { disk: 10, onScaleIn: 'retain' as const } };
const v1 = service('shop', [
  tier('db', { order: 1, count: 2, instance: { ...disk } }),
  tier('web', { order: 2, count: 4, domains: 2, instance: { ...disk } }),
  tier('cache', { order: 3, count: 2 }),
]);
// db: restart ×2; web: replace ×3 and destroy web-4 (disk kept); cache: refresh ×2, create cache-3.
const v2 = service('shop', [
  tier('db', { order: 1, count: 2, instance: { ...disk, memory: 2048 } }),
  tier('web', { order: 2, count: 3, domains: 2, instance: { ...disk, image: { box: 'svcplan/debian-12', version: '12.8.0' } } }),
  tier('cache', { order: 3, count: 3, instance: { settings: { TTL: '60' } } }),
], { release: '2' });

/** A store that dies before its k-th write, like a process killed between two steps. */
class DyingStore extends MemoryStateStore {
  constructor(base: MemoryStateStore, private readonly dieAt: number, private seen = 0) {
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
    instances: record.instances.map((i) => ({ name: i.name, spec: i.spec, status: i.status, pendingSpec: i.pendingSpec })),
    retained: record.retainedDisks.map((d) => `${d.instance}:${d.sizeGiB}`),
  };
}

function worldEssence(world: World) {
  return { vms: Object.fromEntries([...world.vms].sort()), disks: Object.fromEntries([...world.disks].sort()) };
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
    expect(reference.ops).toEqual([
      'restart shop-db-1', 'restart shop-db-2',
      'replace shop-web-1', 'replace shop-web-3', 'replace shop-web-2', 'destroy shop-web-4',
      'refresh shop-cache-1', 'refresh shop-cache-2', 'create shop-cache-3',
    ]);
  });

  async function resume(store: MemoryStateStore, world: World): Promise<DriverDouble> {
    const driver = new DriverDouble({ world });
    const report = await applyPlan({ plan: await planFrom(store, [v2]), store, driver, owner: 'resumer', revision: REV });
    expect(report.ok).toBe(true);
    expect(essence((await store.readService('shop'))!)).toEqual(essence(reference.record));
    expect(worldEssence(world)).toEqual(worldEssence(reference.world));
    expect(driver.deletedDisks).toEqual([]);
    // The run after a resume plans nothing more.
    expect((await planFrom(store, [v2])).document.services).toEqual([]);
    return driver;
  }

  for (const when of ['before', 'after'] as const) {
    it(`finishes the work when the driver dies ${when} each step, redoing only the interrupted one`, async () => {
      for (let k = 1; k <= 9; k++) {
        const store = await copyOf(start.store);
        const world = cloneWorld(start.world);
        const dying = new DriverDouble({ world, killAt: { step: k, when } });
        await expect(applyPlan({ plan: await planFrom(store, [v2]), store, driver: dying, owner: 'killed', revision: REV })).rejects.toBeInstanceOf(RunInterruptedError);
        const recorded = (await store.readService('shop'))!;
        expect(recorded.history.at(-1)!.result).toBe('in-progress');
        const resumed = await resume(store, world);
        // Steps 1..k-1 finished and were recorded: never again. Step k (started, unrecorded) is redone.
        expect(resumed.ops()).toEqual(reference.ops.slice(k - 1));
        const history = (await store.readService('shop'))!.history;
        expect(history.map((d) => d.result)).toEqual(['succeeded', 'failed', 'succeeded']);
        expect(history[1].message).toMatch(/interrupted/);
      }
    });
  }

  it('finishes the work when the run dies before any state write', async () => {
    // Marks asked for together share a write: at least 1 start + 1 per step + 1 finish, at most 2 per step.
    expect(reference.writes).toBeGreaterThanOrEqual(2 + 9);
    expect(reference.writes).toBeLessThanOrEqual(2 + 2 * 9);
    for (let k = 1; k <= reference.writes; k++) {
      const store = await copyOf(start.store);
      const world = cloneWorld(start.world);
      const dying = new DyingStore(store, k);
      const driver = new DriverDouble({ world });
      await expect(applyPlan({ plan: await planFrom(dying, [v2]), store: dying, driver, owner: 'killed', revision: REV })).rejects.toBeInstanceOf(RunInterruptedError);
      const done = driver.ops();
      // Writes may carry several steps' marks at once: count the "done" marks that landed.
      const recordedDone = dying.writes.flatMap((w) => w.message.split('\n')).filter((m) => / done \(deployment/.test(m)).length;
      const resumed = await resume(store, world);
      // A step whose "done" write was lost runs once more; nothing finished and recorded does.
      expect(resumed.ops()).toEqual(reference.ops.slice(recordedDone));
      expect(done.length - recordedDone).toBeLessThanOrEqual(1);
    }
  });
});
