// Plays a run of a workflow file the way GitHub would start it (a push, a workflow_dispatch, a
// schedule), for the shipped example workflows: which jobs the event runs (`if:`, `needs:`),
// their `strategy.matrix`, `runs-on` labels and `concurrency` group, and for each svcplan step
// the inputs its `with:` expressions give, with action.yml's defaults for the rest. The svcplan steps run the bundled Action (dist/action.js)
// through runAction; `actions/checkout` is a fresh clone at the run's commit; `run:` steps are
// only evaluated (their expressions must make sense), not executed.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  condition,
  dispatchInputsContext,
  interpolate,
  interpolateDeep,
  parseWorkflow,
  toText,
  webhookExample,
  type DispatchRecord,
  type ExpressionContext,
  type ExpressionValue,
  type Workflow,
  type WorkflowJob,
} from '../support/github-api/index.js';
import { ROOT, runAction, type ActionRun } from './run-action.js';

export interface PlayedJob {
  /** Job id, with the matrix values for a matrix job: `apply (hv-01)`. */
  name: string;
  job: string;
  matrix?: Record<string, ExpressionValue>;
  runsOn: string[];
  concurrency?: string;
  /** The inputs each svcplan step got (after expressions and action.yml defaults), in order. */
  svcplanInputs: Record<string, string>[];
  /** The svcplan steps' runs, in order. */
  runs: ActionRun[];
  outputs: Record<string, string>;
  result: 'success' | 'failure';
}

export interface PlayOptions {
  /** The workflow file's text, as committed to .github/workflows/. */
  workflow: string;
  apiUrl: string;
  /** What `github.token` is in the run. */
  token: string;
  /** owner/name */
  repository: string;
  /** What actions/checkout leaves for a job: a clone of the repository at `sha`. */
  checkout(sha: string, job: string): Promise<string>;
  /** Extra environment of every svcplan step (PATH with a stand-in vagrant, …). */
  env?: Record<string, string>;
}

interface ActionYml {
  inputs: Record<string, { default?: string }>;
}

let actionYml: ActionYml | undefined;

async function actionInputs(): Promise<ActionYml['inputs']> {
  actionYml ??= parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;
  return actionYml.inputs;
}

/** The run a workflow_dispatch GitHub accepted starts (the local API records it in state.dispatches). */
export async function playDispatch(opts: PlayOptions & { dispatch: DispatchRecord }): Promise<PlayedJob[]> {
  const workflow = parseWorkflow(opts.workflow);
  const inputs = dispatchInputsContext(workflow, opts.dispatch.inputs);
  const [owner, repo] = opts.repository.split('/');
  const event = webhookExample('workflow_dispatch', undefined, { owner, repo });
  Object.assign(event, { ref: `refs/heads/${opts.dispatch.ref}`, inputs });
  return playRun(opts, workflow, {
    eventName: 'workflow_dispatch',
    event,
    sha: opts.dispatch.sha,
    ref: `refs/heads/${opts.dispatch.ref}`,
    runId: opts.dispatch.run_id,
    inputs,
  });
}

/** The run a push to a branch starts (`on.push.branches` is honoured; path filters are not). */
export async function playPush(opts: PlayOptions & { before: string; after: string; branch: string }): Promise<PlayedJob[]> {
  const workflow = parseWorkflow(opts.workflow);
  const trigger = workflow.on.push as { branches?: string[] } | null | undefined;
  if (!('push' in workflow.on)) return [];
  if (trigger?.branches && !trigger.branches.includes(opts.branch)) return [];
  const [owner, repo] = opts.repository.split('/');
  const event = webhookExample('push', undefined, { owner, repo });
  Object.assign(event, { ref: `refs/heads/${opts.branch}`, before: opts.before, after: opts.after });
  return playRun(opts, workflow, { eventName: 'push', event, sha: opts.after, ref: `refs/heads/${opts.branch}`, runId: 4242, inputs: {} });
}

/**
 * The run a schedule starts: on the default branch's latest commit, with the payload GitHub
 * documents for `schedule` (the cron that fired) and no `inputs`.
 */
export async function playSchedule(opts: PlayOptions & { sha: string; branch?: string; cron?: string }): Promise<PlayedJob[]> {
  const workflow = parseWorkflow(opts.workflow);
  const schedules = (workflow.on.schedule ?? []) as { cron?: string }[];
  if (!Array.isArray(schedules) || schedules.length === 0) return [];
  const cron = opts.cron ?? schedules[0].cron ?? '';
  if (!schedules.some((s) => s.cron === cron)) throw new Error(`the workflow has no schedule ${cron}`);
  const [owner, repo] = opts.repository.split('/');
  const repository = webhookExample('push', undefined, { owner, repo }).repository as ExpressionValue;
  const event = { schedule: cron, repository, workflow: '.github/workflows/(scheduled)' };
  const branch = opts.branch ?? 'main';
  return playRun(opts, workflow, { eventName: 'schedule', event, sha: opts.sha, ref: `refs/heads/${branch}`, runId: 4343, inputs: {} });
}

interface RunEvent {
  eventName: string;
  event: Record<string, unknown>;
  sha: string;
  ref: string;
  runId: number;
  inputs: Record<string, ExpressionValue>;
}

async function playRun(opts: PlayOptions, workflow: Workflow, run: RunEvent): Promise<PlayedJob[]> {
  if (!(run.eventName in workflow.on)) return [];
  const github: ExpressionContext = {
    event_name: run.eventName,
    event: run.event as ExpressionValue,
    sha: run.sha,
    ref: run.ref,
    repository: opts.repository,
    token: opts.token,
    run_id: String(run.runId),
  };
  const played: PlayedJob[] = [];
  const results = new Map<string, { result: 'success' | 'failure' | 'skipped'; outputs: Record<string, string> }>();
  for (const id of jobOrder(workflow)) {
    const job = workflow.jobs[id];
    const needs = typeof job.needs === 'string' ? [job.needs] : (job.needs ?? []);
    const needsContext: Record<string, ExpressionValue> = {};
    for (const n of needs) needsContext[n] = { result: results.get(n)!.result, outputs: results.get(n)!.outputs };
    const context: ExpressionContext = { github, inputs: run.inputs, needs: needsContext, vars: {}, env: {} };
    // A job whose needs did not all succeed is skipped unless its condition says otherwise.
    const needsMet = needs.every((n) => results.get(n)?.result === 'success');
    const explicit = typeof job.if === 'string' && /\b(always|failure|cancelled)\s*\(/.test(job.if);
    if ((!needsMet && !explicit) || !condition(job.if, context)) {
      results.set(id, { result: 'skipped', outputs: {} });
      continue;
    }
    const combinations = matrixOf(job, context);
    // Matrix jobs run at once, as GitHub starts them (fail-fast: false in the shipped files).
    const jobs = await Promise.all(combinations.map((matrix) => playJob(opts, id, job, { ...context, ...(matrix ? { matrix } : {}) }, run, matrix)));
    played.push(...jobs);
    // Outputs of a matrix job are those of the last combination to set them, as on GitHub.
    const outputs = Object.assign({}, ...jobs.map((j) => j.outputs)) as Record<string, string>;
    results.set(id, { result: jobs.every((j) => j.result === 'success') ? 'success' : 'failure', outputs });
  }
  return played;
}

async function playJob(
  opts: PlayOptions,
  id: string,
  job: WorkflowJob,
  context: ExpressionContext,
  run: RunEvent,
  matrix: Record<string, ExpressionValue> | undefined,
): Promise<PlayedJob> {
  const name = matrix ? `${id} (${Object.values(matrix).map(toText).join(', ')})` : id;
  const runsOnValue = interpolateDeep(job['runs-on'], context);
  const runsOn = (Array.isArray(runsOnValue) ? runsOnValue : [runsOnValue]).map(toText);
  const concurrency =
    job.concurrency === undefined ? undefined : toText(interpolate(typeof job.concurrency === 'string' ? job.concurrency : job.concurrency.group, context));
  const steps: Record<string, ExpressionValue> = {};
  const played: PlayedJob = { name, job: id, ...(matrix ? { matrix } : {}), runsOn, concurrency, svcplanInputs: [], runs: [], outputs: {}, result: 'success' };
  let workspace: string | undefined;
  const declared = await actionInputs();
  for (const step of job.steps ?? []) {
    const stepContext = { ...context, steps };
    if (!condition(step.if, stepContext)) continue;
    if (step.run !== undefined) {
      interpolate(step.run, stepContext);
      continue;
    }
    if (step.uses?.startsWith('actions/checkout@')) {
      workspace = await opts.checkout(run.sha, name);
      continue;
    }
    if (!step.uses?.startsWith('svcplan/svcplan@')) throw new Error(`${id}: step ${step.uses} is not one the workflow player knows`);
    if (!workspace) throw new Error(`${id}: the svcplan step runs before any actions/checkout`);
    const inputs: Record<string, string> = {};
    for (const [key, value] of Object.entries(step.with ?? {})) {
      if (!(key in declared)) throw new Error(`${id}: input ${key} is not declared in action.yml`);
      inputs[key] = toText(interpolate(String(value), stepContext));
    }
    // The runner gives every input the step leaves out its action.yml default, expressions evaluated.
    for (const [key, spec] of Object.entries(declared)) {
      if (!(key in inputs) && spec.default !== undefined) inputs[key] = toText(interpolate(String(spec.default), stepContext));
    }
    played.svcplanInputs.push(inputs);
    const result = await runAction({
      inputs,
      eventName: run.eventName,
      event: run.event,
      apiUrl: opts.apiUrl,
      workspace,
      repository: opts.repository,
      sha: run.sha,
      ref: run.ref,
      env: { GITHUB_RUN_ID: String(run.runId), ...opts.env },
    });
    played.runs.push(result);
    if (step.id) steps[step.id] = { outputs: result.outputs, outcome: result.code === 0 ? 'success' : 'failure' };
    if (result.code !== 0) {
      played.result = 'failure';
      break;
    }
  }
  for (const [key, value] of Object.entries(job.outputs ?? {})) played.outputs[key] = toText(interpolate(value, { ...context, steps }));
  return played;
}

/** `strategy.matrix` expanded: one object per combination of its list-valued keys. */
function matrixOf(job: WorkflowJob, context: ExpressionContext): (Record<string, ExpressionValue> | undefined)[] {
  if (job.strategy?.matrix === undefined) return [undefined];
  const matrix = interpolateDeep(job.strategy.matrix, context);
  if (!matrix || typeof matrix !== 'object' || Array.isArray(matrix)) throw new Error(`strategy.matrix is not an object: ${JSON.stringify(matrix)}`);
  let combinations: Record<string, ExpressionValue>[] = [{}];
  for (const [key, values] of Object.entries(matrix)) {
    if (key === 'include' || key === 'exclude') throw new Error('the workflow player does not expand matrix include/exclude');
    const list = Array.isArray(values) ? values : [values];
    combinations = combinations.flatMap((c) => list.map((v) => ({ ...c, [key]: v })));
  }
  // GitHub refuses a matrix with no combinations ("Matrix vector ... does not contain any values").
  if (combinations.length === 0) throw new Error('strategy.matrix has no combinations');
  return combinations;
}

/** Job ids with every job after the jobs it needs. */
function jobOrder(workflow: Workflow): string[] {
  const order: string[] = [];
  const visit = (id: string, path: string[]): void => {
    if (order.includes(id)) return;
    if (path.includes(id)) throw new Error(`jobs need each other: ${[...path, id].join(' → ')}`);
    const job = workflow.jobs[id];
    if (!job) throw new Error(`job ${path[path.length - 1]} needs ${id}, which does not exist`);
    const needs = typeof job.needs === 'string' ? [job.needs] : (job.needs ?? []);
    for (const n of needs) visit(n, [...path, id]);
    order.push(id);
  };
  for (const id of Object.keys(workflow.jobs)) visit(id, []);
  return order;
}
