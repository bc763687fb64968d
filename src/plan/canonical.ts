// The canonical JSON of src/model/digest.ts, character for character, written without building a
// sorted copy of the value first, and able to reuse the text of an object it has seen: the
// instances of a tier share one spec object, so ten thousand instances cost a few hundred specs.
import { createHash } from 'node:crypto';

/** Texts of objects already written, by identity; only for objects that are never changed after. */
export type CanonicalMemo = WeakMap<object, string>;

/** The same text as `canonicalJson(value)`; objects found in `memo` are written from it. */
export function canonicalText(value: unknown, memo?: CanonicalMemo): string {
  return write(value, memo) ?? 'null';
}

/** The same digest as `digestOf(value)`. */
export function canonicalDigest(value: unknown, memo?: CanonicalMemo): string {
  return 'sha256:' + createHash('sha256').update(canonicalText(value, memo)).digest('hex');
}

/** Remembers the text of `value` in `memo` and returns it. */
export function remember(value: object, memo: CanonicalMemo): string {
  let text = memo.get(value);
  if (text === undefined) {
    text = write(value, undefined) ?? 'null';
    memo.set(value, text);
  }
  return text;
}

/** undefined where JSON.stringify leaves a member out. */
function write(value: unknown, memo: CanonicalMemo | undefined): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      const known = memo?.get(value);
      if (known !== undefined) return known;
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (write(value[i], memo) ?? 'null');
        return out + ']';
      }
      let out = '{';
      let first = true;
      for (const key of keyOrder(Object.keys(value))) {
        const member = (value as Record<string, unknown>)[key];
        if (member === undefined) continue;
        const text = write(member, memo);
        if (text === undefined) continue;
        out += (first ? '' : ',') + JSON.stringify(key) + ':' + text;
        first = false;
      }
      return out + '}';
    }
    case 'bigint':
      return JSON.stringify(value); // throws, as JSON.stringify does
    default:
      return undefined; // functions, symbols, undefined
  }
}

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

/**
 * Keys sorted, in the order an object built with them in that order lists them: array-index
 * keys ("2", "10") first, by number, as JavaScript objects always list them.
 */
function keyOrder(keys: string[]): string[] {
  keys.sort();
  let indexes: string[] | undefined;
  for (const key of keys) {
    if (ARRAY_INDEX.test(key) && Number(key) < 4294967295) (indexes ??= []).push(key);
  }
  if (!indexes) return keys;
  const isIndex = new Set(indexes);
  return [...indexes.sort((a, b) => Number(a) - Number(b)), ...keys.filter((k) => !isIndex.has(k))];
}
