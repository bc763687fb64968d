// Kill sweeps and what is checked after each kill point.
//
// A scenario brings a world to a baseline, then names the run that gets killed (usually
// `svcplan apply` of a new commit). The run is done once without kills to count its calls N; then
// for every k in 1..N and every mode (before, after, and during for up/reload) the world is put
// back to the baseline, the run is killed at call k, a plain `svcplan apply` resumes it, and the
// world is checked: exit codes, an empty plan, the VMs as the templates say, state disks, app
// state, and that no recorded step was redone. For kill points on instance calls a second variant
// makes that instance unhealthy before the resume, which must then fail its gate.

import { appendFileSync } from 'node:fs';
import type { InstanceSpec, RecordedInstance, ServiceRecord, StepPhase } from '../../src/model/types.js';
import { describeCall, reasonOf, type RunResult, type Snapshot, type World } from './harness.js';
import { rootVolumeKey, type CallRecord, type KillMode } from './hypervisor.js';
import { expectedInstances, type ExpectedInstance, type ServiceDef } from './repo.js';

export type Category = 'exit' | 'plan' | 'converged' | 'disk' | 'saveOnNew' | 'restore' | 'appState' | 'gate' | 'redone';

export interface Violation {
  category: Category;
  message: string;
}

export interface Scenario {
  name: string;
  /** Brings the world to the baseline the kills start from (writes, commits, applies). */
  setup(w: World): Promise<void>;
  /** The run that is killed, without --repo (added). */
  run: string[];
  /** Its exit code when nothing kills it (default 0; autoRollback: 1). */
  runExit?: number;
  /** Before every killed (and the counting) run: faults that belong to that run only. */
  beforeRun?(w: World): void;
  /** What every service must be in the end. */
  desired: ServiceDef[];
  /** State disks of these instances may be deleted (onScaleIn: delete). */
  diskDeletionAllowed?: string[];
}

export interface PointResult {
  k: number;
  mode: KillMode;
  variant: 'main' | 'gate';
  /** The call that was hit (it may differ from the counting run's call k under parallelism). */
  hit?: string;
  target?: string;
  /** A gate variant whose kill hit a call on no instance that stays: nothing was checked. */
  skipped?: boolean;
  violations: Violation[];
}

export interface ScenarioReport {
  scenario: string;
  store: 'local' | 'git';
  calls: number;
  points: PointResult[];
  seconds: number;
  baseline: Violation[];
  /** Why the sweep stopped early, if it did. */
  aborted?: string;
}

const MUTATING_VAGRANT = new Set(['up', 'provision', 'reload', 'halt', 'destroy', 'suspend', 'resume']);
const MUTATING_VIRSH = new Set(['vol-resize', 'vol-delete', 'vol-create', 'vol-create-as', 'vol-wipe']);

export function isMutating(c: Pick<CallRecord, 'program' | 'args' | 'guest'>): boolean {
  if (c.program === 'vagrant') return MUTATING_VAGRANT.has(c.args.find((a) => !a.startsWith('-')) ?? '');
  if (c.program === 'virsh') return c.args.some((a) => MUTATING_VIRSH.has(a));
  // A guest command over SSH that ran provisioners (hooks included); probes change nothing.
  if (c.program === 'ssh') return (c.guest?.provisioners?.length ?? 0) > 0;
  return false;
}

/** A health probe of the machine: `vagrant ssh NAME -c`, or its command over the direct SSH channel. */
function probes(c: CallRecord, target: string): boolean {
  if (c.target !== target) return false;
  return (c.program === 'vagrant' && subcommand(c) === 'ssh') || (c.program === 'ssh' && c.guest?.command !== undefined);
}

function subcommand(c: Pick<CallRecord, 'program' | 'args'>): string {
  return c.args.find((a) => !a.startsWith('-')) ?? '';
}

function provisionsWith(c: CallRecord, name: string): boolean {
  if (c.program === 'ssh') return c.guest?.provisioners?.includes(name) ?? false;
  if (c.program !== 'vagrant') return false;
  const i = c.args.indexOf('--provision-with');
  return i >= 0 && (c.args[i + 1] ?? '').split(',').includes(name);
}

// ---------------------------------------------------------------------------------------------
// Options from the environment

/** SVCPLAN_CHAOS_STORES=local,git (default both). */
export function stores(): ('local' | 'git')[] {
  const v = process.env.SVCPLAN_CHAOS_STORES;
  return v ? (v.split(',').filter((s) => s === 'local' || s === 'git') as ('local' | 'git')[]) : ['local', 'git'];
}

/** SVCPLAN_CHAOS_GATES=local|git|all|none: the stores the unhealthy-resume variant runs on (default local). */
function gateVariantOn(store: 'local' | 'git'): boolean {
  const v = process.env.SVCPLAN_CHAOS_GATES ?? 'local';
  return v === 'all' || v === store;
}

/** SVCPLAN_CHAOS_STRIDE=n: only every n-th call is a kill point (default 1: every call). */
function stride(): number {
  return Math.max(1, Number(process.env.SVCPLAN_CHAOS_STRIDE ?? '1') || 1);
}

// ---------------------------------------------------------------------------------------------
// The sweep

/** After this many svcplan runs of one scenario hung, the sweep stops (the engine is broken there). */
const MAX_HANGS = 3;

function hung(w: World, r: RunResult, v: Violation[]): void {
  if (!r.timedOut) return;
  v.push({ category: 'exit', message: `svcplan ${r.args[0]} (${r.label}) hung and was killed after ${Math.round(r.ms / 1000)} s: ${reasonOf(r)}` });
  hangs.set(w, (hangs.get(w) ?? 0) + 1);
}

const hangs = new WeakMap<World, number>();

export async function runScenario(w: World, sc: Scenario): Promise<ScenarioReport> {
  const started = Date.now();
  await sc.setup(w);
  const base = await w.snapshot();
  const runArgs = [...sc.run, '--repo', w.repo];

  // The run once without kills: its calls are the kill points; a plain apply after it must be a no-op.
  sc.beforeRun?.(w);
  const counted = await w.run(runArgs, { label: 'count' });
  w.model.clearFaults();
  const countCalls = w.model.calls('count');
  const baseline: Violation[] = [];
  hung(w, counted, baseline);
  if (!counted.timedOut && counted.code !== (sc.runExit ?? 0)) {
    baseline.push({ category: 'exit', message: `the uninterrupted run exited ${counted.code}, not ${sc.runExit ?? 0}: ${reasonOf(counted)}` });
  }
  baseline.push(...(await resumeAndCheck(w, sc, { recordAtKill: undefined, resumeLabel: 'resume', expectExit: 0 })));

  const createdMachine = new Set(w.model.effects().flatMap((e) => (e.kind === 'machine-created' && e.call !== undefined ? [e.call] : [])));
  const points: { k: number; mode: KillMode }[] = [];
  for (let k = 1; k <= countCalls.length; k += stride()) {
    points.push({ k, mode: 'before' }, { k, mode: 'after' });
    const c = countCalls[k - 1];
    if (c.program === 'vagrant' && ['up', 'reload'].includes(subcommand(c))) points.push({ k, mode: 'during' });
    // An `up` that made a machine can also die (with its whole group) before the domain exists.
    // Or after it defined the domain, before the machine's id is written.
    if (createdMachine.has(c.seq)) points.push({ k, mode: 'during-create' }, { k, mode: 'during-define' });
  }

  let aborted: string | undefined;
  const results: PointResult[] = [];
  for (const p of points) {
    if ((hangs.get(w) ?? 0) >= MAX_HANGS) {
      aborted = `the sweep stopped before kill ${p.mode} call ${p.k} of ${points.length} kill points: svcplan hung ${MAX_HANGS} times`;
      break;
    }
    results.push(await killPoint(w, sc, base, runArgs, p.k, p.mode, 'main'));
    const last = results[results.length - 1];
    if (gateVariantOn(w.store) && last.target && sc.desired.some((d) => expectedInstances(d).some((e) => e.name === last.target))) {
      results.push(await killPoint(w, sc, base, runArgs, p.k, p.mode, 'gate'));
    }
  }
  await w.settle();
  const report: ScenarioReport = {
    scenario: sc.name,
    store: w.store,
    calls: countCalls.length,
    points: results,
    seconds: (Date.now() - started) / 1000,
    baseline,
    ...(aborted ? { aborted } : {}),
  };
  if (process.env.SVCPLAN_CHAOS_REPORT) appendFileSync(process.env.SVCPLAN_CHAOS_REPORT, JSON.stringify(report) + '\n');
  return report;
}

async function killPoint(w: World, sc: Scenario, base: Snapshot, runArgs: string[], k: number, mode: KillMode, variant: 'main' | 'gate'): Promise<PointResult> {
  await w.restore(base);
  sc.beforeRun?.(w);
  const killed = await w.run(runArgs, { label: 'kill', kill: { at: k, mode } });
  w.model.clearFaults();
  await w.settleStateWriters();
  const hitCall = w.model.calls('kill').find((c) => c.n === k);
  const result: PointResult = { k, mode, variant, hit: hitCall ? describeCall(hitCall) : undefined, target: hitCall?.target, violations: [] };
  const services = sc.desired.map((d) => d.name);
  const recordAtKill = new Map(services.map((s) => [s, w.readRecord(s)]));
  hung(w, killed, result.violations);
  if (hitCall && killed.signal !== 'SIGKILL') {
    result.violations.push({ category: 'exit', message: `the run was to be killed at call ${k} but exited ${killed.code}` });
  }
  if (variant === 'main') {
    result.violations.push(...(await resumeAndCheck(w, sc, { recordAtKill, resumeLabel: 'resume', expectExit: 0 })));
    return result;
  }
  // Gate variant: the instance the killed call acted on answers its health check with 1. Under
  // parallelism call k may be another call than in the counting run: skipped when it acted on no
  // instance that is meant to stay.
  const target = result.target;
  if (!target || !sc.desired.some((d) => expectedInstances(d).some((e) => e.name === target))) {
    result.skipped = true;
    return result;
  }
  w.model.setUnhealthy(target);
  const unhealthy = await w.apply('resume-unhealthy');
  hung(w, unhealthy, result.violations);
  const probed = w.model.calls('resume-unhealthy').some((c) => probes(c, target));
  if (unhealthy.timedOut) {
    // Reported as a hang above.
  } else if (unhealthy.code !== 1) {
    result.violations.push({
      category: 'gate',
      message: `with ${target} unhealthy the resuming apply exited ${unhealthy.code}, not 1 (${probed ? 'it probed it, but' : 'it never probed it'})`,
    });
  } else if (!probed) {
    // It failed, but not at the gate: something else went wrong on the way.
    result.violations.push({ category: 'exit', message: `with ${target} unhealthy the resuming apply exited 1 before probing it: ${reasonOf(unhealthy)}` });
  }
  w.model.heal();
  result.violations.push(...(await resumeAndCheck(w, sc, { recordAtKill: undefined, resumeLabel: 'resume-healed', expectExit: 0 })));
  return result;
}

/** A plain apply, then every check of the world. */
async function resumeAndCheck(
  w: World,
  sc: Scenario,
  opts: { recordAtKill: Map<string, ServiceRecord | undefined> | undefined; resumeLabel: string; expectExit: number },
): Promise<Violation[]> {
  const v: Violation[] = [];
  const resumed: RunResult = await w.apply(opts.resumeLabel);
  hung(w, resumed, v);
  if (resumed.code !== opts.expectExit) {
    v.push({ category: 'exit', message: `the resuming apply exited ${resumed.code}: ${reasonOf(resumed)}` });
  }
  const plan = await w.planIsEmpty();
  if (!plan.empty) v.push({ category: 'plan', message: `after the resuming apply, ${plan.detail}` });
  await w.settle();
  for (const def of sc.desired) v.push(...checkWorld(w, def, sc));
  if (opts.recordAtKill) {
    const resumeCalls = w.model.calls(opts.resumeLabel);
    for (const def of sc.desired) {
      const record = opts.recordAtKill.get(def.name);
      if (record) v.push(...checkNothingRedone(record, expectedInstances(def), resumeCalls));
    }
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Checks

/** The VMs, disks and app state of one service against what its templates say. */
export function checkWorld(w: World, def: ServiceDef, sc: Pick<Scenario, 'diskDeletionAllowed'>): Violation[] {
  const v: Violation[] = [];
  const dir = w.vagrantDir(def.name);
  const expected = expectedInstances(def);
  const m = w.model;
  for (const e of expected) {
    const vm = m.machine(dir, e.name);
    if (!vm) {
      v.push({ category: 'converged', message: `${e.name} does not exist` });
      continue;
    }
    const problems: string[] = [];
    if (vm.state !== 'running' || !vm.sshReady) problems.push(`is ${vm.state}${vm.sshReady ? '' : ', not answering SSH'}`);
    if (vm.box.name !== e.box || vm.box.version !== e.version) problems.push(`has box ${vm.box.name} ${vm.box.version}, not ${e.box} ${e.version}`);
    if (vm.memory !== e.memory) problems.push(`has ${vm.memory} MiB, not ${e.memory}`);
    if (vm.cpus !== e.cpus) problems.push(`has ${vm.cpus} cpus, not ${e.cpus}`);
    if (canonical(vm.apps) !== canonical(e.apps)) problems.push(`has apps ${canonical(vm.apps)}, not ${canonical(e.apps)}`);
    if (problems.length > 0) v.push({ category: 'converged', message: `${e.name} ${problems.join(', ')}` });
  }
  const names = new Set(expected.map((e) => e.name));
  for (const vm of m.machines(dir)) if (!names.has(vm.name)) v.push({ category: 'converged', message: `${vm.name} still exists (${vm.state})` });
  // A root volume without its domain is what an unfinished create leaves: a resume clears it.
  const ours = rootVolumeKey(dir, '').slice(0, -'.img'.length);
  const withDomain = new Set(m.machines(dir).map((vm) => rootVolumeKey(dir, vm.name)));
  for (const vol of m.state.rootVolumes ?? []) {
    if (vol.startsWith(ours) && !withDomain.has(vol)) v.push({ category: 'converged', message: `root volume ${vol} is left without its domain` });
  }
  for (const d of m.state.unrecordedDomains ?? []) {
    if (d.dir === dir) v.push({ category: 'converged', message: `domain of ${d.name} is left defined with no record in Vagrant` });
  }
  for (const e of m.effects()) {
    if (e.kind === 'unsafe-undefine')
      v.push({ category: 'converged', message: `svcplan undefined the domain of ${e.machine} (${e.detail}), which Vagrant records` });
  }

  // State disks: never created twice, never deleted unless asked, grown as asked.
  const created = new Map<string, number>();
  for (const e of m.effects()) {
    if (e.kind === 'disk-created') created.set(e.disk!, (created.get(e.disk!) ?? 0) + 1);
    if (e.kind === 'disk-deleted' && !(sc.diskDeletionAllowed ?? []).some((i) => e.disk === `default/${i}-state.qcow2`)) {
      v.push({ category: 'disk', message: `state disk ${e.disk} was deleted` });
    }
  }
  for (const [disk, n] of created) if (n > 1) v.push({ category: 'disk', message: `state disk ${disk} was created ${n} times` });
  for (const e of expected) {
    if (e.disk === undefined) continue;
    const disk = m.disk(`${e.name}-state.qcow2`);
    if (!disk) v.push({ category: 'disk', message: `${e.name} has no state disk` });
    else if (disk.sizeGiB !== e.disk) v.push({ category: 'converged', message: `${e.name}'s state disk is ${disk.sizeGiB} GiB, not ${e.disk}` });
  }

  // save-state never on a VM that replaced another before its restore; restore once per replacement.
  for (const e of m.effects()) {
    if (e.kind === 'save-on-new-vm') v.push({ category: 'saveOnNew', message: `save-state ran on ${e.machine} (${e.id}), a new VM not restored yet` });
    if (e.kind === 'restore-again') v.push({ category: 'restore', message: `restore-state ran again on ${e.machine} (${e.id})` });
    if (e.kind === 'unsaved-state-destroyed')
      v.push({ category: 'appState', message: `${e.machine} (${e.id}) was destroyed with app state its disk did not have` });
  }
  for (const e of expected) {
    const vm = m.machine(dir, e.name);
    if (!vm) continue;
    if (vm.replacement && e.hooks && vm.restoreRuns !== 1)
      v.push({ category: 'restore', message: `${e.name} (${vm.id}) replaced a VM and was restored ${vm.restoreRuns} times, not once` });
    if (!e.hooks || !vm.disk) continue;
    const disk = m.state.disks[vm.disk];
    if (!disk) continue;
    if (vm.appState !== disk.lineage)
      v.push({
        category: 'appState',
        message: `${e.name} holds app state ${JSON.stringify(vm.appState)}, not ${JSON.stringify(disk.lineage)}: app state was lost`,
      });
    else if (vm.replacement && disk.token !== disk.lineage)
      v.push({ category: 'appState', message: `${e.name}'s state disk holds ${JSON.stringify(disk.token)}, not the saved ${JSON.stringify(disk.lineage)}` });
  }
  return v;
}

const GATE_PHASES: ReadonlySet<StepPhase> = new Set(['restored', 'refreshed', 'restarted', 'booted']);
const REPLACE_ORDER: StepPhase[] = ['saving', 'saved', 'halting', 'halted', 'destroying', 'destroyed', 'creating', 'created', 'restoring', 'restored'];

/** What the record at the kill says was done must not be done again by the resuming run. */
export function checkNothingRedone(record: ServiceRecord, expected: ExpectedInstance[], resumeCalls: CallRecord[]): Violation[] {
  const v: Violation[] = [];
  const byName = new Map(expected.map((e) => [e.name, e]));
  for (const ri of record.instances as RecordedInstance[]) {
    const desired = byName.get(ri.name);
    const mutating = resumeCalls.filter((c) => c.target === ri.name && isMutating(c));
    const say = (why: string, calls: CallRecord[]) =>
      v.push({ category: 'redone', message: `${ri.name} ${why}, but the resuming run did ${calls.map(describeCall).join('; ')}` });
    const step = ri.step;
    if (!step) {
      if (ri.status === 'ready' && desired && specIs(ri.spec, desired) && mutating.length > 0) say('was recorded ready at its desired spec', mutating);
      continue;
    }
    const towardDesired = !!desired && !!step.to && specIs(step.to, desired);
    if (!towardDesired) continue;
    const atGate = (step.action === 'create' && step.phase === 'created') || GATE_PHASES.has(step.phase);
    if (atGate && !step.failed && mutating.length > 0) say(`was recorded at ${step.action}/${step.phase} (waiting for its gate)`, mutating);
    if (step.action === 'replace') {
      const at = REPLACE_ORDER.indexOf(step.phase);
      const saves = mutating.filter((c) => provisionsWith(c, 'save-state'));
      if (at >= REPLACE_ORDER.indexOf('saved') && saves.length > 0) say(`was recorded at replace/${step.phase} (saved)`, saves);
      const ups = mutating.filter((c) => subcommand(c) === 'up');
      if (['created', 'restoring', 'restored'].includes(step.phase) && ups.length > 0) say(`was recorded at replace/${step.phase} (its new VM created)`, ups);
    }
  }
  return v;
}

function specIs(spec: InstanceSpec, e: ExpectedInstance): boolean {
  const apps = Object.fromEntries(Object.entries(spec.apps ?? {}).map(([k, a]) => [k, a.version]));
  return (
    spec.image.box === e.box &&
    spec.image.version === e.version &&
    spec.memory === e.memory &&
    spec.cpus === e.cpus &&
    canonical(apps) === canonical(e.apps) &&
    (spec.state?.disk ?? undefined) === e.disk
  );
}

export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
  return (
    '{' +
    Object.keys(value as object)
      .sort()
      .map((k) => JSON.stringify(k) + ':' + canonical((value as Record<string, unknown>)[k]))
      .join(',') +
    '}'
  );
}

// ---------------------------------------------------------------------------------------------
// Figures

export function figures(r: ScenarioReport): string {
  const main = r.points.filter((p) => p.variant === 'main');
  const gate = r.points.filter((p) => p.variant === 'gate' && !p.skipped);
  const count = (list: PointResult[], ...cats: Category[]) => list.filter((p) => p.violations.some((x) => cats.includes(x.category))).length;
  const all = r.points;
  const notReached = main.filter((p) => !p.hit).length;
  const lines = [
    `chaos ${r.scenario} [${r.store}]: ${r.calls} calls, ${main.length} kill points${notReached ? ` (${notReached} not reached)` : ''} (+${gate.length} unhealthy-resume variants) in ${r.seconds.toFixed(1)} s`,
    `  converged ${main.length - count(main, 'exit', 'plan', 'converged')}/${main.length}` +
      `, disks lost ${count(all, 'disk')}, save-on-new-VM ${count(all, 'saveOnNew')}, restore counts off ${count(all, 'restore')}` +
      `, app state lost ${count(all, 'appState')}, gates skipped ${count(gate, 'gate')}/${gate.length}, steps redone ${count(main, 'redone')}/${main.length}`,
  ];
  if (r.baseline.length > 0) lines.push(`  uninterrupted run: ${r.baseline.map((x) => `[${x.category}] ${x.message}`).join('; ')}`);
  if (r.aborted) lines.push(`  ${r.aborted}`);
  return lines.join('\n');
}

/** The failures, one line each, for the test's message. */
export function failureLines(r: ScenarioReport, max = 40): string[] {
  const lines: string[] = r.baseline.map((x) => `uninterrupted run: [${x.category}] ${x.message}`);
  if (r.aborted) lines.push(r.aborted);
  for (const p of r.points) {
    for (const x of p.violations)
      lines.push(`kill ${p.mode} call ${p.k} (${p.hit ?? 'not reached'})${p.variant === 'gate' ? ' [unhealthy resume]' : ''}: [${x.category}] ${x.message}`);
  }
  return lines.length > max ? [...lines.slice(0, max), `… and ${lines.length - max} more`] : lines;
}
