import { buildPlan } from '../../src/plan/index.js';
import { renderJson, renderText } from '../../src/render/index.js';
import { BASE, desiredState, recordOf, recorded, service, tier } from '../plan/fixtures.js';

const state = { disk: 10, onScaleIn: 'retain' as const };

/** A plan with one of everything: 1 create, 3 in place (1 restart), 4 replace, 1 destroy. */
function mixedPlan() {
  const before = [
    service('shop-prod', [tier('web', { count: 5, instance: { state } }), tier('db', { count: 2, rollout: { order: 0, upgradeDomains: 1 } })]),
    service('api', [tier('app', { count: 2 })]),
  ];
  const after = [
    service('shop-prod', [
      tier('web', { count: 4, instance: { state, image: { box: 'svcplan/debian-12', version: '12.8.0' } } }),
      tier('db', { count: 3, rollout: { order: 0, upgradeDomains: 1 }, instance: { settings: { SHOP_MODE: 'eu' } } }),
    ]),
    service('api', [tier('app', { count: 2, instance: { memory: 4096 } })]),
  ];
  return buildPlan({ desired: desiredState(after), recorded: recorded(...before.map((s) => recordOf(s))), base: BASE });
}

describe('renderText', () => {
  it('reads like terraform plan, without colour when not asked', () => {
    const plan = mixedPlan();
    expect(plan.document.summary).toEqual({ create: 1, refresh: 2, restart: 2, replace: 4, destroy: 1, none: 0 });
    const text = renderText(plan.document);
    expect(text).not.toContain('\x1b');
    expect(text).toContain('svcplan: main (aaaaaaa) → HEAD (bbbbbbb)');
    expect(text).toContain('shop-prod (template web-shop, runner hv-01)\n  tier db (order 0)\n    upgrade domain 0\n');
    expect(text).toContain('    ~ api-app-1: update in place (restart)\n            memory: 2048 → 4096 (restart)');
    expect(text).toContain('    ~ shop-prod-db-1: update in place\n            settings.SHOP_MODE: "production" → "eu"');
    expect(text).toContain('    + shop-prod-db-3: create\n            count: 2 → 3');
    expect(text).toContain('  -/+ shop-prod-web-1: replace, state disk kept\n            image.version: "12.7.1" → "12.8.0" (forces replacement)');
    expect(text).toContain('    - shop-prod-web-5: destroy, state disk kept\n            count: 5 → 4');
    expect(text.indexOf('api-app-1')).toBeLessThan(text.indexOf('shop-prod-db-1'));
    expect(text.indexOf('shop-prod-db-1')).toBeLessThan(text.indexOf('shop-prod-web-1'));
    expect(text).toContain('Plan: 1 to create, 4 to update in place (2 with restart), 4 to replace (state kept), 1 to destroy.');
    expect(text).toContain(`Plan digest: ${plan.document.plan_digest}`);
  });

  it('colours actions only when asked', () => {
    const text = renderText(mixedPlan().document, { color: true });
    expect(text).toContain('\x1b[32m  +\x1b[0m shop-prod-db-3');
    expect(text).toContain('\x1b[35m-/+\x1b[0m shop-prod-web-1');
    expect(text).toContain('\x1b[31m  -\x1b[0m shop-prod-web-5');
    expect(text).toContain('\x1b[33m  ~\x1b[0m api-app-1');
  });

  it('counts unchanged instances, says when nothing changes, lists errors and warnings', () => {
    const before = service('shop-prod', [tier('web', { count: 3, instance: { state: { disk: 20, onScaleIn: 'retain' } } })]);
    const after = service('shop-prod', [tier('web', { count: 3, instance: { state } })]);
    const record = recordOf(before, (r) => (r.instances[2].status = 'pending'));
    const refused = renderText(buildPlan({ desired: desiredState([after]), recorded: recorded(record), base: BASE }).document);
    expect(refused).toMatch(/Warning: shop-prod-web-3 is pending after an earlier apply/);
    expect(refused).toMatch(/Error: templates\/web-shop\.yaml:\d+:\d+: tier web of service shop-prod shrinks its state disk/);
    expect(refused).toContain('Plan refused: 1 error; nothing will be applied until it is fixed.');

    const grown = service('shop-prod', [tier('web', { count: 4, rollout: { upgradeDomains: 1 } })]);
    const text = renderText(
      buildPlan({
        desired: desiredState([grown]),
        recorded: recorded(recordOf(service('shop-prod', [tier('web', { rollout: { upgradeDomains: 1 } })]))),
        base: BASE,
      }).document,
    );
    expect(text).toContain('          3 instances unchanged');
    const nothing = renderText(buildPlan({ desired: desiredState([grown]), recorded: recorded(recordOf(grown)), base: BASE }).document);
    expect(nothing).toContain('No changes to any VM.');
  });

  it('shows control characters in user values as escapes', () => {
    const before = service('s', [tier('web', { count: 1 })]);
    const after = service('s', [tier('web', { count: 1, instance: { settings: { SHOP_MODE: 'x\x1b[2J\ny\u009b' } } })]);
    const text = renderText(buildPlan({ desired: desiredState([after]), recorded: recorded(recordOf(before)), base: BASE }).document);
    expect(text).toContain('settings.SHOP_MODE: "production" → "x\\u001b[2J\\ny\\u009b"');
    expect(text).not.toContain('\x1b');
  });
});

describe('renderJson', () => {
  it('is exactly the SPEC document, 2-space indented, fields in the SPEC order', () => {
    const plan = mixedPlan();
    const json = renderJson(plan.document);
    // The plan's in-memory instance index (the executor's) is not part of the contract.
    const contract = structuredClone(plan.document);
    for (const s of contract.services) for (const t of s.tiers) for (const d of t.domains) for (const i of d.instances) delete i.index;
    expect(JSON.parse(json)).toEqual(contract);
    expect(Object.keys(JSON.parse(json))).toEqual([
      'format_version',
      'base',
      'head',
      'state_digest',
      'plan_digest',
      'summary',
      'services',
      'warnings',
      'errors',
    ]);
    expect(json).toContain('\n  "format_version": 1,\n  "base": {\n    "ref": "main",');
    expect(json).toContain(
      '{\n                  "name": "shop-prod-web-1",\n                  "action": "replace",\n                  "state": "kept",\n                  "reasons": [\n                    {\n                      "path": "image.version",\n                      "from": "12.7.1",\n                      "to": "12.8.0",\n                      "action": "replace"\n                    }',
    );
  });

  it('carries nothing beyond the contract and keeps absent values as null', () => {
    const plan = mixedPlan();
    const extra = { ...plan.document, services: plan.document.services.map((s) => ({ ...s, secret: 'x' })) } as typeof plan.document;
    expect(renderJson(extra)).not.toContain('secret');
    const added = buildPlan({
      desired: desiredState([service('s', [tier('web', { count: 1, instance: { settings: { A: '1' } } })])]),
      recorded: recorded(recordOf(service('s', [tier('web', { count: 1, instance: { settings: {} } })]))),
      base: BASE,
    });
    expect(JSON.parse(renderJson(added.document)).services[0].tiers[0].domains[0].instances[0].reasons).toEqual([
      { path: 'settings.A', from: null, to: '1', action: 'refresh' },
    ]);
  });
});
