// The one digest of svcplan: canonical JSON (object keys sorted at every level, so the same value
// always gives the same text) and its sha256. Written without building a sorted copy of the value
// first, and able to reuse the text of an object it has seen: the instances of a tier share one
// spec object, so ten thousand instances cost a few hundred specs. A digest streams the text into
// the hash in chunks instead of building one string of megabytes. Spec, state and plan digests
// are all made here; only plan/ sets a plan's digest.
import { createHash, hash as oneShotHash, type Hash } from 'node:crypto';
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
  const out = new HashOut();
  writeObject(spec as unknown as Record<string, unknown>, memo, out, memo && SPEC_PARTS, 'files');
  return 'sha256:' + out.digest();
}

/** The canonical text of a service spec without where it was read from (what `specDigest` hashes). */
export function specText(spec: ServiceSpec, memo?: CanonicalMemo): string {
  const out = new TextOut();
  writeObject(spec as unknown as Record<string, unknown>, memo, out, memo && SPEC_PARTS, 'files');
  return out.text;
}

/**
 * Where a resolved spec holds parts that the services of one template share by identity (the
 * template's image, features, apps, state, health, rollout and scale: see resolveService). Written
 * with a memo, each such part's text is remembered and written from memory the next time.
 */
const SPEC_PARTS: ReadonlySet<string> = new Set(['image', 'features', 'apps', 'state', 'health', 'rollout', 'scale']);

/** `sha256:<hex>` of a canonical text already written. */
export function textDigest(text: string): string {
  return 'sha256:' + oneShotHash('sha256', text, 'hex');
}

/** Texts of objects already written, by identity; only for objects that are never changed after. */
export type CanonicalMemo = WeakMap<object, string>;

/** The same text as `canonicalJson(value)`; objects found in `memo` are written from it. */
export function canonicalText(value: unknown, memo?: CanonicalMemo): string {
  const out = new TextOut();
  if (!write(value, memo, out)) out.add('null');
  return out.text;
}

/** The same digest as `digestOf(value)`. */
export function canonicalDigest(value: unknown, memo?: CanonicalMemo): string {
  const out = new HashOut();
  if (!write(value, memo, out)) out.add('null');
  return 'sha256:' + out.digest();
}

/**
 * Remembers the text of `value` in `memo` and returns it. `spec`: the value is (part of) a
 * resolved spec, whose shared parts are remembered too.
 */
export function remember(value: object, memo: CanonicalMemo, spec = false): string {
  let text = memo.get(value);
  if (text === undefined) {
    const out = new TextOut();
    write(value, spec ? memo : undefined, out, spec ? SPEC_PARTS : undefined);
    text = flat(out.text);
    memo.set(value, text);
  }
  return text;
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

interface Out {
  add(piece: string): void;
}

class TextOut implements Out {
  text = '';
  add(piece: string): void {
    this.text += piece;
  }
}

const CHUNK = 64 * 1024;

/**
 * Text streamed into a sha256 in chunks. Most digested values are short: those are hashed in one
 * call at the end, without a Hash object (creating one costs more than hashing a few KB).
 */
class HashOut implements Out {
  private buffer = '';
  private hash: Hash | undefined;
  add(piece: string): void {
    this.buffer += piece;
    if (this.buffer.length >= CHUNK) {
      (this.hash ??= createHash('sha256')).update(this.buffer);
      this.buffer = '';
    }
  }
  digest(): string {
    if (this.hash === undefined) return oneShotHash('sha256', this.buffer, 'hex');
    this.hash.update(this.buffer);
    return this.hash.digest('hex');
  }
}

/**
 * Writes the value; false where JSON.stringify leaves a member out (nothing written then).
 * `parts`: keys whose object values are remembered in `memo` (needs a memo).
 */
function write(value: unknown, memo: CanonicalMemo | undefined, out: Out, parts?: ReadonlySet<string>): boolean {
  switch (typeof value) {
    case 'string':
      out.add(JSON.stringify(value));
      return true;
    case 'number':
      out.add(Number.isFinite(value) ? String(value) : 'null');
      return true;
    case 'boolean':
      out.add(value ? 'true' : 'false');
      return true;
    case 'object': {
      if (value === null) {
        out.add('null');
        return true;
      }
      if (memo !== undefined) {
        const known = memo.get(value);
        if (known !== undefined) {
          out.add(known);
          return true;
        }
      }
      if (Array.isArray(value)) {
        if (value.length === 0) {
          out.add('[]');
          return true;
        }
        out.add('[');
        for (let i = 0; i < value.length; i++) {
          if (i) out.add(',');
          if (!write(value[i], memo, out, parts)) out.add('null');
        }
        out.add(']');
        return true;
      }
      writeObject(value as Record<string, unknown>, memo, out, parts);
      return true;
    }
    case 'bigint':
      JSON.stringify(value); // throws, as JSON.stringify does
      return false;
    default:
      return false; // functions, symbols, undefined
  }
}

/** An object's members in key order; `skip` names a key left out (a spec's `files`). */
function writeObject(value: Record<string, unknown>, memo: CanonicalMemo | undefined, out: Out, parts?: ReadonlySet<string>, skip?: string): void {
  const keys = Object.keys(value);
  if (keys.length === 0) {
    out.add('{}');
    return;
  }
  const shape = shapeOf(keys);
  const sorted = shape.sorted;
  let first = true;
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i];
    const member = value[key];
    const type = typeof member;
    if (type === 'undefined' || type === 'function' || type === 'symbol' || key === skip) continue;
    out.add(first ? shape.open[i] : shape.next[i]);
    if (parts !== undefined && type === 'object' && member !== null && parts.has(key)) out.add(remember(member as object, memo!));
    else write(member, memo, out, parts);
    first = false;
  }
  out.add(first ? '{}' : '}');
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
