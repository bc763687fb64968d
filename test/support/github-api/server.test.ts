import { Octokit } from '@octokit/core';
import { createTempRepo, type TempRepo } from '../git-repo.js';
import { startGitHubApi, type GitHubApi } from './index.js';

describe('local GitHub API checked against the OpenAPI description', () => {
  let api: GitHubApi;
  let repo: TempRepo;
  let octokit: Octokit;

  beforeAll(async () => {
    repo = await createTempRepo({ files: { 'templates/web.yaml': 'name: web\n', 'README.md': '# hi\n' } });
    api = await startGitHubApi({ owner: 'acme', repo: 'infra', repoDir: repo.dir, token: 'secret' });
    octokit = new Octokit({ auth: 'secret', baseUrl: api.url });
  });

  afterAll(async () => {
    await api.close();
    await repo.cleanup();
  });

  beforeEach(() => {
    api.requests.length = 0;
    api.violations.length = 0;
  });

  test('a valid comment is created, listed with pagination links, and edited', async () => {
    api.state.addPull({ number: 7, head: { ref: 'feature', sha: repo.shas[0] }, base: { ref: 'main', sha: repo.shas[0] } });
    for (let i = 0; i < 3; i++) {
      await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: 'acme', repo: 'infra', issue_number: 7, body: `c${i}` });
    }
    const first = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: 'acme',
      repo: 'infra',
      issue_number: 7,
      per_page: 2,
    });
    expect(first.data.map((c) => c.body)).toEqual(['c0', 'c1']);
    expect(first.headers.link).toContain('rel="next"');
    const edited = await octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      owner: 'acme',
      repo: 'infra',
      comment_id: first.data[0].id,
      body: 'edited',
    });
    expect(edited.data.body).toBe('edited');
    expect(edited.data.user?.login).toBe('github-actions[bot]');
    expect(api.state.commentsOn(7).map((c) => c.body)).toEqual(['edited', 'c1', 'c2']);
    expect(api.violations).toEqual([]);
    expect(api.requestsTo('/repos/{owner}/{repo}/issues/{issue_number}/comments', 'POST')).toHaveLength(3);
  });

  test('a body that breaks the schema is refused with 422 and recorded as a violation', async () => {
    api.state.addIssue({ number: 8 });
    const res = await fetch(`${api.url}/repos/acme/infra/issues/8/comments`, {
      method: 'POST',
      headers: { authorization: 'token secret', 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'no body field' }),
    });
    expect(res.status).toBe(422);
    expect(api.violations).toHaveLength(1);
    expect(api.violations[0].problem).toMatch(/issues\/create-comment.*must have required property 'body'/);
    expect(api.state.commentsOn(8)).toEqual([]);
  });

  test('a wrong enum value and a nullable field are judged as GitHub describes them', async () => {
    const bad = await fetch(`${api.url}/repos/acme/infra/check-runs`, {
      method: 'POST',
      headers: { authorization: 'token secret', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'svcplan', head_sha: repo.shas[0], status: 'running' }),
    });
    expect(bad.status).toBe(422);
    expect(api.violations[0].problem).toMatch(/status/);
    api.violations.length = 0;
    const run = await octokit.request('POST /repos/{owner}/{repo}/check-runs', {
      owner: 'acme',
      repo: 'infra',
      name: 'svcplan',
      head_sha: repo.shas[0],
      status: 'in_progress',
    });
    await octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
      owner: 'acme',
      repo: 'infra',
      check_run_id: run.data.id,
      conclusion: 'failure',
      output: { title: 't', summary: 's', annotations: [{ path: 'a.yaml', start_line: 1, end_line: 1, annotation_level: 'failure', message: 'bad' }] },
    });
    expect(api.state.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(api.state.checkRuns[0].output.annotations).toHaveLength(1);
    expect(api.violations).toEqual([]);
  });

  test('an unknown route and a non-integer path parameter are violations', async () => {
    const unknown = await fetch(`${api.url}/repos/acme/infra/plans/1`, { headers: { authorization: 'token secret' } });
    expect(unknown.status).toBe(404);
    const notNumber = await fetch(`${api.url}/repos/acme/infra/issues/abc/comments`, { headers: { authorization: 'token secret' } });
    expect(notNumber.status).toBe(404);
    expect(api.violations.map((v) => v.path)).toEqual(['/repos/acme/infra/plans/1', '/repos/acme/infra/issues/abc/comments']);
  });

  test('requests without the token are refused', async () => {
    const res = await fetch(`${api.url}/repos/acme/infra`);
    expect(res.status).toBe(401);
    expect(api.violations).toEqual([]);
  });

  test('the Git database answers from the real repository', async () => {
    const head = repo.shas[0];
    const ref = await octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { owner: 'acme', repo: 'infra', ref: 'heads/main' });
    expect(ref.data.object.sha).toBe(head);
    // Some clients send the slash of a ref raw rather than encoded; GitHub accepts both.
    const raw = await fetch(`${api.url}/repos/acme/infra/git/ref/heads/main`, { headers: { authorization: 'token secret' } });
    expect(((await raw.json()) as { object: { sha: string } }).object.sha).toBe(head);
    const commit = await octokit.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { owner: 'acme', repo: 'infra', commit_sha: head });
    const tree = await octokit.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
      owner: 'acme',
      repo: 'infra',
      tree_sha: commit.data.tree.sha,
      recursive: '1',
    });
    const file = tree.data.tree.find((e) => e.path === 'templates/web.yaml');
    expect(file?.type).toBe('blob');
    const blob = await octokit.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { owner: 'acme', repo: 'infra', file_sha: file!.sha! });
    expect(Buffer.from(blob.data.content, 'base64').toString()).toBe('name: web\n');
    const expected = (await repo.runGit(['rev-parse', 'HEAD:templates/web.yaml'])).trim();
    expect(file!.sha).toBe(expected);

    // Write a commit through the API and move the branch: git itself sees it.
    const newTree = await octokit.request('POST /repos/{owner}/{repo}/git/trees', {
      owner: 'acme',
      repo: 'infra',
      base_tree: commit.data.tree.sha,
      tree: [{ path: 'templates/db.yaml', mode: '100644', type: 'blob', content: 'name: db\n' }],
    });
    const newCommit = await octokit.request('POST /repos/{owner}/{repo}/git/commits', {
      owner: 'acme',
      repo: 'infra',
      message: 'add db',
      tree: newTree.data.sha,
      parents: [head],
    });
    await octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { owner: 'acme', repo: 'infra', ref: 'heads/main', sha: newCommit.data.sha });
    expect((await repo.runGit(['show', 'main:templates/db.yaml'])).trim()).toBe('name: db');
    await expect(
      octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { owner: 'acme', repo: 'infra', ref: 'heads/main', sha: head }),
    ).rejects.toMatchObject({ status: 422 });
    expect(api.violations).toEqual([]);
  });

  test('injected failures answer the next matching requests, then stop', async () => {
    api.failNext('GET', '/repos/{owner}/{repo}', 403, 2);
    await expect(octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'infra' })).rejects.toMatchObject({
      status: 403,
      response: { headers: { 'x-ratelimit-remaining': '0' } },
    });
    await expect(octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'infra' })).rejects.toMatchObject({ status: 403 });
    const ok = await octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'infra' });
    expect(ok.data.default_branch).toBe('main');
    api.failNext('POST', /\/deployments$/, 502);
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/deployments', { owner: 'acme', repo: 'infra', ref: 'main', environment: 'web' }),
    ).rejects.toMatchObject({ status: 502 });
    expect(api.violations).toEqual([]);
  });

  test('deployments, statuses and permissions', async () => {
    const d = await octokit.request('POST /repos/{owner}/{repo}/deployments', {
      owner: 'acme',
      repo: 'infra',
      ref: repo.shas[0],
      environment: 'shop-prod',
      auto_merge: false,
      required_contexts: [],
    });
    expect(d.status).toBe(201);
    const id = (d.data as { id: number }).id;
    await octokit.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
      owner: 'acme',
      repo: 'infra',
      deployment_id: id,
      state: 'in_progress',
    });
    await octokit.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
      owner: 'acme',
      repo: 'infra',
      deployment_id: id,
      state: 'success',
    });
    expect(api.state.statusesOf(id).map((s) => s.state)).toEqual(['in_progress', 'success']);

    api.state.setPermission('alice', 'maintain');
    const perm = await octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', { owner: 'acme', repo: 'infra', username: 'alice' });
    expect(perm.data).toMatchObject({ permission: 'write', role_name: 'maintain' });
    await expect(
      octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', { owner: 'acme', repo: 'infra', username: 'mallory' }),
    ).rejects.toMatchObject({ status: 404 });

    expect(api.violations).toEqual([]);
  });
});

describe('the local GitHub API refuses what github.com refuses', () => {
  let api: GitHubApi;
  let repo: TempRepo;
  let octokit: Octokit;
  const WORKFLOWS = {
    // `on` as a map, with inputs of every kind GitHub checks.
    '.github/workflows/deploy.yml': [
      'on:',
      '  push: { branches: [main] }',
      '  workflow_dispatch:',
      '    inputs:',
      '      service: { required: true, type: string }',
      '      level: { required: true, type: choice, options: [info, debug], default: info }',
      '      note: { required: false }',
      'jobs: { deploy: { runs-on: ubuntu-latest, steps: [{ run: echo }] } }',
      '',
    ].join('\n'),
    // `on` as a string and as a list.
    '.github/workflows/manual.yml': 'on: workflow_dispatch\njobs: { a: { runs-on: ubuntu-latest, steps: [{ run: echo }] } }\n',
    '.github/workflows/both.yml': 'on: [push, workflow_dispatch]\njobs: { a: { runs-on: ubuntu-latest, steps: [{ run: echo }] } }\n',
    '.github/workflows/push.yml': 'on: push\njobs: { a: { runs-on: ubuntu-latest, steps: [{ run: echo }] } }\n',
  };

  beforeAll(async () => {
    repo = await createTempRepo({ files: { 'README.md': '# hi\n', ...WORKFLOWS } });
    await repo.runGit(['tag', 'v1']);
    api = await startGitHubApi({ owner: 'acme', repo: 'infra', repoDir: repo.dir, token: 'secret' });
    octokit = new Octokit({ auth: 'secret', baseUrl: api.url });
  });

  afterAll(async () => {
    await api.close();
    await repo.cleanup();
  });

  beforeEach(() => {
    api.requests.length = 0;
    api.violations.length = 0;
    api.state.dispatches.length = 0;
  });

  const dispatch = (workflow_id: string, inputs?: Record<string, unknown>, ref = 'main', extra: Record<string, unknown> = {}) =>
    octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
      owner: 'acme',
      repo: 'infra',
      workflow_id,
      ref,
      ...(inputs ? { inputs } : {}),
      ...extra,
    } as never);
  const refusal = (status: number, message: string) => ({ status, response: { data: expect.objectContaining({ message }) } });

  test('a dispatch the workflow takes starts a run on the commit of its ref', async () => {
    await dispatch('deploy.yml', { service: 'shop', level: 'debug', note: 'why' });
    await dispatch('deploy.yml', { service: 'shop' }, 'v1');
    await dispatch('manual.yml');
    await dispatch('both.yml', {}, 'refs/heads/main');
    const details = await dispatch('manual.yml', undefined, 'main', { return_run_details: true });
    expect(details.status).toBe(200);
    expect(details.data).toMatchObject({ workflow_run_id: expect.any(Number), html_url: expect.stringContaining('/actions/runs/') });
    expect(api.state.dispatches.map((d) => [d.workflow_id, d.ref, d.inputs, d.sha])).toEqual([
      ['deploy.yml', 'main', { service: 'shop', level: 'debug', note: 'why' }, repo.shas[0]],
      ['deploy.yml', 'v1', { service: 'shop' }, repo.shas[0]],
      ['manual.yml', 'main', {}, repo.shas[0]],
      ['both.yml', 'refs/heads/main', {}, repo.shas[0]],
      ['manual.yml', 'main', {}, repo.shas[0]],
    ]);
    expect(api.violations).toEqual([]);
  });

  test('an unknown workflow is 404; an unknown ref or a bare sha is 422', async () => {
    await expect(dispatch('nope.yml', {})).rejects.toMatchObject(refusal(404, 'Not Found'));
    await expect(dispatch('manual.yml', {}, 'no-such-branch')).rejects.toMatchObject(refusal(422, 'No ref found for: no-such-branch'));
    await expect(dispatch('manual.yml', {}, repo.shas[0])).rejects.toMatchObject(refusal(422, `No ref found for: ${repo.shas[0]}`));
    // Something asked for that does not exist is an answer, not a malformed request.
    expect(api.violations).toEqual([]);
    expect(api.state.dispatches).toEqual([]);
  });

  test.each([
    ['no workflow_dispatch trigger', 'push.yml', {}, "Workflow does not have 'workflow_dispatch' trigger"],
    ['an input the workflow does not declare', 'deploy.yml', { service: 'shop', command: 'x', zone: 'b' }, 'Unexpected inputs provided: ["command","zone"]'],
    ['a required input left out, with no default', 'deploy.yml', { level: 'info' }, "Required input 'service' not provided"],
    [
      "a value not among a choice input's options",
      'deploy.yml',
      { service: 'shop', level: 'trace' },
      "Provided value 'trace' for input 'level' not in the list of allowed values",
    ],
    ['a value that is not a string', 'deploy.yml', { service: 'shop', note: 3 }, "Invalid request.\n\nFor 'properties/note', 3 is not a string."],
    ['any input to a workflow that declares none', 'manual.yml', { service: 'shop' }, 'Unexpected inputs provided: ["service"]'],
  ])('%s: 422, recorded as a violation, no run', async (_, workflow, inputs, message) => {
    await expect(dispatch(workflow, inputs)).rejects.toMatchObject(refusal(422, message));
    expect(api.violations.map((v) => v.problem)).toEqual([expect.stringContaining(message)]);
    expect(api.state.dispatches).toEqual([]);
  });

  test('more inputs than GitHub takes at once (25, per its REST description) are refused', async () => {
    const inputs = Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`i${i}`, 'x']));
    await expect(dispatch('deploy.yml', inputs)).rejects.toMatchObject({ status: 422 });
    expect(api.violations.map((v) => v.problem)).toEqual([expect.stringMatching(/inputs must NOT have more than 25 properties/)]);
  });

  test('a comment of 65,536 characters is taken, one more is refused, on create and on edit; characters, not UTF-16 units', async () => {
    api.state.addIssue({ number: 5 });
    const post = (body: string) =>
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: 'acme', repo: 'infra', issue_number: 5, body });
    const edit = (comment_id: number, body: string) =>
      octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: 'acme', repo: 'infra', comment_id, body });
    const created = await post('x'.repeat(65_536));
    // 65,536 emoji are 131,072 UTF-16 units, and still 65,536 characters to GitHub.
    await edit(Number(created.data.id), '🚀'.repeat(65_536));
    expect(api.violations).toEqual([]);
    const tooLong = {
      status: 422,
      response: {
        data: expect.objectContaining({
          message: 'Validation Failed',
          errors: [expect.objectContaining({ field: 'body', message: 'body is too long (maximum is 65536 characters)' })],
        }),
      },
    };
    await expect(post('x'.repeat(65_537))).rejects.toMatchObject(tooLong);
    await expect(edit(Number(created.data.id), 'x'.repeat(65_537))).rejects.toMatchObject(tooLong);
    expect(api.violations).toHaveLength(2);
    expect(api.state.commentsOn(5).map((c) => [...c.body].length)).toEqual([65_536]);
  });

  test('a check run takes 50 annotations per request, and a head_sha the repository has', async () => {
    const annotations = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ path: 'README.md', start_line: i + 1, end_line: i + 1, annotation_level: 'failure' as const, message: `m${i}` }));
    const create = (head_sha: string, n: number) =>
      octokit.request('POST /repos/{owner}/{repo}/check-runs', {
        owner: 'acme',
        repo: 'infra',
        name: 'svcplan',
        head_sha,
        output: { title: 't', summary: 's', annotations: annotations(n) },
      });
    const run = await create(repo.shas[0], 50);
    await octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
      owner: 'acme',
      repo: 'infra',
      check_run_id: run.data.id,
      output: { title: 't', summary: 's', annotations: annotations(50) },
    });
    expect(api.state.checkRuns[0].output.annotations).toHaveLength(100);
    expect(api.violations).toEqual([]);

    // GitHub's description carries these limits (maxItems: 50, maxLength: 65535): the OpenAPI check refuses.
    const tooMany = { status: 422 };
    await expect(create(repo.shas[0], 51)).rejects.toMatchObject(tooMany);
    await expect(
      octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
        owner: 'acme',
        repo: 'infra',
        check_run_id: run.data.id,
        output: { title: 't', summary: 's', annotations: annotations(51) },
      }),
    ).rejects.toMatchObject(tooMany);
    await expect(
      octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
        owner: 'acme',
        repo: 'infra',
        check_run_id: run.data.id,
        output: { title: 't', summary: 's'.repeat(65_536) },
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect(api.violations.map((v) => v.problem)).toEqual([
      expect.stringMatching(/annotations must NOT have more than 50 items/),
      expect.stringMatching(/annotations must NOT have more than 50 items/),
      expect.stringMatching(/summary must NOT have more than 65535 characters/),
    ]);
    expect(api.state.checkRuns[0].output.annotations).toHaveLength(100);
    api.violations.length = 0;

    await expect(create('f'.repeat(40), 0)).rejects.toMatchObject(refusal(422, `No commit found for SHA: ${'f'.repeat(40)}`));
    await expect(
      octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { owner: 'acme', repo: 'infra', ref: 'no-such-branch' }),
    ).rejects.toMatchObject(refusal(422, 'No commit found for SHA: no-such-branch'));
    const listed = await octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { owner: 'acme', repo: 'infra', ref: 'main' });
    expect(listed.data.total_count).toBe(1);
    expect(api.violations).toEqual([]);
  });

  test("deployments need a ref the repository has; a status's state is one of GitHub's", async () => {
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/deployments', { owner: 'acme', repo: 'infra', ref: 'no-such-branch', environment: 'shop' }),
    ).rejects.toMatchObject(refusal(422, 'No ref found for: no-such-branch'));
    const d = await octokit.request('POST /repos/{owner}/{repo}/deployments', {
      owner: 'acme',
      repo: 'infra',
      ref: 'v1',
      environment: 'shop',
      required_contexts: [],
    });
    const id = (d.data as { id: number }).id;
    for (const state of ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success'] as const) {
      await octokit.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', { owner: 'acme', repo: 'infra', deployment_id: id, state });
    }
    expect(api.violations).toEqual([]);
    const res = await fetch(`${api.url}/repos/acme/infra/deployments/${id}/statuses`, {
      method: 'POST',
      headers: { authorization: 'token secret', 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'done' }),
    });
    expect(res.status).toBe(422);
    expect(api.violations.map((v) => v.problem)).toEqual([expect.stringMatching(/state must be equal to one of the allowed values/)]);
    expect(api.state.statusesOf(id)).toHaveLength(7);
  });

  test('issues: created with labels (a new label is made), listed by state and label with pull requests among them, edited and closed', async () => {
    await octokit.request('POST /repos/{owner}/{repo}/labels', { owner: 'acme', repo: 'infra', name: 'svcplan-drift', color: 'd93f0b', description: 'drift' });
    await expect(octokit.request('POST /repos/{owner}/{repo}/labels', { owner: 'acme', repo: 'infra', name: 'SVCPLAN-drift' })).rejects.toMatchObject({
      status: 422,
    });
    expect((await octokit.request('GET /repos/{owner}/{repo}/labels/{name}', { owner: 'acme', repo: 'infra', name: 'svcplan-drift' })).data.color).toBe(
      'd93f0b',
    );
    await expect(octokit.request('GET /repos/{owner}/{repo}/labels/{name}', { owner: 'acme', repo: 'infra', name: 'nope' })).rejects.toMatchObject({
      status: 404,
    });

    const created = await octokit.request('POST /repos/{owner}/{repo}/issues', {
      owner: 'acme',
      repo: 'infra',
      title: 'drift',
      body: 'b',
      labels: ['svcplan-drift', 'brand-new'],
    });
    expect(created.status).toBe(201);
    expect(created.data.user?.login).toBe('github-actions[bot]');
    expect(created.data.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(['svcplan-drift', 'brand-new']);
    expect(api.state.findLabel('brand-new')).toBeDefined();
    api.state.addPull({ number: created.data.number + 1, head: { ref: 'f', sha: repo.shas[0] }, base: { ref: 'main', sha: repo.shas[0] } });

    const open = await octokit.request('GET /repos/{owner}/{repo}/issues', { owner: 'acme', repo: 'infra', state: 'open', per_page: 100 });
    expect(open.data.map((i) => [i.number, Boolean(i.pull_request)])).toEqual(
      expect.arrayContaining([
        [created.data.number, false],
        [created.data.number + 1, true],
      ]),
    );
    const labelled = await octokit.request('GET /repos/{owner}/{repo}/issues', { owner: 'acme', repo: 'infra', labels: 'svcplan-drift' });
    expect(labelled.data.map((i) => i.number)).toEqual([created.data.number]);

    const edited = await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      owner: 'acme',
      repo: 'infra',
      issue_number: created.data.number,
      body: 'new',
    });
    expect(edited.data.body).toBe('new');
    const closed = await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      owner: 'acme',
      repo: 'infra',
      issue_number: created.data.number,
      state: 'closed',
      state_reason: 'completed',
    });
    expect(closed.data).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(closed.data.closed_at).not.toBeNull();
    expect((await octokit.request('GET /repos/{owner}/{repo}/issues', { owner: 'acme', repo: 'infra', labels: 'svcplan-drift' })).data).toEqual([]);
    expect(
      (await octokit.request('GET /repos/{owner}/{repo}/issues', { owner: 'acme', repo: 'infra', labels: 'svcplan-drift', state: 'closed' })).data,
    ).toHaveLength(1);
    expect(api.violations).toEqual([]);

    await expect(
      octokit.request('POST /repos/{owner}/{repo}/issues', { owner: 'acme', repo: 'infra', title: 'long', body: 'x'.repeat(65_537) }),
    ).rejects.toMatchObject({ status: 422 });
    expect(api.violations.splice(0).map((v) => v.problem)).toEqual([expect.stringContaining('body is too long')]);
  });
});
