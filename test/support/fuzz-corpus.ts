// Deterministic corpus of broken templates repositories: a valid repository with one file
// mutated (lines deleted, duplicated, swapped; types flipped; garbage, tabs, aliases, huge numbers,
// deep nesting, binary) or with a file of pure garbage added. The loader must turn every one into
// located diagnostics (or a valid load), never crash or hang; the CLI must exit 2 on the invalid ones.
import { SCRIPTS, SHOP_PROD, WEB_SHOP } from '../load/fixtures.js';

export interface FuzzCase {
  id: number;
  /** The mutations applied, for a readable failure. */
  description: string;
  /** The whole repository: the valid one with the mutation applied. */
  files: Record<string, string | Buffer>;
  /** The file that was mutated or added. */
  target: string;
  /**
   * True when the mutation cannot leave the repository valid (binary data, a wrong type on a
   * field that has one, garbage in a file of its own, …). Others (a deleted line, swapped lines)
   * may by chance still be valid.
   */
  expectInvalid: boolean;
}

/** mulberry32: small, fast, and the same sequence for the same seed on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const int = (rnd: Random, max: number) => Math.floor(rnd() * max);
const pick = <T>(rnd: Random, items: readonly T[]): T => items[int(rnd, items.length)];

const TEMPLATE = 'templates/web-shop.yaml';
const SERVICE = 'services/shop-prod.yaml';

interface Mutation {
  name: string;
  /** Whether this mutation always makes the file invalid. */
  certain: boolean;
  apply(text: string, rnd: Random, file: string): string | Buffer;
}

const GARBAGE_CHARS = [...':{}[]&*!|>\'"%@`#,?-<=~\\', '\t', '\r', '\u0001', '\u001b', '\u00a0', '\u200b', '\ufeff', 'é', '😀', '\u202e', 'a', '0', ' ', '\n'];
const FLIPPED_VALUES = ['"a string"', '123', '-7', 'true', 'null', '~', '[a, b]', '{ a: 1 }', '12.10', "''", '2G', '.inf'];
const HUGE_NUMBERS = ['1e400', '99999999999999999999999999', '-1e400', '.nan', '0x7fffffffffffffff', '1_000_000', '0o777777777777777', '-0'];

/** Fields with a single JSON type, and a value of another type for each. */
const TYPED_FIELDS: Record<string, string[]> = {
  memory: ['"2G"', 'true', '[1]', '{ a: 1 }', '12.5', '"1024"'],
  cpus: ['"two"', 'false', '[2]', '2.5', '0'],
  release: ['2.10', 'true', '[a]', '{ v: 1 }'],
  name: ['12', 'true', '[web]', 'Web_Shop', '"-bad-"'],
  template: ['42', 'false', '[web-shop]', '{ n: 1 }'],
  count: ['"three"', 'true', '-1', '1.5', '[3]'],
  provider: ['vmware', '1', 'true', '[libvirt]'],
  image: ['7', 'true', '[debian12]', 'nosuchimage'],
};

const SCHEMA_FIELDS = [
  'name',
  'release',
  'images',
  'tiers',
  'image',
  'cpus',
  'memory',
  'count',
  'scale',
  'features',
  'apps',
  'settings',
  'state',
  'disk',
  'save',
  'restore',
  'onScaleIn',
  'health',
  'rollout',
  'template',
  'target',
];

const MUTATIONS: Mutation[] = [
  {
    name: 'delete line',
    certain: false,
    apply: (text, rnd) => {
      const lines = text.split('\n');
      lines.splice(int(rnd, lines.length), 1);
      return lines.join('\n');
    },
  },
  {
    name: 'duplicate line',
    certain: false,
    apply: (text, rnd) => {
      const lines = text.split('\n');
      const i = int(rnd, lines.length);
      lines.splice(i, 0, lines[i]);
      return lines.join('\n');
    },
  },
  {
    name: 'swap lines',
    certain: false,
    apply: (text, rnd) => {
      const lines = text.split('\n');
      const i = int(rnd, lines.length);
      const j = int(rnd, lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    },
  },
  {
    name: 'flip a value to another type',
    certain: false,
    apply: (text, rnd) => {
      const lines = text.split('\n');
      const candidates = lines.map((l, i) => (/^\s*[A-Za-z_]+: \S/.test(l) ? i : -1)).filter((i) => i >= 0);
      if (candidates.length === 0) return text + `x: ${pick(rnd, FLIPPED_VALUES)}\n`;
      const i = pick(rnd, candidates);
      lines[i] = lines[i].replace(/: .*$/, `: ${pick(rnd, FLIPPED_VALUES)}`);
      return lines.join('\n');
    },
  },
  {
    name: 'wrong type on a typed field',
    certain: true,
    apply: (text, rnd, file) => {
      const fields = Object.keys(TYPED_FIELDS).filter(
        (f) =>
          new RegExp(`(^|[ {,])${f}: `, 'm').test(text) &&
          (file === TEMPLATE ? f !== 'template' && f !== 'provider' : !['memory', 'cpus', 'release', 'image'].includes(f)),
      );
      if (fields.length === 0) return text;
      const field = pick(rnd, fields);
      const value = pick(rnd, TYPED_FIELDS[field]);
      // Replace the first occurrence's value up to the end of the scalar.
      return text.replace(new RegExp(`((?:^|[ {,])${field}: )("[^"]*"|[^,}\\n]+)`, 'm'), `$1${value}`);
    },
  },
  {
    name: 'insert garbage bytes',
    certain: false,
    apply: (text, rnd) => {
      const at = int(rnd, text.length + 1);
      const garbage = Array.from({ length: 1 + int(rnd, 12) }, () => pick(rnd, GARBAGE_CHARS)).join('');
      return text.slice(0, at) + garbage + text.slice(at);
    },
  },
  {
    name: 'truncate',
    certain: false,
    apply: (text, rnd) => text.slice(0, int(rnd, text.length)),
  },
  {
    name: 'tabs for indentation',
    certain: false,
    apply: (text, rnd) => {
      const lines = text.split('\n');
      const indented = lines.map((l, i) => (/^ +\S/.test(l) ? i : -1)).filter((i) => i >= 0);
      if (indented.length === 0) return '\t' + text;
      const i = pick(rnd, indented);
      lines[i] = lines[i].replace(/^ +/, (s) => (rnd() < 0.5 ? '\t' : s.slice(2) + '\t'));
      return lines.join('\n');
    },
  },
  {
    name: 'anchors and aliases',
    certain: false,
    apply: (text, rnd) => {
      const choice = int(rnd, 4);
      if (choice === 0) {
        // An alias bomb: each level doubles the expanded size.
        const levels = 20 + int(rnd, 20);
        const bomb = ['a0: &a0 [x, x]', ...Array.from({ length: levels }, (_, i) => `a${i + 1}: &a${i + 1} [*a${i}, *a${i}]`)];
        return text + bomb.join('\n') + '\n';
      }
      if (choice === 1) return text.replace(/^(\s*)(cpus|count|template): (.*)$/m, '$1$2: *undefined_anchor');
      if (choice === 2) return text.replace(/^(\s*)(\w+): (.*)$/m, '$1$2: &shared $3') + 'extra: *shared\n';
      return text.replace(/^(tiers:)/m, 'base: &base { cpus: 1 }\n$1').replace(/^( {4}image: .*)$/m, '$1\n    <<: *base');
    },
  },
  {
    name: 'huge number',
    certain: false,
    apply: (text, rnd) => {
      const numbers = [...text.matchAll(/(?<=: )\d+(?=[,}\n ])/g)];
      if (numbers.length === 0) return text + `x: ${pick(rnd, HUGE_NUMBERS)}\n`;
      const m = pick(rnd, numbers);
      return text.slice(0, m.index) + pick(rnd, HUGE_NUMBERS) + text.slice(m.index! + m[0].length);
    },
  },
  {
    name: 'huge number on a bounded field',
    certain: true,
    apply: (text, rnd, file) => {
      const field = file === TEMPLATE ? pick(rnd, ['memory', 'cpus']) : 'count';
      return text.replace(new RegExp(`(${field}: )\\d+`), `$1${pick(rnd, ['1e400', '99999999999999999999999999', '-1e400', '.nan'])}`);
    },
  },
  {
    name: 'deep nesting',
    certain: true,
    apply: (text, rnd) => {
      const depth = pick(rnd, [50, 500, 5000, 20000]);
      const form = int(rnd, 4);
      const nested =
        form === 0
          ? '['.repeat(depth) + ']'.repeat(depth)
          : form === 1
            ? '{a: '.repeat(depth) + '1' + '}'.repeat(depth)
            : // Compact block nesting on one line: `- - - x`, and complex keys `? ? ? x`.
              `\n  ${(form === 2 ? '- ' : '? ').repeat(depth)}x`;
      return text.replace(/^tiers:.*$/m, `tiers: ${nested}`).replace(/^name: .*$/m, (l) => (text.includes('tiers:') ? l : `${l}\ntiers: ${nested}`));
    },
  },
  {
    name: 'binary data',
    certain: true,
    apply: (text, rnd) => {
      const bytes = Buffer.from(text, 'utf8');
      const at = int(rnd, bytes.length + 1);
      const junk = Buffer.from(Array.from({ length: 1 + int(rnd, 64) }, (_, i) => (i === 0 ? pick(rnd, [0x00, 0xff, 0x80, 0xfe]) : int(rnd, 256))));
      return Buffer.concat([bytes.subarray(0, at), junk, bytes.subarray(at)]);
    },
  },
  {
    name: 'misspelled key',
    certain: true,
    apply: (text, rnd) => {
      // Only schema fields: a misspelled tier or app name may still be a valid name.
      const keys = [...text.matchAll(/^(\s*)([a-zA-Z]+):/gm)].filter((m) => SCHEMA_FIELDS.includes(m[2]));
      if (keys.length === 0) return text;
      const m = pick(rnd, keys);
      const key = m[2];
      const i = int(rnd, key.length - 1);
      const misspelled = key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
      if (misspelled === key) return text.replace(`${m[1]}${key}:`, `${m[1]}${key}x:`);
      return text.slice(0, m.index) + `${m[1]}${misspelled}:` + text.slice(m.index! + m[0].length);
    },
  },
  {
    name: 'directives, tags and separators',
    certain: false,
    apply: (text, rnd) =>
      pick(rnd, [
        `%YAML 1.1\n---\n${text}`,
        `%FOO bar\n---\n${text}`,
        `${text}...\n---\n`,
        `---\n---\n${text}`,
        text.replace(/^(name: )/m, '$1!custom '),
        text.replace(/^(name: )/m, '$1!!binary '),
        text.replace(/^(release: )/m, '$1!!int '),
        `${text}\n--- |\n  literal\n`,
      ]),
  },
];

/** Files of pure garbage added to the templates or services folder. */
function garbageFile(rnd: Random): string | Buffer {
  const length = int(rnd, 400);
  switch (int(rnd, 4)) {
    case 0:
      return Buffer.from(Array.from({ length }, () => int(rnd, 256)));
    case 1:
      return Array.from({ length }, () => pick(rnd, GARBAGE_CHARS)).join('');
    case 2:
      return Array.from({ length }, () => String.fromCharCode(32 + int(rnd, 95))).join('');
    default:
      return Array.from(
        { length: 1 + int(rnd, 20) },
        () => `${'  '.repeat(int(rnd, 4))}${pick(rnd, ['- ', '', '? ', ''])}k${int(rnd, 9)}: ${pick(rnd, FLIPPED_VALUES)}`,
      ).join('\n');
  }
}

function validFiles(): Record<string, string | Buffer> {
  return { [TEMPLATE]: WEB_SHOP, [SERVICE]: SHOP_PROD, ...SCRIPTS };
}

/** `n` cases, the same ones for the same seed. */
export function mutatedYamlCorpus(seed: number, n: number): FuzzCase[] {
  const rnd = seededRandom(seed);
  const cases: FuzzCase[] = [];
  for (let id = 0; id < n; id++) {
    const files = validFiles();
    if (rnd() < 0.1) {
      const target = `${pick(rnd, ['templates', 'services'])}/garbage-${id}.${pick(rnd, ['yaml', 'yml'])}`;
      files[target] = garbageFile(rnd);
      cases.push({ id, description: 'pure garbage file', files, target, expectInvalid: true });
      continue;
    }
    const target = rnd() < 0.6 ? TEMPLATE : SERVICE;
    let content: string | Buffer = files[target] as string;
    const applied: string[] = [];
    let certain = false;
    const count = 1 + int(rnd, 3);
    for (let k = 0; k < count; k++) {
      const mutation = pick(rnd, MUTATIONS);
      // Once bytes are binary, further text mutations would only re-decode them.
      if (Buffer.isBuffer(content)) break;
      const before: string = content;
      content = mutation.apply(before, rnd, target);
      applied.push(mutation.name);
      // A later mutation (deleting the broken line) may undo an earlier certain one.
      certain = mutation.certain && (Buffer.isBuffer(content) || content !== before);
    }
    files[target] = content;
    cases.push({ id, description: applied.join(' + '), files, target, expectInvalid: certain });
  }
  return cases;
}
