// The fast reader must never disagree with the `yaml` package: whatever it accepts must be one
// document that `yaml` reads without error or warning, to the very same value. Checked on the
// fuzz corpus of broken repositories and on generated YAML made of the constructs it handles and
// of those it must refuse.
import { isDeepStrictEqual } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { coreScalar, parsePlainYaml } from '../../src/load/plain-yaml.js';
import { mutatedYamlCorpus, seededRandom } from '../support/fuzz-corpus.js';
import { SHOP_PROD, WEB_SHOP } from './fixtures.js';

function fullRead(text: string): { ok: boolean; value?: unknown } {
  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, merge: true, strict: true, logLevel: 'silent' });
  if (!Array.isArray(docs) || docs.length !== 1) return { ok: false };
  const doc = docs[0];
  if (doc.errors.length > 0 || doc.warnings.length > 0) return { ok: false };
  return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) };
}

/** Accepted texts must read the same; returns whether the fast reader accepted it. */
function agree(text: string): boolean {
  const fast = parsePlainYaml(text);
  if (!fast) return false;
  const full = fullRead(text);
  if (!full.ok) throw new Error(`accepted text that yaml refuses:\n${text}`);
  if (!isDeepStrictEqual(fast.value, full.value)) {
    throw new Error(`read differently:\n${text}\nfast: ${JSON.stringify(fast.value)}\nyaml: ${JSON.stringify(full.value)}`);
  }
  return true;
}

const SCALARS = [
  'a',
  'web-1',
  'debian/bookworm64',
  '12.20240905.1',
  '12.10',
  '0',
  '-3',
  '+7',
  '007',
  '0o17',
  '0x1F',
  '1e3',
  '-1.5E-2',
  '.5',
  '5.',
  '.inf',
  '-.Inf',
  '.NaN',
  'null',
  'Null',
  '~',
  'true',
  'False',
  'TRUE',
  'yes',
  'no',
  'on',
  'y',
  'n',
  '"quoted"',
  "'single'",
  "'it''s'",
  '""',
  "''",
  '"a # b"',
  'a # comment',
  'a#b',
  'pg_isready -q',
  'a: b',
  'a:b',
  'a:',
  '-',
  '- x',
  '-x',
  '--x',
  '?x',
  ':x',
  '@x',
  '`x',
  '%x',
  '&anchor x',
  '*alias',
  '!tag x',
  '|',
  '>',
  '[a, b]',
  '[a, b,]',
  '[]',
  '{}',
  '{ k: v }',
  '{ k: [1, 2], m: { n: o } }',
  '{k: v}',
  '{ k:v }',
  '[a: b]',
  '{ a }',
  '[a#b]',
  '[ "x", \'y\' ]',
  '{ "k": v }',
  '[a, [b, [c]]]',
  '"unclosed',
  "'unclosed",
  '[unclosed',
  '{ k: }',
  '"a"b',
  '1_000',
  '2001-12-14',
  '0b101',
  '3.14.15',
  'über',
  '日本',
  'a b  c',
  'a  ',
  '"trailing"  ',
  '[a] # c',
  '#not a value',
];
const KEYS = ['a', 'name', 'tiers', 'web', 'PG_MAX', 'app-1', 'x.y', 'p/q', '_u', 'true', 'null', 'Null', '__proto__', '"quoted"', '1', 'a b', '<<', 'a', 'a'];

function generate(random: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const lines: string[] = [];
  const block = (indent: number, depth: number, asList: boolean) => {
    const n = 1 + Math.floor(random() * 4);
    for (let i = 0; i < n; i++) {
      const pad = ' '.repeat(indent + (random() < 0.03 ? 1 : 0));
      const head = asList ? `${pad}-` : `${pad}${pick(KEYS)}:`;
      const r = random();
      if (depth < 4 && r < 0.3) {
        lines.push(head + (random() < 0.1 ? ' # note' : ''));
        const child = random() < 0.3;
        const childIndent = asList || !child || random() < 0.7 ? indent + 2 : indent;
        block(childIndent, depth + 1, child);
      } else if (r < 0.35) {
        lines.push(head);
      } else {
        lines.push(`${head} ${pick(SCALARS)}`);
        if (random() < 0.03) lines.push(`${pad}    continued`);
      }
      if (random() < 0.05) lines.push(pick(['', '# comment', '   # indented comment', '---', '...', '  ']));
    }
  };
  if (random() < 0.2) lines.push('---');
  block(random() < 0.1 ? 2 : 0, 0, random() < 0.1);
  return lines.join('\n') + (random() < 0.8 ? '\n' : '');
}

describe('the fast YAML reader', () => {
  it('reads the example files, and reads them as yaml does', () => {
    for (const text of [WEB_SHOP, SHOP_PROD]) expect(agree(text)).toBe(true);
  });

  it('resolves scalars by the YAML 1.2 core schema', () => {
    expect([coreScalar('12.10'), coreScalar('0x1F'), coreScalar('0o17'), coreScalar('+7'), coreScalar('yes'), coreScalar('~'), coreScalar('.inf')]).toEqual([
      12.1,
      31,
      15,
      7,
      'yes',
      null,
      Infinity,
    ]);
  });

  it('keeps the text of numbers, so 12.10 can be quoted back as written', () => {
    const doc = parsePlainYaml('tiers:\n  web:\n    settings: { V: 12.10, W: "x" }\n    list: [1.50]\n')!;
    expect(doc.scalarSources.get(['tiers', 'web', 'settings', 'V'].join('\0'))).toBe('12.10');
    expect(doc.scalarSources.get(['tiers', 'web', 'list', '0'].join('\0'))).toBe('1.50');
    expect(doc.scalarSources.has(['tiers', 'web', 'settings', 'W'].join('\0'))).toBe(false);
  });

  it('refuses what it cannot read exactly: anchors, block scalars, several documents, duplicates', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: |\n  text\n',
      'a: 1\n---\nb: 2\n',
      'a: 1\na: 2\n',
      'a: "x\\ty"\n',
      'a:\n\tb: 1\n',
      'a: b\n  c\n',
      '<<: { a: 1 }\n',
    ]) {
      expect(parsePlainYaml(text)).toBeUndefined();
    }
  });

  it('never disagrees with yaml on the fuzz corpus of broken repositories', () => {
    let accepted = 0;
    let texts = 0;
    for (const fuzzCase of mutatedYamlCorpus(20240611, 1500)) {
      const content = fuzzCase.files[fuzzCase.target];
      texts++;
      if (agree(Buffer.from(content).toString('utf8'))) accepted++;
    }
    // The corpus is mostly broken on purpose; some mutations keep a file plain and valid.
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(texts);
  });

  it('never disagrees with yaml on 20,000 generated documents', () => {
    const random = seededRandom(7);
    let accepted = 0;
    for (let i = 0; i < 20000; i++) if (agree(generate(random))) accepted++;
    expect(accepted).toBeGreaterThan(2000);
  });
});
