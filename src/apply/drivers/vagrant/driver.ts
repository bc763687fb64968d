// The Vagrant driver: keeps the service's Vagrantfile in step with the current layout, and runs
// one vagrant command line per step (SPEC section 5). State disks are deleted only when asked.
// Where a machine allows it, guest commands go over a direct SSH channel (ssh.ts) and machine
// states are asked of the hypervisor (provider-state.ts): no Ruby start for either. Vagrant
// stays the way whenever that cannot be done exactly.

import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BoxRef, CallOptions, CallOutcome, Driver, DriverInstance, HealthCheck, Machine, ObservedState, ProvisionerName } from '../../driver.js';
import type { ObservedInstance } from '../../../model/types.js';
import { mapBounded } from '../../bounded.js';
import { boxKey, boxLabel, boxListed, boxOnDisk, parseBoxList } from './boxes.js';
import { guestFactsScript, parseDominfo, parseGuestFacts, parseShowVmInfo } from './inspect.js';
import { CallReceipts } from './calls.js';
import { machineDataDir, machineIdentities, machineIds, vagrantHome } from './machine-data.js';
import type { ServiceSpec } from '../../../model/types.js';
import {
  libvirtDomainName,
  libvirtStateOf,
  libvirtUriOf,
  parseVirshDominfos,
  parseVirshDomstates,
  virshDomstateArgs,
  virtualboxStateOf,
} from './provider-state.js';
import {
  ProcessRunner,
  RecordingRunner,
  formatCommandLine,
  type CommandLine,
  type CommandResult,
  type CommandRunner,
  type OutputStream,
  type RunOptions,
} from './runner.js';
import {
  REACH_PAYLOAD,
  SshSettingsStore,
  commandPayload,
  controlDir,
  controlPath,
  parseSshConfig,
  profileKey,
  profileOf,
  provisionPayload,
  renderSshConfig,
  settingsFromProfile,
  sshArgs,
  sshSettingsOf,
  type MachineSettings,
  type SshSettings,
} from './ssh.js';
import { observedStateOf, parseVagrantStatus } from './status.js';
import { MachineBlockCache, VagrantfileError, provisionersOf, renderVagrantfile, stateDiskName, vagrantDirOf, virtualboxStateDiskPath } from './vagrantfile.js';

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
  /**
   * Guest commands over a direct SSH channel and machine states from virsh / VBoxManage where a
   * machine allows it (default: true when files are written; a dry run lists vagrant commands).
   */
  direct?: boolean;
  /** The OpenSSH client (default: `ssh` on PATH); false: every guest command goes through Vagrant. */
  ssh?: string | false;
  /** Where sockets of shared SSH connections go (default: the temporary directory). */
  tmpDir?: string;
}

/** Seconds before a machine's SSH settings are asked of Vagrant again after a connection failed. */
const RE_ASK_SECONDS = 30;

/** A machine reached over SSH: its settings as a file for ssh, the shared connection's socket. */
interface SshTarget {
  name: string;
  id: string;
  configFile: string;
  control: string | undefined;
  entry: MachineSettings;
}

/** Machines of one service observed at once by inspect (drift, import, repair). */
const INSPECT_CONCURRENCY = 8;

/** Memory and cpus as the provider reported them, by machine name, when the state query gave them too. */
type Hardware = Map<string, { memory?: number; cpus?: number }>;

/** Vagrant's machine_action_locked error: another process is acting on the machine. */
const MACHINE_LOCKED = /another process is already executing an action on the machine/;

/** Lines of a stream's end that go into a failure report: Vagrant writes its reason to stderr. */
const STDOUT_TAIL_LINES = 6;
const STDERR_TAIL_LINES = 16;

/** A frame of a Ruby backtrace (`\tfrom /usr/share/…/call.rb:53:in 'call'`): it would crowd out the reason above it. */
const BACKTRACE_FRAME = /^\s+from \S+:\d+:in /;

const lastLines = (text: string, count: number): string[] =>
  text
    .split('\n')
    .filter((l) => l.trim() !== '' && !BACKTRACE_FRAME.test(l))
    .slice(-count);

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

/** A guest command run over the direct SSH channel that exited non-zero: what it was, then as VagrantCommandError. */
export class GuestCommandError extends VagrantCommandError {
  constructor(command: CommandLine, result: CommandResult, what: string) {
    super(command, result);
    this.name = 'GuestCommandError';
    this.message = `${what} (over SSH): ${this.message}`;
  }
}

/** A box a rollout needs that is not on this host and could not be added. */
export class BoxUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BoxUnavailableError';
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
  private readonly direct: boolean;
  private readonly layouts = new Map<string, ServiceLayout>();
  private readonly sshStores = new Map<string, SshSettingsStore>();
  /** When each machine's (service, name, id) SSH settings were last asked of Vagrant. */
  private readonly asked = new Map<string, number>();
  private sshProgram: string | false | undefined;
  private sockets: string | false | undefined;
  /** Each box looked for (and fetched) once: the answer, shared by every service that needs it. */
  private readonly boxes = new Map<string, Promise<void>>();

  constructor(private readonly options: VagrantDriverOptions) {
    this.repoDir = resolve(options.repoDir);
    this.runner = options.runner ?? new ProcessRunner(options.env);
    this.writeFiles = options.writeFiles ?? true;
    this.direct = (options.direct ?? this.writeFiles) && !this.env().VAGRANT_DOTFILE_PATH;
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
    return this.observeMachines(service);
  }

  /** observe(); with `hardware`, memory and cpus of the machines the hypervisor answered for go there too. */
  private async observeMachines(service: string, hardware?: Hardware): Promise<Record<string, Machine>> {
    const dir = this.vagrantDir(service);
    if (this.writeFiles && !existsSync(join(dir, 'Vagrantfile'))) return {};
    const direct = this.direct ? await this.observeDirect(service, hardware) : undefined;
    if (direct) return direct;
    const result = await this.vagrant(service, undefined, ['status', '--machine-readable'], { quiet: true });
    const states = parseVagrantStatus(result.stdout);
    const layout = this.layouts.get(service);
    const machines = Object.keys(states).map((name) => ({ name, provider: layout?.instances.get(name)?.spec.target.provider ?? 'libvirt' }));
    const identities = machineIdentities(dir, machines, vagrantHome(this.env()));
    const out: Record<string, Machine> = {};
    for (const [name, state] of Object.entries(states)) out[name] = state === 'not_created' ? { state } : { state, ...identities.get(name) };
    return out;
  }

  /**
   * The service's machines from the hypervisor, when every machine of the layout has a provider
   * id: libvirt through one virsh call per connection URI, VirtualBox through VBoxManage.
   * Undefined, and Vagrant is asked, when any of it cannot be told exactly: no layout, a machine
   * without an id (not created, as Vagrant would most likely say; it alone knows for sure where
   * it keeps ids), an id under more than one provider or under another provider than the spec's,
   * an URI svcplan cannot tell, a program missing or failing, a domain the hypervisor does not
   * know (Vagrant then forgets the id), an unknown provider. With `hardware`, the same call also
   * answers memory and cpus (libvirt: each domain's `dominfo` in the one virsh call; VirtualBox:
   * the same `showvminfo`), put there for the machines it answered for.
   */
  private async observeDirect(service: string, hardware?: Hardware): Promise<Record<string, Machine> | undefined> {
    const layout = this.layouts.get(service);
    if (!layout) return undefined;
    const dir = this.vagrantDir(service);
    const env = this.env();
    const states = new Map<string, ObservedState>();
    const libvirt = new Map<string, { name: string; id: string }[]>();
    const virtualbox: { name: string; id: string }[] = [];
    const providers: { name: string; provider: string }[] = [];
    for (const inst of layout.instances.values()) {
      const ids = machineIds(dir, inst.name);
      if (ids.length !== 1 || ids[0].provider !== inst.spec.target.provider) return undefined;
      const [{ provider, id }] = ids;
      providers.push({ name: inst.name, provider });
      if (provider === 'libvirt') {
        const uri = libvirtUriOf(inst.spec.target.options, env);
        if (!uri) return undefined;
        libvirt.set(uri, [...(libvirt.get(uri) ?? []), { name: inst.name, id }]);
      } else if (provider === 'virtualbox') {
        virtualbox.push({ name: inst.name, id });
      } else {
        return undefined;
      }
    }
    const found: Hardware = new Map();
    const answers = await Promise.all([
      ...[...libvirt].map(async ([uri, machines]) => {
        const args = virshDomstateArgs(
          uri,
          machines.map((m) => m.id),
          { dominfo: hardware !== undefined },
        );
        if (!args) return false;
        const result = await this.runner.run({ program: 'virsh', args, cwd: dir });
        if (result.exitCode === 127 && /could not start/.test(result.stderr)) return false;
        const domstates = parseVirshDomstates(result.stdout);
        const dominfos = hardware ? parseVirshDominfos(result.stdout) : undefined;
        for (const m of machines) {
          const state = domstates.get(m.id.toLowerCase());
          if (state === undefined) return false;
          states.set(m.name, observedStateOf(libvirtStateOf(state)));
          // Only a whole answer counts; anything less is asked again on its own, as before.
          const info = dominfos?.get(m.id.toLowerCase());
          const parsed = info !== undefined ? parseDominfo(info) : undefined;
          if (parsed?.memory !== undefined && parsed.cpus !== undefined) found.set(m.name, parsed);
        }
        return true;
      }),
      ...virtualbox.map(async (m) => {
        const result = await this.runner.run({ program: 'VBoxManage', args: ['showvminfo', m.id, '--machinereadable'], cwd: dir });
        const state = result.exitCode === 0 ? virtualboxStateOf(result.stdout) : undefined;
        if (state === undefined) return false;
        states.set(m.name, observedStateOf(state));
        const { memory, cpus } = parseShowVmInfo(result.stdout);
        found.set(m.name, { ...(memory !== undefined ? { memory } : {}), ...(cpus !== undefined ? { cpus } : {}) });
        return true;
      }),
    ]);
    if (answers.includes(false)) return undefined;
    for (const [name, h] of found) hardware?.set(name, h);
    const identities = machineIdentities(dir, providers, vagrantHome(env));
    const out: Record<string, Machine> = {};
    for (const [name, state] of states) out[name] = { state, ...identities.get(name) };
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
    const target = await this.reachable(inst);
    if (target) return this.provisionOverSsh(inst, target, names, opts.call);
    await this.act(inst, ['provision', inst.name, '--provision-with', names.join(',')], opts.call);
  }

  /**
   * The named provisioners over the machine's SSH channel, in the order Vagrant would run them
   * (its Vagrantfile's), under the call's receipt, as one guest command.
   */
  private async provisionOverSsh(inst: DriverInstance, target: SshTarget, names: string[], call: string): Promise<void> {
    const service = this.layouts.get(inst.service)!.service;
    const defs = provisionersOf(inst, service, this.repoDir).filter((p) => names.includes(p.name));
    const payload = provisionPayload(defs, (path) => readFileSync(path));
    const command = this.sshCommand(inst, target);
    const what = `provisioners ${defs.map((p) => p.name).join(',')} on ${inst.name}`;
    this.say(inst, `$ ${formatCommandLine(command)}  # ${what}`);
    const result = await this.runner.run(command, {
      input: payload,
      detachOutput: true,
      onLine: (line, stream) => this.emit(inst.service, inst.name, line, stream),
      ...this.receiptFor(inst.service, call, command),
    });
    if (result.exitCode !== 0) throw new GuestCommandError(command, result, what);
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
    await this.clearUnrecordedDomain(inst);
    await this.act(inst, ['destroy', '-f', inst.name], opts.call);
  }

  /**
   * A `vagrant up` cut off between defining its domain and writing the machine's id leaves a
   * domain Vagrant does not know of, under the very name it gives the machine: every later `up`
   * and `destroy` then fails ("Name `…` of domain about to create is already taken"). Such a
   * domain is shut off (vagrant-libvirt records the id before it starts the domain) and never
   * held app state: it is undefined with its volumes kept (the state disk stays; the stale disk
   * image goes with the `vagrant destroy` that follows). A domain that runs is not svcplan's to
   * remove. Only where svcplan reads the machine's id itself (no VAGRANT_DOTFILE_PATH).
   */
  private async clearUnrecordedDomain(inst: DriverInstance): Promise<void> {
    const env = this.env();
    if (inst.spec.target.provider !== 'libvirt' || !this.writeFiles || env.VAGRANT_DOTFILE_PATH) return;
    const dir = this.vagrantDir(inst.service);
    if (machineIds(dir, inst.name).some((m) => m.provider === 'libvirt')) return;
    const domain = libvirtDomainName(dir, inst.name, inst.spec.target.options);
    const uri = libvirtUriOf(inst.spec.target.options, env);
    if (!domain || !uri) return;
    const state = await this.runner.run({ program: 'virsh', args: ['-c', uri, 'domstate', domain], cwd: dir }, { timeoutSeconds: 60 });
    const now = state.stdout.trim().split(/\r?\n/)[0]?.trim() ?? '';
    // No such domain, or virsh cannot tell: Vagrant then says what is wrong.
    if (state.exitCode !== 0 || now === '') return;
    if (now !== 'shut off') {
      throw new Error(
        `libvirt domain ${domain} is ${now} but Vagrant has no record of it (no machine id for ${inst.name}): svcplan does not remove a VM it cannot identify. ` +
          `Look at it with \`virsh -c ${uri} dominfo ${domain}\`; if it is a leftover, stop and undefine it (\`virsh -c ${uri} destroy ${domain}\`, then \`virsh -c ${uri} undefine ${domain}\`; its volumes stay), then run svcplan apply again`,
      );
    }
    this.say(
      inst,
      `domain ${domain} was defined by an interrupted \`vagrant up\` that never recorded it (shut off, never booted): undefining it, its volumes kept`,
    );
    const command: CommandLine = { program: 'virsh', args: ['-c', uri, 'undefine', domain], cwd: dir };
    const result = await this.runShown(inst, command, { timeoutSeconds: 60 });
    if (result.exitCode !== 0) throw new VagrantCommandError(command, result);
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
      const direct = await this.probeOverSsh(inst, command, Math.min(left, 120), signal);
      if (direct !== undefined) return direct;
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

  async prepareBoxes(service: string, boxes: BoxRef[]): Promise<void> {
    const failures: string[] = [];
    await Promise.all(
      boxes.map(async (box) => {
        const key = boxKey(box);
        let pending = this.boxes.get(key);
        if (!pending) {
          pending = this.prepareBox(service, box);
          this.boxes.set(key, pending);
        }
        await pending.catch((err: Error) => failures.push(err.message));
      }),
    );
    if (failures.length > 0) {
      throw new BoxUnavailableError(
        `${failures.join('; ')}. No machine of ${service} was touched: add the box on this host (vagrant box add), or fix the template's image`,
      );
    }
  }

  /** A box on disk is there; one that is not is asked of Vagrant's list, then added. */
  private async prepareBox(service: string, box: BoxRef): Promise<void> {
    const home = vagrantHome(this.env());
    if (boxOnDisk(home, box)) return;
    if (!this.writeFiles) {
      // A dry run fetches nothing: it says what the real run would fetch.
      this.emit(
        service,
        undefined,
        `box ${boxLabel(box)} is not on this host: the apply adds it before any machine is touched (vagrant box add ${box.name} --box-version ${box.version} --provider ${box.provider})`,
        'svcplan',
      );
      return;
    }
    // Out of any Vagrant directory: no Vagrantfile is loaded for a box command.
    const dir = this.options.tmpDir ?? tmpdir();
    const list = await this.runner.run({ program: 'vagrant', args: ['box', 'list', '--machine-readable'], cwd: dir });
    if (list.exitCode === 0 && boxListed(parseBoxList(list.stdout), box)) return;
    const command: CommandLine = { program: 'vagrant', args: ['box', 'add', box.name, '--box-version', box.version, '--provider', box.provider], cwd: dir };
    this.emit(service, undefined, `box ${boxLabel(box)} is not on this host; adding it before any machine is touched`, 'svcplan');
    this.emit(service, undefined, `$ ${formatCommandLine(command)}`, 'svcplan');
    const added = await this.runner.run(command, { onLine: (line, stream) => this.emit(service, undefined, line, stream) });
    if (added.exitCode !== 0) {
      // Another run on this host may have added it meanwhile: Vagrant then says it already exists.
      if (boxOnDisk(home, box)) return;
      const why = lastLines(added.stderr, STDERR_TAIL_LINES).join(' ') || lastLines(added.stdout, 2).join(' ') || `exit code ${added.exitCode}`;
      throw new Error(`box ${boxLabel(box)} is not on this host and \`${formatCommandLine(command)}\` failed: ${why}`);
    }
  }

  // --- the direct SSH channel -------------------------------------------------------------------

  /**
   * The command over SSH (`command`, or `true` for waitForSsh) as `vagrant ssh -c` would run it:
   * its answer, or undefined when the machine has no SSH settings to be had (Vagrant then runs it).
   */
  private async probeOverSsh(inst: DriverInstance, command: string, timeoutSeconds: number, signal?: AbortSignal): Promise<boolean | undefined> {
    const target = await this.sshTarget(inst);
    if (!target) return undefined;
    const first = await this.sshRun(inst, target, commandPayload(command), timeoutSeconds, signal);
    if (first.exitCode !== 255 || signal?.aborted) return first.exitCode === 0;
    // ssh could not connect (or the command answered 255): settings may be stale; ask Vagrant again.
    const again = await this.sshTarget(inst, { fresh: true });
    if (!again || sameSettings(again.entry.settings, target.entry.settings)) return false;
    return (await this.sshRun(inst, again, commandPayload(command), timeoutSeconds, signal)).exitCode === 0;
  }

  /**
   * The machine's SSH channel once a connection with its settings has succeeded (settings that
   * fail are asked of Vagrant again); undefined when there is none to be had, or the machine does
   * not answer: Vagrant then does the work, with its own waiting and messages.
   */
  private async reachable(inst: DriverInstance): Promise<SshTarget | undefined> {
    const target = await this.sshTarget(inst);
    if (!target) return undefined;
    if ((await this.sshRun(inst, target, REACH_PAYLOAD, 30)).exitCode === 0) return target;
    const again = await this.sshTarget(inst, { fresh: true });
    if (!again || sameSettings(again.entry.settings, target.entry.settings)) return undefined;
    return (await this.sshRun(inst, again, REACH_PAYLOAD, 30)).exitCode === 0 ? again : undefined;
  }

  /**
   * A machine's SSH settings: kept ones for its id and endpoint; else derived from the profile of
   * its box and target (target.ssh only); else asked of Vagrant (`vagrant ssh-config NAME`, at most
   * every RE_ASK_SECONDS once a machine has been asked). `fresh`: ask Vagrant, whatever is kept.
   */
  private async sshTarget(inst: DriverInstance, opts: { fresh?: boolean } = {}): Promise<SshTarget | undefined> {
    if (!this.direct || !this.sshPath()) return undefined;
    const dir = this.vagrantDir(inst.service);
    const ids = machineIds(dir, inst.name);
    if (ids.length !== 1 || ids[0].provider !== inst.spec.target.provider) return undefined;
    const { id, provider } = ids[0];
    const ssh = inst.spec.target.ssh;
    const endpoint = ssh ? { host: ssh.host, port: ssh.portBase + inst.index - 1 } : undefined;
    const endpointKey = endpoint ? `${endpoint.host}:${endpoint.port}` : undefined;
    const ownKey = join(machineDataDir(dir, inst.name, provider), 'private_key');
    const profile = endpoint
      ? profileKey({ box: inst.spec.image.box, version: inst.spec.image.version, provider, options: inst.spec.target.options, host: endpoint.host })
      : undefined;
    const store = this.sshStore(inst.service);
    if (!opts.fresh) {
      const kept = store.machine(inst.name, id, endpointKey);
      if (kept) return this.sshTargetOf(inst, kept);
      const known = profile && endpoint && existsSync(ownKey) ? store.profile(profile) : undefined;
      const derived = known && endpoint ? settingsFromProfile(known, endpoint, ownKey) : undefined;
      if (derived) {
        const entry: MachineSettings = { id, endpoint: endpointKey, source: 'derived', settings: derived };
        store.keep(inst.name, entry);
        return this.sshTargetOf(inst, entry);
      }
    }
    const askedKey = `${inst.service}\0${inst.name}\0${id}`;
    const last = this.asked.get(askedKey);
    if (last !== undefined && Date.now() - last < RE_ASK_SECONDS * 1000) return undefined;
    this.asked.set(askedKey, Date.now());
    const answer = await this.run(inst.service, inst.name, ['ssh-config', inst.name], { quiet: true });
    if (answer.exitCode !== 0) return undefined;
    const settings = sshSettingsOf(parseSshConfig(answer.stdout).find((b) => b.host === inst.name));
    if (!settings) return undefined;
    const entry: MachineSettings = { id, endpoint: endpointKey, source: 'vagrant', settings };
    store.keep(inst.name, entry);
    const learnt = profile && endpoint ? profileOf(settings, endpoint, ownKey) : undefined;
    if (profile && learnt) store.keepProfile(profile, learnt);
    return this.sshTargetOf(inst, entry);
  }

  private sshTargetOf(inst: DriverInstance, entry: MachineSettings): SshTarget | undefined {
    const alias = /^[A-Za-z0-9._-]+$/.test(inst.name) ? inst.name : 'svcplan-guest';
    const text = renderSshConfig(alias, entry.settings.entries);
    if (!text) return undefined;
    const configFile = this.sshStore(inst.service).configFile(inst.name, text);
    const sockets = this.socketDir();
    return { name: alias, id: entry.id, configFile, control: sockets ? controlPath(sockets, entry.id, entry.settings) : undefined, entry };
  }

  private sshCommand(inst: DriverInstance, target: SshTarget): CommandLine {
    return { program: this.sshPath() as string, args: sshArgs(target.configFile, target.name, target.control), cwd: this.vagrantDir(inst.service) };
  }

  private sshRun(inst: DriverInstance, target: SshTarget, payload: string, timeoutSeconds: number, signal?: AbortSignal): Promise<CommandResult> {
    return this.runner.run(this.sshCommand(inst, target), { input: payload, timeoutSeconds, signal });
  }

  private sshStore(service: string): SshSettingsStore {
    let store = this.sshStores.get(service);
    if (!store) {
      store = new SshSettingsStore(join(this.vagrantDir(service), '.svcplan-ssh'));
      this.sshStores.set(service, store);
    }
    return store;
  }

  /** The ssh program, found once on PATH; false when there is none. */
  private sshPath(): string | false {
    if (this.sshProgram !== undefined) return this.sshProgram;
    const wanted = this.options.ssh ?? 'ssh';
    if (wanted === false) return (this.sshProgram = false);
    if (wanted.includes('/')) return (this.sshProgram = executable(wanted) ? wanted : false);
    const found = (this.env().PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((d) => join(d, wanted))
      .find(executable);
    return (this.sshProgram = found ?? false);
  }

  private socketDir(): string | undefined {
    if (this.sockets === undefined) this.sockets = controlDir(this.options.tmpDir ?? tmpdir()) ?? false;
    return this.sockets || undefined;
  }

  /** The environment vagrant and the other programs run with. */
  private env(): Record<string, string | undefined> {
    return { ...process.env, ...this.options.env };
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
    const result = await this.runShown(inst, command, this.receiptFor(inst.service, call, command));
    if (result.exitCode !== 0 && !(harmless && harmless.test(result.stderr))) throw new VagrantCommandError(command, result);
  }

  /** Runs a command other than vagrant on an instance's behalf, its line and output shown as vagrant's are. */
  private runShown(inst: DriverInstance, command: CommandLine, options: Omit<RunOptions, 'onLine'>): Promise<CommandResult> {
    this.emit(inst.service, inst.name, `$ ${formatCommandLine(command)}`, 'svcplan');
    return this.runner.run(command, { ...options, onLine: (line, stream) => this.emit(inst.service, inst.name, line, stream) });
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
      if (!waiting) this.say(inst, "another vagrant process holds this machine (Vagrant's machine lock): waiting for it to finish");
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
    // Memory and cpus come with the machine states where the hypervisor is asked directly (one
    // process for the service); else one hardware query per machine. Then one guest round trip per
    // machine: one process per machine (two where the hardware was not had with the states).
    const hardware: Hardware = new Map();
    const machines = await this.observeMachines(service.name, hardware);
    const out: Record<string, ObservedInstance> = {};
    await mapBounded(instances, INSPECT_CONCURRENCY, async (inst) => {
      const m = machines[inst.name] ?? { state: 'unknown' as const };
      const o: ObservedInstance = { state: m.state, ...(m.box ? { box: m.box } : {}) };
      out[inst.name] = o;
      if (m.state === 'not_created' || m.state === 'unknown') return;
      const unobserved: string[] = [];
      const known = hardware.get(inst.name);
      if (known && m.id) {
        Object.assign(o, known);
      } else if (m.id) {
        const provider = inst.spec.target.provider;
        const uri = libvirtUriOf(inst.spec.target.options, { ...process.env, ...this.options.env }) ?? libvirtUri(inst.spec);
        const command: CommandLine =
          provider === 'libvirt'
            ? { program: 'virsh', args: ['-c', uri, 'dominfo', m.id], cwd: this.vagrantDir(service.name) }
            : { program: 'VBoxManage', args: ['showvminfo', m.id, '--machinereadable'], cwd: this.vagrantDir(service.name) };
        const result = await this.runner.run(command, { timeoutSeconds: 60 });
        if (result.exitCode === 0)
          Object.assign(o, provider === 'libvirt' ? parseDominfo(result.stdout) : { ...parseShowVmInfo(result.stdout), state: o.state });
        else unobserved.push(`memory and cpus: \`${formatCommandLine(command)}\` exited with ${result.exitCode}`);
      } else {
        unobserved.push('memory and cpus: Vagrant has no provider id for the machine');
      }
      if (m.state === 'running') {
        // One round trip: over the direct SSH channel where it can be had, else through Vagrant.
        const script = guestFactsScript(inst.spec.target.provider);
        const target = await this.sshTarget(inst);
        let result = target ? await this.sshRun(inst, target, commandPayload(script), 120) : undefined;
        if (!result || result.exitCode === 255)
          result = await this.run(inst.service, inst.name, ['ssh', inst.name, '-c', script], { quiet: true, timeoutSeconds: 120 });
        const guest = result.exitCode === 0 ? parseGuestFacts(result.stdout, inst.spec, service.name) : undefined;
        if (guest) o.guest = guest;
        else
          unobserved.push(`the guest did not answer (exit ${result.exitCode})${result.stderr ? `: ${result.stderr.split('\n').filter(Boolean).at(-1)}` : ''}`);
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
  return typeof uri === 'string' ? uri : (process.env.LIBVIRT_DEFAULT_URI ?? 'qemu:///system');
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
  return { driver: new VagrantDriver({ repoDir, runner: recorder, writeFiles: false, direct: false, onOutput }), recorder };
}

/** Two settings that would connect the same way. */
function sameSettings(a: SshSettings, b: SshSettings): boolean {
  return JSON.stringify(a.entries) === JSON.stringify(b.entries);
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `vagrant validate` in a Vagrant directory; throws VagrantCommandError with Vagrant's message. */
export async function validateVagrantfile(dir: string, runner: CommandRunner = new ProcessRunner()): Promise<void> {
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
