import { GitHubTreeReader } from '../github/api-tree-reader.js';
import type { RecordedState, ServiceRecord } from '../model/types.js';
import type { BotDeps } from './deps.js';

/**
 * Recorded state as the git state store left it on its branch, read through the API. No branch
 * yet (nothing applied with the git store): empty state, and the base revision stands in.
 */
export async function readRecordedStateFromBranch(deps: BotDeps, branch: string): Promise<RecordedState> {
  let reader: GitHubTreeReader;
  try {
    reader = await GitHubTreeReader.open(deps.octokit, deps.repo, { ref: branch, commit: branch }, deps.blobs);
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 409) return {};
    throw error;
  }
  const state: RecordedState = {};
  for (const path of await reader.list([''])) {
    if (!path.endsWith('.json')) continue;
    const text = await reader.read(path);
    if (text === undefined) continue;
    const record = parseRecord(text, `${branch}:${path}`);
    if (record) state[record.name] = record;
  }
  return state;
}

/** Service records only: leases and other bookkeeping files on the branch have no `instances`. */
function parseRecord(text: string, where: string): ServiceRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where}: recorded state is not valid JSON (${(error as Error).message}); fix or remove the file on the state branch`);
  }
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Partial<ServiceRecord>;
  if (typeof v.name !== 'string' || !Array.isArray(v.instances) || !Array.isArray(v.history)) return undefined;
  return value as ServiceRecord;
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}
