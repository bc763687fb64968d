import { GitHubTreeReader } from '../github/api-tree-reader.js';
import { loadDesiredState } from '../load/index.js';
import { planRollbackFor, recordToRollBack, resolveRollbackTarget, RollbackTargetError, type RollbackTarget } from '../apply/rollback.js';
import type { DesiredState, Plan, RecordedState, ServiceRecord } from '../model/types.js';
import type { BotDeps } from './deps.js';
import { statusOf } from './recorded-state.js';

/** A rollback that cannot be done, with the text the user sees (what exists instead). */
export class RollbackRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RollbackRefused';
  }
}

/**
 * `/rollback SERVICE [to ID|REF]` resolved and planned the way the apply resolves and plans it
 * (apply/rollback.ts), with refs read through the API: the reply shows the plan, and the digest,
 * that the dispatched apply computes.
 */
export async function planRollbackThroughApi(
  deps: BotDeps,
  recorded: RecordedState,
  service: string,
  to: string | undefined,
): Promise<{ record: ServiceRecord; target: RollbackTarget; plan: Plan }> {
  try {
    const record = recordToRollBack(recorded, service);
    const target = await resolveRollbackTarget(record, to, (ref) => apiRevision(deps, ref));
    return { record, target, plan: planRollbackFor(record, target) };
  } catch (error) {
    if (error instanceof RollbackTargetError) throw new RollbackRefused(capitalize(error.message) + '.');
    throw error;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

async function apiRevision(deps: BotDeps, ref: string): Promise<{ commit: string; desired: DesiredState } | undefined> {
  const commit = await resolveRef(deps, ref);
  return commit ? { commit, desired: await readDesiredAt(deps, ref, commit) } : undefined;
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
