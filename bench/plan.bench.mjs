#!/usr/bin/env node
// How long `svcplan plan` takes on a large repository, as a user runs it: a whole process, from
// node starting to the JSON being written. 1,000 services x 10 instances on 50 templates, one OS
// image bumped in all 50 templates, so every one of the 10,000 instances is replaced.
//
//   npm run bench -- plan            (or: node bench/plan.bench.mjs after npm run build)
//   SVCPLAN_BENCH_RUNS=9 SVCPLAN_BENCH_KEEP=1 node bench/plan.bench.mjs
//   SVCPLAN_BENCH_BASELINE=/path/to/other/dist/cli.js node bench/plan.bench.mjs
//     also times another build of the CLI (an older commit's dist/cli.js), run by run in turn with
//     this one on the same repository, and checks that both write the same plan.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cli = join(root, 'dist/cli.js');
const RUNS = Number(process.env.SVCPLAN_BENCH_RUNS ?? 7);
const BASELINE = process.env.SVCPLAN_BENCH_BASELINE;
const TEMPLATES = 50;
const SERVICES = 1000;
const TARGET = { wallMs: 1000, floorRatio: 5, rssMiB: 300 };

if (!existsSync(cli)) {
  console.error('plan.bench: dist/cli.js is missing; run npm run build first');
  process.exit(1);
}

const repo = mkdtempSync(join(tmpdir(), 'svcplan-bench-plan-'));
const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@svcplan.invalid',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@svcplan.invalid',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};
const git = (...args) => {
  const r = spawnSync('git', args, { cwd: repo, env: gitEnv, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
const write = (path, text) => {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
};

function template(t, imageVersion) {
  return `apiVersion: svcplan/v1
kind: ServiceTemplate
name: app-${t}
release: "1.${t}"
images:
  debian12: { box: debian/bookworm64, version: "${imageVersion}" }
tiers:
  db:
    image: debian12
    cpus: 2
    memory: 4096
    count: 2
    scale: { min: 1, max: 4 }
    features: [postgresql]
    apps:
      postgres: { version: "15.${t % 10}", install: apps/postgres/install.sh }
    settings: { PG_MAX_CONNECTIONS: "${100 + t}" }
    state: { disk: 40, save: apps/postgres/save-state.sh, restore: apps/postgres/restore-state.sh, onScaleIn: retain }
    health: { command: "pg_isready -q", timeout: 180, minReady: 10 }
    rollout: { upgradeDomains: 1, maxParallel: 1, pauseBetweenDomains: 0, order: 1, maxDisruption: replace }
  web:
    image: debian12
    cpus: 2
    memory: 2048
    count: 8
    scale: { min: 2, max: 20 }
    features: [nginx]
    apps:
      app${t}: { version: "3.${t}.0", install: apps/web/install.sh }
    settings: { MODE: production, TEMPLATE: "app-${t}" }
    state: { disk: 10, onScaleIn: retain }
    health: { command: "systemctl is-active --quiet app${t}", timeout: 120, minReady: 5 }
    rollout: { upgradeDomains: 4, maxParallel: 2, pauseBetweenDomains: 0, order: 2, maxDisruption: replace }
`;
}

function service(s) {
  const t = s % TEMPLATES;
  return `apiVersion: svcplan/v1
kind: Service
name: svc-${String(s).padStart(4, '0')}
template: app-${t}
target: { driver: vagrant, provider: libvirt, runner: hv-${String(s % 20).padStart(2, '0')} }
tiers:
  web: { settings: { MODE: "production-${s % 7}" } }
`;
}

function generate() {
  git('init', '--quiet', '-b', 'main');
  write('svcplan.yaml', 'apiVersion: svcplan/v1\nkind: Config\n');
  for (const script of ['postgres/install.sh', 'postgres/save-state.sh', 'postgres/restore-state.sh', 'web/install.sh']) {
    write(`apps/${script}`, '#!/bin/sh\nset -eu\n');
  }
  for (let t = 0; t < TEMPLATES; t++) write(`templates/app-${t}.yaml`, template(t, '12.20240905.1'));
  for (let s = 0; s < SERVICES; s++) write(`services/svc-${String(s).padStart(4, '0')}.yaml`, service(s));
  git('add', '--all');
  git('commit', '--quiet', '-m', 'initial');
  for (let t = 0; t < TEMPLATES; t++) write(`templates/app-${t}.yaml`, template(t, '12.20241201.1'));
  git('commit', '--quiet', '--all', '-m', 'debian12 12.20241201.1 in every template');
}

const hasGnuTime = spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' }).status === 0;

/** Wall time (ms), CPU time (user + sys, ms) and peak RSS (MiB) of one process, stdout discarded. */
function measure(cmd, args) {
  const full = hasGnuTime ? ['/usr/bin/time', ['-v', cmd, ...args]] : [cmd, args];
  const start = process.hrtime.bigint();
  const r = spawnSync(full[0], full[1], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr);
  return { wallMs, cpuMs: user && sys ? (Number(user[1]) + Number(sys[1])) * 1000 : NaN, rssMiB: rss ? Number(rss[1]) / 1024 : NaN };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Median, min and max of one figure over the runs. */
const spread = (runs, key) => ({
  median: median(runs.map((r) => r[key])),
  min: Math.min(...runs.map((r) => r[key])),
  max: Math.max(...runs.map((r) => r[key])),
});

try {
  const t0 = Date.now();
  generate();
  console.log(`repository: ${SERVICES} services x 10 instances on ${TEMPLATES} templates, generated in ${Date.now() - t0} ms (${repo})`);

  // Check once that the plan is the one we mean to time: every instance replaced.
  const check = spawnSync(process.execPath, [cli, 'plan', '--format', 'json', '--base', 'HEAD~1', '--repo', repo], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (check.status !== 0) throw new Error(`svcplan plan exited ${check.status}: ${check.stderr.slice(0, 2000)}`);
  const plan = JSON.parse(check.stdout);
  if (plan.summary.replace !== SERVICES * 10) throw new Error(`expected ${SERVICES * 10} replacements, the plan says ${JSON.stringify(plan.summary)}`);

  const planArgs = [cli, 'plan', '--format', 'json', '--base', 'HEAD~1', '--repo', repo];
  const baselineArgs = BASELINE ? [BASELINE, ...planArgs.slice(1)] : undefined;
  if (baselineArgs) {
    const other = spawnSync(process.execPath, baselineArgs, { encoding: 'utf8', maxBuffer: 256 << 20 });
    if (other.status !== 0) throw new Error(`baseline ${BASELINE} exited ${other.status}: ${other.stderr.slice(0, 2000)}`);
    if (other.stdout !== check.stdout) throw new Error(`baseline ${BASELINE} writes another plan than ${cli}`);
  }
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  const loadBefore = load();
  const runs = [];
  const baselines = [];
  const floors = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(measure(process.execPath, planArgs));
    if (baselineArgs) baselines.push(measure(process.execPath, baselineArgs));
    const node = measure(process.execPath, ['-e', '0']);
    const diff = measure('git', ['diff', '--stat', 'HEAD~1']);
    floors.push({ wallMs: node.wallMs + diff.wallMs, cpuMs: node.cpuMs + diff.cpuMs, rssMiB: Math.max(node.rssMiB, diff.rssMiB) });
  }
  const plan50 = { wallMs: median(runs.map((r) => r.wallMs)), rssMiB: median(runs.map((r) => r.rssMiB)) };
  const floor50 = { wallMs: median(floors.map((r) => r.wallMs)), rssMiB: median(floors.map((r) => r.rssMiB)) };
  const ratio = plan50.wallMs / floor50.wallMs;
  const peakRss = Math.max(...runs.map((r) => r.rssMiB));

  const ms = (v) => (Number.isNaN(v) ? 'n/a' : v.toFixed(0));
  const figures = (m) => `${ms(m.median)} (${ms(m.min)}–${ms(m.max)})`;
  const row = (name, rs, extra = '') =>
    `| ${name.padEnd(46)} | ${figures(spread(rs, 'wallMs')).padStart(17)} | ${figures(spread(rs, 'cpuMs')).padStart(17)} | ${figures(spread(rs, 'rssMiB')).padStart(13)} | ${extra}`;
  console.log(
    `\nmedian (min–max) of ${RUNS} runs; ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}`,
  );
  console.log(`load average before: ${loadBefore}; after: ${load()}`);
  console.log('| process                                        | wall ms           | CPU ms            | RSS MiB       |');
  console.log('|------------------------------------------------|-------------------|-------------------|---------------|');
  console.log(row('svcplan plan --format json --base HEAD~1', runs, `${ratio.toFixed(1)}x floor, peak RSS ${peakRss.toFixed(0)} MiB`));
  if (baselineArgs) {
    const pairs = baselines.map((b, i) => runs[i].wallMs / b.wallMs);
    console.log(
      row(
        `baseline ${BASELINE.length > 37 ? '…' + BASELINE.slice(-36) : BASELINE}`,
        baselines,
        `${(median(baselines.map((r) => r.wallMs)) / floor50.wallMs).toFixed(1)}x floor; this/baseline wall, run by run: median ${median(pairs).toFixed(2)}`,
      ),
    );
  }
  console.log(row('floor: node -e 0 + git diff --stat HEAD~1', floors));
  const plan_bytes = check.stdout.length;
  console.log(`plan JSON: ${(plan_bytes / 2 ** 20).toFixed(1)} MiB, ${plan.services.length} services, summary ${JSON.stringify(plan.summary)}`);

  const misses = [];
  if (plan50.wallMs >= TARGET.wallMs) misses.push(`wall ${plan50.wallMs.toFixed(0)} ms >= ${TARGET.wallMs} ms`);
  if (ratio > TARGET.floorRatio) misses.push(`${ratio.toFixed(1)}x floor > ${TARGET.floorRatio}x`);
  if (peakRss >= TARGET.rssMiB) misses.push(`peak RSS ${peakRss.toFixed(0)} MiB >= ${TARGET.rssMiB} MiB`);
  if (misses.length) {
    console.log(`\nMISSED target (< ${TARGET.wallMs} ms, <= ${TARGET.floorRatio}x floor, < ${TARGET.rssMiB} MiB): ${misses.join('; ')}`);
    console.log(`profile: node --cpu-prof --cpu-prof-dir=/tmp/prof ${planArgs.join(' ')} > /dev/null`);
    process.exitCode = 1;
  } else {
    console.log(`\nmet target: < ${TARGET.wallMs} ms, <= ${TARGET.floorRatio}x floor, < ${TARGET.rssMiB} MiB`);
  }
} finally {
  if (process.env.SVCPLAN_BENCH_KEEP) console.log(`kept ${repo}`);
  else rmSync(repo, { recursive: true, force: true });
}
