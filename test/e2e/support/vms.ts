// What the real-VM end-to-end tests need around the driver: the libvirt daemons (started only
// when none answer, and then stopped again), the environment .ci/setup-vagrant prepared, a
// templates repository with a tiny service, and commands run inside a guest.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const E2E_HOME = process.env.SVCPLAN_E2E_HOME ?? '/var/lib/svcplan-e2e';
export const SETUP = resolve('.ci/setup-vagrant');

/** Environment from .ci/setup-vagrant (VAGRANT_HOME outside /root, libvirt URI). */
export function e2eEnv(): Record<string, string> {
  const file = `${E2E_HOME}/env`;
  if (!existsSync(file)) throw new Error(`${file} is missing: run .ci/setup-vagrant (as root) first`);
  const env: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^export ([A-Z_]+)=(.*)$/.exec(line);
    if (m) env[m[1]] = m[2];
  }
  return env;
}

function libvirtAnswers(): boolean {
  return spawnSync('virsh', ['-c', 'qemu:///system', 'version'], { stdio: 'ignore' }).status === 0;
}

/** libvirtd answers without virtlogd, but starts no domain then. */
function virtlogdRuns(): boolean {
  const ps = spawnSync('ps', ['-C', 'virtlogd', '-o', 'stat='], { encoding: 'utf8' });
  return (ps.stdout ?? '').split('\n').some((stat) => /^\s*[^Z\s]/.test(stat)); // a zombie does not count
}

/** Starts virtlogd + libvirtd unless both are up; returns whether this call started any. */
export function ensureLibvirt(): boolean {
  if (libvirtAnswers() && virtlogdRuns()) return false;
  execFileSync(SETUP, ['daemons', 'pool'], { stdio: 'inherit' });
  return true;
}

/** Stops the daemons .ci/setup-vagrant recorded as its own (by PID, never by name). */
export function stopLibvirt(): void {
  execFileSync(SETUP, ['stop-daemons'], { stdio: 'inherit' });
}

export function requireBoxes(env: Record<string, string>): void {
  const list = execFileSync('vagrant', ['box', 'list'], { env: { ...process.env, ...env }, encoding: 'utf8' });
  for (const box of ['test/tiny-v1', 'test/tiny-v2']) {
    if (!list.includes(box)) throw new Error(`box ${box} is not added in ${env.VAGRANT_HOME}: run .ci/setup-vagrant`);
  }
}

/** Under TCG (no usable KVM) libvirt must be told to use plain QEMU. */
export function libvirtDomainType(): 'kvm' | 'qemu' {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  return existsSync('/dev/kvm') && /\b(vmx|svm)\b/.test(cpuinfo) ? 'kvm' : 'qemu';
}

export function volumeExists(name: string): boolean {
  return spawnSync('virsh', ['-c', 'qemu:///system', 'vol-info', '--pool', 'default', name], { stdio: 'ignore' }).status === 0;
}

export function deleteVolume(name: string): void {
  spawnSync('virsh', ['-c', 'qemu:///system', 'vol-delete', '--pool', 'default', name], { stdio: 'ignore' });
}

/**
 * Removes what an earlier run on this host may have left of a domain: the domain (stopped,
 * undefined) and its disk image, so a test starts from nothing.
 */
export function removeDomain(domain: string): void {
  for (const args of [
    ['destroy', domain],
    ['undefine', domain],
  ])
    spawnSync('virsh', ['-c', 'qemu:///system', ...args], { stdio: 'ignore' });
  deleteVolume(`${domain}.img`);
}

/** Whether the default storage pool holds a volume of this name. */
export function poolHolds(name: string): boolean {
  const list = spawnSync('virsh', ['-c', 'qemu:///system', 'vol-list', '--pool', 'default'], { encoding: 'utf8' }).stdout ?? '';
  return list.split('\n').some((line) => line.trim().split(/\s+/)[0] === name);
}

/** A libvirt domain's state (`shut off`, `running`, …) by name; undefined when there is no such domain. */
export function domainState(name: string): string | undefined {
  const out = spawnSync('virsh', ['-c', 'qemu:///system', 'domstate', name], { encoding: 'utf8' });
  return out.status === 0 ? out.stdout.trim() : undefined;
}

/** Runs a command in the guest with `vagrant ssh NAME -c`; returns stdout without CRs. */
export function inGuest(vagrantDir: string, env: Record<string, string>, machine: string, command: string): string {
  const out = spawnSync('vagrant', ['ssh', machine, '-c', command, '--', '-q'], {
    cwd: vagrantDir,
    env: { ...process.env, ...env, VAGRANT_CWD: vagrantDir },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (out.status !== 0) throw new Error(`vagrant ssh ${machine} -c ${JSON.stringify(command)} exited ${out.status}: ${out.stderr}`);
  return out.stdout.replace(/\r/g, '');
}
