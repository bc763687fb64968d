// What happens under a service's lease: the plan is made again from the record read there (a
// plan made before another apply changed the service is never run as it was), the lease is kept
// renewed through long calls, and losing it stops the run before it records anything more.
import { applyPlan } from '../../src/apply/executor.js';
import { RunInterruptedError, type ProgressEvent } from '../../src/apply/types.js';
import { exitCodeOf } from '../../src/cli/commands/apply.js';
import { MemoryStateStore } from '../../src/state/index.js';
import { DriverDouble, REV, planFrom, service, tier } from './support.js';

const owner = 'test-run';
const disk = { state: { disk: 10, onScaleIn: 'retain' as const } };

async function deployed(count: number, memory = 512) {
  const store = new MemoryStateStore();
  const driver = new DriverDouble();
  const report = await applyPlan({
    plan: await planFrom(store, [service('shop', [tier('web', { count, instance: { ...disk, memory } })])]),
    store,
    driver,
    owner,
    revision: REV,
  });
  expect(report.ok).toBe(true);
  return { store, world: driver.world };
}

describe('under the lease', () => {
  it('a plan made before another apply changed the service is planned again, not run as it was', async () => {
    const { store, world } = await deployed(3);
    const v2 = [service('shop', [tier('web', { count: 2, instance: { ...disk, memory: 1024 } })])];
    // Two runs plan the same change; the second (think `apply --service shop`) goes first.
    const queued = await planFrom(store, v2);
    const meanwhile = await planFrom(store, v2);
    expect((await applyPlan({ plan: meanwhile, store, driver: new DriverDouble({ world }), owner: 'other', revision: REV })).ok).toBe(true);

    const late = new DriverDouble({ world });
    const events: ProgressEvent[] = [];
    const report = await applyPlan({ plan: queued, store, driver: late, owner, revision: REV, onProgress: (e) => events.push(e) });
    expect(report.ok).toBe(true);
    expect(report.services[0].result).toBe('unchanged');
    expect(late.ops()).toEqual([]);
    expect(events.find((e) => e.kind === 'replanned')).toMatchObject({ message: expect.stringMatching(/nothing left to do/) });
    const record = (await store.readService('shop'))!;
    expect(record.instances.map((i) => `${i.name}:${i.status}:${i.spec.memory}`)).toEqual(['shop-web-1:ready:1024', 'shop-web-2:ready:1024']);
    expect(record.history.map((d) => d.result)).toEqual(['succeeded', 'succeeded']);
    // Nothing stuck: status, plan and apply all work from this record.
    expect((await planFrom(store, v2)).document.services).toEqual([]);
  });

  it('planned again, the steps are those the record now needs, and nothing is written without a spec', async () => {
    const { store, world } = await deployed(3);
    const v2 = [service('shop', [tier('web', { count: 2, instance: { ...disk, memory: 1024 } })])];
    const stale = await planFrom(store, v2); // restart 1, 2; destroy 3
    // Meanwhile another apply scaled in to one and changed the memory.
    const other = [service('shop', [tier('web', { count: 1, instance: { ...disk, memory: 2048 } })])];
    await applyPlan({ plan: await planFrom(store, other), store, driver: new DriverDouble({ world }), owner: 'other', revision: REV });

    const driver = new DriverDouble({ world });
    const events: ProgressEvent[] = [];
    const report = await applyPlan({ plan: stale, store, driver, owner, revision: REV, onProgress: (e) => events.push(e) });
    expect(report.ok).toBe(true);
    expect(events.some((e) => e.kind === 'replanned' && /planned again from the record/.test(e.message))).toBe(true);
    // web-3 is gone already: no destroy of it; web-2 is created again (its disk reattached); web-1 restarted.
    expect(driver.ops()).toEqual(['reload shop-web-1', 'up shop-web-2 all']);
    const record = (await store.readService('shop'))!;
    expect(record.instances.map((i) => `${i.name}:${i.status}:${i.spec.memory}`)).toEqual(['shop-web-1:ready:1024', 'shop-web-2:ready:1024']);
    expect(record.instances.every((i) => i.spec && i.tier && i.index >= 1)).toBe(true);
    expect(record.retainedDisks.map((d) => d.instance)).toEqual(['shop-web-3']);
  });

  it('a plan the record no longer allows is refused under the lease, exit 2, nothing changed', async () => {
    const { store, world } = await deployed(2);
    const v2 = [service('shop', [tier('web', { count: 2, instance: { state: { disk: 20, onScaleIn: 'retain' } } })])];
    const stale = await planFrom(store, v2);
    // Meanwhile the disk grew to 30 GiB: 20 would now shrink it.
    await applyPlan({
      plan: await planFrom(store, [service('shop', [tier('web', { count: 2, instance: { state: { disk: 30, onScaleIn: 'retain' } } })])]),
      store,
      driver: new DriverDouble({ world }),
      owner: 'other',
      revision: REV,
    });
    const writes = store.writes.length;
    const driver = new DriverDouble({ world });
    const report = await applyPlan({ plan: stale, store, driver, owner, revision: REV });
    expect(report.services[0].result).toBe('refused');
    expect(report.services[0].error).toMatch(/no longer allows the plan: .*shrinks its state disk from 30 GiB to 20 GiB.*nothing was changed/);
    expect(exitCodeOf(report)).toBe(2);
    expect(driver.ops()).toEqual([]);
    expect(store.writes.length).toBe(writes);
  });

  it('the lease is kept renewed through calls longer than it lasts', async () => {
    const store = new MemoryStateStore();
    const renew = store.renewLease.bind(store);
    let renewals = 0;
    store.renewLease = (lease, ttl) => {
      renewals++;
      return renew(lease, ttl);
    };
    const driver = new DriverDouble({ delayMs: 250 });
    const report = await applyPlan({
      plan: await planFrom(store, [service('shop', [tier('web', { count: 2 })])]),
      store,
      driver,
      owner,
      revision: REV,
      leaseTtlSeconds: 0.3,
    });
    expect(report.ok).toBe(true);
    expect(renewals).toBeGreaterThanOrEqual(3);
  });

  it('a lease taken over by another run stops this one before it records anything more', async () => {
    const store = new MemoryStateStore();
    let stolen = false;
    const driver = new DriverDouble({
      delayMs: 200,
      failOn: () => {
        if (!stolen) {
          stolen = true;
          store.setLease({ service: 'shop', owner: 'intruder', expiresAt: new Date(Date.now() + 60_000).toISOString() });
        }
        return undefined;
      },
    });
    const run = applyPlan({
      plan: await planFrom(store, [service('shop', [tier('web', { count: 3, maxParallel: 1 })])]),
      store,
      driver,
      owner,
      revision: REV,
      leaseTtlSeconds: 0.15,
    });
    await expect(run).rejects.toThrow(RunInterruptedError);
    await expect(run).rejects.toThrow(/lease on service shop .* taken over by intruder/);
    // Found out at the next renewal (a third of the lease): a call already under way ends, no other starts.
    expect(driver.ops().length).toBeLessThanOrEqual(2);
    expect(driver.ops()).not.toContain('up shop-web-3 all');
    // The intruder's lease is left alone.
    expect((store as unknown as { leases: Map<string, { owner: string }> }).leases.get('shop')?.owner).toBe('intruder');
  });
});
