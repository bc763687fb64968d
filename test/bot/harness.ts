// Runs the real bot server against the local GitHub API, backed by a real Git repository, and
// delivers signed webhook payloads to it the way GitHub does.
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { APPLY_WORKFLOW } from '../../src/github/apply-workflow.js';
import { DRIFT_WORKFLOW } from '../../src/github/drift-workflow.js';
import { BlobCache } from '../../src/github/blob-cache.js';
import { startBotServer, type RunningBot } from '../../src/bot/server.js';
import { createTempRepo, type FileChanges, type TempRepo } from '../support/git-repo.js';
import { startGitHubApi, webhookExample, type GitHubApi } from '../support/github-api/index.js';

export const OWNER = 'acme';
export const REPO = 'infra';
export const INSTALLATION_ID = 4242;
export const BOT_LOGIN = 'svcplan[bot]';

export interface BotHarness {
  repo: TempRepo;
  api: GitHubApi;
  bot: RunningBot;
  blobs: BlobCache;
  secret: string;
  /** The installation token the local API accepts (a workflow run's `github.token`). */
  token: string;
  /** POSTs a signed delivery; resolves with the HTTP status once the bot answered. */
  deliver(event: string, payload: unknown, opts?: { signature?: string | null }): Promise<number>;
  close(): Promise<void>;
}

export async function startHarness(files: FileChanges, opts: { workflow?: string; driftWorkflow?: string } = {}): Promise<BotHarness> {
  const repo = await createTempRepo({ files });
  const token = `ghs_${randomUUID()}`;
  const api = await startGitHubApi({ owner: OWNER, repo: REPO, repoDir: repo.dir, token, actor: BOT_LOGIN });
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    // GitHub hands out PKCS#1 keys ("BEGIN RSA PRIVATE KEY"); test with what users have.
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const secret = `whsec-${randomUUID()}`;
  const blobs = new BlobCache();
  const bot = await startBotServer({
    appId: 12345,
    privateKey,
    webhookSecret: secret,
    baseUrl: api.url,
    port: 0,
    host: '127.0.0.1',
    webhookPath: '/api/github/webhooks',
    logLevel: 'silent',
    retryBaseMs: 5,
    writeSpacingMs: 0,
    app: {
      blobs,
      settings: { workflow: opts.workflow ?? APPLY_WORKFLOW, driftWorkflow: opts.driftWorkflow ?? DRIFT_WORKFLOW, checkName: 'svcplan' },
    },
  });
  return {
    repo,
    api,
    bot,
    blobs,
    secret,
    token,
    async deliver(event, payload, o = {}) {
      const body = JSON.stringify(payload);
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'x-github-event': event,
        'x-github-delivery': randomUUID(),
        'user-agent': 'GitHub-Hookshot/test',
      };
      const signature = o.signature === undefined ? sign(secret, body) : o.signature;
      if (signature !== null) headers['x-hub-signature-256'] = signature;
      const res = await fetch(bot.webhookUrl, { method: 'POST', headers, body });
      await res.text();
      return res.status;
    },
    async close() {
      await bot.stop();
      await api.close();
      await repo.cleanup();
    },
  };
}

export function sign(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** A published pull_request example, pointed at the test repository and the given commits. */
export function pullRequestEvent(
  action: 'opened' | 'synchronize' | 'reopened',
  pr: { number: number; base: { ref: string; sha: string }; head: { ref: string; sha: string } },
) {
  const payload = webhookExample('pull_request', action, { owner: OWNER, repo: REPO });
  payload.installation = { id: INSTALLATION_ID, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI0Mg==' };
  payload.number = pr.number;
  payload.pull_request.number = pr.number;
  payload.pull_request.base.ref = pr.base.ref;
  payload.pull_request.base.sha = pr.base.sha;
  payload.pull_request.head.ref = pr.head.ref;
  payload.pull_request.head.sha = pr.head.sha;
  payload.repository.default_branch = 'main';
  return payload;
}

/** A published issue_comment example: `login` commented `body` on issue (or PR) `number`. */
export function commentEvent(opts: {
  number: number;
  body: string;
  login: string;
  isPull?: boolean;
  action?: 'created' | 'edited';
  senderType?: 'User' | 'Bot';
  commentId: number;
}) {
  const payload = webhookExample('issue_comment', opts.action ?? 'created', { owner: OWNER, repo: REPO });
  payload.installation = { id: INSTALLATION_ID, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI0Mg==' };
  payload.issue.number = opts.number;
  if (opts.isPull) {
    payload.issue.pull_request = {
      url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${opts.number}`,
      html_url: `https://github.com/${OWNER}/${REPO}/pull/${opts.number}`,
      diff_url: `https://github.com/${OWNER}/${REPO}/pull/${opts.number}.diff`,
      patch_url: `https://github.com/${OWNER}/${REPO}/pull/${opts.number}.patch`,
    };
  } else {
    delete payload.issue.pull_request;
  }
  payload.comment.id = opts.commentId;
  payload.comment.body = opts.body;
  payload.comment.user.login = opts.login;
  payload.comment.user.type = opts.senderType ?? 'User';
  payload.sender.login = opts.login;
  payload.sender.type = opts.senderType ?? 'User';
  payload.repository.default_branch = 'main';
  return payload;
}
