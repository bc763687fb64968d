// GitHub Actions workflow files as GitHub reads them, for the local GitHub API (which checks a
// workflow_dispatch against the workflow it starts) and for tests that play a run of a shipped
// workflow: the `on:` triggers, the workflow_dispatch inputs, and the `${{ }}` expressions of
// `if:`, `runs-on:`, `concurrency:`, `strategy.matrix` and `with:`.
//
// Rules come from GitHub's documentation: "Workflow syntax for GitHub Actions" (on, inputs,
// jobs.<id>.if, runs-on, concurrency, strategy) and "Evaluate expressions in workflows and
// actions" (literals, operators, loose equality, case-insensitive string comparison, functions).
import { parse } from 'yaml';

export interface DispatchInput {
  description?: string;
  required: boolean;
  default?: string | number | boolean;
  type: string;
  options?: string[];
}

export interface WorkflowStep {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}

export interface WorkflowJob {
  if?: string | boolean;
  needs?: string | string[];
  'runs-on'?: unknown;
  outputs?: Record<string, string>;
  strategy?: { matrix?: unknown; 'fail-fast'?: boolean };
  concurrency?: string | { group: string; 'cancel-in-progress'?: boolean | string };
  steps?: WorkflowStep[];
}

export interface Workflow {
  name?: string;
  /** Every trigger as a map: `on: push` and `on: [push, pull_request]` read as `{ push: null, … }`. */
  on: Record<string, unknown>;
  permissions?: unknown;
  jobs: Record<string, WorkflowJob>;
}

export class WorkflowSyntaxError extends Error {}

/** Parses a workflow file; throws WorkflowSyntaxError for YAML that is not a workflow. */
export function parseWorkflow(text: string): Workflow {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    throw new WorkflowSyntaxError((error as Error).message);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new WorkflowSyntaxError('a workflow is a YAML mapping');
  const raw = doc as Record<string, unknown>;
  // YAML 1.1 reads a bare `on` key as true; GitHub reads it as "on", as YAML 1.2 (this parser) does.
  const trigger = raw.on ?? raw.true;
  let on: Record<string, unknown>;
  if (typeof trigger === 'string') on = { [trigger]: null };
  else if (Array.isArray(trigger)) on = Object.fromEntries(trigger.map((t) => [String(t), null]));
  else if (trigger && typeof trigger === 'object') on = trigger as Record<string, unknown>;
  else throw new WorkflowSyntaxError('the workflow has no `on:` triggers');
  const jobs = raw.jobs;
  if (!jobs || typeof jobs !== 'object' || Array.isArray(jobs)) throw new WorkflowSyntaxError('the workflow has no `jobs:`');
  return { name: raw.name as string | undefined, on, permissions: raw.permissions, jobs: jobs as Record<string, WorkflowJob> };
}

/** The inputs of the workflow_dispatch trigger; undefined when the workflow has no such trigger. */
export function dispatchInputsOf(workflow: Workflow): Record<string, DispatchInput> | undefined {
  if (!('workflow_dispatch' in workflow.on)) return undefined;
  const trigger = workflow.on.workflow_dispatch as { inputs?: Record<string, Record<string, unknown> | null> } | null;
  const inputs: Record<string, DispatchInput> = {};
  for (const [name, spec] of Object.entries(trigger?.inputs ?? {})) {
    const s = spec ?? {};
    inputs[name] = {
      description: s.description as string | undefined,
      required: s.required === true,
      ...(s.default !== undefined ? { default: s.default as string | number | boolean } : {}),
      type: (s.type as string | undefined) ?? 'string',
      ...(Array.isArray(s.options) ? { options: s.options.map(String) } : {}),
    };
  }
  return inputs;
}

export interface DispatchRefusal {
  status: number;
  message: string;
}

/**
 * What GitHub answers `POST …/actions/workflows/{workflow_id}/dispatches` when the workflow it
 * would start does not take the inputs sent (REST "Create a workflow dispatch event", and the
 * messages github.com gives: "Workflow does not have 'workflow_dispatch' trigger",
 * `Unexpected inputs provided: ["a", "b"]`, "Required input 'x' not provided", "Provided value 'v'
 * for input 'x' not in the list of allowed values"). Undefined when GitHub would start the run.
 */
export function checkDispatch(workflow: Workflow, sent: Record<string, unknown>): DispatchRefusal | undefined {
  const declared = dispatchInputsOf(workflow);
  if (!declared) return { status: 422, message: "Workflow does not have 'workflow_dispatch' trigger" };
  // GitHub takes input values as strings only; its JSON validator words it so.
  for (const [name, value] of Object.entries(sent)) {
    if (typeof value !== 'string') return { status: 422, message: `Invalid request.\n\nFor 'properties/${name}', ${JSON.stringify(value)} is not a string.` };
  }
  const unexpected = Object.keys(sent).filter((name) => !(name in declared));
  if (unexpected.length > 0) return { status: 422, message: `Unexpected inputs provided: ${JSON.stringify(unexpected)}` };
  for (const [name, input] of Object.entries(declared)) {
    // An input left out takes its default ("Any default properties configured in the workflow
    // file will be used when `inputs` are omitted"); a required one without a default is refused.
    if (input.required && !(name in sent) && input.default === undefined) return { status: 422, message: `Required input '${name}' not provided` };
  }
  for (const [name, value] of Object.entries(sent)) {
    const input = declared[name];
    if (input.type === 'choice' && input.options && !input.options.includes(value as string)) {
      return { status: 422, message: `Provided value '${String(value)}' for input '${name}' not in the list of allowed values` };
    }
  }
  return undefined;
}

/**
 * The `inputs` context of a workflow_dispatch run: what was sent, and each declared input left
 * out at its default (booleans stay booleans in `inputs`, as GitHub documents).
 */
export function dispatchInputsContext(workflow: Workflow, sent: Record<string, string>): Record<string, string | number | boolean> {
  const declared = dispatchInputsOf(workflow) ?? {};
  const out: Record<string, string | number | boolean> = {};
  for (const [name, input] of Object.entries(declared)) {
    const value = name in sent ? sent[name] : input.default !== undefined ? input.default : '';
    out[name] = input.type === 'boolean' ? value === true || value === 'true' : value;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Expressions

export type ExpressionValue = null | boolean | number | string | ExpressionValue[] | { [key: string]: ExpressionValue };
export type ExpressionContext = Record<string, ExpressionValue>;

type Token = { kind: 'num'; value: number } | { kind: 'str'; value: string } | { kind: 'id'; value: string } | { kind: 'op'; value: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new WorkflowSyntaxError(`unterminated string in \`${text}\``);
        if (text[i] === "'" && text[i + 1] === "'") {
          value += "'";
          i += 2;
        } else if (text[i] === "'") {
          i++;
          break;
        } else value += text[i++];
      }
      tokens.push({ kind: 'str', value });
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^-?(0x[0-9a-f]+|[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)?)/i.exec(text.slice(i))!;
      tokens.push({ kind: 'num', value: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i))!;
      tokens.push({ kind: 'id', value: m[0] });
      i += m[0].length;
    } else {
      const op = ['==', '!=', '<=', '>=', '&&', '||'].find((o) => text.startsWith(o, i)) ?? c;
      if (!['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', '.', ',', '*'].includes(op)) {
        throw new WorkflowSyntaxError(`unexpected \`${c}\` in \`${text}\``);
      }
      tokens.push({ kind: 'op', value: op });
      i += op.length;
    }
  }
  return tokens;
}

const FUNCTIONS: Record<string, (...args: ExpressionValue[]) => ExpressionValue> = {
  fromJSON: (text) => JSON.parse(toText(text)) as ExpressionValue,
  toJSON: (value) => JSON.stringify(value, null, 2),
  contains: (haystack, needle) =>
    Array.isArray(haystack) ? haystack.some((v) => looselyEqual(v, needle)) : toText(haystack).toLowerCase().includes(toText(needle).toLowerCase()),
  startsWith: (text, prefix) => toText(text).toLowerCase().startsWith(toText(prefix).toLowerCase()),
  endsWith: (text, suffix) => toText(text).toLowerCase().endsWith(toText(suffix).toLowerCase()),
  format: (template, ...args) => toText(template).replace(/\{(\d+)\}/g, (_, n: string) => toText(args[Number(n)] ?? '')),
  // The run played has no failed or cancelled step before the one evaluated.
  success: () => true,
  always: () => true,
  failure: () => false,
  cancelled: () => false,
};

/** Evaluates one expression (the text inside `${{ }}`, or an `if:` without it). */
export function evaluate(expression: string, context: ExpressionContext): ExpressionValue {
  const tokens = tokenize(expression);
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const isOp = (value: string): boolean => peek()?.kind === 'op' && peek()!.value === value;
  const expect = (value: string): void => {
    if (!isOp(value)) throw new WorkflowSyntaxError(`expected \`${value}\` in \`${expression}\``);
    at++;
  };

  const or = (): ExpressionValue => {
    let left = and();
    while (isOp('||')) {
      at++;
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  };
  const and = (): ExpressionValue => {
    let left = comparison();
    while (isOp('&&')) {
      at++;
      const right = comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  const comparison = (): ExpressionValue => {
    let left = unary();
    for (;;) {
      const op = peek();
      if (op?.kind !== 'op' || !['==', '!=', '<', '>', '<=', '>='].includes(op.value)) return left;
      at++;
      const right = unary();
      left = compare(op.value, left, right);
    }
  };
  const unary = (): ExpressionValue => {
    if (isOp('!')) {
      at++;
      return !truthy(unary());
    }
    return postfix(primary());
  };
  const postfix = (value: ExpressionValue): ExpressionValue => {
    for (;;) {
      if (isOp('.')) {
        at++;
        const name = tokens[at++];
        if (name?.kind !== 'id') throw new WorkflowSyntaxError(`expected a property name in \`${expression}\``);
        value = property(value, name.value);
      } else if (isOp('[')) {
        at++;
        const key = or();
        expect(']');
        value = Array.isArray(value) && typeof key === 'number' ? (value[key] ?? null) : property(value, toText(key));
      } else return value;
    }
  };
  const primary = (): ExpressionValue => {
    const token = tokens[at++];
    if (!token) throw new WorkflowSyntaxError(`\`${expression}\` ends too early`);
    if (token.kind === 'num' || token.kind === 'str') return token.value;
    if (token.kind === 'op' && token.value === '(') {
      const inner = or();
      expect(')');
      return inner;
    }
    if (token.kind !== 'id') throw new WorkflowSyntaxError(`unexpected \`${token.value}\` in \`${expression}\``);
    if (token.value === 'true') return true;
    if (token.value === 'false') return false;
    if (token.value === 'null') return null;
    if (isOp('(')) {
      at++;
      const fn = FUNCTIONS[token.value] ?? FUNCTIONS[Object.keys(FUNCTIONS).find((k) => k.toLowerCase() === token.value.toLowerCase()) ?? ''];
      if (!fn) throw new WorkflowSyntaxError(`function ${token.value}() is not known to the workflow player`);
      const args: ExpressionValue[] = [];
      while (!isOp(')')) {
        args.push(or());
        if (isOp(',')) at++;
      }
      expect(')');
      return fn(...args);
    }
    if (!(token.value in context)) throw new WorkflowSyntaxError(`context \`${token.value}\` is not available to the workflow player (in \`${expression}\`)`);
    return context[token.value];
  };

  const value = or();
  if (at !== tokens.length) throw new WorkflowSyntaxError(`unexpected \`${tokens[at].value}\` in \`${expression}\``);
  return value;
}

/** A string with `${{ }}` expressions, as in `with:` and `runs-on:`; a lone expression keeps its type. */
export function interpolate(text: string, context: ExpressionContext): ExpressionValue {
  const whole = /^\s*\$\{\{(.*?)\}\}\s*$/s.exec(text);
  if (whole && !whole[1].includes('}}')) return evaluate(whole[1], context);
  return text.replace(/\$\{\{(.*?)\}\}/gs, (_, expr: string) => toText(evaluate(expr, context)));
}

/** An `if:` condition: an expression with or without `${{ }}`; absent means success(). */
export function condition(value: string | boolean | undefined, context: ExpressionContext): boolean {
  if (value === undefined) return true;
  if (typeof value === 'boolean') return value;
  const whole = /^\s*\$\{\{(.*)\}\}\s*$/s.exec(value);
  return truthy(evaluate(whole ? whole[1] : value, context));
}

/** Interpolates every string in a YAML value (runs-on lists, matrix objects). */
export function interpolateDeep(value: unknown, context: ExpressionContext): ExpressionValue {
  if (typeof value === 'string') return interpolate(value, context);
  if (Array.isArray(value)) return value.map((v) => interpolateDeep(v, context));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateDeep(v, context)]));
  return (value ?? null) as ExpressionValue;
}

export function toText(value: ExpressionValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function truthy(value: ExpressionValue): boolean {
  return !(value === null || value === false || value === 0 || value === '' || (typeof value === 'number' && Number.isNaN(value)));
}

function property(value: ExpressionValue, name: string): ExpressionValue {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  // Property names are case-insensitive in GitHub expressions.
  const key = name in value ? name : Object.keys(value).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? null : (value[key] ?? null);
}

function toNumber(value: ExpressionValue): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? 0 : Number(value);
  return Number.NaN;
}

/** Loose equality as GitHub documents it: strings ignore case; other mixed types compare as numbers. */
function looselyEqual(a: ExpressionValue, b: ExpressionValue): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === typeof b && (a === null || typeof a !== 'object')) return a === b;
  if ((a !== null && typeof a === 'object') || (b !== null && typeof b === 'object')) return a === b;
  return toNumber(a) === toNumber(b);
}

function compare(op: string, a: ExpressionValue, b: ExpressionValue): boolean {
  if (op === '==') return looselyEqual(a, b);
  if (op === '!=') return !looselyEqual(a, b);
  const [x, y] = typeof a === 'string' && typeof b === 'string' ? [a.toLowerCase(), b.toLowerCase()] : [toNumber(a), toNumber(b)];
  return op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
}
