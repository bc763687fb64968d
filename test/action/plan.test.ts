import type { PlanDocument } from '../../src/model/types.js';
import { PLAN_COMMENT_MARKER } from '../../src/render/index.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startGitHubApi, webhookExample, type GitHubApi } from '../support/github-api/index.js';
import { repoFiles, service, template } from './fixtures.js';
import { ensureActionBuilt, removeActionSnapshot, runAction } from './run-action.js';

const OWNER = 'acme';
const NAME = 'infra';

describe('svcplan Action, command plan, on pull requests', () => {
  let repo: TempRepo;
  let api: GitHubApi;
  let initial: string;

  beforeAll(async () => {
    await ensureActionBuilt();
    repo = await createTempRepo({ files: { 'templates/web.yaml': template(), 'README.md': '# infra\n' } });
    initial = repo.shas[0];
    api = await startGitHubApi({ owner: OWNER, repo: NAME, repoDir: repo.dir, token: 'ghs_test' });
  }, 120_000);

  afterAll(async () => {
    await removeActionSnapshot();
    await api?.close();
    await repo?.cleanup();
  });

  afterEach(() => {
    expect(api.violations).toEqual([]);
  });

  /** Checks out `head` and runs the Action for a pull_request event of PR `number`. */
  async function planPullRequest(number: number, action: 'opened' | 'synchronize', head: string, base = initial) {
    await repo.runGit(['checkout', '--quiet', '--detach', head]);
    const event = webhookExample('pull_request', action, { owner: OWNER, repo: NAME });
    event.number = number;
    event.pull_request.number = number;
    event.pull_request.head.sha = head;
    event.pull_request.base.sha = base;
    event.pull_request.base.ref = 'main';
    if (!api.state.pulls.has(number)) api.state.addPull({ number, head: { ref: `change-${number}`, sha: head }, base: { ref: 'main', sha: base } });
    return planAction('pull_request', event, head, `refs/pull/${number}/merge`);
  }

  /** Runs the Action's plan command for an event, in the checkout of `head`. */
  function planAction(eventName: string, event: unknown, head: string, ref: string) {
    return runAction({
      inputs: { command: 'plan', 'github-token': 'ghs_test', 'repo-path': '.', state: 'git', 'state-branch': 'svcplan-state', 'dry-run': 'false' },
      eventName,
      event,
      apiUrl: api.url,
      workspace: repo.dir,
      repository: `${OWNER}/${NAME}`,
      sha: head,
      ref,
    });
  }

  async function commitOn(base: string, message: string, files: Record<string, string | null>): Promise<string> {
    await repo.runGit(['checkout', '--quiet', '--detach', base]);
    return repo.commit(message, files);
  }

  test('one comment per pull request: created when there are changes, updated on every push, edited to "no changes"', async () => {
    const withServices = await commitOn(initial, 'add services', repoFiles());
    const opened = await planPullRequest(1, 'opened', withServices);
    expect(opened.stderr).toBe('');
    expect(opened.code).toBe(0);

    const comments = () => api.state.commentsOn(1);
    expect(comments()).toHaveLength(1);
    const first = comments()[0];
    expect(first.body).toContain(PLAN_COMMENT_MARKER);
    expect(first.body).toContain(opened.outputs['plan-digest']);

    // Outputs are the contract later steps read.
    const doc = JSON.parse(opened.outputs['plan-json-content']) as PlanDocument;
    expect(opened.outputs['plan-digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(doc.plan_digest).toBe(opened.outputs['plan-digest']);
    expect(opened.outputs['has-changes']).toBe('true');
    expect(JSON.parse(opened.outputs.summary)).toEqual({ create: 6, refresh: 0, restart: 0, replace: 0, destroy: 0, none: 0 });
    expect(JSON.parse(opened.outputs.matrix)).toEqual({ runner: ['default', 'hv-01', 'hv-02'] });
    expect(opened.outputs['plan-json']).toMatch(/svcplan\/plan-[0-9a-f]{16}\.json$/);
    expect(opened.summary).toContain(PLAN_COMMENT_MARKER);
    expect(opened.summary).toContain(opened.outputs['plan-digest']);

    // A push changing the plan edits the same comment; nothing new is posted.
    const moreMemory = await commitOn(withServices, 'one more service', { 'services/shop-d.yaml': service('shop-d', 'hv-03') });
    const synced = await planPullRequest(1, 'synchronize', moreMemory);
    expect(synced.code).toBe(0);
    expect(comments()).toHaveLength(1);
    expect(comments()[0].id).toBe(first.id);
    expect(synced.outputs['plan-digest']).not.toBe(opened.outputs['plan-digest']);
    expect(JSON.parse(synced.outputs.matrix)).toEqual({ runner: ['default', 'hv-01', 'hv-02', 'hv-03'] });
    expect(comments()[0].body).toContain(synced.outputs['plan-digest']);
    expect(api.requestsTo('/repos/{owner}/{repo}/issues/{issue_number}/comments', 'POST')).toHaveLength(1);
    expect(api.requestsTo('/repos/{owner}/{repo}/issues/comments/{comment_id}', 'PATCH')).toHaveLength(1);

    // A push that takes every change back edits the comment to say so.
    const reverted = await commitOn(moreMemory, 'revert', {
      'services/shop-a.yaml': null,
      'services/shop-b.yaml': null,
      'services/shop-c.yaml': null,
      'services/shop-d.yaml': null,
    });
    const none = await planPullRequest(1, 'synchronize', reverted);
    expect(none.code).toBe(0);
    expect(none.outputs['has-changes']).toBe('false');
    expect(JSON.parse(none.outputs.matrix)).toEqual({ runner: [] });
    expect(comments()).toHaveLength(1);
    expect(comments()[0].body).toMatch(/No changes/);
  });

  test("the first plan is the first apply's: services on main but never applied are planned as created, not as changed", async () => {
    const onMain = await commitOn(initial, 'services, never applied', repoFiles());
    const head = await commitOn(onMain, 'more memory', repoFiles({ memory: 2048 }));
    const opened = await planPullRequest(5, 'opened', head, onMain);
    expect(opened.code).toBe(0);
    expect(JSON.parse(opened.outputs.summary)).toEqual({ create: 6, refresh: 0, restart: 0, replace: 0, destroy: 0, none: 0 });
    const body = api.state.commentsOn(5)[0].body;
    expect(body).toContain('svcplan import SERVICE');
    expect(body).toContain('base recorded state → head');
    expect(body).not.toMatch(/memory: \d+ → 2048/);

    // After the merge, the push's plan (what the apply runs) is the one that was reviewed.
    await repo.runGit(['checkout', '--quiet', '--detach', head]);
    const event = webhookExample('push', undefined, { owner: OWNER, repo: NAME });
    Object.assign(event, { ref: 'refs/heads/main', before: onMain, after: head });
    const pushed = await planAction('push', event, head, 'refs/heads/main');
    expect(pushed.code).toBe(0);
    expect(pushed.outputs['plan-digest']).toBe(opened.outputs['plan-digest']);
  });

  test('no comment on a pull request that changes no VM, but the job summary still shows the plan', async () => {
    const readme = await commitOn(initial, 'docs only', { 'README.md': '# infra\n\nMore words.\n' });
    const result = await planPullRequest(2, 'opened', readme);
    expect(result.code).toBe(0);
    expect(result.outputs['has-changes']).toBe('false');
    expect(api.state.commentsOn(2)).toEqual([]);
    expect(api.requestsTo('/repos/{owner}/{repo}/issues/{issue_number}/comments', 'GET').length).toBeGreaterThan(0);
    expect(result.summary).toMatch(/No changes/);
  });

  test('an invalid template fails the step with an annotation on its line and a comment naming it', async () => {
    const broken = await commitOn(initial, 'broken', { ...repoFiles(), 'templates/web.yaml': template().replace('memory: 1024', 'memory: lots') });
    const result = await planPullRequest(3, 'opened', broken);
    expect(result.code).toBe(1);
    const line =
      template()
        .split('\n')
        .findIndex((l) => l.includes('memory:')) + 1;
    expect(result.stdout).toMatch(new RegExp(`::error title=svcplan,file=templates/web\\.yaml,line=${line},col=\\d+::.*memory`));
    expect(result.stdout).toMatch(/::error::svcplan: plan refused: \d+ problem/);
    const comments = api.state.commentsOn(3);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('templates/web.yaml');
  });

  test('a workflow mistake is a failed step that says what to fix, and nothing is posted', async () => {
    const before = api.requests.length;
    const result = await runAction({
      inputs: { command: 'deploy', 'github-token': 'ghs_test' },
      eventName: 'pull_request',
      event: webhookExample('pull_request', 'opened', { owner: OWNER, repo: NAME }),
      apiUrl: api.url,
      workspace: repo.dir,
      repository: `${OWNER}/${NAME}`,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error::svcplan: input command: "deploy" is not a command; use plan, apply, rollback or drift');
    expect(api.requests.length).toBe(before);
  });
});
