export { buildPlan, currentStateDigest, planDigestOf, refusedPlan, withWarnings, type PlanInput } from './build.js';
export { classifyInstanceChange, classifyTierPolicyChange, mostDisruptive } from './classify.js';
export { DEFAULT_RUNNER_LABEL, runnerDigest, runnerDigests, runnerLabelOf } from './runners.js';
