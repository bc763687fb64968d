// `svcplan drift`: every recorded instance observed on its hypervisor and compared with the spec
// it was recorded with. It changes nothing and takes no lease; a service an apply is working on
// right now is reported as being applied, not as drift.

import type { Driver, DriverInstance } from '../apply/driver.js';
import { mapBounded } from '../apply/bounded.js';
import type { DriftReport, DriftService, RecordedState, ServiceRecord } from '../model/types.js';
import { runnerLabelOf } from '../plan/index.js';
import { leaseStaleness } from '../state/lease.js';
import type { StateStore } from '../state/store.js';
import { groupDrift, instanceDrift } from './compare.js';

export interface DriftOptions {
  recorded: RecordedState;
  store: StateStore;
  driver: Driver;
  /** Only these services (default: every recorded one). */
  services?: string[];
  /** Only services of this runner label (`default`: services naming no runner). */
  runner?: string;
  /** Services checked at once (default 4). */
  concurrency?: number;
  now?: () => Date;
}

export async function checkDrift(opts: DriftOptions): Promise<DriftReport> {
  const names = (opts.services ?? Object.keys(opts.recorded)).filter((n) => opts.recorded[n]).sort();
  const records = names
    .map((n) => opts.recorded[n])
    .filter((r) => opts.runner === undefined || runnerLabelOf({ runner: r.spec.target.runner }) === opts.runner);
  const errors: DriftReport['errors'] = [];
  const services = await mapBounded(records, opts.concurrency ?? 4, (record) => checkService(record, opts, errors));
  const instances = services.reduce((n, s) => n + s.checked, 0);
  const driftedInstances = services.reduce((n, s) => n + s.instances.length, 0);
  return {
    format_version: 1,
    checked_at: (opts.now?.() ?? new Date()).toISOString(),
    summary: {
      services: services.length,
      drifted_services: services.filter((s) => s.status === 'drifted').length,
      instances,
      drifted_instances: driftedInstances,
    },
    services,
    errors,
  };
}

async function checkService(record: ServiceRecord, opts: DriftOptions, errors: DriftReport['errors']): Promise<DriftService> {
  const base = { name: record.name, ...(record.spec.target.runner ? { runner: record.spec.target.runner } : {}), checked: 0, instances: [], groups: [] };
  const lease = await opts.store.readLease(record.name);
  if (lease && !leaseStaleness(lease)) {
    return { ...base, status: 'being-applied', lease: { owner: lease.owner, expiresAt: lease.expiresAt } };
  }
  try {
    const instances: DriverInstance[] = record.instances.map((i) => ({ service: record.name, tier: i.tier, index: i.index, name: i.name, spec: i.spec }));
    await opts.driver.layout(record.spec, instances);
    const observed = await opts.driver.inspect(record.spec, instances);
    const drifted = [];
    for (const ri of record.instances) {
      const seen = observed[ri.name];
      if (!seen || seen.state === 'unknown') {
        errors.push({
          service: record.name,
          instance: ri.name,
          message: `${ri.name} could not be observed${seen?.unobserved?.length ? `: ${seen.unobserved.join('; ')}` : ''}`,
        });
        continue;
      }
      for (const why of seen.unobserved ?? []) errors.push({ service: record.name, instance: ri.name, message: `${ri.name}: ${why}` });
      // A step an earlier run left unfinished is the apply's to finish: it is drift of its own kind.
      const d = instanceDrift(ri, seen);
      const unfinished = ri.step
        ? [
            {
              path: 'step',
              recorded: 'finished',
              observed: `${ri.step.action} ${ri.step.failed ? 'failed' : 'stopped'} at ${ri.step.phase}`,
              action: ri.step.action,
            },
          ]
        : [];
      if (d || unfinished.length > 0) {
        const differences = [...unfinished, ...(d?.differences ?? [])];
        drifted.push({ name: ri.name, tier: ri.tier, action: d?.action ?? ri.step!.action, differences });
      }
    }
    return { ...base, checked: record.instances.length, status: drifted.length > 0 ? 'drifted' : 'clean', instances: drifted, groups: groupDrift(drifted) };
  } catch (err) {
    const message = (err as Error).message;
    errors.push({ service: record.name, message });
    return { ...base, status: 'failed', error: message };
  }
}

/** Exit code of `svcplan drift`: 0 clean, 2 drift, 1 the check itself failed (like terraform plan -detailed-exitcode). */
export function driftExitCode(report: DriftReport): number {
  if (report.errors.length > 0 || report.services.some((s) => s.status === 'failed')) return 1;
  return report.services.some((s) => s.status === 'drifted') ? 2 : 0;
}
