// A small templates repository, and recorded state for it written by the real git state store.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPLY_WORKFLOW, APPLY_WORKFLOW_EXAMPLE } from '../../src/github/apply-workflow.js';
import { GitRevisionReader, loadDesiredState } from '../../src/load/index.js';
import { specDigest } from '../../src/model/digest.js';
import { instanceName, type Deployment, type ServiceRecord, type ServiceSpec } from '../../src/model/types.js';
import { GitStateStore } from '../../src/state/index.js';
import { ROOT } from '../action/run-action.js';
import type { TempRepo } from '../support/git-repo.js';

export const CONFIG = `apiVersion: svcplan/v1
kind: Config
state: { store: git, branch: svcplan-state }
defaultBranch: main
`;

export function template(opts: { release?: string; version?: string; memory?: number | string } = {}): string {
  return `apiVersion: svcplan/v1
kind: ServiceTemplate
name: web-shop
release: "${opts.release ?? '1.0'}"
images:
  debian12: { box: debian/bookworm64, version: "${opts.version ?? '12.1.0'}" }
tiers:
  web:
    image: debian12
    cpus: 2
    memory: ${opts.memory ?? 2048}
    count: 2
    scale: { min: 1, max: 10 }
    features: [nginx]
    apps:
      shop: { version: "4.2.0" }
    state: { disk: 10 }
    rollout: { upgradeDomains: 2, maxParallel: 1 }
`;
}

export function service(name: string, tmpl = 'web-shop', runner?: string): string {
  return `apiVersion: svcplan/v1
kind: Service
name: ${name}
template: ${tmpl}
target: { driver: vagrant, provider: virtualbox${runner ? `, runner: ${runner}` : ''} }
`;
}

/** The apply workflow svcplan ships, byte for byte as a user copies it into a repository. */
export const SHIPPED_APPLY_WORKFLOW = readFileSync(join(ROOT, APPLY_WORKFLOW_EXAMPLE));

export const BASE_FILES = {
  'svcplan.yaml': CONFIG,
  'templates/web-shop.yaml': template(),
  'services/shop-prod.yaml': service('shop-prod'),
  'README.md': '# infra\n',
  [`.github/workflows/${APPLY_WORKFLOW}`]: SHIPPED_APPLY_WORKFLOW,
};

export async function specAt(repo: TempRepo, commit: string, name: string): Promise<ServiceSpec> {
  const desired = await loadDesiredState(await GitRevisionReader.open(repo.dir, commit));
  const spec = desired.services.find((s) => s.name === name);
  if (!spec) throw new Error(`${name} is not defined at ${commit}`);
  return spec;
}

/**
 * Records `name` as applied twice (deployment 1 at `first`, deployment 2 at `second`), on the
 * state branch of the repository, through the git state store.
 */
export async function recordTwoDeployments(repo: TempRepo, name: string, first: string, second: string): Promise<ServiceRecord> {
  const specs = [await specAt(repo, first, name), await specAt(repo, second, name)];
  const at = '2024-05-01T10:00:00.000Z';
  const history: Deployment[] = specs.map((spec, i) => ({
    id: i + 1,
    kind: 'apply',
    revision: { commit: i === 0 ? first : second, ref: 'main', release: spec.release },
    planDigest: `sha256:${String(i + 1).repeat(64)}`,
    startedAt: at,
    finishedAt: at,
    result: 'succeeded',
    spec,
  }));
  const current = specs[1];
  const record: ServiceRecord = {
    name,
    template: current.template,
    revision: { commit: second, ref: 'main', release: current.release, specDigest: specDigest(current) },
    spec: current,
    instances: current.tiers.flatMap((tier) =>
      Array.from({ length: tier.count }, (_, k) => ({
        name: instanceName(name, tier.name, k + 1),
        tier: tier.name,
        index: k + 1,
        spec: tier.instance,
        status: 'ready' as const,
        updatedAt: at,
      })),
    ),
    retainedDisks: [],
    history,
  };
  const store = new GitStateStore(repo.dir, { remote: null });
  await store.writeService(record, `record ${name}`);
  return record;
}
