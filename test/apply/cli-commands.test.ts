import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { applyPlan } from '../../src/apply/executor.js';
import { runCli } from '../../src/cli/run.js';
import { computePlan } from '../../src/core/compute-plan.js';
import { WorktreeReader } from '../../src/load/index.js';
import { LocalStateStore } from '../../src/state/index.js';
import { git, tempDir } from '../state/fixtures.js';
import { DriverDouble } from './support.js';

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    isTTY: false,
    env: {},
    cwd,
  });
  return { code, stdout, stderr };
}

describe('svcplan apply, rollback and history', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir('svcplan-cli-apply-'));
    git(dir, 'init', '--quiet', '--initial-branch=main');
    mkdirSync(path.join(dir, 'templates'));
    mkdirSync(path.join(dir, 'services'));
    writeFileSync(
      path.join(dir, 'templates/web.yaml'),
      'apiVersion: svcplan/v1\nkind: ServiceTemplate\nname: web\nrelease: "1"\nimages:\n  deb: { box: svcplan/debian-12, version: "12.7.1" }\n' +
        'tiers:\n  web:\n    image: deb\n    cpus: 1\n    memory: 512\n    count: 2\n    scale: { min: 1, max: 5 }\n' +
        '    health: { timeout: 5, minReady: 0 }\n    rollout: { upgradeDomains: 2, maxParallel: 1, pauseBetweenDomains: 0, order: 1, maxDisruption: replace }\n',
    );
    writeFileSync(
      path.join(dir, 'services/shop.yaml'),
      'apiVersion: svcplan/v1\nkind: Service\nname: shop\ntemplate: web\ntarget: { driver: vagrant, provider: libvirt }\n',
    );
    writeFileSync(path.join(dir, '.gitignore'), '.svcplan/\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '--quiet', '-m', 'shop');
  });
  afterEach(() => cleanup());

  it('apply --dry-run prints the vagrant commands in order and records nothing', async () => {
    const run = await cli(['apply', '--dry-run'], dir);
    expect(run.code).toBe(0);
    const commands = run.stdout
      .split('these commands would run')[1]
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.startsWith('vagrant'));
    expect(commands.filter((c) => c.startsWith('vagrant up'))).toEqual([
      'vagrant up shop-web-1 --provider=libvirt --provision',
      'vagrant up shop-web-2 --provider=libvirt --provision',
    ]);
    expect(commands.indexOf('vagrant up shop-web-1 --provider=libvirt --provision')).toBeLessThan(
      commands.findIndex((c) => c.startsWith('vagrant ssh shop-web-1')),
    );
    expect(existsSync(path.join(dir, '.svcplan/state'))).toBe(false);
  });

  it('history lists deployments; rollback refuses without --yes off a terminal; unknown names are exit 2', async () => {
    const store = new LocalStateStore(dir);
    const driver = new DriverDouble();
    for (const memory of [512, 1024]) {
      writeFileSync(
        path.join(dir, 'templates/web.yaml'),
        (await import('node:fs')).readFileSync(path.join(dir, 'templates/web.yaml'), 'utf8').replace(/memory: \d+/, `memory: ${memory}`),
      );
      const plan = await computePlan({ head: new WorktreeReader(dir), recorded: await store.read() });
      await applyPlan({ plan, store, driver, owner: 't', revision: { commit: git(dir, 'rev-parse', 'HEAD'), ref: 'main' } });
    }
    const history = await cli(['history', 'shop'], dir);
    expect(history.code).toBe(0);
    expect(
      history.stdout
        .split('\n')
        .filter((l) => /^\d/.test(l))
        .map((l) => l.split(/\s+/).slice(0, 2).join(' ')),
    ).toEqual(['1 apply', '2 apply']);

    const refused = await cli(['rollback', 'shop', '--to', '1'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toMatch(/Rollback of shop to deployment 1/);
    expect(refused.stderr).toMatch(/not on a terminal; pass --yes/);
    expect((await store.readService('shop'))!.history).toHaveLength(2);

    const unknown = await cli(['rollback', 'shop', '--to', '7'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/service shop has no deployment 7; its deployments: 1 .*; 2 /);
    const noService = await cli(['history', 'nope'], dir);
    expect(noService.code).toBe(2);
    expect(noService.stderr).toMatch(/nothing is recorded for service nope[\s\S]*recorded services: shop/);
  });

  it('a damaged record gets a clear error naming the file and what to do, from status, plan and apply alike', async () => {
    const store = new LocalStateStore(dir);
    const plan = await computePlan({ head: new WorktreeReader(dir), recorded: {} });
    await applyPlan({ plan, store, driver: new DriverDouble(), owner: 't', revision: { commit: git(dir, 'rev-parse', 'HEAD'), ref: 'main' } });
    const file = path.join(dir, '.svcplan/state/shop.json');
    const record = JSON.parse(readFileSync(file, 'utf8'));
    delete record.instances[1].spec;
    writeFileSync(file, JSON.stringify(record));
    for (const args of [['status'], ['plan'], ['apply', '--dry-run']]) {
      const run = await cli(args, dir);
      expect({ args, code: run.code }).toEqual({ args, code: 1 });
      expect(run.stderr).toContain(`${file}: instance 2 (shop-web-2) has no spec`);
      expect(run.stderr).toMatch(/restore the file from a backup or from the state branch history/);
      expect(run.stderr).not.toMatch(/internal error/);
    }
  });

  it('status calls a lease stale when its process is gone, and says the next apply takes it over', async () => {
    const store = new LocalStateStore(dir);
    const plan = await computePlan({ head: new WorktreeReader(dir), recorded: {} });
    await applyPlan({ plan, store, driver: new DriverDouble(), owner: 't', revision: { commit: git(dir, 'rev-parse', 'HEAD'), ref: 'main' } });
    mkdirSync(path.join(dir, '.svcplan/state/leases'), { recursive: true });
    // A pid no process has: the run that held it was killed.
    const lease = {
      service: 'shop',
      owner: 'alice@here pid 4194303',
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
      holder: { host: hostname(), pid: 4194303 },
    };
    writeFileSync(path.join(dir, '.svcplan/state/leases/shop.json'), JSON.stringify(lease));
    const text = await cli(['status'], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/stale lease of alice@here pid 4194303: its process \(pid 4194303 on this host\) is gone; the next apply takes it over/);
    const json = JSON.parse((await cli(['status', '--format', 'json'], dir)).stdout);
    expect(json.services[0].lease).toMatchObject({ owner: 'alice@here pid 4194303', stale: 'its process (pid 4194303 on this host) is gone' });
  });
});
