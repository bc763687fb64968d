import type { Octokit } from '@octokit/core';
import type { TreeReader } from '../load/tree.js';
import type { Revision } from '../model/types.js';
import { BlobCache } from './blob-cache.js';

export interface RepoCoordinates {
  owner: string;
  repo: string;
}

interface TreeEntry {
  path: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
}

interface TreeResponse {
  sha: string;
  truncated: boolean;
  tree: { path?: string; type?: string; sha?: string }[];
}

/** Blob requests in flight at once per reader; enough to hide latency, polite to rate limits. */
const BLOB_CONCURRENCY = 8;

/**
 * The templates repository at one commit, read through the GitHub REST API (Git trees and blobs)
 * without a clone. One tree request lists every file; file contents are fetched on demand and
 * shared by sha through a `BlobCache`, so a file unchanged between base and head, or between two
 * pushes, is fetched once.
 */
export class GitHubTreeReader implements TreeReader {
  private readonly inflight = new Map<string, Promise<string>>();
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** Requests this reader sent, for logs and benchmarks. */
  requests = 0;

  private constructor(
    private readonly octokit: Octokit,
    private readonly repo: RepoCoordinates,
    readonly revision: Revision,
    private readonly files: Map<string, TreeEntry>,
    private readonly cache: BlobCache,
    treeRequests: number,
  ) {
    this.requests = treeRequests;
  }

  /**
   * Lists the tree of `revision.commit` (a commit sha, or any tree-ish the API accepts, such as
   * a branch name). Throws the API's error when the commit does not exist.
   */
  static async open(octokit: Octokit, repo: RepoCoordinates, revision: Revision, cache: BlobCache = new BlobCache()): Promise<GitHubTreeReader> {
    const files = new Map<string, TreeEntry>();
    const counter = { requests: 0 };
    await collectTree(octokit, repo, revision.commit, '', files, counter);
    return new GitHubTreeReader(octokit, repo, revision, files, cache, counter.requests);
  }

  async list(folders: string[]): Promise<string[]> {
    const prefixes = folders.map((f) => f.replace(/^\.?\/+/, '').replace(/\/+$/, '')).map((f) => (f === '' || f === '.' ? '' : `${f}/`));
    const out: string[] = [];
    for (const path of this.files.keys()) {
      if (prefixes.some((p) => path.startsWith(p))) out.push(path);
    }
    return out.sort();
  }

  async read(path: string): Promise<string | undefined> {
    const entry = this.files.get(path.replace(/^\.?\/+/, ''));
    if (!entry) return undefined;
    const cached = this.cache.get(entry.sha);
    if (cached !== undefined) return cached;
    let pending = this.inflight.get(entry.sha);
    if (!pending) {
      pending = this.fetchBlob(entry.sha).finally(() => this.inflight.delete(entry.sha));
      this.inflight.set(entry.sha, pending);
    }
    return pending;
  }

  /** Whether a path is a file at this revision (no request). */
  has(path: string): boolean {
    return this.files.has(path);
  }

  private async fetchBlob(sha: string): Promise<string> {
    await this.slot();
    try {
      this.requests++;
      const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
        owner: this.repo.owner,
        repo: this.repo.repo,
        file_sha: sha,
      });
      const text = data.encoding === 'base64' ? Buffer.from(data.content, 'base64').toString('utf8') : String(data.content);
      this.cache.set(sha, text);
      return text;
    } finally {
      this.release();
    }
  }

  private async slot(): Promise<void> {
    if (this.active < BLOB_CONCURRENCY) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

/**
 * Fills `files` with every blob under the tree `treeish`, prefixed with `prefix`. The recursive
 * listing is capped by GitHub (truncated: true); then the tree is walked one level at a time,
 * each subtree asked for recursively again, so only very large subtrees cost extra requests.
 */
async function collectTree(
  octokit: Octokit,
  repo: RepoCoordinates,
  treeish: string,
  prefix: string,
  files: Map<string, TreeEntry>,
  counter: { requests: number },
): Promise<void> {
  counter.requests++;
  const recursive = await getTree(octokit, repo, treeish, true);
  if (!recursive.truncated) {
    for (const e of recursive.tree) {
      if (e.type === 'blob' && e.path && e.sha) files.set(prefix + e.path, { path: prefix + e.path, type: 'blob', sha: e.sha });
    }
    return;
  }
  counter.requests++;
  const level = await getTree(octokit, repo, treeish, false);
  for (const e of level.tree) {
    if (!e.path || !e.sha) continue;
    if (e.type === 'blob') files.set(prefix + e.path, { path: prefix + e.path, type: 'blob', sha: e.sha });
    else if (e.type === 'tree') await collectTree(octokit, repo, e.sha, `${prefix}${e.path}/`, files, counter);
  }
}

async function getTree(octokit: Octokit, repo: RepoCoordinates, treeish: string, recursive: boolean): Promise<TreeResponse> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
    owner: repo.owner,
    repo: repo.repo,
    tree_sha: treeish,
    ...(recursive ? { recursive: '1' } : {}),
  });
  return data as TreeResponse;
}
