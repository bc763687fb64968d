// What Vagrant itself recorded about each machine: its provider id (`.vagrant/machines/NAME/
// PROVIDER/id`, for libvirt the domain's UUID) and the box it was created from (the entry of the
// global machine index that `index_uuid` points to). A replacement VM has a new id; a resumed run
// tells the old VM from its replacement by it, never by whether "something is running".

import { readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { MachineIdentity } from '../../../model/types.js';

interface MachineIndex {
  machines?: Record<string, { extra_data?: { box?: { name?: unknown; version?: unknown } } }>;
}

export function vagrantHome(env: Record<string, string | undefined> = process.env): string {
  return env.VAGRANT_HOME || join(homedir(), '.vagrant.d');
}

/** Where Vagrant keeps what it knows of a machine under one provider (Machine#data_dir). */
export function machineDataDir(vagrantDir: string, name: string, provider: string): string {
  return join(vagrantDir, '.vagrant', 'machines', name, provider);
}

/**
 * The providers a machine is created with, each with its id: the provider folders of the machine
 * that hold an `id` file. Vagrant reads a machine's id from there, and a machine with none is not
 * created (vagrant-libvirt: `state_id = :not_created unless @machine.id`; VirtualBox: no uuid, not
 * created). More than one: only Vagrant can tell which is in use.
 */
export function machineIds(vagrantDir: string, name: string): { provider: string; id: string }[] {
  let providers: string[];
  try {
    providers = readdirSync(join(vagrantDir, '.vagrant', 'machines', name));
  } catch {
    return [];
  }
  return providers.flatMap((provider) => {
    const id = readText(join(machineDataDir(vagrantDir, name, provider), 'id'));
    return id ? [{ provider, id }] : [];
  });
}

/** Reads the identities of the named machines of one Vagrant directory; the index is read once. */
export function machineIdentities(vagrantDir: string, machines: { name: string; provider: string }[], home: string): Map<string, MachineIdentity> {
  const out = new Map<string, MachineIdentity>();
  let index: MachineIndex | undefined | null = null;
  for (const { name, provider } of machines) {
    const data = machineDataDir(vagrantDir, name, provider);
    const identity: MachineIdentity = {};
    const id = readText(join(data, 'id'));
    if (id) identity.id = id;
    const uuid = readText(join(data, 'index_uuid'));
    if (uuid) {
      if (index === null) index = readIndex(home);
      const box = index?.machines?.[uuid]?.extra_data?.box;
      if (box && typeof box.name === 'string' && typeof box.version === 'string') identity.box = { name: box.name, version: box.version };
    }
    out.set(name, identity);
  }
  return out;
}

function readIndex(home: string): MachineIndex | undefined {
  const text = readText(join(home, 'data', 'machine-index', 'index'));
  if (!text) return undefined;
  try {
    return JSON.parse(text) as MachineIndex;
  } catch {
    // Vagrant rewrites it in place; a torn read just means no box is known this time.
    return undefined;
  }
}

function readText(file: string): string | undefined {
  try {
    const text = readFileSync(file, 'utf8').trim();
    return text === '' ? undefined : text;
  } catch {
    return undefined;
  }
}
