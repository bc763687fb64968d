import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { APPLY_WORKFLOW, DISPATCH_INPUTS, rollbackDispatchInputs } from '../../src/github/apply-workflow.js';
import { DRIFT_DISPATCH_INPUTS, DRIFT_WORKFLOW, driftDispatchInputs } from '../../src/github/drift-workflow.js';
import {
  checkDispatch,
  condition,
  dispatchInputsContext,
  dispatchInputsOf,
  interpolate,
  interpolateDeep,
  parseWorkflow,
  type ExpressionContext,
} from '../support/github-api/index.js';
import { ROOT } from './run-action.js';

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

const action = parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
};

const EXAMPLES = join(ROOT, 'docs/examples');

describe('action.yml and the example workflows agree', () => {
  test('the Action runs the bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action.js' });
    for (const input of ['command', 'github-token', 'repo-path', 'state', 'state-branch', 'service', 'to', 'issue', 'runner', 'dry-run', 'list-runners']) {
      expect(action.inputs).toHaveProperty([input]);
    }
    for (const output of ['plan-digest', 'has-changes', 'summary', 'matrix', 'plan-json', 'drifted', 'drift-json', 'has-services'])
      expect(action.outputs).toHaveProperty([output]);
  });

  test('the examples are the plan workflow and the apply and drift workflows the app starts, nothing else', async () => {
    expect((await readdir(EXAMPLES)).sort()).toEqual(['plan.yml', APPLY_WORKFLOW, DRIFT_WORKFLOW].sort());
  });

  test.each(['plan.yml', APPLY_WORKFLOW, DRIFT_WORKFLOW])('%s uses only inputs and outputs the Action declares, with least permissions', async (file) => {
    const text = await readFile(join(EXAMPLES, file), 'utf8');
    const workflow = parse(text) as { permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
    const svcplanSteps = steps.filter((s) => s.uses?.startsWith('svcplan/svcplan@'));
    expect(svcplanSteps.length).toBeGreaterThan(0);
    for (const step of svcplanSteps) for (const key of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(key);
    const ids = new Set(svcplanSteps.map((s) => s.id).filter(Boolean));
    for (const m of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      expect(ids).toContain(m[1]);
      expect(Object.keys(action.outputs)).toContain(m[2]);
    }
    // Nothing broader than the Action needs: no write-all, no actions/packages/admin scopes.
    expect(Object.keys(workflow.permissions).every((p) => ['contents', 'pull-requests', 'issues', 'deployments'].includes(p))).toBe(true);
    if (file !== 'plan.yml') expect(workflow.permissions.contents).toBe('write');
  });
});

describe(`the contract between the app and ${APPLY_WORKFLOW}`, () => {
  const load = async () => parseWorkflow(await readFile(join(EXAMPLES, APPLY_WORKFLOW), 'utf8'));

  test('its workflow_dispatch trigger declares exactly the inputs the app sends', async () => {
    const inputs = dispatchInputsOf(await load());
    expect(inputs).toBeDefined();
    expect(Object.keys(inputs!).sort()).toEqual([...DISPATCH_INPUTS].sort());
    // What the app sends for a service with and without a runner is accepted as GitHub checks it.
    expect(checkDispatch(await load(), rollbackDispatchInputs({ service: 'shop', to: '3', issue: 42, runner: 'hv-01' }))).toBeUndefined();
    expect(checkDispatch(await load(), rollbackDispatchInputs({ service: 'shop', to: 'a'.repeat(40), issue: 7 }))).toBeUndefined();
    // By hand from the Actions tab, a service is all it takes.
    expect(checkDispatch(await load(), { service: 'shop' })).toBeUndefined();
  });

  test('a dispatch runs only the rollback job, on the runner named, with every input passed to the Action', async () => {
    const workflow = await load();
    const sent = rollbackDispatchInputs({ service: 'shop', to: '3', issue: 42, runner: 'hv-01' });
    const context: ExpressionContext = {
      github: { event_name: 'workflow_dispatch', event: { inputs: sent } },
      inputs: dispatchInputsContext(workflow, sent),
      needs: {},
    };
    const running = Object.entries(workflow.jobs).filter(([, job]) => !job.needs && condition(job.if, context));
    expect(running.map(([id]) => id)).toEqual(['rollback']);
    const [, job] = running[0];
    expect(interpolateDeep(job['runs-on'], context)).toEqual(['self-hosted', 'hv-01']);
    const step = job.steps!.find((s) => s.uses?.startsWith('svcplan/svcplan@'))!;
    const given = Object.fromEntries(Object.entries(step.with!).map(([k, v]) => [k, interpolate(String(v), context)]));
    expect(given).toMatchObject({ command: 'rollback', service: 'shop', to: '3', issue: '42', runner: 'hv-01' });
  });

  test('a push runs the plan job and, needing it, the apply matrix; never the rollback job', async () => {
    const workflow = await load();
    const context: ExpressionContext = {
      github: { event_name: 'push' },
      inputs: {},
      needs: { plan: { result: 'success', outputs: { 'has-changes': 'true', matrix: '{"runner":["default","hv-01"]}' } } },
    };
    expect(
      Object.entries(workflow.jobs)
        .filter(([, job]) => condition(job.if, context))
        .map(([id]) => id),
    ).toEqual(['plan', 'apply']);
    expect(interpolateDeep(workflow.jobs.apply.strategy!.matrix, context)).toEqual({ runner: ['default', 'hv-01'] });
  });
});

describe(`the contract between the app and ${DRIFT_WORKFLOW}`, () => {
  const load = async () => parseWorkflow(await readFile(join(EXAMPLES, DRIFT_WORKFLOW), 'utf8'));

  test('its workflow_dispatch trigger declares exactly the inputs the app sends, each optional', async () => {
    const inputs = dispatchInputsOf(await load());
    expect(Object.keys(inputs!).sort()).toEqual([...DRIFT_DISPATCH_INPUTS].sort());
    for (const input of Object.values(inputs!)) expect(input).toMatchObject({ required: false, type: 'string', default: '' });
    expect(checkDispatch(await load(), driftDispatchInputs({ issue: 42 }))).toBeUndefined();
    expect(checkDispatch(await load(), driftDispatchInputs({ service: 'shop', runner: 'hv-01', issue: 42 }))).toBeUndefined();
    // From the Actions tab, nothing at all: every service.
    expect(checkDispatch(await load(), {})).toBeUndefined();
  });

  test('on schedule and on dispatch the listing job runs first on a hosted runner; each drift job needs it, on its own runner', async () => {
    const workflow = await load();
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(workflow.permissions).toEqual({ contents: 'write', issues: 'write' });
    const context: ExpressionContext = {
      github: { event_name: 'schedule' },
      inputs: {},
      needs: { runners: { result: 'success', outputs: { 'has-services': 'true', matrix: '{"runner":["default","hv-01"]}' } } },
    };
    expect(workflow.jobs.runners['runs-on']).toBe('ubuntu-latest');
    expect((workflow.jobs.runners as { permissions?: unknown }).permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.drift.needs).toBe('runners');
    expect(condition(workflow.jobs.drift.if, context)).toBe(true);
    expect(interpolateDeep(workflow.jobs.drift.strategy!.matrix, context)).toEqual({ runner: ['default', 'hv-01'] });
    // Nothing recorded yet: no drift job (GitHub refuses a matrix with no values).
    expect(
      condition(workflow.jobs.drift.if, {
        ...context,
        needs: { runners: { result: 'success', outputs: { 'has-services': 'false', matrix: '{"runner":[]}' } } },
      }),
    ).toBe(false);
    // The runner's workspace keeps Vagrant's record of the machines between runs.
    const checkout = workflow.jobs.drift.steps!.find((s) => s.uses?.startsWith('actions/checkout@'))!;
    expect(checkout.with).toEqual({ clean: false });
  });
});

describe('every shipped workflow keeps what the hypervisor runners hold between runs', () => {
  test.each(['svcplan-apply.yml', 'svcplan-drift.yml', 'plan.yml'])(
    '%s: a job on a self-hosted runner checks out without cleaning the workspace',
    async (file) => {
      const workflow = parse(await readFile(join(ROOT, 'docs/examples', file), 'utf8')) as {
        jobs: Record<string, { 'runs-on': unknown; steps?: { uses?: string; with?: Record<string, unknown> }[] }>;
      };
      for (const [name, job] of Object.entries(workflow.jobs)) {
        if (!JSON.stringify(job['runs-on']).includes('self-hosted')) continue;
        const checkout = job.steps?.find((s) => s.uses?.startsWith('actions/checkout@'));
        // actions/checkout cleans by default (git clean -ffdx): .svcplan/vagrant, Vagrant's own record
        // of the machines, would be gone, and every VM the runner made forgotten.
        expect({ job: name, clean: checkout?.with?.clean }).toEqual({ job: name, clean: false });
      }
    },
  );
});
