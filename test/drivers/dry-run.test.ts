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

test('create', async () => {
  expect(await recorded((d) => d.create(first))).toEqual(['vagrant up web-app-1 --provider=libvirt --provision']);
});

test('refresh runs only the named provisioners, with the uploads they need', async () => {
  expect(await recorded((d) => d.refresh(first, ['settings', 'app-shop']))).toEqual([
    'vagrant provision web-app-1 --provision-with settings,app-shop-script,app-shop',
  ]);
  expect(await recorded((d) => d.refresh(first, ['app-gone']))).toEqual(['vagrant provision web-app-1 --provision-with apps-prune']);
  expect(await recorded((d) => d.refresh(first, []))).toEqual([]);
});

test('restart reloads with or without provisioners', async () => {
  expect(await recorded((d) => d.restart(first, []))).toEqual(['vagrant reload web-app-1 --no-provision']);
  expect(await recorded((d) => d.restart(first, ['features']))).toEqual(['vagrant reload web-app-1 --provision-with features']);
});

test('restart with a bigger state disk: halt, grow the disk while nothing uses it, boot', async () => {
  expect(await recorded((d) => d.restart(first, ['settings'], { growStateDisk: true }))).toEqual([
    'vagrant halt web-app-1',
    `virsh -c ${uri} vol-resize --pool default web-app-1-state.qcow2 2G`,
    'vagrant up web-app-1 --provider=libvirt --provision --provision-with settings',
  ]);
  expect(await recorded((d) => d.restart(first, [], { growStateDisk: true }))).toEqual([
    'vagrant halt web-app-1',
    `virsh -c ${uri} vol-resize --pool default web-app-1-state.qcow2 2G`,
    'vagrant up web-app-1 --provider=libvirt --no-provision',
  ]);
});

test('replace: save-state, halt, destroy keeping the disk, up, restore-state', async () => {
  expect(await recorded((d) => d.replace(first, next))).toEqual([
    'vagrant status --machine-readable',
    'vagrant provision web-app-1 --provision-with save-state-script,save-state',
    'vagrant halt web-app-1',
    'vagrant destroy -f web-app-1',
    'vagrant up web-app-1 --provider=libvirt --no-destroy-on-error --provision',
    'vagrant provision web-app-1 --provision-with restore-state-script,restore-state',
  ]);
});

test('replace of a machine that is already gone (a resumed run) only brings up the new one', async () => {
  const recorder = new RecordingRunner((c) =>
    c.args[0] === 'status' ? { exitCode: 0, stdout: '1,web-app-1,state,not_created\n', stderr: '' } : undefined,
  );
  const driver = new VagrantDriver({ repoDir: repo, runner: recorder, writeFiles: false });
  await driver.layout(service, instancesOf(service));
  await driver.replace(first, next);
  expect(recorder.lines()).toEqual([
    'vagrant status --machine-readable',
    'vagrant up web-app-1 --provider=libvirt --no-destroy-on-error --provision',
    'vagrant provision web-app-1 --provision-with restore-state-script,restore-state',
  ]);
});

test('destroy keeps the state disk unless told to delete it', async () => {
  expect(await recorded((d) => d.destroy(first, { deleteStateDisk: false }))).toEqual(['vagrant destroy -f web-app-1']);
  expect(await recorded((d) => d.destroy(first, { deleteStateDisk: true }))).toEqual([
    'vagrant destroy -f web-app-1',
    `virsh -c ${uri} vol-delete --pool default web-app-1-state.qcow2`,
  ]);
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
