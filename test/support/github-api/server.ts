// A local stand-in for the GitHub REST API on 127.0.0.1: real HTTP, state in memory, the Git
// database served from a real repository, and every request checked against GitHub's OpenAPI
// description and against what github.com enforces beyond it: a workflow dispatch against the
// workflow file at its ref (workflow.ts), comment length in characters, check runs and
// deployments on commits the repository has. A request GitHub would refuse for what it sends is
// answered with a 4xx and recorded as a violation, which tests assert to be empty; asking for
// something that does not exist (an unknown issue, workflow or ref) gets GitHub's 404 or 422.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GitBackend } from './git-backend.js';
import { loadOpenApiSpec, type OpenApiSpec, type RouteMatch } from './openapi.js';
import { checkDispatch, parseWorkflow, type Workflow } from './workflow.js';
import {
  GitHubApiState,
  now,
  type CheckRunRecord,
  type CommentRecord,
  type DeploymentRecord,
  type DeploymentStatusRecord,
  type GitHubUser,
  type LabelRecord,
  type PullRecord,
} from './state.js';

export interface RecordedRequest {
  method: string;
  /** Path without the query string, as sent (still percent-encoded). */
  path: string;
  /** The OpenAPI path template it matched, e.g. `/repos/{owner}/{repo}/issues/{issue_number}/comments`. */
  route?: string;
  operationId?: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  authorization?: string;
  status: number;
}

export interface Violation {
  method: string;
  path: string;
  problem: string;
}

export interface FailureRule {
  method: string;
  pattern: string | RegExp;
  status: number;
  remaining: number;
  message?: string;
  headers?: Record<string, string>;
}

export interface StartGitHubApiOptions {
  owner: string;
  repo: string;
  /** A Git repository (work tree or bare) that backs git/trees, git/blobs, git/refs, commits, contents. */
  repoDir?: string;
  defaultBranch?: string;
  /** When set, every request must carry it (`token X` or `Bearer X`); installation tokens it issues count too. */
  token?: string;
  /** Who the token acts as. Default `github-actions[bot]`. */
  actor?: string;
}

export interface GitHubApi {
  /** Base URL for Octokit (`baseUrl`) and `GITHUB_API_URL`. */
  url: string;
  requests: RecordedRequest[];
  violations: Violation[];
  state: GitHubApiState;
  git?: GitBackend;
  /**
   * The next `times` requests matching `method` (or `*`) and `pattern` get `status`. A pattern is
   * a route template (`/repos/{owner}/{repo}/deployments`), an exact path, or a RegExp on the path.
   * 403 and 429 look like GitHub's rate limit (x-ratelimit-remaining: 0, retry-after).
   */
  failNext(method: string, pattern: string | RegExp, status: number, times?: number, opts?: { message?: string; headers?: Record<string, string> }): void;
  /** Requests that matched a route template (and optionally a method). */
  requestsTo(route: string, method?: string): RecordedRequest[];
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Set when GitHub refuses the request because of what the caller sent (a limit, a dispatch the
   * workflow does not take), not because something it asked for does not exist: such a refusal
   * is also recorded as a violation, so a test cannot pass while its code sends it.
   */
  violation?: string;
}

interface Context {
  route: RouteMatch;
  params: Record<string, string>;
  query: Record<string, string>;
  body: Record<string, unknown>;
  base: string;
  state: GitHubApiState;
  git?: GitBackend;
}

type Handler = (ctx: Context) => Promise<Reply> | Reply;

type IssueStateReason = 'completed' | 'not_planned' | 'reopened';

const DOCS = 'https://docs.github.com/rest';

export async function startGitHubApi(options: StartGitHubApiOptions): Promise<GitHubApi> {
  const state = new GitHubApiState(options.owner, options.repo, options.defaultBranch ?? 'main', {
    login: options.actor ?? 'github-actions[bot]',
    id: 41898282,
    type: (options.actor ?? 'github-actions[bot]').endsWith('[bot]') ? 'Bot' : 'User',
  });
  const git = options.repoDir ? new GitBackend(options.repoDir) : undefined;
  const requests: RecordedRequest[] = [];
  const violations: Violation[] = [];
  const failures: FailureRule[] = [];
  const tokens = new Set<string>(options.token ? [options.token] : []);
  let base = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, { status: 500, body: { message: `local GitHub API failed: ${error instanceof Error ? error.stack : String(error)}` } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', base);
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const query = Object.fromEntries(url.searchParams.entries());
    const raw = await readBody(req);
    const record: RecordedRequest = { method, path, params: {}, query, body: undefined, authorization: header(req, 'authorization'), status: 0 };
    requests.push(record);
    const reply = await answer(method, path, query, raw, req, record);
    record.status = reply.status;
    send(res, reply);
  }

  async function answer(
    method: string,
    path: string,
    query: Record<string, string>,
    raw: Buffer,
    req: IncomingMessage,
    record: RecordedRequest,
  ): Promise<Reply> {
    const violation = (status: number, problem: string): Reply => {
      violations.push({ method, path, problem });
      return { status, body: { message: problem, documentation_url: DOCS } };
    };
    const spec: OpenApiSpec = await loadOpenApiSpec();
    const route = spec.match(method, path);
    if (!route) {
      return violation(spec.hasPath(path) ? 405 : 404, `${method} ${path} is not in GitHub's REST API description`);
    }
    record.route = route.template;
    record.operationId = route.operationId;
    record.params = route.params;
    let body: unknown;
    const hasBody = raw.length > 0;
    if (hasBody) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return violation(400, `${route.operationId}: body is not JSON`);
      }
    }
    record.body = body;
    const checked = spec.check(route, query, body, hasBody);
    if (!checked.ok) return violation(checked.status, checked.problem);

    if (tokens.size > 0 && !isInstallationTokenRoute(route)) {
      const auth = header(req, 'authorization') ?? '';
      const token = auth.replace(/^(token|bearer)\s+/i, '');
      if (!tokens.has(token)) return { status: 401, body: { message: 'Bad credentials', documentation_url: DOCS } };
    }

    const injected = takeFailure(method, route.template, path);
    if (injected) return injected;

    if (
      route.params.owner !== undefined &&
      (route.params.owner.toLowerCase() !== options.owner.toLowerCase() || route.params.repo?.toLowerCase() !== options.repo.toLowerCase())
    ) {
      return notFound();
    }
    const handler = HANDLERS[`${route.method} ${route.template}`];
    if (!handler)
      return violation(
        501,
        `${route.operationId} (${route.method} ${route.template}) is described by GitHub but not served by the local GitHub API; add it to test/support/github-api/server.ts`,
      );
    const reply = await handler({ route, params: route.params, query, body: (body ?? {}) as Record<string, unknown>, base, state, git });
    if (reply.violation) violations.push({ method, path, problem: `${route.operationId}: ${reply.violation}` });
    if (route.template === '/app/installations/{installation_id}/access_tokens' && reply.status === 201) {
      tokens.add((reply.body as { token: string }).token);
    }
    return reply;
  }

  function takeFailure(method: string, template: string, path: string): Reply | undefined {
    const rule = failures.find(
      (f) =>
        f.remaining > 0 &&
        (f.method === '*' || f.method.toUpperCase() === method) &&
        (f.pattern instanceof RegExp ? f.pattern.test(path) : f.pattern === template || f.pattern === path),
    );
    if (!rule) return undefined;
    rule.remaining--;
    const rateLimited = rule.status === 403 || rule.status === 429;
    const headers: Record<string, string> = rateLimited
      ? { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 60), 'retry-after': '1' }
      : {};
    const message = rule.message ?? (rateLimited ? 'API rate limit exceeded for installation.' : rule.status === 404 ? 'Not Found' : 'Server Error');
    return { status: rule.status, headers: { ...headers, ...rule.headers }, body: { message, documentation_url: DOCS } };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Warm the description so the first request of a test does not pay for parsing 13 MB.
  await loadOpenApiSpec();

  return {
    url: base,
    requests,
    violations,
    state,
    git,
    failNext(method, pattern, status, times = 1, opts = {}) {
      failures.push({ method, pattern, status, remaining: times, ...opts });
    },
    requestsTo(route, method) {
      return requests.filter((r) => r.route === route && (!method || r.method === method.toUpperCase()));
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
}

function isInstallationTokenRoute(route: RouteMatch): boolean {
  // The app authenticates these with its own JWT, not an installation token.
  return route.template.startsWith('/app') || route.template === '/repos/{owner}/{repo}/installation';
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { 'x-github-media-type': 'github.v3; format=json', ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function notFound(): Reply {
  return { status: 404, body: { message: 'Not Found', documentation_url: DOCS } };
}

function unprocessable(message: string): Reply {
  return { status: 422, body: { message, documentation_url: DOCS } };
}

/** A 422 for what the caller sent; recorded as a violation too (see Reply.violation). */
function refused(message: string, body?: Record<string, unknown>): Reply {
  return { status: 422, body: body ?? { message, documentation_url: DOCS }, violation: message };
}

/** GitHub's longest issue or pull request comment, counted in characters (code points), not UTF-16 units. */
const COMMENT_LIMIT = 65_536;

/**
 * GitHub's answer to a comment (or issue) body over the limit, as github.com words it:
 * 422 Validation Failed, `body is too long (maximum is 65536 characters)`.
 */
function commentTooLong(body: string, resource: 'IssueComment' | 'Issue' = 'IssueComment'): Reply | undefined {
  const length = [...body].length;
  if (length <= COMMENT_LIMIT) return undefined;
  const message = `body is too long (maximum is ${COMMENT_LIMIT} characters)`;
  return refused(`${message}; ${length} were sent`, {
    message: 'Validation Failed',
    errors: [{ resource, code: 'custom', field: 'body', message }],
    documentation_url: DOCS,
  });
}

/** GitHub's page/per_page pagination with a Link header, as Octokit's paginate expects. */
function page<T>(ctx: Context, items: T[], render: (item: T) => unknown, wrap?: (items: unknown[]) => unknown): Reply {
  const perPage = Math.min(100, Math.max(1, Number(ctx.query.per_page ?? 30)));
  const current = Math.max(1, Number(ctx.query.page ?? 1));
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((current - 1) * perPage, current * perPage).map(render);
  const links: string[] = [];
  const link = (n: number, rel: string): void => {
    const u = new URL(ctx.base + ctx.route.template.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(ctx.params[k])));
    for (const [k, v] of Object.entries(ctx.query)) u.searchParams.set(k, v);
    u.searchParams.set('per_page', String(perPage));
    u.searchParams.set('page', String(n));
    links.push(`<${u.toString()}>; rel="${rel}"`);
  };
  if (current > 1) link(current - 1, 'prev');
  if (current < last) link(current + 1, 'next');
  if (last > 1) {
    link(1, 'first');
    link(last, 'last');
  }
  return { status: 200, body: wrap ? wrap(slice) : slice, headers: links.length ? { link: links.join(', ') } : {} };
}

// ---------------------------------------------------------------------------------------------
// JSON shapes, close to what github.com returns.

function repoUrl(ctx: Context): string {
  return `${ctx.base}/repos/${ctx.state.owner}/${ctx.state.repo}`;
}

function htmlRepo(ctx: Context): string {
  return `https://github.com/${ctx.state.owner}/${ctx.state.repo}`;
}

function userJson(ctx: Context, u: GitHubUser): Record<string, unknown> {
  return {
    login: u.login,
    id: u.id,
    node_id: `U_${u.id}`,
    type: u.type,
    site_admin: false,
    avatar_url: `https://avatars.githubusercontent.com/u/${u.id}`,
    url: `${ctx.base}/users/${encodeURIComponent(u.login)}`,
    html_url: `https://github.com/${u.login}`,
  };
}

function repositoryJson(ctx: Context): Record<string, unknown> {
  return {
    id: 1296269,
    node_id: 'R_svcplan',
    name: ctx.state.repo,
    full_name: `${ctx.state.owner}/${ctx.state.repo}`,
    owner: userJson(ctx, ctx.state.user(ctx.state.owner)),
    private: false,
    html_url: htmlRepo(ctx),
    url: repoUrl(ctx),
    default_branch: ctx.state.defaultBranch,
  };
}

function commentJson(ctx: Context, c: CommentRecord): Record<string, unknown> {
  const reactions = ctx.state.reactions.filter((r) => r.comment_id === c.id);
  return {
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${repoUrl(ctx)}/issues/comments/${c.id}`,
    html_url: `${htmlRepo(ctx)}/issues/${c.issue_number}#issuecomment-${c.id}`,
    issue_url: `${repoUrl(ctx)}/issues/${c.issue_number}`,
    body: c.body,
    user: userJson(ctx, c.user),
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    reactions: { url: `${repoUrl(ctx)}/issues/comments/${c.id}/reactions`, total_count: reactions.length },
  };
}

function pullJson(ctx: Context, p: PullRecord): Record<string, unknown> {
  const side = (s: { ref: string; sha: string }): Record<string, unknown> => ({
    label: `${ctx.state.owner}:${s.ref}`,
    ref: s.ref,
    sha: s.sha,
    user: userJson(ctx, ctx.state.user(ctx.state.owner)),
    repo: repositoryJson(ctx),
  });
  return {
    url: `${repoUrl(ctx)}/pulls/${p.number}`,
    id: 500000 + p.number,
    node_id: `PR_${p.number}`,
    html_url: `${htmlRepo(ctx)}/pull/${p.number}`,
    issue_url: `${repoUrl(ctx)}/issues/${p.number}`,
    number: p.number,
    state: p.state,
    locked: false,
    title: p.title,
    user: userJson(ctx, p.user),
    body: null,
    draft: false,
    merged: p.merged,
    merged_at: p.merged ? now() : null,
    merge_commit_sha: p.merge_commit_sha,
    head: side(p.head),
    base: side(p.base),
  };
}

function issueJson(ctx: Context, number: number): Record<string, unknown> | undefined {
  const issue = ctx.state.issues.get(number);
  if (!issue) return undefined;
  return {
    id: 700000 + issue.number,
    node_id: `I_${issue.number}`,
    url: `${repoUrl(ctx)}/issues/${issue.number}`,
    repository_url: repoUrl(ctx),
    labels_url: `${repoUrl(ctx)}/issues/${issue.number}/labels{/name}`,
    comments_url: `${repoUrl(ctx)}/issues/${issue.number}/comments`,
    events_url: `${repoUrl(ctx)}/issues/${issue.number}/events`,
    html_url: `${htmlRepo(ctx)}/${issue.isPull ? 'pull' : 'issues'}/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.state_reason,
    title: issue.title,
    body: issue.body,
    user: userJson(ctx, issue.user),
    labels: issue.labels.map((name) => labelJson(ctx, ctx.state.label(name))),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    comments: ctx.state.commentsOn(issue.number).length,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    author_association: issue.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    ...(issue.isPull
      ? { pull_request: { url: `${repoUrl(ctx)}/pulls/${issue.number}`, html_url: `${htmlRepo(ctx)}/pull/${issue.number}`, diff_url: null, patch_url: null } }
      : {}),
  };
}

function labelJson(ctx: Context, label: LabelRecord): Record<string, unknown> {
  return {
    id: label.id,
    node_id: `LA_${label.id}`,
    url: `${repoUrl(ctx)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: false,
    description: label.description,
  };
}

/** Label names as an issue write gives them: strings, or objects with a name. */
function labelNames(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((l) => (typeof l === 'string' ? l : String((l as { name?: unknown }).name ?? ''))).filter((n) => n !== '');
}

function checkRunJson(ctx: Context, c: CheckRunRecord): Record<string, unknown> {
  return {
    id: c.id,
    node_id: `CR_${c.id}`,
    head_sha: c.head_sha,
    name: c.name,
    status: c.status,
    conclusion: c.conclusion,
    started_at: c.started_at,
    completed_at: c.completed_at,
    details_url: c.details_url,
    external_id: c.external_id,
    url: `${repoUrl(ctx)}/check-runs/${c.id}`,
    html_url: `${htmlRepo(ctx)}/runs/${c.id}`,
    output: {
      title: c.output.title,
      summary: c.output.summary,
      text: c.output.text,
      annotations_count: c.output.annotations.length,
      annotations_url: `${repoUrl(ctx)}/check-runs/${c.id}/annotations`,
    },
    app: { id: 1, slug: 'svcplan', name: 'svcplan' },
    pull_requests: [],
  };
}

function deploymentJson(ctx: Context, d: DeploymentRecord): Record<string, unknown> {
  return {
    url: `${repoUrl(ctx)}/deployments/${d.id}`,
    id: d.id,
    node_id: `DE_${d.id}`,
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.environment,
    environment: d.environment,
    description: d.description,
    creator: userJson(ctx, d.creator),
    created_at: d.created_at,
    updated_at: d.updated_at,
    statuses_url: `${repoUrl(ctx)}/deployments/${d.id}/statuses`,
    repository_url: repoUrl(ctx),
    transient_environment: d.transient_environment,
    production_environment: d.production_environment,
  };
}

function deploymentStatusJson(ctx: Context, s: DeploymentStatusRecord): Record<string, unknown> {
  return {
    url: `${repoUrl(ctx)}/deployments/${s.deployment_id}/statuses/${s.id}`,
    id: s.id,
    node_id: `DES_${s.id}`,
    state: s.state,
    creator: userJson(ctx, s.creator),
    description: s.description,
    environment: s.environment,
    target_url: s.log_url,
    log_url: s.log_url,
    environment_url: s.environment_url,
    created_at: s.created_at,
    updated_at: s.created_at,
    deployment_url: `${repoUrl(ctx)}/deployments/${s.deployment_id}`,
    repository_url: repoUrl(ctx),
  };
}

// ---------------------------------------------------------------------------------------------
// Git database, answered from the repository on disk.

function needGit(ctx: Context): GitBackend {
  if (!ctx.git) throw new Error('this test started the local GitHub API without repoDir, so Git endpoints have nothing to serve');
  return ctx.git;
}

async function commitJson(ctx: Context, sha: string): Promise<Record<string, unknown> | undefined> {
  const c = await needGit(ctx).commit(sha);
  if (!c) return undefined;
  return {
    sha: c.sha,
    node_id: `C_${c.sha}`,
    url: `${repoUrl(ctx)}/git/commits/${c.sha}`,
    html_url: `${htmlRepo(ctx)}/commit/${c.sha}`,
    author: c.author,
    committer: c.committer,
    message: c.message,
    tree: { sha: c.tree, url: `${repoUrl(ctx)}/git/trees/${c.tree}` },
    parents: c.parents.map((p) => ({ sha: p, url: `${repoUrl(ctx)}/git/commits/${p}`, html_url: `${htmlRepo(ctx)}/commit/${p}` })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

async function refJson(ctx: Context, ref: string, sha: string): Promise<Record<string, unknown>> {
  const type = (await needGit(ctx).objectType(sha)) ?? 'commit';
  return { ref, node_id: `REF_${ref}`, url: `${repoUrl(ctx)}/git/${ref}`, object: { type, sha, url: `${repoUrl(ctx)}/git/${type}s/${sha}` } };
}

/** A ref name as the API takes it (`heads/main`), possibly with the `refs/` prefix. */
function fullRef(ref: string): string {
  return ref.startsWith('refs/') ? ref : `refs/${ref}`;
}

/** A branch or tag name (or a full `refs/…` name) to its commit; never a bare sha. */
async function resolveBranchOrTag(git: GitBackend, name: string): Promise<string | undefined> {
  const candidates = name.startsWith('refs/') ? [name] : [`refs/heads/${name}`, `refs/tags/${name}`];
  for (const candidate of candidates) {
    const sha = await git.resolve(candidate, 'commit');
    if (sha) return sha;
  }
  return undefined;
}

async function resolveCommitish(ctx: Context, name: string): Promise<string | undefined> {
  const git = needGit(ctx);
  for (const candidate of [name, `refs/heads/${name}`, `refs/tags/${name}`]) {
    const sha = await git.resolve(candidate, 'commit');
    if (sha) return sha;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------

const R = '/repos/{owner}/{repo}';

const HANDLERS: Record<string, Handler> = {
  [`GET ${R}`]: (ctx) => ({ status: 200, body: repositoryJson(ctx) }),

  // --- issues and comments
  [`GET ${R}/issues/{issue_number}`]: (ctx) => {
    const issue = issueJson(ctx, Number(ctx.params.issue_number));
    return issue ? { status: 200, body: issue } : notFound();
  },
  // Pull requests are issues too, and are listed with them, as on github.com.
  [`GET ${R}/issues`]: (ctx) => {
    const q = ctx.query;
    const wanted = q.state ?? 'open';
    const labels = (q.labels ?? '')
      .split(',')
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean);
    const list = [...ctx.state.issues.values()]
      .filter((i) => wanted === 'all' || i.state === wanted)
      .filter((i) => labels.every((l) => i.labels.some((x) => x.toLowerCase() === l)))
      .filter((i) => !q.creator || i.user.login === q.creator)
      .sort((a, b) => a.number - b.number);
    // Newest first unless asked otherwise (sort=created, direction=desc are GitHub's defaults).
    if ((q.direction ?? 'desc') === 'desc') list.reverse();
    return page(ctx, list, (i) => issueJson(ctx, i.number));
  },
  [`POST ${R}/issues`]: (ctx) => {
    const body = ctx.body.body === undefined || ctx.body.body === null ? undefined : String(ctx.body.body);
    const tooLong = body === undefined ? undefined : commentTooLong(body, 'Issue');
    if (tooLong) return tooLong;
    // A label that does not exist yet is created, as github.com does for someone with push access.
    const issue = ctx.state.addIssue({ title: String(ctx.body.title), body, user: ctx.state.actor.login, labels: labelNames(ctx.body.labels) });
    return { status: 201, body: issueJson(ctx, issue.number), headers: { location: `${repoUrl(ctx)}/issues/${issue.number}` } };
  },
  [`PATCH ${R}/issues/{issue_number}`]: (ctx) => {
    const issue = ctx.state.issues.get(Number(ctx.params.issue_number));
    if (!issue) return notFound();
    const b = ctx.body;
    if (b.body !== undefined) {
      const text = b.body === null ? null : String(b.body);
      const tooLong = text === null ? undefined : commentTooLong(text, 'Issue');
      if (tooLong) return tooLong;
      issue.body = text;
    }
    if (b.title !== undefined && b.title !== null) issue.title = String(b.title);
    const labels = labelNames(b.labels);
    if (labels) issue.labels = labels.map((name) => ctx.state.label(name).name);
    if (b.state === 'closed' && issue.state !== 'closed') {
      issue.state = 'closed';
      issue.closed_at = now();
      issue.state_reason = (b.state_reason as IssueStateReason | undefined) ?? 'completed';
    } else if (b.state === 'open' && issue.state !== 'open') {
      issue.state = 'open';
      issue.closed_at = null;
      issue.state_reason = 'reopened';
    } else if (b.state_reason !== undefined && b.state_reason !== null) {
      issue.state_reason = b.state_reason as IssueStateReason;
    }
    issue.updated_at = now();
    return { status: 200, body: issueJson(ctx, issue.number) };
  },
  [`GET ${R}/labels/{name}`]: (ctx) => {
    const label = ctx.state.findLabel(ctx.params.name);
    return label ? { status: 200, body: labelJson(ctx, label) } : notFound();
  },
  [`POST ${R}/labels`]: (ctx) => {
    const name = String(ctx.body.name);
    if (ctx.state.findLabel(name)) {
      return {
        status: 422,
        body: { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }], documentation_url: DOCS },
      };
    }
    const label = ctx.state.label(name, {
      color: ctx.body.color === undefined ? undefined : String(ctx.body.color).replace(/^#/, ''),
      description: (ctx.body.description as string | undefined) ?? null,
    });
    return { status: 201, body: labelJson(ctx, label) };
  },
  [`GET ${R}/issues/{issue_number}/comments`]: (ctx) => {
    const n = Number(ctx.params.issue_number);
    if (!ctx.state.issues.has(n)) return notFound();
    return page(ctx, ctx.state.commentsOn(n), (c) => commentJson(ctx, c));
  },
  [`POST ${R}/issues/{issue_number}/comments`]: (ctx) => {
    const n = Number(ctx.params.issue_number);
    if (!ctx.state.issues.has(n)) return notFound();
    const body = String(ctx.body.body);
    const tooLong = commentTooLong(body);
    if (tooLong) return tooLong;
    const c = ctx.state.addComment(n, body);
    return { status: 201, body: commentJson(ctx, c), headers: { location: `${repoUrl(ctx)}/issues/comments/${c.id}` } };
  },
  [`GET ${R}/issues/comments/{comment_id}`]: (ctx) => {
    const c = ctx.state.comments.find((x) => x.id === Number(ctx.params.comment_id));
    return c ? { status: 200, body: commentJson(ctx, c) } : notFound();
  },
  [`PATCH ${R}/issues/comments/{comment_id}`]: (ctx) => {
    const c = ctx.state.comments.find((x) => x.id === Number(ctx.params.comment_id));
    if (!c) return notFound();
    const body = String(ctx.body.body);
    const tooLong = commentTooLong(body);
    if (tooLong) return tooLong;
    c.body = body;
    c.updated_at = now();
    return { status: 200, body: commentJson(ctx, c) };
  },
  [`DELETE ${R}/issues/comments/{comment_id}`]: (ctx) => {
    const i = ctx.state.comments.findIndex((x) => x.id === Number(ctx.params.comment_id));
    if (i < 0) return notFound();
    ctx.state.comments.splice(i, 1);
    return { status: 204 };
  },
  [`GET ${R}/issues/comments/{comment_id}/reactions`]: (ctx) => {
    const id = Number(ctx.params.comment_id);
    if (!ctx.state.comments.some((c) => c.id === id)) return notFound();
    const list = ctx.state.reactions.filter((r) => r.comment_id === id && (!ctx.query.content || r.content === ctx.query.content));
    return page(ctx, list, (r) => ({ id: r.id, node_id: `REA_${r.id}`, content: r.content, user: userJson(ctx, r.user), created_at: r.created_at }));
  },
  [`POST ${R}/issues/comments/{comment_id}/reactions`]: (ctx) => {
    const id = Number(ctx.params.comment_id);
    if (!ctx.state.comments.some((c) => c.id === id)) return notFound();
    const content = String(ctx.body.content);
    const existing = ctx.state.reactions.find((r) => r.comment_id === id && r.content === content && r.user.login === ctx.state.actor.login);
    const r = existing ?? { id: ctx.state.id(), comment_id: id, content, user: ctx.state.actor, created_at: now() };
    if (!existing) ctx.state.reactions.push(r);
    return {
      status: existing ? 200 : 201,
      body: { id: r.id, node_id: `REA_${r.id}`, content: r.content, user: userJson(ctx, r.user), created_at: r.created_at },
    };
  },
  [`POST ${R}/issues/{issue_number}/reactions`]: (ctx) => {
    const n = Number(ctx.params.issue_number);
    if (!ctx.state.issues.has(n)) return notFound();
    const r = { id: ctx.state.id(), issue_number: n, content: String(ctx.body.content), user: ctx.state.actor, created_at: now() };
    ctx.state.reactions.push(r);
    return { status: 201, body: { id: r.id, node_id: `REA_${r.id}`, content: r.content, user: userJson(ctx, r.user), created_at: r.created_at } };
  },

  // --- pull requests
  [`GET ${R}/pulls/{pull_number}`]: (ctx) => {
    const p = ctx.state.pulls.get(Number(ctx.params.pull_number));
    return p ? { status: 200, body: pullJson(ctx, p) } : notFound();
  },
  [`GET ${R}/pulls`]: (ctx) => {
    const wanted = ctx.query.state ?? 'open';
    const list = [...ctx.state.pulls.values()].filter(
      (p) =>
        (wanted === 'all' || p.state === wanted) &&
        (!ctx.query.base || p.base.ref === ctx.query.base) &&
        (!ctx.query.head || `${ctx.state.owner}:${p.head.ref}` === ctx.query.head),
    );
    return page(ctx, list, (p) => pullJson(ctx, p));
  },
  [`GET ${R}/commits/{commit_sha}/pulls`]: (ctx) => {
    const sha = ctx.params.commit_sha;
    const list = [...ctx.state.pulls.values()].filter((p) => p.merge_commit_sha === sha || p.head.sha === sha);
    return page(ctx, list, (p) => pullJson(ctx, p));
  },

  // --- check runs
  [`POST ${R}/check-runs`]: async (ctx) => {
    const b = ctx.body;
    const output = (b.output ?? {}) as Record<string, unknown>;
    // More than 50 output.annotations in one request, or an output.summary or output.text over
    // 65,535 characters, never get here: GitHub's description says so (maxItems, maxLength), and
    // the OpenAPI check answers 422 and records a violation.
    // A check run is on a commit of the repository: github.com answers an unknown head_sha so.
    if (ctx.git && (await ctx.git.objectType(String(b.head_sha))) !== 'commit') return unprocessable(`No commit found for SHA: ${String(b.head_sha)}`);
    const run: CheckRunRecord = {
      id: ctx.state.id(),
      head_sha: String(b.head_sha),
      name: String(b.name),
      status: String(b.status ?? (b.conclusion ? 'completed' : 'queued')),
      conclusion: (b.conclusion as string | undefined) ?? null,
      started_at: (b.started_at as string | undefined) ?? now(),
      completed_at: (b.completed_at as string | undefined) ?? (b.conclusion ? now() : null),
      details_url: (b.details_url as string | undefined) ?? null,
      external_id: (b.external_id as string | undefined) ?? null,
      output: {
        title: (output.title as string | undefined) ?? null,
        summary: (output.summary as string | undefined) ?? null,
        text: (output.text as string | undefined) ?? null,
        annotations: (output.annotations as Record<string, unknown>[] | undefined) ?? [],
      },
      history: [b],
    };
    ctx.state.checkRuns.push(run);
    return { status: 201, body: checkRunJson(ctx, run) };
  },
  [`PATCH ${R}/check-runs/{check_run_id}`]: (ctx) => {
    const run = ctx.state.checkRuns.find((c) => c.id === Number(ctx.params.check_run_id));
    if (!run) return notFound();
    const b = ctx.body;
    // At most 50 annotations per update, as on create: refused by the OpenAPI check before this runs.
    run.history.push(b);
    if (b.name !== undefined) run.name = String(b.name);
    if (b.details_url !== undefined) run.details_url = String(b.details_url);
    if (b.status !== undefined) run.status = String(b.status);
    if (b.conclusion !== undefined) {
      run.conclusion = String(b.conclusion);
      run.status = 'completed';
      run.completed_at = (b.completed_at as string | undefined) ?? now();
    }
    const output = b.output as Record<string, unknown> | undefined;
    if (output) {
      if (output.title !== undefined) run.output.title = String(output.title);
      if (output.summary !== undefined) run.output.summary = String(output.summary);
      if (output.text !== undefined) run.output.text = String(output.text);
      // GitHub appends annotations across updates (50 per request).
      if (Array.isArray(output.annotations)) run.output.annotations.push(...(output.annotations as Record<string, unknown>[]));
    }
    return { status: 200, body: checkRunJson(ctx, run) };
  },
  [`GET ${R}/check-runs/{check_run_id}`]: (ctx) => {
    const run = ctx.state.checkRuns.find((c) => c.id === Number(ctx.params.check_run_id));
    return run ? { status: 200, body: checkRunJson(ctx, run) } : notFound();
  },
  [`GET ${R}/check-runs/{check_run_id}/annotations`]: (ctx) => {
    const run = ctx.state.checkRuns.find((c) => c.id === Number(ctx.params.check_run_id));
    if (!run) return notFound();
    return page(ctx, run.output.annotations, (a) => a);
  },
  [`GET ${R}/commits/{ref}/check-runs`]: async (ctx) => {
    const resolved = ctx.git ? await resolveCommitish(ctx, ctx.params.ref) : ctx.params.ref;
    // As GET /commits/{ref}: a ref or sha the repository does not have is a 422 on github.com.
    if (!resolved) return unprocessable(`No commit found for SHA: ${ctx.params.ref}`);
    const sha = resolved;
    const list = ctx.state.checkRuns.filter((c) => c.head_sha === sha && (!ctx.query.check_name || c.name === ctx.query.check_name));
    return page(
      ctx,
      list,
      (c) => checkRunJson(ctx, c),
      (items) => ({ total_count: list.length, check_runs: items }),
    );
  },

  // --- deployments
  [`POST ${R}/deployments`]: async (ctx) => {
    const b = ctx.body;
    const ref = String(b.ref);
    // A branch, tag or sha of the repository; github.com answers anything else 422 "No ref found for: <ref>".
    const sha = ctx.git ? await resolveCommitish(ctx, ref) : /^[0-9a-f]{40}$/.test(ref) ? ref : undefined;
    if (!sha) return unprocessable(`No ref found for: ${ref}`);
    const at = now();
    const environment = String(b.environment ?? 'production');
    const d: DeploymentRecord = {
      id: ctx.state.id(),
      sha,
      ref,
      task: String(b.task ?? 'deploy'),
      environment,
      description: (b.description as string | undefined) ?? null,
      payload: b.payload ?? {},
      transient_environment: b.transient_environment === true,
      production_environment: (b.production_environment as boolean | undefined) ?? environment === 'production',
      creator: ctx.state.actor,
      created_at: at,
      updated_at: at,
    };
    ctx.state.deployments.push(d);
    return { status: 201, body: deploymentJson(ctx, d) };
  },
  [`GET ${R}/deployments`]: (ctx) => {
    const q = ctx.query;
    const list = ctx.state.deployments
      .filter(
        (d) =>
          (!q.sha || d.sha === q.sha) && (!q.ref || d.ref === q.ref) && (!q.task || d.task === q.task) && (!q.environment || d.environment === q.environment),
      )
      .reverse();
    return page(ctx, list, (d) => deploymentJson(ctx, d));
  },
  [`GET ${R}/deployments/{deployment_id}`]: (ctx) => {
    const d = ctx.state.deployments.find((x) => x.id === Number(ctx.params.deployment_id));
    return d ? { status: 200, body: deploymentJson(ctx, d) } : notFound();
  },
  // `state` outside error, failure, inactive, in_progress, queued, pending, success is refused
  // (and recorded as a violation) by the OpenAPI check before this handler runs.
  [`POST ${R}/deployments/{deployment_id}/statuses`]: (ctx) => {
    const d = ctx.state.deployments.find((x) => x.id === Number(ctx.params.deployment_id));
    if (!d) return notFound();
    const b = ctx.body;
    const s: DeploymentStatusRecord = {
      id: ctx.state.id(),
      deployment_id: d.id,
      state: String(b.state),
      description: String(b.description ?? ''),
      environment: String(b.environment ?? d.environment),
      log_url: String(b.log_url ?? b.target_url ?? ''),
      environment_url: String(b.environment_url ?? ''),
      creator: ctx.state.actor,
      created_at: now(),
    };
    ctx.state.deploymentStatuses.push(s);
    d.updated_at = s.created_at;
    return { status: 201, body: deploymentStatusJson(ctx, s) };
  },
  [`GET ${R}/deployments/{deployment_id}/statuses`]: (ctx) => {
    const id = Number(ctx.params.deployment_id);
    if (!ctx.state.deployments.some((d) => d.id === id)) return notFound();
    return page(ctx, ctx.state.statusesOf(id).slice().reverse(), (s) => deploymentStatusJson(ctx, s));
  },

  // --- people and automation
  [`GET ${R}/collaborators/{username}/permission`]: (ctx) => {
    const login = ctx.params.username;
    const permission = ctx.state.permissions.get(login);
    if (permission === undefined) return notFound();
    // The legacy `permission` field folds maintain into write and triage into read.
    const legacy = permission === 'maintain' ? 'write' : permission === 'triage' ? 'read' : permission;
    return { status: 200, body: { permission: legacy, role_name: permission, user: userJson(ctx, ctx.state.user(login)) } };
  },
  [`POST ${R}/actions/workflows/{workflow_id}/dispatches`]: async (ctx) => {
    const git = needGit(ctx);
    const ref = String(ctx.body.ref);
    const inputs = (ctx.body.inputs as Record<string, unknown> | undefined) ?? {};
    const file = `.github/workflows/${ctx.params.workflow_id}`;
    // The workflow is looked up first (404), then the ref, a branch or tag name: github.com
    // answers a sha or an unknown name 422 "No ref found for: <ref>".
    const commit = await resolveBranchOrTag(git, ref);
    const found = await git.pathAt(commit ?? ctx.state.defaultBranch, file);
    if (!found || found.type !== 'blob') return notFound();
    if (!commit) return unprocessable(`No ref found for: ${ref}`);
    let workflow: Workflow;
    try {
      workflow = parseWorkflow(((await git.blob(found.sha)) ?? Buffer.alloc(0)).toString('utf8'));
    } catch (error) {
      return refused(`Invalid workflow file ${file} at ${ref}: ${(error as Error).message}`);
    }
    const refusal = checkDispatch(workflow, inputs);
    if (refusal) return refused(refusal.message);
    const record = { workflow_id: ctx.params.workflow_id, ref, inputs: inputs as Record<string, string>, at: now(), run_id: ctx.state.id(), sha: commit };
    ctx.state.dispatches.push(record);
    if (ctx.body.return_run_details !== true) return { status: 204 };
    return {
      status: 200,
      body: {
        workflow_run_id: record.run_id,
        run_url: `${repoUrl(ctx)}/actions/runs/${record.run_id}`,
        html_url: `${htmlRepo(ctx)}/actions/runs/${record.run_id}`,
      },
    };
  },
  [`GET ${R}/installation`]: (ctx) => ({
    status: 200,
    body: { id: 1, account: userJson(ctx, ctx.state.user(ctx.state.owner)), app_id: 1, target_type: 'Organization', permissions: {}, events: [] },
  }),
  ['POST /app/installations/{installation_id}/access_tokens']: () => ({
    status: 201,
    body: {
      token: `ghs_local${Math.random().toString(36).slice(2)}`,
      expires_at: new Date(Date.now() + 3600_000).toISOString(),
      permissions: {},
      repository_selection: 'all',
    },
  }),

  // --- Git database and contents, from the repository on disk
  [`GET ${R}/git/ref/{ref}`]: async (ctx) => {
    const ref = fullRef(ctx.params.ref);
    const sha = await needGit(ctx).resolve(ref);
    return sha ? { status: 200, body: await refJson(ctx, ref, sha) } : notFound();
  },
  [`GET ${R}/git/matching-refs/{ref}`]: async (ctx) => {
    const refs = await needGit(ctx).refs(ctx.params.ref);
    return { status: 200, body: await Promise.all(refs.map((r) => refJson(ctx, r.ref, r.sha))) };
  },
  [`POST ${R}/git/refs`]: async (ctx) => {
    const ref = String(ctx.body.ref);
    if (!/^refs\/.+\/.+/.test(ref)) return unprocessable('Reference name must start with refs/ and have at least two slashes');
    const sha = String(ctx.body.sha);
    if (!(await needGit(ctx).objectType(sha))) return unprocessable('Object does not exist');
    const result = await needGit(ctx).updateRef(ref, sha, { force: false, mustExist: false });
    if (result === 'exists') return unprocessable('Reference already exists');
    return { status: 201, body: await refJson(ctx, ref, sha) };
  },
  [`PATCH ${R}/git/refs/{ref}`]: async (ctx) => {
    const ref = fullRef(ctx.params.ref);
    const sha = String(ctx.body.sha);
    if (!(await needGit(ctx).objectType(sha))) return unprocessable('Object does not exist');
    const result = await needGit(ctx).updateRef(ref, sha, { force: ctx.body.force === true, mustExist: true });
    if (result === 'missing') return unprocessable('Reference does not exist');
    if (result === 'not-fast-forward') return unprocessable('Update is not a fast forward');
    return { status: 200, body: await refJson(ctx, ref, sha) };
  },
  [`DELETE ${R}/git/refs/{ref}`]: async (ctx) =>
    (await needGit(ctx).deleteRef(fullRef(ctx.params.ref))) ? { status: 204 } : unprocessable('Reference does not exist'),
  [`GET ${R}/git/commits/{commit_sha}`]: async (ctx) => {
    const c = await commitJson(ctx, ctx.params.commit_sha);
    return c ? { status: 200, body: c } : notFound();
  },
  [`POST ${R}/git/commits`]: async (ctx) => {
    const git = needGit(ctx);
    const tree = String(ctx.body.tree);
    if ((await git.objectType(tree)) !== 'tree') return unprocessable('Tree SHA does not exist');
    const parents = ((ctx.body.parents as string[] | undefined) ?? []).map(String);
    for (const p of parents) if ((await git.objectType(p)) !== 'commit') return unprocessable('Parent SHA does not exist or is not a commit object');
    const author = ctx.body.author as { name: string; email: string } | undefined;
    const sha = await git.writeCommit({ tree, parents, message: String(ctx.body.message), author });
    return { status: 201, body: await commitJson(ctx, sha) };
  },
  [`GET ${R}/git/trees/{tree_sha}`]: async (ctx) => {
    const git = needGit(ctx);
    const sha = (await git.resolve(ctx.params.tree_sha, 'tree')) ?? (await git.resolve(`refs/heads/${ctx.params.tree_sha}`, 'tree'));
    if (!sha) return notFound();
    const recursive = ctx.query.recursive !== undefined && ctx.query.recursive !== '0' && ctx.query.recursive !== 'false';
    const entries = await git.tree(sha, recursive);
    return {
      status: 200,
      body: {
        sha,
        url: `${repoUrl(ctx)}/git/trees/${sha}`,
        tree: entries.map((e) => ({ ...e, url: `${repoUrl(ctx)}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}` })),
        truncated: false,
      },
    };
  },
  [`POST ${R}/git/trees`]: async (ctx) => {
    const git = needGit(ctx);
    const baseTree = ctx.body.base_tree as string | undefined;
    if (baseTree && (await git.objectType(baseTree)) !== 'tree') return unprocessable('base_tree is not a valid tree oid');
    const entries: { path: string; mode: string; sha: string | null }[] = [];
    for (const e of ctx.body.tree as { path: string; mode: string; sha?: string | null; content?: string }[]) {
      if (e.content !== undefined) entries.push({ path: e.path, mode: e.mode, sha: await git.writeBlob(Buffer.from(e.content, 'utf8')) });
      else entries.push({ path: e.path, mode: e.mode, sha: e.sha ?? null });
    }
    const sha = await git.writeTree(baseTree, entries);
    const tree = await git.tree(sha, false);
    return { status: 201, body: { sha, url: `${repoUrl(ctx)}/git/trees/${sha}`, tree, truncated: false } };
  },
  [`GET ${R}/git/blobs/{file_sha}`]: async (ctx) => {
    const content = await needGit(ctx).blob(ctx.params.file_sha);
    if (!content) return notFound();
    return {
      status: 200,
      body: {
        sha: ctx.params.file_sha,
        node_id: `B_${ctx.params.file_sha}`,
        size: content.length,
        url: `${repoUrl(ctx)}/git/blobs/${ctx.params.file_sha}`,
        content: content.toString('base64'),
        encoding: 'base64',
      },
    };
  },
  [`POST ${R}/git/blobs`]: async (ctx) => {
    const encoding = String(ctx.body.encoding ?? 'utf-8');
    const data = Buffer.from(String(ctx.body.content), encoding === 'base64' ? 'base64' : 'utf8');
    const sha = await needGit(ctx).writeBlob(data);
    return { status: 201, body: { sha, url: `${repoUrl(ctx)}/git/blobs/${sha}` } };
  },
  [`GET ${R}/commits/{ref}`]: async (ctx) => {
    const sha = await resolveCommitish(ctx, ctx.params.ref);
    if (!sha) return unprocessable(`No commit found for SHA: ${ctx.params.ref}`);
    const c = await commitJson(ctx, sha);
    return {
      status: 200,
      body: {
        sha,
        node_id: `C_${sha}`,
        url: `${repoUrl(ctx)}/commits/${sha}`,
        html_url: `${htmlRepo(ctx)}/commit/${sha}`,
        commit: c,
        parents: (c?.parents as unknown[]) ?? [],
      },
    };
  },
  [`GET ${R}/contents/{path}`]: async (ctx) => {
    const git = needGit(ctx);
    const ref = ctx.query.ref ?? ctx.state.defaultBranch;
    const commit = await resolveCommitish(ctx, ref);
    if (!commit) return notFound();
    const path = ctx.params.path.replace(/^\/+|\/+$/g, '');
    const found = await git.pathAt(commit, path);
    if (!found) return notFound();
    const item = (p: string, type: string, sha: string, size: number): Record<string, unknown> => ({
      type: type === 'tree' ? 'dir' : 'file',
      name: p.split('/').pop(),
      path: p,
      sha,
      size,
      url: `${repoUrl(ctx)}/contents/${p}?ref=${encodeURIComponent(ref)}`,
      git_url: `${repoUrl(ctx)}/git/${type === 'tree' ? 'trees' : 'blobs'}/${sha}`,
      html_url: `${htmlRepo(ctx)}/blob/${ref}/${p}`,
      download_url: null,
    });
    if (found.type === 'tree') {
      const entries = await git.tree(found.sha, false);
      return { status: 200, body: entries.map((e) => item(path ? `${path}/${e.path}` : e.path, e.type, e.sha, e.size ?? 0)) };
    }
    const content = (await git.blob(found.sha)) ?? Buffer.alloc(0);
    return { status: 200, body: { ...item(path, 'blob', found.sha, content.length), content: content.toString('base64'), encoding: 'base64' } };
  },
};
