// The chaos scenarios: each brings a world to a baseline and names the run that gets killed.
import type { World } from './harness.js';
import { repoFiles, withTiers, type ServiceDef } from './repo.js';
import type { Scenario } from './sweep.js';

/** Applies the repository as described; fails loudly if the baseline itself does not apply. */
async function deploy(w: World, services: ServiceDef[], message: string): Promise<void> {
  w.write(repoFiles(services, w.store));
  w.commit(message);
  const r = await w.apply('setup');
  if (r.code !== 0) throw new Error(`baseline apply (${message}) exited ${r.code}:\n${r.stdout}\n${r.stderr}`);
}

// Guests are reached over the direct SSH channel: with target.ssh (settings derived per box and
// target) in shop, vault, cart and api; with settings asked of `vagrant ssh-config` per machine
// in mix and ledger.

// 1. First deploy: two tiers in rollout order, a stateful one first; two upgrade domains of two
//    instances each, both at once.
const shopV1: ServiceDef = {
  name: 'shop',
  template: 'shop',
  release: '1',
  sshPortBase: 2200,
  tiers: [
    { name: 'db', order: 1, count: 1, version: '1.0', memory: 512, cpus: 1, apps: { pg: '15' }, state: { disk: 1, hooks: true }, domains: 1, maxParallel: 1 },
    { name: 'web', order: 2, count: 4, version: '1.0', memory: 512, cpus: 1, apps: { web: '1.0' }, domains: 2, maxParallel: 2 },
  ],
};

export const firstDeploy: Scenario = {
  name: 'first-deploy',
  async setup(w) {
    w.write(repoFiles([shopV1], w.store));
    w.commit('shop');
  },
  run: ['apply'],
  desired: [shopV1],
};

// 2. One commit that replaces a stateful tier (new box version, save/restore hooks), restarts
//    another (memory), refreshes a third (app version) and scales it in.
const mixedBase: ServiceDef = {
  name: 'mix',
  template: 'mix',
  release: '1',
  tiers: [
    { name: 'db', order: 1, count: 2, version: '1.0', memory: 512, cpus: 1, apps: { pg: '15' }, state: { disk: 1, hooks: true }, domains: 2, maxParallel: 1 },
    { name: 'web', order: 2, count: 2, version: '1.0', memory: 512, cpus: 1, apps: { web: '1.0' }, domains: 2, maxParallel: 1 },
    {
      name: 'worker',
      order: 3,
      count: 3,
      version: '1.0',
      memory: 512,
      cpus: 1,
      apps: { job: '1.0' },
      state: { disk: 1, onScaleIn: 'retain' },
      domains: 1,
      maxParallel: 2,
    },
  ],
};
const mixedUpdate = withTiers(mixedBase, { db: { version: '1.1' }, web: { memory: 768 }, worker: { apps: { job: '1.1' }, count: 2 } }, '2');

export const combinedUpdate: Scenario = {
  name: 'combined-update',
  async setup(w) {
    await deploy(w, [mixedBase], 'mix 1');
    w.write(repoFiles([mixedUpdate], w.store));
    w.commit('mix 2: db image 1.1, web 768 MiB, job 1.1, one worker less');
  },
  run: ['apply'],
  desired: [mixedUpdate],
};

// 3. A state disk grows: halt, vol-resize, boot, one instance at a time.
const diskBase: ServiceDef = {
  name: 'vault',
  template: 'vault',
  release: '1',
  sshPortBase: 2300,
  tiers: [
    { name: 'kv', order: 1, count: 2, version: '1.0', memory: 512, cpus: 1, apps: { kv: '1.0' }, state: { disk: 1, hooks: true }, domains: 2, maxParallel: 1 },
  ],
};
const diskGrown = withTiers(diskBase, { kv: { state: { disk: 2, hooks: true } } }, '2');

export const diskGrowth: Scenario = {
  name: 'disk-growth',
  async setup(w) {
    await deploy(w, [diskBase], 'vault 1');
    w.write(repoFiles([diskGrown], w.store));
    w.commit('vault 2: 2 GiB state disks');
  },
  run: ['apply'],
  desired: [diskGrown],
};

// 4. A rollback to deployment 1 after an update to v2 (a replace and a refresh); the apply after it
//    must keep the rollback's pin.
const rbV1: ServiceDef = {
  name: 'cart',
  template: 'cart',
  release: '1',
  sshPortBase: 2400,
  tiers: [
    { name: 'db', order: 1, count: 1, version: '1.0', memory: 512, cpus: 1, apps: { pg: '15' }, state: { disk: 1, hooks: true }, domains: 1, maxParallel: 1 },
    { name: 'web', order: 2, count: 2, version: '1.0', memory: 512, cpus: 1, apps: { web: '1.0' }, domains: 2, maxParallel: 1 },
  ],
};
const rbV2 = withTiers(rbV1, { db: { version: '2.0' }, web: { apps: { web: '2.0' } } }, '2');

export const rollbackScenario: Scenario = {
  name: 'rollback',
  async setup(w) {
    await deploy(w, [rbV1], 'cart 1');
    await deploy(w, [rbV2], 'cart 2');
  },
  run: ['rollback', 'cart', '--to', '1', '--yes'],
  desired: [rbV1],
};

// 5. autoRollback: a replace of a stateful tier whose first instance fails its first probe; the
//    rollout is returned to 1.0. The apply after the kill (the fault gone) must reach 2.0.
const arV1: ServiceDef = {
  name: 'ledger',
  template: 'ledger',
  release: '1',
  tiers: [
    {
      name: 'db',
      order: 1,
      count: 2,
      version: '1.0',
      memory: 512,
      cpus: 1,
      apps: { pg: '15' },
      state: { disk: 1, hooks: true },
      domains: 2,
      maxParallel: 1,
      autoRollback: true,
    },
  ],
};
const arV2 = withTiers(arV1, { db: { version: '2.0' } }, '2');

export const autoRollback: Scenario = {
  name: 'auto-rollback',
  async setup(w) {
    await deploy(w, [arV1], 'ledger 1');
    w.write(repoFiles([arV2], w.store));
    w.commit('ledger 2: db image 2.0');
  },
  beforeRun(w) {
    w.model.setUnhealthy('ledger-db-1', 1);
  },
  run: ['apply'],
  runExit: 1,
  desired: [arV2],
};

// 6. health.minReady: 1: every instance is probed twice, a second apart.
const mrV1: ServiceDef = {
  name: 'api',
  template: 'api',
  release: '1',
  sshPortBase: 2500,
  tiers: [{ name: 'api', order: 1, count: 2, version: '1.0', memory: 512, cpus: 1, apps: { api: '1.0' }, domains: 2, maxParallel: 1, minReady: 1 }],
};
const mrV2 = withTiers(mrV1, { api: { apps: { api: '1.1' } } }, '2');

export const minReady: Scenario = {
  name: 'min-ready',
  async setup(w) {
    await deploy(w, [mrV1], 'api 1');
    w.write(repoFiles([mrV2], w.store));
    w.commit('api 2: api 1.1');
  },
  run: ['apply'],
  desired: [mrV2],
};

export { shopV1, deploy };
