import { GitHubTreeReader } from '../github/api-tree-reader.js';
import { loadDesiredState } from '../load/index.js';
import { deploymentTarget, describeHistory, planRollbackFor, RollbackTargetError } from '../apply/rollback.js';
import type { DesiredState, Plan, ServiceRecord, ServiceSpec } from '../model/types.js';
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
  let deployment;
  try {
    deployment = deploymentTarget(record, to);
  } catch (error) {
    if (error instanceof RollbackTargetError) throw new RollbackRefused(capitalize(error.message) + '.');
    throw error;
  }
  if (deployment) return { kind: 'deployment', id: deployment.id, spec: deployment.spec, ...deployment.revision };
  if (to === undefined) throw new Error('unreachable: no target without a deployment');
  const commit = await resolveRef(deps, to);
  if (!commit) {
    throw new RollbackRefused(`\`${to}\` is neither a deployment of \`${service}\` nor a branch, tag or commit of this repository. ${capitalize(describeHistory(record))}.`);
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
  // The apply is dispatched with the resolved commit (or deployment) and names the revision so.
  return planRollbackFor(record, { spec: target.spec, revision: { ref: target.kind === 'ref' ? target.commit : target.ref, commit: target.commit } });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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
