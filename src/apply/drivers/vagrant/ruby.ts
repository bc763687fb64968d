// Ruby literals for generated Vagrantfiles. Every value that comes from a template or a service
// reaches Ruby through `rubyLiteral`: strings are single-quoted, where Ruby interprets nothing but
// `\\` and `\'`, so no value can become code (no `#{}` interpolation, no heredoc, no backticks).

/** A Ruby symbol. Only for fixed identifiers svcplan chooses or names it has validated. */
export class RubySymbol {
  private constructor(readonly name: string) {}

  static of(name: string): RubySymbol {
    if (!RUBY_IDENTIFIER.test(name)) {
      throw new Error(`not a Ruby identifier, cannot be a symbol: ${JSON.stringify(name)}`);
    }
    return new RubySymbol(name);
  }
}

/** Lower-case Ruby method names (`cpu_mode`, `qemu_use_agent`): the only names used as setters. */
export const RUBY_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function isRubyIdentifier(name: string): boolean {
  return RUBY_IDENTIFIER.test(name);
}

export type RubyValue = string | number | boolean | null | undefined | RubySymbol | RubyValue[] | { [key: string]: RubyValue } | Map<RubySymbol, RubyValue>;

/**
 * A single-quoted Ruby string: backslash and quote are escaped; everything else is literal.
 * Ruby's parser drops a carriage return that precedes a newline in source text, so a CR is
 * written as an adjacent fixed `"\r"` literal, which Ruby joins with its neighbours.
 */
export function rubyString(text: string): string {
  if (text.includes('\0')) throw new Error('a NUL character cannot be passed to the guest');
  return text
    .split('\r')
    .map((part) => "'" + part.replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'")
    .join(' "\\r" ');
}

/**
 * The Ruby literal of a value. Plain objects become hashes with string keys; a Map keyed by
 * RubySymbol becomes a hash with symbol keys (keyword-style options such as `path:`).
 */
export function rubyLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'string') return rubyString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return rubyNumber(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof RubySymbol) return ':' + value.name;
  if (Array.isArray(value)) return '[' + value.map(rubyLiteral).join(', ') + ']';
  if (value instanceof Map) {
    const entries = [...value.entries()].map(([key, v]) => {
      if (!(key instanceof RubySymbol)) throw new Error('a Map literal needs RubySymbol keys');
      return `${key.name}: ${rubyLiteral(v)}`;
    });
    return '{ ' + entries.join(', ') + ' }';
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    const entries = Object.entries(value as Record<string, unknown>).map(([key, v]) => `${rubyString(key)} => ${rubyLiteral(v)}`);
    return entries.length === 0 ? '{}' : '{ ' + entries.join(', ') + ' }';
  }
  throw new Error(`cannot write a ${describe(value)} as a Ruby literal`);
}

/** Hash with symbol keys from validated identifiers, e.g. `{ model: 'random' }` for `lv.random`. */
export function symbolHash(entries: Record<string, unknown>): Map<RubySymbol, unknown> {
  return new Map(Object.entries(entries).map(([k, v]) => [RubySymbol.of(k), v]));
}

function rubyNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`${n} has no Ruby literal`);
  if (Number.isInteger(n)) return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
  // JavaScript prints the shortest round-tripping form; Ruby reads it back as the same double.
  const text = String(n);
  return /[.e]/.test(text) ? text.replace(/e\+?/, 'e') : text + '.0';
}

/**
 * Object literals and parsed data (JSON, YAML), including null-prototype objects and objects
 * made in another realm (a vm context has its own Object.prototype).
 */
function isPlainObject(value: object): boolean {
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'object';
  return typeof value;
}
