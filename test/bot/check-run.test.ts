import { Octokit } from '@octokit/core';
import { ANNOTATIONS_PER_REQUEST, completeCheckRun, startCheckRun } from '../../src/github/check-run.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startGitHubApi, type GitHubApi } from '../support/github-api/index.js';

describe('check runs', () => {
  let api: GitHubApi;
  let repo: TempRepo;
  let octokit: Octokit;
  const where = { owner: 'acme', repo: 'infra' };

  beforeAll(async () => {
    repo = await createTempRepo({ files: { 'templates/web.yaml': 'x: 1\n' } });
    api = await startGitHubApi({ ...where, repoDir: repo.dir, token: 't0k3n' });
    octokit = new Octokit({ auth: 't0k3n', baseUrl: api.url });
  });

  afterAll(async () => {
    await api.close();
    await repo.cleanup();
  });

  test('120 annotations go out 50 at a time, and the run completes with the last batch', async () => {
    const check = await startCheckRun(octokit, where, { name: 'svcplan', headSha: repo.shas[0] });
    const annotations = Array.from({ length: 120 }, (_, i) => ({ path: 'templates/web.yaml', line: i + 1, column: 3, message: `problem ${i + 1}` }));
    const requests = await completeCheckRun(octokit, where, check, { conclusion: 'failure', title: '120 problems', summary: 'see annotations', annotations });
    expect(requests).toBe(3);
    const run = api.state.checkRuns[0];
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    const patches = run.history.slice(1) as { status?: string; output: { annotations?: unknown[] } }[];
    expect(patches.map((p) => p.output.annotations?.length)).toEqual([ANNOTATIONS_PER_REQUEST, ANNOTATIONS_PER_REQUEST, 20]);
    expect(patches.map((p) => p.status)).toEqual([undefined, undefined, 'completed']);
    expect(run.output.annotations).toHaveLength(120);
    expect(run.output.annotations[119]).toMatchObject({ start_line: 120, end_line: 120, start_column: 3, message: 'problem 120' });
    expect(api.violations).toEqual([]);
  });
});
