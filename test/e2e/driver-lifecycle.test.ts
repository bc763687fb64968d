// The Vagrant driver alone (no executor, no CLI) taken through a service's whole life on real
// QEMU VMs; lifecycle.test.ts does the same through `svcplan apply`. Runs when
// SVCPLAN_E2E_DRIVER=1 (both together take longer than the e2e budget). The service's two VMs: create → refresh → restart → image replacement keeping the state disk → scale out and in
// → roll back to the first deployment → an interrupted step resumed. Every step is checked
// inside the guests. Needs .ci/setup-vagrant (see test/e2e/README.md).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { DriverInstance } from '../../src/apply/driver.js';
import { VagrantDriver } from '../../src/apply/drivers/vagrant/driver.js';
import { ExecaRunner } from '../../src/apply/drivers/vagrant/runner.js';
import { parseVagrantStatus } from '../../src/apply/drivers/vagrant/status.js';
import { stateDiskName, vagrantDirOf } from '../../src/apply/drivers/vagrant/vagrantfile.js';
import { loadDesiredState, WorktreeReader } from '../../src/load/index.js';
import { instanceName, upgradeDomainOf, type ServiceSpec } from '../../src/model/types.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import {
  deleteVolume, e2eEnv, ensureLibvirt, inGuest, libvirtDomainType, requireBoxes, stopLibvirt, volumeExists,
} from './support/vms.js';
import { FILES, GREETING, SERVICE, serviceFile, template, TIER } from './support/service.js';


let repo: TempRepo;
let env: Record<string, string>;
let startedLibvirt = false;
let driver: VagrantDriver;
let dir: string;
const log: string[] = [];

async function specAt(change: Parameters<typeof template>[0]): Promise<ServiceSpec> {
  await repo.commit(`tiny: ${JSON.stringify(change)}`, { 'templates/tiny.yaml': template(change) });
  const desired = await loadDesiredState(new WorktreeReader(repo.dir));
  const service = desired.services.find((s) => s.name === SERVICE);
  if (!service) throw new Error('service not loaded');
  return service;
}

function instancesOf(service: ServiceSpec, count = service.tiers[0].count): DriverInstance[] {
  const tier = service.tiers[0];
  return Array.from({ length: count }, (_, i) => ({
    service: SERVICE, tier: TIER, index: i + 1, name: instanceName(SERVICE, TIER, i + 1), spec: tier.instance,
  }));
}

/** Instances grouped by upgrade domain, lowest first: the order a rollout takes. */
function byDomain(instances: DriverInstance[], domains = 2): DriverInstance[][] {
  const groups: DriverInstance[][] = [];
  for (const inst of instances) (groups[upgradeDomainOf(inst.index, domains)] ??= []).push(inst);
  return groups.filter(Boolean);
}

const guest = (machine: string, command: string) => inGuest(dir, env, machine, command).trim();
const bootId = (machine: string) => guest(machine, 'cat /proc/sys/kernel/random/boot_id');
const memKiB = (machine: string) => Number(guest(machine, "awk '/MemTotal/{print $2}' /proc/meminfo"));

beforeAll(async () => {
  if (process.env.SVCPLAN_E2E_DRIVER !== '1') return;
  env = e2eEnv();
  startedLibvirt = ensureLibvirt();
  requireBoxes(env);
  repo = await createTempRepo({ files: { ...FILES, [`services/${SERVICE}.yaml`]: serviceFile(libvirtDomainType()) } });
  dir = vagrantDirOf(repo.dir, SERVICE);
  driver = new VagrantDriver({
    repoDir: repo.dir,
    runner: new ExecaRunner(env),
    healthPollSeconds: 3,
    onOutput: (o) => log.push(`[${o.instance ?? o.service}] ${o.line}`),
  });
  for (let n = 1; n <= 3; n++) deleteVolume(stateDiskName(instanceName(SERVICE, TIER, n)));
});

afterAll(async () => {
  if (process.env.SVCPLAN_E2E_DRIVER !== '1') return;
  try {
    if (driver && repo) {
      const service = await specAt({ box: 'test/tiny-v1', memory: 256, version: '1', count: 3 });
      await driver.layout(service, instancesOf(service));
      for (const inst of instancesOf(service)) await driver.destroy(inst, { deleteStateDisk: true }).catch(() => undefined);
    }
  } finally {
    for (let n = 1; n <= 3; n++) deleteVolume(stateDiskName(instanceName(SERVICE, TIER, n)));
    if (repo) rmSync(repo.dir, { recursive: true, force: true });
    if (startedLibvirt) stopLibvirt();
    if (process.env.SVCPLAN_E2E_LOG) console.log(log.join('\n'));
  }
});

const driverTest = process.env.SVCPLAN_E2E_DRIVER === '1' ? test : test.skip;

driverTest('the driver takes a service through every kind of update on real VMs', async () => {
  const t0 = Date.now();
  const step = (name: string) => console.log(`e2e: ${name} at ${Math.round((Date.now() - t0) / 1000)} s`);

  // 1. create: two instances, one per upgrade domain, each healthy before the next.
  const v1 = await specAt({ box: 'test/tiny-v1', memory: 256, version: '1', count: 2 });
  await driver.layout(v1, []);
  for (const domain of byDomain(instancesOf(v1))) {
    for (const inst of domain) {
      await driver.create(inst);
      expect(await driver.health(inst, { command: 'test -s /opt/hello/version', timeoutSeconds: 120, minReadySeconds: 1 })).toBe(true);
    }
  }
  const names = instancesOf(v1).map((i) => i.name);
  expect(await driver.observe(SERVICE)).toEqual({ [names[0]]: 'running', [names[1]]: 'running' });
  for (const name of names) {
    expect(guest(name, 'cat /etc/tiny-release')).toBe('tiny-v1');
    expect(guest(name, 'hostname')).toBe(name);
    expect(guest(name, 'cat /etc/svcplan/apps/hello/version')).toBe('1');
    expect(guest(name, 'cat /opt/hello/greeting')).toBe(GREETING);
    expect(guest(name, 'cat /etc/svcplan/features')).toBe('base');
  }
  step('created');

  // 2. refresh: a new app version is installed in place, without a reboot.
  const boots = Object.fromEntries(names.map((n) => [n, bootId(n)]));
  const v2 = await specAt({ box: 'test/tiny-v1', memory: 256, version: '2', count: 2 });
  await driver.layout(v2, instancesOf(v1));
  for (const inst of instancesOf(v2)) await driver.refresh(inst, ['app-hello']);
  for (const name of names) {
    expect(bootId(name)).toBe(boots[name]);
    expect(guest(name, 'cat /opt/hello/version')).toBe('2');
    expect(guest(name, 'cat /etc/svcplan/apps/hello/version')).toBe('2');
  }
  step('refreshed');

  // 3. restart: more memory, seen by the guest after a reboot.
  const memBefore = memKiB(names[0]);
  const v3 = await specAt({ box: 'test/tiny-v1', memory: 384, version: '2', count: 2 });
  await driver.layout(v3, instancesOf(v2));
  for (const inst of instancesOf(v3)) await driver.restart(inst, []);
  for (const name of names) {
    expect(bootId(name)).not.toBe(boots[name]);
    expect(memKiB(name)).toBeGreaterThan(memBefore + 100 * 1024);
  }
  step('restarted');

  // 4. replace: a new OS image; what was on the state disk is still there, hooks ran.
  for (const name of names) guest(name, `echo marker-${name} | dd of=/dev/vdb bs=512 seek=8 conv=notrunc 2>/dev/null; sync`);
  const v4 = await specAt({ box: 'test/tiny-v2', memory: 384, version: '2', count: 2 });
  await driver.layout(v4, instancesOf(v3));
  for (const [prev, next] of instancesOf(v3).map((p, i) => [p, instancesOf(v4)[i]] as const)) await driver.replace(prev, next);
  for (const name of names) {
    expect(guest(name, 'cat /etc/tiny-release')).toBe('tiny-v2');
    expect(guest(name, 'dd if=/dev/vdb bs=512 skip=8 count=1 2>/dev/null | head -n 1')).toBe(`marker-${name}`);
    expect(guest(name, 'cat /etc/svcplan-restored')).toBe('saved-from-tiny-v1');
    expect(guest(name, 'cat /opt/hello/version')).toBe('2');
  }
  step('replaced');

  // 5. scale out to three, then back in to two: the third state disk is kept.
  const v5 = await specAt({ box: 'test/tiny-v2', memory: 384, version: '2', count: 3 });
  await driver.layout(v5, instancesOf(v5));
  const third = instancesOf(v5)[2];
  await driver.create(third);
  expect(guest(third.name, 'cat /etc/tiny-release')).toBe('tiny-v2');
  expect((await driver.observe(SERVICE))[third.name]).toBe('running');
  await driver.destroy(third, { deleteStateDisk: false });
  expect((await driver.observe(SERVICE))[third.name]).toBe('not_created');
  expect(volumeExists(stateDiskName(third.name))).toBe(true);
  step('scaled out and in');

  // 6. roll back to the first deployment: its image, memory and app version come back.
  await driver.layout(v1, instancesOf(v4));
  for (const [prev, next] of instancesOf(v4).map((p, i) => [p, instancesOf(v1)[i]] as const)) await driver.replace(prev, next);
  for (const name of names) {
    expect(guest(name, 'cat /etc/tiny-release')).toBe('tiny-v1');
    expect(guest(name, 'cat /opt/hello/version')).toBe('1');
    expect(memKiB(name)).toBeLessThan(memBefore + 50 * 1024);
    expect(guest(name, 'dd if=/dev/vdb bs=512 skip=8 count=1 2>/dev/null | head -n 1')).toBe(`marker-${name}`);
  }
  step('rolled back');

  // 7. a step killed midway (SIGKILL while `vagrant up` boots the VM) is finished by the next run.
  await driver.layout(v5, [...instancesOf(v1), third].map((i) => ({ ...i, spec: v1.tiers[0].instance })));
  const up = spawn('vagrant', ['up', third.name, '--provider=libvirt', '--provision'], {
    cwd: dir, env: { ...process.env, ...env, VAGRANT_CWD: dir }, stdio: 'ignore', detached: true,
  });
  await new Promise((r) => setTimeout(r, 12_000));
  process.kill(-up.pid!, 'SIGKILL');
  await new Promise((r) => up.once('exit', r));
  await driver.create({ ...third, spec: v1.tiers[0].instance });
  expect(await driver.health(third, { command: 'test -s /opt/hello/version', timeoutSeconds: 120, minReadySeconds: 0 })).toBe(true);
  expect(guest(third.name, 'cat /etc/tiny-release')).toBe('tiny-v1');
  const status = await new ExecaRunner(env).run({ program: 'vagrant', args: ['status', '--machine-readable'], cwd: dir });
  expect(parseVagrantStatus(status.stdout)).toEqual({ [names[0]]: 'running', [names[1]]: 'running', [third.name]: 'running' });
  step('resumed');
  expect(Date.now() - t0).toBeLessThan(20 * 60 * 1000);
});
