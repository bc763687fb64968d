#!/usr/bin/env node
// `svcplan drift` at scale: 200 recorded instances (20 services × 10), observed by the real CLI
// (`node dist/cli.js drift --format json`) against stand-ins for every program drift runs
// (bench/drift-standin.sh on PATH as `vagrant`, `virsh` and `ssh`: each call logged, answered as
// for a running machine that is as recorded, then a fixed SLEEP; `git`, which the CLI runs once
// to find the repository, is the real one behind a logging shim). The recorded state is what an
// apply leaves: the service records (written by the real engine and state store), the
// Vagrantfiles, each machine's provider id, index_uuid and key, Vagrant's machine index, and the
// SSH settings the apply's health probes kept.
//
// Parallelism as configured in the drift code (read from the sources below, so a change there
// shows here): services checked at once (checkDrift's `concurrency`, default 4) and, within a
// service, machines observed at once (the driver's inspect, 8).
//
// Ideal: the calls' fixed durations scheduled with that parallelism. A service is a chain of its
// service-wide calls (the state query), then its machines in waves of 8, each machine a chain of
// its own calls: (serviceCalls + ceil(10 / 8) × callsPerMachine) × SLEEP per service, services in
// rounds of 4: ceil(20 / 4) rounds. The call counts are taken from the stand-ins' log of each run.
// Targets: wall ≤ 1.2 × ideal (median of SVCPLAN_BENCH_RUNS runs, default 5), and at most two
// external processes per instance (every process svcplan spawned, from the stand-ins' log).
//
// Also reported, not held to a target: the first drift on a host where nothing is kept yet (no
// SSH settings: Vagrant is asked once per machine, and the answer kept for the next run).
//
// Real VMs: `node bench/drift.bench.mjs --vm` (or SVCPLAN_BENCH_DRIFT_VM=1 npm run bench -- drift)
// measures drift per instance on 2 real VMs next to one `vagrant ssh NAME -c true`; see vmMode().
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importSources } from './sources.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
/** SVCPLAN_BENCH_CLI: another CLI to measure (say, an older dist/cli.js). */
const CLI = process.env.SVCPLAN_BENCH_CLI ? resolve(process.env.SVCPLAN_BENCH_CLI) : join(root, 'dist/cli.js');
const SLEEP = Number(process.env.SVCPLAN_BENCH_SLEEP ?? '0.5');
const SERVICES = 20;
const PER_SERVICE = 10;
const INSTANCES = SERVICES * PER_SERVICE;
const TARGET = 1.2;
const MAX_PROCESSES_PER_INSTANCE = 2;
const RUNS = Number(process.env.SVCPLAN_BENCH_RUNS ?? '5');

if (process.argv.includes('--vm') || process.env.SVCPLAN_BENCH_DRIFT_VM === '1') {
  const { vmMode } = await import('./drift-vm.mjs');
  process.exit(await vmMode({ root, cli: CLI }));
}

const { serviceConcurrency, machineConcurrency } = configuredParallelism();
const work = mkdtempSync(join(tmpdir(), 'svcplan-drift-bench-'));
let failed = false;
try {
  const engine = await bundleEngine(work);
  const repo = join(work, 'repo');
  const bin = join(work, 'bin');
  const factsDir = join(work, 'facts');
  const home = join(work, 'vagrant.d');
  await setUp(engine, { repo, bin, factsDir, home });
  const env = {
    ...process.env,
    PATH: `${bin}:${process.env.PATH}`,
    VAGRANT_HOME: home,
    LIBVIRT_DEFAULT_URI: 'qemu:///system',
    DRIFT_STANDIN_FACTS: factsDir,
    DRIFT_STANDIN_SLEEP: String(SLEEP),
    NO_COLOR: '1',
  };
  console.log(`drift bench: CLI ${CLI}`);
  console.log(
    `drift bench: ${SERVICES} services × ${PER_SERVICE} instances, ${SLEEP} s per call; parallelism ${serviceConcurrency} services × ${machineConcurrency} machines; ${execFileSync('nproc').toString().trim()} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );

  // The first drift on this host: nothing kept yet but what Vagrant wrote.
  const first = await runDrift(env, join(work, 'first.log'));
  console.log(`first drift (nothing kept): wall ${first.wall} s, ${first.processes} processes (${first.perInstance} per instance): ${first.byKind}`);

  const runs = [];
  for (let run = 1; run <= RUNS; run++) {
    const r = await runDrift(env, join(work, `run-${run}.log`));
    runs.push(r);
    console.log(
      `run ${run}: wall ${r.wall} s, ideal ${r.ideal} s, ${r.ratio}×, ${r.processes} processes (${r.perInstance} per instance: ${r.byKind}), load ${r.load}`,
    );
  }
  const ratios = runs.map((r) => r.ratio).sort((a, b) => a - b);
  const walls = runs.map((r) => r.wall).sort((a, b) => a - b);
  const medianRatio = ratios[Math.floor(ratios.length / 2)];
  const perInstance = Math.max(...runs.map((r) => r.perInstance));
  const summary = {
    instances: INSTANCES,
    services: SERVICES,
    sleepPerCall: SLEEP,
    parallelism: { services: serviceConcurrency, machinesPerService: machineConcurrency },
    runs: RUNS,
    idealSeconds: runs[0].ideal,
    idealHow: runs[0].idealHow,
    wallSeconds: { median: walls[Math.floor(walls.length / 2)], min: walls[0], max: walls[walls.length - 1] },
    ratios,
    medianRatio,
    processesPerInstance: perInstance,
    processes: runs[0].byKind,
    firstDrift: { wallSeconds: first.wall, processesPerInstance: first.perInstance, processes: first.byKind },
    loadAverageAtEnd: loadavg().map((l) => round(l)),
    node: process.version,
    cpus: execFileSync('nproc').toString().trim(),
  };
  console.log(JSON.stringify(summary, null, 2));
  if (medianRatio > TARGET) {
    console.error(`drift bench: median ${medianRatio}× the ideal schedule over ${RUNS} runs (target ≤ ${TARGET}×)`);
    failed = true;
  }
  if (perInstance > MAX_PROCESSES_PER_INSTANCE) {
    console.error(`drift bench: ${perInstance} external processes per instance (target ≤ ${MAX_PROCESSES_PER_INSTANCE})`);
    failed = true;
  }
  if (!failed)
    console.log(
      `drift bench: median ${medianRatio}× the ideal schedule (target ≤ ${TARGET}×), ${perInstance} processes per instance (target ≤ ${MAX_PROCESSES_PER_INSTANCE}): ok`,
    );
} finally {
  if (process.env.SVCPLAN_BENCH_KEEP) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

// ---------------------------------------------------------------------------------------------

/** The parallelism drift is configured with, read from its sources. */
function configuredParallelism() {
  const check = readFileSync(join(root, 'src/drift/check.ts'), 'utf8');
  const driver = readFileSync(join(root, 'src/apply/drivers/vagrant/driver.ts'), 'utf8');
  const services = /opts\.concurrency \?\? (\d+)/.exec(check)?.[1];
  const inspect = driver.slice(driver.indexOf('async inspect('));
  const machines = /mapBounded\(instances, (\d+)|INSPECT_CONCURRENCY = (\d+)/.exec(inspect) ?? /INSPECT_CONCURRENCY = (\d+)/.exec(driver);
  const m = machines ? Number(machines[1] ?? machines[2]) : NaN;
  if (!services || !Number.isInteger(m)) throw new Error("drift bench: cannot find the configured parallelism in src/drift/check.ts and the driver's inspect");
  return { serviceConcurrency: Number(services), machineConcurrency: m };
}

function bundleEngine(dir) {
  return importSources(dir, {
    'src/apply/executor.ts': ['applyPlan'],
    'src/state/index.ts': ['LocalStateStore'],
    'src/plan/index.ts': ['buildPlan'],
    'src/apply/drivers/vagrant/inspect.ts': ['guestFactsScript', 'expectedSettingsDigest'],
  });
}

function serviceName(s) {
  return `svc-${String(s).padStart(2, '0')}`;
}

function uuid(s, i) {
  return `0b5f4c1e-2d3a-4b5c-8d7e-${String(s).padStart(6, '0')}${String(i).padStart(6, '0')}`;
}

/** The world an apply of 20 services leaves, and the stand-ins on PATH. */
async function setUp(engine, { repo, bin, factsDir, home }) {
  const { applyPlan, LocalStateStore, buildPlan, expectedSettingsDigest } = engine;
  mkdirSync(join(repo, 'templates'), { recursive: true });
  mkdirSync(join(repo, 'services'), { recursive: true });
  mkdirSync(bin);
  mkdirSync(factsDir);
  for (const program of ['vagrant', 'virsh', 'ssh']) {
    copyFileSync(join(root, 'bench/drift-standin.sh'), join(bin, program));
    chmodSync(join(bin, program), 0o755);
  }
  // git is real (the CLI asks it where the repository is): logged too, so every process counts.
  const git = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  writeFileSync(join(bin, 'git'), `#!/bin/sh\nprintf 'git %s %s\\n' "$$" "$*" >> "\${DRIFT_STANDIN_LOG:-/dev/null}"\nexec '${git}' "$@"\n`, { mode: 0o755 });
  const instance = {
    image: { box: 'svcplan/debian-12', version: '12.7.1' },
    cpus: 1,
    memory: 512,
    features: ['base'],
    apps: { hello: { version: '1.4.2' } },
    settings: { GREETING: 'hello' },
    state: { disk: 5, onScaleIn: 'retain' },
    target: { provider: 'libvirt', options: {} },
  };
  const specs = [];
  for (let s = 1; s <= SERVICES; s++) {
    specs.push({
      name: serviceName(s),
      template: 'bench',
      release: '1',
      target: { driver: 'vagrant', provider: 'libvirt', options: {} },
      tiers: [
        {
          name: 'web',
          count: PER_SERVICE,
          scale: { min: 1, max: PER_SERVICE },
          health: { timeout: 60, minReady: 0 },
          rollout: { upgradeDomains: 1, maxParallel: PER_SERVICE, pauseBetweenDomains: 0, order: 1, maxDisruption: 'replace', autoRollback: false },
          instance,
        },
      ],
      files: { template: 'templates/bench.yaml', service: `services/${serviceName(s)}.yaml` },
    });
  }
  // The records, as the engine and the local store write them (with a driver that does nothing).
  const plan = buildPlan({
    desired: { revision: { ref: 'bench', commit: '' }, templates: [], services: specs, locator: { locate: () => ({ line: 1, column: 1 }) } },
    recorded: {},
    base: { ref: 'STATE', commit: '' },
  });
  const store = new LocalStateStore(repo);
  const report = await applyPlan({ plan, store, driver: doNothingDriver(), owner: 'bench', revision: { commit: '', ref: 'bench' } });
  if (!report.ok) throw new Error(`drift bench: recording the state failed: ${JSON.stringify(report.services.map((s) => s.error))}`);

  // What Vagrant wrote for each machine, and what the guests print.
  const index = { version: 1, machines: {} };
  for (const spec of specs) {
    const dir = join(repo, '.svcplan', 'vagrant', spec.name);
    const digest = expectedSettingsDigest(instance, spec.name);
    writeFileSync(
      join(factsDir, spec.name),
      ['@svcplan-facts 1', '@features', 'base', `@settings ${digest}`, '@app hello 1.4.2', '@disk yes', '@end', ''].join('\n'),
    );
    for (let i = 1; i <= PER_SERVICE; i++) {
      const name = `${spec.name}-web-${i}`;
      const data = join(dir, '.vagrant', 'machines', name, 'libvirt');
      mkdirSync(data, { recursive: true });
      const id = uuid(Number(spec.name.slice(4)), i);
      const indexUuid = id.replace(/-/g, '');
      writeFileSync(join(data, 'id'), id);
      writeFileSync(join(data, 'index_uuid'), indexUuid);
      writeFileSync(join(data, 'private_key'), `key of ${id}\n`, { mode: 0o600 });
      index.machines[indexUuid] = {
        name,
        provider: 'libvirt',
        state: 'running',
        vagrantfile_path: dir,
        extra_data: { box: { name: instance.image.box, provider: 'libvirt', version: instance.image.version } },
      };
    }
  }
  mkdirSync(join(home, 'data', 'machine-index'), { recursive: true });
  writeFileSync(join(home, 'data', 'machine-index', 'index'), JSON.stringify(index));
}

function doNothingDriver() {
  const none = async () => {};
  return {
    layout: none,
    settle: none,
    observe: async () => ({}),
    outcome: async () => 'not-started',
    forgetCalls: none,
    prepareBoxes: none,
    up: none,
    provision: none,
    reload: none,
    halt: none,
    destroy: none,
    growStateDisk: none,
    deleteStateDisk: none,
    waitForSsh: async () => true,
    inspect: async () => ({}),
    health: async () => true,
  };
}

/** One `svcplan drift`: wall time, its report, and the processes it spawned by the stand-ins' log. */
function runDrift(env, log) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, 'drift', '--format', 'json', '--repo', join(dirname(log), 'repo')], {
      env: { ...env, DRIFT_STANDIN_LOG: log },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => {
      const wall = (performance.now() - started) / 1000;
      if (code !== 0)
        return reject(new Error(`svcplan drift exited ${code} (0: nothing drifted, as the stand-ins answer):\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
      const report = JSON.parse(stdout);
      if (report.summary.instances !== INSTANCES || report.summary.drifted_instances !== 0 || report.errors.length !== 0) {
        return reject(new Error(`drift bench: unexpected report ${JSON.stringify(report.summary)} ${JSON.stringify(report.errors.slice(0, 3))}`));
      }
      const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [];
      resolve({ wall: round(wall), load: round(loadavg()[0]), ...countCalls(calls, wall) });
    });
  });
}

/**
 * The calls by kind, which of them name a machine, and the ideal schedule they allow: per
 * service, its service-wide calls one after the other, then its machines in waves, each machine
 * its calls one after the other; services in rounds.
 */
function countCalls(calls, wall) {
  const kinds = new Map();
  let perService = 0;
  let perMachine = 0;
  const machines = new Map();
  for (const line of calls) {
    const [program, , ...args] = line.split(' ');
    const text = args.join(' ');
    if (program === 'git') {
      // Once per run, and no stand-in: not part of the schedule.
      kinds.set('git', (kinds.get('git') ?? 0) + 1);
      continue;
    }
    const kind =
      program === 'virsh'
        ? /domstate/.test(text)
          ? `virsh ${/dominfo/.test(text) ? 'domstate+dominfo' : 'domstate'} (one per service)`
          : `virsh ${args[2]}`
        : program === 'vagrant'
          ? `vagrant ${args[0]}`
          : program;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    const machine = /svc-\d+-web-\d+/.exec(text)?.[0] ?? (program === 'virsh' && args[2] === 'dominfo' ? args[3] : undefined);
    if (machine && !/domstate/.test(text)) {
      machines.set(machine, (machines.get(machine) ?? 0) + 1);
      perMachine++;
    } else {
      perService++;
    }
  }
  const callsPerService = perService / SERVICES;
  const callsPerMachine = perMachine / INSTANCES;
  const serviceUnits = callsPerService + Math.ceil(PER_SERVICE / machineConcurrency) * callsPerMachine;
  const rounds = Math.ceil(SERVICES / serviceConcurrency);
  const ideal = rounds * serviceUnits * SLEEP;
  return {
    processes: calls.length,
    perInstance: round(calls.length / INSTANCES),
    byKind: [...kinds].map(([k, n]) => `${n} ${k}`).join(', '),
    ideal: round(ideal),
    idealHow: `${rounds} rounds of ${serviceConcurrency} services × (${round(callsPerService)} service call(s) + ${Math.ceil(PER_SERVICE / machineConcurrency)} waves of ${machineConcurrency} machines × ${round(callsPerMachine)} call(s)) × ${SLEEP} s`,
    ratio: round(wall / ideal),
  };
}

function round(x, digits = 2) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
