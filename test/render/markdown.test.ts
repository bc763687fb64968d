import { buildPlan } from '../../src/plan/index.js';
import { escapeMarkdown, PLAN_COMMENT_MARKER, renderMarkdown } from '../../src/render/index.js';
import type { PlanDocument, ServiceRecord, ServiceSpec } from '../../src/model/types.js';
import { BASE, desiredState, recordOf, recorded, service, tier } from '../plan/fixtures.js';

const LIMIT = 65_536;

/** Splits a Markdown table row into cells on the pipes that are not escaped. */
function cellCount(row: string): number {
  return row.split(/(?<!\\)\|/).length - 2;
}

/** Every table: consecutive lines starting with a pipe. Each row must have the header's cells. */
function expectWholeTables(markdown: string): number {
  const lines = markdown.split('\n');
  let tables = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('|')) continue;
    const header = cellCount(lines[i]);
    expect(lines[i + 1]).toMatch(/^\|(\s*-+:?\|)+$|^\|(-{3,}:?\|)+$|^\|(---:?\|)+$/);
    expect(cellCount(lines[i + 1])).toBe(header);
    let j = i + 2;
    while (j < lines.length && lines[j].startsWith('|')) {
      expect(lines[j].endsWith('|')).toBe(true);
      expect(cellCount(lines[j])).toBe(header);
      j++;
    }
    expect(j).toBeGreaterThan(i + 2); // a table always has at least one row
    tables++;
    i = j;
  }
  expect((markdown.match(/<details>/g) ?? []).length).toBe((markdown.match(/<\/details>/g) ?? []).length);
  return tables;
}

function expectEssentials(markdown: string, doc: PlanDocument): void {
  expect(markdown.length).toBeLessThanOrEqual(LIMIT);
  expect(markdown.startsWith(PLAN_COMMENT_MARKER + '\n')).toBe(true);
  const s = doc.summary;
  expect(markdown).toContain(`| ${s.create} | ${s.refresh + s.restart} | ${s.restart} | ${s.replace} | ${s.destroy} | ${s.none} |`);
  expect(markdown).toContain('`' + doc.plan_digest + '`');
  // Counts come before any service section.
  const counts = markdown.indexOf('| to create |');
  const firstService = markdown.search(/<details>|\n- <b>/);
  expect(counts).toBeGreaterThan(0);
  if (firstService >= 0) expect(counts).toBeLessThan(firstService);
  expectWholeTables(markdown);
}

const newImage = { box: 'svcplan/debian-12', version: '12.8.0' };
const state = { disk: 10, onScaleIn: 'retain' as const };

describe('renderMarkdown', () => {
  it('shows marker, counts (replacements separate), one collapsible section per service, digest', () => {
    const before = service('shop-prod', [tier('web', { count: 4, instance: { state } })]);
    const after = service('shop-prod', [tier('web', { count: 5, instance: { state, image: newImage } })]);
    const other = service('api', [tier('app', { count: 2 })]);
    const plan = buildPlan({
      desired: desiredState([after, service('api', [tier('app', { count: 1 })])]),
      recorded: recorded(recordOf(before), recordOf(other)),
      base: BASE,
    });
    const md = renderMarkdown(plan.document, { title: 'Plan for #12' });
    expectEssentials(md, plan.document);
    expect(md).toContain('### Plan for &#35;12');
    expect(md).toContain('| to create | to update in place | of which restart | to replace (state kept) | to destroy | unchanged |');
    expect(md).toContain('| 1 | 0 | 0 | 4 | 1 | 1 |');
    expect(md.match(/<details><summary>/g)).toHaveLength(2);
    expect(md).toContain('<summary><b>shop-prod</b> (template web-shop, runner hv-01): 1 to create, 4 to replace</summary>');
    expect(md).toContain('| shop-prod-web-1 | 0 | `-/+` replace, state disk kept | image.version: 12.7.1 → 12.8.0 (forces replacement) |');
    expect(md).toContain('| shop-prod-web-5 | 1 | `+` create | count: 4 → 5 |');
    expect(md).toContain('| api-app-2 | 1 | `-` destroy | count: 2 → 1 |');
    expect(md.indexOf('api-app-2')).toBeLessThan(md.indexOf('shop-prod-web-1'));
  });

  it('lists errors and warnings', () => {
    const before = service('shop-prod', [tier('web', { instance: { state: { disk: 20, onScaleIn: 'retain' } } })]);
    const after = service('shop-prod', [tier('web', { instance: { state } })]);
    const record = recordOf(before, (r) => (r.instances[0].status = 'failed'));
    const plan = buildPlan({ desired: desiredState([after]), recorded: recorded(record), base: BASE });
    const md = renderMarkdown(plan.document);
    expect(md).toMatch(/\*\*Plan refused\*\*: 1 error; nothing will be applied/);
    const e = plan.document.errors[0];
    expect(md).toContain(`- templates/web-shop.yaml:${e.line}:${e.column}: tier web of service shop-prod shrinks its state disk`);
    expect(md).toContain('**Warnings**\n\n- shop-prod-web-1 is failed after an earlier apply');
  });

  it('escapes hostile values so they cannot break a table, inject HTML or mention anyone', () => {
    const hostile = 'a | b\n</details><img src=x onerror=alert(1)> `code` @everyone [x](http://evil) **bold** \\| _i_ ~~s~~ &amp;';
    const before = service('shop-prod', [tier('web', { count: 2 })]);
    const after = service('shop-prod', [tier('web', { count: 2, instance: { settings: { SHOP_MODE: hostile, 'K|<b>': 'v' } } })]);
    const plan = buildPlan({ desired: desiredState([after]), recorded: recorded(recordOf(before)), base: { ref: 'evil`|<ref>', commit: 'a'.repeat(40) } });
    const md = renderMarkdown(plan.document, { title: '<script>alert(1)</script>' });
    expectEssentials(md, plan.document);
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<script');
    expect(md).not.toContain('@everyone');
    expect(md).not.toContain('](http');
    expect(md).not.toContain('`code`');
    expect(md).not.toContain('**bold**');
    expect(md).toContain('&amp;amp;');
    expect(md.match(/<\/details>/g)).toHaveLength(1);
    expect(md).toContain('a &#124; b<br>&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt;');
    // The only raw HTML is the markup the renderer writes itself.
    const tags = md.match(/<\/?[a-z!][^>]*>/gi) ?? [];
    expect(new Set(tags)).toEqual(new Set([PLAN_COMMENT_MARKER, '<details>', '</details>', '<summary>', '</summary>', '<b>', '</b>', '<br>']));
    expect(escapeMarkdown('x\r\ny')).toBe('x<br>y');
  });

  it('never exceeds maxLength and keeps whole tables at any limit', () => {
    const before = service('shop-prod', [tier('web', { count: 60 })]);
    const after = service('shop-prod', [tier('web', { count: 60, instance: { memory: 4096 } })]);
    const plan = buildPlan({ desired: desiredState([after]), recorded: recorded(recordOf(before)), base: BASE });
    for (const maxLength of [2_000, 3_000, 5_000, 10_000]) {
      const md = renderMarkdown(plan.document, { maxLength });
      expect(md.length).toBeLessThanOrEqual(maxLength);
      expect(md).toContain(plan.document.plan_digest);
      expectWholeTables(md);
    }
    expect(() => renderMarkdown(plan.document, { maxLength: 100 })).toThrow(RangeError);
  });
});

describe('renderMarkdown on 10,000-instance plans', () => {
  function expectFits(doc: PlanDocument): string {
    const md = renderMarkdown(doc);
    expectEssentials(md, doc);
    return md;
  }

  it('all replace: groups identical instances into one row per tier', () => {
    const before = service('big', [tier('web', { count: 10_000, scale: { min: 1, max: 10_000 }, rollout: { upgradeDomains: 5 }, instance: { state } })]);
    const after = service('big', [
      tier('web', { count: 10_000, scale: { min: 1, max: 10_000 }, rollout: { upgradeDomains: 5 }, instance: { state, image: newImage } }),
    ]);
    const plan = buildPlan({ desired: desiredState([after]), recorded: recorded(recordOf(before)), base: BASE });
    expect(plan.document.summary.replace).toBe(10_000);
    const md = expectFits(plan.document);
    expect(md).toContain(
      '| big-web-1 … big-web-10000 (10000 instances) | 0–4 | `-/+` replace, state disk kept | image.version: 12.7.1 → 12.8.0 (forces replacement) |',
    );
  });

  it('all different settings: falls back to one line per service', () => {
    const spec = service('big', [tier('web', { count: 10_000, scale: { min: 1, max: 10_000 }, instance: { settings: { SHOP_MODE: 'x' } } })]);
    const record = recordOf(spec, (r) => r.instances.forEach((i) => (i.spec = { ...i.spec, settings: { SHOP_MODE: `value-${i.index}` } })));
    const plan = buildPlan({ desired: desiredState([spec]), recorded: recorded(record), base: BASE });
    expect(plan.document.summary.refresh).toBe(10_000);
    const md = expectFits(plan.document);
    expect(md).toContain('- <b>big</b> (template web-shop, runner hv-01): 10000 to update in place');
  });

  it('many services: one line each while they fit, the rest counted', () => {
    const specs: ServiceSpec[] = [];
    const records: ServiceRecord[] = [];
    for (let s = 0; s < 2_500; s++) {
      const name = `svc-${String(s).padStart(4, '0')}`;
      const before = service(name, [tier('web', { count: 4 })]);
      specs.push(service(name, [tier('web', { count: 4, instance: { cpus: 4, settings: { SHOP_MODE: `m${s}` } } })]));
      records.push(recordOf(before));
    }
    const plan = buildPlan({ desired: desiredState(specs), recorded: recorded(...records), base: BASE });
    expect(plan.document.summary.restart).toBe(10_000);
    const md = expectFits(plan.document);
    expect(md).toMatch(/- … and \d+ more services: run `svcplan plan --format json`/);
  });

  it('10,000 warnings and long errors are capped, not cut', () => {
    const spec = service('big', [tier('web', { count: 10_000, scale: { min: 1, max: 10_000 } })]);
    const record = recordOf(spec, (r) => r.instances.forEach((i) => (i.status = 'failed')));
    const plan = buildPlan({ desired: desiredState([spec]), recorded: recorded(record), base: BASE });
    const doc: PlanDocument = {
      ...plan.document,
      errors: Array.from({ length: 300 }, (_, k) => ({ file: `templates/t${k}.yaml`, line: k + 1, column: 3, message: 'x'.repeat(5_000) })),
    };
    expect(doc.warnings).toHaveLength(10_000);
    const md = expectFits(doc);
    expect(md).toMatch(/- … and \d+ more warnings/);
    expect(md).toMatch(/- … and \d+ more errors/);
    expect(md).toContain('**Plan refused**: 300 errors');
  });

  it('a mixed plan keeps the small service in full and summarises the huge one', () => {
    const small = service('small', [tier('web', { count: 2, instance: { memory: 1 } })]);
    const hugeBefore = service('huge', [tier('web', { count: 9_998, scale: { min: 1, max: 10_000 } })]);
    const hugeAfter = service('huge', [tier('web', { count: 9_998, scale: { min: 1, max: 10_000 }, instance: { image: newImage } })]);
    const plan = buildPlan({
      desired: desiredState([small, hugeAfter]),
      recorded: recorded(recordOf(service('small', [tier('web', { count: 2 })])), recordOf(hugeBefore)),
      base: BASE,
    });
    const md = expectFits(plan.document);
    expect(md).toContain('| small-web-1 | 0 | `~` update in place (restart) | memory: 2048 → 1 (restart) |');
    expect(md).toContain('| huge-web-1 … huge-web-9998 (9998 instances) |');
  });
});
