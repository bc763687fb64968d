// The plan as a GitHub comment. GitHub refuses comments over 65,536 characters, so the comment is
// summarised step by step until it fits; it is never cut, so no table is ever left half written.

import { formatDiagnostic, type Diagnostic, type PlanDocument, type PlanInstance, type PlanReason, type PlanService, type PlanTier } from '../model/types.js';
import { actionLabel, anyReplaceKeepsState, countsPhrase, reasonNote, serviceSummary, revisionLabel, summarySentence, SYMBOL, valueText } from './words.js';

export const PLAN_COMMENT_MARKER = '<!-- svcplan:plan -->';
export const GITHUB_COMMENT_LIMIT = 65_536;
/** Below this the marker, counts and digest alone might not fit. */
const SMALLEST_LIMIT = 2_000;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '|': '&#124;',
  '`': '&#96;',
  '\\': '&#92;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '~': '&#126;',
  '@': '&#64;',
  '#': '&#35;',
};

/**
 * Any text that came from a user (names, settings, messages) goes through here: it cannot end a
 * table cell, open HTML, start code, emphasis or links, mention someone or break the line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, '\n')
    .replace(/[&<>|`\\*_[\]~@#]/g, (c) => ENTITIES[c])
    .replace(/\n/g, '<br>')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** Escaped, then cut to at most `max` characters without leaving half an entity or tag behind. */
function escapeClipped(text: string, max: number): string {
  const escaped = escapeMarkdown(text);
  if (escaped.length <= max) return escaped;
  return escaped.slice(0, max - 1).replace(/&[#a-z0-9]*$|<[a-z]*$/i, '') + '…';
}

function reasonText(r: PlanReason): string {
  const note = reasonNote(r);
  return escapeMarkdown(`${r.path}: ${valueText(r.from)} → ${valueText(r.to)}${note ? ` (${note})` : ''}`);
}

function reasonsCell(reasons: PlanReason[]): string {
  return reasons.map(reasonText).join('<br>');
}

function actionCell(i: PlanInstance): string {
  return `${SYMBOL[i.action].trim() ? `\`${SYMBOL[i.action]}\` ` : ''}${actionLabel(i)}`;
}

/** 0, 1, 2, 5 → "0–2, 5": keeps a grouped row short when it spans many domains. */
function domainList(indexes: number[]): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i + 1 ? `${sorted[i]}–${sorted[j]}` : j === i + 1 ? `${sorted[i]}, ${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** n of `<service>-<tier>-<n>`. */
function instanceNumber(name: string): number {
  return Number(/-(\d+)$/.exec(name)?.[1] ?? 0);
}

const TABLE_HEAD = '| instance | domain | action | reasons |\n|---|---:|---|---|';

/** How much detail a service gets: each step is shorter than the one before. */
enum Detail {
  EveryInstance = 0,
  UnchangedCollapsed = 1,
  Grouped = 2,
  OneLine = 3,
}

interface Row {
  instances: { name: string; domain: number }[];
  instance: PlanInstance;
}

function tierRows(tier: PlanTier, detail: Detail): string[] {
  const rows: string[] = [];
  const flat = tier.domains.flatMap((d) => d.instances.map((instance) => ({ instance, domain: d.index })));
  const unchanged = detail >= Detail.UnchangedCollapsed ? flat.filter((f) => f.instance.action === 'none') : [];
  const shown = detail >= Detail.UnchangedCollapsed ? flat.filter((f) => f.instance.action !== 'none') : flat;

  if (detail >= Detail.Grouped) {
    // Identical action and reasons: one row, in first-seen (domain, n) order.
    const groups = new Map<string, Row>();
    for (const f of shown) {
      const key = JSON.stringify([f.instance.action, f.instance.state ?? '', f.instance.reasons]);
      const group = groups.get(key);
      if (group) group.instances.push({ name: f.instance.name, domain: f.domain });
      else groups.set(key, { instances: [{ name: f.instance.name, domain: f.domain }], instance: f.instance });
    }
    for (const g of groups.values()) {
      const n = g.instances.length;
      // Rows run in domain order; the range reads best lowest number to highest.
      const byNumber = [...g.instances].sort((a, b) => instanceNumber(a.name) - instanceNumber(b.name));
      const names = n === 1 ? byNumber[0].name : `${byNumber[0].name} … ${byNumber[n - 1].name} (${n} instances)`;
      rows.push(
        `| ${escapeMarkdown(names)} | ${domainList(g.instances.map((i) => i.domain))} | ${actionCell(g.instance)} | ${reasonsCell(g.instance.reasons)} |`,
      );
    }
  } else {
    for (const f of shown) {
      rows.push(`| ${escapeMarkdown(f.instance.name)} | ${f.domain} | ${actionCell(f.instance)} | ${reasonsCell(f.instance.reasons)} |`);
    }
  }

  if (unchanged.length > 0) {
    const paths = [...new Set(unchanged.flatMap((f) => f.instance.reasons.map((r) => r.path)))].sort();
    const why = paths.length ? escapeMarkdown(`changed for the next rollout: ${clip(paths.join(', '), 400)}`) : '';
    rows.push(
      `| ${unchanged.length} unchanged instance${unchanged.length === 1 ? '' : 's'} | ${domainList(unchanged.map((f) => f.domain))} | no change | ${why} |`,
    );
  }
  return rows;
}

function serviceTitle(service: PlanService): string {
  const runner = service.runner ? `, runner ${escapeMarkdown(service.runner)}` : '';
  return `<b>${escapeMarkdown(service.name)}</b> (template ${escapeMarkdown(service.template)}${runner}): ${countsPhrase(serviceSummary(service))}`;
}

function renderService(service: PlanService, detail: Detail): string {
  if (detail === Detail.OneLine) return `- ${serviceTitle(service)}`;
  const parts = [`<details><summary>${serviceTitle(service)}</summary>`, ''];
  for (const tier of service.tiers) {
    parts.push(`**tier ${escapeMarkdown(tier.name)}** (order ${tier.order})`, '', TABLE_HEAD, ...tierRows(tier, detail), '');
  }
  parts.push('</details>');
  return parts.join('\n');
}

function countsTable(plan: PlanDocument): string {
  const s = plan.summary;
  const kept = anyReplaceKeepsState(plan) ? ' (state kept)' : '';
  return [
    `| to create | to update in place | of which restart | to replace${kept} | to destroy | unchanged |`,
    '|---:|---:|---:|---:|---:|---:|',
    `| ${s.create} | ${s.refresh + s.restart} | ${s.restart} | ${s.replace} | ${s.destroy} | ${s.none} |`,
  ].join('\n');
}

function messageList(title: string, lines: string[], limit: number, noun: string): string {
  if (lines.length === 0) return '';
  const shown = lines.slice(0, limit).map((l) => `- ${escapeClipped(l, limit === Infinity ? 4_000 : 600)}`);
  const more = lines.length - shown.length;
  if (more > 0) shown.push(`- … and ${more} more ${noun}${more === 1 ? '' : 's'} (run \`svcplan plan\` to see all)`);
  return [title, '', ...shown].join('\n');
}

function messages(plan: PlanDocument, limit: number): string[] {
  const errors = plan.errors.map((e: Diagnostic) => formatDiagnostic(e));
  const blocks = [
    errors.length
      ? messageList(
          `**Plan refused**: ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing will be applied until ${errors.length === 1 ? 'it is' : 'they are'} fixed.`,
          errors,
          limit,
          'error',
        )
      : '',
    messageList('**Warnings**', plan.warnings, limit, 'warning'),
  ];
  return blocks.filter(Boolean);
}

/** Hidden in a plan comment: each runner label's share of the plan, by digest, for stale-plan checks per runner. */
export const RUNNER_DIGESTS_MARKER = '<!-- svcplan:runner-digests ';

export function renderMarkdown(plan: PlanDocument, opts: { title?: string; maxLength?: number; runnerDigests?: Record<string, string> } = {}): string {
  const maxLength = opts.maxLength ?? GITHUB_COMMENT_LIMIT;
  if (maxLength < SMALLEST_LIMIT) throw new RangeError(`maxLength must be at least ${SMALLEST_LIMIT} characters, got ${maxLength}`);

  const digests =
    opts.runnerDigests && Object.keys(opts.runnerDigests).length > 0
      ? // JSON of labels and digests; `--` cannot end the comment early (labels are escaped).
        [`${RUNNER_DIGESTS_MARKER}${JSON.stringify(opts.runnerDigests).replace(/-->/g, '--\\u003e')} -->`]
      : [];
  const header = [
    PLAN_COMMENT_MARKER,
    ...digests,
    `### ${escapeClipped(opts.title ?? 'svcplan plan', 200)}`,
    `base ${escapeClipped(revisionLabel(plan.base), 130)} → head ${escapeClipped(revisionLabel(plan.head), 130)}`,
    '',
    countsTable(plan),
    '',
    `**${summarySentence(plan.summary, anyReplaceKeepsState(plan))}** Plan digest: \`${plan.plan_digest}\``,
  ].join('\n');

  const services = plan.services;
  const detail = services.map(() => Detail.EveryInstance);
  const rendered = services.map((s) => renderService(s, Detail.EveryInstance));
  let messageLimit = Infinity;
  let messageBlocks = messages(plan, messageLimit);

  const SEP = 2; // blocks are joined by a blank line
  const lengthOf = (blocks: string[]) => blocks.reduce((n, b) => n + b.length + SEP, 0);
  let serviceLength = lengthOf(rendered);
  const total = () => header.length + lengthOf(messageBlocks) + serviceLength;
  const fits = () => total() <= maxLength;

  const demote = (to: Detail) => {
    // Largest first: a few huge services shrink, the small ones keep their detail.
    const order = services.map((_, i) => i).sort((a, b) => rendered[b].length - rendered[a].length);
    for (const i of order) {
      if (fits()) return;
      if (detail[i] >= to) continue;
      const next = renderService(services[i], to);
      serviceLength += next.length - rendered[i].length;
      rendered[i] = next;
      detail[i] = to;
    }
  };
  const limitMessages = (limit: number) => {
    if (fits()) return;
    messageLimit = limit;
    messageBlocks = messages(plan, messageLimit);
  };

  demote(Detail.UnchangedCollapsed);
  demote(Detail.Grouped);
  limitMessages(20);
  demote(Detail.OneLine);
  limitMessages(5);

  let body = rendered;
  if (!fits()) {
    // Even one line per service is too much: list services in order while they fit, then say how
    // many are left out. The counts table above still covers every one of them.
    const room = maxLength - header.length - lengthOf(messageBlocks) - 200;
    body = [];
    let used = 0;
    for (const block of rendered) {
      if (used + block.length + SEP > room) break;
      body.push(block);
      used += block.length + SEP;
    }
    const left = services.length - body.length;
    body.push(`- … and ${left} more service${left === 1 ? '' : 's'}: run \`svcplan plan --format json\` for every instance`);
  }
  if (header.length + lengthOf(messageBlocks) + lengthOf(body) > maxLength) {
    messageBlocks = messages(plan, 0);
  }
  const comment = [header, ...messageBlocks, ...body].join('\n\n');
  // The header is bounded (every user value in it is clipped), so this cannot happen; if it ever
  // did, an honest failure beats a comment GitHub rejects.
  if (comment.length > maxLength) throw new Error(`plan comment is ${comment.length} characters, over ${maxLength}`);
  return comment;
}
