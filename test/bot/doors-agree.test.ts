// The Action (`command: plan`) and the app plan the same pull request from the same code: the
// same plan is the same comment body, so whichever door comes second sends no write at all.
import { repoFiles } from '../action/fixtures.js';
import { ensureActionBuilt, removeActionSnapshot, runAction, type ActionRun } from '../action/run-action.js';
import { webhookExample } from '../support/github-api/index.js';
import { OWNER, REPO, pullRequestEvent, startHarness, type BotHarness } from './harness.js';

const COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments';
const COMMENT = '/repos/{owner}/{repo}/issues/comments/{comment_id}';

let h: BotHarness;
let base: string;

beforeAll(async () => {
  await ensureActionBuilt();
  h = await startHarness({ 'README.md': '# infra\n' });
  base = h.repo.shas[0];
}, 120_000);

afterAll(async () => {
  await removeActionSnapshot();
  await h?.close();
});

afterEach(() => {
  expect(h.api.violations).toEqual([]);
});

/** The Action's plan job on pull request `number`, in a checkout of its head. */
async function actionPlan(number: number, head: string, headRef: string): Promise<ActionRun> {
  await h.repo.runGit(['checkout', '--quiet', '--detach', head]);
  const event = webhookExample('pull_request', 'synchronize', { owner: OWNER, repo: REPO });
  event.number = number;
  event.pull_request.number = number;
  Object.assign(event.pull_request.head, { sha: head, ref: headRef });
  Object.assign(event.pull_request.base, { sha: base, ref: 'main' });
  return runAction({
    inputs: { command: 'plan', 'github-token': h.token, state: 'git' },
    eventName: 'pull_request',
    event,
    apiUrl: h.api.url,
    workspace: h.repo.dir,
    repository: `${OWNER}/${REPO}`,
    sha: head,
    ref: `refs/pull/${number}/merge`,
  });
}

function appPlan(number: number, head: string, headRef: string): Promise<number> {
  return h.deliver('pull_request', pullRequestEvent('synchronize', { number, base: { ref: 'main', sha: base }, head: { ref: headRef, sha: head } }));
}

const writes = () => h.api.requestsTo(COMMENTS, 'POST').length + h.api.requestsTo(COMMENT, 'PATCH').length;

test('the Action, then the app: the app finds the same body and leaves the comment alone', async () => {
  await h.repo.runGit(['checkout', '--quiet', '-b', 'services', base]);
  const head = await h.repo.commit('services', repoFiles());
  h.api.state.addPull({ number: 7, head: { ref: 'services', sha: head }, base: { ref: 'main', sha: base } });

  const run = await actionPlan(7, head, 'services');
  expect(run.code).toBe(0);
  const [posted] = h.api.state.commentsOn(7);
  const before = writes();
  expect(await appPlan(7, head, 'services')).toBe(200);
  expect(writes()).toBe(before);
  expect(h.api.state.commentsOn(7).map((c) => [c.id, c.body])).toEqual([[posted.id, posted.body]]);
  expect(posted.body).toContain(run.outputs['plan-digest']);
});

test('the app, then the Action: the same', async () => {
  await h.repo.runGit(['checkout', '--quiet', '-b', 'memory', base]);
  const head = await h.repo.commit('services with more memory', repoFiles({ memory: 2048 }));
  h.api.state.addPull({ number: 8, head: { ref: 'memory', sha: head }, base: { ref: 'main', sha: base } });

  expect(await appPlan(8, head, 'memory')).toBe(200);
  const [posted] = h.api.state.commentsOn(8);
  const before = writes();
  const run = await actionPlan(8, head, 'memory');
  expect(run.code).toBe(0);
  expect(writes()).toBe(before);
  expect(h.api.state.commentsOn(8).map((c) => [c.id, c.body])).toEqual([[posted.id, posted.body]]);
});
