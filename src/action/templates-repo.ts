import { NotAFolderError, openStore, openTemplates, resolveStateSettings, type TemplatesCheckout } from '../core/setup.js';
import { GitRevisionReader } from '../load/index.js';
import type { TreeReader } from '../load/tree.js';
import type { StateStore } from '../state/index.js';
import { hostname } from 'node:os';
import type { DriverOutput } from '../apply/drivers/vagrant/index.js';
import { DEFAULT_RUNNER_LABEL } from '../plan/index.js';
import { ActionInputError, type ActionSettings } from './input.js';

/** The checked-out templates repository the Action works on (core/setup.ts). */
export type CheckedOutRepo = TemplatesCheckout;

export async function openCheckedOutRepo(settings: ActionSettings): Promise<CheckedOutRepo> {
  try {
    return await openTemplates(settings.repoDir);
  } catch (err) {
    if (!(err instanceof NotAFolderError)) throw err;
    throw new ActionInputError(`input repo-path: ${settings.repoDir} is not a folder; check out the templates repository first (actions/checkout)`);
  }
}

/**
 * The tree at a commit, fetching it from origin first when the checkout is shallow and lacks it
 * (actions/checkout fetches one commit by default). Undefined when it cannot be had: the plan
 * then has no stand-in, which it says.
 */
export async function readerAtCommit(repo: CheckedOutRepo, commit: string): Promise<TreeReader | undefined> {
  if (!repo.git || !/^[0-9a-f]{40}$/.test(commit) || /^0+$/.test(commit)) return undefined;
  let found = await repo.git.tryRevParse(`${commit}^{commit}`);
  if (!found) {
    await repo.git.run(['fetch', '--quiet', '--no-tags', '--depth=1', 'origin', commit]).catch(() => undefined);
    found = await repo.git.tryRevParse(`${commit}^{commit}`);
    if (!found) return undefined;
  }
  return GitRevisionReader.open(repo.dir, commit, { git: repo.git, commit: found });
}

/** Runners share recorded state, so the Action's own default is the git store on svcplan-state. */
export const ACTION_STATE_DEFAULT = { store: 'git', branch: 'svcplan-state' } as const;

/** The store: the inputs (state, state-branch) when given, else svcplan.yaml's, else the Action's default. */
export function openActionStateStore(repo: CheckedOutRepo, settings: ActionSettings): Promise<StateStore> {
  const explicit = { ...(settings.state ? { store: settings.state } : {}), ...(settings.stateBranch ? { branch: settings.stateBranch } : {}) };
  return openStore(repo, resolveStateSettings(repo.config, explicit, ACTION_STATE_DEFAULT));
}

/** Who holds a lease while this job applies: shown to a second caller. */
export function actionOwner(settings: ActionSettings): string {
  return `github-actions ${process.env.GITHUB_RUN_ID ?? ''} ${settings.runner ?? ''} ${hostname()} pid ${process.pid}`.replace(/\s+/g, ' ').trim();
}

/** The runner filter of an apply or rollback: labels name target.runner; `default` stands for services that name none. */
export function runnerFilter(settings: ActionSettings): string | undefined {
  return settings.runner && settings.runner !== DEFAULT_RUNNER_LABEL ? settings.runner : undefined;
}

/** Vagrant's output and the driver's own lines, in the job log. */
export function logDriverOutput(info: (line: string) => void): (o: DriverOutput) => void {
  return (o) => info(`[${o.instance ?? o.service}] ${o.line}`);
}
