import { canonicalJson, digestOf } from '../src/model/digest.js';
import { upgradeDomainOf, instanceName } from '../src/model/types.js';

describe('digests depend only on content', () => {
  it('gives the same digest whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,1]},"b":1}');
    expect(digestOf({ a: 1, b: 2 })).toBe(digestOf({ b: 2, a: 1 }));
    expect(digestOf({ a: 1 })).not.toBe(digestOf({ a: 2 }));
    expect(digestOf({ a: 1 })).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
  it('puts instance n of a tier with U domains in domain (n-1) mod U', () => {
    expect([1, 2, 3, 4, 5].map((n) => upgradeDomainOf(n, 3))).toEqual([0, 1, 2, 0, 1]);
    expect(instanceName('shop-prod', 'web', 4)).toBe('shop-prod-web-4');
  });
});
