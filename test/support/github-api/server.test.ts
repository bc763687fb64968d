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
    const first = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: 'acme', repo: 'infra', issue_number: 7, per_page: 2 });
    expect(first.data.map((c) => c.body)).toEqual(['c0', 'c1']);
    expect(first.headers.link).toContain('rel="next"');
    const edited = await octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: 'acme', repo: 'infra', comment_id: first.data[0].id, body: 'edited' });
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
    const run = await octokit.request('POST /repos/{owner}/{repo}/check-runs', { owner: 'acme', repo: 'infra', name: 'svcplan', head_sha: repo.shas[0], status: 'in_progress' });
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
    const tree = await octokit.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { owner: 'acme', repo: 'infra', tree_sha: commit.data.tree.sha, recursive: '1' });
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
    const newCommit = await octokit.request('POST /repos/{owner}/{repo}/git/commits', { owner: 'acme', repo: 'infra', message: 'add db', tree: newTree.data.sha, parents: [head] });
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
    await expect(octokit.request('POST /repos/{owner}/{repo}/deployments', { owner: 'acme', repo: 'infra', ref: 'main', environment: 'web' })).rejects.toMatchObject({ status: 502 });
    expect(api.violations).toEqual([]);
  });

  test('deployments, statuses, permissions and workflow dispatches', async () => {
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
    await octokit.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', { owner: 'acme', repo: 'infra', deployment_id: id, state: 'in_progress' });
    await octokit.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', { owner: 'acme', repo: 'infra', deployment_id: id, state: 'success' });
    expect(api.state.statusesOf(id).map((s) => s.state)).toEqual(['in_progress', 'success']);

    api.state.setPermission('alice', 'maintain');
    const perm = await octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', { owner: 'acme', repo: 'infra', username: 'alice' });
    expect(perm.data).toMatchObject({ permission: 'write', role_name: 'maintain' });
    await expect(
      octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', { owner: 'acme', repo: 'infra', username: 'mallory' }),
    ).rejects.toMatchObject({ status: 404 });

    await octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
      owner: 'acme',
      repo: 'infra',
      workflow_id: 'rollback.yml',
      ref: 'main',
      inputs: { service: 'shop-prod', to: '3' },
    });
    expect(api.state.dispatches).toMatchObject([{ workflow_id: 'rollback.yml', ref: 'main', inputs: { service: 'shop-prod', to: '3' } }]);
    expect(api.violations).toEqual([]);
  });
});
