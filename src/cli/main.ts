import { setFlagsFromString } from 'node:v8';
import { runCli } from './run.js';

const argv = process.argv.slice(2);

// `plan` and `validate` read every template and service once and exit. Most of their code runs a
// few thousand times, so V8's optimizing compiler (TurboFan) would spend about a third of the
// process's instructions, on a second core, compiling functions whose work is mostly done before
// the compiled code arrives. Without it they take about a quarter less CPU on a thousand services
// (docs/benchmarks.md). Set before any of that code has run.
if (argv[0] === 'plan' || argv[0] === 'validate') setFlagsFromString('--no-turbofan');

// The bin: wires the process to runCli and leaves exiting to Node, so pending output is flushed.
process.exitCode = await runCli(argv, {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: process.stdout.isTTY,
  env: process.env,
});
