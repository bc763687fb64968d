// The direct SSH channel to a guest: OpenSSH with the machine's own SSH settings, as Vagrant
// gives them (`vagrant ssh-config NAME`), instead of a Ruby start per guest command.
//
// Settings are asked of Vagrant once per machine and kept, on disk, until the machine changes
// (its provider id, or the endpoint its spec gives it). A machine of a service with `target.ssh`
// whose box (name, version, provider) and target already had its settings asked of Vagrant gets
// them without asking: Vagrant's Machine#ssh_info takes host and port from `config.ssh.host/port`
// (what `target.ssh` writes into the Vagrantfile), the key from the machine's own
// `.vagrant/machines/NAME/PROVIDER/private_key` when that file exists and no
// `config.ssh.private_key_path` is set (which the other machine's answer, using its own key,
// proves), and everything else from configuration two such machines share: the Vagrantfile
// svcplan writes (the same for both but for name, hostname, host and port), the box's Vagrantfile
// and the provider's settings. Such derived settings are checked by the first connection; a
// connection that fails asks Vagrant again (at most every RE_ASK_SECONDS per machine).
//
// Every value reaches the guest as data: the remote command is fixed (`sh -s`), and the script,
// the values (base64, in single quotes) and the files (base64) come on stdin, inside one `{ … }`
// group that the guest shell reads whole before it runs any of it (a cut-off input runs nothing).

import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { base64Env, GUEST_SCRIPTS, shellQuote, type ProvisionerDef } from './vagrantfile.js';

// ---------------------------------------------------------------------------------------------
// `vagrant ssh-config`

/** Keys whose value is the rest of the line, taken as it is (ssh_config(5)): never quoted. */
const REST_OF_LINE = /^(proxycommand|localcommand|remotecommand|knownhostscommand)$/i;

/** Keys that name files, where ssh expands %-tokens: a literal % is written %%. */
const FILE_KEY = /^(identityfile|certificatefile|userknownhostsfile|globalknownhostsfile)$/i;

export interface SshConfigEntry {
  key: string;
  value: string;
}

export interface SshHostBlock {
  host: string;
  entries: SshConfigEntry[];
}

/**
 * An OpenSSH client configuration as `vagrant ssh-config` prints it (templates/commands/
 * ssh_config/config.erb): `Host NAME`, then `Key value` lines, a value in double quotes when it
 * holds a space. Keys keep their order; text outside a Host block is ignored.
 */
export function parseSshConfig(text: string): SshHostBlock[] {
  const blocks: SshHostBlock[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([A-Za-z][A-Za-z0-9]*)(?:\s*=\s*|\s+)(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1];
    let value = m[2].trim();
    if (!REST_OF_LINE.test(key) && value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (key.toLowerCase() === 'host') {
      blocks.push({ host: value, entries: [] });
      continue;
    }
    blocks[blocks.length - 1]?.entries.push({ key, value });
  }
  return blocks;
}

/** What a connection needs, read from a machine's block; undefined when something is missing. */
export interface SshSettings {
  hostName: string;
  port: number;
  user: string;
  identityFiles: string[];
  /** Every entry as Vagrant gave it (HostName, Port and IdentityFile included), in order. */
  entries: SshConfigEntry[];
}

export function sshSettingsOf(block: SshHostBlock | undefined): SshSettings | undefined {
  if (!block) return undefined;
  const get = (key: string) => block.entries.find((e) => e.key.toLowerCase() === key)?.value;
  const hostName = get('hostname');
  const port = Number(get('port') ?? '22');
  const user = get('user');
  if (!hostName || !user || !Number.isInteger(port) || port <= 0 || port > 65535) return undefined;
  const identityFiles = block.entries.filter((e) => e.key.toLowerCase() === 'identityfile').map((e) => e.value);
  return { hostName, port, user, identityFiles, entries: block.entries };
}

/**
 * The settings as an ssh_config(5) file with one Host block; undefined when a value cannot be
 * written there exactly (a double quote or a line break in it).
 */
export function renderSshConfig(alias: string, entries: SshConfigEntry[]): string | undefined {
  const lines = [`Host ${alias}`];
  for (const { key, value } of entries) {
    if (/[\r\n]/.test(value) || !/^[A-Za-z][A-Za-z0-9]*$/.test(key)) return undefined;
    if (REST_OF_LINE.test(key)) {
      lines.push(`  ${key} ${value}`);
      continue;
    }
    if (value.includes('"')) return undefined;
    const literal = FILE_KEY.test(key) ? value.replace(/%/g, '%%') : value;
    lines.push(`  ${key} ${/\s/.test(literal) || literal === '' ? `"${literal}"` : literal}`);
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Derived settings: a profile per box and target, learnt from one of Vagrant's answers

/** The placeholders a profile holds where each machine has its own value. */
const HOST = '{svcplan:host}';
const PORT = '{svcplan:port}';
const KEY = '{svcplan:key}';

export interface SshProfile {
  entries: SshConfigEntry[];
}

/**
 * The profile an answer of Vagrant gives, when it is one other machines can share: its host and
 * port are the endpoint the spec gives (config.ssh.host/port), its only key is the machine's own.
 */
export function profileOf(settings: SshSettings, endpoint: { host: string; port: number }, ownKey: string): SshProfile | undefined {
  if (settings.hostName !== endpoint.host || settings.port !== endpoint.port) return undefined;
  if (settings.identityFiles.length !== 1 || settings.identityFiles[0] !== ownKey) return undefined;
  const entries = settings.entries.map(({ key, value }) => {
    const k = key.toLowerCase();
    return { key, value: k === 'hostname' ? HOST : k === 'port' ? PORT : k === 'identityfile' ? KEY : value };
  });
  if (!entries.some((e) => e.value === PORT)) return undefined;
  return { entries };
}

export function settingsFromProfile(profile: SshProfile, endpoint: { host: string; port: number }, ownKey: string): SshSettings | undefined {
  const entries = profile.entries.map(({ key, value }) => ({
    key,
    value: value === HOST ? endpoint.host : value === PORT ? String(endpoint.port) : value === KEY ? ownKey : value,
  }));
  return sshSettingsOf({ host: '', entries });
}

/** What must be the same for two machines to share a profile. */
export function profileKey(parts: { box: string; version: string; provider: string; options: unknown; host: string }): string {
  return createHash('sha256')
    .update(JSON.stringify([parts.box, parts.version, parts.provider, parts.options, parts.host]))
    .digest('hex')
    .slice(0, 24);
}

// ---------------------------------------------------------------------------------------------
// The cache on disk: .svcplan/vagrant/<service>/.svcplan-ssh/

export type SettingsSource = 'vagrant' | 'derived';

export interface MachineSettings {
  /** The provider id the settings belong to. */
  id: string;
  /** `host:port` the spec gave when they were had (none without target.ssh). */
  endpoint?: string;
  source: SettingsSource;
  settings: SshSettings;
}

export class SshSettingsStore {
  private readonly memory = new Map<string, MachineSettings>();

  constructor(readonly dir: string) {}

  machine(name: string, id: string, endpoint: string | undefined): MachineSettings | undefined {
    const hit = this.memory.get(name) ?? this.read<MachineSettings>(this.machineFile(name));
    if (!hit || hit.id !== id || hit.endpoint !== endpoint || !sshSettingsOf({ host: '', entries: hit.settings?.entries ?? [] })) return undefined;
    this.memory.set(name, hit);
    return hit;
  }

  keep(name: string, entry: MachineSettings): void {
    this.memory.set(name, entry);
    this.write(this.machineFile(name), entry);
  }

  profile(key: string): SshProfile | undefined {
    const p = this.read<SshProfile>(join(this.dir, 'profiles', `${key}.json`));
    return p && Array.isArray(p.entries) ? p : undefined;
  }

  keepProfile(key: string, profile: SshProfile): void {
    this.write(join(this.dir, 'profiles', `${key}.json`), profile);
  }

  /** The ssh_config file for a machine's settings, written when it changed. */
  configFile(name: string, text: string): string {
    const file = join(this.dir, `${name}.conf`);
    let current: string | undefined;
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      current = undefined;
    }
    if (current !== text) this.writeText(file, text);
    return file;
  }

  private machineFile(name: string): string {
    return join(this.dir, `${name}.json`);
  }

  private read<T>(file: string): T | undefined {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as T;
    } catch {
      return undefined;
    }
  }

  private write(file: string, value: unknown): void {
    this.writeText(file, JSON.stringify(value, null, 1) + '\n');
  }

  private writeText(file: string, text: string): void {
    mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text, { mode: 0o600 });
    renameSync(tmp, file);
  }
}

// ---------------------------------------------------------------------------------------------
// Connection reuse

/**
 * Room for a socket path: sun_path holds 108 bytes with its NUL, and ssh first binds the master's
 * socket at the path plus a 17-character temporary suffix.
 */
export const CONTROL_PATH_MAX = 107 - 17;

/**
 * A private directory for control sockets (mode 0700, owned by this user, not a symlink): under
 * the temporary directory when a socket path fits there, else /tmp. Undefined: no connection
 * sharing (every command connects on its own).
 */
export function controlDir(tmp: string): string | undefined {
  const uid = process.getuid?.() ?? 0;
  for (const base of [tmp, '/tmp']) {
    const dir = join(base, `svcplan-ssh-${uid}`);
    if (dir.length + 1 + 16 > CONTROL_PATH_MAX || /[\s"'%]/.test(dir)) continue;
    try {
      if (!existsSync(dir)) mkdirSync(dir, { mode: 0o700 });
      const st = lstatSync(dir);
      if (st.isDirectory() && !st.isSymbolicLink() && st.uid === uid && (st.mode & 0o077) === 0) return dir;
    } catch {
      // try the next place
    }
  }
  return undefined;
}

/** One master connection per machine (its provider id) and settings: a replacement VM at the same port gets its own. */
export function controlPath(dir: string, id: string, settings: SshSettings): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([id, settings.entries]))
    .digest('hex')
    .slice(0, 16);
  return join(dir, hash);
}

/** ssh's arguments: the machine's settings file, no terminal, no prompt, the connection shared. */
export function sshArgs(configFile: string, alias: string, control: string | undefined): string[] {
  return [
    '-F',
    configFile,
    '-T',
    '-o',
    'BatchMode=yes',
    '-o',
    'ConnectTimeout=10',
    '-o',
    'ServerAliveInterval=15',
    '-o',
    'ServerAliveCountMax=4',
    // Vagrant's LogLevel FATAL would hide why a connection failed.
    '-o',
    'LogLevel=ERROR',
    ...(control ? ['-o', 'ControlMaster=auto', '-o', `ControlPath=${control}`, '-o', 'ControlPersist=60'] : []),
    alias,
    REMOTE_COMMAND,
  ];
}

/** The one command ssh asks the guest to run; everything else comes on its stdin. */
export const REMOTE_COMMAND = 'sh -s';

// ---------------------------------------------------------------------------------------------
// What goes on stdin

const b64 = (data: string | Buffer) => (typeof data === 'string' ? Buffer.from(data, 'utf8') : data).toString('base64');

/** Connects and runs nothing: whether the guest answers with these settings. */
export const REACH_PAYLOAD = '{\nexit 0\n}\n';

/**
 * A command run as `vagrant ssh NAME -c COMMAND` runs it: by the SSH user, in a login shell
 * (`sh -l -c`), its stdin empty.
 */
export function commandPayload(command: string): string {
  return ['{', `c=$(printf '%s' '${b64(command)}' | base64 -d) || exit`, 'exec sh -l -c "$c" </dev/null', '}', ''].join('\n');
}

/**
 * Provisioners, in the order given, as Vagrant runs them: a file provisioner's upload written by
 * the SSH user (as scp does); a shell provisioner's script, its values exported before it
 * (NAME_B64, as Svcplan.env makes them), written to a private temporary file by the SSH user and
 * run privileged (`sudo -E -H` + a login shell, as Vagrant's shell provisioner with its default
 * `privileged: true` does), its stdin empty. The first that fails ends the run with its code.
 */
export function provisionPayload(defs: ProvisionerDef[], readSource: (path: string) => Buffer): string {
  const out = [
    '{',
    'svcplan_put() { printf \'%s\' "$2" | base64 -d > "$1"; }',
    'svcplan_sudo() {',
    '  f=$(mktemp /tmp/svcplan-shell.XXXXXX) || return',
    '  printf \'%s\' "$1" | base64 -d > "$f" && chmod 0755 "$f" && sudo -n -E -H sh -l "$f" </dev/null',
    '  c=$?; rm -f "$f"; return $c',
    '}',
  ];
  for (const p of defs) {
    out.push(`printf '%s\\n' ${shellQuote(`Running provisioner: ${p.name} (${p.type})...`)}`);
    if (p.type === 'file') {
      out.push(`svcplan_put ${shellQuote(p.destination)} '${b64(readSource(p.source))}' || exit`);
    } else {
      const exports = Object.entries(base64Env(p.env))
        .map(([name, value]) => `export ${name}='${value}'\n`)
        .join('');
      out.push(`svcplan_sudo '${b64(exports + GUEST_SCRIPTS[p.script])}' || exit`);
    }
  }
  out.push('exit 0', '}', '');
  return out.join('\n');
}
