// The local GitHub REST API used by the Action's and the bot's tests. See server.ts.
export { startGitHubApi } from './server.js';
export type { GitHubApi, RecordedRequest, Violation, StartGitHubApiOptions } from './server.js';
export { GitHubApiState } from './state.js';
export type {
  Permission,
  CommentRecord,
  CheckRunRecord,
  DeploymentRecord,
  DeploymentStatusRecord,
  PullRecord,
  IssueRecord,
  LabelRecord,
  DispatchRecord,
} from './state.js';
export { GitBackend } from './git-backend.js';
export { loadOpenApiSpec } from './openapi.js';
export { webhookExample } from './webhooks.js';
export {
  checkDispatch,
  condition,
  dispatchInputsContext,
  dispatchInputsOf,
  evaluate,
  interpolate,
  interpolateDeep,
  parseWorkflow,
  toText,
  WorkflowSyntaxError,
} from './workflow.js';
export type { DispatchInput, ExpressionContext, ExpressionValue, Workflow, WorkflowJob, WorkflowStep } from './workflow.js';
