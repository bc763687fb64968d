// Runs a plan: services side by side (bounded), each in a ServiceRun that takes its lease, plans
// the service again from the record read under it, and rolls it out one upgrade domain at a time
// (scheduler.ts), every instance step journaled phase by phase (journal.ts, step-runner.ts) so a
// run killed at any point is finished by the next one (recovery.ts).

import { InputError } from '../model/types.js';
import { prepareBoxes } from './boxes.js';
import { mapBounded } from './bounded.js';
import { RunState, ServiceRun } from './service-run.js';
import type { ApplyOptions, ApplyReport } from './types.js';

export async function applyPlan(opts: ApplyOptions): Promise<ApplyReport> {
  const { document } = opts.plan;
  // A plan with refusals or invalid files is never applied, not even in part.
  if (document.errors.length > 0) throw new InputError(document.errors);
  const run = new RunState();
  run.unavailableBoxes = opts.plan.document.services.length > 0 ? await prepareBoxes(opts.plan, opts.driver) : undefined;
  const reports = await mapBounded(document.services, opts.serviceConcurrency ?? 4, (ps) => new ServiceRun(opts, ps, run).execute());
  if (run.interrupted) throw run.interrupted;
  if (run.stopped) throw run.stopped;
  const ok = reports.every((r) => r.result === 'succeeded' || r.result === 'unchanged' || r.result === 'skipped');
  return { ok, services: reports };
}
