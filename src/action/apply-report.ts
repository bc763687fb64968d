import type { ApplyReport, ServiceReport } from '../apply/types.js';
import type { DeploymentState } from '../github/deployments.js';
import { escapeMarkdown } from '../render/index.js';

/** The GitHub deployment state a service's apply result maps to. */
export function deploymentStateOf(result: ServiceReport['result']): DeploymentState {
  switch (result) {
    case 'succeeded':
    case 'unchanged':
      return 'success';
    case 'skipped':
      return 'inactive';
    case 'interrupted':
      return 'error';
    default:
      return 'failure';
  }
}

export interface ApplyResultView {
  kind: 'apply' | 'rollback';
  report: ApplyReport;
  commit: string;
  planDigest: string;
  runner?: string;
  dryRun: boolean;
  runUrl?: string;
  /** Set when the plan reviewed on the pull request differs from the plan applied. */
  stale?: { reviewed: string; pullRequest: number };
  /** GitHub deployment id per service. */
  deployments: Record<string, number>;
  /** Commands a dry run would have run. */
  commands?: string[];
}

/** The result of an apply or rollback as Markdown, for the pull request or issue and the job summary. */
export function renderApplyResult(view: ApplyResultView): string {
  const verdict = view.dryRun ? 'dry run' : view.report.ok ? 'succeeded' : 'failed';
  const lines: string[] = [];
  lines.push(`### svcplan ${view.kind}: ${verdict}${view.runner ? ` on runner \`${escapeMarkdown(view.runner)}\`` : ''}`);
  const where = [`commit \`${view.commit.slice(0, 12)}\``, `plan digest \`${view.planDigest}\``];
  if (view.runUrl) where.push(`[workflow run](${view.runUrl})`);
  lines.push(where.join(' · '), '');
  if (view.stale) {
    lines.push(
      `> [!WARNING]`,
      `> **Stale plan.** The plan reviewed on #${view.stale.pullRequest} has digest \`${view.stale.reviewed}\`; the plan applied has digest \`${view.planDigest}\`. ` +
        'The recorded state or the templates changed between review and merge, so what was applied differs from what was reviewed.',
      '',
    );
  }
  if (view.report.services.length === 0) {
    lines.push('Nothing to apply.');
    return lines.join('\n') + '\n';
  }
  lines.push('| service | result | deployment | instances |', '|---|---|---|---|');
  for (const s of view.report.services) {
    const counts = new Map<string, number>();
    for (const i of s.instances) counts.set(i.outcome, (counts.get(i.outcome) ?? 0) + 1);
    const instances = [...counts].map(([outcome, n]) => `${n} ${outcome}`).join(', ') || '—';
    const ghDeployment = view.deployments[s.service];
    const deployment =
      [s.deployment !== undefined ? `#${s.deployment}` : '', ghDeployment !== undefined ? `(GitHub ${ghDeployment})` : ''].filter(Boolean).join(' ') || '—';
    lines.push(`| ${escapeMarkdown(s.service)} | ${escapeMarkdown(s.result)} | ${deployment} | ${escapeMarkdown(instances)} |`);
  }
  const problems = view.report.services.flatMap((s) => [
    ...(s.error ? [`- **${escapeMarkdown(s.service)}**: ${escapeMarkdown(clip(s.error, 600))}`] : []),
    ...s.instances.filter((i) => i.error).map((i) => `- **${escapeMarkdown(i.name)}** (${i.action}): ${escapeMarkdown(clip(i.error!, 600))}`),
  ]);
  if (problems.length > 0) lines.push('', '**Problems**', '', ...problems.slice(0, 50));
  if (view.commands && view.commands.length > 0) {
    lines.push(
      '',
      '<details><summary>Commands a real run would execute</summary>',
      '',
      '```',
      ...view.commands.slice(0, 400).map((c) => c.replace(/```/g, "'''")),
      '```',
      '</details>',
    );
  }
  return lines.join('\n') + '\n';
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}
