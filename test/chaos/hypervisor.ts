// A stand-in hypervisor for the chaos suite: an in-process model of Vagrant 2.3.4 with
// vagrant-libvirt 0.11.2 (and the virsh commands svcplan runs), of the guests' SSH servers as
// OpenSSH reaches them, served over HTTP on a UNIX socket to a tiny sh + curl client
// (test/chaos/bin/vagrant, installed under every program name it stands in for). The model keeps, per Vagrant directory, the machines its Vagrantfile
// defines and the libvirt domains created from them, a storage pool of state disks that outlives
// `vagrant destroy`, Vagrant's per-machine action lock, the files Vagrant writes to tell machines
// apart (`.vagrant/machines/<name>/libvirt/{id,index_uuid,…}` and the machine index under
// VAGRANT_HOME), and a log of every call and every effect, for assertions.
//
// Behaviour follows the sources of the real thing (lib/vagrant-libvirt/action.rb, Vagrant's
// builtin Provision middleware, its up/reload/provision commands and locale messages):
// - `provision` on a machine that is not running prints "Domain is not running…" and exits 0,
//   running nothing; on one not created, "Domain is not created…", exit 0.
// - `up` of a machine not created provisions it (no sentinel yet) unless --no-provision; `up` and
//   `reload` of a created machine provision only with --provision / --provision-with.
// - provisioners run in Vagrantfile order; `run: 'never'` ones only when named.
// - `up`, `reload`: --provision-with is rejected (exit 1) only when none of the names is defined
//   and one of them is not a provisioner type; `provision` does not check the names at all.
// - `halt`, `destroy -f`, `reload` of a machine not created: a message, exit 0.
// - while an action (anything but status and ssh) runs on a machine, another action on it fails at
//   once with Vagrant's machine_action_locked error.
// - state disks (`lv.storage :file, allow_existing: true`) are attached if they exist, created
//   otherwise, and never removed by destroy; `virsh vol-resize` / `vol-delete` change them.
// - `up` of a machine not created first makes its root volume (`<dir>_<name>.img`, a snapshot of
//   the box) and refuses when one is already there ("Volume for domain is already created");
//   `destroy` removes it with the domain, and `destroy` of a machine not created removes a stale
//   one (RemoveStaleVolume). A kill "during-create" kills the `up` (and svcplan) right after the
//   volume is made, before the domain exists: what a group kill in CreateDomainVolume leaves.
// - A kill "during-define" kills it right after CreateDomain defined the domain (and made its state
//   disk) and before the machine's id is written: a domain Vagrant has no record of, under the name
//   it gives the machine. `up` and `destroy` of that machine then fail in SetNameOfDomain ("Name
//   `…` of domain about to create is already taken") until `virsh undefine` removes it.
//
// Guests answer SSH (the `ssh` program, with the machine's settings from `vagrant ssh-config`)
// once booted: at the endpoint the Vagrantfile gives (`node.ssh.host/port`) or, without one, an
// address of their own on port 22, to the key `vagrant up` inserted (the machine's
// `.vagrant/machines/<name>/libvirt/private_key`). What comes on stdin is read as the guest shell
// would run svcplan's payloads: a probe of the health command, or provisioners, which must be the
// very scripts, values and uploads of one of the machine's own Vagrantfile provisioners, with the
// same effects as when Vagrant runs them.
//
// The app state a save-state / restore-state hook moves is a token: a VM created on a fresh disk
// starts with the disk's lineage token as its live state; save-state writes the VM's live token to
// its disk, restore-state reads it back; a VM created on an existing disk (a replacement) has no
// live state until it is restored. So a lost state, a save on a new VM and a missing or doubled
// restore are all visible at the end.

import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseSshConfig, provisionPayload, sshSettingsOf } from '../../src/apply/drivers/vagrant/ssh.js';
import { base64Env, GUEST_SCRIPTS, type GuestScriptName, type GuestValue } from '../../src/apply/drivers/vagrant/vagrantfile.js';
import { parseVagrantfile, pinnedVersion, type MachineDef, type ProvisionerDef } from './vagrantfile-reader.js';

// ---------------------------------------------------------------------------------------------
// Types

export type MachineState = 'running' | 'shutoff';

export interface Machine {
  /** The Vagrant directory (root path) the machine belongs to. */
  dir: string;
  name: string;
  /** libvirt domain UUID, what `.vagrant/machines/<name>/libvirt/id` holds. */
  id: string;
  /** The machine index entry's id (`index_uuid`). */
  indexUuid: string;
  box: { name: string; version: string };
  memory: number;
  cpus: number;
  state: MachineState;
  /** Booted far enough to answer SSH (false while `vagrant up` is still booting it). */
  sshReady: boolean;
  /** App name → version its app-* provisioners installed. */
  apps: Record<string, string>;
  features?: string[];
  settings?: string;
  /** Provisioner name → how many times it ran on this machine. */
  provisionerRuns: Record<string, number>;
  /** Key of the state disk it was created with, if any. */
  disk?: string;
  /** Created while its state disk already existed: it replaces a machine that held app state. */
  replacement: boolean;
  /** The app state the VM holds (see the top of this file); undefined: none yet. */
  appState?: string;
  saveRuns: number;
  restoreRuns: number;
  /** Effect sequence number of its creation. */
  createdAt: number;
  /** VAGRANT_HOME of the call that created it: where its machine index entry is. */
  home: string;
  /** The key `vagrant up` inserted at the first boot (its private half in the machine's data dir). */
  key?: string;
  /** Where it answers SSH without an endpoint in the Vagrantfile (port 22). */
  address: string;
  /** The endpoint the Vagrantfile gave (node.ssh.host/port) when it last booted, forwarded to its port 22. */
  endpoint?: { host: string; port: number };
}

export interface Disk {
  key: string;
  pool: string;
  name: string;
  sizeGiB: number;
  /** The app state this disk's instance must never lose: set when the disk is made. */
  lineage: string;
  /** What the last save-state wrote to it. */
  token?: string;
  /** Made for a domain that never booted (a kill "during-define"): it holds no app state yet. */
  neverUsed?: boolean;
}

export type EffectKind =
  | 'machine-created'
  | 'machine-destroyed'
  | 'booted'
  | 'halted'
  | 'reconfigured'
  | 'provisioner'
  | 'disk-created'
  | 'disk-attached'
  | 'disk-resized'
  | 'disk-deleted'
  | 'save-on-new-vm'
  | 'restore-again'
  | 'unsaved-state-destroyed'
  | 'unknown-provisioner'
  | 'box-added'
  | 'root-volume-created'
  | 'root-volume-removed'
  | 'domain-defined-unrecorded'
  | 'domain-undefined'
  /** `virsh undefine` of a domain Vagrant records, or of one that runs: svcplan must never. */
  | 'unsafe-undefine';

export interface Effect {
  seq: number;
  /** The call that had the effect (its seq). */
  call?: number;
  kind: EffectKind;
  machine?: string;
  dir?: string;
  id?: string;
  disk?: string;
  detail?: string;
}

export interface CallRecord {
  seq: number;
  /** Label of the run it arrived in (see startRun), and its number in that run, from 1. */
  run: string;
  n: number;
  program: string;
  args: string[];
  cwd: string;
  vagrantCwd?: string;
  /** The caller's parent process: svcplan, or the sh wrapper svcplan started. */
  ppid?: number;
  /** The client process itself. */
  pid?: number;
  start: number;
  end?: number;
  exitCode?: number;
  /** What the run's control did at this call. */
  control?: 'kill-before' | 'kill-after' | 'kill-during' | 'sigint' | 'failed-by-fault';
  /** The machine (or, for virsh, the instance of the volume) the call acts on. */
  target?: string;
  /** ssh: what the guest ran (provisioners by name, or a command), once connected. */
  guest?: { provisioners?: string[]; command?: string; reach?: boolean };
}

export interface CallInput {
  program: string;
  args: string[];
  cwd: string;
  vagrantCwd?: string;
  vagrantHome?: string;
  ppid?: number;
  pid?: number;
  /** What the program read on stdin (ssh only). */
  stdin?: string;
}

export interface CallResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export type KillMode = 'before' | 'after' | 'during' | 'during-create' | 'during-define';

/** What the harness wants done to the run under test. */
export interface RunControl {
  /** Kill (or interrupt) at this call number of the run. */
  at?: number;
  /** Or at the first call of the run that this matches (`vagrant up …`, say). */
  match?: (call: { program: string; args: string[] }) => boolean;
  /** Set once the control has fired. */
  fired?: boolean;
  mode?: KillMode | 'sigint' | 'sigint-twice';
  /** SIGKILL (or SIGINT) the process under test; the model calls it at the right moment. */
  kill?: (signal: NodeJS.Signals) => void;
}

export interface Fault {
  kind: 'fail';
  /** Matches a call: program, subcommand (vagrant) / command (virsh), target machine. */
  program?: string;
  command?: string;
  target?: string;
  /** An argument that must be among the call's (e.g. 'restore-state-script,restore-state'). */
  arg?: string;
  /**
   * A provisioner the call must run, however it is run: named in a vagrant call's
   * --provision-with, or sent over SSH.
   */
  provisioner?: string;
  /** How many matching calls fail; each fails without any effect. */
  times: number;
  message?: string;
}

export interface HypervisorOptions {
  /** Milliseconds a call takes, by vagrant subcommand / virsh command; `default` for the rest. */
  delays?: Partial<Record<string, number>>;
  /**
   * How long an orphaned `vagrant up` keeps booting after a kill during it, counted from the first
   * call of the next run (so that the next run always meets it still booting, however long that
   * run takes to start), at most `duringMaxMs` after the kill.
   */
  duringHoldMs?: number;
  duringMaxMs?: number;
  /** The libvirt URI assumed when a call names none. */
  defaultUri?: string;
}

export interface ModelState {
  seq: number;
  machines: Record<string, Machine>;
  disks: Record<string, Disk>;
  calls: CallRecord[];
  effects: Effect[];
  boxes: string[];
  /** Addresses handed out to machines without an SSH endpoint (see Machine.address). */
  addresses?: number;
  /** Root volumes (`pool/<dir>_<name>.img`) of domains being made or made. */
  rootVolumes?: string[];
  /** Domains CreateDomain defined whose machine id was never written (a kill "during-define"). */
  unrecordedDomains?: UnrecordedDomain[];
}

export interface UnrecordedDomain {
  dir: string;
  name: string;
  id: string;
}

const DEFAULT_DELAYS: Record<string, number> = { default: 5, up: 25, reload: 25, destroy: 10, halt: 10, ssh: 2 };

/** The root volume of a machine's domain (CreateDomainVolume: `<dir>_<name>.img`), as a pool key. */
export const rootVolumeKey = (dir: string, name: string) => `default/${domainName(dir, name)}.img`;

/** The name vagrant-libvirt gives a machine's domain (SetNameOfDomain, no default_prefix). */
export const domainName = (dir: string, name: string) => `${basename(dir)}_${name}`;

/** Boxes whose name starts so cannot be found in any catalog (a box that cannot be had). */
export const MISSING_BOX_PREFIX = 'missing/';

const PROVISIONER_TYPES = new Set(['shell', 'file', 'ansible', 'ansible_local', 'chef_solo', 'chef_zero', 'puppet', 'salt', 'docker', 'podman']);

const machineKey = (dir: string, name: string) => `${dir}\u0000${name}`;

// ---------------------------------------------------------------------------------------------
// Vagrant's texts

const T = {
  notCreated: (name: string) => `==> ${name}: Domain is not created. Please run \`vagrant up\` first.\n`,
  notRunning: (name: string) => `==> ${name}: Domain is not running. Please run \`vagrant up\` or \`vagrant resume\` first.\n`,
  locked: (action: string, name: string) =>
    `An action '${action}' was attempted on the machine '${name}',\n` +
    'but another process is already executing an action on the machine.\n' +
    'Vagrant locks each machine for access by only one process at a time.\n' +
    'Please wait until the other Vagrant process finishes modifying this\n' +
    'machine, then try again.\n\n' +
    'If you believe this message is in error, please check the process\n' +
    'listing for any "ruby" or "vagrant" processes and kill them. Then\n' +
    'try again.\n',
  sshNotReady:
    'The provider for this Vagrant-managed machine is reporting that it\n' +
    'is not yet ready for SSH. Depending on your provider this can carry\n' +
    'different meanings. Make sure your machine is created and running and\n' +
    'try again. Additionally, check the output of `vagrant status` to verify\n' +
    'that the machine is in the state that you expect. If you continue to\n' +
    'get this error message, please view the documentation for the provider\n' +
    "you're using.\n",
  vmNotCreated: 'VM must be created before running this command. Run `vagrant up` first.\n',
  vmNotRunning: 'VM must be running to open SSH connection. Run `vagrant up`\nto start the virtual machine.\n',
  machineNotFound: (name: string) => `The machine with the name '${name}' was not found configured for\nthis Vagrant environment.\n`,
  noEnv:
    'A Vagrant environment or target machine is required to run this\n' +
    'command. Run `vagrant init` to create a new Vagrant environment. Or,\n' +
    'get an ID of a target machine from `vagrant global-status` to run\n' +
    'this command on. A final option is to change to a directory with a\n' +
    'Vagrantfile and to try again.\n',
  provisionerFlagInvalid: (name: string) => `'${name}' is not a known provisioner. Please specify a valid\nprovisioner.\n`,
  multiVmTarget: 'This command requires a specific VM name to target in a multi-VM environment.\n',
  needsTty:
    'Vagrant is attempting to interface with the UI in a way that requires\n' +
    'a TTY. Most actions in Vagrant that require a TTY have configuration\n' +
    'switches to disable this requirement. Please do that or run Vagrant\n' +
    'with TTY.\n',
  boxNotFound: (name: string) =>
    `The box '${name}' could not be found or\ncould not be accessed in the remote catalog. If this is a private\nbox on HashiCorp's Vagrant Cloud, please verify you're logged in via\n\`vagrant login\`. Also, please double-check the name. The expanded\nURL and error message are shown below:\n\nURL: ["https://vagrantcloud.com/${name}"]\nError: The requested URL returned error: 404\n`,
  stateHumanLong: {
    running: 'The Libvirt domain is running. To stop this machine, you can run\n`vagrant halt`. To destroy the machine, you can run `vagrant destroy`.',
    shutoff: 'The Libvirt domain is not running. Run `vagrant up` to start it.',
    not_created: 'The Libvirt domain is not created. Run `vagrant up` to create it.',
  } as Record<string, string>,
};

class VagrantError extends Error {
  constructor(
    readonly stderr: string,
    readonly exitCode = 1,
    readonly stdout = '',
  ) {
    super(stderr.split('\n')[0]);
  }
}

/** A parsed Vagrant environment: its root (where the Vagrantfile is) and its machines. */
interface Env {
  dir: string;
  machines: MachineDef[];
  home: string;
}

/** A virsh call, parsed: the connection URI, the command, its arguments, `--pool`, positionals. */
export interface VirshCall {
  uri: string;
  command: string;
  argv: string[];
  pool: string;
  positionals: string[];
}

export interface CallContext {
  call: CallRecord;
  input: CallInput;
  control: RunControl | undefined;
  out: string[];
  err: string[];
}

// ---------------------------------------------------------------------------------------------
// The model

export class Hypervisor {
  private s: ModelState = { seq: 0, machines: {}, disks: {}, calls: [], effects: [], boxes: [] };
  private readonly locks = new Map<string, { action: string; call: number }>();
  private faults: Fault[] = [];
  /** Machine name → probes left that fail (Infinity: until healed). */
  private readonly unhealthy = new Map<string, number>();
  private run: { label: string; n: number; control?: RunControl } = { label: 'setup', n: 0 };
  /** Resolved by the first call of the next run: orphaned calls wait for it (see duringHoldMs). */
  private nextRunCalled: { promise: Promise<void>; resolve: () => void } = deferred();
  private inflight = 0;
  private readonly idleWaiters: (() => void)[] = [];
  private delays: Record<string, number>;
  readonly duringHoldMs: number;
  readonly duringMaxMs: number;
  private readonly defaultUri: string;

  /** Programs the client script stands in for; add one to model another (ssh, VBoxManage…). */
  readonly programs: Record<string, (ctx: CallContext) => Promise<CallResult>> = {
    vagrant: (ctx) => this.vagrant(ctx),
    virsh: (ctx) => this.virsh(ctx),
    ssh: (ctx) => this.sshDirect(ctx),
  };

  /**
   * `vagrant <command>`: each writes to ctx.out / ctx.err and throws VagrantError to fail. Add one
   * here to model more of Vagrant (`ssh-config`, `box list`, `box add`…).
   */
  readonly vagrantCommands: Record<string, (ctx: CallContext, argv: string[]) => Promise<void>> = {
    status: (c, a) => this.status(c, a),
    up: (c, a) => this.up(c, a),
    provision: (c, a) => this.provision(c, a),
    reload: (c, a) => this.reload(c, a),
    halt: (c, a) => this.halt(c, a),
    destroy: (c, a) => this.destroy(c, a),
    ssh: (c, a) => this.ssh(c, a),
    'ssh-config': (c, a) => this.sshConfig(c, a),
    box: (c, a) => this.box(c, a),
    validate: (c, a) => this.validate(c, a),
  };

  /** `virsh [-c URI] <command> ARGS`; add one here for `domstate`, `dominfo`… */
  readonly virshCommands: Record<string, (ctx: CallContext, v: VirshCall) => Promise<string>> = {
    'vol-resize': (c, v) => this.volResize(c, v),
    'vol-delete': (c, v) => this.volDelete(c, v),
    'vol-info': (c, v) => this.volInfo(c, v),
    'vol-list': (c, v) => this.volList(c, v),
    domstate: (c, v) => this.domstate(c, v),
    undefine: (c, v) => this.undefine(c, v),
    list: (c, v) => this.list(c, v),
    echo: async (_c, v) => `${v.argv.join(' ')}\n`,
  };

  constructor(opts: HypervisorOptions = {}) {
    this.delays = { ...DEFAULT_DELAYS, ...(opts.delays as Record<string, number>) };
    this.duringHoldMs = opts.duringHoldMs ?? 300;
    this.duringMaxMs = opts.duringMaxMs ?? 10_000;
    this.defaultUri = opts.defaultUri ?? 'qemu:///system';
  }

  // --- control by the harness -----------------------------------------------------------------

  /** Calls from now on belong to a run with this label, numbered from 1. */
  startRun(label: string, control?: RunControl): void {
    this.run = { label, n: 0, control };
    const previous = this.nextRunCalled;
    this.nextRunCalled = deferred();
    // Orphans of the previous run go on once this run makes its first call.
    this.firstCallOfRun = previous.resolve;
  }

  private firstCallOfRun: (() => void) | undefined;

  setDelays(delays: Partial<Record<string, number>>): void {
    this.delays = { ...this.delays, ...(delays as Record<string, number>) };
  }

  resetDelays(): void {
    this.delays = { ...DEFAULT_DELAYS };
  }

  /** The action holding machine `name`'s lock, if one does. */
  lockedBy(name: string): string | undefined {
    for (const [key, lock] of this.locks) if (key.endsWith(`\u0000${name}`)) return lock.action;
    return undefined;
  }

  /** Fails the next `times` matching calls (exit 1, a Vagrant-like error, no effect). */
  failNext(fault: Omit<Fault, 'kind' | 'times'> & { times?: number }): void {
    this.faults.push({ kind: 'fail', times: 1, ...fault });
  }

  /** The machine's health command answers 1: for its next `probes` probes, or until healed. */
  setUnhealthy(name: string, probes = Infinity): void {
    this.unhealthy.set(name, probes);
  }

  heal(name?: string): void {
    if (name === undefined) this.unhealthy.clear();
    else this.unhealthy.delete(name);
  }

  clearFaults(): void {
    this.faults = [];
    this.unhealthy.clear();
  }

  /** Resolves once no call is being answered (orphaned calls included). */
  idle(): Promise<void> {
    if (this.inflight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  get busy(): number {
    return this.inflight;
  }

  snapshot(): ModelState {
    if (this.inflight > 0 || this.locks.size > 0) throw new Error('the hypervisor model is busy; wait for idle() before a snapshot');
    return structuredClone(this.s);
  }

  restore(state: ModelState): void {
    if (this.inflight > 0 || this.locks.size > 0) throw new Error('the hypervisor model is busy; wait for idle() before a restore');
    this.s = structuredClone(state);
    this.clearFaults();
    this.run = { label: 'setup', n: 0 };
  }

  // --- reading the model ----------------------------------------------------------------------

  get state(): Readonly<ModelState> {
    return this.s;
  }

  machines(dir?: string): Machine[] {
    return Object.values(this.s.machines).filter((m) => dir === undefined || m.dir === dir);
  }

  machine(dir: string, name: string): Machine | undefined {
    return this.s.machines[machineKey(dir, name)];
  }

  disks(): Disk[] {
    return Object.values(this.s.disks);
  }

  disk(name: string, pool = 'default'): Disk | undefined {
    return this.s.disks[`${pool}/${name}`];
  }

  calls(run?: string): CallRecord[] {
    return run === undefined ? this.s.calls : this.s.calls.filter((c) => c.run === run);
  }

  effects(since = 0): Effect[] {
    return this.s.effects.filter((e) => e.seq > since);
  }

  // --- answering a call -----------------------------------------------------------------------

  async handle(input: CallInput): Promise<CallResult> {
    this.inflight++;
    const call: CallRecord = {
      seq: ++this.s.seq,
      run: this.run.label,
      n: ++this.run.n,
      program: input.program,
      args: input.args,
      cwd: input.cwd,
      vagrantCwd: input.vagrantCwd || undefined,
      ppid: input.ppid,
      pid: input.pid,
      start: Date.now(),
    };
    call.target = targetOf(call);
    this.s.calls.push(call);
    if (call.n === 1 && this.firstCallOfRun) {
      this.firstCallOfRun();
      this.firstCallOfRun = undefined;
    }
    const wanted = this.run.control;
    const control =
      wanted && !wanted.fired && (wanted.at === call.n || (wanted.at === undefined && wanted.match?.({ program: call.program, args: call.args })))
        ? wanted
        : undefined;
    if (control) control.fired = true;
    const ctx: CallContext = { call, input, control, out: [], err: [] };
    let result: CallResult = { stdout: '', stderr: '', exitCode: 70 };
    try {
      result = await this.answer(ctx);
      call.end = Date.now();
      call.exitCode = result.exitCode;
    } catch (err) {
      if (!(err instanceof VagrantError)) throw err;
      result = { stdout: ctx.out.join('') + err.stdout, stderr: ctx.err.join('') + err.stderr, exitCode: err.exitCode };
      call.end = Date.now();
      call.exitCode = result.exitCode;
    } finally {
      this.inflight--;
      if (this.inflight === 0) for (const w of this.idleWaiters.splice(0)) w();
    }
    return result;
  }

  private async answer(ctx: CallContext): Promise<CallResult> {
    const { control, call } = ctx;
    if (control?.mode === 'before') {
      call.control = 'kill-before';
      control.kill?.('SIGKILL');
      return { stdout: '', stderr: 'Killed\n', exitCode: 137 };
    }
    if (control?.mode === 'sigint' || control?.mode === 'sigint-twice') {
      call.control = 'sigint';
      control.kill?.('SIGINT');
      if (control.mode === 'sigint-twice') setTimeout(() => control.kill?.('SIGINT'), 50).unref();
    }
    const fault = this.takeFault(call, ctx.input);
    if (fault) {
      call.control = 'failed-by-fault';
      await this.pause(call);
      return { stdout: '', stderr: fault.message ?? faultMessage(call), exitCode: 1 };
    }
    const program = this.programs[call.program];
    if (!program) return { stdout: '', stderr: `chaos stand-in: ${call.program} is not modelled\n`, exitCode: 127 };
    let result: CallResult;
    try {
      result = await program(ctx);
    } catch (err) {
      if (!(err instanceof VagrantError)) throw err;
      result = { stdout: ctx.out.join('') + err.stdout, stderr: ctx.err.join('') + err.stderr, exitCode: err.exitCode };
    }
    // A kill "after" follows the call's end, whatever its outcome.
    const during = control?.mode === 'during' || control?.mode === 'during-create' || control?.mode === 'during-define';
    if (control?.mode === 'after' || (during && call.control !== 'kill-during')) {
      call.control = 'kill-after';
      control.kill?.('SIGKILL');
    }
    return result;
  }

  private takeFault(call: CallRecord, input: CallInput): Fault | undefined {
    const command = commandOf(call);
    const fault = this.faults.find(
      (f) =>
        f.times > 0 &&
        (!f.program || f.program === call.program) &&
        (!f.command || f.command === command) &&
        (!f.target || f.target === call.target) &&
        (!f.arg || call.args.includes(f.arg)) &&
        (!f.provisioner || runsProvisioner(call, input, f.provisioner)),
    );
    if (fault) fault.times--;
    return fault;
  }

  private pause(call: CallRecord, fraction = 1): Promise<void> {
    const command = commandOf(call);
    const ms = (this.delays[command ?? ''] ?? this.delays.default ?? 0) * fraction;
    return ms > 0 ? sleep(ms) : Promise.resolve();
  }

  private effect(call: CallRecord | undefined, e: Omit<Effect, 'seq' | 'call'>): Effect {
    const effect: Effect = { seq: ++this.s.seq, ...(call ? { call: call.seq } : {}), ...e };
    this.s.effects.push(effect);
    return effect;
  }

  // --- vagrant --------------------------------------------------------------------------------

  private async vagrant(ctx: CallContext): Promise<CallResult> {
    const args = ctx.call.args;
    const sub = args.find((a) => !a.startsWith('-'));
    if (args.includes('--version') || sub === 'version') return ok(ctx, 'Vagrant 2.3.4\n');
    const command = sub ? this.vagrantCommands[sub] : undefined;
    if (!command) {
      await this.pause(ctx.call);
      throw new VagrantError(`Vagrant has no command '${sub ?? ''}' in this model.\nUsage: vagrant [options] <command> [<args>]\n`);
    }
    const argv = args.slice(args.indexOf(sub!) + 1);
    await command(ctx, argv);
    return { stdout: ctx.out.join(''), stderr: ctx.err.join(''), exitCode: 0 };
  }

  /** The Vagrant environment of a call: VAGRANT_CWD, else the cwd, searched upward for a Vagrantfile. */
  private env(ctx: CallContext): Env {
    let dir = ctx.input.vagrantCwd || ctx.input.cwd;
    const home = ctx.input.vagrantHome || join(process.env.HOME ?? '/root', '.vagrant.d');
    for (;;) {
      const file = join(dir, 'Vagrantfile');
      if (existsSync(file)) {
        let machines: MachineDef[];
        try {
          machines = parseVagrantfile(readFileSync(file, 'utf8'));
        } catch (err) {
          throw new VagrantError(
            `There is a syntax error in the following Vagrantfile. The syntax error\nmessage is reproduced below for convenience:\n\n${file}: ${(err as Error).message}\n`,
          );
        }
        return { dir, machines, home };
      }
      const up = dirname(dir);
      if (up === dir || ctx.input.vagrantCwd) throw new VagrantError(T.noEnv);
      dir = up;
    }
  }

  /** The machines named in argv (all of them when none is), each defined by the Vagrantfile. */
  private targets(env: Env, names: string[]): MachineDef[] {
    if (names.length === 0) return env.machines;
    return names.map((name) => {
      const def = env.machines.find((m) => m.name === name);
      if (!def) throw new VagrantError(T.machineNotFound(name));
      return def;
    });
  }

  private async withLock(ctx: CallContext, env: Env, name: string, action: string, body: () => Promise<void>): Promise<void> {
    const key = machineKey(env.dir, name);
    if (this.locks.has(key)) throw new VagrantError(T.locked(action, name), 1, ctx.out.join(''));
    this.locks.set(key, { action, call: ctx.call.seq });
    try {
      await body();
    } finally {
      this.locks.delete(key);
    }
  }

  private async status(ctx: CallContext, argv: string[]): Promise<void> {
    const env = this.env(ctx);
    const names = positionals(argv, []);
    const defs = this.targets(env, names);
    await this.pause(ctx.call);
    const machineReadable = argv.includes('--machine-readable');
    const ts = Math.floor(Date.now() / 1000);
    const states = defs.map((d) => ({ name: d.name, state: this.machine(env.dir, d.name)?.state ?? 'not_created' }));
    if (!machineReadable) {
      const width = Math.max(25, ...states.map((s) => s.name.length));
      const lines = states.map((s) => `${s.name.padEnd(width)} ${s.state === 'not_created' ? 'not created' : s.state} (libvirt)`);
      ctx.out.push(`Current machine states:\n\n${lines.join('\n')}\n\n`);
      return;
    }
    const esc = (s: string) => s.replace(/,/g, '%!(VAGRANT_COMMA)').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
    const out: string[] = [];
    for (const s of states) out.push(`${ts},${s.name},metadata,provider,libvirt`);
    for (const s of states) {
      out.push(`${ts},${s.name},provider-name,libvirt`);
      out.push(`${ts},${s.name},state,${s.state}`);
      out.push(`${ts},${s.name},state-human-short,${s.state === 'not_created' ? 'not created' : s.state}`);
      out.push(`${ts},${s.name},state-human-long,${esc(T.stateHumanLong[s.state])}`);
    }
    const width = Math.max(25, ...states.map((s) => s.name.length));
    const table = states.map((s) => `${s.name.padEnd(width)} ${s.state === 'not_created' ? 'not created' : s.state} (libvirt)`).join('\n');
    const info =
      states.length === 1
        ? `Current machine states:\n\n${table}\n\n${T.stateHumanLong[states[0].state]}`
        : `Current machine states:\n\n${table}\n\nThis environment represents multiple VMs. The VMs are all listed\nabove with their current state. For more information about a specific\nVM, run \`vagrant status NAME\`.`;
    out.push(`${ts},,ui,info,${esc(info)}`);
    ctx.out.push(out.join('\n') + '\n');
  }

  private async validate(ctx: CallContext, _argv: string[]): Promise<void> {
    this.env(ctx);
    await this.pause(ctx.call);
    ctx.out.push('Vagrantfile validated successfully.\n');
  }

  private async up(ctx: CallContext, argv: string[]): Promise<void> {
    const env = this.env(ctx);
    const opts = startOptions(argv);
    const defs = this.targets(env, positionals(argv, ['--provider', '--provision-with']));
    if (opts.types) validateProvisionerFlags(defs, opts.types);
    for (const def of defs) {
      await this.withLock(ctx, env, def.name, 'up', async () => {
        ctx.out.push(`Bringing machine '${def.name}' up with 'libvirt' provider...\n`);
        let m = this.machine(env.dir, def.name);
        if (!m) {
          await this.pause(ctx.call, 0.25);
          this.checkDomainName(env, def.name);
          this.createRootVolume(ctx, env, def);
          if (ctx.control?.mode === 'during-create') {
            // The whole process group goes: vagrant dies with svcplan, the volume stays.
            ctx.call.control = 'kill-during';
            ctx.control.kill?.('SIGKILL');
            throw new VagrantError('Killed\n', 137);
          }
          m = this.create(ctx, env, def);
          await this.pause(ctx.call, 0.5);
          await this.finishBoot(ctx, m, def, 'up');
          // A new machine has no sentinel: it is provisioned unless --no-provision.
          await this.provisionAfterBoot(ctx, env, m, def, { ...opts, sentinel: false });
          await this.pause(ctx.call, 0.25);
        } else if (m.state === 'shutoff') {
          await this.pause(ctx.call, 0.5);
          this.boot(ctx, m, def);
          await this.finishBoot(ctx, m, def, 'up');
          await this.provisionAfterBoot(ctx, env, m, def, { ...opts, sentinel: this.sentinelMatches(env, m) });
          await this.pause(ctx.call, 0.5);
        } else {
          await this.pause(ctx.call);
          ctx.out.push(`==> ${def.name}: Domain is already running.\n`);
          const names = selectProvisioners(def.provisioners, { ...opts, sentinel: this.sentinelMatches(env, m) });
          if (names.length > 0 && !m.sshReady) throw new VagrantError(T.sshNotReady, 1, ctx.out.join(''));
          this.runProvisioners(ctx, env, m, def, names);
        }
      });
    }
  }

  /** The second half of a boot: the guest answers SSH. A kill "during" the call happens here. */
  private async finishBoot(ctx: CallContext, m: Machine, _def: MachineDef, _action: string): Promise<void> {
    if (ctx.control?.mode === 'during') {
      ctx.call.control = 'kill-during';
      const nextRun = this.nextRunCalled.promise;
      ctx.control.kill?.('SIGKILL');
      // The orphaned vagrant boots on: until the next run has started calling, and a while after.
      const stop = new AbortController();
      const cap = sleep(this.duringMaxMs, undefined, { signal: stop.signal }).catch(() => undefined);
      await Promise.race([nextRun.then(() => sleep(this.duringHoldMs)), cap]);
      stop.abort();
    }
    m.sshReady = true;
    if (!m.key) {
      // config.ssh.insert_key: a key of the machine's own replaces the insecure one at the first boot.
      m.key = `svcplan-chaos key ${randomBytes(8).toString('hex')}\n`;
      const dir = this.dataDir(m, m.name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'private_key'), m.key, { mode: 0o600 });
    }
    ctx.out.push(`==> ${m.name}: Waiting for domain to get an IP address...\n==> ${m.name}: Machine booted and ready!\n`);
  }

  private async provisionAfterBoot(ctx: CallContext, env: Env, m: Machine, def: MachineDef, opts: StartOptions & { sentinel: boolean }): Promise<void> {
    if (opts.enabled === false) {
      ctx.out.push(`==> ${m.name}: Machine not provisioned because \`--no-provision\` is specified.\n`);
      return;
    }
    const names = selectProvisioners(def.provisioners, opts);
    if (!opts.types && opts.sentinel && !opts.ignoreSentinel) {
      ctx.out.push(
        `==> ${m.name}: Machine already provisioned. Run \`vagrant provision\` or use the \`--provision\`\n==> ${m.name}: flag to force provisioning. Provisioners marked to run always will still run.\n`,
      );
    }
    this.writeSentinel(env, m);
    this.runProvisioners(ctx, env, m, def, names);
  }

  private async provision(ctx: CallContext, argv: string[]): Promise<void> {
    const env = this.env(ctx);
    const types = listFlag(argv, '--provision-with');
    const defs = this.targets(env, positionals(argv, ['--provision-with']));
    // `vagrant provision` does not check --provision-with names (only up and reload do).
    for (const def of defs) {
      await this.withLock(ctx, env, def.name, 'provision', async () => {
        await this.pause(ctx.call);
        const m = this.machine(env.dir, def.name);
        if (!m) {
          ctx.out.push(T.notCreated(def.name));
          return;
        }
        if (m.state !== 'running') {
          ctx.out.push(T.notRunning(def.name));
          return;
        }
        const names = selectProvisioners(def.provisioners, { types, enabled: true, ignoreSentinel: true, sentinel: false });
        if (types) {
          for (const t of types) {
            if (!def.provisioners.some((p) => p.name === t || p.type === t))
              this.effect(ctx.call, { kind: 'unknown-provisioner', machine: def.name, dir: env.dir, detail: t });
          }
        }
        if (names.length > 0 && !m.sshReady) throw new VagrantError(T.sshNotReady, 1, ctx.out.join(''));
        this.writeSentinel(env, m);
        this.runProvisioners(ctx, env, m, def, names);
      });
    }
  }

  private async reload(ctx: CallContext, argv: string[]): Promise<void> {
    const env = this.env(ctx);
    const opts = startOptions(argv);
    const defs = this.targets(env, positionals(argv, ['--provision-with']));
    if (opts.types) validateProvisionerFlags(defs, opts.types);
    for (const def of defs) {
      await this.withLock(ctx, env, def.name, 'reload', async () => {
        const m = this.machine(env.dir, def.name);
        if (!m) {
          await this.pause(ctx.call);
          ctx.out.push(T.notCreated(def.name));
          return;
        }
        await this.pause(ctx.call, 0.5);
        if (m.state === 'running') {
          ctx.out.push(`==> ${def.name}: Halting domain...\n`);
          this.halted(ctx, m);
        }
        this.boot(ctx, m, def);
        await this.finishBoot(ctx, m, def, 'reload');
        await this.provisionAfterBoot(ctx, env, m, def, { ...opts, sentinel: this.sentinelMatches(env, m) });
        await this.pause(ctx.call, 0.5);
      });
    }
  }

  private async halt(ctx: CallContext, argv: string[]): Promise<void> {
    const env = this.env(ctx);
    const defs = this.targets(env, positionals(argv, []));
    for (const def of defs) {
      await this.withLock(ctx, env, def.name, 'halt', async () => {
        await this.pause(ctx.call);
        const m = this.machine(env.dir, def.name);
        if (!m) {
          ctx.out.push(T.notCreated(def.name));
          return;
        }
        if (m.state === 'running') {
          ctx.out.push(`==> ${def.name}: Attempting graceful shutdown of VM...\n`);
          this.halted(ctx, m);
        }
      });
    }
  }

  private async destroy(ctx: CallContext, argv: string[]): Promise<void> {
    const env = this.env(ctx);
    const force = argv.includes('-f') || argv.includes('--force');
    const defs = this.targets(env, positionals(argv, []));
    for (const def of [...defs].reverse()) {
      await this.withLock(ctx, env, def.name, 'destroy', async () => {
        await this.pause(ctx.call);
        const m = this.machine(env.dir, def.name);
        if (!m) {
          // action_destroy of a machine not created: SetNameOfDomain, RemoveStaleVolume.
          this.checkDomainName(env, def.name);
          if (this.removeRootVolume(ctx, env, def.name)) ctx.out.push(`==> ${def.name}: Remove stale volume...\n`);
          ctx.out.push(T.notCreated(def.name));
          return;
        }
        if (!force) throw new VagrantError(T.needsTty, 1, ctx.out.join(''));
        ctx.out.push(`==> ${def.name}: Removing domain...\n`);
        for (const s of def.storage) if (s.allowExisting && s.path) ctx.out.push(`==> ${def.name}: Domain has a disk that will not be removed: ${s.path}\n`);
        this.destroyMachine(ctx, env, m);
      });
    }
  }

  private async ssh(ctx: CallContext, argv: string[]): Promise<void> {
    const env = this.env(ctx);
    const dashdash = argv.indexOf('--');
    const own = dashdash >= 0 ? argv.slice(0, dashdash) : argv;
    const names = positionals(own, ['-c', '--command']);
    if (names.length === 0 && env.machines.length > 1) throw new VagrantError(T.multiVmTarget);
    const [def] = this.targets(env, names.slice(0, 1));
    await this.pause(ctx.call);
    const m = this.machine(env.dir, def.name);
    if (!m) throw new VagrantError(T.vmNotCreated);
    if (m.state !== 'running') throw new VagrantError(T.vmNotRunning);
    if (!m.sshReady) throw new VagrantError('ssh: connect to host 127.0.0.1 port 22: Connection refused\r\n', 255);
    if (this.probeFails(def.name)) throw new VagrantError('', 1);
  }

  /** Whether this health probe of the machine fails (setUnhealthy), counting it. */
  private probeFails(name: string): boolean {
    const left = this.unhealthy.get(name);
    if (left === undefined || left <= 0) return false;
    if (left !== Infinity) {
      if (left <= 1) this.unhealthy.delete(name);
      else this.unhealthy.set(name, left - 1);
    }
    return true;
  }

  /** `vagrant ssh-config [NAME]`: templates/commands/ssh_config/config.erb, for machines ready for SSH. */
  private async sshConfig(ctx: CallContext, argv: string[]): Promise<void> {
    const env = this.env(ctx);
    const defs = this.targets(env, positionals(argv, ['--host']));
    await this.pause(ctx.call);
    for (const def of defs) {
      const m = this.machine(env.dir, def.name);
      // vagrant-libvirt's ssh_info is nil unless the domain runs and has an address.
      if (!m || m.state !== 'running' || !m.sshReady) throw new VagrantError(T.sshNotReady, 1, ctx.out.join(''));
      const key = join(this.dataDir(m, m.name), 'private_key');
      const host = def.sshPort !== undefined ? (def.sshHost ?? '127.0.0.1') : m.address;
      ctx.out.push(
        `Host ${def.name}\n  HostName ${host}\n  User vagrant\n  Port ${def.sshPort ?? 22}\n  UserKnownHostsFile /dev/null\n  StrictHostKeyChecking no\n` +
          `  PasswordAuthentication no\n  IdentityFile ${key.includes(' ') ? `"${key}"` : key}\n  IdentitiesOnly yes\n  LogLevel FATAL\n\n`,
      );
    }
  }

  /** `vagrant box list --machine-readable`, `vagrant box add NAME --box-version V --provider P`. */
  private async box(ctx: CallContext, argv: string[]): Promise<void> {
    const [sub, ...rest] = argv;
    await this.pause(ctx.call);
    const home = ctx.input.vagrantHome || join(process.env.HOME ?? '/root', '.vagrant.d');
    const ts = Math.floor(Date.now() / 1000);
    const esc = (t: string) => t.replace(/,/g, '%!(VAGRANT_COMMA)').replace(/\n/g, '\\n');
    if (sub === 'list') {
      const boxes = [...this.s.boxes].sort().map((b) => ({ name: b.slice(0, b.lastIndexOf('@')), version: b.slice(b.lastIndexOf('@') + 1) }));
      if (boxes.length === 0) {
        ctx.out.push(`${ts},,ui,info,${esc('There are no installed boxes! Use `vagrant box add` to add some.')}\n`);
        return;
      }
      for (const b of boxes) {
        ctx.out.push(
          `${ts},,ui,info,${esc(`${b.name} (libvirt, ${b.version})`)}\n${ts},,box-name,${b.name}\n${ts},,box-provider,libvirt\n${ts},,box-version,${b.version}\n`,
        );
      }
      return;
    }
    if (sub === 'add') {
      const [name] = positionals(rest, ['--box-version', '--provider']);
      const version = flagValue(rest, '--box-version') ?? '0';
      const provider = flagValue(rest, '--provider') ?? 'libvirt';
      if (!name) throw new VagrantError('Usage: vagrant box add [options] <name, url, or path>\n');
      if (name.startsWith(MISSING_BOX_PREFIX) || provider !== 'libvirt') throw new VagrantError(T.boxNotFound(name));
      if (this.s.boxes.includes(`${name}@${version}`)) {
        throw new VagrantError(
          `The box you're attempting to add already exists. Remove it before\nadding it again or add it with the \`--force\` flag.\n\nName: ${name}\nProvider: ${provider}\nVersion: ${version}\n`,
        );
      }
      ctx.out.push(
        `==> box: Loading metadata for box '${name}'\n    box: URL: https://vagrantcloud.com/${name}\n==> box: Adding box '${name}' (v${version}) for provider: ${provider}\n`,
      );
      this.addBox(ctx.call, home, name, version);
      ctx.out.push(`==> box: Successfully added box '${name}' (v${version}) for '${provider}'!\n`);
      return;
    }
    throw new VagrantError(`chaos stand-in: vagrant box ${sub ?? ''} is not modelled\n`);
  }

  /** A box in the model and in VAGRANT_HOME's box folder, as Vagrant lays it out. */
  private addBox(call: CallRecord | undefined, home: string, name: string, version: string, where?: { dir: string; machine: string }): void {
    const id = `${name}@${version}`;
    if (!this.s.boxes.includes(id)) {
      this.s.boxes.push(id);
      this.effect(call, { kind: 'box-added', ...(where ? { dir: where.dir, machine: where.machine } : {}), detail: id });
    }
    const dir = join(home, 'boxes', name.replace(/\//g, '-VAGRANTSLASH-'));
    mkdirSync(join(dir, version, 'libvirt'), { recursive: true });
    writeFileSync(join(dir, version, 'libvirt', 'metadata.json'), '{"provider":"libvirt","format":"qcow2","virtual_size":1}\n');
    writeFileSync(join(dir, 'metadata_url'), `https://vagrantcloud.com/${name}`);
  }

  // --- the guests' SSH servers ----------------------------------------------------------------

  /**
   * `ssh -F FILE [-T] [-o OPTION]… ALIAS COMMAND`: the settings from FILE's block for ALIAS, the
   * guest listening at HostName:Port (booted, answering), the key (one of the IdentityFiles holds
   * the machine's), then the remote command with the payload on stdin.
   */
  private async sshDirect(ctx: CallContext): Promise<CallResult> {
    const argv = ctx.call.args;
    let config: string | undefined;
    let i = 0;
    for (; i < argv.length; i++) {
      const a = argv[i];
      if (a === '-F') config = argv[++i];
      else if (a === '-o') i++;
      else if (a === '-T' || a === '-q') continue;
      else if (a.startsWith('-')) return { stdout: '', stderr: `chaos stand-in: ssh option ${a} is not modelled\n`, exitCode: 255 };
      else break;
    }
    const alias = argv[i];
    const remote = argv.slice(i + 1).join(' ');
    await this.pause(ctx.call);
    if (!config || !alias) return { stdout: '', stderr: 'usage: ssh [-F configfile] [-o option] destination [command]\n', exitCode: 255 };
    const settings = readSshConfig(resolve(ctx.input.cwd, config), alias);
    if (!settings) return { stdout: '', stderr: `ssh: Could not resolve hostname ${alias}: Name or service not known\r\n`, exitCode: 255 };
    const m = this.machines().find((x) => {
      const ep = x.endpoint ?? { host: x.address, port: 22 };
      return x.state === 'running' && ep.host === settings.hostName && ep.port === settings.port;
    });
    if (!m || !m.sshReady)
      return { stdout: '', stderr: `ssh: connect to host ${settings.hostName} port ${settings.port}: Connection refused\r\n`, exitCode: 255 };
    const keys = settings.identityFiles.map((f) => {
      try {
        return readFileSync(resolve(ctx.input.cwd, f), 'utf8');
      } catch {
        return undefined;
      }
    });
    if (settings.user !== 'vagrant' || !m.key || !keys.includes(m.key)) {
      return { stdout: '', stderr: `${settings.user}@${settings.hostName}: Permission denied (publickey).\r\n`, exitCode: 255 };
    }
    if (remote !== 'sh -s') return { stdout: '', stderr: `chaos stand-in: the guest runs only \`sh -s\` here, not ${remote}\n`, exitCode: 127 };
    return this.guestShell(ctx, m, ctx.input.stdin ?? '');
  }

  /** What svcplan's payloads make the guest do (src/apply/drivers/vagrant/ssh.ts). */
  private guestShell(ctx: CallContext, m: Machine, payload: string): CallResult {
    const fail = (why: string, code = 2): CallResult => ({ stdout: '', stderr: `chaos stand-in: ${why}\n`, exitCode: code });
    // A cut-off payload is an unclosed group: the guest shell runs none of it.
    if (!payload.startsWith('{\n') || !payload.endsWith('\n}\n')) return fail('sh: syntax error: unexpected end of file (expecting "}")');
    const body = payload.slice(2, -3);
    if (body === 'exit 0') {
      ctx.call.guest = { reach: true };
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    const probe = /^c=\$\(printf '%s' '([A-Za-z0-9+/=]*)' \| base64 -d\) \|\| exit\nexec sh -l -c "\$c" <\/dev\/null$/.exec(body);
    if (probe) {
      const command = Buffer.from(probe[1], 'base64').toString('utf8');
      ctx.call.guest = { command };
      return { stdout: '', stderr: '', exitCode: this.probeFails(m.name) ? 1 : 0 };
    }
    if (!payload.startsWith(PROVISION_PRELUDE)) return fail("the guest command is none of svcplan's payloads", 127);
    const lines = payload.slice(PROVISION_PRELUDE.length).split('\n');
    if (lines.slice(-3).join('\n') !== 'exit 0\n}\n') return fail('a provisioner payload that does not end as svcplan ends one');
    const env: Env = { dir: m.dir, machines: parseVagrantfile(readFileSync(join(m.dir, 'Vagrantfile'), 'utf8')), home: m.home };
    const def = env.machines.find((d) => d.name === m.name);
    if (!def) return fail(`${m.name} is not in its Vagrantfile`);
    const names: string[] = [];
    for (const line of lines.slice(0, -3)) {
      if (/^printf '%s\\n' '[^']*'$/.test(line)) continue;
      const put = /^svcplan_put '([^']*)' '([A-Za-z0-9+/=]*)' \|\| exit$/.exec(line);
      const sudo = /^svcplan_sudo '([A-Za-z0-9+/=]*)' \|\| exit$/.exec(line);
      let p: ProvisionerDef | undefined;
      if (put) {
        const content = Buffer.from(put[2], 'base64');
        p = def.provisioners.find((x) => x.type === 'file' && x.options.destination === put[1]);
        if (p && !content.equals(readFileSync(String(p.options.source)))) p = undefined;
      } else if (sudo) {
        const text = Buffer.from(sudo[1], 'base64').toString('utf8');
        const exports: Record<string, string> = {};
        let rest = text;
        for (let e = /^export ([A-Z_]+_B64)='([A-Za-z0-9+/= ]*)'\n/.exec(rest); e; e = /^export ([A-Z_]+_B64)='([A-Za-z0-9+/= ]*)'\n/.exec(rest)) {
          exports[e[1]] = e[2];
          rest = rest.slice(e[0].length);
        }
        const script = (Object.keys(GUEST_SCRIPTS) as GuestScriptName[]).find((k) => GUEST_SCRIPTS[k] === rest);
        p = def.provisioners.find(
          (x) =>
            x.type === 'shell' &&
            script !== undefined &&
            (x.options.inline as { const?: string } | undefined)?.const === `Svcplan::${script}` &&
            canonicalJson(base64Env(x.env as Record<string, GuestValue>)) === canonicalJson(exports),
        );
      } else {
        return fail(`a line no svcplan payload has: ${line.slice(0, 80)}`);
      }
      if (!p) {
        this.effect(ctx.call, { kind: 'unknown-provisioner', machine: m.name, dir: m.dir, id: m.id, detail: line.slice(0, 120) });
        return fail(`the guest command matches no provisioner of ${m.name}'s Vagrantfile: ${line.slice(0, 120)}`, 1);
      }
      names.push(p.name);
    }
    ctx.call.guest = { provisioners: names };
    this.runProvisioners(ctx, env, m, def, names);
    return { stdout: ctx.out.join(''), stderr: ctx.err.join(''), exitCode: 0 };
  }

  // --- effects --------------------------------------------------------------------------------

  /** SetNameOfDomain: refuses a name a domain already has (one a cut-off `up` defined, unrecorded). */
  private checkDomainName(env: Env, name: string): void {
    const domain = domainName(env.dir, name);
    if ((this.s.unrecordedDomains ?? []).some((d) => d.dir === env.dir && d.name === name)) {
      throw new VagrantError(`Name \`${domain}\` of domain about to create is already taken. Please try to run\n\`vagrant up\` command again.\n`);
    }
  }

  /** CreateDomainVolume: refuses a volume left by a create that never finished. */
  private createRootVolume(ctx: CallContext, env: Env, def: MachineDef): void {
    const key = rootVolumeKey(env.dir, def.name);
    const volumes = (this.s.rootVolumes ??= []);
    ctx.out.push(`==> ${def.name}: Creating image (snapshot of base box volume).\n`);
    if (volumes.includes(key)) throw new VagrantError("Volume for domain is already created. Please run 'vagrant destroy' first.\n");
    volumes.push(key);
    this.effect(ctx.call, { kind: 'root-volume-created', machine: def.name, dir: env.dir, disk: key });
  }

  private removeRootVolume(ctx: CallContext, env: Env, name: string): boolean {
    const key = rootVolumeKey(env.dir, name);
    const volumes = this.s.rootVolumes ?? [];
    if (!volumes.includes(key)) return false;
    this.s.rootVolumes = volumes.filter((v) => v !== key);
    this.effect(ctx.call, { kind: 'root-volume-removed', machine: name, dir: env.dir, disk: key });
    return true;
  }

  private create(ctx: CallContext, env: Env, def: MachineDef): Machine {
    if (!def.box) throw new VagrantError(`==> ${def.name}: No box configured.\n`);
    const version = pinnedVersion(def.boxVersion) ?? '0';
    const boxId = `${def.box}@${version}`;
    if (!this.s.boxes.includes(boxId)) {
      if (def.box.startsWith(MISSING_BOX_PREFIX)) throw new VagrantError(T.boxNotFound(def.box), 1, ctx.out.join(''));
      this.addBox(ctx.call, env.home, def.box, version, { dir: env.dir, machine: def.name });
      ctx.out.push(
        `==> ${def.name}: Box '${def.box}' could not be found. Attempting to find and install...\n==> ${def.name}: Successfully added box '${def.box}' (v${version}) for 'libvirt'!\n`,
      );
    }
    const m: Machine = {
      dir: env.dir,
      name: def.name,
      id: randomUUID(),
      indexUuid: randomUUID().replace(/-/g, ''),
      box: { name: def.box, version },
      memory: def.memory,
      cpus: def.cpus,
      state: 'running',
      sshReady: false,
      apps: {},
      provisionerRuns: {},
      replacement: false,
      saveRuns: 0,
      restoreRuns: 0,
      createdAt: 0,
      home: env.home,
      address: `192.0.2.${((this.s.addresses = (this.s.addresses ?? 0) + 1) % 250) + 2}`,
      endpoint: endpointOf(def),
    };
    ctx.out.push(`==> ${def.name}: Creating domain with the following settings...\n==> ${def.name}:  -- Name:              ${domainName(env.dir, def.name)}\n`);
    m.createdAt = this.effect(ctx.call, { kind: 'machine-created', machine: def.name, dir: env.dir, id: m.id, detail: `${m.box.name} ${m.box.version}` }).seq;
    const pool = typeof def.libvirt.storage_pool_name === 'string' ? def.libvirt.storage_pool_name : 'default';
    for (const s of def.storage) {
      if (s.type !== 'file' || !s.path) continue;
      const key = `${pool}/${s.path}`;
      const existing = this.s.disks[key];
      if (existing && s.allowExisting && existing.neverUsed) {
        // Empty still: the machine starts its app state on it, as on a new disk.
        delete existing.neverUsed;
        m.disk = key;
        m.appState = existing.lineage;
        this.effect(ctx.call, { kind: 'disk-attached', machine: def.name, dir: env.dir, id: m.id, disk: key });
      } else if (existing && s.allowExisting) {
        m.disk = key;
        m.replacement = true;
        this.effect(ctx.call, { kind: 'disk-attached', machine: def.name, dir: env.dir, id: m.id, disk: key });
        ctx.out.push(`==> ${def.name}:  -- Disk(vdb):         ${s.path}, virtio, ${existing.sizeGiB}G (Remove only manually) Not created - using existed.\n`);
      } else if (existing) {
        throw new VagrantError(`Call to virStorageVolCreateXML failed: storage volume '${s.path}' exists already\n`);
      } else {
        const disk: Disk = { key, pool, name: s.path, sizeGiB: s.sizeGiB ?? 10, lineage: `app-state:${def.name}:${this.s.seq + 1}` };
        this.s.disks[key] = disk;
        m.disk = key;
        m.appState = disk.lineage;
        this.effect(ctx.call, { kind: 'disk-created', machine: def.name, dir: env.dir, id: m.id, disk: key, detail: `${disk.sizeGiB}G` });
        ctx.out.push(`==> ${def.name}:  -- Disk(vdb):         ${s.path}, virtio, ${disk.sizeGiB}G (Remove only manually)\n`);
      }
    }
    if (ctx.control?.mode === 'during-define') {
      // servers.create has defined the domain; the group dies before `machine.id =` writes the id.
      (this.s.unrecordedDomains ??= []).push({ dir: env.dir, name: def.name, id: m.id });
      if (m.disk && !m.replacement) this.s.disks[m.disk].neverUsed = true;
      this.effect(ctx.call, { kind: 'domain-defined-unrecorded', machine: def.name, dir: env.dir, id: m.id });
      ctx.call.control = 'kill-during';
      ctx.control.kill?.('SIGKILL');
      throw new VagrantError('Killed\n', 137);
    }
    this.s.machines[machineKey(env.dir, def.name)] = m;
    this.writeMachineFiles(env, m);
    this.effect(ctx.call, { kind: 'booted', machine: def.name, dir: env.dir, id: m.id });
    ctx.out.push(`==> ${def.name}: Starting domain.\n`);
    return m;
  }

  /** Starts a halted domain with the Vagrantfile's current memory and cpus (StartDomain updates them). */
  private boot(ctx: CallContext, m: Machine, def: MachineDef): void {
    if (m.memory !== def.memory || m.cpus !== def.cpus) {
      this.effect(ctx.call, {
        kind: 'reconfigured',
        machine: m.name,
        dir: m.dir,
        id: m.id,
        detail: `memory ${m.memory}→${def.memory}, cpus ${m.cpus}→${def.cpus}`,
      });
      m.memory = def.memory;
      m.cpus = def.cpus;
    }
    m.state = 'running';
    m.sshReady = false;
    // QEMU forwards the port the Vagrantfile gives at boot.
    m.endpoint = endpointOf(def);
    this.effect(ctx.call, { kind: 'booted', machine: m.name, dir: m.dir, id: m.id });
    this.updateIndex(m);
    ctx.out.push(`==> ${m.name}: Starting domain.\n`);
  }

  private halted(ctx: CallContext, m: Machine): void {
    m.state = 'shutoff';
    m.sshReady = false;
    this.effect(ctx.call, { kind: 'halted', machine: m.name, dir: m.dir, id: m.id });
    this.updateIndex(m);
  }

  private destroyMachine(ctx: CallContext, env: Env, m: Machine): void {
    const disk = m.disk ? this.s.disks[m.disk] : undefined;
    if (disk && m.appState !== undefined && m.appState !== disk.token && m.appState === disk.lineage && disk.token !== undefined) {
      // Never flagged for a VM whose state was never saved at all (scale-in keeps the disk as it is).
      this.effect(ctx.call, { kind: 'unsaved-state-destroyed', machine: m.name, dir: m.dir, id: m.id, disk: disk.key });
    }
    delete this.s.machines[machineKey(env.dir, m.name)];
    this.removeRootVolume(ctx, env, m.name);
    this.effect(ctx.call, { kind: 'machine-destroyed', machine: m.name, dir: m.dir, id: m.id, detail: m.appState });
    this.removeMachineFiles(env, m);
  }

  private runProvisioners(ctx: CallContext, env: Env, m: Machine, def: MachineDef, names: string[]): void {
    for (const name of names) {
      const p = def.provisioners.find((x) => x.name === name)!;
      ctx.out.push(`==> ${m.name}: Running provisioner: ${p.name} (${p.type})...\n`);
      m.provisionerRuns[p.name] = (m.provisionerRuns[p.name] ?? 0) + 1;
      this.effect(ctx.call, { kind: 'provisioner', machine: m.name, dir: m.dir, id: m.id, detail: p.name });
      this.provisionerEffect(ctx, m, p);
    }
  }

  private provisionerEffect(ctx: CallContext, m: Machine, p: ProvisionerDef): void {
    const env = p.env;
    if (p.name.startsWith('app-') && typeof env.APP_NAME === 'string' && typeof env.APP_VERSION === 'string') {
      m.apps[env.APP_NAME] = env.APP_VERSION;
    } else if (p.name === 'apps-prune' && Array.isArray(env.SVCPLAN_APPS)) {
      const keep = new Set(env.SVCPLAN_APPS as string[]);
      for (const app of Object.keys(m.apps)) if (!keep.has(app)) delete m.apps[app];
    } else if (p.name === 'features' && Array.isArray(env.SVCPLAN_FEATURES)) {
      m.features = [...(env.SVCPLAN_FEATURES as string[])];
    } else if (p.name === 'settings' && typeof env.SVCPLAN_SETTINGS === 'string') {
      m.settings = env.SVCPLAN_SETTINGS;
    } else if (p.name === 'save-state') {
      m.saveRuns++;
      const disk = m.disk ? this.s.disks[m.disk] : undefined;
      if (m.replacement && m.restoreRuns === 0) {
        this.effect(ctx.call, { kind: 'save-on-new-vm', machine: m.name, dir: m.dir, id: m.id, disk: m.disk });
      }
      if (disk) disk.token = m.appState ?? `nothing (saved by the new VM ${m.id} before its restore)`;
    } else if (p.name === 'restore-state') {
      m.restoreRuns++;
      if (m.restoreRuns > 1) this.effect(ctx.call, { kind: 'restore-again', machine: m.name, dir: m.dir, id: m.id, disk: m.disk });
      const disk = m.disk ? this.s.disks[m.disk] : undefined;
      m.appState = disk?.token ?? `nothing (restored from a disk nothing was saved to)`;
    }
  }

  // --- files Vagrant writes -------------------------------------------------------------------

  private dataDir(env: Env | Machine, name: string): string {
    return join(env.dir, '.vagrant', 'machines', name, 'libvirt');
  }

  private writeMachineFiles(env: Env, m: Machine): void {
    const dir = this.dataDir(env, m.name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'id'), m.id);
    writeFileSync(join(dir, 'creator_uid'), String(process.getuid?.() ?? 0));
    writeFileSync(join(dir, 'index_uuid'), m.indexUuid);
    writeFileSync(join(dir, 'vagrant_cwd'), env.dir);
    this.editIndex(m.home, (machines) => {
      machines[m.indexUuid] = indexEntry(m);
    });
  }

  private updateIndex(m: Machine): void {
    this.editIndex(m.home, (machines) => {
      if (machines[m.indexUuid]) machines[m.indexUuid] = indexEntry(m);
    });
  }

  private writeSentinel(env: Env, m: Machine): void {
    const dir = this.dataDir(env, m.name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'action_provision'), `1.5:${m.id}`);
  }

  private sentinelMatches(env: Env, m: Machine): boolean {
    const file = join(this.dataDir(env, m.name), 'action_provision');
    return existsSync(file) && readFileSync(file, 'utf8').trim() === `1.5:${m.id}`;
  }

  private removeMachineFiles(env: Env, m: Machine): void {
    rmSync(this.dataDir(env, m.name), { recursive: true, force: true });
    this.editIndex(m.home, (machines) => {
      delete machines[m.indexUuid];
    });
  }

  private editIndex(home: string, edit: (machines: Record<string, unknown>) => void): void {
    const file = join(home, 'data', 'machine-index', 'index');
    let data: { version: number; machines: Record<string, unknown> } = { version: 1, machines: {} };
    if (existsSync(file)) data = JSON.parse(readFileSync(file, 'utf8'));
    edit(data.machines);
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, file);
  }

  // --- virsh ----------------------------------------------------------------------------------

  private async virsh(ctx: CallContext): Promise<CallResult> {
    const args = [...ctx.call.args];
    let uri = this.defaultUri;
    while (args.length > 0 && args[0].startsWith('-')) {
      const flag = args.shift()!;
      if (flag === '-c' || flag === '--connect') uri = args.shift() ?? uri;
    }
    await this.pause(ctx.call);
    const one = async (argv: string[]) => {
      const command = argv.shift() ?? '';
      const handler = this.virshCommands[command];
      if (!handler) throw new VagrantError(`error: unknown command: '${command}'\n`);
      const pool = flagValue(argv, '--pool') ?? 'default';
      return handler(ctx, { uri, command, argv, pool, positionals: positionals(argv, ['--pool']) });
    };
    // One argument holding `cmd a; cmd b`: virsh runs each in turn, on after a failure; the last decides the exit code.
    if (args.length !== 1 || !/[;\s]/.test(args[0])) return ok(ctx, await one(args));
    let stdout = '';
    let stderr = '';
    let exitCode = 0;
    for (const command of args[0]
      .split(';')
      .map((c) => c.trim().split(/\s+/).filter(Boolean))
      .filter((c) => c.length > 0)) {
      try {
        stdout += await one(command);
        exitCode = 0;
      } catch (err) {
        if (!(err instanceof VagrantError)) throw err;
        // virsh ends a failed command of a string with an empty line too (captured).
        stdout += '\n';
        stderr += err.stderr;
        exitCode = err.exitCode;
      }
    }
    return { stdout: ctx.out.join('') + stdout, stderr: ctx.err.join('') + stderr, exitCode };
  }

  /** A domain by UUID or by name (vagrant-libvirt's `<dir basename>_<machine>`). */
  private domain(ref: string): Machine | undefined {
    return this.machines().find((m) => m.id === ref || domainName(m.dir, m.name) === ref);
  }

  /** A domain CreateDomain defined that Vagrant never recorded, by UUID or by name. */
  private unrecordedDomain(ref: string): UnrecordedDomain | undefined {
    return (this.s.unrecordedDomains ?? []).find((d) => d.id === ref || domainName(d.dir, d.name) === ref);
  }

  private async domstate(_ctx: CallContext, v: VirshCall): Promise<string> {
    const ref = v.positionals[0] ?? '';
    if (this.unrecordedDomain(ref)) return 'shut off\n\n';
    const m = this.domain(ref);
    if (!m) throw new VagrantError(`error: failed to get domain '${ref}'\n`);
    return `${m.state === 'running' ? 'running' : 'shut off'}\n\n`;
  }

  /** Removes a domain's definition, never its volumes. Only ever asked of an unrecorded one. */
  private async undefine(ctx: CallContext, v: VirshCall): Promise<string> {
    const ref = v.positionals[0] ?? '';
    const d = this.unrecordedDomain(ref);
    if (d) {
      this.s.unrecordedDomains = this.s.unrecordedDomains!.filter((x) => x !== d);
      this.effect(ctx.call, { kind: 'domain-undefined', machine: d.name, dir: d.dir, id: d.id });
      return `Domain '${domainName(d.dir, d.name)}' has been undefined\n\n`;
    }
    const m = this.domain(ref);
    if (!m) throw new VagrantError(`error: failed to get domain '${ref}'\n`);
    this.effect(ctx.call, { kind: 'unsafe-undefine', machine: m.name, dir: m.dir, id: m.id, detail: m.state });
    throw new VagrantError(`chaos stand-in: undefine of ${ref}, a domain Vagrant records (${m.state}), is not modelled: svcplan must never do it\n`);
  }

  private async list(_ctx: CallContext, v: VirshCall): Promise<string> {
    const all = v.argv.includes('--all');
    const domains = this.machines()
      .filter((m) => all || m.state === 'running')
      .map((m, i) => ({
        id: m.state === 'running' ? String(i + 1) : '-',
        uuid: m.id,
        name: domainName(m.dir, m.name),
        state: m.state === 'running' ? 'running' : 'shut off',
      }));
    if (v.argv.includes('--uuid') || v.argv.includes('--name')) {
      return (
        domains.map((d) => [v.argv.includes('--uuid') ? d.uuid : '', v.argv.includes('--name') ? d.name : ''].filter(Boolean).join(' ')).join('\n') + '\n\n'
      );
    }
    const width = Math.max(4, ...domains.map((d) => d.name.length));
    const rows = domains.map((d) => ` ${d.id.padEnd(4)} ${d.name.padEnd(width)}   ${d.state}`);
    return ` Id   ${'Name'.padEnd(width)}   State\n${'-'.repeat(width + 17)}\n${rows.map((r) => r + '\n').join('')}\n`;
  }

  /** The volume a virsh call names, or virsh's error. */
  private volume(v: VirshCall): Disk {
    const name = v.positionals[0] ?? '';
    const disk = this.s.disks[`${v.pool}/${name}`];
    if (!disk) throw new VagrantError(`error: failed to get vol '${name}'\nerror: Storage volume not found: no storage vol with matching path '${name}'\n`);
    return disk;
  }

  private async volResize(ctx: CallContext, v: VirshCall): Promise<string> {
    const disk = this.volume(v);
    const [volume, sizeArg = ''] = v.positionals;
    const size = /^(\d+)(G|GiB)?$/.exec(sizeArg);
    if (!size)
      throw new VagrantError(`error: Failed to change size of volume '${volume}' to ${sizeArg}\nerror: invalid argument: unsupported size in this model\n`);
    const want = Number(size[1]);
    const holder = this.holderOf(disk.key);
    if (holder && holder.state === 'running') {
      throw new VagrantError(
        `error: Failed to change size of volume '${volume}' to ${sizeArg}\nerror: internal error: Child process (/usr/bin/qemu-img resize ${volume} ${want}G) unexpected exit status 1: qemu-img: Could not open '${volume}': Failed to get "write" lock\nIs another process using the image [${volume}]?\n`,
      );
    }
    if (want < disk.sizeGiB && !v.argv.includes('--shrink')) {
      throw new VagrantError(
        `error: Failed to change size of volume '${volume}' to ${sizeArg}\nerror: invalid argument: Can't shrink capacity below current capacity unless shrink flag explicitly specified\n`,
      );
    }
    this.effect(ctx.call, { kind: 'disk-resized', disk: disk.key, detail: `${disk.sizeGiB}G→${want}G` });
    disk.sizeGiB = want;
    return `Size of volume '${volume}' successfully changed to ${sizeArg}\n\n`;
  }

  private async volDelete(ctx: CallContext, v: VirshCall): Promise<string> {
    const disk = this.volume(v);
    delete this.s.disks[disk.key];
    this.effect(ctx.call, { kind: 'disk-deleted', disk: disk.key });
    return `Vol ${disk.name} deleted\n\n`;
  }

  private async volInfo(_ctx: CallContext, v: VirshCall): Promise<string> {
    const disk = this.volume(v);
    return `Name:           ${disk.name}\nType:           file\nCapacity:       ${disk.sizeGiB.toFixed(2)} GiB\nAllocation:     0.00 GiB\n\n`;
  }

  private async volList(_ctx: CallContext, v: VirshCall): Promise<string> {
    const lines = Object.values(this.s.disks)
      .filter((d) => d.pool === v.pool)
      .map((d) => ` ${d.name.padEnd(40)} /var/lib/libvirt/images/${d.name}`);
    return ` Name                                     Path\n${'-'.repeat(80)}\n${lines.join('\n')}\n\n`;
  }

  /** The machine a state disk is attached to (the one created with it that still exists). */
  holderOf(diskKey: string): Machine | undefined {
    return Object.values(this.s.machines).find((m) => m.disk === diskKey);
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function ok(ctx: CallContext, stdout: string): CallResult {
  return { stdout: ctx.out.join('') + stdout, stderr: ctx.err.join(''), exitCode: 0 };
}

function basename(path: string): string {
  return path.split('/').filter(Boolean).pop() ?? path;
}

function indexEntry(m: Machine): Record<string, unknown> {
  return {
    local_data_path: join(m.dir, '.vagrant'),
    name: m.name,
    provider: 'libvirt',
    state: m.state,
    vagrantfile_name: null,
    vagrantfile_path: m.dir,
    updated_at: null,
    extra_data: { box: { name: m.box.name, provider: 'libvirt', version: m.box.version } },
  };
}

/** The command a call names: a vagrant subcommand, a virsh command; `ssh` for ssh. */
function commandOf(call: Pick<CallRecord, 'program' | 'args'>): string | undefined {
  if (call.program === 'virsh') return virshCommand(call.args);
  if (call.program === 'ssh') return 'ssh';
  return call.args.find((a) => !a.startsWith('-'));
}

/** Where a machine's Vagrantfile forwards SSH from (node.ssh.host/port), if it does. */
function endpointOf(def: MachineDef): { host: string; port: number } | undefined {
  return def.sshPort !== undefined ? { host: def.sshHost ?? '127.0.0.1', port: def.sshPort } : undefined;
}

/** The settings an ssh_config file gives a Host, as ssh reads them (first value wins). */
function readSshConfig(file: string, alias: string): { hostName: string; port: number; user: string; identityFiles: string[] } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const block = parseSshConfig(text).find((b) => b.host === alias);
  const settings = sshSettingsOf(block);
  return settings ? { hostName: settings.hostName, port: settings.port, user: settings.user, identityFiles: settings.identityFiles } : undefined;
}

/** The start every provisioner payload of svcplan has: a group, and its two helpers. */
const PROVISION_PRELUDE = provisionPayload([], () => Buffer.alloc(0)).replace(/exit 0\n\}\n$/, '');

function canonicalJson(value: Record<string, string>): string {
  return JSON.stringify(
    Object.keys(value)
      .sort()
      .map((k) => [k, value[k]]),
  );
}

function virshCommand(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-c' || args[i] === '--connect') {
      i++;
      continue;
    }
    if (!args[i].startsWith('-')) return args[i];
  }
  return undefined;
}

/** The machine a call acts on: vagrant's NAME, or the instance whose state volume virsh touches. */
export function targetOf(call: Pick<CallRecord, 'program' | 'args'>): string | undefined {
  // ssh -F FILE … ALIAS 'sh -s': svcplan names the Host block after the machine.
  if (call.program === 'ssh') return call.args.length >= 2 ? call.args[call.args.length - 2] : undefined;
  if (call.program === 'virsh') {
    const args = [...call.args];
    const i = args.indexOf(virshCommand(args) ?? '');
    const rest = positionals(args.slice(i + 1), ['--pool']);
    const vol = rest[0];
    return vol?.endsWith('-state.qcow2') ? vol.slice(0, -'-state.qcow2'.length) : vol;
  }
  if (call.program !== 'vagrant') return undefined;
  const sub = call.args.findIndex((a) => !a.startsWith('-'));
  if (sub < 0) return undefined;
  const rest = call.args.slice(sub + 1);
  const dashdash = rest.indexOf('--');
  return positionals(dashdash >= 0 ? rest.slice(0, dashdash) : rest, ['-c', '--command', '--provider', '--provision-with', '--pool'])[0];
}

/** Arguments that are not flags, skipping the values of the flags named in `withValue`. */
function positionals(argv: string[], withValue: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a.startsWith('-')) {
      if (withValue.includes(a)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

function flagValue(argv: string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === flag) return argv[i + 1];
    if (argv[i].startsWith(flag + '=')) return argv[i].slice(flag.length + 1);
  }
  return undefined;
}

function listFlag(argv: string[], flag: string): string[] | undefined {
  const value = flagValue(argv, flag);
  return value === undefined ? undefined : value.split(',').filter(Boolean);
}

interface StartOptions {
  /** --provision (true), --no-provision (false), --provision-with (true); undefined: not given. */
  enabled?: boolean;
  types?: string[];
  /** Set by any of the provision flags. */
  ignoreSentinel: boolean;
}

function startOptions(argv: string[]): StartOptions {
  const opts: StartOptions = { ignoreSentinel: false };
  for (const a of argv) {
    if (a === '--provision') Object.assign(opts, { enabled: true, ignoreSentinel: true });
    if (a === '--no-provision') Object.assign(opts, { enabled: false, ignoreSentinel: true });
  }
  const types = listFlag(argv, '--provision-with');
  if (types) Object.assign(opts, { types, enabled: true, ignoreSentinel: true });
  return opts;
}

/** Vagrant's Provision middleware: which provisioners run, in Vagrantfile order. */
function selectProvisioners(defs: ProvisionerDef[], opts: StartOptions & { sentinel: boolean }): string[] {
  if (opts.enabled === false) return [];
  const enabled = !(opts.sentinel && !opts.ignoreSentinel);
  const names: string[] = [];
  for (const p of defs) {
    if (p.run === 'never') {
      if (opts.types?.includes(p.name)) names.push(p.name);
      continue;
    }
    if (opts.types && !opts.types.includes(p.type) && !opts.types.includes(p.name)) continue;
    if (!enabled && p.run !== 'always') continue;
    names.push(p.name);
  }
  return names;
}

/** up and reload: an error only when no name is a defined provisioner and one is not a type. */
function validateProvisionerFlags(defs: MachineDef[], types: string[]): void {
  const names = new Set(defs.flatMap((d) => d.provisioners.map((p) => p.name)));
  if (types.some((t) => names.has(t))) return;
  for (const t of types) if (!PROVISIONER_TYPES.has(t)) throw new VagrantError(T.provisionerFlagInvalid(t));
}

/** Whether a call runs the named provisioner: by vagrant's --provision-with, or in an SSH payload. */
function runsProvisioner(call: CallRecord, input: CallInput, name: string): boolean {
  if (call.program === 'ssh') return (input.stdin ?? '').includes(`'Running provisioner: ${name} (`);
  const i = call.args.indexOf('--provision-with');
  return call.program === 'vagrant' && i >= 0 && (call.args[i + 1] ?? '').split(',').includes(name);
}

function faultMessage(call: CallRecord): string {
  if (call.program === 'ssh') return 'chaos stand-in: the guest command failed (injected by the chaos suite)\n';
  if (call.program === 'virsh') return `error: Failed to ${virshCommand(call.args) ?? 'run'}: internal error: injected by the chaos suite\n`;
  const name = call.target ?? 'default';
  return (
    `An error occurred while executing the action on the '${name}'\nmachine. Please handle this error then try again:\n\n` +
    'There was an error talking to Libvirt. The error message is shown\nbelow:\n\n' +
    'Call to virDomainCreateWithFlags failed: internal error: process exited while connecting to monitor (injected by the chaos suite)\n'
  );
}

// ---------------------------------------------------------------------------------------------
// Serving the model

/** `'…'` for sh: every byte inside single quotes, a quote as '\''. */
export function shQuote(text: string): string {
  return "'" + text.replace(/'/g, "'\\''") + "'";
}

/** The shell snippet the client evals: stdout, stderr, exit code. */
export function shellAnswer(result: CallResult): string {
  const parts: string[] = [];
  if (result.stdout) parts.push(`printf '%s' ${shQuote(result.stdout)}`);
  if (result.stderr) parts.push(`printf '%s' ${shQuote(result.stderr)} >&2`);
  parts.push(`exit ${result.exitCode}`);
  return parts.join('\n') + '\n';
}

/** application/x-www-form-urlencoded, decoded by hand so that repeated keys keep their order. */
export function decodeForm(body: Buffer): [string, string][] {
  const text = body.toString('latin1');
  const out: [string, string][] = [];
  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = eq < 0 ? part : part.slice(0, eq);
    const v = eq < 0 ? '' : part.slice(eq + 1);
    out.push([decodeComponent(k), decodeComponent(v)]);
  }
  return out;
}

function decodeComponent(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '+') bytes.push(0x20);
    else if (c === '%' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes).toString('utf8');
}

export interface HypervisorServer {
  model: Hypervisor;
  socket: string;
  close(): Promise<void>;
}

/** Serves the model on a UNIX socket: POST /call with p=PROGRAM, cwd, vcwd, home, ppid, a=ARG… */
export async function serveHypervisor(model: Hypervisor, socket: string): Promise<HypervisorServer> {
  if (existsSync(socket)) unlinkSync(socket);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const fields = decodeForm(Buffer.concat(chunks));
      const get = (k: string) => fields.find(([key]) => key === k)?.[1];
      const input: CallInput = {
        program: get('p') ?? 'vagrant',
        args: fields.filter(([k]) => k === 'a').map(([, v]) => v),
        cwd: get('cwd') ?? '/',
        vagrantCwd: get('vcwd') || undefined,
        vagrantHome: get('home') || undefined,
        ppid: Number(get('ppid')) || undefined,
        pid: Number(get('pid')) || undefined,
        ...(fields.some(([k]) => k === 'in') ? { stdin: get('in') } : {}),
      };
      model.handle(input).then(
        (result) => {
          res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
          res.end(shellAnswer(result));
        },
        (err: Error) => {
          res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
          res.end(shellAnswer({ stdout: '', stderr: `chaos stand-in: the model failed: ${err.stack ?? err.message}\n`, exitCode: 70 }));
        },
      );
    });
  });
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, () => resolve());
  });
  return {
    model,
    socket,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** The client script's path in this repository. */
export function clientScript(): string {
  return new URL('./bin/vagrant', import.meta.url).pathname;
}
