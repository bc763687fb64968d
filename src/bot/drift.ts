import { readRecordedDrift, type RecordedDrift } from '../github/drift-records.js';
import { DRIFT_WORKFLOW_CONTRACT, driftDispatchInputs } from '../github/drift-workflow.js';
import { dispatchWorkflow, explainWorkflowDispatchFailure } from '../github/workflow-dispatch.js';
import type { RecordedState } from '../model/types.js';
import { runnerLabelOf } from '../plan/index.js';
import { driftIssueMarker, renderDriftMarkdown } from '../render/drift.js';
import { escapeMarkdown, GITHUB_COMMENT_LIMIT } from '../render/index.js';
import type { BotDeps } from './deps.js';
import { stateBranchAt } from './plan-pull-request.js';
import { readRecordedStateFromBranch } from './recorded-state.js';

/**
 * `/drift [SERVICE]`: the app reaches no hypervisor, so it answers with the last reports the drift
 * workflow recorded on the state branch (when, and by which runner, each service was checked) and
 * starts a fresh check by dispatching that workflow, whose jobs update the drift issues and
 * comment their reports on this issue. Returns the reply.
 */
export async function driftReply(deps: BotDeps, event: { issueNumber: number; defaultBranch: string }, service: string | undefined): Promise<string> {
  const branch = await stateBranchAt(deps, event.defaultBranch);
  const recorded = await readRecordedStateFromBranch(deps, branch);
  const names = Object.keys(recorded).sort();
  if (names.length === 0)
    return `Nothing is recorded on \`${escapeMarkdown(branch)}\` yet: svcplan has applied nothing, so there is nothing to check for drift.`;
  if (service && !recorded[service]) {
    return `Nothing is recorded for ${escapeMarkdown(service)}, so there is nothing to check. Recorded services: ${names.map(escapeMarkdown).join(', ')}.`;
  }
  const reports = await readRecordedDrift(deps.octokit, deps.repo, branch, deps.blobs);
  const inputs = driftDispatchInputs({
    ...(service ? { service, runner: runnerLabelOf({ runner: recorded[service].spec.target.runner }) } : {}),
    issue: event.issueNumber,
  });
  const dispatch = { workflow: deps.settings.driftWorkflow, ref: event.defaultBranch, inputs };
  let started: string;
  try {
    await dispatchWorkflow(deps.octokit, deps.repo, dispatch);
    const scope = service ? `service: ${service}, runner: ${inputs.runner}` : 'every service, on each runner';
    started =
      `Started a fresh check: the \`${dispatch.workflow}\` workflow on \`${dispatch.ref}\` (${escapeMarkdown(scope)}); ` +
      'each runner comments its report here and updates the drift issues.';
  } catch (error) {
    started = `${explainWorkflowDispatchFailure(DRIFT_WORKFLOW_CONTRACT, error, dispatch)} No fresh check was started.`;
  }
  return renderDriftReply(service ? [service] : names, recorded, reports, started);
}

/** The reply: a line per service (last checked when, where, with what result), each drifted service's section, then `tail`; within GitHub's limit. */
export function renderDriftReply(services: string[], recorded: RecordedState, reports: Map<string, RecordedDrift>, tail: string): string {
  const limit = GITHUB_COMMENT_LIMIT - tail.length - 200;
  const out: string[] = ['### svcplan drift, as last recorded', '', '| service | runner | last checked | result |', '|---|---|---|---|'];
  let length = out.join('\n').length;
  let shown = 0;
  for (const name of services) {
    const row = rowOf(name, runnerLabelOf({ runner: recorded[name].spec.target.runner }), reports.get(name));
    if (length + row.length + 1 > limit) break;
    out.push(row);
    length += row.length + 1;
    shown++;
  }
  if (shown < services.length) out.push('', `… and ${services.length - shown} more services; \`/drift SERVICE\` shows one.`);
  out.push('');
  length = out.join('\n').length;
  const sections = services.slice(0, shown).filter((name) => reports.get(name)?.services[0].status === 'drifted');
  let omitted = 0;
  for (const name of sections) {
    const room = limit - length - 2;
    // The reply must not carry the issue marker, or it would read as the service's drift issue.
    const section =
      room > 400
        ? renderDriftMarkdown(reports.get(name)!, { service: name, maxLength: room })
            .split(driftIssueMarker(name) + '\n')
            .join('')
        : '';
    if (!section || length + section.length + 1 > limit) {
      omitted++;
      continue;
    }
    out.push(section);
    length += section.length + 1;
  }
  if (omitted > 0) out.push(`The differences of ${omitted} more drifted service${omitted === 1 ? '' : 's'} do not fit here: \`/drift SERVICE\` shows one.`, '');
  if (services.length > 0 && services.every((name) => !reports.has(name))) {
    out.push('No drift check has been recorded yet: the drift workflow records one per service on each run.', '');
  }
  return `${out.join('\n')}\n${tail}\n`;
}

function rowOf(name: string, label: string, report: RecordedDrift | undefined): string {
  const cells = [escapeMarkdown(name), `\`${escapeMarkdown(label)}\``];
  if (!report) return `| ${cells.join(' | ')} | never | — |`;
  const s = report.services[0];
  const by = report.checked_by;
  const where = [
    by.runner ? `on runner \`${escapeMarkdown(by.runner)}\`` : '',
    by.host ? `host \`${escapeMarkdown(by.host)}\`` : '',
    by.run_url && /^https?:\/\/[^\s()<>]+$/.test(by.run_url) ? `[workflow run](${by.run_url})` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const result =
    s.status === 'drifted'
      ? `**drifted**: ${s.instances.length} of ${s.checked} instance${s.checked === 1 ? '' : 's'}`
      : `clean: ${s.checked} instance${s.checked === 1 ? '' : 's'} as recorded`;
  const unobserved = report.errors.length > 0 ? `; ${report.errors.length} not observed` : '';
  return `| ${cells.join(' | ')} | ${report.checked_at}${where ? ` ${where}` : ''} | ${result}${unobserved} |`;
}
