#!/usr/bin/env node
// The apply scheduler at scale: 200 instances in 4 upgrade domains, maxParallel 10, run through
// the real VagrantDriver against a stand-in `vagrant` (bench/vagrant-standin.sh on PATH: plain sh
// that logs the call and ends in `exec sleep`, so every call takes a fixed time and little CPU)
// with the real local state store (a write before and after every step). Compares the wall time
// with the ideal schedule and reports CPU per instance, and the process's memory (every vagrant
// call forks it, and a fork costs more the more memory it holds).
//
// Ideal: per domain, ceil(50 / 10) = 5 waves of `vagrant up` plus one wave of health probes
// (`vagrant ssh -c`), each one call long: 4 × 6 × SLEEP. Target: wall ≤ 1.10 × ideal.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importSources } from './sources.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const SLEEP = Number(process.env.SVCPLAN_BENCH_SLEEP ?? '0.5');
const INSTANCES = 200;
const DOMAINS = 4;
const MAX_PARALLEL = 10;
const TARGET = 1.1;
/** The target holds for the median of several runs (SVCPLAN_BENCH_RUNS, default 5). */
const RUNS = Number(process.env.SVCPLAN_BENCH_RUNS ?? '5');

const work = mkdtempSync(join(tmpdir(), 'svcplan-schedule-bench-'));
try {
  // The executor, driver and store as one module, straight from the sources.
  const { applyPlan, VagrantDriver, LocalStateStore, buildPlan } = await importSources(work, {
    'src/apply/executor.ts': ['applyPlan'],
    'src/apply/drivers/vagrant/index.ts': ['VagrantDriver'],
    'src/state/index.ts': ['LocalStateStore'],
    'src/plan/index.ts': ['buildPlan'],
  });

  const bin = join(work, 'bin');
  mkdirSync(bin);
  copyFileSync(join(root, 'bench/vagrant-standin.sh'), join(bin, 'vagrant'));
  chmodSync(join(bin, 'vagrant'), 0o755);
  process.env.PATH = `${bin}:${process.env.PATH}`;
  process.env.VAGRANT_STANDIN_SLEEP = String(SLEEP);
  // The box is on this "host": the run's box check finds it in VAGRANT_HOME without a call.
  process.env.VAGRANT_HOME = join(work, 'vagrant.d');
  const boxDir = join(process.env.VAGRANT_HOME, 'boxes', 'svcplan-VAGRANTSLASH-debian-12', '12.7.1', 'libvirt');
  mkdirSync(boxDir, { recursive: true });
  writeFileSync(join(boxDir, 'metadata.json'), '{"provider":"libvirt"}\n');
  process.env.VAGRANT_STANDIN_LOG = join(work, 'vagrant.log');

  const runs = [];
  for (let run = 1; run <= RUNS; run++) {
    const result = await runOnce(run);
    runs.push(result);
    console.log(
      `run ${run}: wall ${result.wallSeconds} s, ideal ${result.idealSeconds} s, ${result.ratio}×, svcplan CPU ${result.svcplanCpuMsPerInstance} ms/instance`,
    );
  }
  const ratios = runs.map((r) => r.ratio).sort((a, b) => a - b);
  const median = ratios[Math.floor(ratios.length / 2)];
  console.log(JSON.stringify({ ...runs[Math.floor(runs.length / 2)], runs: RUNS, ratios, medianRatio: median }, null, 2));
  if (median > TARGET) {
    console.error(`schedule bench: median ${median}× the ideal schedule over ${RUNS} runs (target ≤ ${TARGET}×)`);
    process.exitCode = 1;
  } else {
    console.log(`schedule bench: median ${median}× the ideal schedule over ${RUNS} runs (target ≤ ${TARGET}×): ok`);
  }

  async function runOnce(run) {
    const repo = join(work, `repo-${run}`);
    mkdirSync(repo);
    process.env.VAGRANT_STANDIN_LOG = join(work, `vagrant-${run}.log`);
    const instance = {
      image: { box: 'svcplan/debian-12', version: '12.7.1' },
      cpus: 1,
      memory: 512,
      features: [],
      apps: {},
      settings: {},
      state: { disk: 5, onScaleIn: 'retain' },
      target: { provider: 'libvirt', options: {} },
    };
    const spec = {
      name: 'fleet',
      template: 'bench',
      release: '1',
      target: { driver: 'vagrant', provider: 'libvirt', options: {} },
      tiers: [
        {
          name: 'web',
          count: INSTANCES,
          scale: { min: 1, max: INSTANCES },
          health: { timeout: 60, minReady: 0 },
          rollout: { upgradeDomains: DOMAINS, maxParallel: MAX_PARALLEL, pauseBetweenDomains: 0, order: 1, maxDisruption: 'replace', autoRollback: false },
          instance,
        },
      ],
      files: { template: 'templates/bench.yaml', service: 'services/fleet.yaml' },
    };
    const plan = buildPlan({
      desired: { revision: { ref: 'bench', commit: '' }, templates: [], services: [spec], locator: { locate: () => ({ line: 1, column: 1 }) } },
      recorded: {},
      base: { ref: 'STATE', commit: '' },
    });
    const store = new LocalStateStore(repo);
    // SVCPLAN_BENCH_DRIVER=double: a driver that only sleeps, to tell scheduler and store costs
    // from the Vagrant driver's (Vagrantfile rendering, one process per call).
    const useDouble = process.env.SVCPLAN_BENCH_DRIVER === 'double';
    // The stand-in world has no guests to reach over SSH: health probes go through `vagrant ssh -c`
    // (the driver's way on a host without OpenSSH), one stand-in call each, as the ideal counts them.
    const driver = useDouble
      ? sleepingDriver(SLEEP, process.env.VAGRANT_STANDIN_LOG)
      : new VagrantDriver({ repoDir: repo, healthPollSeconds: SLEEP, ssh: false });

    const childTicksBefore = childCpuTicks();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const report = await applyPlan({ plan, store, driver, owner: 'bench', revision: { commit: '', ref: 'bench' } });
    const wall = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const childCpu = (childCpuTicks() - childTicksBefore) / 100;
    if (!report.ok) throw new Error(`apply failed: ${JSON.stringify(report.services.map((s) => s.error))}`);

    const calls = readFileSync(process.env.VAGRANT_STANDIN_LOG, 'utf8').trim().split('\n');
    const ups = calls.filter((l) => / up /.test(l)).length;
    const waves = DOMAINS * (Math.ceil(INSTANCES / DOMAINS / MAX_PARALLEL) + 1);
    const ideal = waves * SLEEP;
    const ratio = wall / ideal;
    const svcplanCpu = (cpu.user + cpu.system) / 1e6;
    const recordBytes = readFileSync(join(repo, '.svcplan/state/fleet.json')).length;
    const result = {
      driver: useDouble ? 'sleeping double' : 'VagrantDriver + stand-in vagrant',
      instances: INSTANCES,
      domains: DOMAINS,
      maxParallel: MAX_PARALLEL,
      sleepPerCall: SLEEP,
      vagrantCalls: calls.length,
      ups,
      stateWrites: 'at most 3 + 2 per instance + 1 per domain gate (coalesced)',
      recordBytes,
      rssMB: Math.round(process.memoryUsage().rss / 1e6),
      wallSeconds: round(wall),
      idealSeconds: round(ideal),
      ratio: round(ratio),
      svcplanCpuSeconds: round(svcplanCpu),
      svcplanCpuMsPerInstance: round((svcplanCpu * 1000) / INSTANCES),
      standInCpuMsPerInstance: round((childCpu * 1000) / INSTANCES),
      node: process.version,
      cpus: execFileSync('nproc').toString().trim(),
    };
    if (ups !== INSTANCES) throw new Error(`expected ${INSTANCES} vagrant up calls, saw ${ups}`);
    return result;
  }
} finally {
  if (!process.env.SVCPLAN_BENCH_KEEP) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}

function sleepingDriver(seconds, log) {
  const lines = [];
  const call = async (line) => {
    lines.push(`${Date.now()} ${line}`);
    await new Promise((r) => setTimeout(r, seconds * 1000));
  };
  return {
    async layout() {},
    async settle() {},
    async observe() {
      return {};
    },
    async outcome() {
      return 'not-started';
    },
    async forgetCalls() {},
    async prepareBoxes() {},
    up: (i) => call(`up ${i.name}`),
    provision: (i) => call(`provision ${i.name}`),
    reload: (i) => call(`reload ${i.name}`),
    halt: (i) => call(`halt ${i.name}`),
    destroy: (i) => call(`destroy ${i.name}`),
    growStateDisk: (i) => call(`grow ${i.name}`),
    deleteStateDisk: (i) => call(`delete-disk ${i.name}`),
    waitForSsh: async () => true,
    inspect: async () => ({}),
    health: async (i) => {
      await call(`ssh ${i.name}`);
      writeFileSync(log, lines.join('\n') + '\n');
      return true;
    },
  };
}

/** CPU of reaped child processes (the stand-in vagrant and its sleep), in clock ticks. */
function childCpuTicks() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  // After "pid (comm) ": state is field 3, so cutime (16) and cstime (17) are at 13 and 14 here.
  return Number(fields[13]) + Number(fields[14]);
}

function round(x) {
  return Math.round(x * 100) / 100;
}
