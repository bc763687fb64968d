import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InstanceSpec, ServiceRecord, ServiceSpec } from '../../src/model/types.js';

export function tempDir(prefix = 'svcplan-state-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@localhost', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@localhost' },
  }).trim();
}

export function instanceSpec(): InstanceSpec {
  return {
    image: { box: 'svcplan/debian-12', version: '12.7.1' },
    cpus: 1,
    memory: 512,
    features: [],
    apps: {},
    settings: {},
    target: { provider: 'libvirt', options: {} },
  };
}

export function serviceSpec(name: string): ServiceSpec {
  return {
    name,
    template: 'web-shop',
    release: '1',
    target: { driver: 'vagrant', provider: 'libvirt', options: {} },
    tiers: [],
    files: { template: 'templates/web-shop.yaml', service: `services/${name}.yaml` },
  };
}

export function record(name: string, marker = 0): ServiceRecord {
  return {
    name,
    template: 'web-shop',
    revision: { commit: 'c'.repeat(40), ref: 'main', release: String(marker), specDigest: 'sha256:x' },
    spec: serviceSpec(name),
    instances: [{ name: `${name}-web-1`, tier: 'web', index: 1, spec: instanceSpec(), status: 'ready', updatedAt: new Date(0).toISOString() }],
    retainedDisks: [],
    history: [],
  };
}
