// Scenario 3: a state disk grows from 1 to 2 GiB (halt, virsh vol-resize, boot), one instance at a time.
import { diskGrowth } from './scenarios.js';
import { describeScenario } from './suite.js';

describeScenario(diskGrowth);
