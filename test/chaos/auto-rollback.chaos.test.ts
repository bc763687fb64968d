// Scenario 5: autoRollback after a gate that fails once (first probe of the first replaced instance); the apply after converges.
import { autoRollback } from './scenarios.js';
import { describeScenario } from './suite.js';

describeScenario(autoRollback);
