#!/usr/bin/env node
// Real VMs (Vagrant + vagrant-libvirt on QEMU, as test/e2e; needs `sudo .ci/setup-vagrant`): how
// much of an update's wall time is svcplan's own, next to the VM work it cannot avoid.
//
// A service of 2 tiny instances in one upgrade domain (maxParallel 2), each with a 1 GiB state
// disk, save/restore hooks and a health command, created once; then, through the real CLI
// (`node dist/cli.js apply`):
// - replace (the image alternates between test/tiny-v1 and test/tiny-v2): wall time against the
//   VM work svcplan cannot avoid, halt + destroy + up of the slower instance, each the wall time of
//   its own vagrant process (a timing shim stands first on PATH as `vagrant`). Target: median
//   ratio ≤ 1.15.
// - refresh (the app version goes up): wall time; no VM work is unavoidable there.
// - one health probe (the tier's command, the driver's own probe, as the gate runs it) on a fresh
//   connection and on the shared one. Target: median < 0.5 s.
// SVCPLAN_BENCH_RUNS (default 3) runs of each; SVCPLAN_BENCH_CLI: another CLI to measure (say, an
// older dist/cli.js; with SVCPLAN_BENCH_PROBES=0 the probes of this checkout's driver are left
// out); SVCPLAN_BENCH_KEEP=1 keeps the VMs and the folder.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importSources } from './sources.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const RUNS = Number(process.env.SVCPLAN_BENCH_RUNS ?? '3');
const CLI = process.env.SVCPLAN_BENCH_CLI ? resolve(process.env.SVCPLAN_BENCH_CLI) : join(root, 'dist/cli.js');
const E2E_HOME = process.env.SVCPLAN_E2E_HOME ?? '/var/lib/svcplan-e2e';
const SERVICE = 'bench-vm';
const PORT_BASE = 3142; // clear of the e2e suite's ports (2722–2951), which may run beside it
const REPLACE_TARGET = 1.15;
const PROBE_TARGET = 0.5;
const NAMES = [1, 2].map((n) => `${SERVICE}-app-${n}`);

const env = readE2eEnv();
preflight();
const work = mkdtempSync(join(tmpdir(), 'svcplan-vm-bench-'));
const repo = join(work, 'repo');
const vagrantDir = join(repo, '.svcplan', 'vagrant', SERVICE);
const timingLog = join(work, 'vagrant-times.log');
const bin = join(work, 'bin');
let failed = false;

try {
  setUp();
  console.log(
    `vm bench: load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at the start; ${execFileSync('nproc').toString().trim()} CPUs; CLI ${CLI}`,
  );
  const created = await apply('create');
  console.log(`create (not measured against a target): ${created.wall.toFixed(1)} s`);

  const replaces = [];
  let box = 'test/tiny-v1';
  for (let i = 1; i <= RUNS; i++) {
    box = box === 'test/tiny-v1' ? 'test/tiny-v2' : 'test/tiny-v1';
    commit({ box, version: '1' }, `replace ${i}: ${box}`);
    const r = await apply(`replace ${i}`);
    const perInstance = NAMES.map((name) => {
      const of = (cmd) => r.vagrant.filter((c) => c.args[0] === cmd && c.args.includes(name)).reduce((s, c) => s + c.seconds, 0);
      return { name, halt: of('halt'), destroy: of('destroy'), up: of('up') };
    });
    const unavoidable = Math.max(...perInstance.map((p) => p.halt + p.destroy + p.up));
    const other = r.vagrant
      .filter((c) => !['halt', 'destroy', 'up'].includes(c.args[0]))
      .map((c) => `${c.args.slice(0, 2).join(' ')} ${c.seconds.toFixed(1)} s`);
    const calls = r.vagrant.map((c) => `${c.at.toFixed(1)}+${c.seconds.toFixed(1)} ${c.args.slice(0, 2).join(' ')}`);
    replaces.push({
      run: i,
      box,
      wall: round(r.wall),
      unavoidable: round(unavoidable),
      ratio: round(r.wall / unavoidable),
      perInstance: perInstance.map(roundAll),
      otherVagrantCalls: other,
      calls,
      phases: r.phases,
    });
    console.log(
      `replace ${i} (→ ${box}): wall ${r.wall.toFixed(1)} s, halt+destroy+up of the slower instance ${unavoidable.toFixed(1)} s, ${(r.wall / unavoidable).toFixed(2)}×; other vagrant calls: ${other.join(', ') || 'none'}`,
    );
  }

  const refreshes = [];
  for (let i = 1; i <= RUNS; i++) {
    commit({ box, version: String(i + 1) }, `refresh ${i}`);
    const r = await apply(`refresh ${i}`);
    refreshes.push({
      run: i,
      wall: round(r.wall),
      vagrantCalls: r.vagrant.map((c) => `${c.args.slice(0, 2).join(' ')} ${c.seconds.toFixed(1)} s`),
      phases: r.phases,
    });
    console.log(`refresh ${i}: wall ${r.wall.toFixed(1)} s; vagrant calls: ${r.vagrant.map((c) => c.args.slice(0, 2).join(' ')).join(', ') || 'none'}`);
  }

  const probes = process.env.SVCPLAN_BENCH_PROBES === '0' ? { fresh: [0], shared: [0] } : await healthProbes();
  console.log(
    `health probe: fresh connection ${probes.fresh.map((s) => s.toFixed(3)).join(' ')} s; shared connection ${probes.shared.map((s) => s.toFixed(3)).join(' ')} s`,
  );

  const summary = {
    runs: RUNS,
    replace: {
      medianWall: median(replaces.map((r) => r.wall)),
      medianUnavoidable: median(replaces.map((r) => r.unavoidable)),
      medianRatio: median(replaces.map((r) => r.ratio)),
      target: REPLACE_TARGET,
    },
    refresh: { medianWall: median(refreshes.map((r) => r.wall)) },
    healthProbe: { medianFresh: round(median(probes.fresh), 3), medianShared: round(median(probes.shared), 3), target: PROBE_TARGET },
    loadAverageAtEnd: loadavg().map((l) => round(l)),
    details: { replaces, refreshes },
  };
  console.log(JSON.stringify(summary, null, 2));
  if (summary.replace.medianRatio > REPLACE_TARGET) {
    console.error(`vm bench: replace median ${summary.replace.medianRatio}× the unavoidable VM work (target ≤ ${REPLACE_TARGET}×)`);
    failed = true;
  }
  if (Math.max(summary.healthProbe.medianFresh, summary.healthProbe.medianShared) >= PROBE_TARGET) {
    console.error(
      `vm bench: a health probe takes ${Math.max(summary.healthProbe.medianFresh, summary.healthProbe.medianShared)} s (target < ${PROBE_TARGET} s)`,
    );
    failed = true;
  }
  if (!failed)
    console.log(
      `vm bench: replace ${summary.replace.medianRatio}× (target ≤ ${REPLACE_TARGET}×), health probe ${summary.healthProbe.medianShared}–${summary.healthProbe.medianFresh} s (target < ${PROBE_TARGET} s): ok`,
    );
} finally {
  if (process.env.SVCPLAN_BENCH_KEEP) console.log(`kept ${work}`);
  else tearDown();
}
process.exit(failed ? 1 : 0);

// ---------------------------------------------------------------------------------------------

function readE2eEnv() {
  const file = join(E2E_HOME, 'env');
  if (!existsSync(file)) {
    console.error(`vm bench: ${file} is missing: this benchmark needs real VMs; run \`sudo .ci/setup-vagrant\` first (test/e2e/README.md)`);
    process.exit(1);
  }
  const out = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^export ([A-Z_]+)=(.*)$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

function preflight() {
  const e = { ...process.env, ...env };
  if (spawnSync('virsh', ['-c', 'qemu:///system', 'version'], { stdio: 'ignore', env: e }).status !== 0) {
    console.error('vm bench: libvirtd does not answer: run `sudo .ci/setup-vagrant daemons pool`');
    process.exit(1);
  }
  const boxes = spawnSync('vagrant', ['box', 'list'], { encoding: 'utf8', env: e }).stdout ?? '';
  for (const box of ['test/tiny-v1', 'test/tiny-v2']) {
    if (!boxes.includes(box)) {
      console.error(`vm bench: box ${box} is not added in ${env.VAGRANT_HOME}: run \`sudo .ci/setup-vagrant\``);
      process.exit(1);
    }
  }
  if (!existsSync(CLI)) {
    console.error(`vm bench: ${CLI} is missing: npm run build`);
    process.exit(1);
  }
}

function template({ box, version }) {
  return `apiVersion: svcplan/v1
kind: ServiceTemplate
name: tiny
release: "${version}"
images:
  tiny: { box: ${box}, version: "1.0.0" }
tiers:
  app:
    image: tiny
    cpus: 1
    memory: 256
    count: 2
    scale: { min: 1, max: 4 }
    features: [base]
    apps:
      hello: { version: "${version}", install: apps/hello/install.sh }
    settings:
      GREETING: "hello"
    state: { disk: 1, save: apps/hello/save-state.sh, restore: apps/hello/restore-state.sh, onScaleIn: retain }
    health: { command: "test -s /opt/hello/version", timeout: 180, minReady: 0 }
    rollout: { upgradeDomains: 1, maxParallel: 2, pauseBetweenDomains: 0, order: 1, maxDisruption: replace }
`;
}

function setUp() {
  mkdirSync(join(repo, 'apps', 'hello'), { recursive: true });
  mkdirSync(join(repo, 'templates'));
  mkdirSync(join(repo, 'services'));
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const domainType = existsSync('/dev/kvm') && /\b(vmx|svm)\b/.test(cpuinfo) ? 'kvm' : 'qemu';
  writeFileSync(
    join(repo, 'services', `${SERVICE}.yaml`),
    `apiVersion: svcplan/v1\nkind: Service\nname: ${SERVICE}\ntemplate: tiny\ntarget:\n  driver: vagrant\n  provider: libvirt\n  ssh: { host: 127.0.0.1, portBase: ${PORT_BASE} }\n` +
      `  options:\n    driver: ${domainType}\n    cpu_mode: custom\n    cpu_model: qemu64\n    graphics_type: none\n    video_type: none\n    random: { model: random }\n    svcplan_network: loopback\n`,
  );
  // As the e2e service's: the install script writes the version; the hooks use the state disk.
  writeFileSync(join(repo, 'apps/hello/install.sh'), '#!/bin/sh\nset -eu\nmkdir -p /opt/hello\nprintf "%s\\n" "$APP_VERSION" > /opt/hello/version\n');
  writeFileSync(
    join(repo, 'apps/hello/save-state.sh'),
    '#!/bin/sh\nset -eu\nprintf "saved-from-%s\\n" "$(cat /etc/tiny-release)" | dd of="$SVCPLAN_STATE_DEVICE" bs=512 seek=16 conv=notrunc 2>/dev/null\nsync\n',
  );
  writeFileSync(
    join(repo, 'apps/hello/restore-state.sh'),
    '#!/bin/sh\nset -eu\ndd if="$SVCPLAN_STATE_DEVICE" bs=512 skip=16 count=1 2>/dev/null | head -n 1 > /etc/svcplan-restored\n',
  );
  for (const f of ['install.sh', 'save-state.sh', 'restore-state.sh']) chmodSync(join(repo, 'apps/hello', f), 0o755);
  writeFileSync(join(repo, '.gitignore'), '.svcplan/\n');
  git('init', '--quiet', '--initial-branch=main');
  commit({ box: 'test/tiny-v1', version: '1' }, 'create');
  for (const name of NAMES) deleteVolume(`${name}-state.qcow2`);

  // `vagrant` on PATH: the real one, timed (start, end, exit code, arguments per call).
  mkdirSync(bin);
  const real = execFileSync('sh', ['-c', 'command -v vagrant'], { encoding: 'utf8' }).trim();
  writeFileSync(
    join(bin, 'vagrant'),
    `#!/bin/sh\ns=$(date +%s.%N)\n'${real.replace(/'/g, "'\\''")}' "$@"\nrc=$?\nprintf '%s %s %s %s\\n' "$s" "$(date +%s.%N)" "$rc" "$*" >> '${timingLog}'\nexit $rc\n`,
  );
  chmodSync(join(bin, 'vagrant'), 0o755);
}

function tearDown() {
  if (existsSync(join(vagrantDir, 'Vagrantfile'))) {
    spawnSync('vagrant', ['destroy', '-f'], { cwd: vagrantDir, env: { ...process.env, ...env, VAGRANT_CWD: vagrantDir }, stdio: 'ignore' });
  }
  for (const name of NAMES) deleteVolume(`${name}-state.qcow2`);
  rmSync(work, { recursive: true, force: true });
}

function deleteVolume(name) {
  spawnSync('virsh', ['-c', 'qemu:///system', 'vol-delete', '--pool', 'default', name], { stdio: 'ignore' });
}

function git(...args) {
  execFileSync('git', args, {
    cwd: repo,
    stdio: 'ignore',
    env: { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@localhost', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@localhost' },
  });
}

function commit(change, message) {
  writeFileSync(join(repo, 'templates/tiny.yaml'), template(change));
  git('add', '-A');
  git('commit', '--quiet', '-m', message);
}

/** `svcplan apply`, timed by this process's clock; its vagrant calls with their own times; when each phase began. */
function apply(label) {
  const before = existsSync(timingLog) ? readFileSync(timingLog, 'utf8').length : 0;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const startedAt = Date.now() / 1000;
    const child = spawn(process.execPath, [CLI, 'apply', '--repo', repo], {
      env: { ...process.env, ...env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = [];
    const phases = {};
    const take = (chunk) => {
      const t = (performance.now() - started) / 1000;
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        lines.push(line);
        const m = /(\$ \S*vagrant \w+|\$ \S*ssh .*# provisioners (\S+?)(-script)?,|health gate of .* passed|succeeded \(deployment)/.exec(line);
        if (m) {
          const key = m[2] ? `ssh ${m[2].replace(/-script$/, '')}` : m[1].replace(/^\$ \S*vagrant/, 'vagrant');
          phases[key] ??= round(t);
        }
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', (code) => {
      const wall = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`svcplan apply (${label}) exited ${code}:\n${lines.slice(-30).join('\n')}`));
      const vagrant = readFileSync(timingLog, 'utf8')
        .slice(before)
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => {
          const [s, e, rc, ...args] = l.split(' ');
          return { at: Number(s) - startedAt, seconds: Number(e) - Number(s), exitCode: Number(rc), args };
        });
      resolve({ wall, vagrant, phases });
    });
  });
}

/**
 * The driver's own health probe, as the gate runs it: with the settings the applies kept, on a
 * fresh connection (a driver with its own socket folder) and on the shared one, 5 of each.
 */
async function healthProbes() {
  const { VagrantDriver } = await importSources(work, { 'src/apply/drivers/vagrant/index.ts': ['VagrantDriver'] }, 'driver');
  const record = JSON.parse(readFileSync(join(repo, '.svcplan/state', `${SERVICE}.json`), 'utf8'));
  const instances = record.instances.map((i) => ({ service: SERVICE, tier: i.tier, index: i.index, name: i.name, spec: i.spec }));
  const check = { command: record.spec.tiers[0].health.command, timeoutSeconds: 30, minReadySeconds: 0 };
  const fresh = [];
  const shared = [];
  for (let i = 0; i < 5; i++) {
    const sockets = join(work, `sockets-${i}`);
    mkdirSync(sockets, { mode: 0o700 });
    const driver = new VagrantDriver({ repoDir: repo, env, tmpDir: sockets });
    await driver.layout(record.spec, instances);
    const inst = instances[i % instances.length];
    for (const into of [fresh, shared]) {
      const t = performance.now();
      const healthy = await driver.health(inst, check);
      into.push((performance.now() - t) / 1000);
      if (!healthy) throw new Error(`${inst.name} answered its health probe with a failure`);
    }
  }
  return { fresh, shared };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function round(x, digits = 2) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function roundAll(o) {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v]));
}
