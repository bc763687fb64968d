// The fast canonical JSON must be the model's canonical JSON, character for character: plan and
// state digests computed before and after must not differ.
import { canonicalJson, digestOf } from '../../src/model/digest.js';
import { canonicalDigest, canonicalText, remember, type CanonicalMemo } from '../../src/model/digest.js';
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
