import type { ServiceRecord } from '../model/types.js';

/** Records are stored as indented JSON, so a Git history of the state branch diffs readably. */
export function serializeRecord(record: ServiceRecord): string {
  return JSON.stringify(record, null, 2) + '\n';
}

export function parseRecord(text: string, where: string): ServiceRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`${where}: recorded state is not valid JSON (${(err as Error).message}); restore it from a backup or the state branch history`);
  }
  const r = value as ServiceRecord;
  const missing = ['name', 'spec', 'instances', 'history'].filter((k) => (r as unknown as Record<string, unknown>)?.[k] === undefined);
  if (!r || typeof r !== 'object' || missing.length > 0) {
    throw new Error(`${where}: recorded state lacks ${missing.join(', ') || 'an object'}; it was not written by svcplan`);
  }
  r.retainedDisks ??= [];
  return r;
}
