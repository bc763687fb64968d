export { applyPlan } from './executor.js';
export {
  deploymentTarget,
  describeHistory,
  planRollback,
  planRollbackFor,
  rollback,
  RollbackTargetError,
  type RollbackPlan,
  type RollbackTarget,
} from './rollback.js';
export {
  RunInterruptedError,
  StoppedOnRequest,
  type ApplyOptions,
  type ApplyReport,
  type InstanceOutcome,
  type InstanceReport,
  type ProgressEvent,
  type ServiceReport,
} from './types.js';
export type { Driver, DriverInstance, HealthCheck, ObservedState, ProvisionerName } from './driver.js';
