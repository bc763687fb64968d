// The svcplan CLI end to end, in-process through runCli, on real Git repositories in temp folders.
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadDesiredState, WorktreeReader } from '../../src/load/index.js';
import { specDigest } from '../../src/model/digest.js';
import type { PlanDocument, ServiceRecord, ServiceSpec } from '../../src/model/types.js';
import { instanceName } from '../../src/model/types.js';
import { PLAN_COMMENT_MARKER } from '../../src/render/index.js';
import { LocalStateStore } from '../../src/state/local.js';
import type { TempRepo } from '../support/git-repo.js';
import { createTempRepo } from '../support/git-repo.js';
import { edit, exampleRepo, makeRealisticChange, PROJECT_ROOT, svcplan } from './run-cli.js';

const repos: TempRepo[] = [];
async function newExampleRepo(): Promise<TempRepo> {
  const repo = await exampleRepo();
  repos.push(repo);
  return repo;
}
afterAll(async () => {
  await Promise.all(repos.map((r) => r.cleanup()));
});

function planJson(stdout: string): PlanDocument {
  return JSON.parse(stdout) as PlanDocument;
}

function actionsByInstance(doc: PlanDocument): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of doc.services) for (const t of s.tiers) for (const d of t.domains) for (const i of d.instances) out[i.name] = i.action;
  return out;
}

const REALISTIC_SUMMARY = { create: 1, refresh: 6, restart: 2, replace: 4, destroy: 0, none: 0 };

describe('help, version and usage errors', () => {
  it('lists every command with --help and exits 0', async () => {
    const r = await svcplan(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['validate', 'plan', 'status']) expect(r.stdout).toMatch(new RegExp(`^  ${name}\\s+\\S`, 'm'));
    expect(r.stderr).toBe('');
  });

  it.each(['validate', 'plan', 'status'])('explains %s with --help, wherever the flag is', async (name) => {
    for (const argv of [
      [name, '--help'],
      [name, '-h'],
      [name, '--format', 'nonsense', '--help'],
      ['help', name],
    ]) {
      const r = await svcplan(argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: svcplan ${name}`);
      expect(r.stdout).toContain('--repo DIR');
    }
  });

  it('prints the package version', async () => {
    const pkg = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await svcplan(['--version']);
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('shows the usage on stderr and exits 2 without a command', async () => {
    const r = await svcplan([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: svcplan <command>');
  });

  it.each([
    [['deploy'], /unknown command 'deploy'/],
    [['plna'], /did you mean 'plan'/],
    [['--frobnicate'], /unknown option --frobnicate/],
    [['plan', '--bogus'], /Unknown option '--bogus'/],
    [['plan', '--format', 'yaml'], /--format yaml: unknown format/],
    [['plan', '--base'], /--base/],
    [['validate', 'extra'], /unexpected argument 'extra'/],
    [['status', '--format', 'markdown'], /unknown format/],
  ])('rejects %j with exit 2 and one clear message', async (argv, message) => {
    const r = await svcplan(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('says which folder does not exist for --repo', async () => {
    const r = await svcplan(['validate', '--repo', '/nonexistent/svcplan-repo']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\/nonexistent\/svcplan-repo: no such directory/);
  });
});

describe('validate', () => {
  it('accepts the example templates repository', async () => {
    const repo = await newExampleRepo();
    const r = await svcplan(['validate'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('valid: 2 templates, 3 services, 12 instances\n');
  });

  it('reports a bad value at its file, line and column, prints nothing on stdout, exits 2', async () => {
    const repo = await newExampleRepo();
    await edit(repo, 'templates/web-shop.yaml', 'memory: 2048', 'memory: lots');
    const r = await svcplan(['validate', '--repo', repo.dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const text = await readFile(join(repo.dir, 'templates/web-shop.yaml'), 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('memory: lots')) + 1;
    expect(r.stderr).toMatch(new RegExp(`^templates/web-shop\\.yaml:${line}:\\d+: .*memory`, 'm'));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a service naming a missing template', async () => {
    const repo = await newExampleRepo();
    await edit(repo, 'services/jobs-prod.yaml', 'template: job-worker', 'template: job-wroker');
    const r = await svcplan(['validate', '--repo', repo.dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^services\/jobs-prod\.yaml:\d+:\d+: .*job-wroker/m);
  });

  it('validates a repository that has no commits yet', async () => {
    const repo = await createTempRepo();
    repos.push(repo);
    const r0 = await svcplan(['validate', '--repo', repo.dir]);
    expect(r0.code).toBe(0);
    expect(r0.stdout).toBe('valid: 0 templates, 0 services, 0 instances\n');
  });
});

describe('plan', () => {
  it('classifies the realistic change in the working tree: text, markdown and json agree', async () => {
    const repo = await newExampleRepo();
    await makeRealisticChange(repo);

    const json = await svcplan(['plan', '--format', 'json', '--base', 'HEAD', '--repo', repo.dir]);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const doc = planJson(json.stdout);
    expect(doc.format_version).toBe(1);
    expect(doc.summary).toEqual(REALISTIC_SUMMARY);
    const actions = actionsByInstance(doc);
    expect(actions).toMatchObject({
      'jobs-prod-queue-1': 'replace',
      'jobs-prod-worker-3': 'replace',
      'shop-prod-db-1': 'restart',
      'shop-prod-web-4': 'refresh',
      'shop-staging-web-2': 'refresh',
      'shop-staging-web-3': 'create',
    });
    const queue = doc.services.find((s) => s.name === 'jobs-prod')!.tiers.find((t) => t.name === 'queue')!.domains[0].instances[0];
    expect(queue.state).toBe('kept');
    expect(queue.reasons).toContainEqual({ path: 'image.version', from: '12.20240905.1', to: '12.20241201.1', action: 'replace' });
    expect(doc.head.commit).toBe(repo.shas[0]);
    expect(doc.plan_digest).toMatch(/^sha256:[0-9a-f]{64}$/);

    const text = await svcplan(['plan', '--base', 'HEAD', '--repo', repo.dir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/-\/\+.*jobs-prod-queue-1/);
    expect(text.stdout).toMatch(/\+.*shop-staging-web-3/);
    expect(text.stdout).toMatch(/~.*shop-prod-web-1/);
    expect(text.stdout).not.toMatch(/\u001b\[/);

    const md = await svcplan(['plan', '--format', 'markdown', '--base', 'HEAD', '--repo', repo.dir]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain(PLAN_COMMENT_MARKER);
    expect(md.stdout).toContain(doc.plan_digest);
    expect(md.stdout).toContain('<details');
  });

  it('writes the plan to --out, relative to where it was run', async () => {
    const repo = await newExampleRepo();
    await makeRealisticChange(repo);
    const r = await svcplan(['plan', '--format', 'json', '--base', 'HEAD', '--out', 'out/plan.json'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(join(repo.dir, 'out/plan.json'));
    expect(planJson(await readFile(join(repo.dir, 'out/plan.json'), 'utf8')).summary).toEqual(REALISTIC_SUMMARY);
  });

  it('plans committed revisions with --base and --head, ignoring the working tree', async () => {
    const repo = await newExampleRepo();
    await makeRealisticChange(repo);
    await repo.commit('bump shop, db memory, worker image, staging size');
    // An uncommitted change that --head must not see.
    await edit(repo, 'templates/web-shop.yaml', 'cpus: 2\n    memory: 2048', 'cpus: 4\n    memory: 2048');

    const committed = await svcplan(['plan', '--format', 'json', '--base', 'HEAD~1', '--head', 'HEAD', '--repo', repo.dir]);
    expect(committed.code).toBe(0);
    const doc = planJson(committed.stdout);
    expect(doc.summary).toEqual(REALISTIC_SUMMARY);
    expect(doc.head.commit).toBe(repo.shas[1]);

    // The working tree, with HEAD standing in: only the cpus change, and only the services it touches.
    const worktree = planJson((await svcplan(['plan', '--format', 'json', '--base', 'HEAD', '--repo', repo.dir])).stdout);
    expect(worktree.summary).toEqual({ create: 0, refresh: 0, restart: 7, replace: 0, destroy: 0, none: 2 });
    expect(actionsByInstance(worktree)['shop-prod-web-1']).toBe('restart');
  });

  it('without --base nothing stands in: the first plan creates every instance, as the first apply does', async () => {
    const repo = await newExampleRepo();
    await repo.runGit(['checkout', '--quiet', '-b', 'feature']);
    await makeRealisticChange(repo);
    await repo.commit('on a branch');
    const r = await svcplan(['plan', '--format', 'json', '--head', 'HEAD', '--repo', repo.dir]);
    expect(r.code).toBe(0);
    const doc = planJson(r.stdout);
    expect(doc.summary).toEqual({ create: 13, refresh: 0, restart: 0, replace: 0, destroy: 0, none: 0 });
    expect(doc.base).toEqual({ ref: 'STATE', commit: '' });
    expect(doc.head).toEqual({ ref: 'HEAD', commit: repo.shas[1] });
    expect(doc.warnings).toEqual([expect.stringContaining('svcplan import SERVICE')]);

    // --base is a what-if, and the plan says so for every service it stands in for.
    const whatIf = planJson((await svcplan(['plan', '--format', 'json', '--base', 'main', '--head', 'HEAD', '--repo', repo.dir])).stdout);
    expect(whatIf.summary).toEqual(REALISTIC_SUMMARY);
    expect(whatIf.base).toEqual({ ref: 'main', commit: repo.shas[0] });
    expect(whatIf.warnings).toContainEqual(
      expect.stringMatching(
        /^service shop-prod has nothing recorded: planned as if the base revision were deployed \(a what-if\); an apply creates its instances instead$/,
      ),
    );
  });

  it('creates everything when no commit exists to stand in', async () => {
    const repo = await createTempRepo();
    repos.push(repo);
    const { cp } = await import('node:fs/promises');
    await cp(join(PROJECT_ROOT, 'templates'), repo.dir, { recursive: true });
    const r = await svcplan(['plan', '--format', 'json', '--repo', repo.dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(planJson(r.stdout).summary).toEqual({ create: 12, refresh: 0, restart: 0, replace: 0, destroy: 0, none: 0 });
  });

  it('prefers the recorded state over the stand-in for a service that has one', async () => {
    const repo = await newExampleRepo();
    await makeRealisticChange(repo);
    // Record jobs-prod as already applied at the changed spec: nothing left to do for it.
    const desired = await loadDesiredState(new WorktreeReader(repo.dir, repo.shas[0]));
    const jobs = desired.services.find((s) => s.name === 'jobs-prod')!;
    await new LocalStateStore(repo.dir).writeService(recordOf(jobs, repo.shas[0]));

    const r = await svcplan(['plan', '--format', 'json', '--base', 'HEAD', '--repo', repo.dir]);
    expect(r.code).toBe(0);
    const doc = planJson(r.stdout);
    expect(doc.summary).toEqual({ ...REALISTIC_SUMMARY, replace: 0 });
    expect(actionsByInstance(doc)['jobs-prod-queue-1'] ?? 'none').toBe('none');
    // Recording state made .svcplan/ ignored by git: the templates repository stays clean.
    expect(await readFile(join(repo.dir, '.svcplan/.gitignore'), 'utf8')).toBe('*\n');
    expect(await repo.runGit(['status', '--porcelain', '--untracked-files=all', '--', '.svcplan'])).toBe('');
  });

  it('refuses a plan that shrinks a state disk: exit 2, located error on stderr, nothing on stdout', async () => {
    const repo = await newExampleRepo();
    await edit(repo, 'templates/web-shop.yaml', 'disk: 10', 'disk: 5');
    const r = await svcplan(['plan', '--base', 'HEAD', '--repo', repo.dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^templates\/web-shop\.yaml:\d+:\d+: .*(shrink|smaller|disk)/m);
    expect(r.stderr).toMatch(/nothing was changed/);

    // The json form still carries the errors, for the Action and the bot.
    const json = await svcplan(['plan', '--format', 'json', '--base', 'HEAD', '--repo', repo.dir]);
    expect(json.code).toBe(2);
    expect(planJson(json.stdout).errors[0]).toMatchObject({ file: 'templates/web-shop.yaml' });
  });

  it('reports an invalid file through plan the same way as validate', async () => {
    const repo = await newExampleRepo();
    await edit(repo, 'services/shop-prod.yaml', 'count: 4', 'count: four');
    const r = await svcplan(['plan', '--repo', repo.dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^services\/shop-prod\.yaml:\d+:\d+: /m);
  });

  it('names an unknown ref and exits 2', async () => {
    const repo = await newExampleRepo();
    for (const argv of [
      ['--base', 'no-such-branch'],
      ['--head', 'v9.9.9'],
      ['--base', '--head'],
    ]) {
      const r = await svcplan(['plan', ...argv, '--repo', repo.dir]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/svcplan: /);
    }
    const r = await svcplan(['plan', '--base', 'no-such-branch', '--repo', repo.dir]);
    expect(r.stderr).toContain('no-such-branch');
  });

  it('colours text only on a terminal without NO_COLOR', async () => {
    const repo = await newExampleRepo();
    await makeRealisticChange(repo);
    const tty = await svcplan(['plan', '--repo', repo.dir], { isTTY: true });
    expect(tty.stdout).toMatch(/\u001b\[/);
    const noColor = await svcplan(['plan', '--repo', repo.dir], { isTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toMatch(/\u001b\[/);
    expect(noColor.stdout.replace(/\s+/g, ' ')).toBe(tty.stdout.replace(/\u001b\[\d+m/g, '').replace(/\s+/g, ' '));
  });

  it('gives the same plan digest in two clones of one repository, and another after a change', async () => {
    const origin = await newExampleRepo();
    await makeRealisticChange(origin);
    await origin.commit('change');
    const clones: TempRepo[] = [];
    for (let i = 0; i < 2; i++) {
      const clone = await createTempRepo();
      repos.push(clone);
      await rm(clone.dir, { recursive: true, force: true });
      await origin.runGit(['clone', '--quiet', origin.dir, clone.dir]);
      clones.push(clone);
    }
    const digests = [];
    for (const clone of clones) {
      const r = await svcplan(['plan', '--format', 'json', '--base', 'HEAD~1', '--head', 'HEAD', '--repo', clone.dir]);
      expect(r.code).toBe(0);
      digests.push(planJson(r.stdout).plan_digest);
    }
    expect(digests[0]).toBe(digests[1]);

    await edit(clones[1], 'templates/job-worker.yaml', 'WORKER_CONCURRENCY: "4"', 'WORKER_CONCURRENCY: "8"');
    const changed = await svcplan(['plan', '--format', 'json', '--base', 'HEAD~1', '--repo', clones[1].dir]);
    expect(changed.code).toBe(0);
    expect(planJson(changed.stdout).plan_digest).not.toBe(digests[0]);
  });

  it('plans a templates repository kept in a sub-folder of a larger work tree', async () => {
    const repo = await createTempRepo();
    repos.push(repo);
    const { cp } = await import('node:fs/promises');
    await mkdir(join(repo.dir, 'infra'), { recursive: true });
    await cp(join(PROJECT_ROOT, 'templates'), join(repo.dir, 'infra'), { recursive: true });
    await writeFile(join(repo.dir, 'README.md'), 'monorepo\n');
    await repo.commit('infra');
    await edit(repo, 'infra/templates/job-worker.yaml', 'version: "12.20240905.1"', 'version: "12.20241201.1"');
    const r = await svcplan(['plan', '--format', 'json', '--base', 'HEAD', '--repo', 'infra'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(planJson(r.stdout).summary.replace).toBe(4);
  });
});

describe('status', () => {
  it('says when nothing is recorded', async () => {
    const repo = await newExampleRepo();
    const r = await svcplan(['status', '--repo', repo.dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/nothing recorded yet \(local state store\)/);
  });

  it('shows revision, instances with status, pin and retained disks of each service', async () => {
    const repo = await newExampleRepo();
    const desired = await loadDesiredState(new WorktreeReader(repo.dir, repo.shas[0]));
    const jobs = desired.services.find((s) => s.name === 'jobs-prod')!;
    const record = recordOf(jobs, repo.shas[0]);
    record.instances[1].status = 'failed';
    record.retainedDisks.push({ instance: 'jobs-prod-queue-2', sizeGiB: 5, retainedAt: '2024-12-01T10:00:00.000Z' });
    record.pin = { deployment: 1, desiredDigest: 'sha256:' + '0'.repeat(64), at: '2024-12-02T10:00:00.000Z' };
    await new LocalStateStore(repo.dir).writeService(record);

    const r = await svcplan(['status', '--repo', repo.dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`jobs-prod (template job-worker, release 1.4) at ${repo.shas[0].slice(0, 12)}`);
    expect(r.stdout).toMatch(/jobs-prod-queue-1\s+ready\s+debian\/bookworm64@12\.20240905\.1, 1 cpu, 1024 MiB, state disk 5 GiB/);
    expect(r.stdout).toMatch(/jobs-prod-worker-1\s+failed/);
    expect(r.stdout).toContain('pinned to deployment #1');
    expect(r.stdout).toContain('retained state disk of jobs-prod-queue-2: 5 GiB');

    const json = await svcplan(['status', 'jobs-prod', '--format', 'json', '--repo', repo.dir]);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { store: string; services: ServiceRecord[] };
    expect(parsed.store).toBe('local');
    expect(parsed.services.map((s) => s.name)).toEqual(['jobs-prod']);
    expect(parsed.services[0].instances).toHaveLength(4);

    const unknown = await svcplan(['status', 'nope', '--repo', repo.dir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/nothing is recorded for nope/);
  });
});

/** A record saying the service was applied at `commit` and every instance is ready. */
function recordOf(spec: ServiceSpec, commit: string): ServiceRecord {
  const at = '2024-12-01T09:00:00.000Z';
  const instances = spec.tiers.flatMap((tier) =>
    Array.from({ length: tier.count }, (_, i) => ({
      name: instanceName(spec.name, tier.name, i + 1),
      tier: tier.name,
      index: i + 1,
      spec: tier.instance,
      status: 'ready' as const,
      updatedAt: at,
    })),
  );
  return {
    name: spec.name,
    template: spec.template,
    revision: { commit, ref: 'main', release: spec.release, specDigest: specDigest(spec) },
    spec,
    instances,
    retainedDisks: [],
    history: [
      {
        id: 1,
        kind: 'apply',
        revision: { commit, ref: 'main', release: spec.release },
        planDigest: 'sha256:' + '2'.repeat(64),
        startedAt: at,
        finishedAt: at,
        result: 'succeeded',
        spec,
      },
    ],
  };
}
