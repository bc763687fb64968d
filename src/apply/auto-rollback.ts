// autoRollback: after a failed step or health gate, every instance this rollout changed (an
// interrupted run's changes included, kept in the record's `rollout`) goes back to the spec it
// had before, newest first, one at a time, through the same step machines as any update. An
// automatic undo never deletes a state disk, and is not health-gated: it returns what was there.

import type { InstanceSpec } from '../model/types.js';
import type { WorkItem } from './scheduler.js';
import { observe } from './scheduler.js';
import { bringToward, type StepContext } from './step-runner.js';
import { StoppedOnRequest, type ProgressEvent } from './types.js';

export interface RollbackContext extends StepContext {
  emit(event: ProgressEvent): void;
  /** Lays out the service with this instance at `spec` (undefined: being destroyed). */
  layoutOne(name: string, tier: string, index: number, spec: InstanceSpec | undefined): Promise<void>;
}

/** Undoes the rollout's changes; resolves to an error message when one could not be undone. */
export async function rollBackChanges(ctx: RollbackContext, reports: Map<string, WorkItem['report']>): Promise<string | undefined> {
  const changed = [...(ctx.journal.record.rollout?.changed ?? [])].reverse();
  if (changed.length === 0) return undefined;
  ctx.emit({ kind: 'rollback-started', service: ctx.service, instances: changed.map((c) => c.name) });
  // A failed call leaves the machine in a state this run no longer knows.
  await observe(ctx);
  for (const change of changed) {
    const before = change.before ?? undefined;
    const ri = ctx.journal.instance(change.name);
    const domain = ri?.step?.domain ?? 0;
    await ctx.layoutOne(change.name, change.tier, change.index, before);
    const started = Date.now();
    const action = before ? (ri ? 'refresh' : 'create') : 'destroy';
    ctx.emit({ kind: 'instance-started', service: ctx.service, tier: change.tier, instance: change.name, action });
    const result = await bringToward(ctx, { name: change.name, tier: change.tier, index: change.index, domain }, before, { deleteStateDisk: false });
    const seconds = (Date.now() - started) / 1000;
    // Stopped on request before it touched this machine: the run ends as interrupted, the next one goes on.
    if (result.kind === 'stopped') throw new StoppedOnRequest('stopped on request during autoRollback: the steps under way finished and were recorded');
    const report = reports.get(change.name);
    if (result.kind === 'failed') {
      if (report) {
        report.outcome = 'rollback-failed';
        report.error = result.message;
      }
      ctx.emit({
        kind: 'instance-finished',
        service: ctx.service,
        tier: change.tier,
        instance: change.name,
        action,
        ok: false,
        seconds,
        error: result.message,
      });
      return `${change.name}: ${result.message}`;
    }
    if (result.kind === 'gate') ctx.journal.complete(change.name);
    if (report) report.outcome = 'rolled-back';
    await ctx.journal.persist(`${ctx.service}: ${change.name} rolled back (deployment ${ctx.deployment})`);
    ctx.emit({ kind: 'instance-finished', service: ctx.service, tier: change.tier, instance: change.name, action, ok: true, seconds });
  }
  return undefined;
}
