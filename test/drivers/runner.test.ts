// The process runner every vagrant, virsh and VBoxManage call goes through, against real
// programs: output line by line, exit codes, environment, timeouts, programs that cannot start.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VagrantCommandError } from '../../src/apply/drivers/vagrant/driver.js';
import { ProcessRunner, type OutputStream } from '../../src/apply/drivers/vagrant/runner.js';

const dir = mkdtempSync(join(tmpdir(), 'svcplan-runner-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('output arrives line by line on its stream and is returned whole, with the exit code', async () => {
  const lines: [string, OutputStream][] = [];
  const result = await new ProcessRunner().run(
    { program: 'sh', args: ['-c', 'echo one; printf "two\\r\\nthree"; echo "é€" >&2; exit 3'], cwd: dir },
    { onLine: (line, stream) => lines.push([line, stream]) },
  );
  expect(result).toEqual({ exitCode: 3, stdout: 'one\ntwo\nthree', stderr: 'é€' });
  expect(lines.filter(([, s]) => s === 'stdout').map(([l]) => l)).toEqual(['one', 'two', 'three']);
  expect(lines.filter(([, s]) => s === 'stderr').map(([l]) => l)).toEqual(['é€']);
});

test('arguments reach the program as given, without a shell in between', async () => {
  const hostile = `$(touch ${join(dir, 'pwned')}) ; 'quoted' "double" \\ *`;
  const result = await new ProcessRunner().run({ program: 'printf', args: ['%s', hostile], cwd: dir });
  expect(result).toEqual({ exitCode: 0, stdout: hostile, stderr: '' });
  const listing = await new ProcessRunner().run({ program: 'ls', args: ['-A'], cwd: dir });
  expect(listing.stdout).toBe('');
});

test('runs in the command directory, with the fixed Vagrant settings, VAGRANT_CWD and the extra env', async () => {
  const runner = new ProcessRunner({ VAGRANT_NO_COLOR: '0', SVCPLAN_RUNNER_TEST: 'extra' });
  const result = await runner.run({
    program: 'sh',
    args: ['-c', 'echo "$PWD|$VAGRANT_CWD|$VAGRANT_CHECKPOINT_DISABLE|$VAGRANT_NO_COLOR|$SVCPLAN_RUNNER_TEST|${HOME:+home}"'],
    cwd: dir,
  });
  expect(result.stdout).toBe(`${dir}|${dir}|1|0|extra|home`);
});

test('a program that is not there, or a directory that is not, is exit code 127 with the reason', async () => {
  const missing = await new ProcessRunner().run({ program: 'svcplan-no-such-program', args: [], cwd: dir });
  expect(missing.exitCode).toBe(127);
  expect(missing.stderr).toMatch(/could not start svcplan-no-such-program: .*ENOENT/);
  const noDir = await new ProcessRunner().run({ program: 'sh', args: ['-c', 'true'], cwd: join(dir, 'gone') });
  expect(noDir.exitCode).toBe(127);
  expect(noDir.stderr).toMatch(/could not start sh: .*(ENOENT|"cwd" option is invalid)/);
});

test('a program past its timeout is stopped, and killed if it ignores the stop', async () => {
  const started = Date.now();
  const polite = await new ProcessRunner().run({ program: 'sh', args: ['-c', 'echo started; exec sleep 30'], cwd: dir }, { timeoutSeconds: 1 });
  expect(polite).toEqual({ exitCode: 127, stdout: 'started', stderr: 'timed out after 1 s' });
  expect(Date.now() - started).toBeLessThan(5_000);

  const stubborn = await new ProcessRunner().run(
    { program: 'sh', args: ['-c', 'trap "" TERM; echo started; sleep 15 & wait; sleep 15'], cwd: dir },
    { timeoutSeconds: 1 },
  );
  expect(stubborn.exitCode).toBe(127);
  expect(stubborn.stderr).toBe('timed out after 1 s');
  expect(Date.now() - started).toBeLessThan(20_000);
}, 30_000);

test('a failed command is reported with its reason from stderr, even after pages of progress', async () => {
  // What `vagrant up` does when libvirt refuses: a long run of progress on stdout, the cause on stderr.
  const script = 'for i in $(seq 40); do echo "==> vm: progress $i"; done; echo "Call to virDomainCreateWithFlags failed: no virtlogd" >&2; exit 1';
  const command = { program: 'sh', args: ['-c', script], cwd: dir };
  const error = new VagrantCommandError(command, await new ProcessRunner().run(command));
  expect(error.message).toMatch(/^`sh -c .*` exited with 1 \(in /);
  expect(error.message).toContain('Call to virDomainCreateWithFlags failed: no virtlogd');
  expect(error.message).toContain('==> vm: progress 40');
  expect(error.message).not.toContain('==> vm: progress 1\n');
  expect(error.message.split('\n').length).toBeLessThan(25);
});

test('a Ruby backtrace does not crowd out the error above it', async () => {
  // Vagrant's crash report: the reason, then dozens of frames.
  const frames = Array.from(
    { length: 30 },
    (_, i) => `\tfrom /usr/share/rubygems-integration/all/gems/vagrant-2.3.4/lib/vagrant/action/warden.rb:${i}:in \`call'`,
  );
  const stderr = ["/usr/share/vagrant-libvirt/lib/start_domain.rb:12:in `call': Call to virDomainCreateWithFlags failed (Libvirt::Error)", ...frames].join(
    '\n',
  );
  const command = { program: 'vagrant', args: ['up', 'vm'], cwd: dir };
  const error = new VagrantCommandError(command, { exitCode: 1, stdout: '==> vm: Starting domain.\n', stderr });
  expect(error.message).toContain('Call to virDomainCreateWithFlags failed (Libvirt::Error)');
  expect(error.message).not.toContain('warden.rb');
});

test('a program whose signal is aborted is stopped at once', async () => {
  const controller = new AbortController();
  const started = Date.now();
  setTimeout(() => controller.abort(), 200);
  const result = await new ProcessRunner().run({ program: 'sleep', args: ['30'], cwd: dir }, { signal: controller.signal });
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(result.exitCode).toBe(127);
  expect(result.stderr).toMatch(/stopped: no longer needed/);
});

test('input reaches the program on its standard input; without it, the program gets none', async () => {
  const fed = await new ProcessRunner().run({ program: 'sh', args: ['-c', 'cat; echo "[$1]"', 'sh', 'x'], cwd: dir }, { input: "line one\n$(not run) 'q'\n" });
  expect(fed).toEqual({ exitCode: 0, stdout: "line one\n$(not run) 'q'\n[x]", stderr: '' });
  const none = await new ProcessRunner().run({ program: 'sh', args: ['-c', 'cat; echo end'], cwd: dir });
  expect(none.stdout).toBe('end');
});

test('under a receipt, input comes from a file and detached output goes to files, read as they grow', async () => {
  const base = join(dir, 'detached');
  const lines: [string, OutputStream][] = [];
  const script = [
    // What the program holds: files, not pipes of this process.
    'l=$(readlink /proc/$$/fd/0 /proc/$$/fd/1 /proc/$$/fd/2); echo "$l" >&2',
    'while read -r l; do echo "got $l"; done',
    'echo "é€ last" >&2',
    'printf partial',
    'exit 4',
  ].join('\n');
  const result = await new ProcessRunner().run(
    { program: 'sh', args: ['-c', script], cwd: dir },
    { receipt: base, input: 'a\nb\n', detachOutput: true, onLine: (line, stream) => lines.push([line, stream]) },
  );
  expect(result.exitCode).toBe(4);
  expect(result.stdout).toBe('got a\ngot b\npartial');
  expect(result.stderr.split('\n')).toEqual([`${base}.in`, `${base}.out`, `${base}.err`, 'é€ last']);
  expect(lines.filter(([, s]) => s === 'stdout').map(([l]) => l)).toEqual(['got a', 'got b', 'partial']);
  // The receipt, the output kept next to it, and the input gone once the program ended.
  expect(readFileSync(`${base}.exit`, 'utf8').trim()).toBe('4');
  expect(readFileSync(`${base}.out`, 'utf8')).toBe('got a\ngot b\npartial');
  expect(existsSync(`${base}.in`)).toBe(false);
  expect(statSync(`${base}.out`).mode & 0o777).toBe(0o600);
});
