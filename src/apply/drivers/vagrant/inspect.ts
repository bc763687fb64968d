// What a machine really is, for drift and import: memory and cpus as the provider reports them
// (libvirt: `virsh dominfo`; VirtualBox: `VBoxManage showvminfo --machinereadable`), and in the
// guest, in one round trip, what svcplan's provisioners wrote (vagrantfile.ts): the features
// list, the settings file (only its digest leaves the guest), each app's version file, and
// whether the state disk's device is there.

import { createHash } from 'node:crypto';
import type { InstanceSpec, ObservedInstance, Provider } from '../../../model/types.js';
import { settingsFile, stateDevice } from './vagrantfile.js';

/** Fixed text: the only variable part is the device path, one of two constants. */
export function guestFactsScript(provider: Provider): string {
  const device = stateDevice(provider);
  return [
    'echo "@svcplan-facts 1"',
    'echo "@features"; cat /etc/svcplan/features 2>/dev/null',
    'echo "@settings $( (sha256sum /etc/svcplan/settings.env 2>/dev/null || echo -) | cut -d" " -f1)"',
    'for d in /etc/svcplan/apps/*/; do [ -d "$d" ] || continue; echo "@app $(basename "$d") $(cat "$d/version" 2>/dev/null)"; done',
    `if [ -b ${device} ]; then echo "@disk yes"; else echo "@disk no"; fi`,
    'echo "@end"',
  ].join('; ');
}

export type GuestFacts = NonNullable<ObservedInstance['guest']>;

/** Parses what guestFactsScript printed; undefined when the output is not the script's. */
export function parseGuestFacts(output: string, spec: InstanceSpec, service: string): GuestFacts | undefined {
  const lines = output.replace(/\r/g, '').split('\n');
  const start = lines.indexOf('@svcplan-facts 1');
  const end = lines.indexOf('@end');
  if (start < 0 || end < start) return undefined;
  const facts: GuestFacts = { features: [], settingsMatch: false, apps: {}, stateDisk: false };
  let inFeatures = false;
  for (const line of lines.slice(start + 1, end)) {
    if (line === '@features') {
      inFeatures = true;
      continue;
    }
    if (line.startsWith('@')) inFeatures = false;
    if (inFeatures) {
      if (line !== '') facts.features.push(line);
    } else if (line.startsWith('@settings ')) {
      facts.settingsMatch = line.slice('@settings '.length).trim() === expectedSettingsDigest(spec, service);
    } else if (line.startsWith('@app ')) {
      const [name, ...version] = line.slice('@app '.length).split(' ');
      facts.apps[name] = version.join(' ');
    } else if (line.startsWith('@disk ')) {
      facts.stateDisk = line.endsWith('yes');
    }
  }
  return facts;
}

/** sha256 of the settings file the settings provisioner writes for this spec. */
export function expectedSettingsDigest(spec: InstanceSpec, service: string): string {
  return createHash('sha256').update(settingsFile(spec.settings, service)).digest('hex');
}

/** `virsh dominfo`: "CPU(s):  2" and "Max memory:  524288 KiB". */
export function parseDominfo(output: string): { memory?: number; cpus?: number } {
  const cpus = /^CPU\(s\):\s+(\d+)\s*$/m.exec(output)?.[1];
  const memory = /^Max memory:\s+(\d+) KiB\s*$/m.exec(output)?.[1];
  return { ...(cpus ? { cpus: Number(cpus) } : {}), ...(memory ? { memory: Math.round(Number(memory) / 1024) } : {}) };
}

/** `VBoxManage showvminfo ID --machinereadable`: `memory=512`, `cpus=2`, `VMState="running"`. */
export function parseShowVmInfo(output: string): { memory?: number; cpus?: number; state?: 'running' | 'stopped' } {
  const value = (key: string) => new RegExp(`^${key}="?([^"\\n]*)"?\\s*$`, 'm').exec(output)?.[1];
  const memory = value('memory');
  const cpus = value('cpus');
  const state = value('VMState');
  return {
    ...(memory ? { memory: Number(memory) } : {}),
    ...(cpus ? { cpus: Number(cpus) } : {}),
    ...(state ? { state: state === 'running' ? 'running' : 'stopped' } : {}),
  };
}
