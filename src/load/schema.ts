// Validation against the published JSON Schema, with ajv's errors turned into sentences a user
// can act on, each pointing at the YAML node it is about.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../schema/svcplan-v1.schema.json' with { type: 'json' };
import * as generated from './schema-validators.generated.js';
import type { YamlPath } from './source.js';

export type SchemaKind = 'ServiceTemplate' | 'Service' | 'Config';

export interface SchemaProblem {
  path: YamlPath;
  /** Point at the key (an unknown or misnamed field) rather than its value. */
  atKey: boolean;
  message: string;
}

/** The schema as published, for editors and for `svcplan schema`-style output. */
export const SVCPLAN_SCHEMA: unknown = schema;

let validators: Record<SchemaKind, ValidateFunction> | undefined;

// The build turns the schema into code (ajv standalone), since compiling it costs far more than
// validating a thousand files. That code is used while it was made from this very schema; after
// a change to the schema without a build, the schema is compiled once per process instead.
function validatorFor(kind: SchemaKind): ValidateFunction {
  if (!validators) {
    const digest = createHash('sha256').update(JSON.stringify(schema)).digest('hex');
    validators = digest === generated.SCHEMA_DIGEST ? (generated as unknown as Record<SchemaKind, ValidateFunction>) : compileSchema();
  }
  return validators[kind];
}

/**
 * The options here and in scripts/build.mjs must stay the same. Only needed when the schema
 * changed since the last build, which a built bundle never is: so ajv is loaded from
 * node_modules here rather than bundled into every start.
 */
export function compileSchema(): Record<SchemaKind, ValidateFunction> {
  const { Ajv } = createRequire(import.meta.url)('ajv') as { Ajv: typeof AjvClass };
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  ajv.addVocabulary(['x-hint', 'x-unit']);
  ajv.addSchema(schema as object);
  const get = (name: SchemaKind) => ajv.getSchema(`urn:svcplan:schema:v1#/definitions/${name}`)!;
  return { ServiceTemplate: get('ServiceTemplate'), Service: get('Service'), Config: get('Config') };
}

/**
 * Every schema violation of one document. `sourceOf` gives the text a scalar was written as, so
 * that `version: 12.10` is quoted back as 12.10, not 12.1.
 */
export function validateAgainstSchema(kind: SchemaKind, value: unknown, sourceOf: (path: YamlPath) => string | undefined): SchemaProblem[] {
  const validate = validatorFor(kind);
  if (validate(value)) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const problem = describe(error, value, sourceOf);
    if (!problem) continue;
    // A value that breaks several bounds of one rule (type and minimum) gets one sentence.
    const key = `${problem.path.join('\0')}\0${problem.atKey}\0${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function pointerToPath(pointer: string): YamlPath {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `tiers.web.memory`; the document root is called "the document". */
export function dottedPath(path: YamlPath): string {
  if (path.length === 0) return 'the document';
  return path.map((p, i) => (typeof p === 'number' || /^\d+$/.test(String(p)) ? `[${p}]` : (i === 0 ? '' : '.') + p)).join('');
}

function valueAt(root: unknown, path: YamlPath): unknown {
  let v = root;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p as string] : undefined;
  return v;
}

function shown(value: unknown, source: string | undefined): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value);
  if (typeof value === 'number' && source !== undefined && !/^["']/.test(source)) return source.length > 40 ? source.slice(0, 37) + '...' : source;
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
  null: 'empty',
};

/** What a numeric schema accepts: "an integer ≥ 256 (MiB)", "an integer from 1 to 256". */
function describeNumber(s: Record<string, unknown>, value: unknown): string {
  const what = s.type === 'integer' ? 'an integer' : 'a number';
  const unit = typeof s['x-unit'] === 'string' ? ` (${s['x-unit']})` : '';
  const min = s.minimum as number | undefined;
  const max = s.maximum as number | undefined;
  if (min !== undefined && max !== undefined) {
    // Huge upper bounds are only there to refuse nonsense: named only to a value beyond them.
    if (max < 100000) return `${what} from ${min} to ${max}${unit}`;
    return typeof value === 'number' && value > max ? `${what} ≤ ${max}${unit}` : `${what} ≥ ${min}${unit}`;
  }
  if (min !== undefined) return `${what} ≥ ${min}${unit}`;
  if (max !== undefined) return `${what} ≤ ${max}${unit}`;
  return what + unit;
}

function describe(error: ErrorObject, root: unknown, sourceOf: (path: YamlPath) => string | undefined): SchemaProblem | undefined {
  const path = pointerToPath(error.instancePath);
  const where = dottedPath(path);
  const value = valueAt(root, path);
  const source = sourceOf(path);
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  const got = `got ${shown(value, source)}`;
  const params = error.params as Record<string, unknown>;

  switch (error.keyword) {
    case 'required': {
      const field = String(params.missingProperty);
      return { path, atKey: false, message: `${where} is missing the required field "${field}"` };
    }
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const known = Object.keys((parent.properties as object | undefined) ?? {});
      const suggestion = closest(field, known);
      const hint = suggestion ? `; did you mean "${suggestion}"?` : known.length ? `; known fields: ${known.join(', ')}` : '';
      return {
        path: [...path, field],
        atKey: true,
        message: `${where === 'the document' ? 'unknown field' : `${where} has an unknown field`} "${field}"${hint}`,
      };
    }
    case 'propertyNames':
      return undefined; // the pattern error on the name itself says it better
    case 'pattern': {
      if (error.propertyName !== undefined) {
        const name = error.propertyName;
        const hint = typeof parent['x-hint'] === 'string' ? parent['x-hint'] : `names matching ${params.pattern}`;
        return { path: [...path, name], atKey: true, message: `${where}: "${name}" is not a valid name; use ${hint}` };
      }
      const hint = typeof parent['x-hint'] === 'string' ? parent['x-hint'] : `a value matching ${params.pattern}`;
      return { path, atKey: false, message: `${where} must be ${hint}, ${got}` };
    }
    case 'type': {
      const expected = ([] as string[]).concat(params.type as string | string[]);
      if (expected.includes('integer') || expected.includes('number')) {
        if (expected.length === 1) return { path, atKey: false, message: `${where} must be ${describeNumber(parent, value)}, ${got}` };
      }
      if (expected.length === 1 && expected[0] === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
        const written = source ?? String(value);
        return { path, atKey: false, message: `${where} must be a string, got ${typeof value} ${written}; quote it: "${written}"` };
      }
      const words = expected.map((t) => TYPE_WORDS[t] ?? t);
      const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : words[0];
      return { path, atKey: false, message: `${where} must be ${list}, ${got}` };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'multipleOf':
      return { path, atKey: false, message: `${where} must be ${describeNumber(parent, value)}, ${got}` };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return { path, atKey: false, message: `${where} must be one of ${allowed}, ${got}` };
    }
    case 'const':
      return { path, atKey: false, message: `${where} must be ${JSON.stringify(params.allowedValue)}, ${got}` };
    case 'minProperties':
      return { path, atKey: false, message: `${where} must have at least ${params.limit} entr${params.limit === 1 ? 'y' : 'ies'}` };
    case 'maxProperties':
      return { path, atKey: false, message: `${where} may have at most ${params.limit} entries` };
    case 'minItems':
      return { path, atKey: false, message: `${where} must list at least ${params.limit} item${params.limit === 1 ? '' : 's'}` };
    case 'maxItems':
      return { path, atKey: false, message: `${where} may list at most ${params.limit} items` };
    case 'uniqueItems':
      return { path: [...path, Number(params.i)], atKey: false, message: `${where} lists ${shown((value as unknown[])[Number(params.i)], undefined)} twice` };
    case 'minLength':
      return { path, atKey: false, message: `${where} must not be empty` };
    case 'maxLength':
      return { path, atKey: false, message: `${where} must be at most ${params.limit} characters long` };
    default:
      return { path, atKey: false, message: `${where} ${error.message ?? 'is not valid'}` };
  }
}

/** The known name closest to a misspelled one, when it is close enough to be a likely typo. */
function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

/** Edit distance counting a swap of two neighbours as one edit ("cpsu" is one typo from "cpus"). */
function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Infinity;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
