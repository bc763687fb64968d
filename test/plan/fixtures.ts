// Builders for plan inputs: services as the loader would resolve them, records as an apply would
// write them, and a locator that finds nodes in real YAML written from the same specs.

import { LineCounter, parseDocument, stringify } from 'yaml';
import type { DesiredState, InstanceSpec, RecordedState, ServiceRecord, ServiceSpec, SourceLocator, TierSpec } from '../../src/model/types.js';

export interface TierOptions extends Partial<Omit<TierSpec, 'instance' | 'rollout'>> {
  instance?: Partial<InstanceSpec>;
  rollout?: Partial<TierSpec['rollout']>;
}

export function instanceSpec(overrides: Partial<InstanceSpec> = {}): InstanceSpec {
  return {
    image: { box: 'svcplan/debian-12', version: '12.7.1' },
    cpus: 2,
    memory: 2048,
    features: ['nginx'],
    apps: { shop: { version: '4.2.0', install: 'apps/shop/install.sh' } },
    settings: { SHOP_MODE: 'production' },
    target: { provider: 'virtualbox', runner: 'hv-01', options: {} },
    ...overrides,
  };
}

export function tier(name: string, options: TierOptions = {}): TierSpec {
  const { instance, rollout, ...rest } = options;
  return {
    name,
    count: 3,
    scale: { min: 0, max: 20 },
    health: { command: 'systemctl is-active shop', timeout: 120, minReady: 5 },
    ...rest,
    rollout: {
      upgradeDomains: 3,
      maxParallel: 2,
      pauseBetweenDomains: 0,
      order: 1,
      maxDisruption: 'replace',
      autoRollback: false,
      ...rollout,
    },
    instance: instanceSpec(instance),
  };
}

export function service(name: string, tiers: TierSpec[], overrides: Partial<ServiceSpec> = {}): ServiceSpec {
  const template = overrides.template ?? 'web-shop';
  return {
    name,
    template,
    release: '2.1',
    target: { driver: 'vagrant', provider: 'virtualbox', runner: 'hv-01', options: {} },
    tiers: [...tiers].sort((a, b) => a.rollout.order - b.rollout.order || a.name.localeCompare(b.name)),
    files: { template: `templates/${template}.yaml`, service: `services/${name}.yaml` },
    ...overrides,
  };
}

/** The template file a spec came from, written out so that errors can point into it. */
export function templateYaml(spec: ServiceSpec): string {
  const tiers: Record<string, unknown> = {};
  for (const t of spec.tiers) {
    tiers[t.name] = {
      image: 'main',
      cpus: t.instance.cpus,
      memory: t.instance.memory,
      count: t.count,
      features: t.instance.features,
      apps: t.instance.apps,
      settings: t.instance.settings,
      ...(t.instance.state ? { state: t.instance.state } : {}),
      health: t.health,
      rollout: t.rollout,
    };
  }
  return stringify({
    apiVersion: 'svcplan/v1',
    kind: 'ServiceTemplate',
    name: spec.template,
    release: spec.release,
    images: { main: spec.tiers[0]?.instance.image ?? {} },
    tiers,
  });
}

/** Locates YAML paths in the given files the way the loader's locator does; unknown paths throw. */
export function yamlLocator(files: Record<string, string>): SourceLocator {
  return {
    locate(file, path) {
      const text = files[file];
      if (text === undefined) throw new Error(`no such file ${file}`);
      const lines = new LineCounter();
      const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: true });
      const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (!range) throw new Error(`no node at ${path.join('.')} in ${file}`);
      const pos = lines.linePos(range[0]);
      return { line: pos.line, column: pos.col };
    },
  };
}

export function desiredState(services: ServiceSpec[], commit = 'b'.repeat(40)): DesiredState {
  const files: Record<string, string> = {};
  for (const s of services) files[s.files.template] ??= templateYaml(s);
  return { revision: { ref: 'HEAD', commit }, templates: [], services, locator: yamlLocator(files) };
}

export function recordOf(spec: ServiceSpec, edit: (record: ServiceRecord) => void = () => {}): ServiceRecord {
  const record: ServiceRecord = {
    name: spec.name,
    template: spec.template,
    revision: { commit: 'a'.repeat(40), ref: 'main', release: spec.release, specDigest: 'sha256:recorded' },
    spec,
    instances: spec.tiers.flatMap((t) =>
      Array.from({ length: t.count }, (_, i) => ({
        name: `${spec.name}-${t.name}-${i + 1}`,
        tier: t.name,
        index: i + 1,
        spec: t.instance,
        status: 'ready' as const,
        updatedAt: '2024-05-01T10:00:00.000Z',
      })),
    ),
    retainedDisks: [],
    history: [],
  };
  edit(record);
  return record;
}

export function recorded(...records: ServiceRecord[]): RecordedState {
  return Object.fromEntries(records.map((r) => [r.name, r]));
}

export const BASE = { ref: 'main', commit: 'a'.repeat(40) };
