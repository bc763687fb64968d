export { buildPlan, currentStateDigest, planDigestOf, type PlanInput } from './build.js';
export { classifyInstanceChange, classifyTierPolicyChange, mostDisruptive } from './classify.js';
