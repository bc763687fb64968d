// `command: drift` of the bundled Action against the local GitHub API, with stand-ins for the
// programs a runner observes machines with: `vagrant status --machine-readable` (the real
// format), `vagrant ssh NAME -c <guest facts script>` (what that script prints), and
// `virsh dominfo` (as virsh prints it). Each machine is a folder of a small "world" the test
// controls, and Vagrant's own record of it (its provider id, `index_uuid` and the machine index
// entry with its box) is written in the runner's checkout, as Vagrant leaves it there: box,
// memory, cpus, app versions and settings are all observed, none is left out.
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Octokit } from '@octokit/core';
import { expectedSettingsDigest } from '../../src/apply/drivers/vagrant/inspect.js';
import { DRIFT_LABEL, driftIssueTitle } from '../../src/github/drift-issues.js';
import type { RecordedDrift } from '../../src/github/drift-records.js';
import { DRIFT_WORKFLOW, DRIFT_WORKFLOW_EXAMPLE, driftDispatchInputs } from '../../src/github/drift-workflow.js';
import { Git } from '../../src/git/git.js';
import type { DriftReport, ServiceRecord } from '../../src/model/types.js';
import { driftIssueMarker } from '../../src/render/drift.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startGitHubApi, webhookExample, type GitHubApi, type IssueRecord } from '../support/github-api/index.js';
import { repoFiles } from './fixtures.js';
import { playDispatch, playSchedule, type PlayOptions } from './play-workflow.js';
import { ensureActionBuilt, removeActionSnapshot, ROOT, runAction, type ActionRun } from './run-action.js';

const OWNER = 'acme';
const NAME = 'infra';
const TOKEN = 'ghs_test';
const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

/**
 * vagrant: logs every call; `status` lists the world's machines of the service whose Vagrant
 * directory it runs in (fails while `.status-fails` is there); `ssh NAME -c …` prints the
 * machine's guest facts; everything else (the apply's up, provision, health probes) succeeds.
 */
const FAKE_VAGRANT = `#!/bin/sh
printf '%s\\n' "$*" >> "$SVCPLAN_FAKE_VAGRANT_LOG"
world="$SVCPLAN_FAKE_WORLD"
service=$(basename "\${VAGRANT_CWD:-$PWD}")
case "$1" in
  status)
    if [ -e "$world/.status-fails" ]; then echo "The provider is not reachable." >&2; exit 1; fi
    for d in "$world"/"$service"-*/; do
      [ -d "$d" ] || continue
      name=$(basename "$d")
      echo "1795567566,$name,metadata,provider,libvirt"
      echo "1795567568,$name,provider-name,libvirt"
      echo "1795567568,$name,state,$(cat "$d/state")"
      echo "1795567568,$name,state-human-short,$(cat "$d/state")"
    done
    echo "1795567568,,ui,info,Current machine states:\\\\n"
    ;;
  ssh)
    if [ -f "$world/$2/facts" ]; then cat "$world/$2/facts"; fi
    ;;
esac
exit 0
`;

/** virsh -c URI dominfo ID: the dominfo of the world's machine with that provider id. */
const FAKE_VIRSH = `#!/bin/sh
id="$4"
for d in "$SVCPLAN_FAKE_WORLD"/*/; do
  if [ "$(cat "$d/uuid" 2>/dev/null)" = "$id" ]; then cat "$d/dominfo"; exit 0; fi
done
echo "error: failed to get domain '$id'" >&2
exit 1
`;

interface Machine {
  state?: 'running' | 'shutoff';
  memory?: number;
  cpus?: number;
  apps?: Record<string, string>;
  settingsDigest?: string;
}

describe('svcplan Action, command drift', () => {
  let author: TempRepo;
  let origin: string;
  let api: GitHubApi;
  let scratch: string;
  let binDir: string;
  let world: string;
  let vagrantHome: string;
  let vagrantLog: string;
  let dominfo: string;
  let records: Record<string, ServiceRecord>;
  let workflowText: string;
  /** uuid per machine; the index entry per machine. */
  const uuids = new Map<string, string>();
  let checkouts = 0;

  beforeAll(async () => {
    await ensureActionBuilt();
    scratch = await mkdtemp(join(tmpdir(), 'svcplan-action-drift-'));
    binDir = join(scratch, 'bin');
    world = join(scratch, 'world');
    vagrantHome = join(scratch, 'vagrant.d');
    vagrantLog = join(scratch, 'vagrant.log');
    await mkdir(binDir);
    await mkdir(world);
    await writeFile(vagrantLog, '');
    await writeFile(join(binDir, 'vagrant'), FAKE_VAGRANT);
    await writeFile(join(binDir, 'virsh'), FAKE_VIRSH);
    await chmod(join(binDir, 'vagrant'), 0o755);
    await chmod(join(binDir, 'virsh'), 0o755);
    dominfo = await readFile(join(ROOT, 'test/drivers/fixtures/virsh-dominfo-running.txt'), 'utf8');

    origin = join(scratch, 'origin.git');
    await new Git(scratch).run(['init', '--quiet', '--bare', '-b', 'main', origin], { env: GIT_ENV });
    workflowText = await readFile(join(ROOT, DRIFT_WORKFLOW_EXAMPLE), 'utf8');
    // shop-a lives on hv-01, shop-b on hv-02; the shipped drift workflow is copied in unchanged.
    author = await createTempRepo({
      files: {
        ...repoFiles({ services: { 'shop-a': 'hv-01', 'shop-b': 'hv-02' } }),
        'README.md': '# infra\n',
        [`.github/workflows/${DRIFT_WORKFLOW}`]: workflowText,
      },
    });
    await author.runGit(['remote', 'add', 'origin', origin]);
    await author.runGit(['push', '--quiet', 'origin', 'main']);
    api = await startGitHubApi({ owner: OWNER, repo: NAME, repoDir: origin, token: TOKEN });

    // Applied first (the world is empty: nothing to observe yet), so that there is a record to check.
    const applied = await runAction({
      inputs: { command: 'apply', 'github-token': TOKEN },
      eventName: 'push',
      event: { ...webhookExample('push', undefined, { owner: OWNER, repo: NAME }), ref: 'refs/heads/main', before: '0'.repeat(40), after: author.shas[0] },
      apiUrl: api.url,
      workspace: await checkout('apply'),
      repository: `${OWNER}/${NAME}`,
      sha: author.shas[0],
      env: runnerEnv(),
    });
    expect({ code: applied.code, errors: applied.stdout.match(/::error.*/g) }).toEqual({ code: 0, errors: null });
    records = await recorded();
    expect(Object.keys(records).sort()).toEqual(['shop-a', 'shop-b']);
    // The machines as the apply left them: running, as recorded.
    const index: Record<string, unknown> = {};
    for (const record of Object.values(records)) {
      for (const inst of record.instances) {
        uuids.set(inst.name, randomUUID());
        index[`idx-${inst.name}`] = {
          name: inst.name,
          provider: 'libvirt',
          extra_data: { box: { name: inst.spec.image.box, provider: 'libvirt', version: inst.spec.image.version } },
        };
        await setMachine(inst.name, {});
      }
    }
    await mkdir(join(vagrantHome, 'data', 'machine-index'), { recursive: true });
    await writeFile(join(vagrantHome, 'data', 'machine-index', 'index'), JSON.stringify({ version: 1, machines: index }));
  }, 180_000);

  afterAll(async () => {
    await removeActionSnapshot();
    await api?.close();
    await author?.cleanup();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(api.violations).toEqual([]);
  });

  function runnerEnv(): Record<string, string> {
    return {
      PATH: `${binDir}:${process.env.PATH}`,
      SVCPLAN_FAKE_VAGRANT_LOG: vagrantLog,
      SVCPLAN_FAKE_WORLD: world,
      VAGRANT_HOME: vagrantHome,
      RUNNER_NAME: 'rack-7',
    };
  }

  /** A runner's checkout of main, with Vagrant's record of each machine it created beside the Vagrantfile. */
  async function checkout(name: string, sha?: string): Promise<string> {
    const dir = join(scratch, `${name}-${checkouts++}`);
    await new Git(scratch).run(['clone', '--quiet', origin, dir], { env: GIT_ENV });
    if (sha) await new Git(dir).run(['checkout', '--quiet', '--detach', sha], { env: GIT_ENV });
    for (const [machine, uuid] of uuids) {
      const service = machine.replace(/-web-\d+$/, '');
      const data = join(dir, '.svcplan', 'vagrant', service, '.vagrant', 'machines', machine, 'libvirt');
      await mkdir(data, { recursive: true });
      await writeFile(join(data, 'id'), uuid);
      await writeFile(join(data, 'index_uuid'), `idx-${machine}`);
    }
    return dir;
  }

  /** Sets what a machine is: by default exactly what its record says. */
  async function setMachine(name: string, m: Machine): Promise<void> {
    const service = name.replace(/-web-\d+$/, '');
    const spec = records[service].instances.find((i) => i.name === name)!.spec;
    const dir = join(world, name);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'state'), m.state ?? 'running');
    await writeFile(join(dir, 'uuid'), uuids.get(name)!);
    const kib = (m.memory ?? spec.memory) * 1024;
    await writeFile(
      join(dir, 'dominfo'),
      dominfo
        .replace(/^CPU\(s\):.*$/m, `CPU(s):         ${m.cpus ?? spec.cpus}`)
        .replace(/^(Max|Used) memory:.*$/gm, (_, which: string) => `${which} memory:${which === 'Max' ? '     ' : '    '}${kib} KiB`),
    );
    const apps = m.apps ?? Object.fromEntries(Object.entries(spec.apps).map(([app, a]) => [app, a.version]));
    const facts = [
      '@svcplan-facts 1',
      '@features',
      ...spec.features,
      `@settings ${m.settingsDigest ?? expectedSettingsDigest(spec, service)}`,
      ...Object.entries(apps).map(([app, version]) => `@app ${app} ${version}`),
      '@disk no',
      '@end',
    ];
    await writeFile(join(dir, 'facts'), facts.join('\n') + '\n');
  }

  async function resetWorld(): Promise<void> {
    for (const record of Object.values(records)) for (const inst of record.instances) await setMachine(inst.name, {});
  }

  async function recorded(): Promise<Record<string, ServiceRecord>> {
    const git = new Git(origin);
    const out: Record<string, ServiceRecord> = {};
    const files = (await git.run(['ls-tree', '--name-only', 'svcplan-state'])).split('\n').filter((f) => f.endsWith('.json'));
    for (const file of files) {
      const record = JSON.parse(await git.run(['show', `svcplan-state:${file}`])) as ServiceRecord;
      out[record.name] = record;
    }
    return out;
  }

  async function recordedDrift(service: string): Promise<RecordedDrift | undefined> {
    const text = await new Git(origin).run(['show', `svcplan-state:drift/${service}.json`]).catch(() => undefined);
    return text === undefined ? undefined : (JSON.parse(text) as RecordedDrift);
  }

  /** A scheduled run's drift job on one runner, as the shipped workflow gives it its inputs. */
  async function drift(runner: string, inputs: Record<string, string> = {}): Promise<ActionRun & { report?: DriftReport }> {
    const run = await runAction({
      inputs: { command: 'drift', 'github-token': TOKEN, runner, state: 'git', ...inputs },
      eventName: 'schedule',
      event: { schedule: '23 5 * * *' },
      apiUrl: api.url,
      workspace: await checkout(`drift-${runner}`),
      repository: `${OWNER}/${NAME}`,
      sha: author.shas[0],
      env: runnerEnv(),
    });
    const text = run.outputs['drift-json-content'];
    return { ...run, report: text === undefined ? undefined : (JSON.parse(text) as DriftReport) };
  }

  const issueWrites = () =>
    [
      ...api.requestsTo('/repos/{owner}/{repo}/issues', 'POST'),
      ...api.requestsTo('/repos/{owner}/{repo}/issues/{issue_number}', 'PATCH'),
      ...api.requestsTo('/repos/{owner}/{repo}/issues/{issue_number}/comments', 'POST'),
    ].length;

  function driftIssues(state: 'open' | 'closed' | 'all' = 'open'): IssueRecord[] {
    return [...api.state.issues.values()].filter((i) => (state === 'all' || i.state === state) && (i.body ?? '').includes(driftIssueMarker('shop-a')));
  }

  test('a drifted service gets one labelled issue; outputs, job summary and the report on the state branch', async () => {
    await setMachine('shop-a-web-1', { memory: 2048 }); // resized behind svcplan's back
    const logBefore = (await readFile(vagrantLog, 'utf8')).length;
    const run = await drift('hv-01');
    expect({ code: run.code, errors: run.stdout.match(/::error.*/g) }).toEqual({ code: 0, errors: null });
    expect(run.outputs.drifted).toBe('true');
    // The JSON contract of `svcplan drift --format json`, for this runner's services only.
    expect(run.report).toMatchObject({
      format_version: 1,
      summary: { services: 1, drifted_services: 1, instances: 2, drifted_instances: 1 },
      services: [
        {
          name: 'shop-a',
          runner: 'hv-01',
          status: 'drifted',
          checked: 2,
          groups: [{ path: 'memory', recorded: 1024, observed: 2048, action: 'restart', instances: ['shop-a-web-1'] }],
        },
      ],
      errors: [],
    });
    expect(run.summary).toContain('### svcplan drift');
    expect(run.summary).toMatch(/\| restart \| memory: 1024 → 2048 \| shop-a-web-1 \|/);

    const [issue] = driftIssues();
    expect(driftIssues('all')).toHaveLength(1);
    expect(issue.title).toBe(driftIssueTitle('shop-a'));
    expect(issue.labels).toEqual([DRIFT_LABEL]);
    expect(issue.user.type).toBe('Bot');
    expect(issue.body).toMatch(/^<!-- svcplan:drift shop-a -->\n### svcplan drift of shop-a/);
    expect(issue.body).toContain('memory: 1024 → 2048');
    expect(issue.body).toContain('runner `hv-01`');
    expect(api.state.findLabel(DRIFT_LABEL)).toMatchObject({ color: 'd93f0b' });
    expect(run.stdout).toMatch(new RegExp(`shop-a: drift issue #${issue.number} opened`));

    // The report the app reads, with when and where it was checked.
    const kept = await recordedDrift('shop-a');
    expect(kept).toMatchObject({
      checked_at: run.report!.checked_at,
      checked_by: { runner: 'hv-01', host: 'rack-7', run_url: 'https://github.com/acme/infra/actions/runs/4242' },
    });
    expect(kept!.services).toEqual(run.report!.services);
    expect(await recordedDrift('shop-b')).toBeUndefined();
    // Only hv-01's machines were observed.
    const observed = (await readFile(vagrantLog, 'utf8')).slice(logBefore);
    expect(observed).toMatch(/^ssh shop-a-web-1 -c echo "@svcplan-facts 1"/m);
    expect(observed).not.toMatch(/shop-b-web/);
  });

  test('the same drift again writes nothing to the issue; the state branch gets the new check time', async () => {
    const before = issueWrites();
    const stateBefore = (await recordedDrift('shop-a'))!.checked_at;
    const run = await drift('hv-01');
    expect(run.code).toBe(0);
    expect(run.outputs.drifted).toBe('true');
    expect(issueWrites()).toBe(before);
    expect(run.stdout).toMatch(/shop-a: drift issue #\d+ unchanged/);
    expect((await recordedDrift('shop-a'))!.checked_at > stateBefore).toBe(true);
  });

  test('a different drift edits the body of the same issue in place', async () => {
    const [issue] = driftIssues();
    await setMachine('shop-a-web-2', { apps: { shop: '9.9' } }); // an app installed by hand
    const patches = api.requestsTo('/repos/{owner}/{repo}/issues/{issue_number}', 'PATCH').length;
    const run = await drift('hv-01');
    expect(run.code).toBe(0);
    expect(api.requestsTo('/repos/{owner}/{repo}/issues/{issue_number}', 'PATCH')).toHaveLength(patches + 1);
    expect(api.requestsTo('/repos/{owner}/{repo}/issues', 'POST')).toHaveLength(1);
    expect(driftIssues('all').map((i) => i.number)).toEqual([issue.number]);
    expect(issue.body).toContain('memory: 1024 → 2048');
    expect(issue.body).toContain('| refresh | apps.shop: null → 9.9 | shop-a-web-2 |');
  });

  test('a service being applied, or one whose check failed, leaves its issue as it is; only a failed check fails the step', async () => {
    const [issue] = driftIssues();
    const body = issue.body;
    const before = issueWrites();
    await setMachine('shop-a-web-2', {}); // its drift goes; an apply holds the service meanwhile
    await writeLease('shop-a', {
      service: 'shop-a',
      owner: 'github-actions 99 hv-01 rack-9 pid 7',
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
      holder: { host: 'rack-9', pid: 7 },
    });
    const busy = await drift('hv-01');
    expect(busy.code).toBe(0);
    expect(busy.outputs.drifted).toBe('false');
    expect(busy.report!.services[0]).toMatchObject({ name: 'shop-a', status: 'being-applied' });
    await writeLease('shop-a', null);

    await writeFile(join(world, '.status-fails'), '');
    const failed = await drift('hv-01');
    await rm(join(world, '.status-fails'));
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/::error::svcplan drift: the check failed for shop-a: .*vagrant status/);
    expect(failed.report!.services[0]).toMatchObject({ name: 'shop-a', status: 'failed' });
    expect(failed.outputs.drifted).toBe('false');

    expect(issueWrites()).toBe(before);
    expect(issue).toMatchObject({ state: 'open', body });
  });

  test('a clean service closes its issue with a comment; a new drift later opens a new one, never two at once', async () => {
    const [issue] = driftIssues();
    await resetWorld();
    const clean = await drift('hv-01');
    expect(clean.code).toBe(0);
    expect(clean.outputs.drifted).toBe('false');
    expect(issue).toMatchObject({ state: 'closed', state_reason: 'completed' });
    const closing = api.state.commentsOn(issue.number);
    expect(closing).toHaveLength(1);
    expect(closing[0].body).toMatch(/^\*\*shop-a\*\* is as recorded again: 2 instances checked at .* on runner `hv-01`.*Closing this issue/);
    expect((await recordedDrift('shop-a'))!.services[0].status).toBe('clean');

    // Clean again: nothing to close, nothing written.
    const before = issueWrites();
    expect((await drift('hv-01')).code).toBe(0);
    expect(issueWrites()).toBe(before);

    await setMachine('shop-a-web-2', { state: 'shutoff' });
    const again = await drift('hv-01');
    expect(again.outputs.drifted).toBe('true');
    const open = driftIssues('open');
    expect(open).toHaveLength(1);
    expect(open[0].number).not.toBe(issue.number);
    expect(open[0].body).toContain('machine: running → stopped');
    expect(driftIssues('all')).toHaveLength(2);
    await resetWorld();
  });

  test('the report can be commented on an issue; dry-run checks but writes nothing', async () => {
    api.state.addIssue({ number: 50, title: 'is shop-a as applied?' });
    await setMachine('shop-a-web-1', { cpus: 4 });
    const open = driftIssues('open');
    const stateTip = (await new Git(origin).run(['rev-parse', 'svcplan-state'])).trim();
    const dry = await drift('hv-01', { issue: '50', 'dry-run': 'true' });
    expect(dry.code).toBe(0);
    expect(dry.outputs.drifted).toBe('true');
    expect(api.state.commentsOn(50)).toEqual([]);
    expect((await new Git(origin).run(['rev-parse', 'svcplan-state'])).trim()).toBe(stateTip);
    expect(driftIssues('open')).toEqual(open);

    const run = await drift('hv-01', { issue: '50' });
    expect(run.code).toBe(0);
    const [comment] = api.state.commentsOn(50);
    expect(comment.body).toMatch(/^### svcplan drift\n/);
    expect(comment.body).toContain('cpus: 1 → 4');
    expect(comment.body).not.toContain('<!-- svcplan:drift');
    await resetWorld();
    expect((await drift('hv-01')).outputs.drifted).toBe('false');
  });

  test('an unknown service, or a service on another runner, is refused before anything is observed', async () => {
    const log = (await readFile(vagrantLog, 'utf8')).length;
    const unknown = await drift('hv-01', { service: 'shop-z' });
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toMatch(/::error::svcplan: drift of shop-z: nothing is recorded for it; recorded services: shop-a, shop-b/);
    const elsewhere = await drift('hv-01', { service: 'shop-b' });
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stdout).toMatch(/::error::svcplan: drift of shop-b: this job runs for runner hv-01, but shop-b lives on runner hv-02/);
    expect((await readFile(vagrantLog, 'utf8')).length).toBe(log);
  });

  function player(): PlayOptions {
    return {
      workflow: workflowText,
      apiUrl: api.url,
      token: TOKEN,
      repository: `${OWNER}/${NAME}`,
      checkout: (sha, job) => checkout(`run-${job.replace(/\W+/g, '-')}`, sha),
      env: runnerEnv(),
    };
  }

  test('the shipped workflow on schedule: a hosted job lists the runners, then one drift job per runner on its own hypervisor', async () => {
    await setMachine('shop-b-web-2', { memory: 512 });
    const jobs = await playSchedule({ ...player(), sha: author.shas[0] });
    expect(jobs.map((j) => [j.name, j.runsOn, j.concurrency, j.result])).toEqual([
      ['runners', ['ubuntu-latest'], undefined, 'success'],
      ['drift (hv-01)', ['self-hosted', 'hv-01'], 'svcplan-drift-hv-01', 'success'],
      ['drift (hv-02)', ['self-hosted', 'hv-02'], 'svcplan-drift-hv-02', 'success'],
    ]);
    expect(jobs[0].svcplanInputs[0]).toMatchObject({ command: 'drift', 'list-runners': 'true', service: '', runner: '', state: 'git' });
    expect(JSON.parse(jobs[0].outputs.matrix)).toEqual({ runner: ['hv-01', 'hv-02'] });
    expect(jobs[0].outputs['has-services']).toBe('true');
    // The listing job only read the state branch: no machine was asked about.
    expect(jobs[0].runs[0].stdout).toMatch(/runners with recorded services: hv-01, hv-02/);
    for (const job of jobs.slice(1))
      expect(job.svcplanInputs[0]).toMatchObject({ command: 'drift', runner: job.matrix!.runner, service: '', issue: '', state: 'git' });
    expect(jobs.map((j) => j.runs[0].outputs.drifted)).toEqual([undefined, 'false', 'true']);

    const shopB = [...api.state.issues.values()].filter((i) => i.state === 'open' && (i.body ?? '').includes(driftIssueMarker('shop-b')));
    expect(shopB).toHaveLength(1);
    expect(shopB[0].body).toContain('memory: 1024 → 512');
    expect((await recordedDrift('shop-b'))!.checked_by).toMatchObject({ runner: 'hv-02' });
    expect((await recordedDrift('shop-a'))!.services[0].status).toBe('clean');
    await resetWorld();
  });

  test("the app's dispatch for one service starts one drift job, on that service's runner, which comments on the issue", async () => {
    api.state.addIssue({ number: 60, title: 'drift of shop-b?' });
    const octokit = new Octokit({ auth: TOKEN, baseUrl: api.url });
    await octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
      owner: OWNER,
      repo: NAME,
      workflow_id: DRIFT_WORKFLOW,
      ref: 'main',
      inputs: driftDispatchInputs({ service: 'shop-b', runner: 'hv-02', issue: 60 }),
    });
    const dispatch = api.state.dispatches[api.state.dispatches.length - 1];
    const jobs = await playDispatch({ ...player(), dispatch });
    expect(jobs.map((j) => [j.name, j.runsOn, j.result])).toEqual([
      ['runners', ['ubuntu-latest'], 'success'],
      ['drift (hv-02)', ['self-hosted', 'hv-02'], 'success'],
    ]);
    expect(jobs[1].svcplanInputs[0]).toMatchObject({ command: 'drift', runner: 'hv-02', service: 'shop-b', issue: '60' });
    // shop-b is as recorded again: its issue from the scheduled run is closed; the report is on #60.
    expect([...api.state.issues.values()].filter((i) => i.state === 'open' && (i.body ?? '').includes(driftIssueMarker('shop-b')))).toEqual([]);
    const [report] = api.state.commentsOn(60);
    expect(report.body).toMatch(/\*\*shop-b\*\* \(runner `hv-02`\): clean \(2 instances as recorded\)/);
    expect(report.body).not.toMatch(/shop-a/);
  });

  test("with a person's token the issue is theirs, not a bot's: the step says the next check could not find it", async () => {
    const personal = await startGitHubApi({ owner: OWNER, repo: NAME, repoDir: origin, token: 'ghp_person', actor: 'octo-admin' });
    try {
      await setMachine('shop-a-web-1', { memory: 4096 });
      const run = await runAction({
        inputs: { command: 'drift', 'github-token': 'ghp_person', runner: 'hv-01', state: 'git' },
        eventName: 'schedule',
        event: { schedule: '23 5 * * *' },
        apiUrl: personal.url,
        workspace: await checkout('drift-personal'),
        repository: `${OWNER}/${NAME}`,
        sha: author.shas[0],
        env: runnerEnv(),
      });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/::warning::drift issues are written as octo-admin, not by a bot, so the next check cannot tell them from anyone's/);
      expect(personal.violations).toEqual([]);
    } finally {
      await personal.close();
      await resetWorld();
    }
  });

  /** Writes (or with null, removes) a lease on the state branch, as another apply holding the service would. */
  async function writeLease(service: string, lease: object | null): Promise<void> {
    const dir = join(scratch, `lease-${randomUUID()}`);
    await new Git(scratch).run(['clone', '--quiet', '--branch', 'svcplan-state', origin, dir], { env: GIT_ENV });
    const git = new Git(dir);
    const file = join(dir, 'leases', `${service}.json`);
    if (lease) {
      await mkdir(join(dir, 'leases'), { recursive: true });
      await writeFile(file, JSON.stringify(lease, null, 2) + '\n');
      await git.run(['add', '-A'], { env: GIT_ENV });
    } else {
      await git.run(['rm', '--quiet', `leases/${service}.json`], { env: GIT_ENV });
    }
    const env = { ...GIT_ENV, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' };
    await git.run(['commit', '--quiet', '-m', `lease ${service}`], { env });
    await git.run(['push', '--quiet', 'origin', 'svcplan-state'], { env: GIT_ENV });
    await rm(dir, { recursive: true, force: true });
  }
});
