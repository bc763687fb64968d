// Which of an instance's named provisioners a refresh or restart runs (SPEC section 3): only the
// ones its changes need. Any app may read any setting, so settings have one provisioner of their
// own rather than rerunning every app.

import type { InstanceSpec, PlanReason } from '../model/types.js';
import type { ProvisionerName } from './driver.js';

/** The provisioners the reasons of a refresh or restart call for, in the order they run. */
export function provisionersFor(reasons: PlanReason[]): ProvisionerName[] {
  const names = new Set<ProvisionerName>();
  for (const r of reasons) {
    if (r.action !== 'refresh' && r.action !== 'restart') continue;
    if (r.path === 'features') names.add('features');
    else if (r.path.startsWith('settings.')) names.add('settings');
    else if (r.path.startsWith('apps.')) {
      // A removed app is named too: the driver, which no longer finds it in the spec, removes it
      // from the VM instead of installing it.
      names.add(`app-${r.path.slice('apps.'.length).split('.')[0]}`);
    }
  }
  return ordered(names);
}

/** Everything an instance has, for an instance whose condition is unknown (an older record's failed step). */
export function everyProvisioner(spec: InstanceSpec): ProvisionerName[] {
  return ordered(new Set<ProvisionerName>(['features', 'settings', ...Object.keys(spec.apps).map((app): ProvisionerName => `app-${app}`)]));
}

/** Features first (OS packages the apps may need), then settings, then apps by name. */
export function ordered(names: Iterable<ProvisionerName>): ProvisionerName[] {
  const rank = (n: ProvisionerName) => (n === 'features' ? 0 : n === 'settings' ? 1 : 2);
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
