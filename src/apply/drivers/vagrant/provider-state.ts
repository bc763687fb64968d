// Machine states asked of the hypervisor itself, without a Ruby process: libvirt through virsh
// (one call for every domain of a service), VirtualBox through VBoxManage. Each answer is turned
// into the state Vagrant's provider would report for it, so both ways of observing agree:
// - vagrant-libvirt 0.11.2 (lib/vagrant-libvirt/driver.rb `state`): fog's domain state with '-'
//   as '_' (running, blocked, paused, shutting_down, shutoff, crashed, pmsuspended, nostate);
//   a machine without an id, or whose domain is gone, is not_created;
// - Vagrant's VirtualBox provider (driver read_state): the VMState of `showvminfo
//   --machinereadable` as it is (running, poweroff, saved, paused, aborted, …), `inaccessible`
//   for an inaccessible VM.

import { basename } from 'node:path';

/** A libvirt domain UUID, the provider id vagrant-libvirt keeps. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DOMAIN_MARK = 'svcplan-domain';
const DOMINFO_MARK = 'svcplan-dominfo';

/**
 * `virsh -c URI 'echo svcplan-domain ID; domstate ID; …'`: virsh runs the commands of one string
 * one after the other (it goes on after one fails); the echo marks where each answer begins.
 * `dominfo`: each domain's `dominfo` too (memory and cpus, for drift), after a mark of its own.
 * Only ids of the UUID form are accepted, so nothing else reaches virsh's command parser.
 */
export function virshDomstateArgs(uri: string, ids: string[], opts: { dominfo?: boolean } = {}): string[] | undefined {
  if (ids.length === 0 || !ids.every((id) => UUID.test(id))) return undefined;
  const each = (id: string) => `echo ${DOMAIN_MARK} ${id}; domstate ${id}${opts.dominfo ? `; echo ${DOMINFO_MARK} ${id}; dominfo ${id}` : ''}`;
  return ['-c', uri, ids.map(each).join('; ')];
}

/** The output of a marked virsh call cut at its marks: per kind of mark, each id's lines (lower case ids). */
function virshSections(output: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>([
    [DOMAIN_MARK, new Map()],
    [DOMINFO_MARK, new Map()],
  ]);
  let current: string[] | undefined;
  for (const raw of output.split(/\r?\n/)) {
    const mark = new RegExp(`^\\s*(${DOMAIN_MARK}|${DOMINFO_MARK}) (\\S+)\\s*$`).exec(raw);
    if (mark) {
      const byId = sections.get(mark[1])!;
      const id = mark[2].toLowerCase();
      current = byId.get(id) ?? [];
      byId.set(id, current);
      continue;
    }
    current?.push(raw);
  }
  return sections;
}

/**
 * Each id's state as virsh printed it (`shut off`, `running`, …); an id with no state (virsh
 * found no such domain, or printed nothing for it) is left out.
 */
export function parseVirshDomstates(output: string): Map<string, string> {
  const states = new Map<string, string>();
  for (const [id, lines] of virshSections(output).get(DOMAIN_MARK)!) {
    const state = lines.map((l) => l.trim()).find((l) => l !== '');
    if (state !== undefined) states.set(id, state);
  }
  return states;
}

/** Each id's `dominfo` answer, as the text a `virsh dominfo ID` of its own would print; ids with none are left out. */
export function parseVirshDominfos(output: string): Map<string, string> {
  const infos = new Map<string, string>();
  for (const [id, lines] of virshSections(output).get(DOMINFO_MARK)!) {
    if (lines.some((l) => l.trim() !== '')) infos.set(id, lines.join('\n'));
  }
  return infos;
}

/** virsh's words for a domain state (virshDomainStateToString) as vagrant-libvirt names them. */
export function libvirtStateOf(virshState: string): string {
  switch (virshState.trim()) {
    case 'running':
      return 'running';
    case 'idle':
      return 'blocked';
    case 'paused':
      return 'paused';
    case 'in shutdown':
      return 'shutting_down';
    case 'shut off':
      return 'shutoff';
    case 'crashed':
      return 'crashed';
    case 'pmsuspended':
      return 'pmsuspended';
    case 'no state':
      return 'nostate';
    default:
      return 'unknown';
  }
}

/** `key="value"` lines of `VBoxManage showvminfo --machinereadable`, values unquoted. */
export function parseVBoxMachineReadable(output: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of output.split(/\r?\n/)) {
    const m = /^("(?:[^"\\]|\\.)*"|[^=]+)=(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].startsWith('"') ? unquote(m[1]) : m[1];
    values.set(key, m[2].startsWith('"') ? unquote(m[2]) : m[2]);
  }
  return values;
}

function unquote(text: string): string {
  return text.slice(1, -1).replace(/\\(.)/g, '$1');
}

/** The state Vagrant's VirtualBox provider reads from showvminfo; undefined when it says none. */
export function virtualboxStateOf(output: string): string | undefined {
  const values = parseVBoxMachineReadable(output);
  if (values.get('name') === '<inaccessible>') return 'inaccessible';
  const state = values.get('VMState');
  return state ? state : undefined;
}

/**
 * The libvirt URI vagrant-libvirt connects to for a machine, when svcplan can tell it: `uri` from
 * the provider options, else (as vagrant-libvirt's _default_uri) LIBVIRT_DEFAULT_URI when no
 * connection setting is given, else qemu:///system for the qemu and kvm drivers. Undefined when
 * the options build another URI (a remote host, a session, a socket): observation then asks
 * Vagrant.
 */
export function libvirtUriOf(options: Record<string, unknown>, env: Record<string, string | undefined>): string | undefined {
  if (typeof options.uri === 'string' && options.uri !== '') return options.uri;
  const connection = ['connect_via_ssh', 'host', 'username', 'password', 'id_ssh_key_file', 'qemu_use_session', 'socket', 'system_uri'];
  if (connection.some((key) => options[key] !== undefined && options[key] !== null)) return undefined;
  if (options.driver !== undefined && options.driver !== 'qemu' && options.driver !== 'kvm') return undefined;
  return env.LIBVIRT_DEFAULT_URI || 'qemu:///system';
}

/**
 * The name vagrant-libvirt gives a machine's domain (SetNameOfDomain): `default_prefix`, else the
 * Vagrant directory's name and `_`, then the machine's name, every character but [-a-z0-9_.]
 * dropped. Undefined with `random_hostname`, whose names cannot be foreseen.
 */
export function libvirtDomainName(vagrantDir: string, machine: string, options: Record<string, unknown>): string | undefined {
  if (options.random_hostname === true) return undefined;
  const prefix = typeof options.default_prefix === 'string' ? options.default_prefix : `${basename(vagrantDir)}_`;
  return `${prefix}${machine}`.replace(/[^-a-z0-9_.]/gi, '');
}
