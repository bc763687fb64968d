// The bot as GitHub sees it: signed webhooks in, REST calls out to an OpenAPI-checked local API
// that serves a real Git repository.
import { planRollback } from '../../src/apply/index.js';
import { GitRevisionReader } from '../../src/load/index.js';
import { PLAN_COMMENT_MARKER } from '../../src/render/index.js';
import { GitStateStore } from '../../src/state/index.js';
import { BASE_FILES, recordTwoDeployments, template } from './fixtures.js';
import { BOT_LOGIN, commentEvent, pullRequestEvent, startHarness, type BotHarness } from './harness.js';

const TREES = '/repos/{owner}/{repo}/git/trees/{tree_sha}';
const CHECK_RUNS = '/repos/{owner}/{repo}/check-runs';
const COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments';

let h: BotHarness;
const sha: Record<string, string> = {};

/** A comment as GitHub stores it, and the webhook GitHub sends for it. */
function comment(number: number, body: string, login: string, opts: { isPull?: boolean } = {}) {
  const stored = h.api.state.addComment(number, body, login);
  return commentEvent({ number, body, login, isPull: opts.isPull, commentId: stored.id });
}

function botReplies(number: number): string[] {
  return h.api.state
    .commentsOn(number)
    .filter((c) => c.user.login === BOT_LOGIN)
    .map((c) => c.body);
}

beforeAll(async () => {
  h = await startHarness(BASE_FILES);
  const git = (args: string[]) => h.repo.runGit(args);
  sha.main0 = h.repo.shas[0];
  await git(['tag', 'v1', sha.main0]);
  sha.main1 = await h.repo.commit('release 1.1: more memory', { 'templates/web-shop.yaml': template({ release: '1.1', memory: 3072 }) });
  await recordTwoDeployments(h.repo, 'shop-prod', sha.main0, sha.main1);

  await git(['checkout', '-q', '-b', 'new-image']);
  sha.image = await h.repo.commit('new image', { 'templates/web-shop.yaml': template({ release: '1.2', memory: 3072, version: '12.2.0' }) });
  sha.image2 = await h.repo.commit('and more memory', { 'templates/web-shop.yaml': template({ release: '1.2', memory: 4096, version: '12.2.0' }) });
  await git(['checkout', '-q', 'main']);
  await git(['checkout', '-q', '-b', 'broken']);
  sha.broken = await h.repo.commit('typo', { 'templates/web-shop.yaml': template({ release: '1.1', memory: 'lots' }) });
  await git(['checkout', '-q', 'main']);
  await git(['checkout', '-q', '-b', 'docs']);
  sha.docs = await h.repo.commit('docs only', { 'README.md': '# infra\n\nMore words.\n' });
  await git(['checkout', '-q', 'main']);

  const base = { ref: 'main', sha: sha.main1 };
  h.api.state.addPull({ number: 1, head: { ref: 'new-image', sha: sha.image }, base });
  h.api.state.addPull({ number: 2, head: { ref: 'broken', sha: sha.broken }, base });
  h.api.state.addPull({ number: 3, head: { ref: 'docs', sha: sha.docs }, base });
  h.api.state.addIssue({ number: 10, title: 'shop-prod is slow since 1.1' });
  h.api.state.setPermission('alice', 'write');
  h.api.state.setPermission('morgan', 'maintain');
  h.api.state.setPermission('mallory', 'read');
});

afterAll(async () => {
  await h?.close();
});

afterEach(() => {
  expect(h.api.violations).toEqual([]);
});

describe('pull requests', () => {
  test('opened: an in-progress check at once, one plan comment, the check finished as success with the digest', async () => {
    const before = h.api.requests.length;
    const status = await h.deliver(
      'pull_request',
      pullRequestEvent('opened', { number: 1, base: { ref: 'main', sha: sha.main1 }, head: { ref: 'new-image', sha: sha.image } }),
    );
    expect(status).toBe(200);

    const runs = h.api.state.checkRuns.filter((r) => r.head_sha === sha.image);
    expect(runs).toHaveLength(1);
    expect(runs[0].name).toBe('svcplan');
    expect(runs[0].history[0]).toMatchObject({ status: 'in_progress', head_sha: sha.image });
    expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'success' });

    const mine = h.api.requests.slice(before);
    const created = mine.findIndex((r) => r.route === CHECK_RUNS && r.method === 'POST');
    const firstTree = mine.findIndex((r) => r.route === TREES);
    expect(created).toBeGreaterThanOrEqual(0);
    expect(created).toBeLessThan(firstTree);

    const replies = botReplies(1);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain(PLAN_COMMENT_MARKER);
    expect(replies[0]).toContain('shop-prod');
    const digest = /sha256:[0-9a-f]{64}/.exec(runs[0].output.summary ?? '')?.[0];
    expect(digest).toBeDefined();
    expect(replies[0]).toContain(digest!);
    // The image changed against what is recorded: both instances are replaced, state disks kept.
    expect(runs[0].output.title).toMatch(/2 to replace/);
  });

  test('synchronize: the same comment is updated, never a second one', async () => {
    const first = botReplies(1)[0];
    h.api.state.pulls.get(1)!.head.sha = sha.image2;
    const status = await h.deliver(
      'pull_request',
      pullRequestEvent('synchronize', { number: 1, base: { ref: 'main', sha: sha.main1 }, head: { ref: 'new-image', sha: sha.image2 } }),
    );
    expect(status).toBe(200);
    const replies = botReplies(1);
    expect(replies).toHaveLength(1);
    expect(replies[0]).not.toBe(first);
    expect(replies[0]).toContain('memory');
    expect(h.api.requestsTo(COMMENTS, 'POST')).toHaveLength(1);
    expect(h.api.requestsTo('/repos/{owner}/{repo}/issues/comments/{comment_id}', 'PATCH')).toHaveLength(1);
    expect(h.api.state.checkRuns.find((r) => r.head_sha === sha.image2)).toMatchObject({ status: 'completed', conclusion: 'success' });
  });

  test('an invalid file fails the check with an annotation at its line', async () => {
    const status = await h.deliver(
      'pull_request',
      pullRequestEvent('opened', { number: 2, base: { ref: 'main', sha: sha.main1 }, head: { ref: 'broken', sha: sha.broken } }),
    );
    expect(status).toBe(200);
    const run = h.api.state.checkRuns.find((r) => r.head_sha === sha.broken)!;
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    const annotations = run.output.annotations;
    expect(annotations.length).toBeGreaterThan(0);
    // `memory: lots` is line 11 of the template.
    expect(annotations).toContainEqual(expect.objectContaining({ path: 'templates/web-shop.yaml', start_line: 11, end_line: 11, annotation_level: 'failure' }));
    expect(botReplies(2)).toHaveLength(1);
    expect(botReplies(2)[0]).toContain('templates/web-shop.yaml');
  });

  test('nothing to change: a neutral check and no comment', async () => {
    const status = await h.deliver(
      'pull_request',
      pullRequestEvent('opened', { number: 3, base: { ref: 'main', sha: sha.main1 }, head: { ref: 'docs', sha: sha.docs } }),
    );
    expect(status).toBe(200);
    expect(h.api.state.checkRuns.find((r) => r.head_sha === sha.docs)).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    expect(botReplies(3)).toEqual([]);
  });

  test('a warm blob cache: a re-plan reads no file contents it has seen', async () => {
    const before = h.api.requests.length;
    const status = await h.deliver(
      'pull_request',
      pullRequestEvent('reopened', { number: 3, base: { ref: 'main', sha: sha.main1 }, head: { ref: 'docs', sha: sha.docs } }),
    );
    expect(status).toBe(200);
    const mine = h.api.requests.slice(before);
    expect(mine.filter((r) => r.route === '/repos/{owner}/{repo}/git/blobs/{file_sha}')).toEqual([]);
    expect(mine.length).toBeLessThanOrEqual(10);
  });

  test('a server error is retried; a failed read fails the check with the reason', async () => {
    h.api.failNext('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', 502, 1);
    const ok = await h.deliver(
      'pull_request',
      pullRequestEvent('reopened', { number: 1, base: { ref: 'main', sha: sha.main1 }, head: { ref: 'new-image', sha: sha.image2 } }),
    );
    expect(ok).toBe(200);
    expect(h.api.state.checkRuns.filter((r) => r.head_sha === sha.image2).map((r) => r.conclusion)).toEqual(['success', 'success']);
    expect(botReplies(1)).toHaveLength(1);

    // A read that fails once the check run is open (here the head's tree) fails the check with the reason.
    h.api.failNext('GET', '/repos/{owner}/{repo}/git/trees/{tree_sha}', 404, 1, { message: 'Not Found' });
    const before = h.api.state.checkRuns.length;
    const status = await h.deliver(
      'pull_request',
      pullRequestEvent('synchronize', { number: 1, base: { ref: 'main', sha: sha.main1 }, head: { ref: 'new-image', sha: sha.image } }),
    );
    expect(status).toBe(200);
    const run = h.api.state.checkRuns[before];
    expect(run).toMatchObject({ head_sha: sha.image, status: 'completed', conclusion: 'failure' });
    expect(run.output.summary).toMatch(/Not Found/);
  });

  test('a rate-limited write waits and goes through', async () => {
    // GitHub's primary rate limit: retry once the window resets (here: in a second).
    const reset = String(Math.floor(Date.now() / 1000) + 1);
    h.api.failNext('PATCH', '/repos/{owner}/{repo}/check-runs/{check_run_id}', 403, 1, { headers: { 'x-ratelimit-reset': reset } });
    const status = await h.deliver(
      'pull_request',
      pullRequestEvent('reopened', { number: 3, base: { ref: 'main', sha: sha.main1 }, head: { ref: 'docs', sha: sha.docs } }),
    );
    expect(status).toBe(200);
    const runs = h.api.state.checkRuns.filter((r) => r.head_sha === sha.docs);
    expect(runs[runs.length - 1]).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    const patches = h.api
      .requestsTo('/repos/{owner}/{repo}/check-runs/{check_run_id}', 'PATCH')
      .filter((r) => r.params.check_run_id === String(runs[runs.length - 1].id));
    expect(patches.map((r) => r.status)).toEqual([403, 200]);
  });
});

describe('webhook signatures', () => {
  test.each([
    ['a wrong signature', 'sha256=' + '0'.repeat(64)],
    ['no signature', null],
  ])('%s is rejected with 400 and nothing is called', async (_, signature) => {
    const before = h.api.requests.length;
    const status = await h.deliver(
      'pull_request',
      pullRequestEvent('opened', { number: 1, base: { ref: 'main', sha: sha.main1 }, head: { ref: 'new-image', sha: sha.image } }),
      { signature },
    );
    expect(status).toBe(400);
    expect(h.api.requests.length).toBe(before);
  });

  test('other events are acknowledged and ignored', async () => {
    const before = h.api.requests.length;
    const status = await h.deliver('issues', { ...commentEvent({ number: 10, body: '/help', login: 'alice', commentId: 1 }), action: 'opened' });
    expect(status).toBe(200);
    expect(h.api.requests.length).toBe(before);
  });
});

describe('comment commands', () => {
  test('a read-only user is refused politely and nothing is read or dispatched', async () => {
    const before = h.api.requests.length;
    const event = comment(10, '/rollback shop-prod to 1', 'mallory');
    expect(await h.deliver('issue_comment', event)).toBe(200);
    const mine = h.api.requests.slice(before);
    expect(mine.map((r) => r.route)).not.toContain(TREES);
    expect(h.api.state.dispatches).toEqual([]);
    expect(h.api.state.reactions).toContainEqual(expect.objectContaining({ comment_id: event.comment.id, content: 'eyes' }));
    expect(botReplies(10).pop()).toMatch(/write access/);
  });

  test('/rollback SERVICE to ID: the classified plan as a reply, then the apply workflow dispatched', async () => {
    const before = h.api.requests.length;
    const event = comment(10, 'Memory did not help.\n/rollback shop-prod to 1', 'alice');
    expect(await h.deliver('issue_comment', event)).toBe(200);
    const mine = h.api.requests.slice(before).map((r) => r.route);
    const permission = mine.indexOf('/repos/{owner}/{repo}/collaborators/{username}/permission');
    expect(permission).toBeGreaterThanOrEqual(0);
    expect(permission).toBeLessThan(mine.indexOf(TREES));

    const reply = botReplies(10).pop()!;
    expect(reply).toContain('Rollback of shop-prod to deployment 1');
    expect(reply).toContain('memory');
    expect(reply).not.toContain(PLAN_COMMENT_MARKER);
    // The apply the dispatch starts plans the same rollback from a clone: the digests agree.
    const applied = await planRollback({
      service: 'shop-prod',
      to: '1',
      store: new GitStateStore(h.repo.dir, { remote: null }),
      repoDir: h.repo.dir,
      head: await GitRevisionReader.open(h.repo.dir, 'main'),
    });
    expect(reply).toContain(applied.plan.document.plan_digest);
    expect(h.api.state.dispatches).toEqual([
      expect.objectContaining({
        workflow_id: 'svcplan-apply.yml',
        ref: 'main',
        inputs: { command: 'rollback', service: 'shop-prod', to: '1', issue: '10', runner: 'default' },
      }),
    ]);
  });

  test('/rollback SERVICE to REF by a maintainer resolves the ref to its commit', async () => {
    h.api.state.dispatches.length = 0;
    const event = comment(10, '/rollback shop-prod to v1', 'morgan');
    expect(await h.deliver('issue_comment', event)).toBe(200);
    expect(h.api.state.dispatches).toEqual([
      expect.objectContaining({ inputs: { command: 'rollback', service: 'shop-prod', to: sha.main0, issue: '10', runner: 'default' } }),
    ]);
    expect(botReplies(10).pop()).toContain('Rollback of shop-prod to v1');
  });

  test('/rollback SERVICE without a target goes back one deployment', async () => {
    h.api.state.dispatches.length = 0;
    expect(await h.deliver('issue_comment', comment(10, '/rollback shop-prod', 'alice'))).toBe(200);
    expect(h.api.state.dispatches.map((d) => d.inputs.to)).toEqual(['1']);
  });

  test('an unknown service or deployment gets a reply listing what exists, and no dispatch', async () => {
    h.api.state.dispatches.length = 0;
    await h.deliver('issue_comment', comment(10, '/rollback shop-dev', 'alice'));
    expect(botReplies(10).pop()).toMatch(/Nothing is recorded for service shop-dev, so there is nothing to roll back; recorded services: shop-prod\./);
    await h.deliver('issue_comment', comment(10, '/rollback shop-prod to 99', 'alice'));
    expect(botReplies(10).pop()).toMatch(/no deployment 99.*deployments: 1 \(apply, succeeded, release 1\.0/);
    await h.deliver('issue_comment', comment(10, '/rollback shop-prod to no-such-branch', 'alice'));
    expect(botReplies(10).pop()).toMatch(/"no-such-branch" is neither a deployment id of shop-prod nor a commit, branch or tag/);
    expect(h.api.state.dispatches).toEqual([]);
  });

  test('/plan on an issue says it works on pull requests; on a pull request it posts the plan', async () => {
    await h.deliver('issue_comment', comment(10, '/plan', 'alice'));
    expect(botReplies(10).pop()).toMatch(/pull requests only/);
    expect(botReplies(3)).toEqual([]);
    await h.deliver('issue_comment', comment(3, '/plan', 'alice', { isPull: true }));
    const replies = botReplies(3);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain(PLAN_COMMENT_MARKER);
  });

  test('/help answers with the commands; a malformed command answers with usage', async () => {
    await h.deliver('issue_comment', comment(10, '/help', 'alice'));
    expect(botReplies(10).pop()).toMatch(/\/rollback SERVICE to ID/);
    await h.deliver('issue_comment', comment(10, '/rollback', 'alice'));
    expect(botReplies(10).pop()).toMatch(/no service named; usage/);
  });

  test('edited comments, bot comments and ordinary discussion are ignored without a call', async () => {
    const before = h.api.requests.length;
    const stored = h.api.state.addComment(10, '/rollback shop-prod', 'alice');
    await h.deliver('issue_comment', commentEvent({ number: 10, body: stored.body, login: 'alice', action: 'edited', commentId: stored.id }));
    await h.deliver('issue_comment', commentEvent({ number: 10, body: '/help', login: BOT_LOGIN, senderType: 'Bot', commentId: stored.id }));
    await h.deliver('issue_comment', comment(10, 'Looks good to me; /plan later maybe', 'alice'));
    expect(h.api.requests.length).toBe(before);
  });
});
