// Tiny templates repositories for the chaos scenarios, written from a description that also says
// what every instance must end up as (box, version, memory, cpus, apps, state disk): the harness
// checks the hypervisor model against that, not against what svcplan recorded.

export interface TierDef {
  name: string;
  order: number;
  count: number;
  box?: string;
  version: string;
  memory: number;
  cpus: number;
  /** App name → version; each app has an install script apps/<app>/install.sh. */
  apps: Record<string, string>;
  /** A state disk of `disk` GiB; `hooks`: save/restore hooks (apps/<tier>-state/*.sh). */
  state?: { disk: number; hooks?: boolean; onScaleIn?: 'retain' | 'delete' };
  domains: number;
  maxParallel: number;
  /** health.minReady (seconds), default 0; health.timeout default 1. */
  minReady?: number;
  timeout?: number;
  autoRollback?: boolean;
  settings?: Record<string, string>;
}

export interface ServiceDef {
  name: string;
  template: string;
  release: string;
  tiers: TierDef[];
  /** target.ssh.portBase (on 127.0.0.1); without it, guests are reached where vagrant ssh-config says. */
  sshPortBase?: number;
}

export interface ExpectedInstance {
  name: string;
  tier: string;
  box: string;
  version: string;
  memory: number;
  cpus: number;
  apps: Record<string, string>;
  disk?: number;
  hooks: boolean;
}

export const DEFAULT_BOX = 'svcplan/debian-12';

export function expectedInstances(def: ServiceDef): ExpectedInstance[] {
  const out: ExpectedInstance[] = [];
  for (const t of def.tiers) {
    for (let n = 1; n <= t.count; n++) {
      out.push({
        name: `${def.name}-${t.name}-${n}`,
        tier: t.name,
        box: t.box ?? DEFAULT_BOX,
        version: t.version,
        memory: t.memory,
        cpus: t.cpus,
        apps: { ...t.apps },
        ...(t.state ? { disk: t.state.disk } : {}),
        hooks: !!t.state?.hooks,
      });
    }
  }
  return out;
}

/** Every file of the repository (paths relative to its root). */
export function repoFiles(services: ServiceDef[], store: 'local' | 'git'): Record<string, string> {
  const files: Record<string, string> = {
    'svcplan.yaml': `apiVersion: svcplan/v1\nkind: Config\nstate: { store: ${store} }\n`,
    '.gitignore': '.svcplan/\n',
  };
  for (const s of services) {
    const lines = [
      'apiVersion: svcplan/v1',
      'kind: ServiceTemplate',
      `name: ${s.template}`,
      `release: "${s.release}"`,
      'images:',
      ...s.tiers.map((t) => `  img-${t.name}: { box: ${t.box ?? DEFAULT_BOX}, version: "${t.version}" }`),
      'tiers:',
    ];
    for (const t of s.tiers) {
      lines.push(
        `  ${t.name}:`,
        `    image: img-${t.name}`,
        `    cpus: ${t.cpus}`,
        `    memory: ${t.memory}`,
        `    count: ${t.count}`,
        '    scale: { min: 0, max: 10 }',
      );
      const apps = Object.entries(t.apps);
      if (apps.length > 0) {
        lines.push('    apps:');
        for (const [app, version] of apps) {
          lines.push(`      ${app}: { version: "${version}", install: apps/${app}/install.sh }`);
          files[`apps/${app}/install.sh`] = `#!/bin/sh\necho "installing ${app} $APP_VERSION"\n`;
        }
      }
      if (t.settings) {
        lines.push('    settings:');
        for (const [k, v] of Object.entries(t.settings)) lines.push(`      ${k}: "${v}"`);
      }
      if (t.state) {
        const hooks = t.state.hooks ? `, save: apps/${t.name}-state/save.sh, restore: apps/${t.name}-state/restore.sh` : '';
        lines.push(`    state: { disk: ${t.state.disk}${hooks}, onScaleIn: ${t.state.onScaleIn ?? 'retain'} }`);
        if (t.state.hooks) {
          files[`apps/${t.name}-state/save.sh`] = '#!/bin/sh\necho saving state\n';
          files[`apps/${t.name}-state/restore.sh`] = '#!/bin/sh\necho restoring state\n';
        }
      }
      lines.push(
        `    health: { timeout: ${t.timeout ?? 1}, minReady: ${t.minReady ?? 0} }`,
        `    rollout: { upgradeDomains: ${t.domains}, maxParallel: ${t.maxParallel}, pauseBetweenDomains: 0, order: ${t.order}, maxDisruption: replace, autoRollback: ${t.autoRollback ? 'true' : 'false'} }`,
      );
    }
    files[`templates/${s.template}.yaml`] = lines.join('\n') + '\n';
    files[`services/${s.name}.yaml`] =
      `apiVersion: svcplan/v1\nkind: Service\nname: ${s.name}\ntemplate: ${s.template}\n` +
      `target: { driver: vagrant, provider: libvirt${s.sshPortBase !== undefined ? `, ssh: { host: 127.0.0.1, portBase: ${s.sshPortBase} }` : ''} }\n`;
  }
  return files;
}

/** A copy of a service description with some tiers changed. */
export function withTiers(def: ServiceDef, change: Record<string, Partial<TierDef>>, release?: string): ServiceDef {
  return {
    ...def,
    release: release ?? def.release,
    tiers: def.tiers.map((t) => (change[t.name] ? { ...t, ...change[t.name], apps: { ...(change[t.name].apps ?? t.apps) } } : t)),
  };
}
