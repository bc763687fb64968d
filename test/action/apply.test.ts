import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Octokit } from '@octokit/core';
import { APPLY_WORKFLOW, APPLY_WORKFLOW_EXAMPLE, rollbackDispatchInputs } from '../../src/github/apply-workflow.js';
import { Git } from '../../src/git/git.js';
import type { ServiceRecord } from '../../src/model/types.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startGitHubApi, webhookExample, type GitHubApi } from '../support/github-api/index.js';
import { repoFiles, template } from './fixtures.js';
import { playDispatch, playPush, type PlayedJob, type PlayOptions } from './play-workflow.js';
import { ensureActionBuilt, removeActionSnapshot, ROOT, runAction, type ActionRun } from './run-action.js';

const OWNER = 'acme';
const NAME = 'infra';
const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const WORKFLOW_PATH = `.github/workflows/${APPLY_WORKFLOW}`;

/**
 * A stand-in for the vagrant CLI: every command succeeds and is logged, so the whole apply path
 * (Vagrantfile, commands, health gates, state writes, GitHub reporting) runs without a hypervisor.
 */
const FAKE_VAGRANT = `#!/bin/sh
printf '%s\\n' "$*" >> "$SVCPLAN_FAKE_VAGRANT_LOG"
exit 0
`;

describe('svcplan Action, command apply, on push to the default branch', () => {
  let author: TempRepo;
  let origin: string;
  let api: GitHubApi;
  let scratch: string;
  let binDir: string;
  let vagrantLog: string;
  let initial: string;
  let workflowText: string;
  let checkouts = 0;

  beforeAll(async () => {
    await ensureActionBuilt();
    scratch = await mkdtemp(join(tmpdir(), 'svcplan-action-apply-'));
    binDir = join(scratch, 'bin');
    vagrantLog = join(scratch, 'vagrant.log');
    await new Git(scratch).run(['init', '--quiet', '--bare', '-b', 'main', join(scratch, 'origin.git')], { env: GIT_ENV });
    origin = join(scratch, 'origin.git');
    await writeFile(vagrantLog, '');
    await (await import('node:fs/promises')).mkdir(binDir);
    await writeFile(join(binDir, 'vagrant'), FAKE_VAGRANT);
    await chmod(join(binDir, 'vagrant'), 0o755);

    // The repository as a user sets it up: the shipped apply workflow copied in, byte for byte.
    const shipped = await readFile(join(ROOT, APPLY_WORKFLOW_EXAMPLE));
    workflowText = shipped.toString('utf8');
    author = await createTempRepo({ files: { 'templates/web.yaml': template(), 'README.md': '# infra\n', [WORKFLOW_PATH]: shipped } });
    initial = author.shas[0];
    await author.runGit(['remote', 'add', 'origin', origin]);
    await author.runGit(['push', '--quiet', 'origin', 'main']);
    // The API serves the repository GitHub would hold: the bare origin.
    api = await startGitHubApi({ owner: OWNER, repo: NAME, repoDir: origin, token: 'ghs_test' });
  }, 120_000);

  afterAll(async () => {
    await removeActionSnapshot();
    await api?.close();
    await author?.cleanup();
    await rm(scratch, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(api.violations).toEqual([]);
  });

  /** What actions/checkout leaves on a runner: a clone of origin at the pushed commit. */
  async function checkout(sha: string, name: string): Promise<string> {
    const dir = join(scratch, name);
    const git = new Git(scratch);
    await git.run(['clone', '--quiet', origin, dir], { env: GIT_ENV });
    await new Git(dir).run(['checkout', '--quiet', '--detach', sha], { env: GIT_ENV });
    return dir;
  }

  /** How the shipped workflow's runs are played against this repository. */
  function player(): PlayOptions {
    return {
      workflow: workflowText,
      apiUrl: api.url,
      token: 'ghs_test',
      repository: `${OWNER}/${NAME}`,
      checkout: (sha, job) => checkout(sha, `run-${checkouts++}-${job.replace(/\W+/g, '-')}`),
      env: { PATH: `${binDir}:${process.env.PATH}`, SVCPLAN_FAKE_VAGRANT_LOG: vagrantLog },
    };
  }

  /** Dispatches the workflow as the app does, through the API (which checks it against the file). */
  async function dispatchRollback(rollback: { service: string; to: string; issue: number; runner?: string }): Promise<PlayedJob[]> {
    const octokit = new Octokit({ auth: 'ghs_test', baseUrl: api.url });
    await octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
      owner: OWNER,
      repo: NAME,
      workflow_id: APPLY_WORKFLOW,
      ref: 'main',
      inputs: rollbackDispatchInputs(rollback),
    });
    const dispatch = api.state.dispatches[api.state.dispatches.length - 1];
    return playDispatch({ ...player(), dispatch });
  }

  async function plan(pr: number, head: string, workspace: string): Promise<ActionRun> {
    const event = webhookExample('pull_request', 'opened', { owner: OWNER, repo: NAME });
    event.number = pr;
    Object.assign(event.pull_request, { number: pr });
    Object.assign(event.pull_request.head, { sha: head });
    Object.assign(event.pull_request.base, { sha: initial, ref: 'main' });
    return runAction({
      inputs: { command: 'plan', 'github-token': 'ghs_test' },
      eventName: 'pull_request',
      event,
      apiUrl: api.url,
      workspace,
      repository: `${OWNER}/${NAME}`,
      sha: head,
      ref: `refs/pull/${pr}/merge`,
    });
  }

  function apply(before: string, after: string, workspace: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
    const event = webhookExample('push', undefined, { owner: OWNER, repo: NAME });
    Object.assign(event, { ref: 'refs/heads/main', before, after });
    return runAction({
      inputs: { command: 'apply', 'github-token': 'ghs_test', ...inputs },
      eventName: 'push',
      event,
      apiUrl: api.url,
      workspace,
      repository: `${OWNER}/${NAME}`,
      sha: after,
      ref: 'refs/heads/main',
      env: { PATH: `${binDir}:${process.env.PATH}`, SVCPLAN_FAKE_VAGRANT_LOG: vagrantLog },
    });
  }

  async function recorded(): Promise<Record<string, ServiceRecord>> {
    const git = new Git(origin);
    const out: Record<string, ServiceRecord> = {};
    const files = (await git.run(['ls-tree', '-r', '--name-only', 'svcplan-state'])).split('\n').filter((f) => f.endsWith('.json'));
    for (const file of files) {
      const record = JSON.parse(await git.run(['show', `svcplan-state:${file}`])) as ServiceRecord;
      if (record.name) out[record.name] = record;
    }
    return out;
  }

  /** Merges a change on main the way a pull request merge does, and pushes it. */
  async function merge(pr: number, files: Record<string, string | null>): Promise<{ head: string; merged: string; before: string }> {
    const before = (await author.runGit(['rev-parse', 'main'])).trim();
    await author.runGit(['checkout', '--quiet', '-b', `pr-${pr}`, 'main']);
    const head = await author.commit(`change ${pr}`, files);
    await author.runGit(['checkout', '--quiet', 'main']);
    await author.runGit(['merge', '--quiet', '--no-ff', '-m', `Merge pull request #${pr}`, `pr-${pr}`]);
    const merged = (await author.runGit(['rev-parse', 'HEAD'])).trim();
    await author.runGit(['push', '--quiet', 'origin', 'main', `pr-${pr}`]);
    return { head, merged, before };
  }

  test('several runners apply their own services at once: every record lands on the state branch, deployments and the result comment report it', async () => {
    const { head, merged, before } = await merge(10, repoFiles());
    api.state.addPull({ number: 10, head: { ref: 'pr-10', sha: head }, base: { ref: 'main', sha: before }, merged: true, merge_commit_sha: merged });
    const planned = await plan(10, head, await checkout(head, 'plan-10'));
    expect(planned.code).toBe(0);

    // The push runs the shipped workflow: its plan job emits the matrix, then one apply job per
    // runner label, all at once, each on its own self-hosted runner.
    const jobs = await playPush({ ...player(), before, after: merged, branch: 'main' });
    expect(jobs.map((j) => j.name)).toEqual(['plan', 'apply (default)', 'apply (hv-01)', 'apply (hv-02)']);
    expect(JSON.parse(jobs[0].outputs.matrix)).toEqual(JSON.parse(planned.outputs.matrix));
    const applies = jobs.filter((j) => j.job === 'apply');
    for (const job of applies) {
      const label = job.matrix!.runner as string;
      expect(job.runsOn).toEqual(['self-hosted', label]);
      expect(job.concurrency).toBe(`svcplan-apply-${label}`);
      expect(job.svcplanInputs[0]).toMatchObject({ command: 'apply', runner: label, state: 'git' });
    }
    const runs = applies.map((j) => j.runs[0]);
    for (const run of runs) {
      expect(run.stdout).not.toContain('::error');
      expect(run.code).toBe(0);
      expect(run.outputs['stale-plan']).toBe('false');
      expect(run.outputs['pull-request']).toBe('10');
    }

    // No lost update: each runner's service was recorded, on one branch, by racing pushes.
    const state = await recorded();
    expect(Object.keys(state).sort()).toEqual(['shop-a', 'shop-b', 'shop-c']);
    for (const record of Object.values(state)) {
      expect(record.instances.map((i) => [i.name, i.status])).toEqual([
        [`${record.name}-web-1`, 'ready'],
        [`${record.name}-web-2`, 'ready'],
      ]);
      expect(record.history.map((d) => d.result)).toEqual(['succeeded']);
    }
    const log = await readFile(vagrantLog, 'utf8');
    for (const name of ['shop-a-web-1', 'shop-b-web-2', 'shop-c-web-1']) expect(log).toMatch(new RegExp(`^up ${name} --provider=libvirt --provision$`, 'm'));

    // A GitHub deployment per service, environment = service, in_progress then success.
    expect(api.state.deployments.map((d) => d.environment).sort()).toEqual(['shop-a', 'shop-b', 'shop-c']);
    for (const d of api.state.deployments) {
      expect(d.sha).toBe(merged);
      expect(api.state.statusesOf(d.id).map((s) => s.state)).toEqual(['in_progress', 'success']);
    }
    // Each runner comments its own result on the merged pull request.
    const results = api.state.commentsOn(10).filter((c) => c.body.startsWith('### svcplan apply'));
    expect(results).toHaveLength(3);
    for (const c of results) expect(c.body).toMatch(/svcplan apply: succeeded on runner `(default|hv-01|hv-02)`/);
    for (const run of runs) expect(run.summary).toContain('svcplan apply: succeeded');
  });

  test('a plan that changed since review is applied with a clear stale-plan warning', async () => {
    const { head, merged, before } = await merge(11, { 'templates/web.yaml': template({ memory: 2048 }) });
    api.state.addPull({ number: 11, head: { ref: 'pr-11', sha: head }, base: { ref: 'main', sha: before }, merged: true, merge_commit_sha: merged });
    const planned = await plan(11, head, await checkout(head, 'plan-11'));
    expect(planned.code).toBe(0);
    expect(JSON.parse(planned.outputs.summary)).toMatchObject({ restart: 6 });
    // The reviewed comment shows an older plan than what merges now.
    const comment = api.state.commentsOn(11).find((c) => c.body.includes('svcplan:plan'))!;
    const reviewed = 'sha256:' + '0'.repeat(64);
    comment.body = comment.body.split(planned.outputs['plan-digest']).join(reviewed);

    const run = await apply(before, merged, await checkout(merged, 'apply-11'));
    expect({ code: run.code, stdout: run.stdout }).toMatchObject({ code: 0 });
    expect(run.outputs['stale-plan']).toBe('true');
    expect(run.outputs['reviewed-digest']).toBe(reviewed);
    expect(run.stdout).toMatch(
      new RegExp(`::warning::stale plan: #11 was reviewed with plan ${reviewed}, but the plan applied now is ${planned.outputs['plan-digest']}`),
    );
    const result = api.state.commentsOn(11).find((c) => c.body.startsWith('### svcplan apply'))!;
    expect(result.body).toContain('Stale plan');
    const state = await recorded();
    expect(state['shop-a'].instances[0].spec.memory).toBe(2048);
    expect(state['shop-a'].history.map((d) => d.result)).toEqual(['succeeded', 'succeeded']);
  });

  test('dry-run walks the steps without writing state, deployments or comments', async () => {
    const { head, merged, before } = await merge(12, { 'templates/web.yaml': template({ memory: 4096 }) });
    api.state.addPull({ number: 12, head: { ref: 'pr-12', sha: head }, base: { ref: 'main', sha: before }, merged: true, merge_commit_sha: merged });
    const stateBefore = (await new Git(origin).run(['rev-parse', 'svcplan-state'])).trim();
    const deploymentsBefore = api.state.deployments.length;
    const run = await apply(before, merged, await checkout(merged, 'apply-12'), { 'dry-run': 'true' });
    expect(run.code).toBe(0);
    expect(run.summary).toContain('svcplan apply: dry run');
    expect(run.summary).toMatch(/reload shop-a-web-1/);
    expect((await new Git(origin).run(['rev-parse', 'svcplan-state'])).trim()).toBe(stateBefore);
    expect(api.state.deployments.length).toBe(deploymentsBefore);
    expect(api.state.commentsOn(12)).toEqual([]);
  });

  test('a failed GitHub call fails the step and says which permission to check', async () => {
    const { head, merged, before } = await merge(13, { 'templates/web.yaml': template({ memory: 3072 }) });
    api.state.addPull({ number: 13, head: { ref: 'pr-13', sha: head }, base: { ref: 'main', sha: before }, merged: true, merge_commit_sha: merged });
    api.failNext('POST', '/repos/{owner}/{repo}/deployments', 403, 1, { message: 'Resource not accessible by integration' });
    const stateBefore = (await new Git(origin).run(['rev-parse', 'svcplan-state'])).trim();
    const run = await apply(before, merged, await checkout(merged, 'apply-13'), { runner: 'hv-01' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::svcplan: Resource not accessible by integration.*permissions/);
    // Nothing was applied: the deployment is opened before any VM is touched.
    expect((await new Git(origin).run(['rev-parse', 'svcplan-state'])).trim()).toBe(stateBefore);
  });

  test('a rollback dispatched for another runner is refused by the Action before anything happens', async () => {
    api.state.addIssue({ number: 21, title: 'shop-a, from the wrong runner' });
    const stateBefore = (await new Git(origin).run(['rev-parse', 'svcplan-state'])).trim();
    const deploymentsBefore = api.state.deployments.length;
    const logBefore = await readFile(vagrantLog, 'utf8');
    // shop-a lives on hv-01; a job for the `default` runner cannot reach its hypervisor.
    const [job] = await dispatchRollback({ service: 'shop-a', to: '1', issue: 21, runner: 'default' });
    expect(job.runsOn).toEqual(['self-hosted', 'default']);
    expect(job.result).toBe('failure');
    expect(job.runs[0].stdout).toMatch(
      /::error::svcplan: rollback of shop-a: this job runs for runner default, but shop-a is applied by runner hv-01 .*Start the workflow again with runner: hv-01/,
    );
    expect((await new Git(origin).run(['rev-parse', 'svcplan-state'])).trim()).toBe(stateBefore);
    expect(api.state.deployments.length).toBe(deploymentsBefore);
    expect(await readFile(vagrantLog, 'utf8')).toBe(logBefore);
  });

  test('rollback from workflow_dispatch (as the app starts it) redeploys an earlier deployment on its runner, pins it, and answers on the issue', async () => {
    api.state.addIssue({ number: 20, title: 'shop-a is broken since the memory change' });
    const logBefore = (await readFile(vagrantLog, 'utf8')).length;
    const jobs = await dispatchRollback({ service: 'shop-a', to: '1', issue: 20, runner: 'hv-01' });
    expect(jobs.map((j) => [j.job, j.runsOn, j.concurrency])).toEqual([['rollback', ['self-hosted', 'hv-01'], 'svcplan-service-shop-a']]);
    const run = jobs[0].runs[0];
    expect(run.stdout).not.toContain('::error');
    expect(run.code).toBe(0);
    const record = (await recorded())['shop-a'];
    expect(record.history.map((d) => [d.kind, d.result])).toEqual([
      ['apply', 'succeeded'],
      ['apply', 'succeeded'],
      ['rollback', 'succeeded'],
    ]);
    expect(record.history[2].rollbackOf).toBe(1);
    expect(record.pin?.deployment).toBe(1);
    expect(record.instances.map((i) => i.spec.memory)).toEqual([1024, 1024]);
    // Only the instances of hv-01 were touched.
    const touched = (await readFile(vagrantLog, 'utf8')).slice(logBefore);
    expect(touched).toMatch(/^reload shop-a-web-1\b/m);
    expect(touched).not.toMatch(/shop-b|shop-c/);
    const deployment = api.state.deployments.find((d) => d.task === 'rollback')!;
    expect(deployment.environment).toBe('shop-a');
    expect(api.state.statusesOf(deployment.id).map((s) => s.state)).toEqual(['in_progress', 'success']);
    const answer = api.state.commentsOn(20);
    expect(answer).toHaveLength(1);
    expect(answer[0].body).toMatch(/svcplan rollback: succeeded on runner `hv-01`/);
  });

  test('a dispatch the workflow does not declare is refused by GitHub: the old input set, against the old rollback workflow', async () => {
    const legacy = [
      'name: svcplan rollback',
      'on:',
      '  workflow_dispatch:',
      '    inputs:',
      '      service: { required: true }',
      '      to: { required: false }',
      '      issue: { required: false }',
      '      runner: { required: false, default: default }',
      'jobs:',
      '  rollback:',
      '    runs-on: [self-hosted, "${{ inputs.runner }}"]',
      '    steps: [{ uses: actions/checkout@v4 }]',
      '',
    ].join('\n');
    await author.commit('the old rollback workflow', { '.github/workflows/rollback.yml': legacy });
    await author.runGit(['push', '--quiet', 'origin', 'main']);
    const octokit = new Octokit({ auth: 'ghs_test', baseUrl: api.url });
    const dispatch = (workflow_id: string, inputs: Record<string, string>) =>
      octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', { owner: OWNER, repo: NAME, workflow_id, ref: 'main', inputs });
    await expect(dispatch('rollback.yml', { command: 'rollback', service: 'shop-a', to: '1', issue: '20' })).rejects.toMatchObject({
      status: 422,
      response: { data: { message: 'Unexpected inputs provided: ["command"]' } },
    });
    // The shipped workflow refuses what it does not declare, too.
    await expect(dispatch(APPLY_WORKFLOW, { service: 'shop-a', reason: 'slow' })).rejects.toMatchObject({
      status: 422,
      response: { data: { message: 'Unexpected inputs provided: ["reason"]' } },
    });
    expect(api.violations.splice(0).map((v) => v.problem)).toEqual([
      expect.stringContaining('Unexpected inputs provided: ["command"]'),
      expect.stringContaining('Unexpected inputs provided: ["reason"]'),
    ]);
    expect(api.state.dispatches.filter((d) => d.workflow_id === 'rollback.yml')).toEqual([]);
  });

  test('a rollback to a deployment that does not exist fails and lists the ones that do', async () => {
    const main = (await author.runGit(['rev-parse', 'main'])).trim();
    const run = await runAction({
      inputs: { command: 'rollback', 'github-token': 'ghs_test', service: 'shop-b', to: '9' },
      eventName: 'workflow_dispatch',
      event: { ...webhookExample('workflow_dispatch', undefined, { owner: OWNER, repo: NAME }), inputs: {} },
      apiUrl: api.url,
      workspace: await checkout(main, 'rollback-missing'),
      repository: `${OWNER}/${NAME}`,
      sha: main,
      env: { PATH: `${binDir}:${process.env.PATH}`, SVCPLAN_FAKE_VAGRANT_LOG: vagrantLog },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::svcplan: .*9.*deployments: 1 \(apply, succeeded/);
  });

  /** Changes a service's record on the state branch behind svcplan's back, as another apply would. */
  async function editRecord(name: string, edit: (record: ServiceRecord) => void): Promise<void> {
    const dir = join(scratch, `edit-${name}-${Date.now()}`);
    await new Git(scratch).run(['clone', '--quiet', '--branch', 'svcplan-state', origin, dir], { env: GIT_ENV });
    const file = join(dir, `${name}.json`);
    const record = JSON.parse(await readFile(file, 'utf8')) as ServiceRecord;
    edit(record);
    await writeFile(file, JSON.stringify(record, null, 2) + '\n');
    const git = new Git(dir);
    const env = { ...GIT_ENV, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' };
    await git.run(['commit', '--quiet', '-am', `edit ${name}`], { env });
    await git.run(['push', '--quiet', 'origin', 'svcplan-state'], { env: GIT_ENV });
    await rm(dir, { recursive: true, force: true });
  }

  test("a merge's plan is judged per runner: a later runner is stale only when its own services changed since review", async () => {
    const { head, merged, before } = await merge(14, { 'templates/web.yaml': template({ memory: 6144 }) });
    api.state.addPull({ number: 14, head: { ref: 'pr-14', sha: head }, base: { ref: 'main', sha: before }, merged: true, merge_commit_sha: merged });
    expect((await plan(14, head, await checkout(head, 'plan-14'))).code).toBe(0);
    // One runner after the other (a busy runner, or "re-run failed jobs"): each earlier one has
    // changed the recorded state of its own services, not of the later runner's.
    for (const runner of ['default', 'hv-01', 'hv-02']) {
      const run = await apply(before, merged, await checkout(merged, `apply-14-${runner}`), { runner });
      expect({ runner, code: run.code, stale: run.outputs['stale-plan'] }).toEqual({ runner, code: 0, stale: 'false' });
      expect(run.stdout).not.toMatch(/stale plan/);
    }
    expect(api.state.commentsOn(14).filter((c) => c.body.includes('Stale plan'))).toEqual([]);

    // After review, shop-b (runner hv-02) changed: only hv-02's share of the plan is stale.
    const next = await merge(15, { 'templates/web.yaml': template({ memory: 7168 }) });
    api.state.addPull({
      number: 15,
      head: { ref: 'pr-15', sha: next.head },
      base: { ref: 'main', sha: next.before },
      merged: true,
      merge_commit_sha: next.merged,
    });
    expect((await plan(15, next.head, await checkout(next.head, 'plan-15'))).code).toBe(0);
    await editRecord('shop-b', (r) => {
      r.instances[1].status = 'failed';
    });
    const hv01 = await apply(next.before, next.merged, await checkout(next.merged, 'apply-15-hv-01'), { runner: 'hv-01' });
    expect(hv01.outputs['stale-plan']).toBe('false');
    const hv02 = await apply(next.before, next.merged, await checkout(next.merged, 'apply-15-hv-02'), { runner: 'hv-02' });
    expect(hv02.code).toBe(0);
    expect(hv02.outputs['stale-plan']).toBe('true');
    expect(hv02.stdout).toMatch(/::warning::stale plan: #15 was reviewed with plan sha256:[0-9a-f]{64} for runner hv-02/);
  });
});
