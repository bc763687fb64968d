// `vagrant status --machine-readable`: lines of `timestamp,target,type,data...`, where commas in
// data are written as `%!(VAGRANT_COMMA)` and newlines as `\n`.

import type { ObservedState } from '../../driver.js';

export interface MachineReadableLine {
  timestamp: string;
  target: string;
  type: string;
  data: string[];
}

export function parseMachineReadable(output: string): MachineReadableLine[] {
  const lines: MachineReadableLine[] = [];
  for (const raw of output.split(/\r?\n/)) {
    if (!/^\d+,/.test(raw)) continue; // warnings and plain text Vagrant prints around the data
    const [timestamp, target, type, ...data] = raw.split(',');
    lines.push({
      timestamp,
      target: unescape(target ?? ''),
      type: type ?? '',
      data: data.map(unescape),
    });
  }
  return lines;
}

function unescape(field: string): string {
  return field
    .replace(/%!\(VAGRANT_COMMA\)/g, ',')
    .replace(/\\n/g, '\n')
    .replace(/\\r/g, '\r');
}

/** Provider states (libvirt, VirtualBox) as svcplan sees them. */
export function observedStateOf(providerState: string): ObservedState {
  switch (providerState) {
    case 'running':
      return 'running';
    case 'not_created':
      return 'not_created';
    case 'shutoff': // libvirt
    case 'shutdown':
    case 'poweroff': // VirtualBox
    case 'saved':
    case 'aborted':
    case 'paused':
    case 'crashed':
    case 'inaccessible':
    case 'stopped':
      return providerState === 'inaccessible' ? 'unknown' : 'stopped';
    default:
      return 'unknown';
  }
}

/** Machine name → state, from `vagrant status --machine-readable`. */
export function parseVagrantStatus(output: string): Record<string, ObservedState> {
  const states: Record<string, ObservedState> = {};
  for (const line of parseMachineReadable(output)) {
    if (line.type === 'state' && line.target) states[line.target] = observedStateOf(line.data[0] ?? '');
  }
  return states;
}
