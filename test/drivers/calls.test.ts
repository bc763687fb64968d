// Call receipts with the real sh wrapper: a later run learns what became of a call even when the
// process that started it is gone, waits for one still running, and says so when one was cut off.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CallReceipts } from '../../src/apply/drivers/vagrant/calls.js';
import { VagrantDriver } from '../../src/apply/drivers/vagrant/driver.js';
import { ProcessRunner, RecordingRunner } from '../../src/apply/drivers/vagrant/runner.js';
import { instancesOf, serviceSpec, tierSpec, instanceSpec } from './support/specs.js';

const dir = mkdtempSync(join(tmpdir(), 'svcplan-calls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const runner = new ProcessRunner();
const receipts = new CallReceipts(join(dir, 'calls'));

function start(id: string, program: string, args: string[]) {
  const receipt = receipts.prepare(id, `${program} ${args.join(' ')}`);
  return runner.run({ program, args, cwd: dir }, { receipt });
}

/** The processes whose parent is `pid`, from /proc. */
/** The wrapper's pid, once it has written it and started the program (however busy the machine). */
async function startedCall(id: string): Promise<number> {
  for (;;) {
    let pid = 0;
    try {
      pid = Number(readFileSync(join(dir, 'calls', `${id}.pid`), 'utf8'));
    } catch {
      // not written yet
    }
    if (pid > 0 && childrenOf(pid).length > 0) return pid;
    await new Promise((r) => setTimeout(r, 20));
  }
}

function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        // The fields after the command name (which may hold spaces) start with state, then ppid.
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

test('a call that ran to its end: its exit code says succeeded or failed', async () => {
  expect((await start('ok', 'sh', ['-c', 'exit 0'])).exitCode).toBe(0);
  expect((await start('bad', 'sh', ['-c', 'echo no >&2; exit 3'])).exitCode).toBe(3);
  expect(await receipts.outcome('ok')).toBe('succeeded');
  expect(await receipts.outcome('bad')).toBe('failed');
  expect(await receipts.outcome('never')).toBe('not-started');
});

test('a call still running is waited for, however long it takes, and then reported', async () => {
  const waits: string[] = [];
  const running = start('slow', 'sleep', ['0.6']);
  await new Promise((r) => setTimeout(r, 150));
  expect(await receipts.outcome('slow', (line) => waits.push(line))).toBe('succeeded');
  expect(waits).toEqual([expect.stringMatching(/^waiting for `sleep 0.6` \(pid \d+\), started by an interrupted run, to finish$/)]);
  await running;
});

test('the wrapper outlives the process that started it, and writes the exit code for the next one', () => {
  // A node process starts a call under the wrapper and is killed at once, as svcplan with -9.
  const base = join(dir, 'calls', 'orphan');
  const script = `const { spawn } = require('node:child_process');
spawn('sh', ['-c', ${JSON.stringify(readFileSync(new URL('../../src/apply/drivers/vagrant/calls.ts', import.meta.url), 'utf8').match(/CALL_WRAPPER = '(.*)';/)![1])}, 'sh', ${JSON.stringify(base)}, 'sleep', '0.4'], { stdio: 'ignore' });
setTimeout(() => process.kill(process.pid, 'SIGKILL'), 100);`;
  writeFileSync(join(dir, 'calls', 'orphan.cmd'), 'sleep 0.4\n');
  spawnSync(process.execPath, ['-e', script]);
  return expect(receipts.outcome('orphan')).resolves.toBe('succeeded');
});

test('a call killed together with its starter is lost: nothing is known of its end', async () => {
  const running = start('cut', 'sleep', ['30']);
  const pid = await startedCall('cut');
  // The wrapper and its child, as a kill of the whole process group would. The wrapper goes
  // first: killed second, it might see its child end and write the exit code in between.
  const children = childrenOf(pid);
  process.kill(pid, 'SIGKILL');
  for (const child of children) process.kill(child, 'SIGKILL');
  await running;
  expect(await receipts.outcome('cut')).toBe('lost');
});

test('settle waits for every call still running; forget removes the receipts', async () => {
  const running = start('settle', 'sleep', ['0.5']);
  await startedCall('settle');
  await receipts.settle();
  // Settled means ended: its exit code is written (asked before settle, the call was running).
  expect(existsSync(join(dir, 'calls', 'settle.exit'))).toBe(true);
  expect(await receipts.outcome('settle')).toBe('succeeded');
  await running;
  receipts.forget();
  expect(await receipts.outcome('settle')).toBe('not-started');
});

test("a call that meets Vagrant's machine lock waits for it and tries again", async () => {
  const repo = join(dir, 'repo');
  mkdirSync(repo, { recursive: true });
  let tries = 0;
  const locked = new RecordingRunner((c) => {
    if (c.args[0] !== 'halt') return undefined;
    tries++;
    return tries < 3
      ? {
          exitCode: 1,
          stdout: '',
          stderr: "An action 'halt' was attempted on the machine 'lk-app-1',\nbut another process is already executing an action on the machine.",
        }
      : undefined;
  });
  const notes: string[] = [];
  const driver = new VagrantDriver({ repoDir: repo, runner: locked, lockPollSeconds: 0.05, onOutput: (o) => notes.push(o.line) });
  const service = serviceSpec('lk', [tierSpec('app', instanceSpec())]);
  await driver.layout(service, instancesOf(service));
  await driver.halt(instancesOf(service)[0], { call: 'h1' });
  expect(locked.lines()).toEqual(['vagrant halt lk-app-1', 'vagrant halt lk-app-1', 'vagrant halt lk-app-1']);
  expect(notes.filter((l) => /machine lock/.test(l))).toHaveLength(1);
  // Any other failure is the call's failure.
  const failing = new VagrantDriver({ repoDir: repo, runner: new RecordingRunner(() => ({ exitCode: 1, stdout: '', stderr: 'The box could not be found.' })) });
  await failing.layout(service, instancesOf(service));
  await expect(failing.halt(instancesOf(service)[0], { call: 'h2' })).rejects.toThrow(/exited with 1[\s\S]*The box could not be found/);
});
