// Tests that drive a system program (vagrant, ruby) need it installed: README's set-up step
// (`sudo bash .ci/setup-vagrant`) installs every one. Without it a test fails saying so, never
// with a bare `spawn vagrant ENOENT`, and nothing is skipped.
import { spawnSync } from 'node:child_process';

export const SETUP_STEP = 'sudo bash .ci/setup-vagrant';

export function requireProgram(program: string, versionFlag = '--version'): void {
  const probe = spawnSync(program, [versionFlag], { stdio: 'ignore' });
  if (probe.error && (probe.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${program} is not installed, and this test runs it: run README's set-up step first (${SETUP_STEP}), which installs it`);
  }
}
