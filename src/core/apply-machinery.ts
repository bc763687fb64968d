// The machinery of an apply: the Vagrant driver, or a dry run against a copy of the recorded
// state. Apart from core/setup.ts because it pulls in the whole apply engine and its process
// library: a door imports it only where it applies, rolls back or observes machines, so that
// `svcplan plan` and `validate` never load that code (scripts/build.mjs splits the CLI bundle
// at dynamic imports).

import { VagrantDriver, createDryRunDriver, type DriverOutput } from '../apply/drivers/vagrant/index.js';
import type { Driver } from '../apply/driver.js';
import type { RecordedState } from '../model/types.js';
import { MemoryStateStore, type StateStore } from '../state/index.js';
import type { TemplatesCheckout } from './setup.js';

/** How an apply touches the world: for real, or as a dry run that lists the commands instead. */
export interface ApplyMachinery {
  store: StateStore;
  driver: Driver;
  /** A dry run: the commands it would have run, in order. */
  commands?: () => string[];
}

/**
 * The driver and the store an apply (or rollback) runs with. A dry run walks the same steps
 * against a copy of the recorded state: no lease, no state write, no file written, no VM touched.
 */
export function applyMachinery(opts: {
  checkout: Pick<TemplatesCheckout, 'dir'>;
  store: StateStore;
  recorded: RecordedState;
  dryRun: boolean;
  onOutput?: (output: DriverOutput) => void;
}): ApplyMachinery {
  if (opts.dryRun) {
    const { driver, recorder } = createDryRunDriver(opts.checkout.dir);
    return { store: new MemoryStateStore(opts.recorded, opts.store.kind), driver, commands: () => recorder.lines() };
  }
  return { store: opts.store, driver: new VagrantDriver({ repoDir: opts.checkout.dir, onOutput: opts.onOutput }) };
}
