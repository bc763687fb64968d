// The fast canonical JSON must be the model's canonical JSON, character for character: plan and
// state digests computed before and after must not differ.
import { canonicalJson, digestOf } from '../../src/model/digest.js';
import { createHash } from 'node:crypto';
import { canonicalDigest, canonicalText, remember, specDigest, specText, textDigest, type CanonicalMemo } from '../../src/model/digest.js';
import { seededRandom } from '../support/fuzz-corpus.js';

function randomValue(random: () => number, depth = 0): unknown {
  const r = random();
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  if (depth > 4 || r < 0.4) {
    return pick<unknown>(['', 'a', 'é "quoted" \\ \n', '\u2028', 0, -0, 1.5, 1e21, -3, NaN, Infinity, true, false, null, undefined, () => 1, Symbol('s')]);
  }
  if (r < 0.6) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
  const out: Record<string, unknown> = {};
  const keys = ['b', 'a', 'B', '10', '9', '0', '01', '-1', '1.5', 'z', '', 'é', '4294967295', '4294967294'];
  for (let i = Math.floor(random() * 5); i > 0; i--) out[pick(keys)] = randomValue(random, depth + 1);
  return out;
}

describe('canonical JSON without a sorted copy', () => {
  it('is the model canonical JSON for 5,000 random values', () => {
    const random = seededRandom(11);
    for (let i = 0; i < 5000; i++) {
      const value = randomValue(random);
      expect(canonicalText(value)).toBe(canonicalJson(value) ?? 'null');
    }
  });

  it('writes a shared object from memory and still gives the same digest', () => {
    const spec = { image: { box: 'debian/bookworm64', version: '12.1' }, cpus: 2, settings: { B: '1', A: '2' } };
    const state = Array.from({ length: 10 }, (_, i) => ({ index: i, spec, status: 'ready' }));
    const memo: CanonicalMemo = new WeakMap();
    expect(remember(spec, memo)).toBe(canonicalJson(spec));
    expect(canonicalDigest(state, memo)).toBe(digestOf(state));
    expect(canonicalDigest({ a: undefined, b: [undefined] })).toBe(digestOf({ a: undefined, b: [undefined] }));
  });
});

/** Canonical JSON the plain way: a copy with keys sorted at every level, then JSON.stringify. */
function referenceCanonical(value: unknown): string {
  const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map((x) => (skipped(x) ? null : sorted(x)));
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) {
      const member = (v as Record<string, unknown>)[key];
      if (!skipped(member)) out[key] = sorted(member);
    }
    return out;
  };
  return JSON.stringify(sorted(value)) ?? 'null';
}

describe('canonical JSON, against a sorted copy', () => {
  it('writes objects of one shape, or of a thousand shapes, as a sorted copy reads', () => {
    const random = seededRandom(29);
    const pool = ['name', 'tiers', 'image', 'a', 'B', '10', '2', '0', '007', 'é', '', 'z-z', 'count', 'x'];
    const shuffled = () => [...pool].sort(() => random() - 0.5).slice(0, 1 + Math.floor(random() * pool.length));
    for (let i = 0; i < 3000; i++) {
      // The same keys in another order, other keys, user keys of every kind: shapes are made and reused.
      const value: Record<string, unknown> = {};
      for (const key of shuffled()) value[key] = i % 3 === 0 ? randomValue(random, 2) : { [`k${i % 5000}`]: i, [shuffled()[0]]: [undefined, { b: 1, a: 2 }] };
      expect(canonicalText(value)).toBe(referenceCanonical(value));
      expect(canonicalDigest(value)).toBe(`sha256:${createHash('sha256').update(referenceCanonical(value)).digest('hex')}`);
    }
  });

  it("leaves out a spec's files, and nothing else", () => {
    const spec = {
      name: 's',
      template: 't',
      release: '1',
      target: { provider: 'libvirt', options: {} },
      tiers: [{ name: 'web', files: 'kept in a tier' }],
      files: { template: 'a', service: 'b' },
    };
    const { files: _files, ...content } = spec;
    expect(specText(spec as never)).toBe(referenceCanonical(content));
    expect(specDigest(spec as never)).toBe(digestOf(content));
    expect(textDigest(specText(spec as never))).toBe(specDigest(spec as never));
  });
});

describe('specs that share parts', () => {
  it('give the same digest written with a memo of their parts as alone', () => {
    const health = { timeout: 300, minReady: 0 };
    const apps = { shop: { version: '1.0', install: 'apps/shop/install.sh' } };
    const spec = (name: string, settings: Record<string, string>) => ({
      name,
      template: 't',
      release: '1',
      target: { driver: 'vagrant', provider: 'libvirt', options: {} },
      tiers: [{ name: 'web', count: 2, health, instance: { apps, features: ['nginx'], settings, image: { box: 'b', version: '1' } } }],
      files: { template: 't.yaml', service: `${name}.yaml` },
    });
    const memo: CanonicalMemo = new WeakMap();
    for (const [name, settings] of [
      ['a', { A: '1' }],
      ['b', { B: '2' }],
      ['a', { A: '1' }],
    ] as const) {
      const s = spec(name, settings);
      const { files: _files, ...content } = s;
      expect(specDigest(s as never, memo)).toBe(digestOf(content));
      expect(specText(s as never, memo)).toBe(referenceCanonical(content));
      expect(remember(s.tiers[0].instance, memo, true)).toBe(referenceCanonical(s.tiers[0].instance));
    }
    expect(memo.get(health)).toBe(referenceCanonical(health));
    expect(memo.get(apps)).toBe(referenceCanonical(apps));
  });
});
