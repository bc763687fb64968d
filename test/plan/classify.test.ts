import { everyProvisioner, provisionersFor } from '../../src/apply/provisioners.js';
import { classifyInstanceChange, classifyTierPolicyChange } from '../../src/plan/index.js';
import type { InstanceSpec } from '../../src/model/types.js';
import { instanceSpec, tier } from './fixtures.js';

const base = instanceSpec({ state: { disk: 10, save: 'save.sh', restore: 'restore.sh', onScaleIn: 'retain' } });
const changed = (edit: (s: InstanceSpec) => void): InstanceSpec => {
  const copy = structuredClone(base);
  edit(copy);
  return copy;
};

describe('classifyInstanceChange: every row of the classification table', () => {
  const rows: [string, (s: InstanceSpec) => void, string, unknown, unknown, string][] = [
    ['image box', (s) => (s.image.box = 'svcplan/debian-13'), 'image.box', 'svcplan/debian-12', 'svcplan/debian-13', 'replace'],
    ['image version', (s) => (s.image.version = '12.8.0'), 'image.version', '12.7.1', '12.8.0', 'replace'],
    ['provider', (s) => (s.target.provider = 'libvirt'), 'target.provider', 'virtualbox', 'libvirt', 'replace'],
    ['runner', (s) => (s.target.runner = 'hv-02'), 'target.runner', 'hv-01', 'hv-02', 'replace'],
    ['provider option added', (s) => (s.target.options = { nested: true }), 'target.options.nested', null, true, 'replace'],
    ['SSH endpoint', (s) => (s.target.ssh = { host: '127.0.0.1', portBase: 2600 }), 'target.ssh', null, { host: '127.0.0.1', portBase: 2600 }, 'restart'],
    ['cpus', (s) => (s.cpus = 4), 'cpus', 2, 4, 'restart'],
    ['memory', (s) => (s.memory = 4096), 'memory', 2048, 4096, 'restart'],
    ['state disk grows', (s) => (s.state!.disk = 20), 'state.disk', 10, 20, 'restart'],
    ['setting changed', (s) => (s.settings.SHOP_MODE = 'staging'), 'settings.SHOP_MODE', 'production', 'staging', 'refresh'],
    ['setting added', (s) => (s.settings.NEW = 'x'), 'settings.NEW', null, 'x', 'refresh'],
    ['setting removed', (s) => delete (s.settings as Record<string, string>).SHOP_MODE, 'settings.SHOP_MODE', 'production', null, 'refresh'],
    ['app version', (s) => (s.apps.shop.version = '4.3.0'), 'apps.shop.version', '4.2.0', '4.3.0', 'refresh'],
    ['app install script', (s) => (s.apps.shop.install = 'apps/shop/v2.sh'), 'apps.shop.install', 'apps/shop/install.sh', 'apps/shop/v2.sh', 'refresh'],
    ['app added', (s) => (s.apps.cache = { version: '1.0' }), 'apps.cache', null, { version: '1.0' }, 'refresh'],
    ['app removed', (s) => (s.apps = {}), 'apps.shop', { version: '4.2.0', install: 'apps/shop/install.sh' }, null, 'refresh'],
    ['features', (s) => (s.features = ['nginx', 'redis']), 'features', ['nginx'], ['nginx', 'redis'], 'refresh'],
    ['save hook', (s) => (s.state!.save = 'save2.sh'), 'state.save', 'save.sh', 'save2.sh', 'none'],
    ['restore hook', (s) => (s.state!.restore = 'r2.sh'), 'state.restore', 'restore.sh', 'r2.sh', 'none'],
    ['scale-in policy', (s) => (s.state!.onScaleIn = 'delete'), 'state.onScaleIn', 'retain', 'delete', 'none'],
  ];
  it.each(rows)('%s', (_label, edit, path, from, to, action) => {
    const result = classifyInstanceChange(base, changed(edit));
    expect(result.reasons).toEqual([{ path, from, to, action }]);
    expect(result.action).toBe(action);
  });

  it('adding a state disk is a restart', () => {
    const from = instanceSpec();
    const to = instanceSpec({ state: { disk: 5, onScaleIn: 'retain' } });
    expect(classifyInstanceChange(from, to)).toEqual({
      action: 'restart',
      reasons: [{ path: 'state.disk', from: null, to: 5, action: 'restart' }],
    });
  });

  it('no change gives action none and no reasons', () => {
    expect(classifyInstanceChange(base, structuredClone(base))).toEqual({ action: 'none', reasons: [] });
  });

  it('the most disruptive change wins and every reason is kept', () => {
    const to = changed((s) => {
      s.settings.SHOP_MODE = 'eu';
      s.memory = 4096;
      s.image.version = '12.8.0';
      s.state!.save = 'other.sh';
    });
    const result = classifyInstanceChange(base, to);
    expect(result.action).toBe('replace');
    expect(result.reasons.map((r) => `${r.path}:${r.action}`)).toEqual([
      'image.version:replace',
      'memory:restart',
      'state.save:none',
      'settings.SHOP_MODE:refresh',
    ]);
    const restartAndRefresh = classifyInstanceChange(
      base,
      changed((s) => ((s.cpus = 8), (s.features = []))),
    );
    expect(restartAndRefresh.action).toBe('restart');
    expect(restartAndRefresh.reasons).toHaveLength(2);
  });

  it('reasons come out in the same order whatever the key order of settings', () => {
    const a = instanceSpec({ settings: { A: '1', B: '2' } });
    const b1 = instanceSpec({ settings: { B: '3', A: '4' } });
    const b2 = instanceSpec({ settings: { A: '4', B: '3' } });
    expect(classifyInstanceChange(a, b1)).toEqual(classifyInstanceChange(a, b2));
    expect(classifyInstanceChange(a, b1).reasons.map((r) => r.path)).toEqual(['settings.A', 'settings.B']);
  });
});

describe('classifyTierPolicyChange', () => {
  it('gives release, description, health and rollout changes with action none', () => {
    const a = tier('web');
    const b = tier('web', { description: 'front', health: { ...a.health, timeout: 300 }, rollout: { maxParallel: 1 } });
    expect(classifyTierPolicyChange({ release: '2.1', tier: a }, { release: '2.2', tier: b })).toEqual([
      { path: 'release', from: '2.1', to: '2.2', action: 'none' },
      { path: 'description', from: null, to: 'front', action: 'none' },
      { path: 'health.timeout', from: 120, to: 300, action: 'none' },
      { path: 'rollout.maxParallel', from: 2, to: 1, action: 'none' },
    ]);
  });
});

describe('provisionersFor', () => {
  it('runs only what the changes need', () => {
    const to = changed((s) => {
      s.features = ['nginx', 'redis'];
      s.apps.shop.version = '5.0.0';
      s.apps.cache = { version: '1' };
      s.settings.X = 'y';
      s.memory = 1;
      s.state!.save = 'x.sh';
    });
    expect(provisionersFor(classifyInstanceChange(base, to).reasons)).toEqual(['features', 'settings', 'app-cache', 'app-shop']);
    expect(
      provisionersFor(
        classifyInstanceChange(
          base,
          changed((s) => (s.settings.A = 'b')),
        ).reasons,
      ),
    ).toEqual(['settings']);
    expect(
      provisionersFor(
        classifyInstanceChange(
          base,
          changed((s) => (s.cpus = 9)),
        ).reasons,
      ),
    ).toEqual([]);
  });
  it('a removed app is named, so the driver removes it from the VM', () => {
    expect(
      provisionersFor(
        classifyInstanceChange(
          base,
          changed((s) => (s.apps = {})),
        ).reasons,
      ),
    ).toEqual(['app-shop']);
  });
  it('an instance whose condition is unknown reruns every provisioner it has', () => {
    expect(everyProvisioner(base)).toEqual(['features', 'settings', 'app-shop']);
  });
});
