// Scenario 6: health.minReady: 1, every instance probed twice a second apart, during an app refresh.
import { minReady } from './scenarios.js';
import { describeScenario } from './suite.js';

describeScenario(minReady);
