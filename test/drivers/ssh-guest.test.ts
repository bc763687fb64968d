// Guest commands over the direct SSH channel, run for real: the payload the driver sends goes
// through the call wrapper and a stand-in ssh (support/fake-ssh.sh) to the real sh, in a private
// mount namespace where /etc and /tmp are a test folder. Values from YAML that try every way out of
// a shell word, and a hook path that does, reach the guest verbatim and run nothing; the hooks get
// the state disk's environment and the settings; each call leaves its receipt.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GuestCommandError, VagrantDriver } from '../../src/apply/drivers/vagrant/driver.js';
import { ProcessRunner, type CommandLine, type CommandRunner, type RunOptions } from '../../src/apply/drivers/vagrant/runner.js';
import { settingsFile, STATE_MOUNT, vagrantDirOf } from '../../src/apply/drivers/vagrant/vagrantfile.js';
import { instanceSpec, instancesOf, serviceSpec, tierSpec } from './support/specs.js';

const work = mkdtempSync(join(tmpdir(), 'svcplan-ssh-guest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
// What an escape would create: in the guest (its /etc is a test folder), and on the host.
const PWNED = '/etc/pwned';
const pwnedInGuest = () => existsSync(join(guest, 'etc', 'pwned'));
const pwnedOnHost = join(work, 'pwned');
const fakeSsh = fileURLToPath(new URL('./support/fake-ssh.sh', import.meta.url));

beforeAll(() => {
  const probe = spawnSync('sh', [fileURLToPath(new URL('./support/guest-ns.sh', import.meta.url))], { encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new Error(`this test runs guest scripts in a private mount namespace, which cannot be had here: ${probe.error?.message ?? probe.stderr}`);
  }
});

const HOSTILE = [
  "it's",
  'say "hi"',
  `$(touch ${PWNED})`,
  `\`touch ${PWNED}\``,
  `'; touch ${PWNED}; echo '`,
  `"; touch ${PWNED}; echo "`,
  "back\\slash \\\\ and \\' and \\n",
  'line one\nline two\r\n',
  '${HOME} $HOME %s %n',
  'ünïcödé ✓ 日本語 🚀',
  '\t tab and trailing space ',
  '',
  '}\nexit 0\n{',
];

const repo = join(work, 'repo');
const guest = join(work, 'guest');
const hookDir = `apps/it's $(touch ${pwnedOnHost}) \`touch ${pwnedOnHost}\``;
mkdirSync(join(repo, hookDir), { recursive: true });
mkdirSync(join(repo, 'apps', 'shop'), { recursive: true });
// The hooks and the install script write what they were given, NUL-separated, into the guest.
const dump = (file: string, vars: string[]) => `#!/bin/sh\nprintf '%s\\0' ${vars.map((v) => `"$${v}"`).join(' ')} > ${file}\necho "hook output on stdout"\n`;
const settings = Object.fromEntries(HOSTILE.map((v, i) => [`S${i}`, v]));
const settingNames = Object.keys(settings);
writeFileSync(join(repo, hookDir, 'save.sh'), dump('/etc/save-env', ['SVCPLAN_STATE_DEVICE', 'SVCPLAN_STATE_MOUNT', ...settingNames]));
writeFileSync(join(repo, hookDir, 'restore.sh'), '#!/bin/sh\necho "restore fails" >&2\nexit 7\n');
writeFileSync(join(repo, 'apps', 'shop', 'install.sh'), dump('/etc/install-env', ['APP_NAME', 'APP_VERSION', 'SVCPLAN_STATE_DEVICE', ...settingNames]));

const spec = instanceSpec({
  features: HOSTILE.filter((f) => f !== ''),
  apps: { shop: { version: HOSTILE.join('|'), install: 'apps/shop/install.sh' } },
  settings,
  state: { disk: 1, save: `${hookDir}/save.sh`, restore: `${hookDir}/restore.sh`, onScaleIn: 'retain' },
});
const service = serviceSpec('guest', [tierSpec('app', spec, { count: 1 })], { ssh: { host: '127.0.0.1', portBase: 2650 } });
const [inst] = instancesOf(service);
const vagrantDir = vagrantDirOf(repo, 'guest');

for (const d of ['etc', 'tmp', 'bin']) mkdirSync(join(guest, d), { recursive: true });
// The test boxes' sudo: everybody is root there; options are dropped.
writeFileSync(
  join(guest, 'bin', 'sudo'),
  '#!/bin/sh\nwhile [ $# -gt 0 ]; do case "$1" in -u|-g|-p|-C) shift 2 ;; --) shift; break ;; -*) shift ;; *) break ;; esac; done\nexec "$@"\n',
  { mode: 0o755 },
);
const sshLog = join(work, 'ssh.log');

/** Real programs, but `vagrant ssh-config` answered as vagrant-libvirt answers it. */
class GuestRunner implements CommandRunner {
  private readonly real = new ProcessRunner({ FAKE_GUEST: guest, FAKE_SSH_LOG: sshLog });
  readonly commands: CommandLine[] = [];
  async run(command: CommandLine, options: RunOptions = {}) {
    this.commands.push(command);
    if (command.program === 'vagrant' && command.args[0] === 'ssh-config') {
      const key = join(vagrantDir, '.vagrant', 'machines', inst.name, 'libvirt', 'private_key');
      return {
        exitCode: 0,
        stdout: `Host ${inst.name}\n  HostName 127.0.0.1\n  User vagrant\n  Port 2650\n  IdentityFile ${key}\n  IdentitiesOnly yes\n  LogLevel FATAL\n\n`,
        stderr: '',
      };
    }
    if (command.program === 'vagrant') throw new Error(`unexpected vagrant call: ${command.args.join(' ')}`);
    return this.real.run(command, options);
  }
}

const data = join(vagrantDir, '.vagrant', 'machines', inst.name, 'libvirt');
mkdirSync(data, { recursive: true });
writeFileSync(join(data, 'id'), '6a0c5d1e-3f2b-4a1c-9e8d-7b6a5c4d3e2f');
writeFileSync(join(data, 'private_key'), 'key\n', { mode: 0o600 });

const output: { line: string; stream: string }[] = [];
const runner = new GuestRunner();
const driver = new VagrantDriver({ repoDir: repo, runner, ssh: fakeSsh, tmpDir: work, onOutput: (o) => output.push({ line: o.line, stream: o.stream }) });
const calls = join(vagrantDir, '.svcplan-calls');
const nulList = (file: string) => readFileSync(join(guest, file), 'utf8').split('\0').slice(0, -1);

beforeAll(async () => {
  await driver.layout(service, [inst]);
});

test('features, settings and an app: every value arrives verbatim, nothing runs', async () => {
  await driver.provision(inst, ['features', 'settings', 'app-shop'], { call: 'refresh1' });
  expect(readFileSync(join(guest, 'etc/svcplan/features'), 'utf8')).toBe(spec.features.map((f) => f + '\n').join(''));
  expect(readFileSync(join(guest, 'etc/svcplan/settings.env'), 'utf8')).toBe(settingsFile(settings, 'guest'));
  expect(readFileSync(join(guest, 'etc/svcplan/apps/shop/version'), 'utf8')).toBe(spec.apps.shop.version);
  // The install script got the app's name and version, the state disk and every setting.
  expect(nulList('etc/install-env')).toEqual(['shop', spec.apps.shop.version, '/dev/vdb', ...settingNames.map((k) => settings[k])]);
  expect(pwnedInGuest() || existsSync(pwnedOnHost)).toBe(false);
  // One ssh call for all three (and the check that connects before it); one receipt.
  expect(readFileSync(sshLog, 'utf8').trim().split('\n')).toHaveLength(2);
  expect(readFileSync(join(calls, 'refresh1.exit'), 'utf8').trim()).toBe('0');
  expect(await driver.outcome(inst, 'refresh1')).toBe('succeeded');
});

test('save-state: the hook from a hostile path gets the state disk, the mount point and the settings', async () => {
  output.length = 0;
  await driver.provision(inst, ['save-state'], { call: 'save1' });
  expect(nulList('etc/save-env')).toEqual(['/dev/vdb', STATE_MOUNT, ...settingNames.map((k) => settings[k])]);
  expect(pwnedInGuest() || existsSync(pwnedOnHost)).toBe(false);
  // Its output reaches the driver's listener line by line, and stays next to the receipt.
  expect(output).toContainEqual({ line: 'hook output on stdout', stream: 'stdout' });
  expect(readFileSync(join(calls, 'save1.out'), 'utf8')).toContain('hook output on stdout');
  expect(readFileSync(join(calls, 'save1.cmd'), 'utf8')).toMatch(/fake-ssh\.sh -F .*guest-app-1\.conf .* guest-app-1 'sh -s'\n$/);
  expect(readdirSync(calls).filter((f) => f.startsWith('save1'))).toEqual(['save1.cmd', 'save1.err', 'save1.exit', 'save1.out', 'save1.pid']);
  // Nothing of the hook is left in the guest's temporary folder but the upload Vagrant leaves too.
  expect(readdirSync(join(guest, 'tmp'))).toEqual(['svcplan-save-state']);
});

test('a failing restore-state: its exit code and stderr in the error, and a failed receipt', async () => {
  const failure = driver.provision(inst, ['restore-state'], { call: 'restore1' });
  await expect(failure).rejects.toBeInstanceOf(GuestCommandError);
  await expect(failure).rejects.toThrow(
    /provisioners restore-state-script,restore-state on guest-app-1 \(over SSH\): .* exited with 7 .*\n[\s\S]*restore fails$/,
  );
  expect(await driver.outcome(inst, 'restore1')).toBe('failed');
});

test('health over SSH: the command runs in a login shell as the SSH user, its exit code is the answer', async () => {
  expect(
    await driver.health(inst, {
      command: `test "$(cat /etc/svcplan/apps/shop/version)" = '${spec.apps.shop.version.replace(/'/g, "'\\''")}'`,
      timeoutSeconds: 5,
      minReadySeconds: 0,
    }),
  ).toBe(true);
  expect(await driver.health(inst, { command: 'exit 3', timeoutSeconds: 0, minReadySeconds: 0 })).toBe(false);
  expect(pwnedInGuest()).toBe(false);
  expect(await driver.health(inst, { command: `touch ${PWNED}; false`, timeoutSeconds: 0, minReadySeconds: 0 })).toBe(false);
  // The health command is the user's shell code: it ran. Nothing else ever did.
  expect(pwnedInGuest()).toBe(true);
  expect(existsSync(pwnedOnHost)).toBe(false);
  expect(runner.commands.filter((c) => c.program === 'vagrant').map((c) => c.args.join(' '))).toEqual(['ssh-config guest-app-1']);
});
