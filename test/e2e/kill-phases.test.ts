// `svcplan apply` killed with -9 (its pid only, as an operator would) during each phase of an
// image replacement, and during a new VM's boot, on real QEMU VMs; and killed with its whole
// process group (vagrant too, as a cancelled CI job is) while vagrant-libvirt makes a new VM's
// disk image, before the domain exists, and between defining the domain and recording its id. The
// next apply finishes the work, the app state on the state disk is intact, save-state ran once on the old VM and
// restore-state once on the new one, and nothing is left to plan. Needs .ci/setup-vagrant.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { stateDiskName, vagrantDirOf } from '../../src/apply/drivers/vagrant/vagrantfile.js';
import { instanceName } from '../../src/model/types.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import {
  deleteVolume,
  domainState,
  e2eEnv,
  ensureLibvirt,
  inGuest,
  libvirtDomainType,
  poolHolds,
  removeDomain,
  requireBoxes,
  stopLibvirt,
} from './support/vms.js';
import { FILES, serviceFile, snapshotCli, svcplanAt, template, TIER } from './support/service.js';

const SERVICE = 'e2e-kill';
const names = [1, 2, 3, 4].map((n) => instanceName(SERVICE, TIER, n));
const [first, second, third, fourth] = names;

let repo: TempRepo;
let env: Record<string, string>;
let startedLibvirt = false;
let dir: string;
let cli: string;
let work: string;
let svcplan: (...args: string[]) => string;

const guest = (machine: string, command: string) => inGuest(dir, env, machine, command).trim();
const marker = (machine: string) => guest(machine, 'dd if=/dev/vdb bs=512 skip=8 count=1 2>/dev/null | head -n 1');
const saves = (machine: string) => Number(guest(machine, "dd if=/dev/vdb bs=512 skip=24 count=1 2>/dev/null | tr -d '\\000' | head -n 1"));
const restores = (machine: string) => guest(machine, 'cat /etc/svcplan-restore.log 2>/dev/null || true').split('\n').filter(Boolean).length;

async function commitTemplate(change: Parameters<typeof template>[0]): Promise<void> {
  await repo.commit(`kill ${JSON.stringify(change)}`, { 'templates/tiny.yaml': template(change) });
}

/**
 * Runs `svcplan apply` in a process group of its own and kills the group (svcplan and vagrant,
 * SIGKILL) as soon as `seen()` says `what` happened; resolves once svcplan is dead.
 */
async function applyGroupKilledWhen(what: string, seen: () => boolean): Promise<void> {
  const child = spawn(process.execPath, [cli, 'apply', '--repo', repo.dir], { env: { ...process.env, ...env }, stdio: 'ignore', detached: true });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let done = false;
  void exited.then(() => (done = true));
  const deadline = Date.now() + 12 * 60_000;
  while (!done) {
    if (seen()) {
      process.kill(-child.pid!, 'SIGKILL');
      break;
    }
    if (Date.now() > deadline) {
      process.kill(-child.pid!, 'SIGKILL');
      throw new Error(`never: ${what}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  if (done) throw new Error(`the apply ended before ${what}`);
  await exited;
}

/**
 * Runs `svcplan apply` and kills it (SIGKILL, its pid only: vagrant goes on) `delayMs` after a
 * line of its output matches `when`; resolves once it is dead.
 */
async function applyKilledAt(when: RegExp, delayMs: number): Promise<string> {
  const child = spawn(process.execPath, [cli, 'apply', '--repo', repo.dir], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let seen = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the apply never printed ${when}:\n${seen}`)), 12 * 60_000);
    const look = (chunk: Buffer) => {
      seen += chunk.toString();
      if (!when.test(seen)) return;
      child.stdout.off('data', look);
      child.stderr.off('data', look);
      clearTimeout(timer);
      setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, delayMs);
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    exited.then(() => reject(new Error(`the apply ended before it printed ${when}:\n${seen}`)));
  });
  await exited;
  return seen;
}

beforeAll(async () => {
  env = e2eEnv();
  startedLibvirt = ensureLibvirt();
  requireBoxes(env);
  ({ cli, work } = snapshotCli());
  repo = await createTempRepo({ files: { ...FILES, [`services/${SERVICE}.yaml`]: serviceFile(libvirtDomainType(), SERVICE, 2822) } });
  svcplan = svcplanAt(cli, repo.dir, env);
  dir = vagrantDirOf(repo.dir, SERVICE);
  for (const name of names) {
    removeDomain(`${SERVICE}_${name}`);
    deleteVolume(stateDiskName(name));
  }
});

afterAll(async () => {
  try {
    if (repo) spawnSync('vagrant', ['destroy', '-f'], { cwd: dir, env: { ...process.env, ...env, VAGRANT_CWD: dir }, stdio: 'ignore' });
  } finally {
    for (const name of names) {
      removeDomain(`${SERVICE}_${name}`);
      deleteVolume(stateDiskName(name));
    }
    if (repo) rmSync(repo.dir, { recursive: true, force: true });
    if (work) rmSync(work, { recursive: true, force: true });
    if (startedLibvirt) stopLibvirt();
  }
});

test('an apply killed in any phase of a replace, or while a new VM boots, is finished by the next one', async () => {
  const t0 = Date.now();
  const step = (what: string) => console.log(`e2e kill: ${what} at ${Math.round((Date.now() - t0) / 1000)} s`);
  await commitTemplate({ box: 'test/tiny-v1', memory: 256, version: '1', count: 1 });
  svcplan('apply');
  guest(first, `echo marker-${first} | dd of=/dev/vdb bs=512 seek=8 conv=notrunc 2>/dev/null; sync`);
  step('created');

  // Each kill comes during one phase of a replace; the boxes alternate so every round is one.
  const phases: { phase: string; when: RegExp; delayMs: number }[] = [
    { phase: 'after save-state (halt under way)', when: /\$ vagrant halt /, delayMs: 0 },
    { phase: 'after destroy (vagrant up of the new box just started)', when: /\$ vagrant up e2e-kill-app-1 /, delayMs: 0 },
    { phase: 'during vagrant up of the new box', when: /\$ vagrant up e2e-kill-app-1 /, delayMs: 12_000 },
    // restore-state goes over the direct SSH channel (a Vagrant call where it cannot): killed as it starts.
    {
      phase: 'during restore-state',
      when: /(vagrant provision e2e-kill-app-1 --provision-with |# provisioners )restore-state-script,restore-state/,
      delayMs: 0,
    },
  ];
  let replaces = 0;
  for (const [i, { phase, when, delayMs }] of phases.entries()) {
    const box = i % 2 === 0 ? 'test/tiny-v2' : 'test/tiny-v1';
    const release = box === 'test/tiny-v2' ? 'tiny-v2' : 'tiny-v1';
    const before = box === 'test/tiny-v2' ? 'tiny-v1' : 'tiny-v2';
    await commitTemplate({ box, memory: 256, version: '1', count: 1 });
    await applyKilledAt(when, delayMs);
    svcplan('apply');
    replaces++;
    expect({ phase, release: guest(first, 'cat /etc/tiny-release') }).toEqual({ phase, release });
    expect({ phase, marker: marker(first) }).toEqual({ phase, marker: `marker-${first}` });
    // Saved once from the old VM, restored once into the new one.
    expect({ phase, restored: guest(first, 'cat /etc/svcplan-restored') }).toEqual({ phase, restored: `saved-from-${before}` });
    expect({ phase, saves: saves(first) }).toEqual({ phase, saves: replaces });
    expect({ phase, restores: restores(first) }).toEqual({ phase, restores: 1 });
    expect(svcplan('plan')).toMatch(/No changes to any VM/);
    step(`killed ${phase}, resumed`);
  }

  // A new VM whose boot was under way when the apply was killed.
  await commitTemplate({ box: 'test/tiny-v1', memory: 256, version: '1', count: 2 });
  await applyKilledAt(/\$ vagrant up e2e-kill-app-2 /, 12_000);
  svcplan('apply');
  expect(guest(second, 'cat /etc/tiny-release')).toBe('tiny-v1');
  expect(guest(second, 'cat /opt/hello/version')).toBe('1');
  expect(guest(second, 'hostname')).toBe(second);
  expect(svcplan('plan')).toMatch(/No changes to any VM/);
  step("killed during a create's boot, resumed");

  // The whole group killed as vagrant-libvirt makes the new VM's disk image (the domain comes
  // after it): the image is left without a domain, and vagrant-libvirt refuses to make it again.
  await commitTemplate({ box: 'test/tiny-v1', memory: 256, version: '1', count: 3 });
  await applyGroupKilledWhen(`the storage pool held the disk image of ${third}`, () => poolHolds(`${SERVICE}_${third}.img`));
  svcplan('apply');
  expect(guest(third, 'cat /etc/tiny-release')).toBe('tiny-v1');
  expect(guest(third, 'hostname')).toBe(third);
  expect(svcplan('plan')).toMatch(/No changes to any VM/);
  step("killed with its group while a create's disk image was made, resumed");

  // Killed with its group once the domain is defined; then made into what a kill between
  // vagrant-libvirt's define and its `machine.id =` leaves (that window is too short to hit on
  // purpose): the domain shut off, Vagrant holding no id for it. `vagrant up` and `vagrant
  // destroy` both refuse that name until the domain is undefined.
  await commitTemplate({ box: 'test/tiny-v1', memory: 256, version: '1', count: 4 });
  const domain = `${SERVICE}_${fourth}`;
  await applyGroupKilledWhen(`domain ${domain} was defined`, () => domainState(domain) !== undefined);
  if (domainState(domain) !== 'shut off') spawnSync('virsh', ['-c', 'qemu:///system', 'destroy', domain], { stdio: 'ignore' });
  rmSync(join(dir, '.vagrant', 'machines', fourth, 'libvirt', 'id'), { force: true });
  expect(domainState(domain)).toBe('shut off');
  expect(svcplan('apply')).toContain(`$ virsh -c qemu:///system undefine ${domain}`);
  expect(guest(fourth, 'cat /etc/tiny-release')).toBe('tiny-v1');
  expect(guest(fourth, 'hostname')).toBe(fourth);
  expect(svcplan('plan')).toMatch(/No changes to any VM/);
  step('killed with its group once the domain was defined, its id unrecorded, resumed');
});
