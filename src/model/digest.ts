// The one digest of svcplan: canonical JSON (object keys sorted at every level, so the same value
// always gives the same text) and its sha256. Written without building a sorted copy of the value
// first, and able to reuse the text of an object it has seen: the instances of a tier share one
// spec object, so ten thousand instances cost a few hundred specs. A digest streams the text into
// the hash in chunks instead of building one string of megabytes. Spec, state and plan digests
// are all made here; only plan/ sets a plan's digest.
import { createHash, hash as oneShotHash } from 'node:crypto';
import type { ServiceSpec } from './types.js';

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return canonicalText(value);
}

/** `sha256:<hex>` of the canonical JSON of a value. */
export function digestOf(value: unknown): string {
  return canonicalDigest(value);
}

/**
 * A service spec's identity: its content without where it was read from. With a memo, the parts
 * the services of one template share (see SPEC_PARTS) are written once for all specs digested
 * with that memo.
 */
export function specDigest(spec: ServiceSpec, memo?: CanonicalMemo): string {
  return textDigest(specText(spec, memo));
}

/** The canonical text of a service spec without where it was read from (what `specDigest` hashes). */
export function specText(spec: ServiceSpec, memo?: CanonicalMemo): string {
  return objectText(spec as unknown as Record<string, unknown>, memo, memo && SPEC_PARTS, 'files');
}

/**
 * Where a resolved spec holds parts that the services of one template share by identity (the
 * template's image, features, apps, state, health, rollout and scale: see resolveService). Written
 * with a memo, each such part's text is remembered and written from memory the next time.
 */
const SPEC_PARTS: ReadonlySet<string> = new Set(['image', 'features', 'apps', 'state', 'health', 'rollout', 'scale']);

/** `sha256:<hex>` of a canonical text already written. */
export function textDigest(text: string): string {
  return 'sha256:' + (text.length <= CHUNK ? oneShotHash('sha256', text, 'hex') : createHash('sha256').update(text).digest('hex'));
}

/** Texts of objects already written, by identity; only for objects that are never changed after. */
export type CanonicalMemo = WeakMap<object, string>;

/** The same text as `canonicalJson(value)`; objects found in `memo` are written from it. */
export function canonicalText(value: unknown, memo?: CanonicalMemo): string {
  return text(value, memo) ?? 'null';
}

/** The same digest as `digestOf(value)`. */
export function canonicalDigest(value: unknown, memo?: CanonicalMemo): string {
  return textDigest(canonicalText(value, memo));
}

/**
 * Remembers the text of `value` in `memo` and returns it. `spec`: the value is (part of) a
 * resolved spec, whose shared parts are remembered too.
 */
export function remember(value: object, memo: CanonicalMemo, spec = false): string {
  let known = memo.get(value);
  if (known === undefined) {
    known = flat(text(value, spec ? memo : undefined, spec ? SPEC_PARTS : undefined) ?? 'null');
    memo.set(value, known);
  }
  return known;
}

/**
 * The same string, stored as one piece: text built by many `+=` is a tree of pieces that is
 * walked again every time it is copied, and a remembered text is copied thousands of times.
 * Reading a character makes V8 flatten the string in place.
 */
export function flat(text: string): string {
  text.charCodeAt(text.length >> 1);
  return text;
}

/** Texts longer than this are hashed through a Hash object, shorter ones in one call. */
const CHUNK = 64 * 1024;

/**
 * The canonical text of a value; undefined where JSON.stringify leaves a member out (functions,
 * symbols, undefined). `parts`: keys whose object values are remembered in `memo` (needs a memo).
 */
function text(value: unknown, memo: CanonicalMemo | undefined, parts?: ReadonlySet<string>): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (memo !== undefined) {
        const known = memo.get(value);
        if (known !== undefined) return known;
      }
      if (Array.isArray(value)) {
        if (value.length === 0) return '[]';
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (text(value[i], memo, parts) ?? 'null');
        return out + ']';
      }
      return objectText(value as Record<string, unknown>, memo, parts);
    }
    case 'bigint':
      JSON.stringify(value); // throws, as JSON.stringify does
      return undefined;
    default:
      return undefined; // functions, symbols, undefined
  }
}

/** An object's members in key order; `skip` names a key left out (a spec's `files`). */
function objectText(value: Record<string, unknown>, memo: CanonicalMemo | undefined, parts?: ReadonlySet<string>, skip?: string): string {
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}';
  const shape = shapeOf(keys);
  const sorted = shape.sorted;
  let out = '';
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i];
    if (key === skip) continue;
    const member = value[key];
    let written: string | undefined;
    switch (typeof member) {
      case 'string':
        written = JSON.stringify(member);
        break;
      case 'number':
        written = Number.isFinite(member) ? String(member) : 'null';
        break;
      case 'object':
        written = parts !== undefined && member !== null && parts.has(key) ? remember(member, memo!) : text(member, memo, parts);
        break;
      default:
        written = text(member, memo, parts);
        if (written === undefined) continue;
    }
    out += (out === '' ? shape.open[i] : shape.next[i]) + written;
  }
  return out === '' ? '{}' : out + '}';
}

/**
 * How the objects with one list of keys (in the order the object lists them) are written: the
 * keys in canonical order, each with its label (`{"key":` first, `,"key":` after). Objects built
 * the same way list the same keys, so a thousand specs need a few dozen shapes: each is sorted
 * once, not once per object.
 */
interface Shape {
  keys: string[];
  sorted: string[];
  open: string[];
  next: string[];
}

/** Shapes by their first key; each list is short. */
const shapes = new Map<string, Shape[]>();
let shapeCount = 0;
/** Objects with keys of the user's choosing (settings, options) make shapes of their own: bounded. */
const MAX_SHAPES = 4096;

function shapeOf(keys: string[]): Shape {
  const list = shapes.get(keys[0]);
  if (list !== undefined) {
    search: for (let s = 0; s < list.length; s++) {
      const known = list[s].keys;
      if (known.length !== keys.length) continue;
      for (let i = 1; i < keys.length; i++) if (known[i] !== keys[i]) continue search;
      return list[s];
    }
  }
  const sorted = keyOrder(keys.slice());
  const labels = sorted.map((key) => JSON.stringify(key) + ':');
  const shape: Shape = { keys, sorted, open: labels.map((l) => '{' + l), next: labels.map((l) => ',' + l) };
  if (shapeCount < MAX_SHAPES) {
    shapeCount++;
    if (list === undefined) shapes.set(keys[0], [shape]);
    else list.push(shape);
  }
  return shape;
}

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

/**
 * Keys sorted, in the order an object built with them in that order lists them: array-index
 * keys ("2", "10") first, by number, as JavaScript objects always list them.
 */
function keyOrder(keys: string[]): string[] {
  if (keys.length < 2) return keys;
  keys.sort();
  let indexes: string[] | undefined;
  for (const key of keys) {
    const c = key.charCodeAt(0);
    if (c >= 48 && c <= 57 && ARRAY_INDEX.test(key) && Number(key) < 4294967295) (indexes ??= []).push(key);
  }
  if (!indexes) return keys;
  const isIndex = new Set(indexes);
  return [...indexes.sort((a, b) => Number(a) - Number(b)), ...keys.filter((k) => !isIndex.has(k))];
}
