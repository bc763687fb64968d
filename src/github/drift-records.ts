// The last drift report of each service, as the Action records it on the state branch
// (`drift/<service>.json`, through the git state store) and the app reads it back through the
// API: the report of `svcplan drift --format json` narrowed to one service, with who checked it.
import type { Octokit } from '@octokit/core';
import type { DriftReport, DriftService } from '../model/types.js';
import { DRIFT_REPORTS_FOLDER } from '../state/index.js';
import { GitHubTreeReader, type RepoCoordinates } from './api-tree-reader.js';
import type { BlobCache } from './blob-cache.js';

/** Who checked: the runner label of the job (absent when one job checked every runner), the machine it ran on, the workflow run. */
export interface DriftChecker {
  runner?: string;
  host?: string;
  run_url?: string;
}

/** One service's part of a drift report (the drift contract, one service in `services`), and who checked it. */
export interface RecordedDrift extends DriftReport {
  checked_by: DriftChecker;
}

/** Whether a service's check says anything to keep: it was observed (clean or drifted), not skipped or failed. */
export function wasChecked(service: DriftService): boolean {
  return service.status === 'clean' || service.status === 'drifted';
}

/** The part of a report about one service, as it is recorded. */
export function recordedDriftOf(report: DriftReport, service: string, by: DriftChecker): RecordedDrift {
  const services = report.services.filter((s) => s.name === service);
  const s = services[0];
  return {
    format_version: 1,
    checked_at: report.checked_at,
    summary: {
      services: services.length,
      drifted_services: s?.status === 'drifted' ? 1 : 0,
      instances: s?.checked ?? 0,
      drifted_instances: s?.instances.length ?? 0,
    },
    services,
    errors: report.errors.filter((e) => e.service === service),
    checked_by: by,
  };
}

/** service → JSON text of its record, for every service of the report that was checked. */
export function driftRecordFiles(report: DriftReport, by: DriftChecker): Record<string, string> {
  const files: Record<string, string> = {};
  for (const s of report.services.filter(wasChecked)) files[s.name] = JSON.stringify(recordedDriftOf(report, s.name, by), null, 2) + '\n';
  return files;
}

/** A recorded report, or undefined for a file that is not one (an older or hand-edited file is skipped, not fatal). */
export function parseRecordedDrift(text: string): RecordedDrift | undefined {
  try {
    const value = JSON.parse(text) as Partial<RecordedDrift>;
    if (value.format_version !== 1 || typeof value.checked_at !== 'string' || !Array.isArray(value.services) || value.services.length !== 1) return undefined;
    if (!value.checked_by || typeof value.checked_by !== 'object') return undefined;
    return { ...value, errors: Array.isArray(value.errors) ? value.errors : [] } as RecordedDrift;
  } catch {
    return undefined;
  }
}

/**
 * The recorded reports on the state branch, read through the API (no clone): service → report.
 * No branch, or no report yet: an empty map.
 */
export async function readRecordedDrift(octokit: Octokit, repo: RepoCoordinates, branch: string, blobs?: BlobCache): Promise<Map<string, RecordedDrift>> {
  let reader: GitHubTreeReader;
  try {
    reader = await GitHubTreeReader.open(octokit, repo, { ref: branch, commit: branch }, blobs);
  } catch (error) {
    const status = (error as { status?: unknown } | undefined)?.status;
    if (status === 404 || status === 409) return new Map();
    throw error;
  }
  const files = (await reader.list([DRIFT_REPORTS_FOLDER])).filter((p) => /^[^/]+\/[^/]+\.json$/.test(p));
  const texts = await Promise.all(files.map((p) => reader.read(p)));
  const out = new Map<string, RecordedDrift>();
  files.forEach((path, i) => {
    const recorded = texts[i] === undefined ? undefined : parseRecordedDrift(texts[i]!);
    const service = path.slice(DRIFT_REPORTS_FOLDER.length + 1, -'.json'.length);
    if (recorded && recorded.services[0].name === service) out.set(service, recorded);
  });
  return out;
}
