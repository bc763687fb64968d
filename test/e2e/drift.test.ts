// Drift on real VMs: behind svcplan's back a VM gets more memory (libvirt), an app version file
// changes in a guest, a VM is halted and another destroyed. `svcplan drift` reports each with the
// right path, values and repair, and exits 2; `svcplan apply --repair` brings them back (the
// state-disk markers intact); drift then exits 0. And `svcplan import` adopts VMs made with a
// plain `vagrant up`, after which the plan has nothing to do. Needs .ci/setup-vagrant.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { renderVagrantfile, stateDiskName, vagrantDirOf } from '../../src/apply/drivers/vagrant/vagrantfile.js';
import { loadDesiredState, WorktreeReader } from '../../src/load/index.js';
import { instanceName, type DriftReport } from '../../src/model/types.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { deleteVolume, e2eEnv, ensureLibvirt, inGuest, libvirtDomainType, requireBoxes, stopLibvirt } from './support/vms.js';
import { FILES, serviceFile, snapshotCli, template, TIER } from './support/service.js';

const SERVICE = 'e2e-drift';
const ADOPTED = 'e2e-adopt';
const names = [1, 2, 3, 4].map((n) => instanceName(SERVICE, TIER, n));
const adopted = [instanceName(ADOPTED, TIER, 1)];

let repo: TempRepo;
let env: Record<string, string>;
let startedLibvirt = false;
let cli: string;
let work: string;

function svcplan(...args: string[]): { status: number; out: string } {
  const run = spawnSync(process.execPath, [cli, ...args, '--repo', repo.dir], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 20 * 60_000 });
  return { status: run.status ?? -1, out: run.stdout + run.stderr };
}

function ok(...args: string[]): string {
  const run = svcplan(...args);
  if (run.status !== 0) throw new Error(`svcplan ${args.join(' ')} exited ${run.status}:\n${run.out}`);
  return run.out;
}

function vagrant(service: string, ...args: string[]): void {
  const dir = vagrantDirOf(repo.dir, service);
  const run = spawnSync('vagrant', args, { cwd: dir, env: { ...process.env, ...env, VAGRANT_CWD: dir }, encoding: 'utf8', timeout: 15 * 60_000 });
  if (run.status !== 0) throw new Error(`vagrant ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
}

function virsh(...args: string[]): string {
  const run = spawnSync('virsh', ['-c', 'qemu:///system', ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`virsh ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

const guest = (service: string, machine: string, command: string) => inGuest(vagrantDirOf(repo.dir, service), env, machine, command).trim();
const marker = (machine: string) => guest(SERVICE, machine, 'dd if=/dev/vdb bs=512 skip=8 count=1 2>/dev/null | head -n 1');

beforeAll(async () => {
  env = e2eEnv();
  startedLibvirt = ensureLibvirt();
  requireBoxes(env);
  ({ cli, work } = snapshotCli());
  const domainType = libvirtDomainType();
  repo = await createTempRepo({
    files: {
      ...FILES,
      'templates/tiny.yaml': template({ box: 'test/tiny-v1', memory: 256, version: '1', count: 4 }).replace(
        'upgradeDomains: 2, maxParallel: 1',
        'upgradeDomains: 1, maxParallel: 2',
      ),
      [`services/${SERVICE}.yaml`]: serviceFile(domainType, SERVICE, 2922),
      [`services/${ADOPTED}.yaml`]: serviceFile(domainType, ADOPTED, 2942).replace(`name: ${ADOPTED}`, `name: ${ADOPTED}\ntiers: { ${TIER}: { count: 1 } }`),
    },
  });
  for (const name of [...names, ...adopted]) deleteVolume(stateDiskName(name));
});

afterAll(async () => {
  try {
    if (repo) {
      for (const service of [SERVICE, ADOPTED]) {
        const dir = vagrantDirOf(repo.dir, service);
        spawnSync('vagrant', ['destroy', '-f'], { cwd: dir, env: { ...process.env, ...env, VAGRANT_CWD: dir }, stdio: 'ignore' });
      }
    }
  } finally {
    for (const name of [...names, ...adopted]) deleteVolume(stateDiskName(name));
    if (repo) rmSync(repo.dir, { recursive: true, force: true });
    if (work) rmSync(work, { recursive: true, force: true });
    if (startedLibvirt) stopLibvirt();
  }
});

test("drift sees what changed behind svcplan's back, apply --repair brings it back, import adopts machines", async () => {
  const t0 = Date.now();
  const step = (what: string) => console.log(`e2e drift: ${what} at ${Math.round((Date.now() - t0) / 1000)} s`);
  ok('apply', '--service', SERVICE);
  for (const name of names) guest(SERVICE, name, `echo marker-${name} | dd of=/dev/vdb bs=512 seek=8 conv=notrunc 2>/dev/null; sync`);
  expect(svcplan('drift', SERVICE).status).toBe(0);
  step('created, no drift');

  // Behind svcplan's back.
  const [memory, app, halted, destroyed] = names;
  vagrant(SERVICE, 'halt', memory);
  const domain = virsh('list', '--all', '--name')
    .split('\n')
    .map((l) => l.trim())
    .find((d) => d.endsWith(`_${memory}`))!;
  virsh('setmaxmem', domain, '400M', '--config');
  virsh('setmem', domain, '400M', '--config');
  virsh('start', domain);
  guest(SERVICE, app, 'echo 9 > /etc/svcplan/apps/hello/version');
  vagrant(SERVICE, 'halt', halted);
  vagrant(SERVICE, 'destroy', '-f', destroyed);
  step("changed behind svcplan's back");

  const drift = svcplan('drift', SERVICE, '--format', 'json');
  expect({ status: drift.status, out: drift.status === 2 ? '' : drift.out }).toEqual({ status: 2, out: '' });
  const report = JSON.parse(drift.out) as DriftReport;
  const groups = report.services[0].groups.map((g) => ({ path: g.path, recorded: g.recorded, observed: g.observed, action: g.action, instances: g.instances }));
  expect(groups).toEqual(
    expect.arrayContaining([
      { path: 'memory', recorded: 256, observed: 400, action: 'restart', instances: [memory] },
      { path: 'apps.hello.version', recorded: '1', observed: '9', action: 'refresh', instances: [app] },
      { path: 'machine', recorded: 'running', observed: 'stopped', action: 'restart', instances: [halted] },
      { path: 'machine', recorded: 'created', observed: 'not created', action: 'create', instances: [destroyed] },
    ]),
  );
  expect(groups).toHaveLength(4);
  step('drift reported');

  ok('apply', '--service', SERVICE, '--repair');
  expect(svcplan('drift', SERVICE).status).toBe(0);
  for (const name of names) expect(marker(name)).toBe(`marker-${name}`);
  expect(Number(guest(SERVICE, memory, "awk '/MemTotal/{print $2}' /proc/meminfo"))).toBeLessThan(300 * 1024);
  expect(guest(SERVICE, app, 'cat /etc/svcplan/apps/hello/version')).toBe('1');
  step('repaired');

  // Machines made with a plain `vagrant up` from svcplan's own Vagrantfile, then adopted.
  const desired = await loadDesiredState(new WorktreeReader(repo.dir));
  const spec = desired.services.find((s) => s.name === ADOPTED)!;
  const dir = vagrantDirOf(repo.dir, ADOPTED);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    `${dir}/Vagrantfile`,
    renderVagrantfile({
      repoDir: repo.dir,
      service: spec,
      instances: [{ service: ADOPTED, tier: TIER, index: 1, name: adopted[0], spec: spec.tiers[0].instance }],
    }),
  );
  vagrant(ADOPTED, 'up', adopted[0], '--provider=libvirt');
  ok('import', ADOPTED);
  expect(ok('plan')).toMatch(/No changes to any VM/);
  expect(svcplan('drift', ADOPTED).status).toBe(0);
  step('imported');
});
