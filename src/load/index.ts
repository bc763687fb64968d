// Loading and validation: the templates repository at a revision (or the working tree) → model.
export type { TreeReader } from './tree.js';
export { WorktreeReader } from './worktree.js';
export { GitRevisionReader, type RevisionReaderOptions } from './git-revision.js';
export { loadConfig, defaultConfig, CONFIG_FILE, type RepoConfig } from './config.js';
export { loadDesiredState } from './desired-state.js';
export { resolveService } from './resolve.js';
export { YamlLocator } from './source.js';
export { SVCPLAN_SCHEMA } from './schema.js';
export { named, readOnce } from './tree.js';
