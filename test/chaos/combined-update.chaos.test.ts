// Scenario 2: one commit replaces a stateful tier (save/restore hooks), restarts one, refreshes and scales in a third.
import { combinedUpdate } from './scenarios.js';
import { describeScenario } from './suite.js';

describeScenario(combinedUpdate);
