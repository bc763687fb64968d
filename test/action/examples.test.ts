import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
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

describe('action.yml and the example workflows agree', () => {
  test('the Action runs the bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action.js' });
    for (const input of ['command', 'github-token', 'repo-path', 'state', 'state-branch', 'service', 'to', 'issue', 'runner', 'dry-run']) {
      expect(action.inputs).toHaveProperty([input]);
    }
    for (const output of ['plan-digest', 'has-changes', 'summary', 'matrix', 'plan-json']) expect(action.outputs).toHaveProperty([output]);
  });

  test.each(['plan.yml', 'svcplan-apply.yml'])('%s uses only inputs and outputs the Action declares, with least permissions', async (file) => {
    const text = await readFile(join(ROOT, 'docs/examples', file), 'utf8');
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
