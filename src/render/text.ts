// The plan for a terminal, in the manner of `terraform plan`.

import { formatDiagnostic, type PlanAction, type PlanDocument, type PlanReason } from '../model/types.js';
import { actionLabel, anyReplaceKeepsState, reasonNote, revisionLabel, summarySentence, SYMBOL, valueText } from './words.js';

const ANSI = {
  reset: '\x1b[0m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  red: '\x1b[31m',
  green: '\x1b[32m',
  yellow: '\x1b[33m',
  magenta: '\x1b[35m',
};

const ACTION_COLOUR: Record<PlanAction, string> = {
  create: ANSI.green,
  refresh: ANSI.yellow,
  restart: ANSI.yellow,
  replace: ANSI.magenta,
  destroy: ANSI.red,
  none: ANSI.dim,
};

/**
 * User values (settings, names, messages) reach the terminal; control characters in them could
 * move the cursor or recolour the screen, so they are shown as escapes instead.
 */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
  });
}

function shownValue(value: unknown): string {
  return typeof value === 'string' ? printable(JSON.stringify(valueText(value))) : printable(valueText(value));
}

function reasonLine(r: PlanReason): string {
  const note = reasonNote(r);
  return `${printable(r.path)}: ${shownValue(r.from)} → ${shownValue(r.to)}${note ? ` (${note})` : ''}`;
}

export function renderText(plan: PlanDocument, opts: { color?: boolean } = {}): string {
  const paint = (colour: string, text: string) => (opts.color ? `${colour}${text}${ANSI.reset}` : text);
  const out: string[] = [];
  out.push(paint(ANSI.bold, `svcplan: ${printable(revisionLabel(plan.base))} → ${printable(revisionLabel(plan.head))}`));
  out.push('');

  for (const service of plan.services) {
    const runner = service.runner ? `, runner ${printable(service.runner)}` : '';
    out.push(paint(ANSI.bold, `${printable(service.name)}`) + ` (template ${printable(service.template)}${runner})`);
    for (const tier of service.tiers) {
      out.push(`  tier ${printable(tier.name)} (order ${tier.order})`);
      for (const domain of tier.domains) {
        out.push(`    upgrade domain ${domain.index}`);
        let quiet = 0;
        for (const instance of domain.instances) {
          if (instance.action === 'none' && instance.reasons.length === 0) {
            quiet++;
            continue;
          }
          const symbol = SYMBOL[instance.action].padStart(3);
          out.push(
            `      ${paint(ACTION_COLOUR[instance.action], symbol)} ${printable(instance.name)}: ${paint(ACTION_COLOUR[instance.action], actionLabel(instance))}`,
          );
          for (const r of instance.reasons) out.push(`            ${reasonLine(r)}`);
        }
        if (quiet > 0) out.push(paint(ANSI.dim, `          ${quiet} instance${quiet === 1 ? '' : 's'} unchanged`));
      }
    }
    out.push('');
  }

  for (const w of plan.warnings) out.push(paint(ANSI.yellow, `Warning: ${printable(w)}`));
  if (plan.warnings.length) out.push('');
  for (const e of plan.errors) out.push(paint(ANSI.red, `Error: ${printable(formatDiagnostic(e))}`));
  if (plan.errors.length) {
    out.push(
      paint(
        ANSI.red + ANSI.bold,
        `Plan refused: ${plan.errors.length} error${plan.errors.length === 1 ? '' : 's'}; nothing will be applied until ${plan.errors.length === 1 ? 'it is' : 'they are'} fixed.`,
      ),
    );
    out.push('');
  }

  out.push(paint(ANSI.bold, summarySentence(plan.summary, anyReplaceKeepsState(plan))));
  out.push(`Plan digest: ${plan.plan_digest}`);
  return out.join('\n');
}
