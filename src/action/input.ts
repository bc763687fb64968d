import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const COMMANDS = ['plan', 'apply', 'rollback', 'drift'] as const;
export type ActionCommand = (typeof COMMANDS)[number];

/** Everything the Action reads from its inputs and the runner's environment, parsed once. */
export interface ActionSettings {
  command: ActionCommand;
  token: string;
  /** Absolute path of the templates repository (the `repo-path` input, from the workspace). */
  repoDir: string;
  /** The Actions workspace: annotation paths are relative to it. */
  workspace: string;
  /** Only what the workflow said; svcplan.yaml, then the Action's defaults (git, svcplan-state), fill in the rest. */
  state?: 'local' | 'git';
  stateBranch?: string;
  service?: string;
  to?: string;
  issue?: number;
  runner?: string;
  dryRun: boolean;
  /** drift: only list the runner labels that have recorded services (output matrix); observe nothing. */
  listRunners: boolean;
  apiUrl: string;
  repository: { owner: string; repo: string };
  eventName: string;
  event: GitHubEvent;
  /** The commit the workflow runs for (GITHUB_SHA). */
  sha: string;
  /** The ref the workflow runs for (GITHUB_REF), e.g. refs/heads/main. */
  ref: string;
  /** Where files meant for later steps are written (RUNNER_TEMP). */
  tempDir: string;
  /** Link to this workflow run, for deployment statuses and comments. */
  runUrl?: string;
}

/** The parts of webhook payloads the Action reads. */
export interface GitHubEvent {
  pull_request?: { number: number; head: { sha: string; ref: string }; base: { sha: string; ref: string } };
  before?: string;
  after?: string;
  repository?: { default_branch?: string };
  inputs?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A problem with how the Action was set up, worded for whoever edits the workflow. */
export class ActionInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ActionInputError';
  }
}

type Env = Record<string, string | undefined>;

/** An input as the runner passes it: `INPUT_<NAME>` with spaces as underscores, hyphens kept. */
export function getInput(env: Env, name: string): string | undefined {
  const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim();
  return value === '' ? undefined : value;
}

export function readSettings(env: Env = process.env): ActionSettings {
  const command = getInput(env, 'command') ?? 'plan';
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new ActionInputError(`input command: "${command}" is not a command; use plan, apply, rollback or drift`);
  }
  const token = getInput(env, 'github-token');
  if (!token) throw new ActionInputError('input github-token is empty; pass ${{ github.token }} or a token with contents, pull-requests and deployments write');
  const state = getInput(env, 'state');
  if (state !== undefined && state !== 'local' && state !== 'git') throw new ActionInputError(`input state: "${state}" is not a state store; use git or local`);

  const repository = env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) throw new ActionInputError(`GITHUB_REPOSITORY is "${repository}", not owner/name; run svcplan inside GitHub Actions`);

  const workspace = resolve(env.GITHUB_WORKSPACE ?? process.cwd());
  const eventPath = env.GITHUB_EVENT_PATH;
  let event: GitHubEvent = {};
  if (eventPath) {
    try {
      event = JSON.parse(readFileSync(eventPath, 'utf8')) as GitHubEvent;
    } catch (error) {
      throw new ActionInputError(`GITHUB_EVENT_PATH ${eventPath}: cannot read the event payload (${(error as Error).message})`);
    }
  }
  const inputs = (event.inputs ?? {}) as Record<string, unknown>;
  // workflow_dispatch inputs arrive in the payload too; the step's `with:` wins.
  const fromDispatch = (name: string): string | undefined => {
    const v = inputs[name];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };

  const issueText = getInput(env, 'issue') ?? fromDispatch('issue');
  let issue: number | undefined;
  if (issueText !== undefined) {
    issue = Number(issueText.replace(/^#/, ''));
    if (!Number.isInteger(issue) || issue <= 0) throw new ActionInputError(`input issue: "${issueText}" is not an issue number`);
  }
  const dryRunText = (getInput(env, 'dry-run') ?? 'false').toLowerCase();
  if (!['true', 'false'].includes(dryRunText)) throw new ActionInputError(`input dry-run: "${dryRunText}" is not true or false`);
  const listRunnersText = (getInput(env, 'list-runners') ?? 'false').toLowerCase();
  if (!['true', 'false'].includes(listRunnersText)) throw new ActionInputError(`input list-runners: "${listRunnersText}" is not true or false`);

  const settings: ActionSettings = {
    command: command as ActionCommand,
    token,
    repoDir: resolve(workspace, getInput(env, 'repo-path') ?? '.'),
    workspace,
    ...(state ? { state } : {}),
    ...(getInput(env, 'state-branch') ? { stateBranch: getInput(env, 'state-branch') } : {}),
    service: getInput(env, 'service') ?? fromDispatch('service'),
    to: getInput(env, 'to') ?? fromDispatch('to'),
    issue,
    runner: getInput(env, 'runner') ?? fromDispatch('runner'),
    dryRun: dryRunText === 'true',
    listRunners: listRunnersText === 'true',
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
    repository: { owner, repo },
    eventName: env.GITHUB_EVENT_NAME ?? '',
    event,
    sha: env.GITHUB_SHA ?? event.after ?? event.pull_request?.head.sha ?? '',
    ref: env.GITHUB_REF ?? '',
    tempDir: env.RUNNER_TEMP ?? resolve(workspace, '.svcplan', 'tmp'),
    runUrl: env.GITHUB_SERVER_URL && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
  };
  if (settings.command === 'rollback' && !settings.service) {
    throw new ActionInputError('rollback needs input service (the service to roll back), and usually to (a deployment id or a Git ref)');
  }
  return settings;
}
