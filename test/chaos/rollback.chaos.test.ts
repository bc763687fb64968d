// Scenario 4: `svcplan rollback cart --to 1 --yes` after an update is killed; the apply after it must keep the pin.
import { rollbackScenario } from './scenarios.js';
import { describeScenario } from './suite.js';

describeScenario(rollbackScenario);
