import type { CommandDefinition } from '../command.js';
import { applyCommand } from './apply.js';
import { driftCommand } from './drift.js';
import { importCommand } from './import.js';
import { historyCommand } from './history.js';
import { planCommand } from './plan.js';
import { rollbackCommand } from './rollback.js';
import { statusCommand } from './status.js';
import { validateCommand } from './validate.js';

/** Every verb of the CLI, in the order `svcplan --help` lists them. Adding one is one line here. */
export const COMMANDS: CommandDefinition<unknown>[] = [
  validateCommand,
  planCommand,
  applyCommand,
  rollbackCommand,
  statusCommand,
  historyCommand,
  driftCommand,
  importCommand,
];
