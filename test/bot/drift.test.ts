// `/drift [SERVICE]`: the app answers with the drift reports the drift workflow recorded on the
// state branch (read through the API, no hypervisor), and starts a fresh check by dispatching
// docs/examples/svcplan-drift.yml, committed to the repository byte for byte: the local GitHub API
// refuses any dispatch that workflow would not take. (The run that dispatch starts is played in
// test/action/drift.test.ts.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDriftReply } from '../../src/bot/drift.js';
import { driftRecordFiles, type RecordedDrift } from '../../src/github/drift-records.js';
import { DRIFT_WORKFLOW, DRIFT_WORKFLOW_EXAMPLE } from '../../src/github/drift-workflow.js';
import type { DriftReport, RecordedState, ServiceRecord } from '../../src/model/types.js';
import { GITHUB_COMMENT_LIMIT } from '../../src/render/index.js';
import { GitStateStore } from '../../src/state/index.js';
import { ROOT } from '../action/run-action.js';
import { BASE_FILES, recordTwoDeployments, service, template } from './fixtures.js';
import { BOT_LOGIN, commentEvent, startHarness, type BotHarness } from './harness.js';

const SHIPPED_DRIFT_WORKFLOW = readFileSync(join(ROOT, DRIFT_WORKFLOW_EXAMPLE));
const DISPATCHES = '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches';

const CHECKED_AT = '2026-05-01T05:23:11.000Z';

/** What the drift job on runner hv-01 found: shop-edge-web-1 resized by hand. */
function edgeReport(): DriftReport {
  const difference = { path: 'memory', recorded: 3072, observed: 4096, action: 'restart' as const };
  return {
    format_version: 1,
    checked_at: CHECKED_AT,
    summary: { services: 1, drifted_services: 1, instances: 2, drifted_instances: 1 },
    services: [
      {
        name: 'shop-edge',
        runner: 'hv-01',
        status: 'drifted',
        checked: 2,
        instances: [{ name: 'shop-edge-web-1', tier: 'web', action: 'restart', differences: [difference] }],
        groups: [{ ...difference, instances: ['shop-edge-web-1'] }],
      },
    ],
    errors: [],
  };
}

let h: BotHarness;
function comment(number: number, body: string, login: string) {
  const stored = h.api.state.addComment(number, body, login);
  return commentEvent({ number, body, login, commentId: stored.id });
}

function lastReply(number: number): string {
  return (
    h.api.state
      .commentsOn(number)
      .filter((c) => c.user.login === BOT_LOGIN)
      .map((c) => c.body)
      .pop() ?? ''
  );
}

beforeAll(async () => {
  h = await startHarness({
    ...BASE_FILES,
    'services/shop-edge.yaml': service('shop-edge', 'web-shop', 'hv-01'),
    [`.github/workflows/${DRIFT_WORKFLOW}`]: SHIPPED_DRIFT_WORKFLOW,
  });
  const first = h.repo.shas[0];
  const second = await h.repo.commit('release 1.1: more memory', { 'templates/web-shop.yaml': template({ release: '1.1', memory: 3072 }) });
  await recordTwoDeployments(h.repo, 'shop-prod', first, second);
  await recordTwoDeployments(h.repo, 'shop-edge', first, second);
  // As the drift job on hv-01 records it (through the git state store); shop-prod was never checked.
  await new GitStateStore(h.repo.dir, { remote: null }).writeDriftReports(
    driftRecordFiles(edgeReport(), { runner: 'hv-01', host: 'rack-7', run_url: 'https://github.com/acme/infra/actions/runs/77' }),
    'drift checked on runner hv-01: shop-edge',
  );
  h.api.state.addIssue({ number: 10, title: 'are the shops as applied?' });
  h.api.state.setPermission('alice', 'write');
  h.api.state.setPermission('mallory', 'read');
}, 120_000);

afterAll(async () => {
  await h?.close();
});

beforeEach(() => {
  h.api.state.dispatches.length = 0;
});

afterEach(() => {
  expect(h.api.violations).toEqual([]);
});

test('/drift: the last recorded report of every service, when and where it was checked, and a fresh check started on every runner', async () => {
  expect(await h.deliver('issue_comment', comment(10, 'Anything changed by hand?\n/drift', 'alice'))).toBe(200);
  const reply = lastReply(10);
  expect(reply).toMatch(/^### svcplan drift, as last recorded\n/);
  expect(reply).toContain(
    '| shop-edge | `hv-01` | 2026-05-01T05:23:11.000Z on runner `hv-01`, host `rack-7`, [workflow run](https://github.com/acme/infra/actions/runs/77) | **drifted**: 1 of 2 instances |',
  );
  expect(reply).toContain('| shop-prod | `default` | never | — |');
  // The drifted service's differences, without the marker that makes a drift issue.
  expect(reply).toContain('| restart | memory: 3072 → 4096 | shop-edge-web-1 |');
  expect(reply).not.toContain('<!-- svcplan:drift');
  expect(reply).toMatch(
    /Started a fresh check: the `svcplan-drift\.yml` workflow on `main` \(every service, on each runner\); each runner comments its report here/,
  );
  // Accepted by GitHub (the local API) against the shipped workflow file.
  expect(h.api.state.dispatches).toEqual([
    expect.objectContaining({ workflow_id: DRIFT_WORKFLOW, ref: 'main', inputs: { service: '', runner: '', issue: '10' } }),
  ]);
  expect(h.api.state.reactions.some((r) => r.content === 'eyes')).toBe(true);
});

test('/drift SERVICE: that service alone, checked again on its own runner', async () => {
  await h.deliver('issue_comment', comment(10, '/drift shop-edge', 'alice'));
  const reply = lastReply(10);
  expect(reply).toContain('| shop-edge | `hv-01` |');
  expect(reply).not.toContain('shop-prod');
  expect(reply).toMatch(/\(service: shop-edge, runner: hv-01\)/);
  expect(h.api.state.dispatches.map((d) => d.inputs)).toEqual([{ service: 'shop-edge', runner: 'hv-01', issue: '10' }]);

  await h.deliver('issue_comment', comment(10, '/drift shop-prod', 'alice'));
  expect(lastReply(10)).toContain('| shop-prod | `default` | never | — |');
  expect(lastReply(10)).toContain('No drift check has been recorded yet');
  expect(h.api.state.dispatches.map((d) => d.inputs.runner)).toEqual(['hv-01', 'default']);
});

test('an unknown service gets the list of recorded ones, and nothing is dispatched; a malformed command its usage', async () => {
  await h.deliver('issue_comment', comment(10, '/drift shop-dev', 'alice'));
  expect(lastReply(10)).toBe('Nothing is recorded for shop-dev, so there is nothing to check. Recorded services: shop-edge, shop-prod.');
  await h.deliver('issue_comment', comment(10, '/drift shop-edge now', 'alice'));
  expect(lastReply(10)).toMatch(/^unexpected `now`; usage: `\/drift \[SERVICE\]`/);
  expect(h.api.state.dispatches).toEqual([]);
  await h.deliver('issue_comment', comment(10, '/help', 'alice'));
  expect(lastReply(10)).toContain('| `/drift SERVICE` |');
});

test('someone without write access is refused: nothing is read or dispatched', async () => {
  const before = h.api.requests.length;
  await h.deliver('issue_comment', comment(10, '/drift', 'mallory'));
  expect(lastReply(10)).toMatch(/^Sorry @mallory, svcplan only acts on commands from people with write access/);
  const asked = h.api.requests.slice(before).map((r) => r.route);
  expect(asked).not.toContain('/repos/{owner}/{repo}/git/trees/{tree_sha}');
  expect(h.api.state.dispatches).toEqual([]);
});

test('a drift workflow GitHub will not start: the recorded reports still, and why no check was started', async () => {
  // The workflow file under another name: GitHub answers 404.
  await h.repo.commit('rename the drift workflow', { [`.github/workflows/${DRIFT_WORKFLOW}`]: null, '.github/workflows/drift.yml': SHIPPED_DRIFT_WORKFLOW });
  await h.deliver('issue_comment', comment(10, '/drift', 'alice'));
  let reply = lastReply(10);
  expect(reply).toContain('| shop-edge | `hv-01` |');
  expect(reply).toMatch(
    /The drift workflow `svcplan-drift\.yml` on `main` could not be started: GitHub has no such workflow there .*Copy `docs\/examples\/svcplan-drift\.yml` from svcplan to `\.github\/workflows\/svcplan-drift\.yml` on `main`, or set `SVCPLAN_DRIFT_WORKFLOW`.* No fresh check was started\.$/m,
  );

  // An older file that does not take these inputs: GitHub answers 422 and says which.
  const older = SHIPPED_DRIFT_WORKFLOW.toString('utf8').replace(/\n {6}issue:\n(?: {8}.*\n)+/, '\n');
  await h.repo.commit('an older drift workflow', { [`.github/workflows/${DRIFT_WORKFLOW}`]: older, '.github/workflows/drift.yml': null });
  await h.deliver('issue_comment', comment(10, '/drift', 'alice'));
  reply = lastReply(10);
  expect(reply).toMatch(
    /GitHub refused the dispatch \(Unexpected inputs provided: \["issue"\]\)\. Its `workflow_dispatch` trigger must take exactly the inputs `service`, `runner`, `issue`: update it from `docs\/examples\/svcplan-drift\.yml`\. No fresh check was started\./,
  );
  expect(h.api.violations.splice(0).map((v) => v.problem)).toEqual([expect.stringContaining('Unexpected inputs provided: ["issue"]')]);
  expect(h.api.state.dispatches).toEqual([]);
  const dispatches = h.api.requestsTo(DISPATCHES, 'POST');
  expect(dispatches.slice(-2).map((r) => r.status)).toEqual([404, 422]);
  await h.repo.commit('the shipped drift workflow again', { [`.github/workflows/${DRIFT_WORKFLOW}`]: SHIPPED_DRIFT_WORKFLOW });
});

test('a reply about many services stays within GitHub comment limit and says what it left out', () => {
  const recorded: RecordedState = {};
  const reports = new Map<string, RecordedDrift>();
  const names: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const name = `shop-${String(i).padStart(4, '0')}`;
    names.push(name);
    recorded[name] = { spec: { target: { runner: `hv-${i % 7}` } } } as unknown as ServiceRecord;
    const report = edgeReport();
    report.services[0].name = name;
    report.services[0].groups[0].instances = Array.from({ length: 40 }, (_, k) => `${name}-web-${k + 1}`);
    reports.set(name, { ...report, checked_by: { runner: `hv-${i % 7}`, host: 'rack-7' } });
  }
  const reply = renderDriftReply(names, recorded, reports, 'Started a fresh check.');
  expect([...reply].length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
  expect(reply).toMatch(/… and \d+ more services; `\/drift SERVICE` shows one\./);
  expect(reply.trimEnd().endsWith('Started a fresh check.')).toBe(true);
});
