import type { Octokit } from '@octokit/core';
import type { RepoCoordinates } from './api-tree-reader.js';

export interface MergedPullRequest {
  number: number;
  title: string;
  url: string;
}

/**
 * The pull request a pushed commit came from: the merged one whose merge commit is the commit
 * (merge, squash or rebase merge alike), else any pull request containing it. Undefined for a
 * direct push.
 */
export async function findPullRequestForCommit(octokit: Octokit, repo: RepoCoordinates, commit: string): Promise<MergedPullRequest | undefined> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
    owner: repo.owner,
    repo: repo.repo,
    commit_sha: commit,
    per_page: 100,
  });
  const pulls = data as { number: number; title: string; html_url: string; merge_commit_sha?: string | null; merged_at?: string | null }[];
  const chosen = pulls.find((p) => p.merge_commit_sha === commit) ?? pulls.find((p) => p.merged_at) ?? pulls[0];
  return chosen ? { number: chosen.number, title: chosen.title, url: chosen.html_url } : undefined;
}

/** A new comment on an issue or pull request; returns its URL. */
export async function postIssueComment(octokit: Octokit, repo: RepoCoordinates, issueNumber: number, body: string): Promise<string> {
  const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner: repo.owner,
    repo: repo.repo,
    issue_number: issueNumber,
    body,
  });
  return data.html_url;
}
