// Entry of the bundled Action (dist/action.js): runs it once; exit status comes from the step result.
import { run } from './run.js';

await run();
