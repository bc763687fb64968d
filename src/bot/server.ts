import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { Probot, ProbotOctokit, Server } from 'probot';
import { createApp, type AppOptions } from './app.js';

export interface BotServerOptions {
  appId: number;
  privateKey: string;
  webhookSecret: string;
  /** REST API root: https://api.github.com, https://HOST/api/v3, or a local test server. */
  baseUrl: string;
  port: number;
  host: string;
  webhookPath: string;
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
  /** Base delay of the client's retries of 5xx answers, in ms (GitHub's advice: about a second). */
  retryBaseMs?: number;
  /**
   * Least time between two writes of one installation, in ms. GitHub asks integrators to wait
   * about a second between writes to stay clear of secondary rate limits (the default); comment
   * writes, which notify people, wait three times as long. 0 against a local API.
   */
  writeSpacingMs?: number;
  app?: AppOptions;
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/**
 * Reads Probot's usual environment once. Everything missing is named in one error, with where
 * to find it, rather than failing later on the first webhook.
 */
export function botOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): BotServerOptions {
  const problems: string[] = [];
  const appId = Number(env.APP_ID);
  if (!env.APP_ID || !Number.isInteger(appId) || appId <= 0) {
    problems.push('APP_ID must be the numeric App ID shown on the GitHub App settings page');
  }
  let privateKey = env.PRIVATE_KEY?.replace(/\\n/g, '\n');
  if (!privateKey && env.PRIVATE_KEY_PATH) {
    try {
      privateKey = readFileSync(env.PRIVATE_KEY_PATH, 'utf8');
    } catch (error) {
      problems.push(`PRIVATE_KEY_PATH ${env.PRIVATE_KEY_PATH} cannot be read (${(error as Error).message})`);
    }
  }
  if (!privateKey && !env.PRIVATE_KEY_PATH) problems.push('PRIVATE_KEY (the PEM text) or PRIVATE_KEY_PATH (its file) must be set');
  if (privateKey && !privateKey.includes('PRIVATE KEY-----')) problems.push('the private key is not a PEM key (expected "-----BEGIN ... PRIVATE KEY-----")');
  if (!env.WEBHOOK_SECRET) problems.push('WEBHOOK_SECRET must be the webhook secret set on the GitHub App');
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT ${env.PORT} is not a port number`);
  const writeSpacingMs = env.SVCPLAN_WRITE_SPACING_MS === undefined || env.SVCPLAN_WRITE_SPACING_MS === '' ? 1000 : Number(env.SVCPLAN_WRITE_SPACING_MS);
  if (!Number.isFinite(writeSpacingMs) || writeSpacingMs < 0)
    problems.push(`SVCPLAN_WRITE_SPACING_MS ${env.SVCPLAN_WRITE_SPACING_MS} is not a number of milliseconds`);
  const logLevel = (env.LOG_LEVEL ?? 'info') as BotServerOptions['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL ${env.LOG_LEVEL} is not one of ${LOG_LEVELS.join(', ')}`);
  if (problems.length > 0) throw new Error(`svcplan bot cannot start:\n  - ${problems.join('\n  - ')}`);
  const baseUrl =
    env.GITHUB_API_URL?.replace(/\/+$/, '') || (env.GHE_HOST ? `${env.GHE_PROTOCOL || 'https'}://${env.GHE_HOST}/api/v3` : 'https://api.github.com');
  return {
    appId,
    privateKey: privateKey!,
    webhookSecret: env.WEBHOOK_SECRET!,
    baseUrl,
    port,
    host: env.HOST || '0.0.0.0',
    webhookPath: env.WEBHOOK_PATH || '/api/github/webhooks',
    logLevel,
    writeSpacingMs,
  };
}

export interface RunningBot {
  server: Server;
  /** Where webhooks are received, e.g. http://127.0.0.1:3000/api/github/webhooks. */
  webhookUrl: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts Probot's HTTP server with the svcplan app loaded. */
export async function startBotServer(options: BotServerOptions): Promise<RunningBot> {
  const common = {
    appId: options.appId,
    privateKey: options.privateKey,
    secret: options.webhookSecret,
    baseUrl: options.baseUrl,
    Octokit: clientWith(options),
  };
  // The Server builds its logger at "info" unless given one; this Probot exists to make a logger
  // at the configured level that the server and every handler share.
  const logSource = new Probot({ ...common, logLevel: options.logLevel === 'silent' ? 'fatal' : options.logLevel });
  await logSource.ready();
  const log = logSource.log;
  if (options.logLevel === 'silent') log.level = 'silent';
  const server = new Server({
    Probot: Probot.defaults({ ...common, log }),
    log,
    // Probot's Server reads port 0 as "unset" and listens on 3000; ask the OS for a free port instead.
    port: options.port === 0 ? await freePort(options.host) : options.port,
    host: options.host,
    webhookPath: options.webhookPath,
    // Probot's setup pages serve no purpose for an app that is already registered.
    enableStaticFiles: false,
  });
  await server.load(createApp(options.app));
  const http = await server.start();
  const port = (http.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    server,
    port,
    webhookUrl: `http://${shownHost}:${port}${options.webhookPath}`,
    stop: () => server.stop(),
  };
}

function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Probot's client with svcplan's retry delay and write spacing. Merged into whatever options
 * Probot passes (its throttle object carries the rate-limit handlers), never replacing them.
 */
function clientWith(options: BotServerOptions): typeof ProbotOctokit {
  const spacing = options.writeSpacingMs ?? 1000;
  const write = spacedLimiter(spacing);
  const notifications = spacedLimiter(3 * spacing);
  // Probot's defaults() hands over Octokit's options untyped.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return ProbotOctokit.defaults((instance: Record<string, any>) => ({
    ...instance,
    retry: { retryAfterBaseValue: options.retryBaseMs ?? 1000, ...instance.retry },
    throttle: { ...instance.throttle, write, notifications },
  }));
}

type Job = (...args: unknown[]) => Promise<unknown>;

/**
 * A stand-in for the Bottleneck group the throttling plugin spaces writes with (it only calls
 * `key(id).schedule(options, job, ...args)`), so the spacing can be set, and be zero locally.
 * Writes of one installation (the key) run one at a time, at least `ms` apart.
 */
function spacedLimiter(ms: number) {
  const perKey = new Map<string, { schedule: (opts: unknown, job: Job, ...args: unknown[]) => Promise<unknown> }>();
  return {
    key(id = '') {
      let limiter = perKey.get(id);
      if (!limiter) {
        let queue: Promise<unknown> = Promise.resolve();
        let last = 0;
        limiter = {
          schedule(_opts, job, ...args) {
            const run = queue.then(async () => {
              const wait = last + ms - Date.now();
              if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
              try {
                return await job(...args);
              } finally {
                last = Date.now();
              }
            });
            queue = run.catch(() => undefined);
            return run;
          },
        };
        perKey.set(id, limiter);
      }
      return limiter;
    },
  };
}
