// Checks requests against GitHub's published OpenAPI description (api.github.com, from
// @octokit/openapi), so the local API server refuses what github.com would refuse.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

type JsonObject = Record<string, unknown>;

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonObject;
}

interface OpenApiOperation {
  operationId: string;
  parameters?: (OpenApiParameter | { $ref: string })[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonObject }> };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation | unknown>>;
  components: { schemas: Record<string, JsonObject>; parameters: Record<string, OpenApiParameter> };
}

/** A route of the description: `GET /repos/{owner}/{repo}/issues/{issue_number}/comments`. */
export interface RouteMatch {
  method: string;
  template: string;
  operationId: string;
  params: Record<string, string>;
}

export type CheckResult = { ok: true } | { ok: false; status: number; problem: string };

/** Parameters whose values GitHub allows to contain slashes (`heads/main`, `dir/file.yaml`). */
const SLASHED_PARAMS = new Set(['{ref}', '{path}', '{basehead}', '{branch}']);

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];

interface CompiledTemplate {
  template: string;
  segments: string[];
  /** Literal segments outrank parameters at the same position: `/issues/comments` beats `/issues/{n}`. */
  rank: string;
}

interface CompiledOperation {
  operationId: string;
  pathParams: ValidateFunction;
  queryParams: ValidateFunction;
  body?: { required: boolean; validate: ValidateFunction };
}

/** Loaded once per process and shared: the file is 13 MB. */
let specPromise: Promise<OpenApiSpec> | undefined;

export function loadOpenApiSpec(): Promise<OpenApiSpec> {
  specPromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
    return new OpenApiSpec(JSON.parse(await readFile(file, 'utf8')) as OpenApiDocument);
  })();
  return specPromise;
}

export class OpenApiSpec {
  private readonly bySegmentCount = new Map<number, CompiledTemplate[]>();
  private readonly compiled = new Map<string, CompiledOperation>();
  /** Parameters arrive as strings; coercion lets `"42"` satisfy `type: integer` as GitHub does. */
  private readonly paramAjv = new Ajv({ strict: false, coerceTypes: true, validateFormats: false, logger: false, allErrors: true });
  private readonly bodyAjv = new Ajv({ strict: false, validateFormats: false, logger: false, allErrors: true });

  constructor(private readonly doc: OpenApiDocument) {
    for (const template of Object.keys(doc.paths)) {
      const segments = template.split('/').slice(1);
      const rank = segments.map((s) => (s.startsWith('{') ? '1' : '0')).join('');
      const list = this.bySegmentCount.get(segments.length) ?? [];
      list.push({ template, segments, rank });
      this.bySegmentCount.set(segments.length, list);
    }
    for (const list of this.bySegmentCount.values()) list.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  }

  /**
   * Finds the operation for a method and a raw path. Segments are decoded one by one, so a
   * parameter holding a slash arrives either encoded (`heads%2Fmain`, as Octokit sends it) or,
   * for the last parameter of a template, as several raw segments.
   */
  match(method: string, rawPath: string): RouteMatch | undefined {
    const lower = method.toLowerCase();
    const raw = rawPath.split('/').slice(1);
    const segments = raw.map(safeDecode);
    const exact = this.tryTemplates(lower, segments, this.bySegmentCount.get(segments.length) ?? [], false);
    if (exact) return exact;
    for (let count = segments.length - 1; count >= 1; count--) {
      const greedy = this.tryTemplates(lower, segments, this.bySegmentCount.get(count) ?? [], true);
      if (greedy) return greedy;
    }
    return undefined;
  }

  /** Whether any method is described for the path (to tell 404 from 405). */
  hasPath(rawPath: string): boolean {
    return METHODS.some((m) => this.match(m, rawPath) !== undefined);
  }

  private tryTemplates(method: string, segments: string[], candidates: CompiledTemplate[], greedyLast: boolean): RouteMatch | undefined {
    for (const c of candidates) {
      const op = this.doc.paths[c.template]?.[method] as OpenApiOperation | undefined;
      if (!op || typeof op !== 'object' || !('operationId' in op)) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < c.segments.length; i++) {
        const want = c.segments[i];
        const isLast = i === c.segments.length - 1;
        if (want.startsWith('{')) {
          const value = greedyLast && isLast ? segments.slice(i).join('/') : segments[i];
          if (value === undefined || value === '') {
            ok = false;
            break;
          }
          params[want.slice(1, -1)] = value;
        } else if (want !== segments[i]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (greedyLast && !SLASHED_PARAMS.has(c.segments[c.segments.length - 1])) continue;
      return { method: method.toUpperCase(), template: c.template, operationId: op.operationId, params };
    }
    return undefined;
  }

  /** Validates path parameters, query parameters and the JSON body of a matched request. */
  check(route: RouteMatch, query: Record<string, string>, body: unknown, hasBody: boolean): CheckResult {
    const op = this.compile(route);
    const params = { ...route.params };
    if (!op.pathParams(params)) {
      return { ok: false, status: 404, problem: `path parameters of ${route.operationId}: ${this.paramAjv.errorsText(op.pathParams.errors)}` };
    }
    const q = { ...query };
    if (!op.queryParams(q)) {
      return { ok: false, status: 422, problem: `query of ${route.operationId}: ${this.paramAjv.errorsText(op.queryParams.errors)}` };
    }
    if (op.body) {
      if (!hasBody) {
        if (op.body.required) return { ok: false, status: 422, problem: `${route.operationId} requires a JSON body` };
      } else if (!op.body.validate(body)) {
        return { ok: false, status: 422, problem: `body of ${route.operationId}: ${this.bodyAjv.errorsText(op.body.validate.errors, { dataVar: 'body' })}` };
      }
    }
    return { ok: true };
  }

  private compile(route: RouteMatch): CompiledOperation {
    const key = `${route.method} ${route.template}`;
    const cached = this.compiled.get(key);
    if (cached) return cached;
    const pathItem = this.doc.paths[route.template] as Record<string, unknown>;
    const op = pathItem[route.method.toLowerCase()] as OpenApiOperation;
    const shared = (pathItem.parameters as OpenApiOperation['parameters']) ?? [];
    const parameters = [...shared, ...(op.parameters ?? [])].map((p) => this.resolveParameter(p));
    const paramSchema = (where: 'path' | 'query'): JsonObject => {
      const list = parameters.filter((p) => p.in === where);
      return {
        type: 'object',
        properties: Object.fromEntries(list.map((p) => [p.name, toJsonSchema(p.schema ?? {})])),
        required: list.filter((p) => p.required || where === 'path').map((p) => p.name),
      };
    };
    const compiled: CompiledOperation = {
      operationId: op.operationId,
      pathParams: this.paramAjv.compile(paramSchema('path')),
      queryParams: this.paramAjv.compile(paramSchema('query')),
    };
    const bodySchema = op.requestBody?.content?.['application/json']?.schema;
    if (bodySchema) {
      compiled.body = { required: op.requestBody?.required === true, validate: this.bodyAjv.compile(this.withComponents(key, bodySchema)) };
    }
    this.compiled.set(key, compiled);
    return compiled;
  }

  private resolveParameter(p: OpenApiParameter | { $ref: string }): OpenApiParameter {
    if ('$ref' in p) {
      const name = p.$ref.replace('#/components/parameters/', '');
      const found = this.doc.components.parameters[name];
      if (!found) throw new Error(`OpenAPI description has no parameter ${p.$ref}`);
      return found;
    }
    return p;
  }

  /**
   * A standalone JSON Schema for one operation's body: the body schema plus every component
   * schema it reaches, under the same `#/components/schemas/…` pointers, so `$ref`s resolve
   * without loading the whole 13 MB document into ajv.
   */
  private withComponents(key: string, schema: JsonObject): JsonObject {
    const needed = new Set<string>();
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!node || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
          const name = v.slice('#/components/schemas/'.length);
          if (!needed.has(name)) {
            needed.add(name);
            visit(this.doc.components.schemas[name]);
          }
        } else visit(v);
      }
    };
    visit(schema);
    const schemas = Object.fromEntries([...needed].map((n) => [n, toJsonSchema(this.doc.components.schemas[n])]));
    return { $id: `https://svcplan.test/operations/${encodeURIComponent(key)}`, allOf: [toJsonSchema(schema)], components: { schemas } };
  }
}

/** OpenAPI 3.0 → JSON Schema: `nullable: true` becomes an explicit `null` type. */
function toJsonSchema(node: unknown): JsonObject {
  return convert(node) as JsonObject;
}

const ANNOTATIONS = new Set(['nullable', 'example', 'examples', 'discriminator']);

function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (!node || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (ANNOTATIONS.has(k)) continue;
    if ((k === 'properties' || k === 'patternProperties') && v && typeof v === 'object') {
      // Keys here are property names, not keywords: a property called `examples` must survive.
      out[k] = Object.fromEntries(Object.entries(v).map(([name, schema]) => [name, convert(schema)]));
    } else if (k === 'enum' || k === 'const' || k === 'default') {
      out[k] = v;
    } else out[k] = convert(v);
  }
  if ((node as JsonObject).nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (Array.isArray(out.type) && !out.type.includes('null')) out.type = [...out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (out.type === undefined && out.enum === undefined) return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
