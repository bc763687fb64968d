// `/rollback` end to end through the shipped apply workflow: the bot dispatches
// docs/examples/svcplan-apply.yml (copied byte for byte into the repository), the local GitHub API
// refuses any dispatch that workflow would not take, and the run GitHub would start is played:
// the job that runs on workflow_dispatch, on its runner, with the inputs its `with:` expressions
// give the bundled Action, which rolls the service back.
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APPLY_WORKFLOW } from '../../src/github/apply-workflow.js';
import { Git } from '../../src/git/git.js';
import type { ServiceRecord } from '../../src/model/types.js';
import { playDispatch, type PlayedJob } from '../action/play-workflow.js';
import { parseWorkflow } from '../support/github-api/index.js';
import { ensureActionBuilt, removeActionSnapshot } from '../action/run-action.js';
import { BASE_FILES, recordTwoDeployments, service, SHIPPED_APPLY_WORKFLOW, template } from './fixtures.js';
import { BOT_LOGIN, commentEvent, OWNER, REPO, startHarness, type BotHarness } from './harness.js';

const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const WORKFLOW_PATH = `.github/workflows/${APPLY_WORKFLOW}`;

/** The rollback workflow shipped before the contract: no `command`, no `runner` among its inputs. */
const LEGACY_ROLLBACK_WORKFLOW = `name: svcplan rollback
on:
  workflow_dispatch:
    inputs:
      service: { description: Service to roll back, required: true }
      to: { description: Deployment id or Git ref, required: false }
      issue: { description: Issue to answer on, required: false }
      runner: { description: Runner label, required: false, default: default }
permissions: { contents: write, issues: write, pull-requests: write, deployments: write }
jobs:
  rollback:
    runs-on: [self-hosted, "\${{ inputs.runner }}"]
    steps:
      - uses: actions/checkout@v4
      - uses: svcplan/svcplan@v1
        with: { command: rollback, service: "\${{ inputs.service }}", to: "\${{ inputs.to }}", issue: "\${{ inputs.issue }}", state: git }
`;

/** A stand-in vagrant CLI: every command succeeds and is logged. */
const FAKE_VAGRANT = `#!/bin/sh
printf '%s\\n' "$*" >> "$SVCPLAN_FAKE_VAGRANT_LOG"
exit 0
`;

let h: BotHarness;
let scratch: string;
let vagrantLog: string;
let binDir: string;

function comment(number: number, body: string, login: string) {
  const stored = h.api.state.addComment(number, body, login);
  return commentEvent({ number, body, login, commentId: stored.id });
}

function botReplies(number: number): string[] {
  return h.api.state
    .commentsOn(number)
    .filter((c) => c.user.login === BOT_LOGIN)
    .map((c) => c.body);
}

/** State as the state branch holds it now. */
async function recorded(): Promise<Record<string, ServiceRecord>> {
  const out: Record<string, ServiceRecord> = {};
  const files = (await h.repo.runGit(['ls-tree', '-r', '--name-only', 'svcplan-state'])).split('\n').filter((f) => /^[^/]+\.json$/.test(f));
  for (const file of files) {
    const record = JSON.parse(await h.repo.runGit(['show', `svcplan-state:${file}`])) as ServiceRecord;
    out[record.name] = record;
  }
  return out;
}

/** Plays the run the last accepted dispatch starts, as GitHub would run the workflow at that commit. */
async function playLastDispatch(): Promise<PlayedJob[]> {
  const dispatch = h.api.state.dispatches[h.api.state.dispatches.length - 1];
  const workflow = await h.repo.runGit(['show', `${dispatch.sha}:.github/workflows/${dispatch.workflow_id}`]);
  let n = 0;
  return playDispatch({
    workflow,
    dispatch,
    apiUrl: h.api.url,
    token: h.token,
    repository: `${OWNER}/${REPO}`,
    async checkout(sha, job) {
      const dir = join(scratch, `checkout-${dispatch.run_id}-${job.replace(/\W+/g, '-')}-${n++}`);
      await new Git(scratch).run(['clone', '--quiet', h.repo.dir, dir], { env: GIT_ENV });
      await new Git(dir).run(['checkout', '--quiet', '--detach', sha], { env: GIT_ENV });
      return dir;
    },
    env: { PATH: `${binDir}:${process.env.PATH}`, SVCPLAN_FAKE_VAGRANT_LOG: vagrantLog },
  });
}

beforeAll(async () => {
  await ensureActionBuilt();
  scratch = await mkdtemp(join(tmpdir(), 'svcplan-bot-rollback-'));
  binDir = join(scratch, 'bin');
  vagrantLog = join(scratch, 'vagrant.log');
  await mkdir(binDir);
  await writeFile(join(binDir, 'vagrant'), FAKE_VAGRANT);
  await chmod(join(binDir, 'vagrant'), 0o755);
  await writeFile(vagrantLog, '');

  // shop-prod names no runner (the `default` runner applies it); shop-edge lives on hv-01.
  h = await startHarness({ ...BASE_FILES, 'services/shop-edge.yaml': service('shop-edge', 'web-shop', 'hv-01') });
  const first = h.repo.shas[0];
  const second = await h.repo.commit('release 1.1: more memory', { 'templates/web-shop.yaml': template({ release: '1.1', memory: 3072 }) });
  await recordTwoDeployments(h.repo, 'shop-prod', first, second);
  await recordTwoDeployments(h.repo, 'shop-edge', first, second);
  h.api.state.addIssue({ number: 10, title: 'the shops are slow since 1.1' });
  h.api.state.setPermission('alice', 'write');
}, 120_000);

afterAll(async () => {
  await removeActionSnapshot();
  await h?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

afterEach(() => {
  expect(h.api.violations).toEqual([]);
});

test('the repository holds the shipped workflow byte for byte', async () => {
  expect(await h.repo.runGit(['show', `main:${WORKFLOW_PATH}`])).toBe(SHIPPED_APPLY_WORKFLOW.toString('utf8'));
});

test("/rollback of a service on hv-01 starts the shipped workflow's rollback job on hv-01, which rolls back only that service", async () => {
  await writeFile(vagrantLog, '');
  expect(await h.deliver('issue_comment', comment(10, '/rollback shop-edge to 1', 'alice'))).toBe(200);
  expect(h.api.state.dispatches).toEqual([
    expect.objectContaining({
      workflow_id: APPLY_WORKFLOW,
      ref: 'main',
      inputs: { command: 'rollback', service: 'shop-edge', to: '1', issue: '10', runner: 'hv-01' },
    }),
  ]);
  const reply = botReplies(10).pop()!;
  expect(reply).toContain('Rollback of shop-edge to deployment 1');
  expect(reply).toMatch(/Started the `svcplan-apply\.yml` workflow on `main`.*runner: hv-01/);

  const jobs = await playLastDispatch();
  // Only the rollback job runs on workflow_dispatch; the push jobs are skipped.
  expect(jobs.map((j) => j.job)).toEqual(['rollback']);
  const [job] = jobs;
  expect(job.runsOn).toEqual(['self-hosted', 'hv-01']);
  expect(job.concurrency).toBe('svcplan-service-shop-edge');
  expect(job.svcplanInputs[0]).toMatchObject({
    command: 'rollback',
    service: 'shop-edge',
    to: '1',
    issue: '10',
    runner: 'hv-01',
    state: 'git',
    'github-token': h.token,
  });
  const run = job.runs[0];
  expect({ code: run.code, errors: run.stdout.split('\n').filter((l) => l.startsWith('::error')) }).toEqual({ code: 0, errors: [] });
  expect(job.result).toBe('success');

  // The runner's instances were rolled back; the other service was not touched.
  const log = await readFile(vagrantLog, 'utf8');
  expect(log).toMatch(/^reload shop-edge-web-1\b/m);
  expect(log).toMatch(/^reload shop-edge-web-2\b/m);
  expect(log).not.toMatch(/shop-prod/);
  const state = await recorded();
  expect(state['shop-edge'].history.map((d) => [d.kind, d.result])).toEqual([
    ['apply', 'succeeded'],
    ['apply', 'succeeded'],
    ['rollback', 'succeeded'],
  ]);
  expect(state['shop-edge'].instances.map((i) => i.spec.memory)).toEqual([2048, 2048]);
  expect(state['shop-prod'].history).toHaveLength(2);
  // The Action answers on the issue the rollback was asked for in.
  expect(
    h.api.state
      .commentsOn(10)
      .map((c) => c.body)
      .pop(),
  ).toMatch(/svcplan rollback: succeeded on runner `hv-01`/);
  const deployment = h.api.state.deployments.find((d) => d.environment === 'shop-edge')!;
  expect(deployment.task).toBe('rollback');
  expect(h.api.state.statusesOf(deployment.id).map((s) => s.state)).toEqual(['in_progress', 'success']);
});

test('/rollback of a service naming no runner is started on the `default` runner', async () => {
  await writeFile(vagrantLog, '');
  h.api.state.dispatches.length = 0;
  expect(await h.deliver('issue_comment', comment(10, '/rollback shop-prod', 'alice'))).toBe(200);
  expect(h.api.state.dispatches.map((d) => d.inputs)).toEqual([{ command: 'rollback', service: 'shop-prod', to: '1', issue: '10', runner: 'default' }]);
  const [job] = await playLastDispatch();
  expect(job.runsOn).toEqual(['self-hosted', 'default']);
  expect(job.runs[0].code).toBe(0);
  const log = await readFile(vagrantLog, 'utf8');
  expect(log).toMatch(/^reload shop-prod-web-1\b/m);
  expect(log).not.toMatch(/shop-edge/);
  expect((await recorded())['shop-prod'].history.map((d) => d.kind)).toEqual(['apply', 'apply', 'rollback']);
});

describe('an apply workflow that does not take what the bot sends', () => {
  let restore: string;

  beforeAll(async () => {
    restore = (await h.repo.runGit(['rev-parse', 'main'])).trim();
  });

  beforeEach(() => {
    h.api.state.dispatches.length = 0;
  });

  afterEach(async () => {
    await h.repo.runGit(['reset', '--quiet', '--hard', restore]);
  });

  test('the old rollback workflow: GitHub refuses the dispatch and the reply says how to update it; nothing runs', async () => {
    await h.repo.commit('the rollback workflow from before', { [WORKFLOW_PATH]: LEGACY_ROLLBACK_WORKFLOW });
    const before = botReplies(10).length;
    expect(await h.deliver('issue_comment', comment(10, '/rollback shop-edge to 1', 'alice'))).toBe(200);
    const dispatches = h.api.requestsTo('/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', 'POST');
    expect(dispatches[dispatches.length - 1].status).toBe(422);
    expect(h.api.violations.splice(0)).toEqual([expect.objectContaining({ problem: expect.stringContaining('Unexpected inputs provided: ["command"]') })]);
    expect(h.api.state.dispatches).toEqual([]);
    const replies = botReplies(10).slice(before);
    // One reply: the refusal, with GitHub's reason and the fix; no plan that claims a run started.
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('Unexpected inputs provided: ["command"]');
    expect(replies[0]).toContain('must take exactly the inputs `command`, `service`, `to`, `issue`, `runner`');
    expect(replies[0]).toContain('docs/examples/svcplan-apply.yml');
    expect(replies[0]).toContain('Nothing was applied.');
  });

  test('an apply workflow with no workflow_dispatch trigger under the same name: refused, with the fix', async () => {
    const pushOnly = SHIPPED_APPLY_WORKFLOW.toString('utf8').replace(/\n {2}workflow_dispatch:\n(?: {4,}.*\n)+/, '\n');
    expect(parseWorkflow(pushOnly).on).toEqual({ push: expect.anything() });
    await h.repo.commit('apply on push only', { [WORKFLOW_PATH]: pushOnly });
    await h.deliver('issue_comment', comment(10, '/rollback shop-edge to 1', 'alice'));
    expect(h.api.violations.splice(0).map((v) => v.problem)).toEqual([expect.stringContaining("Workflow does not have 'workflow_dispatch' trigger")]);
    expect(botReplies(10).pop()).toMatch(/Workflow does not have 'workflow_dispatch' trigger.*update it from `docs\/examples\/svcplan-apply\.yml`/s);
  });

  test('no apply workflow on the default branch: the reply says which file to copy where', async () => {
    await h.repo.commit('no apply workflow', { [WORKFLOW_PATH]: null });
    await h.deliver('issue_comment', comment(10, '/rollback shop-edge to 1', 'alice'));
    expect(h.api.state.dispatches).toEqual([]);
    expect(botReplies(10).pop()).toMatch(
      /Copy `docs\/examples\/svcplan-apply\.yml` from svcplan to `\.github\/workflows\/svcplan-apply\.yml` on `main`.*Nothing was applied\./s,
    );
  });
});
