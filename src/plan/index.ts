export { buildPlan, type PlanInput } from './build.js';
export { classifyInstanceChange, classifyTierPolicyChange, mostDisruptive, provisionersFor } from './classify.js';
export { specDigest } from './spec-digest.js';
