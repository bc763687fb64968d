import { GitHubTreeReader } from '../github/api-tree-reader.js';
import type { RecordedState } from '../model/types.js';
import { parseRecord } from '../state/record-file.js';
import type { BotDeps } from './deps.js';

/**
 * Recorded state as the git state store left it on its branch, read through the API. No branch
 * yet (nothing applied with the git store): empty state, so every instance is planned as new.
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
  // The git state store's layout: `<service>.json` at the root; leases live in a folder.
  const files = (await reader.list([''])).filter((p) => !p.includes('/') && p.endsWith('.json'));
  const texts = await Promise.all(files.map((p) => reader.read(p)));
  files.forEach((path, i) => {
    const record = parseRecord(texts[i]!, `${branch}:${path}`);
    state[record.name] = record;
  });
  return state;
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}
