import { GitHubTreeReader } from '../github/api-tree-reader.js';
import { loadDesiredState } from '../load/index.js';
import { STATE_REVISION } from '../core/compute-plan.js';
import type { DesiredState, Plan, PlanService, ServiceRecord, ServiceSpec } from '../model/types.js';
import { buildPlan } from '../plan/index.js';
import type { BotDeps } from './deps.js';
import { statusOf } from './recorded-state.js';

/** What a rollback redeploys, resolved before anything is dispatched. */
export type RollbackTarget =
  | { kind: 'deployment'; id: number; spec: ServiceSpec; ref: string; commit: string; release: string }
  | { kind: 'ref'; ref: string; commit: string; spec: ServiceSpec; release: string };

/** A rollback that cannot be done, with the text the user sees (what exists instead). */
export class RollbackRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RollbackRefused';
  }
}

/**
 * Resolves `/rollback SERVICE [to ID|REF]`: no target means the last succeeded deployment before
 * the current one; a number is a deployment id of the service's history; anything else is a Git
 * ref or commit, read through the API.
 */
export async function resolveRollbackTarget(
  deps: BotDeps,
  record: ServiceRecord | undefined,
  service: string,
  recordedNames: string[],
  to: string | undefined,
): Promise<RollbackTarget> {
  if (!record) {
    const known = recordedNames.length > 0 ? recordedNames.map((n) => `\`${n}\``).join(', ') : 'none yet';
    throw new RollbackRefused(`No service \`${service}\` has been applied, so there is nothing to roll back. Recorded services: ${known}.`);
  }
  const history = [...record.history].sort((a, b) => a.id - b.id);
  if (to === undefined) {
    const current = history[history.length - 1];
    const previous = history.filter((d) => d.id < (current?.id ?? 0) && d.result === 'succeeded').pop();
    if (!previous) {
      throw new RollbackRefused(`\`${service}\` has no succeeded deployment before the current one. ${historyLine(record)}`);
    }
    return { kind: 'deployment', id: previous.id, spec: previous.spec, ...previous.revision };
  }
  const id = /^#?(\d+)$/.exec(to);
  if (id) {
    const wanted = history.find((d) => d.id === Number(id[1]));
    if (!wanted) throw new RollbackRefused(`\`${service}\` has no deployment ${id[1]}. ${historyLine(record)}`);
    if (wanted.result === 'in-progress') throw new RollbackRefused(`Deployment ${wanted.id} of \`${service}\` never finished; pick a finished one. ${historyLine(record)}`);
    return { kind: 'deployment', id: wanted.id, spec: wanted.spec, ...wanted.revision };
  }
  const commit = await resolveRef(deps, to);
  if (!commit) {
    throw new RollbackRefused(`\`${to}\` is neither a deployment of \`${service}\` nor a branch, tag or commit of this repository. ${historyLine(record)}`);
  }
  const desired = await readDesiredAt(deps, to, commit);
  const spec = desired.services.find((s) => s.name === service);
  if (!spec) {
    const there = desired.services.map((s) => `\`${s.name}\``).join(', ') || 'none';
    throw new RollbackRefused(`\`${service}\` is not defined at \`${to}\` (${commit.slice(0, 7)}). Services there: ${there}.`);
  }
  return { kind: 'ref', ref: to, commit, spec, release: spec.release };
}

/**
 * The rollback as a forward update of one service: its recorded state against the target spec,
 * classified like any other change. Built the way the apply's `planRollback` builds it (same
 * base, same handling of a service already at the target), so the digest in the reply is the
 * one the dispatched apply computes.
 */
export function planRollbackOf(record: ServiceRecord, target: RollbackTarget): Plan {
  const desired: DesiredState = {
    // The apply is dispatched with the resolved commit (or deployment) and names the revision so.
    revision: { ref: target.kind === 'ref' ? target.commit : target.ref, commit: target.commit },
    templates: [],
    services: [target.spec],
    // Specs from history have no source file open here; errors then point at the file's start.
    locator: { locate: () => ({ line: 1, column: 1 }) },
  };
  const { pin: _pin, ...unpinned } = record;
  const plan = buildPlan({
    desired,
    // A pin holds the service where an earlier rollback left it; this rollback replaces that decision.
    recorded: { [record.name]: unpinned },
    base: STATE_REVISION,
    services: [record.name],
  });
  if (plan.document.services.length === 0) {
    // Already as the target says: the rollback still runs, to record itself and pin the service.
    plan.document.services = [unchangedService(record, target.spec)];
    plan.desired[record.name] = target.spec;
  }
  return plan;
}

function unchangedService(record: ServiceRecord, spec: ServiceSpec): PlanService {
  const tiers = spec.tiers
    .map((t) => ({
      name: t.name,
      order: t.rollout.order,
      domains: [{ index: 0, instances: record.instances.filter((i) => i.tier === t.name).map((i) => ({ name: i.name, action: 'none' as const, reasons: [] })) }],
    }))
    .filter((t) => t.domains[0].instances.length > 0);
  return { name: record.name, template: spec.template, ...(spec.target.runner ? { runner: spec.target.runner } : {}), tiers };
}

function historyLine(record: ServiceRecord): string {
  if (record.history.length === 0) return 'It has no recorded deployments.';
  const items = [...record.history]
    .sort((a, b) => a.id - b.id)
    .map((d) => `${d.id} (${d.kind}, release ${d.revision.release}, ${d.revision.commit.slice(0, 7)}, ${d.result})`);
  return `Deployments: ${items.join('; ')}.`;
}

/** A branch, tag or (abbreviated) commit to its full sha; undefined when GitHub knows no such ref. */
async function resolveRef(deps: BotDeps, ref: string): Promise<string | undefined> {
  try {
    const { data } = await deps.octokit.request('GET /repos/{owner}/{repo}/commits/{ref}', {
      owner: deps.repo.owner,
      repo: deps.repo.repo,
      ref,
    });
    return data.sha;
  } catch (error) {
    const status = statusOf(error);
    if (status === 404 || status === 422) return undefined;
    throw error;
  }
}

async function readDesiredAt(deps: BotDeps, ref: string, commit: string): Promise<DesiredState> {
  const reader = await GitHubTreeReader.open(deps.octokit, deps.repo, { ref, commit }, deps.blobs);
  return loadDesiredState(reader);
}
