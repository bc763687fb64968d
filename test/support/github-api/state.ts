// What the local GitHub API remembers between requests: issues (with labels) and pull requests,
// comments, reactions, check runs, deployments, permissions and workflow dispatches. Tests seed it and
// read it back directly.

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface GitHubUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export interface IssueRecord {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  user: GitHubUser;
  /** Every pull request is an issue; this one is also in `pulls`. */
  isPull: boolean;
  /** Label names, in the order they were added. */
  labels: string[];
  state_reason: 'completed' | 'not_planned' | 'reopened' | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface PullRecord {
  number: number;
  title: string;
  state: 'open' | 'closed';
  merged: boolean;
  merge_commit_sha: string | null;
  head: { ref: string; sha: string };
  base: { ref: string; sha: string };
  user: GitHubUser;
}

export interface CommentRecord {
  id: number;
  issue_number: number;
  body: string;
  user: GitHubUser;
  created_at: string;
  updated_at: string;
}

export interface ReactionRecord {
  id: number;
  /** Set for a reaction on a comment; otherwise it is on the issue itself. */
  comment_id?: number;
  issue_number?: number;
  content: string;
  user: GitHubUser;
  created_at: string;
}

export interface CheckRunRecord {
  id: number;
  head_sha: string;
  name: string;
  status: string;
  conclusion: string | null;
  started_at: string | null;
  completed_at: string | null;
  details_url: string | null;
  external_id: string | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations: Record<string, unknown>[] };
  /** Every request body that created or updated the run, in order. */
  history: Record<string, unknown>[];
}

export interface DeploymentRecord {
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  description: string | null;
  payload: unknown;
  transient_environment: boolean;
  production_environment: boolean;
  creator: GitHubUser;
  created_at: string;
  updated_at: string;
}

export interface DeploymentStatusRecord {
  id: number;
  deployment_id: number;
  state: string;
  description: string;
  environment: string;
  log_url: string;
  environment_url: string;
  creator: GitHubUser;
  created_at: string;
}

/** A workflow_dispatch GitHub accepted: the run it starts, not yet played (see test/action/play-workflow.ts). */
export interface DispatchRecord {
  workflow_id: string;
  ref: string;
  inputs: Record<string, string>;
  at: string;
  /** The workflow run GitHub would start. */
  run_id: number;
  /** The commit `ref` pointed at when dispatched: the run's GITHUB_SHA. */
  sha: string;
}

export class GitHubApiState {
  readonly issues = new Map<number, IssueRecord>();
  readonly pulls = new Map<number, PullRecord>();
  readonly comments: CommentRecord[] = [];
  readonly reactions: ReactionRecord[] = [];
  readonly checkRuns: CheckRunRecord[] = [];
  readonly deployments: DeploymentRecord[] = [];
  readonly deploymentStatuses: DeploymentStatusRecord[] = [];
  readonly permissions = new Map<string, Permission>();
  /** The repository's labels by name (GitHub matches label names without regard to case). */
  readonly labels = new Map<string, LabelRecord>();
  readonly dispatches: DispatchRecord[] = [];
  private nextId = 1;
  private nextUserId = 1000;
  private readonly users = new Map<string, GitHubUser>();

  constructor(
    readonly owner: string,
    readonly repo: string,
    public defaultBranch: string,
    /** Who the token belongs to: the author of comments, check runs and deployments it creates. */
    readonly actor: GitHubUser,
  ) {
    this.users.set(actor.login, actor);
  }

  id(): number {
    return this.nextId++;
  }

  user(login: string): GitHubUser {
    let u = this.users.get(login);
    if (!u) {
      u = { login, id: this.nextUserId++, type: login.endsWith('[bot]') ? 'Bot' : 'User' };
      this.users.set(login, u);
    }
    return u;
  }

  addIssue(opts: { number?: number; title?: string; body?: string; user?: string; state?: 'open' | 'closed'; labels?: string[] }): IssueRecord {
    const number = opts.number ?? this.nextIssueNumber();
    const at = now();
    const state = opts.state ?? 'open';
    const issue: IssueRecord = {
      number,
      title: opts.title ?? `Issue ${number}`,
      body: opts.body ?? null,
      state,
      user: this.user(opts.user ?? 'octocat'),
      isPull: false,
      labels: (opts.labels ?? []).map((name) => this.label(name).name),
      state_reason: state === 'closed' ? 'completed' : null,
      created_at: at,
      updated_at: at,
      closed_at: state === 'closed' ? at : null,
    };
    this.issues.set(number, issue);
    return issue;
  }

  /** The label of that name, created as GitHub creates a label named on a new issue when it does not exist. */
  label(name: string, opts: { color?: string; description?: string | null } = {}): LabelRecord {
    const existing = this.findLabel(name);
    if (existing) return existing;
    const label: LabelRecord = { id: this.id(), name, color: opts.color ?? 'ededed', description: opts.description ?? null };
    this.labels.set(name.toLowerCase(), label);
    return label;
  }

  findLabel(name: string): LabelRecord | undefined {
    return this.labels.get(name.toLowerCase());
  }

  /** Open issues (not pull requests) carrying a label. */
  openIssuesLabelled(name: string): IssueRecord[] {
    return [...this.issues.values()].filter((i) => !i.isPull && i.state === 'open' && i.labels.some((l) => l.toLowerCase() === name.toLowerCase()));
  }

  addPull(opts: {
    number?: number;
    title?: string;
    head: { ref: string; sha: string };
    base: { ref: string; sha: string };
    merged?: boolean;
    merge_commit_sha?: string;
    state?: 'open' | 'closed';
    user?: string;
  }): PullRecord {
    const issue = this.addIssue({
      number: opts.number,
      title: opts.title ?? 'Change service templates',
      user: opts.user,
      state: opts.state ?? (opts.merged ? 'closed' : 'open'),
    });
    issue.isPull = true;
    const pull: PullRecord = {
      number: issue.number,
      title: issue.title,
      state: issue.state,
      merged: opts.merged ?? false,
      merge_commit_sha: opts.merge_commit_sha ?? null,
      head: { ...opts.head },
      base: { ...opts.base },
      user: issue.user,
    };
    this.pulls.set(pull.number, pull);
    return pull;
  }

  setPermission(login: string, permission: Permission): void {
    this.user(login);
    this.permissions.set(login, permission);
  }

  /** A comment as if someone had written it on GitHub. */
  addComment(issueNumber: number, body: string, login = this.actor.login): CommentRecord {
    const at = now();
    const comment: CommentRecord = { id: this.id(), issue_number: issueNumber, body, user: this.user(login), created_at: at, updated_at: at };
    this.comments.push(comment);
    return comment;
  }

  commentsOn(issueNumber: number): CommentRecord[] {
    return this.comments.filter((c) => c.issue_number === issueNumber);
  }

  statusesOf(deploymentId: number): DeploymentStatusRecord[] {
    return this.deploymentStatuses.filter((s) => s.deployment_id === deploymentId);
  }

  private nextIssueNumber(): number {
    let n = 1;
    for (const k of this.issues.keys()) n = Math.max(n, k + 1);
    return n;
  }
}

export function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
