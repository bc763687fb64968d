// The one way every door gets a plan: read the desired state and build the plan against the
// recorded state (and, for `plan --base`'s what-if, a base standing in where nothing is recorded). Bad input becomes the plan's errors, so a pull request
// gets a comment and a check run that name every problem instead of a crash.

import { loadDesiredState } from '../load/index.js';
import type { TreeReader } from '../load/tree.js';
import { formatDiagnostic, InputError, type DesiredState, type Plan, type RecordedState, type Revision } from '../model/types.js';
import { buildPlan, refusedPlan, withWarnings } from '../plan/index.js';

/** The base of a plan made against the recorded state alone. */
export const STATE_REVISION: Revision = { ref: 'STATE', commit: '' };

export async function computePlan(opts: {
  head: TreeReader;
  /**
   * Only for a what-if (`plan --base REF`): REF's desired state stands in where nothing is
   * recorded. May still be on its way (Git resolving a ref): the head is read meanwhile.
   */
  base?: TreeReader | Promise<TreeReader | undefined>;
  recorded: RecordedState;
  services?: string[];
}): Promise<Plan> {
  // Both revisions are read at once, so that one waits for Git while the other is parsed.
  const settle = (reader: TreeReader) =>
    loadDesiredState(reader).then(
      (state) => ({ state }),
      (error: unknown) => ({ error }),
    );
  const headLoad = settle(opts.head);
  const baseReader = await opts.base;
  const base = baseReader?.revision ?? STATE_REVISION;
  const baseLoad = baseReader ? settle(baseReader) : undefined;

  let standIn: DesiredState | undefined;
  const baseWarnings: string[] = [];
  const baseResult = await baseLoad;
  if (baseResult) {
    try {
      if ('error' in baseResult) throw baseResult.error;
      standIn = baseResult.state;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // The base is not what this change is judged on: its problems are someone else's, and only
      // matter for services with no record, which are then planned as new.
      const first = error.diagnostics[0];
      baseWarnings.push(
        `the base revision ${base.ref} has ${error.diagnostics.length} invalid file problem(s) ` +
          `(first: ${first ? formatDiagnostic(first) : 'unknown'}), so it cannot stand in for services ` +
          'with no recorded state: those are planned as new',
      );
    }
  }

  let desired: DesiredState;
  try {
    const headResult = await headLoad;
    if ('error' in headResult) throw headResult.error;
    desired = headResult.state;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return refusedPlan({
      recorded: opts.recorded,
      standIn,
      services: opts.services,
      base,
      head: opts.head.revision,
      errors: error.diagnostics,
      warnings: baseWarnings,
    });
  }

  const plan = buildPlan({ desired, recorded: opts.recorded, standIn, base, services: opts.services });
  return baseWarnings.length > 0 ? withWarnings(plan, baseWarnings) : plan;
}
