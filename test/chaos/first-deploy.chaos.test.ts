// Scenario 1: a first deploy of two tiers (a stateful one first), two upgrade domains of two, maxParallel 2.
import { firstDeploy } from './scenarios.js';
import { describeScenario } from './suite.js';

describeScenario(firstDeploy);
