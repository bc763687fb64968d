import { buildPlan, planDigestOf } from '../../src/plan/index.js';
import { digestOf, specDigest } from '../../src/model/digest.js';
import type { Plan, PlanDocument, PlanInstance, ServiceSpec } from '../../src/model/types.js';
import { BASE, desiredState, recordOf, recorded, service, templateYaml, tier, type TierOptions } from './fixtures.js';

function instances(plan: Plan, name?: string): (PlanInstance & { domain: number; tier: string })[] {
  return plan.document.services
    .filter((s) => !name || s.name === name)
    .flatMap((s) => s.tiers.flatMap((t) => t.domains.flatMap((d) => d.instances.map((i) => ({ ...i, domain: d.index, tier: t.name })))));
}
const actions = (plan: Plan) => Object.fromEntries(instances(plan).map((i) => [i.name, i.action]));
const shop = (web: TierOptions = {}, db?: TierOptions, overrides: Partial<ServiceSpec> = {}) =>
  service('shop-prod', [tier('web', web), ...(db ? [tier('db', { count: 1, rollout: { order: 0 }, ...db })] : [])], overrides);

describe('buildPlan against the recorded state', () => {
  it('plans nothing when desired equals recorded', () => {
    const spec = shop();
    const plan = buildPlan({ desired: desiredState([spec]), recorded: recorded(recordOf(spec)), base: BASE });
    expect(plan.document.services).toEqual([]);
    expect(plan.document.summary).toEqual({ create: 0, refresh: 0, restart: 0, replace: 0, destroy: 0, none: 0 });
    expect(plan.document.errors).toEqual([]);
  });

  it('replaces every instance on a new image, keeping the state disk, in the SPEC JSON shape', () => {
    const state = { disk: 10, onScaleIn: 'retain' as const };
    const before = shop({ instance: { state } });
    const after = shop({ instance: { state, image: { box: 'svcplan/debian-12', version: '12.8.0' } } });
    const plan = buildPlan({ desired: desiredState([after]), recorded: recorded(recordOf(before)), base: BASE });
    const doc = plan.document;
    expect(doc.format_version).toBe(1);
    expect(doc.base).toEqual(BASE);
    expect(doc.head).toEqual({ ref: 'HEAD', commit: 'b'.repeat(40) });
    expect(doc.summary).toEqual({ create: 0, refresh: 0, restart: 0, replace: 3, destroy: 0, none: 0 });
    expect(doc.services[0]).toMatchObject({ name: 'shop-prod', template: 'web-shop', runner: 'hv-01' });
    expect(doc.services[0].tiers[0].domains[0]).toEqual({
      index: 0,
      instances: [
        {
          name: 'shop-prod-web-1',
          index: 1, // the step's identity in memory; the JSON contract leaves it out
          action: 'replace',
          state: 'kept',
          reasons: [{ path: 'image.version', from: '12.7.1', to: '12.8.0', action: 'replace' }],
        },
      ],
    });
    expect(plan.desired['shop-prod']).toBe(after);
    expect(doc.state_digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(doc.plan_digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('classifies each recorded instance against its own recorded spec (after a partial rollout)', () => {
    const old = shop();
    const next = shop({ instance: { memory: 4096 } });
    const record = recordOf(old, (r) => {
      r.instances[0].spec = next.tiers[0].instance; // web-1 was already updated
    });
    const plan = buildPlan({ desired: desiredState([next]), recorded: recorded(record), base: BASE });
    expect(actions(plan)).toEqual({ 'shop-prod-web-1': 'none', 'shop-prod-web-2': 'restart', 'shop-prod-web-3': 'restart' });
    expect(plan.document.summary.none).toBe(1);
  });

  it('plans a pending or failed instance again, with a warning', () => {
    const spec = shop();
    const record = recordOf(spec, (r) => {
      r.instances[1].status = 'failed';
    });
    const plan = buildPlan({ desired: desiredState([spec]), recorded: recorded(record), base: BASE });
    const web2 = instances(plan).find((i) => i.name === 'shop-prod-web-2')!;
    expect(web2.action).toBe('refresh');
    expect(web2.reasons).toEqual([{ path: 'status', from: 'failed', to: 'ready', action: 'refresh' }]);
    expect(plan.document.warnings).toEqual([expect.stringContaining('shop-prod-web-2 is failed')]);

    const pendingReplace = recordOf(spec, (r) => {
      r.instances[0].status = 'pending';
    });
    const newer = shop({ instance: { image: { box: 'svcplan/debian-12', version: '12.9.0' } } });
    const again = buildPlan({ desired: desiredState([newer]), recorded: recorded(pendingReplace), base: BASE });
    expect(instances(again)[0]).toMatchObject({ name: 'shop-prod-web-1', action: 'replace' });
    expect(again.document.warnings).toEqual([expect.stringContaining('shop-prod-web-1 is pending')]);
  });

  it('gives tier policy and release changes action none on every instance of the tier', () => {
    const before = shop();
    const after = shop({ rollout: { maxParallel: 1 } }, undefined, { release: '2.2' });
    const plan = buildPlan({ desired: desiredState([after]), recorded: recorded(recordOf(before)), base: BASE });
    expect(plan.document.summary).toMatchObject({ none: 3 });
    for (const i of instances(plan)) {
      expect(i.action).toBe('none');
      expect(i.reasons.map((r) => r.path)).toEqual(['release', 'rollout.maxParallel']);
    }
  });
});

describe('scaling, tiers and services added or removed', () => {
  it('scale out creates the missing numbers; scale in destroys the highest numbers', () => {
    const spec = shop({ count: 3 });
    const out = buildPlan({ desired: desiredState([shop({ count: 5 })]), recorded: recorded(recordOf(spec)), base: BASE });
    expect(actions(out)).toEqual({
      'shop-prod-web-1': 'none',
      'shop-prod-web-2': 'none',
      'shop-prod-web-3': 'none',
      'shop-prod-web-4': 'create',
      'shop-prod-web-5': 'create',
    });
    expect(instances(out).find((i) => i.name === 'shop-prod-web-4')!.reasons).toEqual([{ path: 'count', from: 3, to: 5, action: 'create' }]);

    const inward = buildPlan({ desired: desiredState([shop({ count: 1 })]), recorded: recorded(recordOf(spec)), base: BASE });
    expect(actions(inward)).toEqual({ 'shop-prod-web-1': 'none', 'shop-prod-web-2': 'destroy', 'shop-prod-web-3': 'destroy' });
    expect(inward.document.summary).toMatchObject({ destroy: 2, none: 1 });
  });

  it('a destroyed instance keeps its state disk unless onScaleIn is delete', () => {
    const retain = { disk: 10, onScaleIn: 'retain' as const };
    const del = { disk: 10, onScaleIn: 'delete' as const };
    const kept = buildPlan({
      desired: desiredState([shop({ count: 2, instance: { state: retain } })]),
      recorded: recorded(recordOf(shop({ instance: { state: retain } }))),
      base: BASE,
    });
    expect(instances(kept).find((i) => i.action === 'destroy')).toMatchObject({ name: 'shop-prod-web-3', state: 'kept' });
    const deleted = buildPlan({
      desired: desiredState([shop({ count: 2, instance: { state: del } })]),
      recorded: recorded(recordOf(shop({ instance: { state: retain } }))),
      base: BASE,
    });
    expect(instances(deleted).find((i) => i.action === 'destroy')).toMatchObject({ name: 'shop-prod-web-3', state: 'deleted' });
    const noDisk = buildPlan({ desired: desiredState([shop({ count: 2 })]), recorded: recorded(recordOf(shop())), base: BASE });
    expect(instances(noDisk).find((i) => i.action === 'destroy')!.state).toBeUndefined();
  });

  it('a tier added creates all its instances; a tier removed destroys all, with the recorded policy', () => {
    const before = shop({}, { instance: { state: { disk: 50, onScaleIn: 'delete' } }, rollout: { order: 0, upgradeDomains: 1 } });
    const after = shop();
    const removed = buildPlan({ desired: desiredState([after]), recorded: recorded(recordOf(before)), base: BASE });
    expect(removed.document.services[0].tiers.map((t) => [t.name, t.order])).toEqual([
      ['db', 0],
      ['web', 1],
    ]);
    expect(instances(removed).find((i) => i.tier === 'db')).toMatchObject({
      action: 'destroy',
      state: 'deleted',
      reasons: [{ path: 'count', from: 1, to: 0, action: 'destroy' }],
    });
    const added = buildPlan({ desired: desiredState([shop({}, { count: 2 })]), recorded: recorded(recordOf(after)), base: BASE });
    expect(
      instances(added)
        .filter((i) => i.action === 'create')
        .map((i) => i.name),
    ).toEqual(['shop-prod-db-1', 'shop-prod-db-2']);
  });

  it('a service added creates everything; a service removed destroys everything and has no desired spec', () => {
    const spec = shop();
    const added = buildPlan({ desired: desiredState([spec]), recorded: {}, base: BASE });
    expect(added.document.summary).toMatchObject({ create: 3 });
    const gone = buildPlan({ desired: desiredState([]), recorded: recorded(recordOf(spec)), base: BASE });
    expect(gone.document.summary).toMatchObject({ destroy: 3 });
    expect('shop-prod' in gone.desired).toBe(true);
    expect(gone.desired['shop-prod']).toBeUndefined();
  });

  it('without a record, the desired state at the base stands in for the current state', () => {
    const atBase = shop();
    const atHead = shop({ count: 4, instance: { memory: 4096 } });
    const plan = buildPlan({ desired: desiredState([atHead]), standIn: desiredState([atBase]), recorded: {}, base: BASE });
    expect(plan.document.summary).toMatchObject({ restart: 3, create: 1 });
    // A record wins over the stand-in.
    const withRecord = buildPlan({
      desired: desiredState([atHead]),
      standIn: desiredState([atBase]),
      recorded: recorded(recordOf(shop({ count: 4, instance: { memory: 4096 } }))),
      base: BASE,
    });
    expect(withRecord.document.services).toEqual([]);
  });
});

describe('domains and order', () => {
  it('puts instance n in domain (n-1) mod upgradeDomains, ordered by domain then n', () => {
    const plan = buildPlan({ desired: desiredState([shop({ count: 7, rollout: { upgradeDomains: 3 } })]), recorded: {}, base: BASE });
    const domains = plan.document.services[0].tiers[0].domains;
    expect(domains.map((d) => [d.index, d.instances.map((i) => i.name.replace('shop-prod-web-', ''))])).toEqual([
      [0, ['1', '4', '7']],
      [1, ['2', '5']],
      [2, ['3', '6']],
    ]);
  });

  it('orders services by name and tiers by rollout.order then name', () => {
    const a = service('b-svc', [tier('zeta', { rollout: { order: 1 } }), tier('alpha', { rollout: { order: 2 } }), tier('beta', { rollout: { order: 1 } })]);
    const b = service('a-svc', [tier('web')]);
    const plan = buildPlan({ desired: desiredState([a, b]), recorded: {}, base: BASE });
    expect(plan.document.services.map((s) => s.name)).toEqual(['a-svc', 'b-svc']);
    expect(plan.document.services[1].tiers.map((t) => t.name)).toEqual(['beta', 'zeta', 'alpha']);
  });

  it('lists every instance of an affected service exactly once, and no unaffected service', () => {
    const stay = service('stay', [tier('web')]);
    const move = service('move', [tier('web'), tier('db', { count: 2, rollout: { order: 0 } })]);
    const moved = service('move', [tier('web', { instance: { cpus: 3 } }), tier('db', { count: 2, rollout: { order: 0 } })]);
    const plan = buildPlan({ desired: desiredState([stay, moved]), recorded: recorded(recordOf(stay), recordOf(move)), base: BASE });
    expect(plan.document.services.map((s) => s.name)).toEqual(['move']);
    const names = instances(plan).map((i) => i.name);
    expect(names).toHaveLength(5);
    expect(new Set(names).size).toBe(5);
    expect(plan.document.summary).toMatchObject({ restart: 3, none: 2 });
    expect(Object.keys(plan.desired)).toEqual(['move']);
  });
});

describe('refusals name file, line and column and a way out', () => {
  it('refuses to shrink a state disk', () => {
    const before = shop({ instance: { state: { disk: 20, onScaleIn: 'retain' } } });
    const after = shop({ instance: { state: { disk: 10, onScaleIn: 'retain' } } });
    const plan = buildPlan({ desired: desiredState([after]), recorded: recorded(recordOf(before)), base: BASE });
    expect(plan.document.errors).toHaveLength(1);
    const [error] = plan.document.errors;
    expect(error.file).toBe('templates/web-shop.yaml');
    const yamlLines = desiredStateText(after).split('\n');
    expect(yamlLines[error.line - 1].slice(error.column - 1)).toBe('10');
    expect(error.message).toMatch(/shrinks its state disk from 20 GiB to 10 GiB/);
    expect(error.message).toMatch(/set state\.disk to 20 or more/);
  });

  it('refuses to remove a state disk from a tier that has one', () => {
    const before = shop({ instance: { state: { disk: 20, onScaleIn: 'retain' } } });
    const after = shop();
    const plan = buildPlan({ desired: desiredState([after]), recorded: recorded(recordOf(before)), base: BASE });
    expect(plan.document.errors).toHaveLength(1);
    const [error] = plan.document.errors;
    const yamlLines = desiredStateText(after).split('\n');
    // The state section is gone, so the error points at the tier that lost it.
    expect(yamlLines[error.line - 1].slice(error.column - 1)).toMatch(/^image: main/);
    expect(error.message).toMatch(/removes the state disk \(20 GiB\) that 3 instance\(s\)/);
    expect(error.message).toMatch(/keep the state section/);
  });

  it('allows removing the disk together with the instances that had it', () => {
    const before = shop({ count: 2, instance: { state: { disk: 20, onScaleIn: 'delete' } } });
    const plan = buildPlan({ desired: desiredState([]), recorded: recorded(recordOf(before)), base: BASE });
    expect(plan.document.errors).toEqual([]);
    expect(instances(plan).map((i) => i.state)).toEqual(['deleted', 'deleted']);
  });

  it('refuses a change beyond rollout.maxDisruption, naming count, paths and fix', () => {
    const before = shop({ count: 4, rollout: { maxDisruption: 'restart' } });
    const after = shop({
      count: 4,
      rollout: { maxDisruption: 'restart' },
      instance: { image: { box: 'svcplan/debian-12', version: '12.8.0' }, memory: 4096 },
    });
    const plan = buildPlan({ desired: desiredState([after]), recorded: recorded(recordOf(before)), base: BASE });
    expect(plan.document.errors).toHaveLength(1);
    const [error] = plan.document.errors;
    const yamlLines = desiredStateText(after).split('\n');
    expect(yamlLines[error.line - 1].slice(error.column - 1)).toBe('restart');
    expect(error.message).toBe(
      'tier web of service shop-prod allows at most restart (rollout.maxDisruption) but 4 instance(s) need replace, ' +
        'forced by image.version: raise rollout.maxDisruption to replace, or split the change so that each step stays within restart',
    );
    // Create and destroy are not disruptions of existing VMs.
    const grow = buildPlan({
      desired: desiredState([shop({ count: 6, rollout: { maxDisruption: 'none' } })]),
      recorded: recorded(recordOf(shop({ rollout: { maxDisruption: 'none' } }))),
      base: BASE,
    });
    expect(grow.document.errors).toEqual([]);
  });
});

describe('pins and the services filter', () => {
  it('keeps a pinned service as recorded while its desired spec is the one it was pinned against', () => {
    const rolledBack = shop();
    const desired = shop({ instance: { memory: 8192 } });
    const record = recordOf(rolledBack, (r) => {
      r.pin = { deployment: 3, desiredDigest: specDigest(desired), at: '2024-05-02T00:00:00Z' };
    });
    const pinned = buildPlan({ desired: desiredState([desired]), recorded: recorded(record), base: BASE });
    expect(pinned.document.services).toEqual([]);
    expect(pinned.document.warnings).toEqual([expect.stringMatching(/shop-prod is pinned to deployment 3/)]);

    const newer = shop({ instance: { memory: 16384 } });
    const released = buildPlan({ desired: desiredState([newer]), recorded: recorded(record), base: BASE });
    expect(released.document.summary).toMatchObject({ restart: 3 });
    expect(released.document.warnings).toEqual([expect.stringMatching(/pin no longer applies/)]);
  });

  it('plans only the services asked for', () => {
    const a = service('a', [tier('web')]);
    const b = service('b', [tier('web')]);
    const plan = buildPlan({ desired: desiredState([a, b]), recorded: {}, base: BASE, services: ['b', 'zzz'] });
    expect(plan.document.services.map((s) => s.name)).toEqual(['b']);
    expect(plan.document.warnings).toEqual([expect.stringContaining('service zzz is neither'), expect.stringContaining('nothing is recorded yet')]);
  });

  it('plans what is not recorded as created, unless a base stands in as a what-if', () => {
    const a = service('a', [tier('web', { count: 2 })]);
    const first = buildPlan({ desired: desiredState([a]), recorded: {}, base: BASE });
    expect(first.document.summary).toMatchObject({ create: 2 });
    expect(first.document.warnings).toEqual([expect.stringContaining('`svcplan import SERVICE` records them first')]);

    const whatIf = buildPlan({ desired: desiredState([a]), recorded: {}, standIn: desiredState([a]), base: BASE });
    expect(whatIf.document.summary).toMatchObject({ create: 0, none: 0 });
    expect(whatIf.document.warnings).toEqual([
      expect.stringMatching(/^service a has nothing recorded: planned as if the base revision were deployed \(a what-if\)/),
    ]);
    expect(whatIf.document.plan_digest).not.toBe(first.document.plan_digest);
  });
});

describe('digests', () => {
  const specA = service('a', [tier('web', { count: 2 }), tier('db', { count: 1, rollout: { order: 0 } })]);
  const specB = service('b', [tier('web', { instance: { settings: { X: '1', Y: '2' } } })]);
  const headA = service('a', [tier('web', { count: 3, instance: { memory: 4096 } }), tier('db', { count: 1, rollout: { order: 0 } })]);
  const headB = service('b', [tier('web', { instance: { settings: { X: '1', Y: '3' } } })]);

  it('are the same for the same content in any order, from any commit, ref or file location', () => {
    const one = buildPlan({ desired: desiredState([headA, headB]), recorded: recorded(recordOf(specA), recordOf(specB)), base: BASE });
    const reorderedB = service('b', [tier('web', { instance: { settings: { Y: '3', X: '1' } } })], {
      files: { template: 'templates/elsewhere.yaml', service: 'services/other/b.yml' },
    });
    const recordB = recordOf(specB, (r) => {
      r.instances.reverse();
      r.instances.forEach((i) => (i.updatedAt = '2030-01-01T00:00:00Z'));
      r.revision.commit = 'c'.repeat(40);
    });
    const two = buildPlan({
      desired: desiredState([reorderedB, headA], 'd'.repeat(40)),
      recorded: { b: recordB, a: recordOf(specA) },
      base: { ref: 'other', commit: 'e'.repeat(40) },
    });
    expect(two.document.plan_digest).toBe(one.document.plan_digest);
    expect(two.document.state_digest).toBe(one.document.state_digest);
  });

  it('change with any changed value', () => {
    const digest = (desired: ServiceSpec[], rec = recorded(recordOf(specA), recordOf(specB))) =>
      buildPlan({ desired: desiredState(desired), recorded: rec, base: BASE }).document;
    const reference = digest([headA, headB]);
    const variants = [
      digest([headA, service('b', [tier('web', { instance: { settings: { X: '1', Y: '4' } } })])]),
      digest([service('a', [tier('web', { count: 4, instance: { memory: 4096 } }), tier('db', { count: 1, rollout: { order: 0 } })]), headB]),
      digest(
        [headA, headB],
        recorded(
          recordOf(specA),
          recordOf(specB, (r) => (r.instances[0].status = 'failed')),
        ),
      ),
      digest([headA]),
    ];
    const digests = new Set([reference.plan_digest, ...variants.map((v) => v.plan_digest)]);
    expect(digests.size).toBe(5);
    expect(variants[2].state_digest).not.toBe(reference.state_digest);
  });

  it("is the digest of the plan's content written plainly, whatever the shape of its parts", () => {
    // The plan digest as defined: the document's content, instances (of the usual shape) without
    // their index, and each desired spec's digest.
    const usual = (i: PlanInstance) =>
      typeof i.name === 'string' &&
      typeof i.action === 'string' &&
      (i.state === undefined || typeof i.state === 'string') &&
      Array.isArray(i.reasons) &&
      Object.keys(i).every((k) => ['name', 'index', 'action', 'state', 'reasons'].includes(k));
    const plain = (doc: PlanDocument, desired: Record<string, ServiceSpec | undefined>) =>
      digestOf({
        state_digest: doc.state_digest,
        summary: doc.summary,
        services: doc.services.map((s) => ({
          ...s,
          tiers: s.tiers.map((t) => ({
            ...t,
            domains: t.domains.map((d) => ({ ...d, instances: d.instances.map(({ index, ...i }) => (usual({ index, ...i }) ? i : { index, ...i })) })),
          })),
        })),
        warnings: doc.warnings,
        errors: doc.errors,
        desired: Object.fromEntries(Object.entries(desired).map(([name, spec]) => [name, spec ? specDigest(spec) : null])),
      });
    const plan = buildPlan({
      desired: desiredState([headA, headB, service('c', [tier('web', { count: 5 })])]),
      recorded: recorded(recordOf(specA), recordOf(specB)),
      base: BASE,
    });
    expect(plan.document.plan_digest).toBe(plain(plan.document, plan.desired));
    // Standing in at the base with the very spec objects that are desired (files unchanged there).
    const same = service('d', [tier('web', { count: 2 })]);
    const grown = service('e', [tier('web', { count: 3 })]);
    const shared = buildPlan({
      desired: desiredState([same, grown, headA]),
      recorded: {},
      standIn: desiredState([same, service('e', [tier('web', { count: 2 })]), specA]),
      base: BASE,
    });
    expect(shared.document.services.map((s) => s.name)).toEqual(['a', 'e']);
    expect(shared.document.plan_digest).toBe(plain(shared.document, shared.desired));
    const doc = structuredClone(plan.document);
    const first = doc.services.flatMap((s) => s.tiers.flatMap((t) => t.domains.flatMap((d) => d.instances)));
    expect(first.length).toBeGreaterThan(3);
    first[0].reasons = [{ path: 'target.options.disks', from: [{ size: 10 }], to: null, action: 'replace' }];
    (first[1] as { state?: string }).state = undefined;
    expect(planDigestOf(doc, plan.desired)).toBe(plain(doc, plan.desired));
    // Shapes buildPlan never makes are written by the general writer: the digest is the same.
    const odd = [
      () => ((doc.services[1] as unknown as Record<string, unknown>).extra = { b: 1, a: [2] }),
      () => ((doc.services[0] as { runner?: string }).runner = undefined),
      () => ((doc.services[0].tiers[0] as unknown as Record<string, unknown>).order = Infinity),
      () => ((doc.services[0].tiers[0].domains[0] as unknown as Record<string, unknown>).note = 'x'),
      () => ((first[2] as unknown as Record<string, unknown>).extra = 1),
      () => (doc.services[1].tiers = []),
    ];
    for (const change of odd) {
      change();
      expect(planDigestOf(doc, plan.desired)).toBe(plain(doc, plan.desired));
    }
  });

  it('change when only what new instances will be changes (a reviewed plan must not cover another spec)', () => {
    const creating = (memory: number, box = 'svcplan/debian-12') =>
      buildPlan({
        desired: desiredState([service('new', [tier('web', { count: 2, instance: { memory, image: { box, version: '1.0.0' } } })])]),
        recorded: {},
        base: BASE,
      }).document;
    const reference = creating(1024);
    expect(reference.summary.create).toBe(2);
    expect(creating(1024).plan_digest).toBe(reference.plan_digest);
    expect(creating(2048).plan_digest).not.toBe(reference.plan_digest);
    expect(creating(1024, 'svcplan/debian-13').plan_digest).not.toBe(reference.plan_digest);
  });
});

/** The template YAML the fixture locator reads, to check what an error's line:column points at. */
function desiredStateText(spec: ServiceSpec): string {
  return templateYaml(spec);
}

describe('tier order in the state digest', () => {
  it('sorts names the schema allows by code unit exactly as localeCompare sorts them', async () => {
    const { readFileSync } = await import('node:fs');
    const { SCHEMA_TIER_NAME } = await import('../../src/plan/build.js');
    const schema = JSON.parse(readFileSync(new URL('../../schema/svcplan-v1.schema.json', import.meta.url), 'utf8')) as {
      definitions: { tierName: { pattern: string } };
    };
    expect(SCHEMA_TIER_NAME.source).toBe(schema.definitions.tierName.pattern);
    const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
    let seed = 7;
    const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n; // Park–Miller: exact in doubles
    const names = new Set<string>(['a', 'a0', 'a1', 'a10', 'a9', 'aa', 'ab', 'b', 'db', 'web', 'web2', 'web10']);
    while (names.size < 2000) {
      let name = letters[random(26)];
      const length = random(16);
      for (let i = 0; i < length; i++) name += letters[random(letters.length)];
      names.add(name);
    }
    for (const name of names) expect(SCHEMA_TIER_NAME.test(name)).toBe(true);
    const byCodeUnit = [...names].sort();
    expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(byCodeUnit);
    for (let i = 1; i < byCodeUnit.length; i++) expect(byCodeUnit[i - 1].localeCompare(byCodeUnit[i])).toBe(-1);
  });
});
