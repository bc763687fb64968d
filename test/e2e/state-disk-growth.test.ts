// A bigger state disk on a real VM: the plan says restart, and the apply halts the VM, grows the
// disk while nothing uses it and boots again; the guest sees the bigger device and the data that
// was on it. Needs .ci/setup-vagrant (see test/e2e/README.md).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { stateDiskName, vagrantDirOf } from '../../src/apply/drivers/vagrant/vagrantfile.js';
import { instanceName } from '../../src/model/types.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { FILES, serviceFile, snapshotCli, svcplanAt, template, TIER } from './support/service.js';
import { deleteVolume, e2eEnv, ensureLibvirt, inGuest, libvirtDomainType, requireBoxes, stopLibvirt } from './support/vms.js';

const SERVICE = 'e2e-grow';
const machine = instanceName(SERVICE, TIER, 1);

let repo: TempRepo;
let env: Record<string, string>;
let startedLibvirt = false;
let dir: string;
let work: string;
let svcplan: (...args: string[]) => string;

beforeAll(async () => {
  env = e2eEnv();
  startedLibvirt = ensureLibvirt();
  requireBoxes(env);
  const snapshot = snapshotCli();
  work = snapshot.work;
  repo = await createTempRepo({ files: { ...FILES, [`services/${SERVICE}.yaml`]: serviceFile(libvirtDomainType(), SERVICE, 2732) } });
  svcplan = svcplanAt(snapshot.cli, repo.dir, env);
  dir = vagrantDirOf(repo.dir, SERVICE);
  deleteVolume(stateDiskName(machine));
});

afterAll(() => {
  try {
    if (repo) spawnSync('vagrant', ['destroy', '-f'], { cwd: dir, env: { ...process.env, ...env, VAGRANT_CWD: dir }, stdio: 'ignore' });
  } finally {
    deleteVolume(stateDiskName(machine));
    if (repo) rmSync(repo.dir, { recursive: true, force: true });
    if (work) rmSync(work, { recursive: true, force: true });
    if (startedLibvirt) stopLibvirt();
  }
});

test('a bigger state disk is grown in a restart, its data kept', async () => {
  const guest = (command: string) => inGuest(dir, env, machine, command).trim();
  const deviceBytes = () => Number(guest('cat /sys/class/block/vdb/size')) * 512;

  await repo.commit('one VM with a 1 GiB state disk', {
    'templates/tiny.yaml': template({ box: 'test/tiny-v1', memory: 256, version: '1', count: 1, disk: 1 }),
  });
  svcplan('apply');
  expect(deviceBytes()).toBe(1024 ** 3);
  guest('printf "KEEP-ME\\n" | dd of=/dev/vdb bs=512 seek=100 conv=notrunc 2>/dev/null; sync');

  await repo.commit('state disk 2 GiB', { 'templates/tiny.yaml': template({ box: 'test/tiny-v1', memory: 256, version: '1', count: 1, disk: 2 }) });
  const planFile = join(work, 'plan.json');
  svcplan('plan', '--format', 'json', '--out', planFile);
  const plan = JSON.parse(readFileSync(planFile, 'utf8'));
  const planned = plan.services[0].tiers[0].domains[0].instances[0];
  expect(planned.action).toBe('restart');
  expect(planned.reasons).toContainEqual({ path: 'state.disk', from: 1, to: 2, action: 'restart' });

  svcplan('apply');
  expect(deviceBytes()).toBe(2 * 1024 ** 3);
  expect(guest('dd if=/dev/vdb bs=512 skip=100 count=1 2>/dev/null | head -n 1')).toBe('KEEP-ME');
});
