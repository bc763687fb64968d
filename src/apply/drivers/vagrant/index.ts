export { VagrantDriver, VagrantCommandError, createDryRunDriver, validateVagrantfile } from './driver.js';
export type { DriverOutput, VagrantDriverOptions } from './driver.js';
export { ProcessRunner, RecordingRunner, formatCommandLine } from './runner.js';
export type { CommandLine, CommandResult, CommandRunner, RunOptions } from './runner.js';
export { parseVagrantStatus, parseMachineReadable, observedStateOf } from './status.js';
export {
  renderVagrantfile,
  vagrantDirOf,
  stateDiskName,
  sshEndpointOf,
  provisionerNamesOf,
  settingsFile,
  VagrantfileError,
  SVCPLAN_OPTION_KEYS,
} from './vagrantfile.js';
export { rubyLiteral, rubyString, RubySymbol } from './ruby.js';
