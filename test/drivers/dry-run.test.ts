// `svcplan apply --dry-run` with the Vagrant driver: each action lists the exact vagrant (and
// virsh) command lines, in the order a real apply runs them, and nothing is written or run.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDryRunDriver } from '../../src/apply/drivers/vagrant/driver.js';
import { RecordingRunner } from '../../src/apply/drivers/vagrant/runner.js';
import { VagrantDriver } from '../../src/apply/drivers/vagrant/driver.js';
import { instanceSpec, instancesOf, serviceSpec, tierSpec } from './support/specs.js';

const repo = mkdtempSync(join(tmpdir(), 'svcplan-dry-run-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));
mkdirSync(join(repo, 'apps'), { recursive: true });
for (const f of ['install.sh', 'save.sh', 'restore.sh']) writeFileSync(join(repo, 'apps', f), '#!/bin/sh\n');

const spec = instanceSpec({
  apps: { shop: { version: '1', install: 'apps/install.sh' } },
  state: { disk: 2, save: 'apps/save.sh', restore: 'apps/restore.sh', onScaleIn: 'retain' },
});
const service = serviceSpec('web', [tierSpec('app', spec)]);
const [first] = instancesOf(service);
const next = { ...first, spec: { ...spec, image: { box: 'test/tiny-v2', version: '1.0.0' } } };
const uri = process.env.LIBVIRT_DEFAULT_URI ?? 'qemu:///system';

async function recorded(act: (driver: VagrantDriver) => Promise<unknown>): Promise<string[]> {
  const { driver, recorder } = createDryRunDriver(repo);
  await driver.layout(service, instancesOf(service));
  await act(driver);
  return recorder.lines();
}

test('up: a new VM with every provisioner, a boot with none or the named ones', async () => {
  expect(await recorded((d) => d.up(first, { call: 'c', provision: 'all' }))).toEqual(['vagrant up web-app-1 --provider=libvirt --provision']);
  expect(await recorded((d) => d.up(first, { call: 'c', provision: 'all', keepOnError: true }))).toEqual([
    'vagrant up web-app-1 --provider=libvirt --no-destroy-on-error --provision',
  ]);
  expect(await recorded((d) => d.up(first, { call: 'c', provision: 'none' }))).toEqual(['vagrant up web-app-1 --provider=libvirt --no-provision']);
  expect(await recorded((d) => d.up(first, { call: 'c', provision: ['settings'] }))).toEqual([
    'vagrant up web-app-1 --provider=libvirt --provision --provision-with settings',
  ]);
});

test('provision runs only the named provisioners, with the uploads they need', async () => {
  expect(await recorded((d) => d.provision(first, ['settings', 'app-shop'], { call: 'c' }))).toEqual([
    'vagrant provision web-app-1 --provision-with settings,app-shop-script,app-shop',
  ]);
  expect(await recorded((d) => d.provision(first, ['app-gone'], { call: 'c' }))).toEqual(['vagrant provision web-app-1 --provision-with apps-prune']);
  expect(await recorded((d) => d.provision(first, [], { call: 'c' }))).toEqual([]);
});

test('the state hooks are provisioners that only run when named', async () => {
  expect(await recorded((d) => d.provision(first, ['save-state'], { call: 'c' }))).toEqual([
    'vagrant provision web-app-1 --provision-with save-state-script,save-state',
  ]);
  expect(await recorded((d) => d.provision(next, ['restore-state'], { call: 'c' }))).toEqual([
    'vagrant provision web-app-1 --provision-with restore-state-script,restore-state',
  ]);
});

test('reload with or without provisioners; halt; destroy', async () => {
  expect(await recorded((d) => d.reload(first, [], { call: 'c' }))).toEqual(['vagrant reload web-app-1 --no-provision']);
  expect(await recorded((d) => d.reload(first, ['features'], { call: 'c' }))).toEqual(['vagrant reload web-app-1 --provision-with features']);
  expect(await recorded((d) => d.halt(first, { call: 'c' }))).toEqual(['vagrant halt web-app-1']);
  expect(await recorded((d) => d.destroy(first, { call: 'c' }))).toEqual(['vagrant destroy -f web-app-1']);
});

test('the state disk grows and is deleted with virsh', async () => {
  expect(await recorded((d) => d.growStateDisk(first, { call: 'c' }))).toEqual([`virsh -c ${uri} vol-resize --pool default web-app-1-state.qcow2 2G`]);
  expect(await recorded((d) => d.deleteStateDisk(first, { call: 'c' }))).toEqual([`virsh -c ${uri} vol-delete --pool default web-app-1-state.qcow2`]);
});

test("observe reads the machines' states, and Vagrant's own record of their ids and boxes", async () => {
  const home = mkdtempSync(join(tmpdir(), 'svcplan-vagrant-home-'));
  const dir = join(repo, 'observe');
  mkdirSync(join(dir, 'apps'), { recursive: true });
  for (const f of ['install.sh', 'save.sh', 'restore.sh']) writeFileSync(join(dir, 'apps', f), '#!/bin/sh\n');
  const service2 = { ...service, name: 'obs' };
  const recorder = new RecordingRunner((c) =>
    c.args[0] === 'status'
      ? { exitCode: 0, stdout: '1,obs-app-1,state,running\n1,obs-app-2,state,not_created\n1,obs-app-3,state,shutoff\n', stderr: '' }
      : undefined,
  );
  const driver = new VagrantDriver({ repoDir: dir, runner: recorder, env: { VAGRANT_HOME: home } });
  const inst = instancesOf(service2);
  await driver.layout(service2, inst);
  const data = join(driver.vagrantDir('obs'), '.vagrant', 'machines', 'obs-app-1', 'libvirt');
  mkdirSync(data, { recursive: true });
  writeFileSync(join(data, 'id'), 'd7f1c2b0-0000-4000-8000-000000000001');
  writeFileSync(join(data, 'index_uuid'), 'abc123');
  mkdirSync(join(home, 'data', 'machine-index'), { recursive: true });
  writeFileSync(
    join(home, 'data', 'machine-index', 'index'),
    JSON.stringify({
      version: 1,
      machines: { abc123: { name: 'obs-app-1', provider: 'libvirt', extra_data: { box: { name: 'test/tiny-v1', provider: 'libvirt', version: '1.0.0' } } } },
    }),
  );
  expect(await driver.observe('obs')).toEqual({
    'obs-app-1': { state: 'running', id: 'd7f1c2b0-0000-4000-8000-000000000001', box: { name: 'test/tiny-v1', version: '1.0.0' } },
    'obs-app-2': { state: 'not_created' },
    'obs-app-3': { state: 'stopped' },
  });
  rmSync(home, { recursive: true, force: true });
});

test('health runs the command in the guest, and again after minReady', async () => {
  expect(await recorded((d) => d.health(first, { command: 'systemctl is-active shop', timeoutSeconds: 10, minReadySeconds: 0.01 }))).toEqual([
    "vagrant ssh web-app-1 -c 'systemctl is-active shop'",
    "vagrant ssh web-app-1 -c 'systemctl is-active shop'",
  ]);
});

test('a dry run writes no file', () => {
  expect(existsSync(join(repo, '.svcplan'))).toBe(false);
});

test('a replace in a dry run lists every call a real one makes, in order', async () => {
  const { driver, recorder } = createDryRunDriver(repo);
  const { applyPlan } = await import('../../src/apply/executor.js');
  const { MemoryStateStore } = await import('../../src/state/index.js');
  const { buildPlan } = await import('../../src/plan/index.js');
  const nextService = serviceSpec('web', [tierSpec('app', next.spec, { count: 1 })]);
  const locator = { locate: () => ({ line: 1, column: 1 }) };
  const store = new MemoryStateStore();
  const record = {
    name: 'web',
    template: service.template,
    revision: { commit: '', ref: '', release: '1', specDigest: '' },
    spec: service,
    instances: [{ name: 'web-app-1', tier: 'app', index: 1, spec, status: 'ready' as const, updatedAt: '' }],
    retainedDisks: [],
    history: [],
  };
  await store.writeService(record, 'setup');
  const plan = buildPlan({
    desired: { revision: { ref: 'HEAD', commit: '' }, templates: [], services: [nextService], locator },
    recorded: await store.read(),
    base: { ref: 'STATE', commit: '' },
  });
  const report = await applyPlan({ plan, store, driver, owner: 'dry', revision: { commit: '', ref: 'HEAD' } });
  expect(report.ok).toBe(true);
  expect(recorder.lines()).toEqual([
    'vagrant status --machine-readable',
    'vagrant provision web-app-1 --provision-with save-state-script,save-state',
    'vagrant halt web-app-1',
    'vagrant destroy -f web-app-1',
    'vagrant up web-app-1 --provider=libvirt --no-destroy-on-error --provision',
    'vagrant provision web-app-1 --provision-with restore-state-script,restore-state',
    'vagrant ssh web-app-1 -c true',
  ]);
});
