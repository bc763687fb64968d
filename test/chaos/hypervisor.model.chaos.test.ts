// The stand-in hypervisor itself: every call goes through the real client script (sh + curl) to
// the model, on a Vagrantfile rendered by svcplan's own generator.
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { provisionersOf, renderVagrantfile } from '../../src/apply/drivers/vagrant/vagrantfile.js';
import { parseVagrantStatus } from '../../src/apply/drivers/vagrant/status.js';
import { parseBoxList } from '../../src/apply/drivers/vagrant/boxes.js';
import { parseVirshDomstates, virshDomstateArgs } from '../../src/apply/drivers/vagrant/provider-state.js';
import { commandPayload, parseSshConfig, provisionPayload, REACH_PAYLOAD, renderSshConfig, sshSettingsOf } from '../../src/apply/drivers/vagrant/ssh.js';
import type { InstanceSpec, ServiceSpec } from '../../src/model/types.js';
import { Hypervisor, serveHypervisor, type CallContext, type HypervisorServer, type RunControl } from './hypervisor.js';
import { ROOT } from './harness.js';
import { parseVagrantfile } from './vagrantfile-reader.js';

const SERVICE = 'shop';

function spec(over: Partial<InstanceSpec> = {}): InstanceSpec {
  return {
    image: { box: 'svcplan/debian-12', version: '12.7.1' },
    cpus: 1,
    memory: 512,
    features: [],
    apps: { web: { version: '1.0', install: 'apps/web/install.sh' } },
    settings: {},
    state: { disk: 1, save: 'apps/save.sh', restore: 'apps/restore.sh', onScaleIn: 'retain' },
    target: { provider: 'libvirt', options: {} },
    ...over,
  };
}

const serviceSpec: ServiceSpec = {
  name: SERVICE,
  template: 'web',
  release: '1',
  target: { driver: 'vagrant', provider: 'libvirt', options: {} },
  tiers: [],
  files: { template: 'templates/web.yaml', service: 'services/shop.yaml' },
};

interface Answer {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('the chaos stand-in hypervisor', () => {
  let root: string;
  let bin: string;
  let home: string;
  let dir: string;
  let model: Hypervisor;
  let server: HypervisorServer;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'svcplan-hv-'));
    bin = path.join(root, 'bin');
    mkdirSync(bin);
    copyFileSync(path.join(ROOT, 'test/chaos/bin/vagrant'), path.join(bin, 'vagrant'));
    chmodSync(path.join(bin, 'vagrant'), 0o755);
    symlinkSync('vagrant', path.join(bin, 'virsh'));
    symlinkSync('vagrant', path.join(bin, 'ssh'));
    symlinkSync('vagrant', path.join(bin, 'chaos-echo'));
    mkdirSync(path.join(root, 'apps', 'web'), { recursive: true });
    for (const f of ['apps/web/install.sh', 'apps/save.sh', 'apps/restore.sh']) writeFileSync(path.join(root, f), `#!/bin/sh\necho ${f}\n`);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  beforeEach(async () => {
    model = new Hypervisor({ delays: { default: 1, up: 2, reload: 2 } });
    server = await serveHypervisor(model, path.join(root, 'hv.sock'));
    dir = mkdtempSync(path.join(root, 'vagrant-'));
    home = path.join(dir, 'vhome');
    layout({ 'shop-web-1': spec(), 'shop-web-2': spec(), 'shop-web-3': spec({ state: undefined }) });
  });
  afterEach(async () => {
    await server.close();
  });

  function layout(machines: Record<string, InstanceSpec>): void {
    const instances = Object.entries(machines).map(([name, s]) => ({ service: SERVICE, tier: 'web', index: Number(name.split('-').pop()), name, spec: s }));
    writeFileSync(path.join(dir, 'Vagrantfile'), renderVagrantfile({ repoDir: root, service: serviceSpec, instances }));
  }

  function call(program: string, args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Promise<Answer> {
    return new Promise((resolve) => {
      const child = spawn(path.join(bin, program), args, {
        cwd: opts.cwd ?? dir,
        env: { PATH: process.env.PATH, SVCPLAN_CHAOS_SOCKET: server.socket, VAGRANT_HOME: home, VAGRANT_CWD: dir, ...opts.env },
        stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      });
      if (opts.input !== undefined) child.stdin!.end(opts.input);
      let stdout = '';
      let stderr = '';
      child.stdout!.on('data', (d) => (stdout += d));
      child.stderr!.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }
  const vagrant = (...args: string[]) => call('vagrant', args);
  const machine = (name: string) => model.machine(dir, name);
  const virsh = (...args: string[]) => call('virsh', ['-c', 'qemu:///system', ...args]);

  it('passes every argument byte for byte, with cwd, VAGRANT_CWD and separate stdout and stderr', async () => {
    model.programs['chaos-echo'] = async (ctx: CallContext) => ({ stdout: JSON.stringify(ctx.input) + '\n', stderr: "it's on stderr\n", exitCode: 42 });
    const args = ['a b', "it's", 'line\nbreak', '$(touch /nonexistent)', '`x`', '', 'ü€', '--flag=1&2', '%41', '-', 'a=b', '@file', '"q"', '\\'];
    const r = await call('chaos-echo', args, { cwd: root, env: { VAGRANT_CWD: '/somewhere else' } });
    expect(r.code).toBe(42);
    expect(r.stderr).toBe("it's on stderr\n");
    const input = JSON.parse(r.stdout);
    expect(input).toMatchObject({ program: 'chaos-echo', args, cwd: root, vagrantCwd: '/somewhere else', vagrantHome: home });
    expect(typeof input.ppid).toBe('number');
  });

  it('reads the generated Vagrantfile: boxes, hardware, state disk, provisioners and app versions', () => {
    const defs = parseVagrantfile(readFileSync(path.join(dir, 'Vagrantfile'), 'utf8'));
    expect(defs.map((d) => d.name)).toEqual(['shop-web-1', 'shop-web-2', 'shop-web-3']);
    const d = defs[0];
    expect(d).toMatchObject({ box: 'svcplan/debian-12', boxVersion: '= 12.7.1', memory: 512, cpus: 1 });
    expect(d.storage).toEqual([expect.objectContaining({ path: 'shop-web-1-state.qcow2', sizeGiB: 1, allowExisting: true })]);
    expect(d.provisioners.map((p) => `${p.name}${p.run ? ':' + p.run : ''}`)).toEqual([
      'features',
      'settings',
      'app-web-script',
      'app-web',
      'apps-prune',
      'save-state-script:never',
      'save-state:never',
      'restore-state-script:never',
      'restore-state:never',
    ]);
    expect(d.provisioners.find((p) => p.name === 'app-web')!.env).toMatchObject({ APP_NAME: 'web', APP_VERSION: '1.0' });
    expect(defs[2].storage).toEqual([]);
    // Values that are hard to quote survive the round trip through Ruby literals.
    layout({ 'shop-web-1': spec({ apps: { web: { version: '1\'\\\r\n#{x}"' } }, settings: { A: "x\ny 'z'" } }) });
    const again = parseVagrantfile(readFileSync(path.join(dir, 'Vagrantfile'), 'utf8'))[0];
    expect(again.provisioners.find((p) => p.name === 'app-web')!.env.APP_VERSION).toBe('1\'\\\r\n#{x}"');
  });

  it('answers status --machine-readable in the real format, every defined machine included', async () => {
    expect((await vagrant('up', 'shop-web-1', '--provider=libvirt', '--provision')).code).toBe(0);
    expect((await vagrant('up', 'shop-web-2')).code).toBe(0);
    expect((await vagrant('halt', 'shop-web-2')).code).toBe(0);
    const r = await vagrant('status', '--machine-readable');
    expect(r.code).toBe(0);
    // Timestamps and the names' padding in the human table differ; everything else is the fixture.
    const normalized = r.stdout
      .replace(/^\d+,/gm, 'T,')
      .replace(/shop-web-/g, 'e2e-life-app-')
      .replace(/ {2,}/g, ' ');
    const fixture = readFileSync(path.join(ROOT, 'test/drivers/fixtures/status-libvirt-mixed.txt'), 'utf8').replace(/^\d+,/gm, 'T,').replace(/ {2,}/g, ' ');
    expect(normalized.trim()).toBe(fixture.trim());
    expect(parseVagrantStatus(r.stdout)).toEqual({ 'shop-web-1': 'running', 'shop-web-2': 'stopped', 'shop-web-3': 'not_created' });
  });

  it('writes the machine id, index uuid and machine index entry as Vagrant does, and removes them on destroy', async () => {
    await vagrant('up', 'shop-web-1', '--provision');
    const m = machine('shop-web-1')!;
    const data = path.join(dir, '.vagrant/machines/shop-web-1/libvirt');
    expect(readFileSync(path.join(data, 'id'), 'utf8')).toBe(m.id);
    expect(m.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const uuid = readFileSync(path.join(data, 'index_uuid'), 'utf8');
    const index = JSON.parse(readFileSync(path.join(home, 'data/machine-index/index'), 'utf8'));
    expect(index).toEqual({
      version: 1,
      machines: {
        [uuid]: {
          local_data_path: path.join(dir, '.vagrant'),
          name: 'shop-web-1',
          provider: 'libvirt',
          state: 'running',
          vagrantfile_name: null,
          vagrantfile_path: dir,
          updated_at: null,
          extra_data: { box: { name: 'svcplan/debian-12', provider: 'libvirt', version: '12.7.1' } },
        },
      },
    });
    await vagrant('halt', 'shop-web-1');
    expect(JSON.parse(readFileSync(path.join(home, 'data/machine-index/index'), 'utf8')).machines[uuid].state).toBe('shutoff');
    const destroyed = await vagrant('destroy', '-f', 'shop-web-1');
    expect(destroyed.code).toBe(0);
    expect(existsSync(path.join(data, 'id'))).toBe(false);
    expect(existsSync(path.join(data, 'index_uuid'))).toBe(false);
    expect(JSON.parse(readFileSync(path.join(home, 'data/machine-index/index'), 'utf8')).machines).toEqual({});
    // A new machine of the same name is another domain.
    await vagrant('up', 'shop-web-1');
    expect(machine('shop-web-1')!.id).not.toBe(m.id);
    expect(readFileSync(path.join(data, 'id'), 'utf8')).toBe(machine('shop-web-1')!.id);
  });

  it('keeps state disks across destroy, attaches them to the next VM, and creates each once', async () => {
    await vagrant('up', 'shop-web-1');
    const first = machine('shop-web-1')!;
    expect(first.replacement).toBe(false);
    expect(model.disk('shop-web-1-state.qcow2')).toMatchObject({ sizeGiB: 1 });
    expect((await vagrant('destroy', '-f', 'shop-web-1')).code).toBe(0);
    expect(model.disk('shop-web-1-state.qcow2')).toBeDefined();
    await vagrant('up', 'shop-web-1');
    expect(machine('shop-web-1')!.replacement).toBe(true);
    expect(
      model
        .effects()
        .filter((e) => e.kind === 'disk-created')
        .map((e) => e.disk),
    ).toEqual(['default/shop-web-1-state.qcow2']);
    expect(
      model
        .effects()
        .filter((e) => e.kind === 'disk-attached')
        .map((e) => e.disk),
    ).toEqual(['default/shop-web-1-state.qcow2']);
  });

  it('grows a state disk only while its VM is off, never shrinks it, and records a deletion', async () => {
    await vagrant('up', 'shop-web-1');
    const resize = (size: string) => call('virsh', ['-c', 'qemu:///system', 'vol-resize', '--pool', 'default', 'shop-web-1-state.qcow2', size]);
    const running = await resize('2G');
    expect(running.code).toBe(1);
    expect(running.stderr).toMatch(/Failed to get "write" lock/);
    await vagrant('halt', 'shop-web-1');
    expect((await resize('2G')).code).toBe(0);
    expect(model.disk('shop-web-1-state.qcow2')!.sizeGiB).toBe(2);
    const shrink = await resize('1G');
    expect(shrink.code).toBe(1);
    expect(shrink.stderr).toMatch(/Can't shrink capacity/);
    const missing = await call('virsh', ['-c', 'qemu:///system', 'vol-resize', '--pool', 'default', 'nope-state.qcow2', '2G']);
    expect(missing.stderr).toMatch(/Storage volume not found/);
    expect((await call('virsh', ['-c', 'qemu:///system', 'vol-delete', '--pool', 'default', 'shop-web-1-state.qcow2'])).code).toBe(0);
    expect(model.disk('shop-web-1-state.qcow2')).toBeUndefined();
    expect(
      model
        .effects()
        .filter((e) => e.kind.startsWith('disk-'))
        .map((e) => e.kind),
    ).toEqual(['disk-created', 'disk-resized', 'disk-deleted']);
  });

  it('locks a machine while an action runs on it: a second action fails at once, status and ssh do not wait', async () => {
    // The up lasts long enough for the calls below to land while it runs, however busy the machine.
    model.setDelays({ up: 8000 });
    const up = vagrant('up', 'shop-web-1', '--provision');
    const booting = () => model.machines().some((m) => m.name === 'shop-web-1' && m.state === 'running' && !m.sshReady);
    while (!model.lockedBy('shop-web-1') || !booting()) await new Promise((r) => setTimeout(r, 20));
    const second = await vagrant('provision', 'shop-web-1', '--provision-with', 'app-web');
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(
      "An action 'provision' was attempted on the machine 'shop-web-1',\nbut another process is already executing an action on the machine.",
    );
    expect((await vagrant('destroy', '-f', 'shop-web-1')).stderr).toContain("An action 'destroy' was attempted on the machine 'shop-web-1'");
    expect((await vagrant('status', '--machine-readable')).code).toBe(0);
    // Booting, not answering SSH yet.
    expect((await vagrant('ssh', 'shop-web-1', '-c', 'true')).code).toBe(255);
    // Another machine is not locked.
    expect((await vagrant('halt', 'shop-web-2')).code).toBe(0);
    expect((await up).code).toBe(0);
    expect((await vagrant('ssh', 'shop-web-1', '-c', 'true')).code).toBe(0);
  });

  it('provisions as vagrant-libvirt does: not on a halted machine, run: never only when named, in Vagrantfile order', async () => {
    await vagrant('up', 'shop-web-1');
    const m = machine('shop-web-1')!;
    expect(m.provisionerRuns).toEqual({ features: 1, settings: 1, 'app-web-script': 1, 'app-web': 1, 'apps-prune': 1 });
    expect(m.apps).toEqual({ web: '1.0' });
    expect(readFileSync(path.join(dir, '.vagrant/machines/shop-web-1/libvirt/action_provision'), 'utf8')).toBe(`1.5:${m.id}`);

    await vagrant('halt', 'shop-web-1');
    const halted = await vagrant('provision', 'shop-web-1', '--provision-with', 'save-state-script,save-state');
    expect(halted.code).toBe(0);
    expect(halted.stdout).toContain('==> shop-web-1: Domain is not running. Please run `vagrant up` or `vagrant resume` first.');
    expect(machine('shop-web-1')!.saveRuns).toBe(0);
    const notCreated = await vagrant('provision', 'shop-web-3');
    expect(notCreated.code).toBe(0);
    expect(notCreated.stdout).toContain('Domain is not created');

    // up of a halted machine: no provisioning without --provision (the sentinel is there).
    await vagrant('up', 'shop-web-1');
    expect(machine('shop-web-1')!.provisionerRuns.features).toBe(1);
    // Named in any order: run in Vagrantfile order, never-ones included when named.
    const before = model.effects().length;
    await vagrant('provision', 'shop-web-1', '--provision-with', 'restore-state,app-web,features');
    expect(
      model
        .effects()
        .slice(before)
        .map((e) => e.detail),
    ).toEqual(['features', 'app-web', 'restore-state']);
    // `provision` does not check names; up and reload refuse a list with no known name.
    expect((await vagrant('provision', 'shop-web-1', '--provision-with', 'nope')).code).toBe(0);
    expect(model.effects().some((e) => e.kind === 'unknown-provisioner' && e.detail === 'nope')).toBe(true);
    const bad = await vagrant('up', 'shop-web-1', '--provision-with', 'nope');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("'nope' is not a known provisioner.");

    // A new app version reaches the VM only through its provisioner.
    layout({
      'shop-web-1': spec({ apps: { web: { version: '2.0', install: 'apps/web/install.sh' } } }),
      'shop-web-2': spec(),
      'shop-web-3': spec({ state: undefined }),
    });
    expect(machine('shop-web-1')!.apps).toEqual({ web: '1.0' });
    await vagrant('provision', 'shop-web-1', '--provision-with', 'app-web-script,app-web');
    expect(machine('shop-web-1')!.apps).toEqual({ web: '2.0' });
    layout({ 'shop-web-1': spec({ apps: {} }), 'shop-web-2': spec(), 'shop-web-3': spec({ state: undefined }) });
    await vagrant('provision', 'shop-web-1', '--provision-with', 'apps-prune');
    expect(machine('shop-web-1')!.apps).toEqual({});
  });

  it('reload applies memory and cpus and runs only the named provisioners; halt, destroy, reload of nothing exit 0', async () => {
    await vagrant('up', 'shop-web-1');
    layout({ 'shop-web-1': spec({ memory: 1024, cpus: 2 }), 'shop-web-2': spec(), 'shop-web-3': spec({ state: undefined }) });
    expect((await vagrant('reload', 'shop-web-1', '--no-provision')).code).toBe(0);
    expect(machine('shop-web-1')).toMatchObject({ memory: 1024, cpus: 2, state: 'running', sshReady: true });
    expect(machine('shop-web-1')!.provisionerRuns.features).toBe(1);
    for (const args of [
      ['halt', 'shop-web-3'],
      ['destroy', '-f', 'shop-web-3'],
      ['reload', 'shop-web-3'],
    ]) {
      const r = await vagrant(...args);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('==> shop-web-3: Domain is not created. Please run `vagrant up` first.');
    }
    expect((await vagrant('up', 'shop-web-9')).stderr).toContain("The machine with the name 'shop-web-9' was not found configured for");
    expect((await vagrant('destroy', 'shop-web-1')).code).toBe(1); // no -f, no TTY to confirm
  });

  it('answers ssh as the guest would: not created, halted, not ready, unhealthy for some probes', async () => {
    expect((await vagrant('ssh', 'shop-web-1', '-c', 'true')).stderr).toContain('VM must be created before running this command.');
    await vagrant('up', 'shop-web-1');
    expect((await vagrant('ssh', 'shop-web-1', '-c', 'systemctl is-active shop')).code).toBe(0);
    model.setUnhealthy('shop-web-1', 2);
    expect((await vagrant('ssh', 'shop-web-1', '-c', 'true')).code).toBe(1);
    expect((await vagrant('ssh', 'shop-web-1', '-c', 'true')).code).toBe(1);
    expect((await vagrant('ssh', 'shop-web-1', '-c', 'true')).code).toBe(0);
    model.setUnhealthy('shop-web-1');
    expect((await vagrant('ssh', 'shop-web-1', '-c', 'true', '--', '-q')).code).toBe(1);
    model.heal('shop-web-1');
    await vagrant('halt', 'shop-web-1');
    expect((await vagrant('ssh', 'shop-web-1', '-c', 'true')).stderr).toContain('VM must be running to open SSH connection.');
  });

  it('moves app state through save-state and restore-state, and tells a save on a new VM', async () => {
    await vagrant('up', 'shop-web-1');
    const old = machine('shop-web-1')!;
    const disk = model.disk('shop-web-1-state.qcow2')!;
    expect(old.appState).toBe(disk.lineage);
    await vagrant('provision', 'shop-web-1', '--provision-with', 'save-state-script,save-state');
    expect(model.disk('shop-web-1-state.qcow2')!.token).toBe(disk.lineage);
    await vagrant('halt', 'shop-web-1');
    await vagrant('destroy', '-f', 'shop-web-1');
    await vagrant('up', 'shop-web-1', '--no-destroy-on-error', '--provision');
    const next = machine('shop-web-1')!;
    expect(next).toMatchObject({ replacement: true, restoreRuns: 0 });
    expect(next.appState).toBeUndefined();
    await vagrant('provision', 'shop-web-1', '--provision-with', 'restore-state-script,restore-state');
    expect(machine('shop-web-1')).toMatchObject({ appState: disk.lineage, restoreRuns: 1 });
    expect(model.effects().some((e) => e.kind === 'save-on-new-vm')).toBe(false);

    // Saving on a replacement before its restore overwrites the saved state with nothing.
    await vagrant('destroy', '-f', 'shop-web-1');
    await vagrant('up', 'shop-web-1');
    await vagrant('provision', 'shop-web-1', '--provision-with', 'save-state');
    expect(model.effects().filter((e) => e.kind === 'save-on-new-vm')).toHaveLength(1);
    expect(model.disk('shop-web-1-state.qcow2')!.token).not.toBe(disk.lineage);
  });

  it('kills the caller before, after or during a call, and fails a call once on request', async () => {
    const signals: string[] = [];
    const control = (at: number, mode: RunControl['mode']): RunControl => ({ at, mode, kill: (s) => signals.push(`${mode}@${at}:${s}`) });

    model.startRun('before', control(1, 'before'));
    const before = await vagrant('up', 'shop-web-1');
    expect(before).toEqual({ code: 137, stdout: '', stderr: 'Killed\n' });
    expect(machine('shop-web-1')).toBeUndefined();

    model.startRun('after', control(2, 'after'));
    await vagrant('status', '--machine-readable');
    const after = await vagrant('up', 'shop-web-1');
    expect(after.code).toBe(0);
    expect(machine('shop-web-1')).toMatchObject({ state: 'running', sshReady: true });

    model.startRun('during', control(1, 'during'));
    const during = vagrant('up', 'shop-web-2');
    await sleep(150);
    expect(signals).toEqual(['before@1:SIGKILL', 'after@2:SIGKILL', 'during@1:SIGKILL']);
    expect(machine('shop-web-2')).toMatchObject({ state: 'running', sshReady: false });
    expect(machine('shop-web-2')!.provisionerRuns).toEqual({});
    // The orphaned up boots on until the next run has started calling, and a while after.
    await sleep(model.duringHoldMs + 100);
    expect(machine('shop-web-2')!.sshReady).toBe(false);
    model.startRun('next');
    const started = Date.now();
    expect((await vagrant('provision', 'shop-web-2')).stderr).toContain("An action 'provision' was attempted on the machine 'shop-web-2'");
    expect((await during).code).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(model.duringHoldMs - 50);
    expect(machine('shop-web-2')).toMatchObject({ sshReady: true, apps: { web: '1.0' } });
    expect(model.calls('during').map((c) => c.control)).toEqual(['kill-during']);

    model.startRun('fault');
    model.failNext({ command: 'up', target: 'shop-web-3' });
    const failed = await vagrant('up', 'shop-web-3');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/An error occurred while executing the action on the 'shop-web-3'/);
    expect(machine('shop-web-3')).toBeUndefined();
    expect((await vagrant('up', 'shop-web-3')).code).toBe(0);
  });

  it('leaves the disk image of a create killed before its domain exists; vagrant destroy clears it, not the state disk', async () => {
    const signals: string[] = [];
    model.startRun('cut', { at: 1, mode: 'during-create', kill: (s) => signals.push(s) });
    const cut = await vagrant('up', 'shop-web-1');
    expect(cut.code).toBe(137);
    expect(signals).toEqual(['SIGKILL']);
    expect(machine('shop-web-1')).toBeUndefined();
    expect(model.state.rootVolumes).toEqual([expect.stringMatching(/_shop-web-1\.img$/)]);

    model.startRun('again');
    const again = await vagrant('up', 'shop-web-1');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("Volume for domain is already created. Please run 'vagrant destroy' first.");
    expect(machine('shop-web-1')).toBeUndefined();

    const disksBefore = Object.keys(model.state.disks);
    const cleared = await vagrant('destroy', '-f', 'shop-web-1');
    expect(cleared.code).toBe(0);
    expect(cleared.stdout).toContain('Remove stale volume...');
    expect(model.state.rootVolumes).toEqual([]);
    expect(Object.keys(model.state.disks)).toEqual(disksBefore);

    expect((await vagrant('up', 'shop-web-1')).code).toBe(0);
    expect(model.state.rootVolumes).toHaveLength(1);
    await vagrant('destroy', '-f', 'shop-web-1');
    expect(model.state.rootVolumes).toEqual([]);
  });

  it('leaves a domain with no record of a create killed after CreateDomain; only virsh undefine lets up and destroy go on', async () => {
    model.startRun('cut', { at: 1, mode: 'during-define', kill: () => undefined });
    const cut = await vagrant('up', 'shop-web-1');
    expect(cut.code).toBe(137);
    expect(machine('shop-web-1')).toBeUndefined();
    expect(model.state.unrecordedDomains).toEqual([expect.objectContaining({ name: 'shop-web-1' })]);
    const disksBefore = Object.keys(model.state.disks);
    expect(disksBefore).toEqual([expect.stringMatching(/shop-web-1-state\.qcow2$/)]);

    model.startRun('again');
    for (const args of [
      ['up', 'shop-web-1'],
      ['destroy', '-f', 'shop-web-1'],
    ]) {
      const refused = await vagrant(...args);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/Name `\S+_shop-web-1` of domain about to create is already taken/);
    }
    const domain = `${path.basename(dir)}_shop-web-1`;
    expect((await virsh('domstate', domain)).stdout).toBe('shut off\n\n');
    expect((await virsh('undefine', domain)).code).toBe(0);
    expect(model.state.unrecordedDomains).toEqual([]);
    expect((await vagrant('destroy', '-f', 'shop-web-1')).stdout).toContain('Remove stale volume...');
    expect((await vagrant('up', 'shop-web-1')).code).toBe(0);
    expect(Object.keys(model.state.disks)).toEqual(disksBefore);
    // Undefining a domain Vagrant records is refused, and marked.
    const id = machine('shop-web-1')!.id;
    expect((await virsh('undefine', id)).code).toBe(1);
    expect(model.effects().some((e) => e.kind === 'unsafe-undefine')).toBe(true);
  });

  it('answers ssh-config as vagrant-libvirt does, once the guest is up; its guests answer ssh with those settings', async () => {
    const ported = (n: number) => spec({ target: { provider: 'libvirt', options: {}, ssh: { host: '127.0.0.1', portBase: 2800 + n - 1 } } });
    layout({ 'shop-web-1': ported(1), 'shop-web-2': ported(2), 'shop-web-3': spec({ state: undefined }) });
    const notReady = await vagrant('ssh-config', 'shop-web-1');
    expect(notReady.code).toBe(1);
    expect(notReady.stderr).toBe(readFileSync(path.join(ROOT, 'test/drivers/fixtures/ssh-config-not-ready.txt'), 'utf8'));
    await vagrant('up', 'shop-web-1');
    await vagrant('up', 'shop-web-3');
    const answer = await vagrant('ssh-config', 'shop-web-1');
    expect(answer.code).toBe(0);
    // The captured vagrant-libvirt answer, but for the machine's own name, port and key.
    const captured = readFileSync(path.join(ROOT, 'test/drivers/fixtures/ssh-config-libvirt.txt'), 'utf8').split('\n\n')[0] + '\n\n';
    expect(answer.stdout).toBe(
      captured
        .replace(/lab-app-1/g, 'shop-web-1')
        .replace('2922', '2800')
        .replace('/tmp/vmlab/repo/.svcplan/vagrant/lab', dir),
    );
    // No endpoint in the Vagrantfile: an address of its own, port 22.
    expect(sshSettingsOf(parseSshConfig((await vagrant('ssh-config', 'shop-web-3')).stdout)[0])).toMatchObject({
      hostName: expect.stringMatching(/^192\.0\.2\.\d+$/),
      port: 22,
    });

    const conf = path.join(dir, 'shop-web-1.conf');
    const block = parseSshConfig(answer.stdout)[0];
    writeFileSync(conf, renderSshConfig('shop-web-1', block.entries)!);
    const ssh = (input: string, config = conf) => call('ssh', ['-F', config, '-T', '-o', 'BatchMode=yes', 'shop-web-1', 'sh -s'], { input });
    expect(await ssh(REACH_PAYLOAD)).toEqual({ code: 0, stdout: '', stderr: '' });
    // Another key: refused. A machine that is down: no connection.
    const wrong = path.join(dir, 'wrong.conf');
    writeFileSync(
      wrong,
      renderSshConfig(
        'shop-web-1',
        block.entries.map((e) => (e.key === 'IdentityFile' ? { ...e, value: conf } : e)),
      )!,
    );
    expect(await ssh(REACH_PAYLOAD, wrong)).toMatchObject({ code: 255, stderr: 'vagrant@127.0.0.1: Permission denied (publickey).\r\n' });
    model.setUnhealthy('shop-web-1', 1);
    expect((await ssh(commandPayload('systemctl is-active shop'))).code).toBe(1);
    expect((await ssh(commandPayload('systemctl is-active shop'))).code).toBe(0);
    expect(
      model
        .calls()
        .filter((c) => c.program === 'ssh')
        .map((c) => [c.target, c.guest]),
    ).toEqual([
      ['shop-web-1', { reach: true }],
      ['shop-web-1', undefined],
      ['shop-web-1', { command: 'systemctl is-active shop' }],
      ['shop-web-1', { command: 'systemctl is-active shop' }],
    ]);
    await vagrant('halt', 'shop-web-1');
    expect(await ssh(REACH_PAYLOAD)).toMatchObject({ code: 255, stderr: 'ssh: connect to host 127.0.0.1 port 2800: Connection refused\r\n' });
  });

  it("runs provisioners sent over SSH only when they are the machine's own, with the effects Vagrant's have", async () => {
    await vagrant('up', 'shop-web-1');
    const conf = path.join(dir, 'shop-web-1.conf');
    writeFileSync(conf, renderSshConfig('shop-web-1', parseSshConfig((await vagrant('ssh-config', 'shop-web-1')).stdout)[0].entries)!);
    const ssh = (input: string) => call('ssh', ['-F', conf, 'shop-web-1', 'sh -s'], { input });
    layout({
      'shop-web-1': spec({ apps: { web: { version: '2.0', install: 'apps/web/install.sh' } } }),
      'shop-web-2': spec(),
      'shop-web-3': spec({ state: undefined }),
    });
    const defs = (s: InstanceSpec, names: string[]) => provisionersOf({ spec: s }, serviceSpec, root).filter((p) => names.includes(p.name));
    const v2 = spec({ apps: { web: { version: '2.0', install: 'apps/web/install.sh' } } });
    const payload = provisionPayload(defs(v2, ['app-web-script', 'app-web']), (f) => readFileSync(f));
    // Cut off on the way: the guest shell runs nothing of it.
    expect((await ssh(payload.slice(0, payload.length - 20))).code).toBe(2);
    expect(machine('shop-web-1')!.apps).toEqual({ web: '1.0' });
    // Another version than the Vagrantfile's: not one of its provisioners.
    const forged = provisionPayload(defs(spec({ apps: { web: { version: '9.9', install: 'apps/web/install.sh' } } }), ['app-web']), (f) => readFileSync(f));
    expect((await ssh(forged)).code).toBe(1);
    expect(model.effects().some((e) => e.kind === 'unknown-provisioner')).toBe(true);
    expect((await ssh(payload)).code).toBe(0);
    expect(machine('shop-web-1')!.apps).toEqual({ web: '2.0' });
    expect(
      model
        .calls()
        .filter((c) => c.program === 'ssh')
        .map((c) => c.guest?.provisioners),
    ).toEqual([undefined, undefined, ['app-web-script', 'app-web']]);
    // The hooks move app state as over Vagrant.
    const disk = model.disk('shop-web-1-state.qcow2')!;
    expect((await ssh(provisionPayload(defs(v2, ['save-state-script', 'save-state']), (f) => readFileSync(f)))).code).toBe(0);
    expect(model.disk('shop-web-1-state.qcow2')!.token).toBe(disk.lineage);
    expect(machine('shop-web-1')).toMatchObject({ saveRuns: 1, provisionerRuns: expect.objectContaining({ 'save-state': 1, 'app-web': 2 }) });
  });

  it('answers virsh domstate for many domains in one call, and virsh list', async () => {
    await vagrant('up', 'shop-web-1');
    await vagrant('up', 'shop-web-2');
    await vagrant('halt', 'shop-web-2');
    const [one, two] = [machine('shop-web-1')!, machine('shop-web-2')!];
    const gone = '5f0e7a52-0c1d-4c8e-9b1e-000000000000';
    const r = await call('virsh', virshDomstateArgs('qemu:///system', [one.id, gone, two.id])!);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`error: failed to get domain '${gone}'\n`);
    expect(r.stdout).toBe(
      readFileSync(path.join(ROOT, 'test/drivers/fixtures/virsh-domstates.txt'), 'utf8')
        .replace('127e48a7-88ab-4677-915f-4a8d22d10f7c', one.id)
        .replace('37f5c9e1-b669-4a5a-a162-28546c469be4', two.id),
    );
    expect(parseVirshDomstates(r.stdout)).toEqual(
      new Map([
        [one.id, 'running'],
        [two.id, 'shut off'],
      ]),
    );
    const uuids = await call('virsh', ['-c', 'qemu:///system', 'list', '--all', '--uuid']);
    expect(uuids.stdout).toBe(`${one.id}\n${two.id}\n\n`);
    const table = await call('virsh', ['list', '--all']);
    expect(table.stdout).toMatch(/^ Id +Name +State\n-+\n 1 +\S+_shop-web-1 +running\n - +\S+_shop-web-2 +shut off\n\n$/);
  });

  it('lists and adds boxes as Vagrant does, into VAGRANT_HOME; a box no catalog has cannot be added', async () => {
    const empty = await vagrant('box', 'list', '--machine-readable');
    expect(parseBoxList(empty.stdout)).toEqual([]);
    const added = await vagrant('box', 'add', 'test/tiny-v1', '--box-version', '1.0.0', '--provider', 'libvirt');
    expect(added.code).toBe(0);
    expect(existsSync(path.join(home, 'boxes/test-VAGRANTSLASH-tiny-v1/1.0.0/libvirt/metadata.json'))).toBe(true);
    const list = await vagrant('box', 'list', '--machine-readable');
    expect(list.stdout.replace(/^\d+,/gm, 'T,')).toBe(
      readFileSync(path.join(ROOT, 'test/drivers/fixtures/box-list.txt'), 'utf8').replace(/^\d+,/gm, 'T,').split('\n').slice(0, 4).join('\n') + '\n',
    );
    expect((await vagrant('box', 'add', 'test/tiny-v1', '--box-version', '1.0.0', '--provider', 'libvirt')).stderr).toContain(
      "The box you're attempting to add already exists.",
    );
    const missing = await vagrant('box', 'add', 'missing/box', '--box-version', '1.0.0', '--provider', 'libvirt');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("The box 'missing/box' could not be found or\ncould not be accessed in the remote catalog.");
    expect(
      model
        .effects()
        .filter((e) => e.kind === 'box-added')
        .map((e) => e.detail),
    ).toEqual(['test/tiny-v1@1.0.0']);
  });

  it('restores a snapshot of its state', async () => {
    await vagrant('up', 'shop-web-1');
    const snap = model.snapshot();
    await vagrant('destroy', '-f', 'shop-web-1');
    expect(machine('shop-web-1')).toBeUndefined();
    model.restore(snap);
    expect(machine('shop-web-1')).toMatchObject({ state: 'running' });
    expect(model.calls()).toHaveLength(1);
  });
});
