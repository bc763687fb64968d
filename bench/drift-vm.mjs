// The real-VM mode of bench/drift.bench.mjs (`node bench/drift.bench.mjs --vm`; needs `sudo
// .ci/setup-vagrant`, as test/e2e and bench/vm.bench.mjs): what `svcplan drift` costs per instance
// on real machines, next to the cheapest thing Vagrant does with one, `vagrant ssh NAME -c true`.
//
// A service of 2 tiny instances (test/tiny-v1, libvirt on QEMU, SSH on 127.0.0.1) is created with
// `svcplan apply` (its health probes keep each machine's SSH settings, as on any host an apply ran
// on); then, alternating, SVCPLAN_BENCH_RUNS (default 5) times each:
// - `node dist/cli.js drift --format json` (must report both instances clean), its wall time, and
//   every process it started (vagrant, virsh and ssh are logging shims first on PATH that exec
//   the real programs); once more on fresh SSH connections (its own socket folder);
// - `vagrant ssh NAME -c true` for one machine.
// Every VM it creates is destroyed (vagrant destroy -f) and its state disks deleted, also when a
// step fails or the run is interrupted. SVCPLAN_BENCH_KEEP=1 keeps them and the folder.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const E2E_HOME = process.env.SVCPLAN_E2E_HOME ?? '/var/lib/svcplan-e2e';
const SERVICE = 'bench-drift';
const PORT_BASE = 2962;
const NAMES = [1, 2].map((n) => `${SERVICE}-app-${n}`);

export async function vmMode({ cli }) {
  const RUNS = Number(process.env.SVCPLAN_BENCH_RUNS ?? '5');
  const env = readE2eEnv();
  if (env === undefined) return 1;
  if (!preflight(env, cli)) return 1;
  const work = mkdtempSync(join(tmpdir(), 'svcplan-drift-vm-bench-'));
  const repo = join(work, 'repo');
  const vagrantDir = join(repo, '.svcplan', 'vagrant', SERVICE);
  const bin = join(work, 'bin');
  const log = join(work, 'calls.log');
  const runEnv = { ...process.env, ...env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1', DRIFT_CALL_LOG: log };
  let cleaned = false;
  const cleanUp = () => {
    if (cleaned) return;
    cleaned = true;
    if (process.env.SVCPLAN_BENCH_KEEP) {
      console.log(`kept ${work} (and its VMs: vagrant destroy -f in ${vagrantDir})`);
      return;
    }
    if (existsSync(join(vagrantDir, 'Vagrantfile'))) {
      const r = spawnSync('vagrant', ['destroy', '-f'], { cwd: vagrantDir, env: { ...process.env, ...env, VAGRANT_CWD: vagrantDir }, stdio: 'inherit' });
      if (r.status !== 0)
        console.error(
          `drift vm bench: vagrant destroy -f in ${vagrantDir} exited ${r.status ?? r.signal}: check \`virsh -c qemu:///system list --all\` for ${SERVICE}_*`,
        );
    }
    for (const name of NAMES) deleteVolume(`${name}-state.qcow2`);
    rmSync(work, { recursive: true, force: true });
  };
  const onSignal = (signal) => {
    console.error(`drift vm bench: ${signal}: destroying its VMs`);
    cleanUp();
    process.exit(1);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    setUp({ repo, bin, env });
    console.log(
      `drift vm bench: load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} at the start; ${execFileSync('nproc').toString().trim()} CPUs; CLI ${cli}`,
    );
    const created = await timed(process.execPath, [cli, 'apply', '--repo', repo], { env: runEnv }, (code) => code === 0);
    console.log(`create (svcplan apply, not measured): ${created.wall.toFixed(1)} s`);

    const drifts = [];
    const sshs = [];
    for (let i = 1; i <= RUNS; i++) {
      const before = existsSync(log) ? readFileSync(log, 'utf8').length : 0;
      const d = await timed(process.execPath, [cli, 'drift', '--format', 'json', '--repo', repo], { env: runEnv }, (code) => code === 0);
      const report = JSON.parse(d.stdout);
      if (report.summary.instances !== 2 || report.summary.drifted_instances !== 0 || report.errors.length > 0) {
        throw new Error(`drift found something on untouched VMs: ${d.stdout}`);
      }
      const calls = readFileSync(log, 'utf8').slice(before).trim().split('\n').filter(Boolean);
      drifts.push({ wall: d.wall, calls });
      const s = await timed('vagrant', ['ssh', NAMES[i % 2], '-c', 'true'], { env: { ...process.env, ...env }, cwd: vagrantDir }, (code) => code === 0);
      sshs.push(s.wall);
      console.log(
        `run ${i}: drift ${d.wall.toFixed(2)} s for 2 instances (${calls.length} processes: ${summarize(calls)}); vagrant ssh ${NAMES[i % 2]} -c true ${s.wall.toFixed(2)} s`,
      );
    }
    // Fresh connections: a socket folder of its own, so no SSH connection is shared with the runs before.
    const freshTmp = join(work, 'fresh-tmp');
    mkdirSync(freshTmp, { mode: 0o700 });
    const fresh = await timed(
      process.execPath,
      [cli, 'drift', '--format', 'json', '--repo', repo],
      { env: { ...runEnv, TMPDIR: freshTmp } },
      (code) => code === 0,
    );
    console.log(`drift on fresh SSH connections: ${fresh.wall.toFixed(2)} s`);

    const walls = drifts.map((d) => d.wall).sort((a, b) => a - b);
    const sshSorted = [...sshs].sort((a, b) => a - b);
    const med = (xs) => xs[Math.floor(xs.length / 2)];
    const processes = Math.max(...drifts.map((d) => d.calls.length));
    const summary = {
      runs: RUNS,
      instances: 2,
      drift: {
        medianWall: round(med(walls)),
        min: round(walls[0]),
        max: round(walls[walls.length - 1]),
        medianPerInstance: round(med(walls) / 2),
        processes,
        processesPerInstance: round(processes / 2),
        calls: summarize(drifts[0].calls),
      },
      driftFreshConnections: round(fresh.wall),
      vagrantSshTrue: { median: round(med(sshSorted)), min: round(sshSorted[0]), max: round(sshSorted[sshSorted.length - 1]) },
      perInstanceOverVagrantSsh: round(med(walls) / 2 / med(sshSorted)),
      loadAverageAtEnd: loadavg().map((l) => round(l)),
    };
    console.log(JSON.stringify(summary, null, 2));
    console.log(
      `drift vm bench: drift ${summary.drift.medianPerInstance} s per instance (median of ${RUNS}; ${summary.drift.medianWall} s for 2, ${summary.drift.processesPerInstance} processes per instance) next to ${summary.vagrantSshTrue.median} s for one vagrant ssh -c true`,
    );
    return summary.drift.processesPerInstance > 2 ? 1 : 0;
  } catch (err) {
    console.error(`drift vm bench: ${err.message}`);
    return 1;
  } finally {
    cleanUp();
  }
}

function summarize(calls) {
  const kinds = new Map();
  for (const line of calls) {
    const [program, , ...args] = line.split(' ');
    const text = args.join(' ');
    const states = /domstate/.test(text) ? `virsh ${/dominfo/.test(text) ? 'domstate+dominfo' : 'domstate'} (one per service)` : undefined;
    const kind = program === 'virsh' ? (states ?? `virsh ${args[2]}`) : program === 'vagrant' ? `vagrant ${args[0]}` : program;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return [...kinds].map(([k, n]) => `${n} ${k}`).join(', ');
}

/** A process, timed by this process's clock; rejects when `ok(code)` is false. */
function timed(program, args, opts, ok) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(program, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = (performance.now() - started) / 1000;
      if (!ok(code)) return reject(new Error(`${[program, ...args].join(' ')} exited ${code}:\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`));
      resolve({ wall, stdout, stderr });
    });
  });
}

function readE2eEnv() {
  const file = join(E2E_HOME, 'env');
  if (!existsSync(file)) {
    console.error(`drift vm bench: ${file} is missing: this mode needs real VMs; run \`sudo .ci/setup-vagrant\` first (test/e2e/README.md)`);
    return undefined;
  }
  const out = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^export ([A-Z_]+)=(.*)$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

function preflight(env, cli) {
  const e = { ...process.env, ...env };
  if (spawnSync('virsh', ['-c', 'qemu:///system', 'version'], { stdio: 'ignore', env: e }).status !== 0) {
    console.error('drift vm bench: libvirtd does not answer: run `sudo .ci/setup-vagrant daemons pool`');
    return false;
  }
  const boxes = spawnSync('vagrant', ['box', 'list'], { encoding: 'utf8', env: e }).stdout ?? '';
  if (!boxes.includes('test/tiny-v1')) {
    console.error(`drift vm bench: box test/tiny-v1 is not added in ${env.VAGRANT_HOME}: run \`sudo .ci/setup-vagrant\``);
    return false;
  }
  if (!existsSync(cli)) {
    console.error(`drift vm bench: ${cli} is missing: npm run build`);
    return false;
  }
  const domains = spawnSync('virsh', ['-c', 'qemu:///system', 'list', '--all', '--name'], { encoding: 'utf8', env: e }).stdout ?? '';
  if (domains.split('\n').some((d) => d.startsWith(`${SERVICE}_`))) {
    console.error(`drift vm bench: domains ${SERVICE}_* exist already (another run of this benchmark?); not touching them`);
    return false;
  }
  return true;
}

function setUp({ repo, bin, env }) {
  mkdirSync(join(repo, 'apps', 'hello'), { recursive: true });
  mkdirSync(join(repo, 'templates'));
  mkdirSync(join(repo, 'services'));
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const domainType = existsSync('/dev/kvm') && /\b(vmx|svm)\b/.test(cpuinfo) ? 'kvm' : 'qemu';
  writeFileSync(
    join(repo, 'templates', 'tiny.yaml'),
    `apiVersion: svcplan/v1
kind: ServiceTemplate
name: tiny
release: "1"
images:
  tiny: { box: test/tiny-v1, version: "1.0.0" }
tiers:
  app:
    image: tiny
    cpus: 1
    memory: 256
    count: 2
    scale: { min: 1, max: 4 }
    features: [base]
    apps:
      hello: { version: "1", install: apps/hello/install.sh }
    settings:
      GREETING: "hello"
    state: { disk: 1, onScaleIn: retain }
    health: { command: "test -s /opt/hello/version", timeout: 180, minReady: 0 }
    rollout: { upgradeDomains: 1, maxParallel: 2, pauseBetweenDomains: 0, order: 1, maxDisruption: replace }
`,
  );
  writeFileSync(
    join(repo, 'services', `${SERVICE}.yaml`),
    `apiVersion: svcplan/v1\nkind: Service\nname: ${SERVICE}\ntemplate: tiny\ntarget:\n  driver: vagrant\n  provider: libvirt\n  ssh: { host: 127.0.0.1, portBase: ${PORT_BASE} }\n` +
      `  options:\n    driver: ${domainType}\n    cpu_mode: custom\n    cpu_model: qemu64\n    graphics_type: none\n    video_type: none\n    random: { model: random }\n    svcplan_network: loopback\n`,
  );
  writeFileSync(join(repo, 'apps/hello/install.sh'), '#!/bin/sh\nset -eu\nmkdir -p /opt/hello\nprintf "%s\\n" "$APP_VERSION" > /opt/hello/version\n');
  chmodSync(join(repo, 'apps/hello/install.sh'), 0o755);
  writeFileSync(join(repo, '.gitignore'), '.svcplan/\n');
  const git = (...args) =>
    execFileSync('git', args, {
      cwd: repo,
      stdio: 'ignore',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'bench',
        GIT_AUTHOR_EMAIL: 'bench@localhost',
        GIT_COMMITTER_NAME: 'bench',
        GIT_COMMITTER_EMAIL: 'bench@localhost',
      },
    });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '-A');
  git('commit', '--quiet', '-m', 'tiny');
  for (const name of NAMES) deleteVolume(`${name}-state.qcow2`);

  // vagrant, virsh and ssh on PATH: the real ones, each start logged as "<program> <pid> <arguments>".
  mkdirSync(bin);
  for (const program of ['vagrant', 'virsh', 'ssh']) {
    const real = execFileSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8', env: { ...process.env, ...env } }).trim();
    writeFileSync(
      join(bin, program),
      `#!/bin/sh\nprintf '%s %s %s\\n' '${program}' "$$" "$*" >> "\${DRIFT_CALL_LOG:-/dev/null}"\nexec '${real.replace(/'/g, "'\\''")}' "$@"\n`,
    );
    chmodSync(join(bin, program), 0o755);
  }
}

function deleteVolume(name) {
  spawnSync('virsh', ['-c', 'qemu:///system', 'vol-delete', '--pool', 'default', name], { stdio: 'ignore' });
}

function round(x, digits = 2) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
