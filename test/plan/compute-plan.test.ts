import { computePlan } from '../../src/core/compute-plan.js';
import { GitRevisionReader, WorktreeReader } from '../../src/load/index.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { SHOP_PROD, validRepoFiles, WEB_SHOP } from '../load/fixtures.js';
import type { PlanInstance } from '../../src/model/types.js';
import { recordOf, recorded, service, tier } from './fixtures.js';

const repos: TempRepo[] = [];
afterAll(async () => Promise.all(repos.map((r) => r.cleanup())));

async function repoWith(files: Record<string, string>, message = 'initial'): Promise<TempRepo> {
  const repo = await createTempRepo();
  repos.push(repo);
  await repo.commit(message, files);
  return repo;
}

const actionsOf = (instances: PlanInstance[]) => Object.fromEntries(instances.map((i) => [i.name, i.action]));
const allInstances = (plan: Awaited<ReturnType<typeof computePlan>>) =>
  plan.document.services.flatMap((s) => s.tiers.flatMap((t) => t.domains.flatMap((d) => d.instances)));

describe('computePlan on a real repository', () => {
  it('given revision A committed and B in the working tree, with nothing recorded, A stands in for the state', async () => {
    const repo = await repoWith(validRepoFiles());
    const baseSha = repo.shas[0];
    await repo.write({ 'templates/web-shop.yaml': WEB_SHOP.replace('memory: 2048', 'memory: 4096') });
    const plan = await computePlan({
      head: await WorktreeReader.open(repo.dir),
      base: await GitRevisionReader.open(repo.dir, baseSha),
      recorded: {},
    });
    expect(plan.document.errors).toEqual([]);
    expect(plan.document.base).toEqual({ ref: baseSha, commit: baseSha });
    expect(plan.document.head).toEqual({ ref: 'WORKTREE', commit: baseSha });
    expect(plan.document.summary).toMatchObject({ restart: 4, none: 1, create: 0 });
    expect(actionsOf(allInstances(plan))['shop-prod-web-4']).toBe('restart');
    expect(allInstances(plan).find((i) => i.name === 'shop-prod-web-1')!.reasons).toEqual([{ path: 'memory', from: 2048, to: 4096, action: 'restart' }]);
    expect(plan.desired['shop-prod']?.tiers.find((t) => t.name === 'web')?.instance.memory).toBe(4096);
  });

  it('a larger scale.max in an earlier tier moves the SSH ports of the tiers after it: a restart, port by port', async () => {
    const withSsh = SHOP_PROD.replace('runner: hv-01 }', 'runner: hv-01, ssh: { host: 127.0.0.1, portBase: 2600 } }');
    const repo = await repoWith({ ...validRepoFiles(), 'services/shop-prod.yaml': withSsh });
    // db (rollout order 1) reserves its scale.max ports (default 100) before web.
    await repo.write({
      'templates/web-shop.yaml': WEB_SHOP.replace(
        '    image: debian12\n    rollout: { order: 1 }',
        '    image: debian12\n    scale: { min: 0, max: 120 }\n    rollout: { order: 1 }',
      ),
    });
    const plan = await computePlan({ head: await WorktreeReader.open(repo.dir), base: await GitRevisionReader.open(repo.dir, repo.shas[0]), recorded: {} });
    expect(plan.document.errors).toEqual([]);
    expect(actionsOf(allInstances(plan))).toMatchObject({ 'shop-prod-db-1': 'none', 'shop-prod-web-1': 'restart', 'shop-prod-web-4': 'restart' });
    expect(allInstances(plan).find((i) => i.name === 'shop-prod-web-1')!.reasons).toEqual([
      { path: 'target.ssh', from: { host: '127.0.0.1', portBase: 2700 }, to: { host: '127.0.0.1', portBase: 2720 }, action: 'restart' },
    ]);
    const tiers = plan.desired['shop-prod']!.tiers;
    expect(tiers.map((t) => [t.name, t.instance.target.ssh?.portBase])).toEqual([
      ['db', 2600],
      ['web', 2720],
    ]);
  });

  it('without a base, plans against the recorded state, under the STATE revision', async () => {
    const repo = await repoWith(validRepoFiles());
    const fresh = await computePlan({ head: await GitRevisionReader.open(repo.dir, 'main'), recorded: {} });
    expect(fresh.document.base).toEqual({ ref: 'STATE', commit: '' });
    expect(fresh.document.summary).toMatchObject({ create: 5 });

    // Recorded with one web instance too many: the plan catches up with the record, not a commit.
    const record = recordOf(service('shop-prod', [tier('web', { count: 5 })], { template: 'web-shop' }));
    const withRecord = await computePlan({ head: await GitRevisionReader.open(repo.dir, 'main'), recorded: recorded(record) });
    expect(actionsOf(allInstances(withRecord))['shop-prod-web-5']).toBe('destroy');
  });

  it('turns invalid files into plan errors with file, line and column, and plans nothing', async () => {
    const repo = await repoWith(validRepoFiles());
    await repo.write({ 'services/shop-prod.yaml': SHOP_PROD.replace('count: 4', 'count: many') });
    const plan = await computePlan({ head: await WorktreeReader.open(repo.dir), recorded: {} });
    expect(plan.document.services).toEqual([]);
    expect(plan.document.summary).toEqual({ create: 0, refresh: 0, restart: 0, replace: 0, destroy: 0, none: 0 });
    expect(plan.document.errors.length).toBeGreaterThan(0);
    const error = plan.document.errors[0];
    expect(error.file).toBe('services/shop-prod.yaml');
    const line = SHOP_PROD.replace('count: 4', 'count: many').split('\n')[error.line - 1];
    expect(line).toContain('many');
    expect(error.column).toBeGreaterThan(1);
    expect(plan.document.plan_digest).toMatch(/^sha256:/);
    expect(plan.desired).toEqual({});
  });

  it('says when the base cannot stand in, and plans the services as new', async () => {
    const repo = await repoWith({ ...validRepoFiles(), 'templates/web-shop.yaml': WEB_SHOP.replace('cpus: 2', 'cpus: two') });
    const broken = repo.shas[0];
    await repo.commit('fix', { 'templates/web-shop.yaml': WEB_SHOP });
    const plan = await computePlan({
      head: await GitRevisionReader.open(repo.dir, 'main'),
      base: await GitRevisionReader.open(repo.dir, broken),
      recorded: {},
    });
    expect(plan.document.errors).toEqual([]);
    expect(plan.document.warnings[0]).toMatch(/base revision [0-9a-f]{40} has \d+ invalid file problem\(s\) \(first: templates\/web-shop\.yaml:\d+:\d+:/);
    expect(plan.document.summary).toMatchObject({ create: 5 });
  });

  it('gives the same digest for the same content in two unrelated clones', async () => {
    const changed = { ...validRepoFiles(), 'templates/web-shop.yaml': WEB_SHOP.replace('"12.7.1"', '"12.8.0"') };
    const one = await repoWith(validRepoFiles(), 'first repository');
    await one.commit('upgrade', changed);
    const two = await repoWith(validRepoFiles(), 'a different history');
    await two.commit('upgrade to 12.8', changed);
    expect(one.shas[1]).not.toBe(two.shas[1]);
    const planOf = async (repo: TempRepo) =>
      computePlan({
        head: await GitRevisionReader.open(repo.dir, repo.shas[1]),
        base: await GitRevisionReader.open(repo.dir, repo.shas[0]),
        recorded: {},
      });
    const [a, b] = [await planOf(one), await planOf(two)];
    expect(a.document.summary).toMatchObject({ replace: 5 });
    expect(a.document.plan_digest).toBe(b.document.plan_digest);
    expect(a.document.state_digest).toBe(b.document.state_digest);
  });

  it('with an invalid base, two heads that differ only in memory still get different plan digests', async () => {
    const repo = await repoWith({ ...validRepoFiles(), 'templates/web-shop.yaml': 'apiVersion: svcplan/v1\nkind: ServiceTemplate\nname: [broken\n' });
    const base = await GitRevisionReader.open(repo.dir, repo.shas[0]);
    const digests: string[] = [];
    for (const memory of ['4096', '8192']) {
      await repo.write({ 'templates/web-shop.yaml': WEB_SHOP.replace('memory: 2048', `memory: ${memory}`) });
      const plan = await computePlan({ head: await WorktreeReader.open(repo.dir), base, recorded: {} });
      expect(plan.document.errors).toEqual([]);
      expect(plan.document.warnings[0]).toMatch(/the base revision .* has 1 invalid file problem/);
      digests.push(plan.document.plan_digest);
    }
    expect(digests[0]).not.toBe(digests[1]);
  });
});
