import { GitHubTreeReader } from '../github/api-tree-reader.js';
import { loadDesiredState } from '../load/index.js';
import type { DesiredState, Plan, ServiceRecord, ServiceSpec } from '../model/types.js';
import { buildPlan } from '../plan/index.js';
import type { BotDeps } from './deps.js';
import { statusOf } from './recorded-state.js';

/** What a rollback redeploys, resolved before anything is dispatched. */
export type RollbackTarget =
  | { kind: 'deployment'; id: number; spec: ServiceSpec; commit: string; release: string }
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
    return { kind: 'deployment', id: previous.id, spec: previous.spec, commit: previous.revision.commit, release: previous.revision.release };
  }
  if (/^\d+$/.test(to)) {
    const wanted = history.find((d) => d.id === Number(to));
    if (!wanted) throw new RollbackRefused(`\`${service}\` has no deployment ${to}. ${historyLine(record)}`);
    return { kind: 'deployment', id: wanted.id, spec: wanted.spec, commit: wanted.revision.commit, release: wanted.revision.release };
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
 * classified like any other change.
 */
export function planRollbackOf(record: ServiceRecord, target: RollbackTarget): Plan {
  const desired: DesiredState = {
    revision: { ref: target.kind === 'ref' ? target.ref : `deployment ${target.id}`, commit: target.commit },
    templates: [],
    services: [target.spec],
    // Specs from history have no source file open here; errors then point at the file's start.
    locator: { locate: () => ({ line: 1, column: 1 }) },
  };
  const { pin: _pin, ...unpinned } = record;
  return buildPlan({
    desired,
    // A pin holds the service where an earlier rollback left it; this rollback replaces that decision.
    recorded: { [record.name]: unpinned },
    base: { ref: record.revision.ref, commit: record.revision.commit },
    services: [record.name],
  });
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
