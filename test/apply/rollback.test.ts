import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyPlan } from '../../src/apply/executor.js';
import { planRollback, rollback, RollbackTargetError } from '../../src/apply/rollback.js';
import { computePlan } from '../../src/core/compute-plan.js';
import { WorktreeReader } from '../../src/load/index.js';
import { LocalStateStore } from '../../src/state/index.js';
import { git, tempDir } from '../state/fixtures.js';
import { RunInterruptedError } from '../../src/apply/types.js';
import { DriverDouble } from './support.js';

function writeTemplates(dir: string, opts: { release: string; memory: number; mode: string }): void {
  mkdirSync(path.join(dir, 'templates'), { recursive: true });
  mkdirSync(path.join(dir, 'services'), { recursive: true });
  writeFileSync(
    path.join(dir, 'templates/web.yaml'),
    `apiVersion: svcplan/v1
kind: ServiceTemplate
name: web
release: "${opts.release}"
images:
  deb: { box: svcplan/debian-12, version: "12.7.1" }
tiers:
  web:
    image: deb
    cpus: 1
    memory: ${opts.memory}
    count: 2
    scale: { min: 1, max: 5 }
    settings: { MODE: ${opts.mode} }
    state: { disk: 5, onScaleIn: retain }
    health: { timeout: 5, minReady: 0 }
    rollout: { upgradeDomains: 2, maxParallel: 1, pauseBetweenDomains: 0, order: 1, maxDisruption: replace }
`,
  );
  writeFileSync(
    path.join(dir, 'services/shop.yaml'),
    `apiVersion: svcplan/v1
kind: Service
name: shop
template: web
target: { driver: vagrant, provider: libvirt }
`,
  );
}

describe('rolling back a service', () => {
  let dir: string;
  let cleanup: () => void;
  let store: LocalStateStore;
  let driver: DriverDouble;
  const commits: string[] = [];

  async function commitAndApply(opts: { release: string; memory: number; mode: string }, tag?: string) {
    writeTemplates(dir, opts);
    git(dir, 'add', '-A');
    git(dir, 'commit', '--quiet', '-m', `release ${opts.release}`);
    if (tag) git(dir, 'tag', tag);
    const commit = git(dir, 'rev-parse', 'HEAD');
    commits.push(commit);
    const plan = await computePlan({ head: new WorktreeReader(dir, commit), recorded: await store.read() });
    const report = await applyPlan({ plan, store, driver, owner: 'test', revision: { commit, ref: 'main' } });
    return { plan, report };
  }

  beforeEach(async () => {
    ({ dir, cleanup } = tempDir('svcplan-rollback-'));
    git(dir, 'init', '--quiet', '--initial-branch=main');
    writeFileSync(path.join(dir, '.gitignore'), '.svcplan/\n');
    store = new LocalStateStore(dir);
    driver = new DriverDouble();
    commits.length = 0;
    await commitAndApply({ release: '1.0', memory: 512, mode: 'a' }, 'v1');
    await commitAndApply({ release: '2.0', memory: 1024, mode: 'a' });
  });
  afterEach(() => cleanup());

  const head = () => new WorktreeReader(dir, git(dir, 'rev-parse', 'HEAD'));

  it('redeploys the last succeeded deployment before the current one, records it and pins the service', async () => {
    const planned = await planRollback({ service: 'shop', store, repoDir: dir, head: head() });
    expect(planned.target.label).toBe('deployment 1');
    expect(planned.plan.document.summary.restart).toBe(2);
    const report = await rollback({ rollback: planned, store, driver, owner: 'test' });
    expect(report.ok).toBe(true);
    const rec = (await store.readService('shop'))!;
    expect(rec.history.at(-1)).toMatchObject({ id: 3, kind: 'rollback', rollbackOf: 1, result: 'succeeded', revision: { commit: commits[0], release: '1.0' } });
    expect(rec.instances.map((i) => i.spec.memory)).toEqual([512, 512]);
    expect(rec.pin).toMatchObject({ deployment: 1 });
    expect([...driver.world.vms.values()].map((v) => v.memory)).toEqual([512, 512]);

    // The next apply of the same HEAD leaves the service alone ...
    const again = await computePlan({ head: head(), recorded: await store.read() });
    expect(again.document.services).toEqual([]);
    expect(again.document.warnings.join('\n')).toMatch(/pinned to deployment 1/);

    // ... until a new commit changes its template: then the plan applies and the pin goes.
    const { plan, report: next } = await commitAndApply({ release: '2.1', memory: 1024, mode: 'b' });
    expect(plan.document.summary.restart).toBe(2);
    expect(next.ok).toBe(true);
    const after = (await store.readService('shop'))!;
    expect(after.pin).toBeUndefined();
    expect(after.instances.map((i) => `${i.spec.memory}/${i.spec.settings.MODE}`)).toEqual(['1024/b', '1024/b']);
  });

  it('rolls back to a deployment id and to a Git ref', async () => {
    const byId = await planRollback({ service: 'shop', to: '#1', store, repoDir: dir, head: head() });
    expect(byId.target.deployment?.id).toBe(1);

    const byRef = await planRollback({ service: 'shop', to: 'v1', store, repoDir: dir, head: head() });
    expect(byRef.target.label).toBe(`ref v1 (${commits[0].slice(0, 7)})`);
    // The ref is what deployment 1 deployed: the history says so.
    expect(byRef.target.deployment?.id).toBe(1);
    const report = await rollback({ rollback: byRef, store, driver, owner: 'test' });
    expect(report.ok).toBe(true);
    const rec = (await store.readService('shop'))!;
    expect(rec.history.at(-1)).toMatchObject({ kind: 'rollback', rollbackOf: 1, revision: { ref: 'v1', commit: commits[0] } });
  });

  it('names what exists when the service, id or ref is unknown', async () => {
    await expect(planRollback({ service: 'nope', store, repoDir: dir, head: head() })).rejects.toThrow(
      /nothing is recorded for service nope.*recorded services: shop/,
    );
    await expect(planRollback({ service: 'shop', to: '9', store, repoDir: dir, head: head() })).rejects.toThrow(
      /service shop has no deployment 9; its deployments: 1 \(apply, succeeded, release 1.0, [0-9a-f]{7}\); 2 \(apply, succeeded, release 2.0/,
    );
    await expect(planRollback({ service: 'shop', to: 'no-such-tag', store, repoDir: dir, head: head() })).rejects.toBeInstanceOf(RollbackTargetError);
    await expect(planRollback({ service: 'shop', to: 'no-such-tag', store, repoDir: dir, head: head() })).rejects.toThrow(
      /"no-such-tag" is neither a deployment id of shop nor a commit, branch or tag/,
    );
  });

  it('a rollback killed half way is finished, as a rollback, by the next plain apply, which pins the service', async () => {
    const planned = await planRollback({ service: 'shop', store, repoDir: dir, head: head() });
    // The first instance is rolled back, then the run dies before the second.
    const dying = new DriverDouble({ world: driver.world, killAt: { step: 2, when: 'before' } });
    await expect(rollback({ rollback: planned, store, driver: dying, owner: 'test' })).rejects.toThrow(RunInterruptedError);
    expect((await store.readService('shop'))!.history.at(-1)).toMatchObject({ kind: 'rollback', result: 'in-progress', pin: { deployment: 1 } });

    const resumed = await computePlan({ head: head(), recorded: await store.read() });
    expect(resumed.document.warnings.join('\n')).toMatch(/its rollback \(deployment 3\) stopped before it finished; this plan finishes it/);
    expect(resumed.desired.shop?.tiers[0].instance.memory).toBe(512);
    const report = await applyPlan({
      plan: resumed,
      store,
      driver: new DriverDouble({ world: driver.world }),
      owner: 'test',
      revision: { commit: git(dir, 'rev-parse', 'HEAD'), ref: 'main' },
    });
    expect(report.ok).toBe(true);
    const rec = (await store.readService('shop'))!;
    expect(rec.instances.map((i) => `${i.spec.memory}:${i.status}`)).toEqual(['512:ready', '512:ready']);
    expect(rec.history.at(-1)).toMatchObject({ id: 4, kind: 'rollback', rollbackOf: 1, result: 'succeeded', revision: { commit: commits[0], release: '1.0' } });
    expect(rec.pin).toMatchObject({ deployment: 1 });
    expect([...driver.world.vms.values()].map((v) => v.memory)).toEqual([512, 512]);
    // And then it stays there.
    expect((await computePlan({ head: head(), recorded: await store.read() })).document.services).toEqual([]);
  });

  it('a rollback that failed its gate is finished by the next apply, not rolled forward to what it fled', async () => {
    const planned = await planRollback({ service: 'shop', store, repoDir: dir, head: head() });
    const sick = new DriverDouble({ world: driver.world, healthy: () => false });
    const failed = await rollback({ rollback: planned, store, driver: sick, owner: 'test' });
    expect(failed.ok).toBe(false);
    expect((await store.readService('shop'))!.history.at(-1)).toMatchObject({ kind: 'rollback', result: 'failed' });

    const next = await computePlan({ head: head(), recorded: await store.read() });
    expect(next.document.warnings.join('\n')).toMatch(/its rollback \(deployment 3\) failed; this plan finishes it/);
    const report = await applyPlan({
      plan: next,
      store,
      driver: new DriverDouble({ world: driver.world }),
      owner: 'test',
      revision: { commit: git(dir, 'rev-parse', 'HEAD'), ref: 'main' },
    });
    expect(report.ok).toBe(true);
    const rec = (await store.readService('shop'))!;
    expect(rec.instances.map((i) => i.spec.memory)).toEqual([512, 512]);
    expect(rec.history.at(-1)).toMatchObject({ kind: 'rollback', result: 'succeeded', rollbackOf: 1 });
    expect(rec.pin).toMatchObject({ deployment: 1 });
  });
});
