// Given VMs changed behind svcplan's back, drift says what differs, recorded → observed, with
// the action that repairs it; a repair plan and apply bring them back through the normal engine;
// import adopts machines that were there before svcplan.
import { applyPlan } from '../../src/apply/executor.js';
import { checkDrift, driftExitCode } from '../../src/drift/check.js';
import { ImportRefused, importService } from '../../src/drift/import.js';
import { observedRecord, observedState } from '../../src/drift/repair.js';
import { renderDriftMarkdown, renderDriftText } from '../../src/render/drift.js';
import { MemoryStateStore } from '../../src/state/index.js';
import { DriverDouble, REV, planFrom, service, tier } from '../apply/support.js';

const owner = 'test';
const disk = { state: { disk: 5, onScaleIn: 'retain' as const } };
const shop = service('shop', [
  tier('web', { count: 4, domains: 2, instance: { ...disk, apps: { shop: { version: '1.0' } }, settings: { MODE: 'a' }, features: ['nginx'] } }),
]);

async function deployed() {
  const store = new MemoryStateStore();
  const driver = new DriverDouble();
  expect((await applyPlan({ plan: await planFrom(store, [shop]), store, driver, owner, revision: REV })).ok).toBe(true);
  return { store, world: driver.world };
}

describe('svcplan drift', () => {
  it('reports each difference with its path, values and repair, grouped across instances, and exits 2', async () => {
    const { store, world } = await deployed();
    world.vms.get('shop-web-1')!.memory = 2048; // resized behind svcplan's back
    world.vms.get('shop-web-2')!.apps.shop = '9.9'; // an app changed in the guest
    world.vms.get('shop-web-4')!.apps.shop = '9.9';
    world.vms.get('shop-web-3')!.running = false; // halted
    const report = await checkDrift({ recorded: await store.read(), store, driver: new DriverDouble({ world }) });
    expect(driftExitCode(report)).toBe(2);
    const s = report.services[0];
    expect(s.status).toBe('drifted');
    expect(s.checked).toBe(4);
    expect(s.groups).toEqual([
      { path: 'memory', recorded: 512, observed: 2048, action: 'restart', instances: ['shop-web-1'] },
      { path: 'apps.shop.version', recorded: '1.0', observed: '9.9', action: 'refresh', instances: ['shop-web-2', 'shop-web-4'] },
      { path: 'machine', recorded: 'running', observed: 'stopped', action: 'restart', instances: ['shop-web-3'] },
    ]);
    expect(report.summary).toEqual({ services: 1, drifted_services: 1, instances: 4, drifted_instances: 4 });
    expect(renderDriftText(report)).toMatch(/refresh  apps\.shop\.version: 1\.0 → 9\.9  \[shop-web-2, shop-web-4\]/);
    expect(renderDriftMarkdown(report, { service: 'shop' })).toMatch(/^<!-- svcplan:drift shop -->\n### svcplan drift of shop/);

    // A machine destroyed behind svcplan's back is one to create again.
    world.vms.delete('shop-web-3');
    const again = await checkDrift({ recorded: await store.read(), store, driver: new DriverDouble({ world }) });
    expect(again.services[0].groups.find((g) => g.path === 'machine')).toEqual({
      path: 'machine',
      recorded: 'created',
      observed: 'not created',
      action: 'create',
      instances: ['shop-web-3'],
    });
  });

  it('is clean, exit 0, when the machines are as recorded; a service being applied is not drift', async () => {
    const { store, world } = await deployed();
    const clean = await checkDrift({ recorded: await store.read(), store, driver: new DriverDouble({ world }) });
    expect(driftExitCode(clean)).toBe(0);
    expect(clean.services[0]).toMatchObject({ status: 'clean', checked: 4, instances: [], groups: [] });

    world.vms.get('shop-web-1')!.memory = 4096;
    store.setLease({ service: 'shop', owner: 'alice@ci pid 7', expiresAt: new Date(Date.now() + 60_000).toISOString() });
    const busy = await checkDrift({ recorded: await store.read(), store, driver: new DriverDouble({ world }) });
    expect(busy.services[0]).toMatchObject({ status: 'being-applied', lease: { owner: 'alice@ci pid 7' } });
    expect(driftExitCode(busy)).toBe(0);
  });

  it('plan --repair shows the repair as ordinary steps; apply --repair makes it, and drift is clean after', async () => {
    const { store, world } = await deployed();
    world.vms.get('shop-web-1')!.memory = 2048;
    world.vms.get('shop-web-2')!.apps.shop = '9.9';
    world.vms.get('shop-web-3')!.running = false;
    world.vms.delete('shop-web-4');
    const observed = await observedState({ recorded: await store.read(), driver: new DriverDouble({ world }) });
    expect(observed.unrepaired).toEqual([]);
    const repairStore = new MemoryStateStore(observed.recorded);
    const plan = await planFrom(repairStore, [shop]);
    const actions = Object.fromEntries(plan.document.services[0].tiers[0].domains.flatMap((d) => d.instances).map((i) => [i.name, i.action]));
    expect(actions).toEqual({ 'shop-web-1': 'restart', 'shop-web-2': 'refresh', 'shop-web-3': 'refresh', 'shop-web-4': 'create' });

    const driver = new DriverDouble({ world });
    const report = await applyPlan({ plan, store, driver, owner, revision: REV, reconcile: async (record) => (await observedRecord(driver, record)).record });
    expect(report.ok).toBe(true);
    expect(world.disks.get('shop-web-4')).toBe(5); // created again on its kept state disk
    const after = await checkDrift({ recorded: await store.read(), store, driver: new DriverDouble({ world }) });
    expect(driftExitCode(after)).toBe(0);
    expect((await store.readService('shop'))!.history.map((d) => d.result)).toEqual(['succeeded', 'succeeded']);
  });
});

describe('svcplan import', () => {
  it('adopts machines that are what the templates say, and the next plan is empty', async () => {
    const { world } = await deployed(); // machines made outside svcplan's record
    const store = new MemoryStateStore();
    const driver = new DriverDouble({ world });
    const result = await importService({ desired: shop, store, driver, owner, revision: REV, machineDir: '/repo/.svcplan/vagrant/shop' });
    expect(result.imported).toEqual(['shop-web-1', 'shop-web-2', 'shop-web-3', 'shop-web-4']);
    expect((await store.readService('shop'))!.history).toMatchObject([{ id: 1, kind: 'import', result: 'succeeded' }]);
    expect((await planFrom(store, [shop])).document.services).toEqual([]);
  });

  it('refuses machines that differ from the templates, says what and how, and records nothing', async () => {
    const { world } = await deployed();
    world.vms.get('shop-web-2')!.memory = 1024;
    world.vms.delete('shop-web-4');
    const store = new MemoryStateStore();
    const run = importService({ desired: shop, store, driver: new DriverDouble({ world }), owner, revision: REV, machineDir: '/repo/.svcplan/vagrant/shop' });
    await expect(run).rejects.toBeInstanceOf(ImportRefused);
    await expect(run).rejects.toThrow(
      /shop-web-2: memory: the templates say 512, the machine has 1024[\s\S]*Nothing was recorded\. Make the template and service files say what the machines are/,
    );
    expect(await store.readService('shop')).toBeUndefined();
  });
});
