import { DEFAULT_RUNNER_LABEL } from '../github/apply-workflow.js';
import type { PlanDocument, PlanService } from '../model/types.js';

/** Instances of a service without `target.runner` are applied by runners labelled this. */
export { DEFAULT_RUNNER_LABEL };

export function runnerLabelOf(service: Pick<PlanService, 'runner'>): string {
  return service.runner ?? DEFAULT_RUNNER_LABEL;
}

/** Whether any instance of the service changes. */
export function serviceHasWork(service: PlanService): boolean {
  return service.tiers.some((t) => t.domains.some((d) => d.instances.some((i) => i.action !== 'none')));
}

/** Whether applying the plan would change any VM. */
export function planHasChanges(plan: PlanDocument): boolean {
  const s = plan.summary;
  return s.create + s.refresh + s.restart + s.replace + s.destroy > 0;
}

/**
 * The GitHub Actions matrix of runner labels that have work in the plan, sorted, each once:
 * the apply job runs once per label, on the self-hosted runner that reaches that hypervisor.
 */
export function runnerMatrix(plan: PlanDocument): { runner: string[] } {
  const labels = new Set<string>();
  for (const service of plan.services) if (serviceHasWork(service)) labels.add(runnerLabelOf(service));
  return { runner: [...labels].sort() };
}

/** Services this runner applies: its label, or every service when no runner is named. */
export function servicesForRunner(plan: PlanDocument, runner: string | undefined): PlanService[] {
  return plan.services.filter((s) => runner === undefined || runnerLabelOf(s) === runner);
}
