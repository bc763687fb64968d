// The one digest of svcplan: canonical JSON (object keys sorted at every level, so the same value
// always gives the same text) and its sha256. Written without building a sorted copy of the value
// first, and able to reuse the text of an object it has seen: the instances of a tier share one
// spec object, so ten thousand instances cost a few hundred specs. A digest streams the text into
// the hash in chunks instead of building one string of megabytes. Spec, state and plan digests
// are all made here; only plan/ sets a plan's digest.
import { createHash, type Hash } from 'node:crypto';
import type { ServiceSpec } from './types.js';

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return canonicalText(value);
}

/** `sha256:<hex>` of the canonical JSON of a value. */
export function digestOf(value: unknown): string {
  return canonicalDigest(value);
}

/** A service spec's identity: its content without where it was read from. */
export function specDigest(spec: ServiceSpec): string {
  const { files: _files, ...rest } = spec;
  return canonicalDigest(rest);
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
  const out = new HashOut(createHash('sha256'));
  if (!write(value, memo, out)) out.add('null');
  return 'sha256:' + out.digest();
}

/** Remembers the text of `value` in `memo` and returns it. */
export function remember(value: object, memo: CanonicalMemo): string {
  let text = memo.get(value);
  if (text === undefined) {
    text = flat(canonicalText(value));
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

class HashOut implements Out {
  private buffer = '';
  constructor(private readonly hash: Hash) {}
  add(piece: string): void {
    this.buffer += piece;
    if (this.buffer.length >= CHUNK) {
      this.hash.update(this.buffer);
      this.buffer = '';
    }
  }
  digest(): string {
    this.hash.update(this.buffer);
    return this.hash.digest('hex');
  }
}

/** Writes the value; false where JSON.stringify leaves a member out (nothing written then). */
function write(value: unknown, memo: CanonicalMemo | undefined, out: Out): boolean {
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
      const known = memo?.get(value);
      if (known !== undefined) {
        out.add(known);
        return true;
      }
      if (Array.isArray(value)) {
        out.add('[');
        for (let i = 0; i < value.length; i++) {
          if (i) out.add(',');
          if (!write(value[i], memo, out)) out.add('null');
        }
        out.add(']');
        return true;
      }
      out.add('{');
      let first = true;
      for (const key of keyOrder(Object.keys(value))) {
        const member = (value as Record<string, unknown>)[key];
        if (!writable(member)) continue;
        let label = labels.get(key);
        if (label === undefined) {
          label = JSON.stringify(key) + ':';
          if (labels.size < 10000) labels.set(key, label);
        }
        out.add(first ? label : ',' + label);
        write(member, memo, out);
        first = false;
      }
      out.add('}');
      return true;
    }
    case 'bigint':
      JSON.stringify(value); // throws, as JSON.stringify does
      return false;
    default:
      return false; // functions, symbols, undefined
  }
}

function writable(value: unknown): boolean {
  const type = typeof value;
  return type !== 'undefined' && type !== 'function' && type !== 'symbol';
}

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;
/** `"key":` by key: the same few field names come back thousands of times. */
const labels = new Map<string, string>();

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
