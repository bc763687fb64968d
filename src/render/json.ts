import type { PlanDocument, PlanInstance, PlanReason } from '../model/types.js';

function reason(r: PlanReason): PlanReason {
  return { path: r.path, from: r.from ?? null, to: r.to ?? null, action: r.action };
}

/**
 * The instances of a tier share their reason lists: each list is copied once per rendering, and
 * JSON.stringify writes the shared copy wherever it appears.
 */
function instanceWriter(): (i: PlanInstance) => PlanInstance {
  const lists = new Map<PlanReason[], PlanReason[]>();
  return (i) => {
    let reasons = lists.get(i.reasons);
    if (!reasons) lists.set(i.reasons, (reasons = i.reasons.map(reason)));
    return i.state ? { name: i.name, action: i.action, state: i.state, reasons } : { name: i.name, action: i.action, reasons };
  };
}

/**
 * The JSON contract of SPEC section 4, field for field and in its order, so that the Action,
 * the bot and scripts can rely on it; nothing else a plan object may carry leaks into it.
 */
export function renderJson(plan: PlanDocument): string {
  const instance = instanceWriter();
  const document: PlanDocument = {
    format_version: plan.format_version,
    base: { ref: plan.base.ref, commit: plan.base.commit },
    head: { ref: plan.head.ref, commit: plan.head.commit },
    state_digest: plan.state_digest,
    plan_digest: plan.plan_digest,
    summary: {
      create: plan.summary.create,
      refresh: plan.summary.refresh,
      restart: plan.summary.restart,
      replace: plan.summary.replace,
      destroy: plan.summary.destroy,
      none: plan.summary.none,
    },
    services: plan.services.map((s) => ({
      name: s.name,
      template: s.template,
      ...(s.runner !== undefined ? { runner: s.runner } : {}),
      tiers: s.tiers.map((t) => ({
        name: t.name,
        order: t.order,
        domains: t.domains.map((d) => ({ index: d.index, instances: d.instances.map(instance) })),
      })),
    })),
    warnings: [...plan.warnings],
    errors: plan.errors.map((e) => ({ file: e.file, line: e.line, column: e.column, message: e.message })),
  };
  return JSON.stringify(document, null, 2);
}
