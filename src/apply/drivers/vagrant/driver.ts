// The Vagrant driver: keeps the service's Vagrantfile in step with the current layout, and runs
// one vagrant command line per step (SPEC section 5). State disks are deleted only when asked.

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CallOptions, CallOutcome, Driver, DriverInstance, HealthCheck, Machine, ProvisionerName } from '../../driver.js';
import type { ObservedInstance } from '../../../model/types.js';
import { mapBounded } from '../../bounded.js';
import { guestFactsScript, parseDominfo, parseGuestFacts, parseShowVmInfo } from './inspect.js';
import { CallReceipts } from './calls.js';
import { machineIdentities, vagrantHome } from './machine-data.js';
import type { ServiceSpec } from '../../../model/types.js';
import { ExecaRunner, RecordingRunner, formatCommandLine, type CommandLine, type CommandResult, type CommandRunner, type OutputStream } from './runner.js';
import { parseVagrantStatus } from './status.js';
import {
  MachineBlockCache,
  VagrantfileError,
  renderVagrantfile,
  stateDiskName,
  vagrantDirOf,
  virtualboxStateDiskPath,
} from './vagrantfile.js';

export interface DriverOutput {
  service: string;
  instance?: string;
  line: string;
  stream: OutputStream | 'svcplan';
}

export interface VagrantDriverOptions {
  /** The templates repository's working copy; Vagrantfiles go to `.svcplan/vagrant/<service>/`. */
  repoDir: string;
  runner?: CommandRunner;
  /** False for a dry run: Vagrantfiles are rendered (so their errors show) but not written. */
  writeFiles?: boolean;
  onOutput?: (output: DriverOutput) => void;
  /** Seconds between health probes. */
  healthPollSeconds?: number;
  /** How long a call waits for Vagrant's lock on its machine held by another process (default 1800). */
  lockWaitSeconds?: number;
  /** Seconds between tries while the lock is held (default 2). */
  lockPollSeconds?: number;
  /** Environment the runner gives vagrant (VAGRANT_HOME is read from it to find the machine index). */
  env?: Record<string, string>;
}

/** Vagrant's machine_action_locked error: another process is acting on the machine. */
const MACHINE_LOCKED = /another process is already executing an action on the machine/;


/** Lines of a stream's end that go into a failure report: Vagrant writes its reason to stderr. */
const STDOUT_TAIL_LINES = 6;
const STDERR_TAIL_LINES = 16;

const lastLines = (text: string, count: number): string[] =>
  text.split('\n').filter((l) => l.trim() !== '').slice(-count);

/**
 * A command that exited non-zero: the command line, its exit code and the end of its output:
 * the last few progress lines (stdout) and then the reason (stderr), which is never crowded out.
 */
export class VagrantCommandError extends Error {
  constructor(
    readonly command: CommandLine,
    readonly result: CommandResult,
  ) {
    const tail = [...lastLines(result.stdout, STDOUT_TAIL_LINES), ...lastLines(result.stderr, STDERR_TAIL_LINES)].join('\n');
    super(`\`${formatCommandLine(command)}\` exited with ${result.exitCode} (in ${command.cwd})${tail ? ':\n' + tail : ''}`);
    this.name = 'VagrantCommandError';
  }
}

interface ServiceLayout {
  service: ServiceSpec;
  instances: Map<string, DriverInstance>;
  blocks: MachineBlockCache;
  /** The Vagrantfile text as this driver last wrote it (or found it on disk). */
  written?: string;
}

export class VagrantDriver implements Driver {
  private readonly repoDir: string;
  private readonly runner: CommandRunner;
  private readonly writeFiles: boolean;
  private readonly layouts = new Map<string, ServiceLayout>();

  constructor(private readonly options: VagrantDriverOptions) {
    this.repoDir = resolve(options.repoDir);
    this.runner = options.runner ?? new ExecaRunner(options.env);
    this.writeFiles = options.writeFiles ?? true;
  }

  vagrantDir(service: string): string {
    return vagrantDirOf(this.repoDir, service);
  }

  async layout(service: ServiceSpec, instances: DriverInstance[]): Promise<void> {
    this.checkScripts(service, instances);
    const previous = this.layouts.get(service.name);
    const layout: ServiceLayout = { service, instances: new Map(instances.map((i) => [i.name, i])), blocks: previous?.blocks ?? new MachineBlockCache() };
    this.layouts.set(service.name, layout);
    // Checked against the file itself, once per layout: someone may have changed or removed it.
    this.writeVagrantfile(layout, { checkDisk: true });
  }

  async settle(service: string, signal?: AbortSignal): Promise<void> {
    await this.receipts(service).settle((line) => this.emit(service, undefined, line, 'svcplan'), signal);
  }

  async observe(service: string): Promise<Record<string, Machine>> {
    const dir = this.vagrantDir(service);
    if (this.writeFiles && !existsSync(join(dir, 'Vagrantfile'))) return {};
    const result = await this.vagrant(service, undefined, ['status', '--machine-readable'], { quiet: true });
    const states = parseVagrantStatus(result.stdout);
    const layout = this.layouts.get(service);
    const machines = Object.keys(states).map((name) => ({ name, provider: layout?.instances.get(name)?.spec.target.provider ?? 'libvirt' }));
    const identities = machineIdentities(dir, machines, vagrantHome({ ...process.env, ...this.options.env }));
    const out: Record<string, Machine> = {};
    for (const [name, state] of Object.entries(states)) out[name] = state === 'not_created' ? { state } : { state, ...identities.get(name) };
    return out;
  }

  async outcome(inst: DriverInstance, call: string): Promise<CallOutcome> {
    return this.receipts(inst.service).outcome(call, (line) => this.say(inst, line));
  }

  async forgetCalls(service: string): Promise<void> {
    if (this.writeFiles) this.receipts(service).forget();
  }

  async up(inst: DriverInstance, opts: CallOptions & { provision: 'all' | 'none' | ProvisionerName[]; keepOnError?: boolean }): Promise<void> {
    this.place(inst);
    const args = ['up', inst.name, `--provider=${inst.spec.target.provider}`];
    if (opts.keepOnError) args.push('--no-destroy-on-error');
    if (opts.provision === 'all') args.push('--provision');
    else if (opts.provision === 'none') args.push('--no-provision');
    else {
      const names = this.provisionWith(inst, opts.provision);
      args.push(...(names.length > 0 ? ['--provision', '--provision-with', names.join(',')] : ['--no-provision']));
    }
    await this.act(inst, args, opts.call);
  }

  async provision(inst: DriverInstance, provisioners: ProvisionerName[], opts: CallOptions): Promise<void> {
    this.place(inst);
    const names = this.provisionWith(inst, provisioners);
    if (names.length === 0) return;
    await this.act(inst, ['provision', inst.name, '--provision-with', names.join(',')], opts.call);
  }

  async reload(inst: DriverInstance, provisioners: ProvisionerName[], opts: CallOptions): Promise<void> {
    this.place(inst);
    const names = this.provisionWith(inst, provisioners);
    await this.act(inst, ['reload', inst.name, ...(names.length > 0 ? ['--provision-with', names.join(',')] : ['--no-provision'])], opts.call);
  }

  async halt(inst: DriverInstance, opts: CallOptions): Promise<void> {
    this.place(inst);
    await this.act(inst, ['halt', inst.name], opts.call);
  }

  async destroy(inst: DriverInstance, opts: CallOptions): Promise<void> {
    this.place(inst);
    await this.act(inst, ['destroy', '-f', inst.name], opts.call);
  }

  async growStateDisk(inst: DriverInstance, opts: CallOptions): Promise<void> {
    if (!inst.spec.state) return;
    const sizeGiB = inst.spec.state.disk;
    await this.stateDiskCommand(
      inst,
      opts.call,
      (uri, pool, volume) => ['-c', uri, 'vol-resize', '--pool', pool, volume, `${sizeGiB}G`],
      (path) => ['modifymedium', 'disk', path, '--resize', String(sizeGiB * 1024)],
    );
  }

  async deleteStateDisk(inst: DriverInstance, opts: CallOptions): Promise<void> {
    if (!inst.spec.state) return;
    await this.stateDiskCommand(
      inst,
      opts.call,
      (uri, pool, volume) => ['-c', uri, 'vol-delete', '--pool', pool, volume],
      (path) => ['closemedium', 'disk', path, '--delete'],
      // Already gone is what was asked for.
      /Storage volume not found|no storage vol with matching|Could not find file for the medium|VERR_FILE_NOT_FOUND/i,
    );
  }

  async waitForSsh(inst: DriverInstance, opts: { timeoutSeconds: number; signal?: AbortSignal }): Promise<boolean> {
    this.say(inst, `waiting for the machine to answer SSH (up to ${opts.timeoutSeconds} s): it was booting when a run stopped`);
    return this.health(inst, { timeoutSeconds: opts.timeoutSeconds, minReadySeconds: 0, signal: opts.signal });
  }

  async health(inst: DriverInstance, check: HealthCheck): Promise<boolean> {
    this.place(inst);
    const command = check.command ?? 'true';
    const pollMs = (this.options.healthPollSeconds ?? 5) * 1000;
    const deadline = Date.now() + check.timeoutSeconds * 1000;
    const { signal } = check;
    const probe = async () => {
      const left = Math.max(5, Math.ceil((deadline - Date.now()) / 1000));
      const result = await this.run(inst.service, inst.name, ['ssh', inst.name, '-c', command], { timeoutSeconds: Math.min(left, 120), quiet: true, signal });
      return result.exitCode === 0;
    };
    for (;;) {
      if (await probe()) break;
      if (signal?.aborted) return false;
      if (Date.now() + pollMs >= deadline) {
        this.say(inst, `unhealthy: \`${command}\` did not succeed within ${check.timeoutSeconds} s`);
        return false;
      }
      if (!(await pause(pollMs, signal))) return false;
    }
    if (check.minReadySeconds <= 0) return true;
    if (!(await pause(check.minReadySeconds * 1000, signal))) return false;
    const stillHealthy = await probe();
    if (!stillHealthy) this.say(inst, `unhealthy again after ${check.minReadySeconds} s: \`${command}\``);
    return stillHealthy;
  }

  /** Runs one command on an instance's state disk: virsh for libvirt, VBoxManage for VirtualBox. */
  private async stateDiskCommand(
    inst: DriverInstance,
    call: string,
    libvirtArgs: (uri: string, pool: string, volume: string) => string[],
    virtualboxArgs: (path: string) => string[],
    harmless?: RegExp,
  ): Promise<void> {
    const dir = this.vagrantDir(inst.service);
    let command: CommandLine;
    if (inst.spec.target.provider === 'libvirt') {
      const opts = inst.spec.target.options;
      const pool = typeof opts.storage_pool_name === 'string' ? opts.storage_pool_name : 'default';
      command = { program: 'virsh', args: libvirtArgs(libvirtUri(inst.spec), pool, stateDiskName(inst.name)), cwd: dir };
    } else {
      command = { program: 'VBoxManage', args: virtualboxArgs(virtualboxStateDiskPath(dir, inst.name)), cwd: dir };
    }
    this.emit(inst.service, inst.name, `$ ${formatCommandLine(command)}`, 'svcplan');
    const result = await this.runner.run(command, {
      onLine: (line, stream) => this.emit(inst.service, inst.name, line, stream),
      ...this.receiptFor(inst.service, call, command),
    });
    if (result.exitCode !== 0 && !(harmless && harmless.test(result.stderr))) throw new VagrantCommandError(command, result);
  }


  /** The provisioner names to pass to --provision-with: uploads go with the step that uses them. */
  private provisionWith(inst: DriverInstance, provisioners: ProvisionerName[]): string[] {
    const names: string[] = [];
    const add = (name: string) => {
      if (!names.includes(name)) names.push(name);
    };
    for (const name of provisioners) {
      if (name.startsWith('app-')) {
        const app = name.slice(4);
        const def = inst.spec.apps[app];
        if (!def) {
          add('apps-prune'); // the app was removed: its provisioner no longer exists
          continue;
        }
        if (def.install) add(`app-${app}-script`);
        add(name);
      } else if (name === 'save-state' || name === 'restore-state') {
        const hook = inst.spec.state?.[name === 'save-state' ? 'save' : 'restore'];
        if (!hook) continue;
        add(`${name}-script`);
        add(name);
      } else {
        add(name);
      }
    }
    return names;
  }

  private checkScripts(service: ServiceSpec, instances: DriverInstance[]): void {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const inst of instances) {
      const scripts: [string, string | undefined][] = [
        ...Object.entries(inst.spec.apps).map(([name, app]): [string, string | undefined] => [`app ${name} install script`, app.install]),
        ['state save hook', inst.spec.state?.save],
        ['state restore hook', inst.spec.state?.restore],
      ];
      for (const [what, path] of scripts) {
        if (!path || seen.has(path)) continue;
        seen.add(path);
        if (!existsSync(resolve(this.repoDir, path))) problems.push(`${what} ${path} is not in the templates repository (${this.repoDir})`);
      }
    }
    if (problems.length > 0) throw new VagrantfileError(`service ${service.name}: ${problems.join('; ')}`);
  }

  /**
   * Makes `inst` (with its spec) part of its service's layout. The Vagrantfile is rendered and
   * written again only when this machine's entry changed (a replace brings its machine down as
   * the old spec describes it): the usual step acts on a machine as layout() already wrote it,
   * and costs nothing that grows with the number of machines.
   */
  private place(inst: DriverInstance): void {
    const layout = this.layouts.get(inst.service);
    if (!layout) {
      throw new Error(`the Vagrant driver has no layout for service ${inst.service}; call layout() before acting on ${inst.name}`);
    }
    const current = layout.instances.get(inst.name);
    layout.instances.set(inst.name, inst);
    if (current && sameMachine(current, inst)) return;
    this.writeVagrantfile(layout, { checkDisk: false });
  }

  private writeVagrantfile(layout: ServiceLayout, opts: { checkDisk: boolean }): void {
    const service = layout.service.name;
    const text = renderVagrantfile({ repoDir: this.repoDir, service: layout.service, instances: [...layout.instances.values()] }, layout.blocks);
    if (!this.writeFiles) return;
    const dir = this.vagrantDir(service);
    const file = join(dir, 'Vagrantfile');
    if (opts.checkDisk) layout.written = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (text === layout.written) return;
    mkdirSync(dir, { recursive: true });
    // Another vagrant process of this service may be starting right now: it must read a whole file.
    const tmp = join(dir, `.Vagrantfile.${process.pid}.tmp`);
    writeFileSync(tmp, text);
    renameSync(tmp, file);
    layout.written = text;
  }

  /**
   * A call that changes a machine: run under its receipt, and, while Vagrant's lock on the
   * machine is held by another process (a call an interrupted run left, a user's own vagrant),
   * tried again until the lock is free.
   */
  private async act(inst: DriverInstance, args: string[], call: string): Promise<void> {
    const deadline = Date.now() + (this.options.lockWaitSeconds ?? 1800) * 1000;
    let waiting = false;
    for (;;) {
      const result = await this.run(inst.service, inst.name, args, { quiet: waiting, call });
      if (result.exitCode === 0) return;
      if (!MACHINE_LOCKED.test(result.stderr + result.stdout) || Date.now() >= deadline) {
        throw new VagrantCommandError({ program: 'vagrant', args, cwd: this.vagrantDir(inst.service) }, result);
      }
      if (!waiting) this.say(inst, 'another vagrant process holds this machine (Vagrant\'s machine lock): waiting for it to finish');
      waiting = true;
      await sleep((this.options.lockPollSeconds ?? 2) * 1000);
    }
  }

  private async vagrant(service: string, instance: string | undefined, args: string[], opts: { quiet?: boolean } = {}): Promise<CommandResult> {
    const result = await this.run(service, instance, args, opts);
    if (result.exitCode !== 0) throw new VagrantCommandError({ program: 'vagrant', args, cwd: this.vagrantDir(service) }, result);
    return result;
  }

  private run(
    service: string,
    instance: string | undefined,
    args: string[],
    opts: { quiet?: boolean; timeoutSeconds?: number; signal?: AbortSignal; call?: string } = {},
  ): Promise<CommandResult> {
    const command: CommandLine = { program: 'vagrant', args, cwd: this.vagrantDir(service) };
    if (!opts.quiet) this.emit(service, instance, `$ ${formatCommandLine(command)}`, 'svcplan');
    return this.runner.run(command, {
      timeoutSeconds: opts.timeoutSeconds,
      signal: opts.signal,
      onLine: opts.quiet ? undefined : (line, stream) => this.emit(service, instance, line, stream),
      ...(opts.call ? this.receiptFor(service, opts.call, command) : {}),
    });
  }

  private receiptFor(service: string, call: string, command: CommandLine): { receipt?: string } {
    if (!this.writeFiles) return {};
    return { receipt: this.receipts(service).prepare(call, formatCommandLine(command)) };
  }

  private receipts(service: string): CallReceipts {
    return new CallReceipts(join(this.vagrantDir(service), '.svcplan-calls'));
  }

  async inspect(service: ServiceSpec, instances: DriverInstance[]): Promise<Record<string, ObservedInstance>> {
    const machines = await this.observe(service.name);
    const out: Record<string, ObservedInstance> = {};
    // One hardware query and one guest round trip per machine: two processes, and no more.
    await mapBounded(instances, 8, async (inst) => {
      const m = machines[inst.name] ?? { state: 'unknown' as const };
      const o: ObservedInstance = { state: m.state, ...(m.box ? { box: m.box } : {}) };
      out[inst.name] = o;
      if (m.state === 'not_created' || m.state === 'unknown') return;
      const unobserved: string[] = [];
      if (m.id) {
        const provider = inst.spec.target.provider;
        const command: CommandLine =
          provider === 'libvirt'
            ? { program: 'virsh', args: ['-c', libvirtUri(inst.spec), 'dominfo', m.id], cwd: this.vagrantDir(service.name) }
            : { program: 'VBoxManage', args: ['showvminfo', m.id, '--machinereadable'], cwd: this.vagrantDir(service.name) };
        const result = await this.runner.run(command, { timeoutSeconds: 60 });
        if (result.exitCode === 0) Object.assign(o, provider === 'libvirt' ? parseDominfo(result.stdout) : { ...parseShowVmInfo(result.stdout), state: o.state });
        else unobserved.push(`memory and cpus: \`${formatCommandLine(command)}\` exited with ${result.exitCode}`);
      } else {
        unobserved.push('memory and cpus: Vagrant has no provider id for the machine');
      }
      if (m.state === 'running') {
        const result = await this.run(inst.service, inst.name, ['ssh', inst.name, '-c', guestFactsScript(inst.spec.target.provider)], { quiet: true, timeoutSeconds: 120 });
        const guest = result.exitCode === 0 ? parseGuestFacts(result.stdout, inst.spec, service.name) : undefined;
        if (guest) o.guest = guest;
        else unobserved.push(`the guest: \`vagrant ssh ${inst.name}\` exited with ${result.exitCode}${result.stderr ? `: ${result.stderr.split('\n').filter(Boolean).at(-1)}` : ''}`);
      }
      if (unobserved.length > 0) o.unobserved = unobserved;
    });
    return out;
  }

  private say(inst: DriverInstance, line: string): void {
    this.emit(inst.service, inst.name, line, 'svcplan');
  }

  private emit(service: string, instance: string | undefined, line: string, stream: DriverOutput['stream']): void {
    this.options.onOutput?.({ service, instance, line, stream });
  }
}

/** The libvirt connection of a machine: its `uri` provider option, else libvirt's default. */
function libvirtUri(spec: DriverInstance['spec']): string {
  const uri = spec.target.options.uri;
  return typeof uri === 'string' ? uri : process.env.LIBVIRT_DEFAULT_URI ?? 'qemu:///system';
}

/** Whether two entries of one machine render the same: same slot and an equal spec. */
function sameMachine(a: DriverInstance, b: DriverInstance): boolean {
  if (a.tier !== b.tier || a.index !== b.index) return false;
  return a.spec === b.spec || JSON.stringify(a.spec) === JSON.stringify(b.spec);
}

/**
 * A driver for `svcplan apply --dry-run`: the same steps, recorded instead of run; no file is
 * written and no VM is touched. `recorder.lines()` lists the commands in order.
 */
export function createDryRunDriver(repoDir: string, onOutput?: (output: DriverOutput) => void): { driver: VagrantDriver; recorder: RecordingRunner } {
  const recorder = new RecordingRunner();
  return { driver: new VagrantDriver({ repoDir, runner: recorder, writeFiles: false, onOutput }), recorder };
}

/** `vagrant validate` in a Vagrant directory; throws VagrantCommandError with Vagrant's message. */
export async function validateVagrantfile(dir: string, runner: CommandRunner = new ExecaRunner()): Promise<void> {
  const command: CommandLine = { program: 'vagrant', args: ['validate'], cwd: dir };
  const result = await runner.run(command);
  if (result.exitCode !== 0) throw new VagrantCommandError(command, result);
}

/** Waits `ms`; false when the signal ends the wait first. */
async function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return false;
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch (err) {
    if (signal?.aborted) return false;
    throw err;
  }
}
