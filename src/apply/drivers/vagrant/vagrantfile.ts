// One Vagrantfile per service: a multi-machine file with one `config.vm.define` per instance,
// each with its own spec (during a rollout, instances of one tier differ). Values reach Ruby only
// as literals (ruby.ts) and reach guest shell scripts only base64-encoded in the provisioner
// `env:` hash or as uploaded files: Vagrant splices `env:` values into a shell command line
// inside double quotes, where `$(...)` would run, so raw values never go there.

import { join, resolve, relative, isAbsolute, sep } from 'node:path';
import type { DriverInstance } from '../../driver.js';
import type { InstanceSpec, ServiceSpec, SshEndpoint } from '../../../model/types.js';
import { RubySymbol, isRubyIdentifier, rubyLiteral, rubyString, symbolHash } from './ruby.js';

/**
 * Keys of `target.options` that are svcplan's, not the provider's:
 * - `svcplan_network: loopback` (libvirt): no libvirt network at all. Sets `mgmt_attach = false`,
 *   `qemu_use_agent = true` and gives each VM one NIC, a UDP tunnel between two 127.0.0.1 ports
 *   (`auto_config: false`), so vagrant-libvirt has a MAC to match the guest agent's answer
 *   against. SSH then goes only through `target.ssh` (required with this preset).
 * - `svcplan_state_controller` (virtualbox): the storage controller the state disk is attached
 *   to, default `SATA Controller`.
 * Every other key is a provider setting: `lv.<key> = value` when the provider has that setter,
 * else the method `lv.<key>(value)` (a hash becomes keyword options, a list calls it per item).
 */
export const SVCPLAN_OPTION_KEYS = ['svcplan_network', 'svcplan_state_controller'] as const;

/** Where the user-mode NIC's guest side lives; the MAC is what guests match to configure it. */
export const SSH_NIC = { net: '198.18.0.0/24', mac: '52:54:00:12:34:22', pciAddr: '0x1e' } as const;

/** State disk mount point suggested to hooks (env SVCPLAN_STATE_MOUNT). */
export const STATE_MOUNT = '/var/lib/svcplan/state';

/** Guest paths that uploaded scripts land on before a provisioner runs them. */
export const GUEST_UPLOAD_DIR = '/tmp';

export function vagrantDirOf(repoDir: string, service: string): string {
  return join(repoDir, '.svcplan', 'vagrant', service);
}

/** The persistent state disk's file name (libvirt: a volume of the storage pool). */
export function stateDiskName(instance: string): string {
  return `${instance}-state.qcow2`;
}

export function virtualboxStateDiskPath(vagrantDir: string, instance: string): string {
  // Outside VirtualBox's machine folder: `vagrant destroy` deletes that folder with its disks.
  return join(vagrantDir, 'state-disks', `${instance}-state.vdi`);
}

export function stateDevice(provider: InstanceSpec['target']['provider']): string {
  return provider === 'libvirt' ? '/dev/vdb' : '/dev/sdb';
}

/**
 * Instance slot k of a service, stable across scaling: tiers in order, each tier reserving
 * `scale.max` slots, then n. A VM's SSH port is fixed when it is created, so it must not move
 * when another tier grows.
 */
export function instanceSlot(service: ServiceSpec, tier: string, index: number): number {
  let offset = 0;
  for (const t of service.tiers) {
    if (t.name === tier) return offset + index - 1;
    offset += Math.max(t.scale.max, t.count);
  }
  return offset + index - 1;
}

/**
 * Where an instance's SSH is forwarded to: its own spec's endpoint (during a rollout that moves
 * the endpoint, an instance not restarted yet still listens where it did), at its slot.
 */
export function sshEndpointOf(service: ServiceSpec, inst: Pick<DriverInstance, 'tier' | 'index' | 'spec'>): { host: string; port: number } | undefined {
  const ssh: SshEndpoint | undefined = inst.spec.target.ssh;
  if (!ssh) return undefined;
  const port = ssh.portBase + instanceSlot(service, inst.tier, inst.index);
  if (port > 65535) throw new VagrantfileError(`service ${service.name}: SSH port ${port} of ${inst.tier}-${inst.index} is above 65535; lower target.ssh.portBase`);
  return { host: ssh.host, port };
}

export class VagrantfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VagrantfileError';
  }
}

export interface VagrantfileInput {
  repoDir: string;
  service: ServiceSpec;
  instances: DriverInstance[];
}

/** Provisioner names an instance's Vagrantfile defines, in the order `up` runs them. */
export function provisionerNamesOf(spec: InstanceSpec): string[] {
  const names = ['features', 'settings'];
  for (const [app, def] of sortedEntries(spec.apps)) {
    if (def.install) names.push(`app-${app}-script`);
    names.push(`app-${app}`);
  }
  names.push('apps-prune');
  if (spec.state?.save) names.push('save-state-script', 'save-state');
  if (spec.state?.restore) names.push('restore-state-script', 'restore-state');
  return names;
}

const APP_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SSH_HOST = /^[A-Za-z0-9.:-]+$/;

export function renderVagrantfile(input: VagrantfileInput, cache?: MachineBlockCache): string {
  const { service, instances, repoDir } = input;
  const vagrantDir = vagrantDirOf(repoDir, service.name);
  const out: string[] = [
    `# Generated by svcplan for service ${oneLine(service.name)} (template ${oneLine(service.template)}, release ${oneLine(service.release)}).`,
    '# Rewritten by svcplan whenever the layout of its machines changes: edit the template or the service, not this file.',
    '',
    RUBY_HELPERS,
    '',
    "Vagrant.configure('2') do |config|",
  ];
  cache?.forService(service, repoDir);
  const sorted = [...instances].sort((a, b) => a.tier.localeCompare(b.tier) || a.index - b.index);
  for (const inst of sorted) {
    out.push(cache ? cache.block(inst, service, repoDir, vagrantDir) : machineBlock(inst, service, repoDir, vagrantDir));
  }
  out.push('end', '');
  return out.join('\n');
}

/**
 * Machine blocks already rendered, by instance name, each with the spec it was rendered from, so
 * that a Vagrantfile of many machines is re-rendered at the cost of the machines that changed.
 * A block is reused only for an equal spec (compared by content, not by object) of the same
 * service spec and templates repository (`forService`, called by renderVagrantfile).
 */
export class MachineBlockCache {
  private serviceKey = '';
  private readonly blocks = new Map<string, { tier: string; index: number; specKey: string; text: string }>();

  /** Keeps the blocks only if `service` renders as the one they were made for. */
  forService(service: ServiceSpec, repoDir: string): void {
    const key = JSON.stringify([repoDir, service]);
    if (key === this.serviceKey) return;
    this.serviceKey = key;
    this.blocks.clear();
  }

  block(inst: DriverInstance, service: ServiceSpec, repoDir: string, vagrantDir: string): string {
    // The block depends on the service only through the instance's slot (its SSH port).
    const specKey = JSON.stringify(inst.spec) + '@' + instanceSlot(service, inst.tier, inst.index);
    const hit = this.blocks.get(inst.name);
    if (hit && hit.tier === inst.tier && hit.index === inst.index && hit.specKey === specKey) return hit.text;
    const text = machineBlock(inst, service, repoDir, vagrantDir);
    this.blocks.set(inst.name, { tier: inst.tier, index: inst.index, specKey, text });
    return text;
  }
}

function machineBlock(inst: DriverInstance, service: ServiceSpec, repoDir: string, vagrantDir: string): string {
  return renderMachine(inst, service, repoDir, vagrantDir)
    .map((l) => '  ' + l)
    .join('\n');
}

function renderMachine(inst: DriverInstance, service: ServiceSpec, repoDir: string, vagrantDir: string): string[] {
  const spec = inst.spec;
  const provider = spec.target.provider;
  const options = { ...spec.target.options };
  const network = options.svcplan_network;
  const controller = options.svcplan_state_controller ?? 'SATA Controller';
  for (const key of SVCPLAN_OPTION_KEYS) delete options[key];
  for (const key of Object.keys(options)) {
    if (!isRubyIdentifier(key)) {
      throw new VagrantfileError(
        `service ${service.name}: target.options key ${JSON.stringify(key)} is not a ${provider} setting name ` +
          '(lower-case letters, digits and _); see the provider documentation for its settings',
      );
    }
  }
  if (network !== undefined && network !== 'loopback') {
    throw new VagrantfileError(`service ${service.name}: target.options.svcplan_network must be 'loopback', not ${JSON.stringify(network)}`);
  }
  if (network === 'loopback' && provider !== 'libvirt') {
    throw new VagrantfileError(`service ${service.name}: target.options.svcplan_network: loopback is for the libvirt provider`);
  }
  const ssh = sshEndpointOf(service, inst);
  if (ssh && !SSH_HOST.test(ssh.host)) {
    throw new VagrantfileError(`service ${service.name}: target.ssh.host ${JSON.stringify(ssh.host)} is not a host name or IP address`);
  }
  if (network === 'loopback' && !ssh) {
    throw new VagrantfileError(`service ${service.name}: svcplan_network: loopback needs target.ssh (host and portBase), the only way in`);
  }

  const L: string[] = [];
  const v = rubyLiteral;
  L.push(`config.vm.define ${v(inst.name)} do |node|`);
  L.push(`  node.vm.box = ${v(spec.image.box)}`);
  L.push(`  node.vm.box_version = ${v('= ' + spec.image.version)}`);
  L.push('  node.vm.box_check_update = false');
  L.push(`  node.vm.hostname = ${v(inst.name)}`);
  if (ssh) {
    L.push(`  node.ssh.host = ${v(ssh.host)}`);
    L.push(`  node.ssh.port = ${v(ssh.port)}`);
  }
  if (network === 'loopback' && ssh) {
    const udpRemote = ssh.port + 10000 <= 65535 ? ssh.port + 10000 : ssh.port - 10000;
    const mac = `52:54:00:5e:${hex2(ssh.port >> 8)}:${hex2(ssh.port & 0xff)}`;
    L.push(
      '  # The one NIC libvirt knows: a UDP tunnel on 127.0.0.1, never configured in the guest.',
      `  node.vm.network :private_network, ${rubyKeywords({
        libvirt__tunnel_type: 'udp',
        libvirt__tunnel_ip: '127.0.0.1',
        libvirt__tunnel_port: String(udpRemote),
        libvirt__tunnel_local_ip: '127.0.0.1',
        libvirt__tunnel_local_port: String(ssh.port),
        libvirt__mac: mac,
        auto_config: false,
      })}`,
    );
  }
  if (ssh && provider === 'virtualbox') {
    L.push(`  node.vm.network :forwarded_port, ${rubyKeywords({ id: 'ssh', guest: 22, host: ssh.port, host_ip: ssh.host, auto_correct: false })}`);
  }

  // libvirt
  L.push('  node.vm.provider :libvirt do |lv|');
  L.push(`    lv.memory = ${v(spec.memory)}`);
  L.push(`    lv.cpus = ${v(spec.cpus)}`);
  if (provider === 'libvirt') {
    if (network === 'loopback') {
      L.push('    lv.mgmt_attach = false', '    lv.qemu_use_agent = true');
    }
    if (Object.keys(options).length > 0) L.push(`    Svcplan.configure(lv, ${v(options)})`);
    if (ssh) {
      // QEMU user-mode NIC, isolated (restrict=on): only host:port -> guest:22. An explicit PCI
      // slot keeps it clear of the devices libvirt places.
      const netdev = `user,id=svcplanssh,net=${SSH_NIC.net},ipv6=off,restrict=on,hostfwd=tcp:${ssh.host}:${ssh.port}-:22`;
      const device = `virtio-net-pci,netdev=svcplanssh,mac=${SSH_NIC.mac},bus=pci.0,addr=${SSH_NIC.pciAddr}`;
      for (const arg of ['-netdev', netdev, '-device', device]) L.push(`    lv.qemuargs(${rubyKeywords({ value: arg })})`);
    }
    if (spec.state) {
      L.push(
        `    lv.storage(:file, ${rubyKeywords({ path: stateDiskName(inst.name), size: `${spec.state.disk}G`, type: 'qcow2', allow_existing: true })})`,
      );
    }
  }
  L.push('  end');

  // virtualbox
  L.push('  node.vm.provider :virtualbox do |vb|');
  L.push(`    vb.memory = ${v(spec.memory)}`);
  L.push(`    vb.cpus = ${v(spec.cpus)}`);
  if (provider === 'virtualbox') {
    if (Object.keys(options).length > 0) L.push(`    Svcplan.configure(vb, ${v(options)})`);
    if (spec.state) {
      const disk = virtualboxStateDiskPath(vagrantDir, inst.name);
      L.push(
        `    vb.customize(['storageattach', :id, '--storagectl', ${v(controller)}, '--port', '1', '--device', '0', '--type', 'hdd', '--medium', ${v(disk)}])`,
      );
    }
  }
  L.push('  end');
  if (provider === 'virtualbox' && spec.state) {
    const disk = virtualboxStateDiskPath(vagrantDir, inst.name);
    L.push(
      '  # The state disk lives outside the machine folder and is detached before a destroy, so',
      '  # `vagrant destroy` (which deletes the machine folder and attached media) never takes it.',
      '  node.trigger.before :up do |trigger|',
      `    trigger.ruby { |_env, _machine| Svcplan.create_vbox_disk(${v(disk)}, ${v(spec.state.disk * 1024)}) }`,
      '  end',
      '  node.trigger.before :destroy do |trigger|',
      `    trigger.ruby { |_env, machine| Svcplan.detach_vbox_disk(machine, ${v(controller)}) }`,
      '  end',
    );
  }

  // Provisioners: all values base64-encoded by Svcplan.env, scripts fixed text.
  const device = stateDevice(provider);
  L.push(`  node.vm.provision 'features', type: 'shell', inline: Svcplan::FEATURES_SCRIPT, env: Svcplan.env(${v({ SVCPLAN_FEATURES: spec.features })})`);
  L.push(`  node.vm.provision 'settings', type: 'shell', inline: Svcplan::SETTINGS_SCRIPT, env: Svcplan.env(${v({ SVCPLAN_SETTINGS: settingsFile(spec.settings, service.name) })})`);
  for (const [app, def] of sortedEntries(spec.apps)) {
    if (!APP_NAME.test(app)) {
      throw new VagrantfileError(
        `service ${service.name}: app name ${JSON.stringify(app)} cannot name a provisioner; use letters, digits, '.', '_' and '-'`,
      );
    }
    const upload = `${GUEST_UPLOAD_DIR}/svcplan-app-${app}-install`;
    if (def.install) {
      L.push(`  node.vm.provision ${v(`app-${app}-script`)}, type: 'file', source: ${v(repoFile(repoDir, def.install, service.name))}, destination: ${v(upload)}`);
    }
    L.push(
      `  node.vm.provision ${v(`app-${app}`)}, type: 'shell', inline: Svcplan::APP_SCRIPT, env: Svcplan.env(${v({
        APP_NAME: app,
        APP_VERSION: def.version,
        SVCPLAN_INSTALL: def.install ? upload : '',
        SVCPLAN_STATE_DEVICE: spec.state ? device : '',
        SVCPLAN_STATE_MOUNT: spec.state ? STATE_MOUNT : '',
      })})`,
    );
  }
  L.push(`  node.vm.provision 'apps-prune', type: 'shell', inline: Svcplan::APPS_PRUNE_SCRIPT, env: Svcplan.env(${v({ SVCPLAN_APPS: Object.keys(spec.apps).sort() })})`);
  for (const hook of ['save', 'restore'] as const) {
    const script = spec.state?.[hook];
    if (!script) continue;
    const upload = `${GUEST_UPLOAD_DIR}/svcplan-${hook}-state`;
    L.push(
      `  node.vm.provision ${v(`${hook}-state-script`)}, type: 'file', run: 'never', source: ${v(repoFile(repoDir, script, service.name))}, destination: ${v(upload)}`,
    );
    L.push(
      `  node.vm.provision ${v(`${hook}-state`)}, type: 'shell', run: 'never', inline: Svcplan::HOOK_SCRIPT, env: Svcplan.env(${v({
        SVCPLAN_HOOK: upload,
        SVCPLAN_STATE_DEVICE: device,
        SVCPLAN_STATE_MOUNT: STATE_MOUNT,
      })})`,
    );
  }
  L.push('end');
  return L;
}

/** settings.env: `KEY='value'`, single-quoted for sh, so sourcing it runs nothing. */
export function settingsFile(settings: Record<string, string>, service: string): string {
  return sortedEntries(settings)
    .map(([key, value]) => {
      if (!ENV_NAME.test(key)) {
        throw new VagrantfileError(`service ${service}: setting ${JSON.stringify(key)} is not a valid environment variable name (letters, digits, _; not starting with a digit)`);
      }
      return `${key}=${shellQuote(String(value))}\n`;
    })
    .join('');
}

export function shellQuote(text: string): string {
  return "'" + text.replace(/'/g, "'\\''") + "'";
}

function repoFile(repoDir: string, path: string, service: string): string {
  const full = resolve(repoDir, path);
  const rel = relative(resolve(repoDir), full);
  if (isAbsolute(path) || rel.startsWith('..' + sep) || rel === '..') {
    throw new VagrantfileError(`service ${service}: script ${JSON.stringify(path)} is outside the templates repository; give a path relative to its root`);
  }
  return full;
}

function rubyKeywords(entries: Record<string, unknown>): string {
  return [...symbolHash(entries).entries()].map(([k, val]) => `${(k as RubySymbol).name}: ${rubyLiteral(val)}`).join(', ');
}

function sortedEntries<T>(record: Record<string, T>): [string, T][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

// Guest scripts: fixed text, POSIX sh (busybox ash is enough). Values arrive as NAME_B64
// variables; a list is a space-separated run of base64 items.
const DECODE = [
  'set -eu',
  "d() { printf '%s' \"$1\" | base64 -d; }",
  'svcplan_settings() { if [ -f /etc/svcplan/settings.env ]; then set -a; . /etc/svcplan/settings.env; set +a; fi; }',
].join('\n');

const FEATURES_SCRIPT = `${DECODE}
mkdir -p /etc/svcplan
: > /etc/svcplan/features.new
for item in $SVCPLAN_FEATURES_B64; do d "$item" >> /etc/svcplan/features.new; echo >> /etc/svcplan/features.new; done
mv /etc/svcplan/features.new /etc/svcplan/features
if [ -x /usr/local/sbin/svcplan-feature ]; then
  for item in $SVCPLAN_FEATURES_B64; do /usr/local/sbin/svcplan-feature "$(d "$item")"; done
fi
`;

const SETTINGS_SCRIPT = `${DECODE}
mkdir -p /etc/svcplan
d "$SVCPLAN_SETTINGS_B64" > /etc/svcplan/settings.env.new
chmod 0600 /etc/svcplan/settings.env.new
mv /etc/svcplan/settings.env.new /etc/svcplan/settings.env
`;

const APP_SCRIPT = `${DECODE}
APP_NAME=$(d "$APP_NAME_B64"); APP_VERSION=$(d "$APP_VERSION_B64"); install=$(d "$SVCPLAN_INSTALL_B64")
export APP_NAME APP_VERSION
if [ -n "$SVCPLAN_STATE_DEVICE_B64" ]; then
  SVCPLAN_STATE_DEVICE=$(d "$SVCPLAN_STATE_DEVICE_B64"); SVCPLAN_STATE_MOUNT=$(d "$SVCPLAN_STATE_MOUNT_B64")
  export SVCPLAN_STATE_DEVICE SVCPLAN_STATE_MOUNT
fi
dir=/etc/svcplan/apps/$APP_NAME
mkdir -p "$dir"
if [ -n "$install" ]; then
  mv "$install" "$dir/install.sh"; chmod 0755 "$dir/install.sh"
  svcplan_settings
  "$dir/install.sh"
fi
d "$APP_VERSION_B64" > "$dir/version.new"
mv "$dir/version.new" "$dir/version"
`;

const APPS_PRUNE_SCRIPT = `${DECODE}
mkdir -p /etc/svcplan/apps
keep=
for item in $SVCPLAN_APPS_B64; do keep="$keep/$(d "$item")/"; done
for dir in /etc/svcplan/apps/*/; do
  [ -d "$dir" ] || continue
  name=$(basename "$dir")
  case "$keep" in *"/$name/"*) continue ;; esac
  if [ -x /usr/local/sbin/svcplan-app-remove ]; then /usr/local/sbin/svcplan-app-remove "$name"; fi
  rm -rf "$dir"
done
`;

const HOOK_SCRIPT = `${DECODE}
hook=$(d "$SVCPLAN_HOOK_B64")
SVCPLAN_STATE_DEVICE=$(d "$SVCPLAN_STATE_DEVICE_B64"); SVCPLAN_STATE_MOUNT=$(d "$SVCPLAN_STATE_MOUNT_B64")
export SVCPLAN_STATE_DEVICE SVCPLAN_STATE_MOUNT
svcplan_settings
chmod 0755 "$hook"
"$hook"
`;

// Ruby helpers at the top of every generated Vagrantfile: fixed code, no values.
const RUBY_HELPERS = `require 'base64'
require 'fileutils'

module Svcplan
  SETTING = /\\A[a-z_][a-z0-9_]*\\z/
  FEATURES_SCRIPT = ${rubyString(FEATURES_SCRIPT)}
  SETTINGS_SCRIPT = ${rubyString(SETTINGS_SCRIPT)}
  APP_SCRIPT = ${rubyString(APP_SCRIPT)}
  APPS_PRUNE_SCRIPT = ${rubyString(APPS_PRUNE_SCRIPT)}
  HOOK_SCRIPT = ${rubyString(HOOK_SCRIPT)}

  # Provisioner env: NAME_B64 per value (lists: space-separated items), because Vagrant puts env
  # values into a shell command line where only base64's alphabet is inert.
  def self.env(values)
    values.to_h do |name, value|
      encoded = value.is_a?(Array) ? value.map { |item| Base64.strict_encode64(item.to_s) }.join(' ') : Base64.strict_encode64(value.to_s)
      ["#{name}_B64", encoded]
    end
  end

  # Provider settings given as data: \`name=\` when the provider has that setter, else the method
  # \`name\` (a hash becomes keyword options, a list calls it once per item). Only validated names
  # are sent; nothing is evaluated.
  def self.configure(provider, settings)
    settings.each do |name, value|
      raise ArgumentError, "svcplan: #{name.inspect} is not a provider setting name" unless SETTING.match?(name)
      if provider.respond_to?("#{name}=")
        provider.public_send("#{name}=", value)
      elsif value.is_a?(Array)
        value.each { |item| provider.public_send(name, *arguments(item)) }
      else
        provider.public_send(name, *arguments(value))
      end
    end
  end

  def self.arguments(value)
    value.is_a?(Hash) ? [symbolize(value)] : [value]
  end

  def self.symbolize(value)
    case value
    when Hash then value.to_h { |k, v| [k.to_s.to_sym, symbolize(v)] }
    when Array then value.map { |v| symbolize(v) }
    else value
    end
  end

  def self.create_vbox_disk(path, size_mib)
    return if File.exist?(path)
    FileUtils.mkdir_p(File.dirname(path))
    system('VBoxManage', 'createmedium', 'disk', '--filename', path, '--size', size_mib.to_s, exception: true)
  end

  def self.detach_vbox_disk(machine, controller)
    return if machine.id.nil?
    system('VBoxManage', 'storageattach', machine.id, '--storagectl', controller, '--port', '1', '--device', '0', '--medium', 'none')
  end
end`;
