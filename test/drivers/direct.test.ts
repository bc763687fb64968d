// The Vagrant driver's direct paths, command by command: guest commands over SSH with the settings
// Vagrant gives (asked once per machine, kept until the machine changes, derived for a machine of
// the same box and target), Vagrant as the way whenever no settings can be had, machine states
// from virsh, and boxes fetched before anything else.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { BoxUnavailableError, VagrantDriver } from '../../src/apply/drivers/vagrant/driver.js';
import { RecordingRunner, type CommandLine, type CommandResult, type RunOptions } from '../../src/apply/drivers/vagrant/runner.js';
import { REACH_PAYLOAD } from '../../src/apply/drivers/vagrant/ssh.js';
import { expectedSettingsDigest } from '../../src/apply/drivers/vagrant/inspect.js';
import { vagrantDirOf } from '../../src/apply/drivers/vagrant/vagrantfile.js';
import type { DriverInstance } from '../../src/apply/driver.js';
import { instanceSpec, instancesOf, serviceSpec, tierSpec } from './support/specs.js';

const work = mkdtempSync(join(tmpdir(), 'svcplan-direct-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const repo = join(work, 'repo');
mkdirSync(join(repo, 'apps'), { recursive: true });
for (const f of ['install.sh', 'save.sh', 'restore.sh']) writeFileSync(join(repo, 'apps', f), '#!/bin/sh\necho hook\n');
const home = join(work, 'vagrant.d');
const fakeSsh = join(work, 'ssh');
writeFileSync(fakeSsh, '#!/bin/sh\nexit 0\n', { mode: 0o755 });

const spec = instanceSpec({
  apps: { shop: { version: '1', install: 'apps/install.sh' } },
  settings: { MODE: 'eu' },
  state: { disk: 1, save: 'apps/save.sh', restore: 'apps/restore.sh', onScaleIn: 'retain' },
});
const ID = (n: number) => `0b5f4c1e-2d3a-4b5c-8d7e-0000000000${String(n).padStart(2, '0')}`;

/** Vagrant's record of a created machine: its id, and the key `vagrant up` inserted. */
function created(service: string, name: string, id: string, provider = 'libvirt'): void {
  const data = join(vagrantDirOf(repo, service), '.vagrant', 'machines', name, provider);
  mkdirSync(data, { recursive: true });
  writeFileSync(join(data, 'id'), id);
  writeFileSync(join(data, 'private_key'), `key of ${id}\n`, { mode: 0o600 });
}

/** `vagrant ssh-config NAME` as vagrant-libvirt answers it for a running machine. */
function sshConfigOf(service: string, inst: DriverInstance): string {
  const port = inst.spec.target.ssh ? inst.spec.target.ssh.portBase + inst.index - 1 : 22;
  const host = inst.spec.target.ssh?.host ?? '192.0.2.10';
  const key = join(vagrantDirOf(repo, service), '.vagrant', 'machines', inst.name, 'libvirt', 'private_key');
  return `Host ${inst.name}\n  HostName ${host}\n  User vagrant\n  Port ${port}\n  UserKnownHostsFile /dev/null\n  StrictHostKeyChecking no\n  PasswordAuthentication no\n  IdentityFile ${key}\n  IdentitiesOnly yes\n  LogLevel FATAL\n\n`;
}

interface World {
  service: ReturnType<typeof serviceSpec>;
  instances: DriverInstance[];
  /** Answers by program; the default: success with nothing printed. */
  answer?: (command: CommandLine, options: RunOptions) => CommandResult | undefined;
  sshConfig?: 'answer' | 'not-ready';
}

function driverFor(w: World, extra: Partial<ConstructorParameters<typeof VagrantDriver>[0]> = {}) {
  const runner = new RecordingRunner((command, options) => {
    const custom = w.answer?.(command, options);
    if (custom) return custom;
    if (command.program === 'vagrant' && command.args[0] === 'ssh-config') {
      if (w.sshConfig === 'not-ready')
        return { exitCode: 1, stdout: '', stderr: 'The provider for this Vagrant-managed machine is reporting that it\nis not yet ready for SSH.' };
      const inst = w.instances.find((i) => i.name === command.args[1])!;
      return { exitCode: 0, stdout: sshConfigOf(w.service.name, inst), stderr: '' };
    }
    return undefined;
  });
  const notes: string[] = [];
  const driver = new VagrantDriver({
    repoDir: repo,
    runner,
    ssh: fakeSsh,
    env: { VAGRANT_HOME: home },
    tmpDir: work,
    onOutput: (o) => notes.push(o.line),
    ...extra,
  });
  const lines = () => runner.commands.map((c) => (c.program === fakeSsh ? `ssh ${c.args[c.args.length - 2]}` : [c.program, ...c.args].join(' ')));
  return { driver, runner, lines, notes };
}

function world(name: string, ssh = true): World {
  const service = serviceSpec(name, [tierSpec('app', spec)], ssh ? { ssh: { host: '127.0.0.1', portBase: 2600 } } : {});
  return { service, instances: instancesOf(service) };
}

describe('guest commands over SSH', () => {
  test('settings are asked of Vagrant once per machine, the connection checked, then the hook runs under its receipt', async () => {
    const w = world('hooks');
    const [first] = w.instances;
    created('hooks', first.name, ID(1));
    const { driver, runner, lines } = driverFor(w);
    await driver.layout(w.service, w.instances);
    await driver.provision(first, ['save-state'], { call: 'c1' });
    await driver.provision(first, ['restore-state'], { call: 'c2' });
    expect(lines()).toEqual(['vagrant ssh-config hooks-app-1', 'ssh hooks-app-1', 'ssh hooks-app-1', 'ssh hooks-app-1', 'ssh hooks-app-1']);
    // The fixed remote command; the settings in a file of their own; a shared connection.
    const ssh = runner.commands[1];
    expect(ssh.args[ssh.args.length - 1]).toBe('sh -s');
    expect(ssh.args.slice(0, 3)).toEqual(['-F', join(vagrantDirOf(repo, 'hooks'), '.svcplan-ssh', 'hooks-app-1.conf'), '-T']);
    expect(ssh.args).toContain('BatchMode=yes');
    expect(ssh.args.find((a) => a.startsWith('ControlPath='))!.length).toBeLessThanOrEqual('ControlPath='.length + 90);
    expect(runner.inputs[1]).toBe(REACH_PAYLOAD);
    expect(runner.inputs[2]).toContain('svcplan_sudo');
    expect(runner.inputs[2]).toContain("svcplan_put '/tmp/svcplan-save-state'");
  });

  test('the settings outlive the process, until the machine has another id', async () => {
    // No target.ssh: nothing to derive settings from, Vagrant is asked for each machine.
    const w = world('kept', false);
    const [first] = w.instances;
    created('kept', first.name, ID(2));
    const one = driverFor(w);
    await one.driver.layout(w.service, w.instances);
    await one.driver.provision(first, ['settings'], { call: 'c1' });
    const two = driverFor(w);
    await two.driver.layout(w.service, w.instances);
    await two.driver.health(first, { command: 'true', timeoutSeconds: 5, minReadySeconds: 0 });
    expect(two.lines()).toEqual(['ssh kept-app-1']);
    // A replacement VM: the kept settings are not its own.
    created('kept', first.name, ID(3));
    const three = driverFor(w);
    await three.driver.layout(w.service, w.instances);
    await three.driver.health(first, { command: 'true', timeoutSeconds: 5, minReadySeconds: 0 });
    expect(three.lines()).toEqual(['vagrant ssh-config kept-app-1', 'ssh kept-app-1']);
  });

  test('with target.ssh, a machine of a box and target already asked about gets its settings without asking', async () => {
    const w = world('derive');
    const [first, second] = w.instances;
    created('derive', first.name, ID(4));
    created('derive', second.name, ID(5));
    const { driver, runner, lines } = driverFor(w);
    await driver.layout(w.service, w.instances);
    await driver.health(first, { command: 'true', timeoutSeconds: 5, minReadySeconds: 0 });
    await driver.health(second, { command: 'true', timeoutSeconds: 5, minReadySeconds: 0 });
    expect(lines()).toEqual(['vagrant ssh-config derive-app-1', 'ssh derive-app-1', 'ssh derive-app-2']);
    const conf = runner.commands[2].args[1];
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(conf, 'utf8')).toBe(
      sshConfigOf('derive', second)
        .replace(/^Host .*\n/, 'Host derive-app-2\n')
        .trimEnd() + '\n',
    );
  });

  test('derived settings that fail to connect are asked of Vagrant, which has the last word', async () => {
    const w = world('stale');
    const [first, second] = w.instances;
    created('stale', first.name, ID(6));
    created('stale', second.name, ID(7));
    let refused = true;
    w.answer = (c) =>
      c.program === fakeSsh && c.args.includes('stale-app-2') && refused
        ? { exitCode: 255, stdout: '', stderr: 'ssh: connect to host 127.0.0.1 port 2601: Connection refused' }
        : undefined;
    const { driver, lines } = driverFor(w);
    await driver.layout(w.service, w.instances);
    await driver.health(first, { command: 'true', timeoutSeconds: 5, minReadySeconds: 0 });
    expect(await driver.health(second, { command: 'true', timeoutSeconds: 0, minReadySeconds: 0 })).toBe(false);
    // Vagrant says the same: the machine does not answer (yet); not asked again at once.
    expect(lines()).toEqual(['vagrant ssh-config stale-app-1', 'ssh stale-app-1', 'ssh stale-app-2', 'vagrant ssh-config stale-app-2']);
    refused = false;
    expect(await driver.health(second, { command: 'true', timeoutSeconds: 0, minReadySeconds: 0 })).toBe(true);
    expect(lines().slice(4)).toEqual(['ssh stale-app-2']);
  });

  test('a refresh runs its provisioners in Vagrantfile order, uploads included, as one guest command', async () => {
    const w = world('refresh');
    const [first] = w.instances;
    created('refresh', first.name, ID(8));
    const { driver, runner, lines, notes } = driverFor(w);
    await driver.layout(w.service, w.instances);
    await driver.provision(first, ['app-shop', 'settings'], { call: 'r1' });
    expect(lines()).toEqual(['vagrant ssh-config refresh-app-1', 'ssh refresh-app-1', 'ssh refresh-app-1']);
    const order = [...runner.inputs[2]!.matchAll(/Running provisioner: ([^ ]+) \((\w+)\)/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(order).toEqual(['settings:shell', 'app-shop-script:file', 'app-shop:shell']);
    expect(notes.find((l) => l.startsWith('$ ') && l.includes('provisioners settings,app-shop-script,app-shop on refresh-app-1'))).toBeDefined();
  });

  test('a failing guest command is an error with the end of its stderr', async () => {
    const w = world('fails');
    const [first] = w.instances;
    created('fails', first.name, ID(9));
    w.answer = (c, o) =>
      c.program === fakeSsh && o.input?.includes('svcplan_sudo')
        ? { exitCode: 3, stdout: 'Running provisioner: save-state (shell)...', stderr: 'tar: /var/lib/app: Cannot open' }
        : undefined;
    const { driver } = driverFor(w);
    await driver.layout(w.service, w.instances);
    await expect(driver.provision(first, ['save-state'], { call: 'f1' })).rejects.toThrow(
      /^provisioners save-state-script,save-state on fails-app-1 \(over SSH\): `.*ssh .*fails-app-1 'sh -s'` exited with 3 \(in .*\):\n.*save-state \(shell\)\.\.\.\ntar: \/var\/lib\/app: Cannot open$/,
    );
  });
});

describe('Vagrant stays the way when no SSH settings can be had', () => {
  test('no target.ssh and `vagrant ssh-config` fails: provision and health through Vagrant, as before', async () => {
    const w = { ...world('nossh', false), sshConfig: 'not-ready' as const };
    const [first] = w.instances;
    created('nossh', first.name, ID(10));
    const { driver, lines } = driverFor(w);
    await driver.layout(w.service, w.instances);
    await driver.provision(first, ['save-state'], { call: 'v1' });
    await driver.health(first, { command: 'test -s /opt/app', timeoutSeconds: 5, minReadySeconds: 0 });
    expect(lines()).toEqual([
      'vagrant ssh-config nossh-app-1',
      'vagrant provision nossh-app-1 --provision-with save-state-script,save-state',
      // Not asked again at once: the command goes to Vagrant.
      'vagrant ssh nossh-app-1 -c test -s /opt/app',
    ]);
  });

  test('a machine without an id (not created, for Vagrant too), or no ssh program: Vagrant', async () => {
    const w = world('noid');
    const [first, second] = w.instances;
    created('noid', second.name, ID(11));
    const { driver, lines } = driverFor(w);
    await driver.layout(w.service, w.instances);
    await driver.provision(first, ['settings'], { call: 'n1' });
    expect(lines()).toEqual(['vagrant provision noid-app-1 --provision-with settings']);
    const none = driverFor(w, { ssh: false });
    await none.driver.layout(w.service, w.instances);
    await none.driver.provision(second, ['settings'], { call: 'n2' });
    await none.driver.health(second, { command: 'true', timeoutSeconds: 5, minReadySeconds: 0 });
    expect(none.lines()).toEqual(['vagrant provision noid-app-2 --provision-with settings', 'vagrant ssh noid-app-2 -c true']);
  });

  test('settings that do not connect, even as Vagrant gives them again: Vagrant runs the provisioners', async () => {
    const w = world('down');
    const [first] = w.instances;
    created('down', first.name, ID(12));
    w.answer = (c) => (c.program === fakeSsh ? { exitCode: 255, stdout: '', stderr: 'Connection refused' } : undefined);
    const { driver, lines } = driverFor(w);
    await driver.layout(w.service, w.instances);
    await driver.provision(first, ['settings'], { call: 'd1' });
    expect(lines()).toEqual(['vagrant ssh-config down-app-1', 'ssh down-app-1', 'vagrant provision down-app-1 --provision-with settings']);
  });

  test('a dry run lists vagrant commands only', async () => {
    const w = world('dry');
    created('dry', w.instances[0].name, ID(13));
    const { driver, lines } = driverFor(w, { writeFiles: false, direct: false });
    await driver.layout(w.service, w.instances);
    await driver.provision(w.instances[0], ['save-state'], { call: 'x' });
    expect(lines()).toEqual(['vagrant provision dry-app-1 --provision-with save-state-script,save-state']);
  });
});

describe('observation', () => {
  test('virsh answers for every machine in one call', async () => {
    const w = world('obs');
    const [first, second] = w.instances;
    created('obs', first.name, ID(14));
    created('obs', second.name, ID(16));
    mkdirSync(join(home, 'data', 'machine-index'), { recursive: true });
    writeFileSync(join(vagrantDirOf(repo, 'obs'), '.vagrant', 'machines', first.name, 'libvirt', 'index_uuid'), 'idx14');
    writeFileSync(
      join(home, 'data', 'machine-index', 'index'),
      JSON.stringify({ version: 1, machines: { idx14: { extra_data: { box: { name: 'test/tiny-v1', version: '1.0.0' } } } } }),
    );
    w.answer = (c) =>
      c.program === 'virsh' ? { exitCode: 0, stdout: `svcplan-domain ${ID(14)}\nshut off\n\nsvcplan-domain ${ID(16)}\nrunning\n\n`, stderr: '' } : undefined;
    const { driver, runner } = driverFor(w);
    await driver.layout(w.service, w.instances);
    expect(await driver.observe('obs')).toEqual({
      [first.name]: { state: 'stopped', id: ID(14), box: { name: 'test/tiny-v1', version: '1.0.0' } },
      [second.name]: { state: 'running', id: ID(16) },
    });
    const uri = process.env.LIBVIRT_DEFAULT_URI || 'qemu:///system';
    expect(runner.commands.map((c) => [c.program, ...c.args])).toEqual([
      ['virsh', '-c', uri, `echo svcplan-domain ${ID(14)}; domstate ${ID(14)}; echo svcplan-domain ${ID(16)}; domstate ${ID(16)}`],
    ]);
  });

  test("a machine without an id, a domain virsh does not know, virsh missing, an id not of libvirt's form: `vagrant status` decides", async () => {
    for (const [label, answer] of [
      ['unknown domain', { exitCode: 0, stdout: `svcplan-domain ${ID(15)}\n\n`, stderr: `error: failed to get domain '${ID(15)}'` }],
      ['no virsh', { exitCode: 127, stdout: '', stderr: 'could not start virsh: spawn virsh ENOENT' }],
    ] as const) {
      const w = world(`obs-${label.replace(/ /g, '-')}`);
      created(w.service.name, w.instances[0].name, ID(15));
      created(w.service.name, w.instances[1].name, ID(18));
      w.answer = (c) =>
        c.program === 'virsh'
          ? answer
          : c.args[0] === 'status'
            ? { exitCode: 0, stdout: `1,${w.instances[0].name},state,running\n1,${w.instances[1].name},state,shutoff\n`, stderr: '' }
            : undefined;
      const { driver, runner } = driverFor(w);
      await driver.layout(w.service, w.instances);
      expect((await driver.observe(w.service.name))[w.instances[0].name].state).toBe('running');
      expect(runner.commands.map((c) => c.program + ' ' + c.args[0])).toEqual(['virsh -c', 'vagrant status']);
    }
    for (const [label, id] of [
      ['standin', 'standin-obs-1'],
      ['no-id', undefined],
    ] as const) {
      const w = world(`obs-${label}`);
      created(w.service.name, w.instances[0].name, ID(17));
      if (id) created(w.service.name, w.instances[1].name, id);
      w.answer = (c) => (c.args[0] === 'status' ? { exitCode: 0, stdout: '', stderr: '' } : undefined);
      const { driver, runner } = driverFor(w);
      await driver.layout(w.service, w.instances);
      await driver.observe(w.service.name);
      expect(runner.commands.map((c) => c.program + ' ' + c.args[0])).toEqual(['vagrant status']);
    }
  });
});

describe('boxes', () => {
  const box = { name: 'test/tiny-v3', version: '1.0.0', provider: 'libvirt' };

  test('a box on disk needs no call; a missing one is looked up, then added, once', async () => {
    const h = join(work, 'home-boxes');
    const dir = join(h, 'boxes', 'test-VAGRANTSLASH-tiny-v1', '1.0', 'libvirt');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'metadata.json'), '{}');
    const w = world('boxes');
    const { driver, lines } = driverFor(w, { env: { VAGRANT_HOME: h } });
    await driver.prepareBoxes('boxes', [{ name: 'test/tiny-v1', version: '1.0.0', provider: 'libvirt' }]);
    expect(lines()).toEqual([]);
    await Promise.all([driver.prepareBoxes('boxes', [box]), driver.prepareBoxes('other', [box])]);
    expect(lines()).toEqual(['vagrant box list --machine-readable', 'vagrant box add test/tiny-v3 --box-version 1.0.0 --provider libvirt']);
  });

  test("a box that cannot be added fails with the box and Vagrant's reason", async () => {
    const w = world('noboxes');
    w.answer = (c) =>
      c.args[0] === 'box' && c.args[1] === 'add'
        ? { exitCode: 1, stdout: '', stderr: "The box 'test/tiny-v3' could not be found or\ncould not be accessed in the remote catalog." }
        : undefined;
    const { driver } = driverFor(w);
    const failure = driver.prepareBoxes('noboxes', [box]);
    await expect(failure).rejects.toBeInstanceOf(BoxUnavailableError);
    await expect(failure).rejects.toThrow(
      "box test/tiny-v3 1.0.0 (libvirt) is not on this host and `vagrant box add test/tiny-v3 --box-version 1.0.0 --provider libvirt` failed: The box 'test/tiny-v3' could not be found or could not be accessed in the remote catalog.. No machine of noboxes was touched",
    );
  });

  test('a box another run on this host added meanwhile is there: its "already exists" is no failure', async () => {
    const h = join(work, 'home-race');
    const w = world('raceboxes');
    w.answer = (c) => {
      if (c.args[0] !== 'box' || c.args[1] !== 'add') return undefined;
      // The other run's add finished first: the box is on disk, and this add is refused.
      const dir = join(h, 'boxes', 'test-VAGRANTSLASH-tiny-v3', '1.0.0', 'libvirt');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'metadata.json'), '{}');
      return {
        exitCode: 1,
        stdout: '',
        stderr: "The box you're attempting to add already exists. Remove it before\nadding it again or add it with the `--force` flag.",
      };
    };
    const { driver } = driverFor(w, { env: { VAGRANT_HOME: h } });
    await expect(driver.prepareBoxes('raceboxes', [box])).resolves.toBeUndefined();
  });

  test('a dry run fetches nothing and says what the apply would fetch', async () => {
    const w = world('dryboxes');
    const { driver, lines, notes } = driverFor(w, { writeFiles: false, direct: false });
    await driver.prepareBoxes('dryboxes', [box]);
    expect(lines()).toEqual([]);
    expect(notes).toEqual([expect.stringMatching(/^box test\/tiny-v3 1\.0\.0 \(libvirt\) is not on this host: the apply adds it/)]);
  });
});

describe('inspect (drift, import, repair)', () => {
  const dominfo = (cpus: number, kib: number) =>
    `Id:             4\nName:           x\nState:          running\nCPU(s):         ${cpus}\nMax memory:     ${kib} KiB\nUsed memory:    ${kib} KiB\n\n`;
  const facts = (service: string) =>
    ['@svcplan-facts 1', '@features', `@settings ${expectedSettingsDigest(spec, service)}`, '@app shop 1', '@disk yes', '@end', ''].join('\n');

  test('memory and cpus come with the states, in the one virsh call: one guest round trip per machine, nothing else', async () => {
    const w = world('insp');
    const [first, second] = w.instances;
    created('insp', first.name, ID(20));
    created('insp', second.name, ID(21));
    w.answer = (c) => {
      if (c.program === 'virsh') {
        return {
          exitCode: 0,
          stdout: `svcplan-domain ${ID(20)}\nrunning\n\nsvcplan-dominfo ${ID(20)}\n${dominfo(2, 524288)}svcplan-domain ${ID(21)}\nshut off\n\nsvcplan-dominfo ${ID(21)}\n${dominfo(1, 262144)}`,
          stderr: '',
        };
      }
      return c.program === fakeSsh ? { exitCode: 0, stdout: facts('insp'), stderr: '' } : undefined;
    };
    const { driver, lines } = driverFor(w);
    await driver.layout(w.service, w.instances);
    const observed = await driver.inspect(w.service, w.instances);
    expect(observed).toEqual({
      [first.name]: { state: 'running', memory: 512, cpus: 2, guest: { features: [], settingsMatch: true, apps: { shop: '1' }, stateDisk: true } },
      [second.name]: { state: 'stopped', memory: 256, cpus: 1 },
    });
    const uri = process.env.LIBVIRT_DEFAULT_URI || 'qemu:///system';
    expect(lines()).toEqual([
      `virsh -c ${uri} echo svcplan-domain ${ID(20)}; domstate ${ID(20)}; echo svcplan-dominfo ${ID(20)}; dominfo ${ID(20)}; echo svcplan-domain ${ID(21)}; domstate ${ID(21)}; echo svcplan-dominfo ${ID(21)}; dominfo ${ID(21)}`,
      'vagrant ssh-config insp-app-1',
      'ssh insp-app-1',
    ]);
  });

  test('a machine whose dominfo did not answer in that call is asked on its own, and its failure reported as before', async () => {
    const w = world('insp-alone');
    const [first, second] = w.instances;
    created('insp-alone', first.name, ID(22));
    created('insp-alone', second.name, ID(23));
    w.answer = (c) => {
      if (c.program !== 'virsh') return undefined;
      if (c.args[2] === 'dominfo')
        return c.args[3] === ID(22)
          ? { exitCode: 0, stdout: dominfo(1, 262144), stderr: '' }
          : { exitCode: 1, stdout: '', stderr: 'error: failed to get domain' };
      return {
        exitCode: 1,
        stdout: `svcplan-domain ${ID(22)}\nshut off\n\nsvcplan-dominfo ${ID(22)}\n\nsvcplan-domain ${ID(23)}\nshut off\n\nsvcplan-dominfo ${ID(23)}\n\n`,
        stderr: 'error: failed to get domain',
      };
    };
    const { driver, lines } = driverFor(w);
    await driver.layout(w.service, w.instances);
    const observed = await driver.inspect(w.service, w.instances);
    const uri = process.env.LIBVIRT_DEFAULT_URI || 'qemu:///system';
    expect(observed).toEqual({
      [first.name]: { state: 'stopped', memory: 256, cpus: 1 },
      [second.name]: { state: 'stopped', unobserved: [`memory and cpus: \`virsh -c ${uri} dominfo ${ID(23)}\` exited with 1`] },
    });
    expect(lines().slice(1).sort()).toEqual([`virsh -c ${uri} dominfo ${ID(22)}`, `virsh -c ${uri} dominfo ${ID(23)}`]);
  });

  test("when Vagrant tells the states, each machine's hardware is asked of the provider, as before", async () => {
    const w = world('insp-vagrant');
    const [first, second] = w.instances;
    created('insp-vagrant', first.name, ID(24));
    w.answer = (c) => {
      if (c.program === 'vagrant' && c.args[0] === 'status')
        return { exitCode: 0, stdout: `1,${first.name},state,shutoff\n1,${second.name},state,not_created\n`, stderr: '' };
      if (c.program === 'virsh') return { exitCode: 0, stdout: dominfo(1, 262144), stderr: '' };
      return undefined;
    };
    const { driver, lines } = driverFor(w);
    await driver.layout(w.service, w.instances);
    expect(await driver.inspect(w.service, w.instances)).toEqual({
      [first.name]: { state: 'stopped', id: undefined, memory: 256, cpus: 1 },
      [second.name]: { state: 'not_created' },
    });
    const uri = process.env.LIBVIRT_DEFAULT_URI || 'qemu:///system';
    expect(lines()).toEqual(['vagrant status --machine-readable', `virsh -c ${uri} dominfo ${ID(24)}`]);
  });

  test('VirtualBox: the one showvminfo per machine answers state, memory and cpus', async () => {
    const vbox = instanceSpec({ ...spec, target: { provider: 'virtualbox', options: {} } });
    const service = serviceSpec('insp-vbox', [tierSpec('app', vbox)]);
    const w: World = { service, instances: instancesOf(service) };
    const [first, second] = w.instances;
    created('insp-vbox', first.name, 'vbox-1', 'virtualbox');
    created('insp-vbox', second.name, 'vbox-2', 'virtualbox');
    w.answer = (c) =>
      c.program === 'VBoxManage' ? { exitCode: 0, stdout: `name="${c.args[1]}"\nmemory=1024\ncpus=2\nVMState="poweroff"\n`, stderr: '' } : undefined;
    const { driver, lines } = driverFor(w);
    await driver.layout(w.service, w.instances);
    expect(await driver.inspect(w.service, w.instances)).toEqual({
      [first.name]: { state: 'stopped', memory: 1024, cpus: 2 },
      [second.name]: { state: 'stopped', memory: 1024, cpus: 2 },
    });
    expect(lines()).toEqual(['VBoxManage showvminfo vbox-1 --machinereadable', 'VBoxManage showvminfo vbox-2 --machinereadable']);
  });

  test("an apply's observation asks for states only", async () => {
    const w = world('insp-apply');
    created('insp-apply', w.instances[0].name, ID(25));
    created('insp-apply', w.instances[1].name, ID(26));
    w.answer = (c) =>
      c.program === 'virsh' ? { exitCode: 0, stdout: `svcplan-domain ${ID(25)}\nrunning\nsvcplan-domain ${ID(26)}\nrunning\n`, stderr: '' } : undefined;
    const { driver, runner } = driverFor(w);
    await driver.layout(w.service, w.instances);
    await driver.observe('insp-apply');
    expect(runner.commands[0].args[2]).not.toMatch(/dominfo/);
  });
});

describe('a domain an interrupted `vagrant up` defined but never recorded', () => {
  const uri = process.env.LIBVIRT_DEFAULT_URI || 'qemu:///system';
  const domainOf = (service: string, name: string) => `${basename(vagrantDirOf(repo, service))}_${name}`;
  const answering = (w: World, domstate: CommandResult) => {
    w.answer = (c) => (c.program === 'virsh' && c.args[2] === 'domstate' ? domstate : undefined);
  };

  test('shut off and unknown to Vagrant: undefined (its volumes kept), then `vagrant destroy` clears the stale image', async () => {
    const w = world('undef-off');
    const [first] = w.instances;
    answering(w, { exitCode: 0, stdout: 'shut off\n\n', stderr: '' });
    const { driver, lines, notes } = driverFor(w);
    await driver.layout(w.service, w.instances);
    await driver.destroy(first, { call: 'd1' });
    const domain = domainOf('undef-off', first.name);
    expect(lines()).toEqual([`virsh -c ${uri} domstate ${domain}`, `virsh -c ${uri} undefine ${domain}`, `vagrant destroy -f ${first.name}`]);
    expect(notes.join('\n')).toMatch(/defined by an interrupted `vagrant up` that never recorded it/);
  });

  test('no such domain, or no word from virsh: only `vagrant destroy`, after one look', async () => {
    for (const [label, answer] of [
      ['none', { exitCode: 1, stdout: '', stderr: "error: failed to get domain 'x'\n" }],
      ['silent', { exitCode: 0, stdout: '\n', stderr: '' }],
    ] as const) {
      const w = world(`undef-${label}`);
      answering(w, answer);
      const { driver, lines } = driverFor(w);
      await driver.layout(w.service, w.instances);
      await driver.destroy(w.instances[0], { call: 'd1' });
      expect(lines()).toEqual([`virsh -c ${uri} domstate ${domainOf(`undef-${label}`, w.instances[0].name)}`, `vagrant destroy -f ${w.instances[0].name}`]);
    }
  });

  test('a machine Vagrant knows, or a domain name that cannot be foreseen: nothing asked of virsh', async () => {
    const w = world('undef-known');
    created('undef-known', w.instances[0].name, ID(30));
    answering(w, { exitCode: 0, stdout: 'shut off\n', stderr: '' });
    const { driver, lines } = driverFor(w);
    await driver.layout(w.service, w.instances);
    await driver.destroy(w.instances[0], { call: 'd1' });
    expect(lines()).toEqual([`vagrant destroy -f ${w.instances[0].name}`]);

    const r = world('undef-random');
    const random = { ...r.instances[0], spec: { ...r.instances[0].spec, target: { ...r.instances[0].spec.target, options: { random_hostname: true } } } };
    answering(r, { exitCode: 0, stdout: 'shut off\n', stderr: '' });
    const other = driverFor(r);
    await other.driver.layout(r.service, [random, ...r.instances.slice(1)]);
    await other.driver.destroy(random, { call: 'd1' });
    expect(other.lines()).toEqual([`vagrant destroy -f ${random.name}`]);
  });

  test('one that runs is not removed: the destroy fails saying what to look at', async () => {
    const w = world('undef-running');
    answering(w, { exitCode: 0, stdout: 'running\n\n', stderr: '' });
    const { driver, lines } = driverFor(w);
    await driver.layout(w.service, w.instances);
    const domain = domainOf('undef-running', w.instances[0].name);
    await expect(driver.destroy(w.instances[0], { call: 'd1' })).rejects.toThrow(
      new RegExp(`libvirt domain ${domain} is running but Vagrant has no record of it .*virsh -c ${uri} dominfo ${domain}`),
    );
    expect(lines()).toEqual([`virsh -c ${uri} domstate ${domain}`]);
  });
});
