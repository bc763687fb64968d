import type { Plan } from '../model/types.js';
import { planCommentBody } from '../github/plan-comment.js';
import { renderJson } from '../render/index.js';
import type { ActionContext } from './context.js';
import { planHasChanges, runnerMatrix } from './matrix.js';

export interface PublishedPlan {
  markdown: string;
  hasChanges: boolean;
  jsonPath: string;
}

/**
 * Makes a plan visible to the workflow: step outputs (plan-digest, has-changes, summary, matrix,
 * plan-json), the JSON contract in a file under RUNNER_TEMP, the Markdown in the job summary,
 * and one annotation per problem on the line that causes it.
 */
export async function publishPlan(ctx: ActionContext, plan: Plan, opts: { title?: string } = {}): Promise<PublishedPlan> {
  const { reporter, settings } = ctx;
  const doc = plan.document;
  const hasChanges = planHasChanges(doc);
  const markdown = planCommentBody(plan, opts.title);
  const digestName = doc.plan_digest.replace(/^sha256:/, '').slice(0, 16);
  const jsonPath = await reporter.writeFile(settings.tempDir, `svcplan/plan-${digestName}.json`, renderJson(doc));
  reporter.output('plan-digest', doc.plan_digest);
  reporter.output('has-changes', hasChanges);
  reporter.output('summary', doc.summary);
  reporter.output('matrix', runnerMatrix(doc));
  reporter.output('plan-json', jsonPath);
  await reporter.summary(markdown);
  if (doc.errors.length > 0) reporter.annotate(doc.errors);
  for (const warning of doc.warnings) reporter.warning(warning);
  return { markdown, hasChanges, jsonPath };
}
