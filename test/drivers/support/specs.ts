// Service specs built by hand for driver tests: the smallest realistic service and variations.
import type { DriverInstance } from '../../../src/apply/driver.js';
import type { InstanceSpec, ServiceSpec, TierSpec } from '../../../src/model/types.js';
import { instanceName } from '../../../src/model/types.js';
import { assignSshPorts } from '../../../src/load/resolve.js';

export function instanceSpec(overrides: Partial<InstanceSpec> = {}): InstanceSpec {
  return {
    image: { box: 'test/tiny-v1', version: '1.0.0' },
    cpus: 1,
    memory: 256,
    features: [],
    apps: {},
    settings: {},
    target: { provider: 'libvirt', options: {} },
    ...overrides,
  };
}

export function tierSpec(name: string, instance: InstanceSpec, overrides: Partial<TierSpec> = {}): TierSpec {
  return {
    name,
    count: 2,
    scale: { min: 1, max: 4 },
    health: { timeout: 60, minReady: 0 },
    rollout: { upgradeDomains: 2, maxParallel: 1, pauseBetweenDomains: 0, order: 1, maxDisruption: 'replace', autoRollback: false },
    instance,
    ...overrides,
  };
}

/** A service; its SSH ports, when given, reach the instance specs as resolving a service assigns them. */
export function serviceSpec(name: string, tiers: TierSpec[], target: Partial<ServiceSpec['target']> = {}): ServiceSpec {
  const withPorts = tiers.map((t) => ({ ...t, instance: { ...t.instance, target: { ...t.instance.target } } }));
  assignSshPorts(withPorts, target.ssh);
  return {
    name,
    template: 'tiny',
    release: '1',
    target: { driver: 'vagrant', provider: tiers[0]?.instance.target.provider ?? 'libvirt', options: {}, ...target },
    tiers: withPorts,
    files: { template: 'templates/tiny.yaml', service: `services/${name}.yaml` },
  };
}

/** Every instance of every tier, each with its tier's spec. */
export function instancesOf(service: ServiceSpec): DriverInstance[] {
  return service.tiers.flatMap((tier) =>
    Array.from({ length: tier.count }, (_, i) => ({
      service: service.name,
      tier: tier.name,
      index: i + 1,
      name: instanceName(service.name, tier.name, i + 1),
      spec: tier.instance,
    })),
  );
}
