// The boxes a rollout makes machines from are asked for before any machine is touched, and a box
// that cannot be had fails the service there, with nothing changed and nothing recorded.
import { applyPlan } from '../../src/apply/executor.js';
import { MemoryStateStore } from '../../src/state/index.js';
import { DriverDouble, REV, planFrom, service, tier } from './support.js';

const owner = 'test-run';
const v1 = { image: { box: 'svcplan/debian-12', version: '12.7.1' } };
const v2 = { image: { box: 'svcplan/debian-13', version: '13.0.0' } };

/** The boxes a run asked for, each once, all of them before its first call. */
function boxesAsked(driver: DriverDouble): { service: string; boxes: unknown[] }[] {
  expect(driver.boxRequests.every((r) => r.afterCalls === 0)).toBe(true);
  const seen = new Map(driver.boxRequests.map((r) => [JSON.stringify(r.boxes), { service: r.service, boxes: r.boxes }]));
  return [...seen.values()];
}

test('the boxes of created and replaced machines are asked for before the first call', async () => {
  const store = new MemoryStateStore();
  const driver = new DriverDouble();
  await applyPlan({
    plan: await planFrom(store, [service('shop', [tier('db', { count: 2, instance: v1 }), tier('web', { count: 1, order: 2, instance: v1 })])]),
    store,
    driver,
    owner,
    revision: REV,
  });
  expect(boxesAsked(driver)).toEqual([{ service: 'shop', boxes: [{ name: 'svcplan/debian-12', version: '12.7.1', provider: 'libvirt' }] }]);

  // An image change replaces db; web only gets more memory (a restart needs no box).
  const next = new DriverDouble({ world: driver.world });
  const changed = [service('shop', [tier('db', { count: 2, instance: v2 }), tier('web', { count: 1, order: 2, instance: { ...v1, memory: 1024 } })])];
  const report = await applyPlan({ plan: await planFrom(store, changed, 'b'.repeat(40)), store, driver: next, owner, revision: REV });
  expect(report.ok).toBe(true);
  expect(boxesAsked(next)).toEqual([{ service: 'shop', boxes: [{ name: 'svcplan/debian-13', version: '13.0.0', provider: 'libvirt' }] }]);
});

test('a box that cannot be had fails the service before any machine is touched', async () => {
  const store = new MemoryStateStore();
  const driver = new DriverDouble();
  await applyPlan({ plan: await planFrom(store, [service('shop', [tier('db', { count: 2, instance: v1 })])]), store, driver, owner, revision: REV });
  const before = JSON.stringify(await store.readService('shop'));

  const next = new DriverDouble({ world: driver.world, missingBoxes: ['svcplan/debian-13'] });
  const report = await applyPlan({
    plan: await planFrom(store, [service('shop', [tier('db', { count: 2, instance: v2 })])], 'b'.repeat(40)),
    store,
    driver: next,
    owner,
    revision: REV,
  });
  expect(report.ok).toBe(false);
  expect(report.services[0]).toMatchObject({
    service: 'shop',
    result: 'failed',
    error: expect.stringContaining('box svcplan/debian-13 13.0.0 (libvirt) cannot be had'),
  });
  expect(report.services[0].instances.map((i) => i.outcome)).toEqual(['not-started', 'not-started']);
  expect(next.calls).toEqual([]);
  // Nothing recorded: the next apply plans the same replace.
  expect(JSON.stringify(await store.readService('shop'))).toBe(before);
  expect((await store.readService('shop'))!.instances.every((i) => i.status === 'ready' && !i.step)).toBe(true);
});

test('a box one service cannot have stops every service of the apply before any machine is touched', async () => {
  const store = new MemoryStateStore();
  const driver = new DriverDouble({ missingBoxes: ['svcplan/debian-13'] });
  const plan = await planFrom(store, [service('cart', [tier('db', { count: 1, instance: v1 })]), service('shop', [tier('db', { count: 2, instance: v2 })])]);
  const report = await applyPlan({ plan, store, driver, owner, revision: REV });
  expect(report.ok).toBe(false);
  expect(driver.calls).toEqual([]);
  expect(report.services.map((s) => [s.service, s.result])).toEqual([
    ['cart', 'failed'],
    ['shop', 'failed'],
  ]);
  for (const s of report.services) {
    expect(s.error).toContain('box svcplan/debian-13 13.0.0 (libvirt) cannot be had');
    expect(s.instances.every((i) => i.outcome === 'not-started')).toBe(true);
  }
  // Nothing recorded, no lease left behind: the next apply plans the same.
  expect(await store.readService('cart')).toBeUndefined();
  expect(await store.readService('shop')).toBeUndefined();
});
