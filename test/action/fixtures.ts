// Templates repositories for the Action's tests: one small template, services on two runners.

export function template(opts: { memory?: number; version?: string } = {}): string {
  return `apiVersion: svcplan/v1
kind: ServiceTemplate
name: web
release: "1.0"
images:
  debian12: { box: debian/bookworm64, version: "${opts.version ?? '12.1.0'}" }
tiers:
  web:
    image: debian12
    cpus: 1
    memory: ${opts.memory ?? 1024}
    count: 2
    scale: { min: 1, max: 5 }
    features: []
    # Generous: on a loaded machine the stand-in vagrant may take seconds to answer a probe.
    health: { timeout: 60, minReady: 0 }
    rollout: { upgradeDomains: 2, maxParallel: 1, pauseBetweenDomains: 0, order: 1, maxDisruption: replace }
`;
}

export function service(name: string, runner?: string): string {
  return `apiVersion: svcplan/v1
kind: Service
name: ${name}
template: web
target:
  driver: vagrant
  provider: libvirt${runner ? `\n  runner: ${runner}` : ''}
`;
}

/** A repository with one template and, by default, services on runners hv-01, hv-02 and none. */
export function repoFiles(opts: { memory?: number; services?: Record<string, string | undefined> } = {}): Record<string, string> {
  const services = opts.services ?? { 'shop-a': 'hv-01', 'shop-b': 'hv-02', 'shop-c': undefined };
  const files: Record<string, string> = { 'templates/web.yaml': template({ memory: opts.memory }) };
  for (const [name, runner] of Object.entries(services)) files[`services/${name}.yaml`] = service(name, runner);
  return files;
}
