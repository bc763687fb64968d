import { getOctokit } from '@actions/github';
import type { Octokit } from '@octokit/core';
import { formatDiagnostic, InputError } from '../model/types.js';
import type { ActionContext } from './context.js';
import { ActionInputError, readSettings, type ActionCommand } from './input.js';
import { ActionReporter } from './reporter.js';

/**
 * The Action: parse the inputs once, run the command, turn every error into a failed step with
 * a message that says what to do. Never throws.
 */
export async function run(env: Record<string, string | undefined> = process.env): Promise<void> {
  // Errors before the settings exist still need a reporter; paths then resolve from the workspace.
  let reporter = new ActionReporter(env, env.GITHUB_WORKSPACE ?? process.cwd(), env.GITHUB_WORKSPACE ?? process.cwd());
  try {
    const settings = readSettings(env);
    reporter = new ActionReporter(env, settings.repoDir, settings.workspace);
    reporter.info(`svcplan ${settings.command} (${settings.eventName || 'no event'}) in ${settings.repoDir}`);
    const octokit = getOctokit(settings.token, { baseUrl: settings.apiUrl }) as unknown as Octokit;
    const ctx: ActionContext = { settings, octokit, reporter, repo: settings.repository };
    await COMMAND_RUNNERS[settings.command](ctx);
  } catch (error) {
    if (error instanceof InputError) {
      reporter.annotate(error.diagnostics);
      reporter.fail(`svcplan: ${error.diagnostics.length} problem(s):\n${error.diagnostics.map(formatDiagnostic).join('\n')}`);
    } else if (error instanceof ActionInputError) {
      reporter.fail(`svcplan: ${error.message}`);
    } else {
      const status = (error as { status?: number }).status;
      const hint = status === 403 || status === 404 ? " (check the workflow's permissions: contents, pull-requests, issues and deployments need write)" : '';
      reporter.fail(`svcplan: ${(error as Error).message ?? String(error)}${hint}`);
    }
  }
}

/** Loaded on demand: a plan never pays for the apply engine and the Vagrant driver. */
const COMMAND_RUNNERS: Record<ActionCommand, (ctx: ActionContext) => Promise<void>> = {
  plan: async (ctx) => (await import('./plan-command.js')).planCommand(ctx),
  apply: async (ctx) => (await import('./apply-command.js')).applyCommand(ctx),
  rollback: async (ctx) => (await import('./rollback-command.js')).rollbackCommand(ctx),
  drift: async (ctx) => (await import('./drift-command.js')).driftCommand(ctx),
};
