// Machine states asked of the hypervisor itself, without a Ruby process: libvirt through virsh
// (one call for every domain of a service), VirtualBox through VBoxManage. Each answer is turned
// into the state Vagrant's provider would report for it, so both ways of observing agree:
// - vagrant-libvirt 0.11.2 (lib/vagrant-libvirt/driver.rb `state`): fog's domain state with '-'
//   as '_' (running, blocked, paused, shutting_down, shutoff, crashed, pmsuspended, nostate);
//   a machine without an id, or whose domain is gone, is not_created;
// - Vagrant's VirtualBox provider (driver read_state): the VMState of `showvminfo
//   --machinereadable` as it is (running, poweroff, saved, paused, aborted, …), `inaccessible`
//   for an inaccessible VM.

/** A libvirt domain UUID, the provider id vagrant-libvirt keeps. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DOMAIN_MARK = 'svcplan-domain';

/**
 * `virsh -c URI 'echo svcplan-domain ID; domstate ID; …'`: virsh runs the commands of one string
 * one after the other (it goes on after one fails); the echo marks where each answer begins.
 * Only ids of the UUID form are accepted, so nothing else reaches virsh's command parser.
 */
export function virshDomstateArgs(uri: string, ids: string[]): string[] | undefined {
  if (ids.length === 0 || !ids.every((id) => UUID.test(id))) return undefined;
  return ['-c', uri, ids.map((id) => `echo ${DOMAIN_MARK} ${id}; domstate ${id}`).join('; ')];
}

/**
 * Each id's state as virsh printed it (`shut off`, `running`, …); an id with no state (virsh
 * found no such domain, or printed nothing for it) is left out.
 */
export function parseVirshDomstates(output: string): Map<string, string> {
  const states = new Map<string, string>();
  let current: string | undefined;
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const mark = new RegExp(`^${DOMAIN_MARK} (\\S+)$`).exec(line);
    if (mark) {
      current = mark[1].toLowerCase();
      continue;
    }
    if (current !== undefined && !states.has(current)) states.set(current, line);
  }
  return states;
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
