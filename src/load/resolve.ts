// From validated documents to complete model objects: defaults filled in, so nothing downstream
// ever has to guess one, and each service resolved against its template.
import type {
  AppSpec,
  InstanceSpec,
  ServiceDefinition,
  ServiceSpec,
  ServiceTemplate,
  ServiceTierOverride,
  SshEndpoint,
  Target,
  TierSpec,
  TierTemplate,
} from '../model/types.js';

/**
 * A deep copy of data read from YAML or JSON (objects, lists, scalars), as structuredClone makes
 * it, several times faster for the many small objects a thousand services have.
 */
export function cloneData<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cloneData) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return structuredClone(value);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const member = cloneData((value as Record<string, unknown>)[key]);
    // An own "__proto__" key (YAML can have one) stays a key, not the copy's prototype.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: member, enumerable: true, writable: true, configurable: true });
    else copy[key] = member;
  }
  return copy as T;
}

/** A scalar's text as written, for numbers whose written form matters (`1.10` is not `1.1`). */
export type SourceOf = (path: (string | number)[]) => string | undefined;

// Schema-checked YAML, read field by field into the typed model.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = Record<string, any>;

export function settingsFrom(raw: Raw | undefined, sourceOf: SourceOf, basePath: (string | number)[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    if (typeof value === 'number') {
      const written = sourceOf([...basePath, key]);
      out[key] = written !== undefined && !/^["']/.test(written) ? written : String(value);
    } else {
      out[key] = String(value);
    }
  }
  return out;
}

/** A template document (already schema-valid) with every default filled in. */
export function templateFromDocument(raw: Raw, file: string, sourceOf: SourceOf): ServiceTemplate {
  const images: ServiceTemplate['images'] = {};
  for (const [key, image] of Object.entries(raw.images as Raw)) images[key] = { box: image.box, version: image.version };
  const tiers: Record<string, TierTemplate> = {};
  for (const [name, tier] of Object.entries(raw.tiers as Raw)) {
    const apps: Record<string, AppSpec> = {};
    for (const [app, spec] of Object.entries((tier.apps ?? {}) as Raw)) {
      apps[app] = { version: spec.version, ...(spec.install !== undefined ? { install: spec.install } : {}) };
    }
    const health = tier.health ?? {};
    const rollout = tier.rollout ?? {};
    tiers[name] = {
      ...(tier.description !== undefined ? { description: tier.description } : {}),
      image: tier.image,
      cpus: tier.cpus ?? 1,
      memory: tier.memory ?? 1024,
      count: tier.count ?? 1,
      scale: { min: tier.scale?.min ?? 0, max: tier.scale?.max ?? 100 },
      features: [...(tier.features ?? [])],
      apps,
      settings: settingsFrom(tier.settings, sourceOf, ['tiers', name, 'settings']),
      ...(tier.state
        ? {
            state: {
              disk: tier.state.disk,
              ...(tier.state.save !== undefined ? { save: tier.state.save } : {}),
              ...(tier.state.restore !== undefined ? { restore: tier.state.restore } : {}),
              onScaleIn: tier.state.onScaleIn ?? 'retain',
            },
          }
        : {}),
      health: {
        ...(health.command !== undefined ? { command: health.command } : {}),
        timeout: health.timeout ?? 300,
        minReady: health.minReady ?? 0,
      },
      rollout: {
        upgradeDomains: rollout.upgradeDomains ?? 1,
        maxParallel: rollout.maxParallel ?? 1,
        pauseBetweenDomains: rollout.pauseBetweenDomains ?? 0,
        order: rollout.order ?? 1,
        maxDisruption: rollout.maxDisruption ?? 'replace',
        autoRollback: rollout.autoRollback ?? false,
      },
    };
  }
  return {
    kind: 'ServiceTemplate',
    name: raw.name,
    release: raw.release,
    ...(raw.description !== undefined ? { description: raw.description } : {}),
    images,
    tiers,
    file,
  };
}

/** A service document (already schema-valid) with every default filled in. */
export function serviceFromDocument(raw: Raw, file: string, sourceOf: SourceOf): ServiceDefinition {
  const target = (raw.target ?? {}) as Raw;
  const resolvedTarget: Target = {
    driver: 'vagrant',
    provider: target.provider ?? 'libvirt',
    ...(target.runner !== undefined ? { runner: target.runner } : {}),
    options: cloneData(target.options ?? {}),
    ...(target.ssh ? { ssh: { host: target.ssh.host ?? '127.0.0.1', portBase: target.ssh.portBase } } : {}),
  };
  const tiers: Record<string, ServiceTierOverride> = {};
  for (const [name, override] of Object.entries((raw.tiers ?? {}) as Raw)) {
    tiers[name] = {
      ...(override.count !== undefined ? { count: override.count } : {}),
      ...(override.settings !== undefined ? { settings: settingsFrom(override.settings, sourceOf, ['tiers', name, 'settings']) } : {}),
    };
  }
  return {
    kind: 'Service',
    name: raw.name,
    template: raw.template,
    ...(raw.description !== undefined ? { description: raw.description } : {}),
    target: resolvedTarget,
    tiers,
    file,
  };
}

/**
 * The service as it should be: its template's tiers with the service's overrides applied.
 *
 * What comes from the template unchanged (image, features, apps, state, health, rollout, scale)
 * and the service's own target are the template's and the service's objects, not copies: the
 * services of one template share them. Resolved specs, like the models they are made from, are
 * only ever read after the load, and a digest writes a shared part once.
 */
export function resolveService(service: ServiceDefinition, template: ServiceTemplate): ServiceSpec {
  const target = service.target;
  const tiers: TierSpec[] = [];
  // Fields set one by one, in the order the spec has always listed them (specs are compared and
  // stored as JSON): a spread of an optional field costs an object of its own.
  for (const [name, tier] of Object.entries(template.tiers)) {
    const override = service.tiers[name];
    const instanceTarget = { provider: target.provider } as InstanceSpec['target'];
    if (target.runner !== undefined) instanceTarget.runner = target.runner;
    instanceTarget.options = target.options;
    if (target.ssh) instanceTarget.ssh = { ...target.ssh };
    const instance = {
      image: template.images[tier.image],
      cpus: tier.cpus,
      memory: tier.memory,
      features: tier.features,
      apps: tier.apps,
      settings: override?.settings === undefined ? tier.settings : { ...tier.settings, ...override.settings },
    } as InstanceSpec;
    if (tier.state) instance.state = tier.state;
    instance.target = instanceTarget;
    const spec = { name, count: override?.count ?? tier.count, scale: tier.scale, health: tier.health, rollout: tier.rollout } as TierSpec;
    if (tier.description !== undefined) spec.description = tier.description;
    spec.instance = instance;
    tiers.push(spec);
  }
  tiers.sort(byRolloutOrder);
  assignSshPorts(tiers, target.ssh);
  return {
    name: service.name,
    template: template.name,
    release: template.release,
    target,
    tiers,
    files: { template: template.file, service: service.file },
  };
}

/**
 * The service's SSH ports, tier by tier: instance n of a tier listens on the tier's first port +
 * n - 1, and each tier (in rollout order) reserves `scale.max` ports, so a tier that grows never
 * moves another's. Each instance spec carries its tier's first port as `target.ssh.portBase`: a
 * change that moves it (a larger scale.max before it, another service portBase) is a change of
 * that instance's spec, planned as a restart, and a VM not restarted yet keeps its port.
 */
export function assignSshPorts(tiers: TierSpec[], ssh: SshEndpoint | undefined): void {
  if (!ssh) return;
  const first = firstSshPorts(tiers, ssh.portBase);
  for (const tier of tiers) tier.instance.target.ssh = { host: ssh.host, portBase: first.get(tier.name)! };
}

type TierLayout = { name: string; count: number; scale: { max: number }; rollout: { order: number } };

/** Tiers in rollout order (then by name): the order of a rollout, and of SSH ports. */
export function byRolloutOrder(a: TierLayout, b: TierLayout): number {
  return a.rollout.order - b.rollout.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** Each tier's first SSH port: tiers in rollout order, each reserving max(scale.max, count) ports. */
export function firstSshPorts(tiers: TierLayout[], portBase: number): Map<string, number> {
  const first = new Map<string, number>();
  let next = portBase;
  for (const tier of [...tiers].sort(byRolloutOrder)) {
    first.set(tier.name, next);
    next += Math.max(tier.scale.max, tier.count);
  }
  return first;
}
