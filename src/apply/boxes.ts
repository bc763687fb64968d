// The boxes an apply makes machines from. All of them are asked for before the first service
// starts: no step waits for a download, and a box that cannot be had stops the whole apply before
// any machine of any service is touched.

import type { InstanceSpec, Plan } from '../model/types.js';
import type { BoxRef, Driver } from './driver.js';

/** The boxes machines are made from for these specs, each once. */
export function boxesFor(specs: Iterable<InstanceSpec>): BoxRef[] {
  const boxes = new Map<string, BoxRef>();
  for (const spec of specs) {
    const box = { name: spec.image.box, version: spec.image.version, provider: spec.target.provider };
    boxes.set(JSON.stringify(box), box);
  }
  return [...boxes.values()];
}

/** Per service, the boxes of the instances the plan creates or replaces. */
function planBoxes(plan: Plan): Map<string, BoxRef[]> {
  const byService = new Map<string, BoxRef[]>();
  for (const ps of plan.document.services) {
    const spec = plan.desired[ps.name];
    if (!spec) continue;
    const specs: InstanceSpec[] = [];
    for (const tier of ps.tiers) {
      const made = tier.domains.some((d) => d.instances.some((i) => i.action === 'create' || i.action === 'replace'));
      const desired = spec.tiers.find((t) => t.name === tier.name);
      if (made && desired) specs.push(desired.instance);
    }
    if (specs.length > 0) byService.set(ps.name, boxesFor(specs));
  }
  return byService;
}

/**
 * Prepares every box of the plan (the driver does each once per host). Resolves to why the apply
 * cannot start, naming each box that cannot be had, or to undefined when all are here.
 */
export async function prepareBoxes(plan: Plan, driver: Driver): Promise<string | undefined> {
  const failures: string[] = [];
  await Promise.all([...planBoxes(plan)].map(([service, boxes]) => driver.prepareBoxes(service, boxes).catch((err: Error) => failures.push(err.message))));
  return failures.length > 0 ? failures.sort().join('; ') : undefined;
}
