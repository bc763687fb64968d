// When the Vagrant driver writes the Vagrantfile: from layout(), and again only when a step acts
// on a machine with another spec than the file holds. Every vagrant command still finds the file
// describing each machine as that command needs it; what the file says is what
// renderVagrantfile says for the layout.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DriverInstance } from '../../src/apply/driver.js';
import { VagrantDriver } from '../../src/apply/drivers/vagrant/driver.js';
import { RecordingRunner, type CommandLine } from '../../src/apply/drivers/vagrant/runner.js';
import { renderVagrantfile, vagrantDirOf } from '../../src/apply/drivers/vagrant/vagrantfile.js';
import { instanceSpec, instancesOf, serviceSpec, tierSpec } from './support/specs.js';

const repo = mkdtempSync(join(tmpdir(), 'svcplan-vagrantfile-writes-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));
mkdirSync(join(repo, 'apps'), { recursive: true });
writeFileSync(join(repo, 'apps', 'save.sh'), '#!/bin/sh\n');

const v1 = instanceSpec({ state: { disk: 2, save: 'apps/save.sh', onScaleIn: 'retain' } });
const v2 = { ...v1, image: { box: 'test/tiny-v2', version: '2.0.0' } };
const fileOf = (service: string) => join(vagrantDirOf(repo, service), 'Vagrantfile');

/** A driver whose runner notes, for every command, the Vagrantfile as that command found it. */
function driverWithSnapshots(status = '') {
  const seen: { command: string; vagrantfile: string; inode: number }[] = [];
  const recorder = new RecordingRunner((c: CommandLine) => {
    const file = join(c.cwd, 'Vagrantfile');
    seen.push({ command: c.args.slice(0, 2).join(' '), vagrantfile: readFileSync(file, 'utf8'), inode: statSync(file).ino });
    return c.args[0] === 'status' ? { exitCode: 0, stdout: status, stderr: '' } : undefined;
  });
  // The Vagrant path: observation through `vagrant status` (direct observation has its own tests).
  return { driver: new VagrantDriver({ repoDir: repo, runner: recorder, direct: false }), seen };
}

function expected(service: ReturnType<typeof serviceSpec>, instances: DriverInstance[]): string {
  return renderVagrantfile({ repoDir: repo, service, instances });
}

test('steps on machines as laid out leave the file as layout() wrote it', async () => {
  const service = serviceSpec('steady', [tierSpec('app', v1, { count: 3 })]);
  const instances = instancesOf(service);
  const { driver, seen } = driverWithSnapshots();
  await driver.layout(service, instances);
  const written = statSync(fileOf('steady'));
  expect(readFileSync(fileOf('steady'), 'utf8')).toBe(expected(service, instances));

  for (const inst of instances) await driver.up({ ...inst, spec: { ...inst.spec } }, { call: `c${inst.index}`, provision: 'all' }); // equal, not the same object
  for (const inst of instances) await driver.health(inst, { command: 'true', timeoutSeconds: 5, minReadySeconds: 0 });
  await driver.reload(instances[0], [], { call: 'r1' });
  expect(seen.map((s) => s.command)).toEqual([
    'up steady-app-1',
    'up steady-app-2',
    'up steady-app-3',
    'ssh steady-app-1',
    'ssh steady-app-2',
    'ssh steady-app-3',
    'reload steady-app-1',
  ]);
  // Not rewritten: the same file (a rewrite renames a new one into place).
  for (const s of seen) expect(s.inode).toBe(written.ino);
  expect(statSync(fileOf('steady')).mtimeMs).toBe(written.mtimeMs);

  // The same layout again: the text is unchanged, so the file is left alone.
  await driver.layout(service, instances);
  expect(statSync(fileOf('steady')).ino).toBe(written.ino);
});

test('a replace acts on the old spec for save, halt and destroy, and on the new one for up', async () => {
  const service = serviceSpec('swap', [tierSpec('app', v2, { count: 2 })]);
  const next = instancesOf(service);
  const previous = next.map((i) => ({ ...i, spec: v1 }));
  const { driver, seen } = driverWithSnapshots('1,swap-app-1,state,running\n');
  // The running machine's id, as Vagrant records it.
  const data = join(vagrantDirOf(repo, 'swap'), '.vagrant', 'machines', 'swap-app-1', 'libvirt');
  mkdirSync(data, { recursive: true });
  writeFileSync(join(data, 'id'), '0b5f4c1e-2d3a-4b5c-8d7e-000000000001');
  await driver.layout(service, next);
  await driver.observe('swap');
  await driver.provision(previous[0], ['save-state'], { call: 's' });
  await driver.halt(previous[0], { call: 'h' });
  await driver.destroy(previous[0], { call: 'd' });
  await driver.up(next[0], { call: 'u', provision: 'all', keepOnError: true });

  const withOld = expected(service, [previous[0], next[1]]);
  const withNew = expected(service, next);
  expect(withOld).not.toBe(withNew);
  expect(seen.map((s) => [s.command, s.vagrantfile === withOld ? 'old' : s.vagrantfile === withNew ? 'new' : 'other'])).toEqual([
    ['status --machine-readable', 'new'],
    ['provision swap-app-1', 'old'],
    ['halt swap-app-1', 'old'],
    ['destroy -f', 'old'],
    ['up swap-app-1', 'new'],
  ]);
});

test('layout() puts back a Vagrantfile changed or removed behind its back', async () => {
  const service = serviceSpec('restore', [tierSpec('app', v1, { count: 2 })]);
  const instances = instancesOf(service);
  const { driver } = driverWithSnapshots();
  await driver.layout(service, instances);
  writeFileSync(fileOf('restore'), '# edited by hand\n');
  await driver.layout(service, instances);
  expect(readFileSync(fileOf('restore'), 'utf8')).toBe(expected(service, instances));
  unlinkSync(fileOf('restore'));
  await driver.layout(service, instances);
  expect(existsSync(fileOf('restore'))).toBe(true);
  expect(readFileSync(fileOf('restore'), 'utf8')).toBe(expected(service, instances));
});

test('while the SSH endpoint moves, each machine keeps the one of its own spec until its step', async () => {
  const before = serviceSpec('moving', [tierSpec('app', v1, { count: 2 })], { ssh: { host: '127.0.0.1', portBase: 2900 } });
  const after = serviceSpec('moving', [tierSpec('app', v1, { count: 2 })], { ssh: { host: '127.0.0.1', portBase: 3000 } });
  const { driver } = driverWithSnapshots();
  // Mid-rollout: app-1 restarted with the new endpoint, app-2 not yet.
  const [first] = instancesOf(after);
  const [, second] = instancesOf(before);
  await driver.layout(after, [first, second]);
  const text = readFileSync(fileOf('moving'), 'utf8');
  const blockOf = (name: string) => text.slice(text.indexOf(`config.vm.define '${name}'`)).split(/\n\s*end\n/)[0];
  expect(blockOf('moving-app-1')).toContain('node.ssh.port = 3000');
  expect(blockOf('moving-app-2')).toContain('node.ssh.port = 2901');
  expect(text).not.toContain('3001');
});

test('a changed service spec renders every machine again', async () => {
  const base = serviceSpec('ports', [tierSpec('app', v1, { count: 2 })], { ssh: { host: '127.0.0.1', portBase: 2700 } });
  const { driver } = driverWithSnapshots();
  await driver.layout(base, instancesOf(base));
  expect(readFileSync(fileOf('ports'), 'utf8')).toContain('node.ssh.port = 2701');
  const moved = serviceSpec('ports', [tierSpec('app', v1, { count: 2 })], { ssh: { host: '127.0.0.1', portBase: 2800 } });
  await driver.layout(moved, instancesOf(moved));
  const text = readFileSync(fileOf('ports'), 'utf8');
  expect(text).toBe(expected(moved, instancesOf(moved)));
  expect(text).not.toContain('2701');
});
