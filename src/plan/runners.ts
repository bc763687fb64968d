// Runner labels: the instances of a service are applied by the runner labelled with its
// target.runner (`default` when it names none). A plan is judged per runner: each label's share
// of the plan has a digest of its own, so a later runner of the same merge is not told its plan
// is stale because an earlier runner applied its own services meanwhile.

import { canonicalDigest, specDigest } from '../model/digest.js';
import type { Plan, PlanService } from '../model/types.js';

/** Instances of a service without `target.runner` are applied by runners labelled this. */
export const DEFAULT_RUNNER_LABEL = 'default';

export function runnerLabelOf(service: Pick<PlanService, 'runner'>): string {
  return service.runner ?? DEFAULT_RUNNER_LABEL;
}

/**
 * The digest of the part of a plan one runner applies: its services' instances, actions and
 * reasons, the specs they go to, and the recorded state they were planned from. Errors make
 * every runner's digest (nothing is applied from a plan with errors).
 */
export function runnerDigest(plan: Plan, label: string): string {
  const services = plan.document.services.filter((s) => runnerLabelOf(s) === label);
  return canonicalDigest({
    runner: label,
    services,
    desired: Object.fromEntries(services.map((s) => [s.name, plan.desired[s.name] ? specDigest(plan.desired[s.name]!) : null])),
    state: Object.fromEntries(services.map((s) => [s.name, plan.serviceStates?.[s.name] ?? null])),
    errors: plan.document.errors,
  });
}

/** Every runner label of the plan with its digest, labels sorted. */
export function runnerDigests(plan: Plan): Record<string, string> {
  const labels = [...new Set(plan.document.services.map(runnerLabelOf))].sort();
  return Object.fromEntries(labels.map((label) => [label, runnerDigest(plan, label)]));
}
