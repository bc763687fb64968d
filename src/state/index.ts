import { GitStateStore, DEFAULT_STATE_BRANCH } from './git-store.js';
import { LocalStateStore, DEFAULT_LOCAL_STATE_PATH } from './local.js';
import type { StateStore } from './store.js';

export { LeaseHeldError, LeaseLostError, type Lease, type StateStore } from './store.js';
export { LocalStateStore, DEFAULT_LOCAL_STATE_PATH } from './local.js';
export { GitStateStore, DEFAULT_STATE_BRANCH, DRIFT_REPORTS_FOLDER } from './git-store.js';
export { MemoryStateStore } from './memory.js';

export async function openStateStore(opts: {
  kind: 'local' | 'git';
  repoDir: string;
  /** local: the state folder relative to the repository (default `.svcplan/state`). */
  path?: string;
  /** git: the state branch (default `svcplan-state`). */
  branch?: string;
  /** git: the remote to push to (default `origin` when it exists, else a local branch). */
  remote?: string;
}): Promise<StateStore> {
  if (opts.kind === 'local') return new LocalStateStore(opts.repoDir, opts.path ?? DEFAULT_LOCAL_STATE_PATH);
  if (opts.kind === 'git') return new GitStateStore(opts.repoDir, { branch: opts.branch ?? DEFAULT_STATE_BRANCH, remote: opts.remote });
  throw new Error(`unknown state store "${String(opts.kind)}": use local or git`);
}
