// The service both e2e suites take through its life: one tier of tiny VMs with an app, a setting
// full of shell and Ruby metacharacters, a state disk with save/restore hooks, two upgrade domains.

import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const SERVICE = 'e2e-life';
export const TIER = 'app';
export const GREETING = `it's "$(not run)" \`nor this\` #{x}`;

/** The tiny template at one point of its life; release follows the app version. */
export function template(opts: { box: string; memory: number; version: string; count: number; disk?: number }): string {
  return `apiVersion: svcplan/v1
kind: ServiceTemplate
name: tiny
release: "${opts.version}"
images:
  tiny: { box: ${opts.box}, version: "1.0.0" }
tiers:
  ${TIER}:
    image: tiny
    cpus: 1
    memory: ${opts.memory}
    count: ${opts.count}
    scale: { min: 1, max: 4 }
    features: [base]
    apps:
      hello: { version: "${opts.version}", install: apps/hello/install.sh }
    settings:
      GREETING: ${JSON.stringify(GREETING)}
    state: { disk: ${opts.disk ?? 1}, save: apps/hello/save-state.sh, restore: apps/hello/restore-state.sh, onScaleIn: retain }
    health: { command: "test -s /opt/hello/version", timeout: 180, minReady: 1 }
    rollout: { upgradeDomains: 2, maxParallel: 1, pauseBetweenDomains: 0, order: 1, maxDisruption: replace }
`;
}

/** The service on this machine's libvirt: the domain type and loopback-only networking come from target.options. */
export const serviceFile = (domainType: string, name = SERVICE, portBase = 2722) => `apiVersion: svcplan/v1
kind: Service
name: ${name}
template: tiny
target:
  driver: vagrant
  provider: libvirt
  ssh: { host: 127.0.0.1, portBase: ${portBase} }
  options:
    driver: ${domainType}
    cpu_mode: custom
    cpu_model: qemu64
    graphics_type: none
    video_type: none
    random: { model: random }
    svcplan_network: loopback
`;

/** The app's install script and state hooks: the version and setting land in /opt/hello, the hooks use the state disk. */
export const FILES: Record<string, string> = {
  '.gitignore': '.svcplan/\n',
  'apps/hello/install.sh':
    '#!/bin/sh\nset -eu\nmkdir -p /opt/hello\nprintf "%s\\n" "$APP_VERSION" > /opt/hello/version\nprintf "%s\\n" "$GREETING" > /opt/hello/greeting\n',
  // Saves the release it ran on, and counts its own runs, on the state disk.
  'apps/hello/save-state.sh': [
    '#!/bin/sh',
    'set -eu',
    'printf "saved-from-%s\\n" "$(cat /etc/tiny-release)" | dd of="$SVCPLAN_STATE_DEVICE" bs=512 seek=16 conv=notrunc 2>/dev/null',
    `n=$(dd if="$SVCPLAN_STATE_DEVICE" bs=512 skip=24 count=1 2>/dev/null | tr -d '\\000' | head -n 1)`,
    'case "$n" in ""|*[!0-9]*) n=0 ;; esac',
    'printf "%s\\n" "$((n + 1))" | dd of="$SVCPLAN_STATE_DEVICE" bs=512 seek=24 conv=notrunc 2>/dev/null',
    'sync',
    '',
  ].join('\n'),
  // Restores what was saved, and logs each run on the new VM's own disk.
  'apps/hello/restore-state.sh':
    '#!/bin/sh\nset -eu\ndd if="$SVCPLAN_STATE_DEVICE" bs=512 skip=16 count=1 2>/dev/null | head -n 1 > /etc/svcplan-restored\necho restored >> /etc/svcplan-restore.log\n',
};

/**
 * The freshly built CLI, copied so that a build running elsewhere cannot hand over a half-written
 * file: dist/cli.js and the chunks it loads (dist/cli-*.js), in a folder marked as ES modules.
 */
export function snapshotCli(): { cli: string; work: string } {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const work = mkdtempSync(join(tmpdir(), 'svcplan-e2e-cli-'));
  writeFileSync(join(work, 'package.json'), '{ "type": "module" }\n');
  for (const name of readdirSync(resolve('dist'))) {
    if (name === 'cli.js' || name.startsWith('cli-')) copyFileSync(resolve('dist', name), join(work, name));
  }
  return { cli: join(work, 'cli.js'), work };
}

/** `svcplan ARGS --repo DIR` as a user runs it; its exit code must be 0. */
export function svcplanAt(cli: string, repoDir: string, env: Record<string, string>) {
  return (...args: string[]): string => {
    const out = spawnSync(process.execPath, [cli, ...args, '--repo', repoDir], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 15 * 60_000,
    });
    if (out.status !== 0) {
      throw new Error(`svcplan ${args.join(' ')} exited ${out.status}\n--- stdout\n${out.stdout}\n--- stderr\n${out.stderr}`);
    }
    return out.stdout + out.stderr;
  };
}
