import { runCli } from './run.js';

// The bin: wires the process to runCli and leaves exiting to Node, so pending output is flushed.
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: process.stdout.isTTY,
  env: process.env,
});
