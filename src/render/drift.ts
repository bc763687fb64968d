// A drift report as text (a terminal), Markdown (an issue, a reply of the app) and JSON (the
// contract, docs/drift.md). Identical differences across instances are one row: the cause, and
// the instances it is seen on. Renderers read the report and compute nothing.

import type { DriftGroup, DriftReport, DriftService } from '../model/types.js';
import { escapeMarkdown, GITHUB_COMMENT_LIMIT } from './markdown.js';

/** Hidden in a drift issue: finds the issue of a service again, never a duplicate. */
export function driftIssueMarker(service: string): string {
  return `<!-- svcplan:drift ${service.replace(/[^A-Za-z0-9._-]/g, '_')} -->`;
}

function value(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function cause(g: DriftGroup): string {
  return `${g.path}: ${value(g.recorded)} → ${value(g.observed)}`;
}

function serviceHeadline(s: DriftService): string {
  switch (s.status) {
    case 'clean':
      return `clean (${s.checked} instance${s.checked === 1 ? '' : 's'} as recorded)`;
    case 'drifted':
      return `drifted: ${s.instances.length} of ${s.checked} instance${s.checked === 1 ? '' : 's'}`;
    case 'being-applied':
      return `being applied by ${s.lease?.owner} (lease until ${s.lease?.expiresAt}): not checked`;
    case 'failed':
      return `not checked: ${s.error}`;
  }
}

export function renderDriftText(report: DriftReport): string {
  const lines: string[] = [];
  for (const s of report.services) {
    lines.push(`${s.name}${s.runner ? ` (runner ${s.runner})` : ''}: ${serviceHeadline(s)}`);
    for (const g of s.groups) lines.push(`  ${g.action.padEnd(8)} ${cause(g)}  [${g.instances.join(', ')}]`);
  }
  if (report.services.length === 0) lines.push('nothing recorded to check');
  for (const e of report.errors) lines.push(`error: ${e.service}${e.instance ? ` ${e.instance}` : ''}: ${e.message}`);
  const s = report.summary;
  lines.push(
    s.drifted_services > 0
      ? `drift: ${s.drifted_instances} of ${s.instances} instances in ${s.drifted_services} of ${s.services} services; svcplan plan --repair shows the repair, svcplan apply --repair makes it`
      : `no drift: ${s.instances} instances in ${s.services} services are as recorded`,
  );
  return lines.join('\n') + '\n';
}

/** One service's section (an issue body), or the whole report; always within GitHub's comment limit. */
export function renderDriftMarkdown(report: DriftReport, opts: { service?: string; maxLength?: number } = {}): string {
  const services = opts.service ? report.services.filter((s) => s.name === opts.service) : report.services;
  const limit = opts.maxLength ?? GITHUB_COMMENT_LIMIT;
  const out: string[] = [];
  if (opts.service) out.push(driftIssueMarker(opts.service));
  out.push(`### svcplan drift${opts.service ? ` of ${escapeMarkdown(opts.service)}` : ''}`, '', `Checked at ${report.checked_at}.`, '');
  for (const s of services) {
    out.push(`**${escapeMarkdown(s.name)}**${s.runner ? ` (runner \`${escapeMarkdown(s.runner)}\`)` : ''}: ${escapeMarkdown(serviceHeadline(s))}`, '');
    if (s.groups.length > 0) {
      out.push('| repair | what differs (recorded → observed) | instances |', '|---|---|---|');
      for (const g of s.groups) {
        const names = g.instances.length > 20 ? `${g.instances.slice(0, 20).join(', ')} and ${g.instances.length - 20} more` : g.instances.join(', ');
        out.push(`| ${g.action} | ${escapeMarkdown(cause(g))} | ${escapeMarkdown(names)} |`);
      }
      out.push('');
    }
  }
  const errors = report.errors.filter((e) => !opts.service || e.service === opts.service);
  if (errors.length > 0) out.push('**Not observed**', '', ...errors.map((e) => `- ${escapeMarkdown(`${e.instance ?? e.service}: ${e.message}`)}`), '');
  if (services.some((s) => s.status === 'drifted')) {
    out.push(
      '`svcplan plan --repair` shows the repair as a plan; `svcplan apply --repair` makes it through the normal rollout (domains, health gates, history).',
    );
  }
  let text = out.join('\n') + '\n';
  if (text.length > limit)
    text = text.slice(0, limit - 80).replace(/\n[^\n]*$/, '') + '\n\n… the report is longer than GitHub allows; `svcplan drift` shows all of it.\n';
  return text;
}

/** The JSON contract, field for field (docs/drift.md). */
export function renderDriftJson(report: DriftReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
