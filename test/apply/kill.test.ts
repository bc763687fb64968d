// A real `kill -9` of `svcplan apply` half way through, then a second apply that finishes the work;
// and Ctrl-C (SIGINT): the step under way finishes and is recorded, nothing else starts, the lease
// is freed.
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { git, tempDir } from '../state/fixtures.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function writeRepo(dir: string): void {
  mkdirSync(path.join(dir, 'templates'), { recursive: true });
  mkdirSync(path.join(dir, 'services'), { recursive: true });
  writeFileSync(
    path.join(dir, 'templates/web.yaml'),
    `apiVersion: svcplan/v1
kind: ServiceTemplate
name: web
release: "1"
images:
  deb: { box: svcplan/debian-12, version: "12.7.1" }
tiers:
  web:
    image: deb
    cpus: 1
    memory: 512
    count: 6
    scale: { min: 1, max: 10 }
    state: { disk: 5, onScaleIn: retain }
    health: { timeout: 30, minReady: 0 }
    rollout: { upgradeDomains: 2, maxParallel: 1, pauseBetweenDomains: 0, order: 1, maxDisruption: replace }
`,
  );
  writeFileSync(
    path.join(dir, 'services/shop.yaml'),
    'apiVersion: svcplan/v1\nkind: Service\nname: shop\ntemplate: web\ntarget: { driver: vagrant, provider: libvirt }\n',
  );
  writeFileSync(path.join(dir, '.gitignore'), '.svcplan/\n');
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

describe('svcplan apply stopped half way', () => {
  let root: string;
  let cleanup: () => void;
  let cli: string;
  beforeAll(async () => {
    ({ dir: root, cleanup } = tempDir('svcplan-kill-'));
    cli = path.join(root, 'cli.mjs');
    await build({
      entryPoints: [path.join(ROOT, 'src/cli/main.ts')],
      outfile: cli,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'error',
      banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
    });
    const bin = path.join(root, 'bin');
    mkdirSync(bin);
    copyFileSync(path.join(ROOT, 'bench/vagrant-standin.sh'), path.join(bin, 'vagrant'));
    chmodSync(path.join(bin, 'vagrant'), 0o755);
  }, 60_000);
  afterAll(() => cleanup());

  /** A fresh templates repository with its own stand-in log, and ways to run svcplan in it. */
  function workspace(name: string) {
    const repo = path.join(root, name);
    mkdirSync(repo);
    git(repo, 'init', '--quiet', '--initial-branch=main');
    writeRepo(repo);
    git(repo, 'add', '-A');
    git(repo, 'commit', '--quiet', '-m', 'shop');
    const log = path.join(root, `${name}-vagrant.log`);
    const env = {
      ...process.env,
      PATH: `${path.join(root, 'bin')}:${process.env.PATH}`,
      VAGRANT_STANDIN_LOG: log,
      VAGRANT_STANDIN_SLEEP: '0.25',
      NO_COLOR: '1',
    };
    const start = (args: string[]) => {
      const child = spawn(process.execPath, [cli, ...args], { cwd: repo, env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      const done = new Promise<Run>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
      return { child, done };
    };
    const ups = () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter((l) => / up /.test(l))
        : [];
    const untilUps = async (n: number) => {
      const deadline = Date.now() + 30_000;
      while (ups().length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(ups().length).toBeGreaterThanOrEqual(n);
    };
    const record = () => JSON.parse(readFileSync(path.join(repo, '.svcplan/state/shop.json'), 'utf8'));
    const lease = path.join(repo, '.svcplan/state/leases/shop.json');
    return { repo, log, start, ups, untilUps, record, lease };
  }

  it('with -9 is finished by the next apply without redoing finished steps or losing a state disk', async () => {
    const { log, start, ups, untilUps, record, lease } = workspace('killed');
    const first = start(['apply']);
    // Kill it while the fourth VM is coming up.
    await untilUps(4);
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');

    const afterKill = record();
    // Created (or created and gated): recorded, so never brought up again. The VM whose `vagrant
    // up` was under way at the kill finishes on its own; its receipt tells the next run so.
    type Rec = { name: string; status: string; step?: { phase: string } };
    const readyAfterKill: string[] = afterKill.instances.filter((i: Rec) => i.status === 'ready' || i.step?.phase === 'created').map((i: Rec) => i.name);
    expect(readyAfterKill.length).toBeGreaterThanOrEqual(2);
    expect(readyAfterKill.length).toBeLessThan(6);
    const upBeforeResume = ups().map((l) => l.split(' ')[2]);
    // The dead run's lease is still there; its process is gone, so the next run takes it over.
    expect(existsSync(lease)).toBe(true);

    const upsBefore = ups().length;
    const second = await start(['apply']).done;
    expect({ code: second.code, stderr: second.stderr.split('\n').filter((l) => l.startsWith('svcplan:')) }).toEqual({ code: 0, stderr: [] });
    const resumedUps = ups()
      .slice(upsBefore)
      .map((l) => l.split(' ')[2]);
    // Nothing recorded as ready is brought up again.
    for (const name of readyAfterKill) expect(resumedUps).not.toContain(name);
    // Each VM brought up exactly once over both runs.
    expect([...upBeforeResume, ...resumedUps].sort()).toEqual(['shop-web-1', 'shop-web-2', 'shop-web-3', 'shop-web-4', 'shop-web-5', 'shop-web-6']);
    // No VM was destroyed, so no state disk went with one.
    expect(readFileSync(log, 'utf8')).not.toMatch(/ destroy /);

    const final = record();
    expect(final.instances.map((i: { name: string; status: string }) => `${i.name}:${i.status}`)).toEqual(
      ['1', '2', '3', '4', '5', '6'].map((n) => `shop-web-${n}:ready`),
    );
    expect(final.history.map((d: { result: string }) => d.result)).toEqual(['failed', 'succeeded']);

    const third = await start(['apply']).done;
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/nothing to apply/);

    const history = await start(['history', 'shop']).done;
    expect(history.code).toBe(0);
    expect(history.stdout.split('\n')[0]).toMatch(/^ID\s+KIND\s+REVISION\s+STARTED\s+FINISHED\s+RESULT$/);
    expect(history.stdout).toMatch(/\n2\s+apply\s+[0-9a-f]{7} 1\s+.*succeeded\n/);
  }, 90_000);

  it('with Ctrl-C finishes and records the step under way, starts nothing else, and frees the lease', async () => {
    const { start, ups, untilUps, record, lease } = workspace('interrupted');
    const first = start(['apply']);
    await untilUps(2);
    first.child.kill('SIGINT');
    const stopped = await first.done;
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/SIGINT received: no new step starts/);
    expect(stopped.stderr).toMatch(/stopped on request: the steps under way finished and were recorded/);
    // The VM coming up at the interrupt was finished and recorded; no other one was started.
    const upped = ups().map((l) => l.split(' ')[2]);
    expect(upped).toHaveLength(2);
    const afterStop = record();
    // Recorded as created; their domain's gate is the next run's to pass.
    expect(afterStop.instances.map((i: { name: string; status: string; step?: { phase: string } }) => `${i.name}:${i.status}:${i.step?.phase}`).sort()).toEqual(
      [...upped].sort().map((n) => `${n}:pending:created`),
    );
    expect(stopped.stderr).toMatch(/what was under way finished and was recorded; run svcplan apply again to go on from there/);
    expect(existsSync(lease)).toBe(false);

    const second = await start(['apply']).done;
    expect(second.code).toBe(0);
    const resumed = ups()
      .slice(2)
      .map((l) => l.split(' ')[2]);
    for (const name of upped) expect(resumed).not.toContain(name);
    expect(new Set([...upped, ...resumed]).size).toBe(6);
    expect(record().history.map((d: { result: string; message?: string }) => d.result)).toEqual(['failed', 'succeeded']);
  }, 90_000);

  it('with Ctrl-C twice stops at once and leaves the lease to expire', async () => {
    const { start, untilUps, lease } = workspace('interrupted-twice');
    const first = start(['apply']);
    await untilUps(1);
    first.child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 50));
    first.child.kill('SIGINT');
    const stopped = await first.done;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/SIGINT again: stopping at once/);
    expect(existsSync(lease)).toBe(true);
  }, 60_000);
});
