// `svcplan import SERVICE`: records the Vagrant machines that already run a service as its state,
// by observation, so that a repository whose VMs exist before svcplan starts gets an honest first
// plan. Only machines that are what the templates say are adopted; anything else is refused with
// what differs and how to go on.

import type { Driver, DriverInstance } from '../apply/driver.js';
import { specDigest } from '../model/digest.js';
import { instanceName, type ServiceRecord, type ServiceSpec } from '../model/types.js';
import { LeaseHeldError } from '../state/store.js';
import type { StateStore } from '../state/store.js';
import { differencesOf } from './compare.js';

/** An import that cannot be done as asked: what differs, and what to do. */
export class ImportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefused';
  }
}

export interface ImportResult {
  record: ServiceRecord;
  /** Instances adopted as they run. */
  imported: string[];
  /** Instances the templates have that no machine is: the next plan creates them. */
  missing: string[];
}

export async function importService(opts: {
  desired: ServiceSpec;
  store: StateStore;
  driver: Driver;
  owner: string;
  revision: { commit: string; ref: string };
  /** Where the service's machines live, for messages. */
  machineDir: string;
}): Promise<ImportResult> {
  const { desired, store, driver } = opts;
  if (await store.readService(desired.name)) {
    throw new ImportRefused(
      `service ${desired.name} is recorded already, so there is nothing to import; svcplan drift shows how its machines differ from the record`,
    );
  }
  let lease;
  try {
    lease = await store.acquireLease(desired.name, opts.owner, 900);
  } catch (err) {
    if (err instanceof LeaseHeldError) throw new ImportRefused(err.message);
    throw err;
  }
  try {
    await driver.settle(desired.name);
    const instances: DriverInstance[] = desired.tiers.flatMap((tier) =>
      Array.from({ length: tier.count }, (_, i) => ({
        service: desired.name,
        tier: tier.name,
        index: i + 1,
        name: instanceName(desired.name, tier.name, i + 1),
        spec: tier.instance,
      })),
    );
    await driver.layout(desired, instances);
    const observed = await driver.inspect(desired, instances);

    const problems: string[] = [];
    const imported: string[] = [];
    const missing: string[] = [];
    for (const inst of instances) {
      const o = observed[inst.name];
      if (!o || o.state === 'unknown') {
        problems.push(`${inst.name} could not be observed${o?.unobserved?.length ? ` (${o.unobserved.join('; ')})` : ''}`);
        continue;
      }
      if (o.state === 'not_created') {
        missing.push(inst.name);
        continue;
      }
      for (const why of o.unobserved ?? []) problems.push(`${inst.name}: ${why}`);
      const differences = differencesOf({ name: inst.name, tier: inst.tier, index: inst.index, spec: inst.spec, status: 'ready', updatedAt: '' }, o);
      for (const d of differences) {
        problems.push(`${inst.name}: ${d.path}: the templates say ${show(d.recorded)}, the machine has ${show(d.observed)}`);
      }
      if (differences.length === 0 && !o.unobserved?.length) imported.push(inst.name);
    }
    if (problems.length === 0 && imported.length === 0) {
      throw new ImportRefused(
        `no machine of service ${desired.name} exists in ${opts.machineDir}, so there is nothing to import; svcplan apply creates them ` +
          '(its Vagrantfile is written there now, for machines made with vagrant up before an import)',
      );
    }
    if (problems.length > 0) {
      throw new ImportRefused(
        `service ${desired.name} was not imported: its machines (in ${opts.machineDir}) are not what the templates say:\n` +
          problems.map((p) => `  - ${p}`).join('\n') +
          '\nNothing was recorded. Make the template and service files say what the machines are (a started machine ' +
          'for a stopped one: vagrant up NAME there), import, then change them in a reviewed pull request; or destroy ' +
          'the machines that differ (vagrant destroy -f NAME there; their state disks stay) and let svcplan apply create them.',
      );
    }

    const now = new Date().toISOString();
    const release = desired.release;
    const record: ServiceRecord = {
      name: desired.name,
      template: desired.template,
      revision: { ...opts.revision, release, specDigest: specDigest(desired) },
      spec: desired,
      instances: instances
        .filter((i) => imported.includes(i.name))
        .map((i) => ({ name: i.name, tier: i.tier, index: i.index, spec: i.spec, status: 'ready' as const, updatedAt: now })),
      retainedDisks: [],
      history: [
        {
          id: 1,
          kind: 'import',
          revision: { ...opts.revision, release },
          planDigest: '',
          startedAt: now,
          finishedAt: now,
          result: 'succeeded',
          spec: desired,
          message: `imported ${imported.length} machine(s) as they were found${missing.length ? `; ${missing.length} not there yet (${missing.join(', ')})` : ''}`,
        },
      ],
    };
    await store.writeService(record, `${desired.name}: imported ${imported.length} existing machine(s)`);
    return { record, imported, missing };
  } finally {
    await store.releaseLease(lease).catch(() => undefined);
  }
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
