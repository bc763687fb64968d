// One Jest suite per scenario: the CLI is built once per test file, each store gets its own world.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCli, World } from './harness.js';
import { failureLines, figures, runScenario, stores, type Scenario } from './sweep.js';

export function describeScenario(sc: Scenario): void {
  describe(`chaos: ${sc.name}`, () => {
    let root: string;
    let cli: string;
    beforeAll(async () => {
      root = mkdtempSync(path.join(tmpdir(), 'svcplan-chaos-cli-'));
      cli = await buildCli(root);
    }, 120_000);
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    for (const store of stores()) {
      it(`svcplan killed at every call is finished by the next apply (${store} store)`, async () => {
        const w = await World.create({ cli, store });
        try {
          const report = await runScenario(w, sc);
          console.log(figures(report));
          const failures = failureLines(report);
          if (failures.length > 0) throw new Error(`${figures(report)}\n\n${failures.join('\n')}`);
        } finally {
          await w.close();
        }
      });
    }
  });
}
