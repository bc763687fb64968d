// What only the commands that touch machines need (apply, rollback, drift, import, plan --repair):
// the apply engine, the Vagrant driver and the drift checks. Those commands import this module
// dynamically, so `plan`, `validate`, `status` and `history` never load it. One module behind one
// dynamic import: scripts/build.mjs splits the CLI bundle there, and the split gives one chunk for
// this side, one for what both sides share, and the entry, instead of a file per boundary.
export { applyPlan } from '../apply/executor.js';
export { vagrantDirOf } from '../apply/drivers/vagrant/index.js';
export { RollbackTargetError, planRollback, rollback } from '../apply/rollback.js';
export { applyMachinery } from '../core/apply-machinery.js';
export { checkDrift, driftExitCode } from '../drift/check.js';
export { ImportRefused, importService } from '../drift/import.js';
export { observedRecord, observedState } from '../drift/repair.js';
export { renderDriftJson, renderDriftMarkdown, renderDriftText } from '../render/drift.js';
