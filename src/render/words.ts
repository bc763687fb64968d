// How plan facts are said, shared by the text and Markdown renderers. Presentation only: every
// number here is read from the PlanDocument, never worked out from specs.

import type { PlanAction, PlanDocument, PlanInstance, PlanReason, PlanService, PlanSummary } from '../model/types.js';
import { emptySummary } from '../model/types.js';

export const SYMBOL: Record<PlanAction, string> = {
  create: '+',
  refresh: '~',
  restart: '~',
  replace: '-/+',
  destroy: '-',
  none: ' ',
};

export function actionLabel(instance: PlanInstance): string {
  const state = instance.state ? `, state disk ${instance.state}` : '';
  switch (instance.action) {
    case 'create':
      return 'create';
    case 'refresh':
      return 'update in place';
    case 'restart':
      return 'update in place (restart)';
    case 'replace':
      return `replace${state}`;
    case 'destroy':
      return `destroy${state}`;
    case 'none':
      return 'no change';
  }
}

/** Why a reason matters, said once after it. */
export function reasonNote(r: PlanReason): string {
  switch (r.action) {
    case 'replace':
      return 'forces replacement';
    case 'restart':
      return 'restart';
    case 'none':
      return r.path === 'count' ? '' : 'used by the next rollout';
    default:
      return '';
  }
}

/** The longest value shown; a plan is read by people, the JSON carries the rest. */
const MAX_VALUE = 160;

export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (value === '') return '""';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? text.slice(0, MAX_VALUE - 1) + '…' : text;
}

export function summarySentence(summary: PlanSummary, stateKept: boolean): string {
  const inPlace = summary.refresh + summary.restart;
  if (summary.create + inPlace + summary.replace + summary.destroy === 0) return 'No changes to any VM.';
  const restart = summary.restart > 0 ? ` (${summary.restart} with restart)` : '';
  const kept = stateKept ? ' (state kept)' : '';
  return (
    `Plan: ${summary.create} to create, ${inPlace} to update in place${restart}, ` + `${summary.replace} to replace${kept}, ${summary.destroy} to destroy.`
  );
}

export function* instancesOf(service: PlanService): Generator<PlanInstance> {
  for (const t of service.tiers) for (const d of t.domains) yield* d.instances;
}

export function serviceSummary(service: PlanService): PlanSummary {
  const summary = emptySummary();
  for (const i of instancesOf(service)) summary[i.action]++;
  return summary;
}

export function anyReplaceKeepsState(plan: PlanDocument): boolean {
  return plan.services.some((s) => [...instancesOf(s)].some((i) => i.action === 'replace' && i.state === 'kept'));
}

/** "2 to create, 1 to replace": only the actions that occur, for one service's heading. */
export function countsPhrase(summary: PlanSummary): string {
  const parts: string[] = [];
  if (summary.create) parts.push(`${summary.create} to create`);
  if (summary.refresh + summary.restart) {
    const restart = summary.restart ? ` (${summary.restart} with restart)` : '';
    parts.push(`${summary.refresh + summary.restart} to update in place${restart}`);
  }
  if (summary.replace) parts.push(`${summary.replace} to replace`);
  if (summary.destroy) parts.push(`${summary.destroy} to destroy`);
  if (summary.none) parts.push(`${summary.none} unchanged`);
  return parts.join(', ');
}

export function shortCommit(commit: string): string {
  return commit ? commit.slice(0, 7) : '(no commit)';
}

/** A plan's base or head as a reader knows it: `main (1a2b3c4)`, or what a revision without a commit stands for. */
export function revisionLabel(revision: { ref: string; commit: string }): string {
  if (revision.commit) return `${revision.ref} (${shortCommit(revision.commit)})`;
  // A plan made against what is recorded (no --base) names its base STATE.
  return revision.ref === 'STATE' ? 'recorded state' : `${revision.ref} (no commit)`;
}
