import type { Octokit } from '@octokit/core';
import type { Context, Probot } from 'probot';
import { BlobCache } from '../github/blob-cache.js';
import { settingsFromEnv, type BotDeps, type BotSettings } from './deps.js';
import { dispatchCommand } from './dispatch-command.js';
import { planPullRequest } from './plan-pull-request.js';

export interface AppOptions {
  settings?: BotSettings;
  /** Shared by every delivery: blobs are immutable, so a warm cache only saves requests. */
  blobs?: BlobCache;
}

/** The svcplan GitHub App: plans pull requests and runs comment commands. */
export function createApp(options: AppOptions = {}) {
  const settings = options.settings ?? settingsFromEnv();
  const blobs = options.blobs ?? new BlobCache();

  return (app: Probot) => {
    const depsOf = (context: Context): BotDeps => ({
      // The Probot client is an @octokit/core Octokit with plugins (auth, retry, throttling).
      octokit: context.octokit as unknown as Octokit,
      repo: context.repo(),
      blobs,
      settings,
      log: context.log,
    });

    app.on(['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened'], async (context) => {
      const pr = context.payload.pull_request;
      await guarded(context, () =>
        planPullRequest(depsOf(context), {
          number: pr.number,
          base: { ref: pr.base.ref, sha: pr.base.sha },
          head: { ref: pr.head.ref, sha: pr.head.sha },
        }),
      );
    });

    app.on('issue_comment.created', async (context) => {
      const { comment, issue, repository, sender } = context.payload;
      // Bots include this app: its own replies must never be read as commands.
      if (sender.type === 'Bot' || comment.user?.type === 'Bot') return;
      await guarded(context, () =>
        dispatchCommand(depsOf(context), {
          commentId: comment.id,
          body: comment.body ?? '',
          author: comment.user?.login ?? sender.login,
          issueNumber: issue.number,
          isPullRequest: Boolean(issue.pull_request),
          defaultBranch: repository.default_branch,
        }),
      );
    });
  };
}

/**
 * A failing delivery is logged and answered 200: GitHub does not redeliver failed webhooks on
 * its own, and the user already sees the failure in the check run or a reply.
 */
async function guarded(context: Context, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    context.log.error({ err: error, event: context.name, delivery: context.id }, 'svcplan could not handle the event');
  }
}

export default createApp();
