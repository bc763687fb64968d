// Broken repositories through the whole CLI: every one exits 2 with a located error on stderr,
// nothing on stdout, and never a stack trace. Each case breaks one file of the example.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TempRepo } from '../support/git-repo.js';
import { exampleRepo, svcplan } from './run-cli.js';

type Mutation = [name: string, file: string, change: (text: string) => string];

const MUTATIONS: Mutation[] = [
  ['unclosed flow mapping', 'templates/web-shop.yaml', (t) => t.replace('scale: { min: 2, max: 10 }', 'scale: { min: 2, max: 10')],
  ['tab indentation', 'templates/job-worker.yaml', (t) => t.replace('    cpus: 1\n', '\tcpus: 1\n')],
  ['wrong type', 'templates/web-shop.yaml', (t) => t.replace('cpus: 2', 'cpus: two')],
  ['negative memory', 'templates/job-worker.yaml', (t) => t.replace('memory: 1024', 'memory: -1024')],
  ['unknown key', 'templates/web-shop.yaml', (t) => t.replace('    cpus: 2\n', '    cpus: 2\n    cpu: 2\n')],
  ['unknown apiVersion', 'services/shop-prod.yaml', (t) => t.replace('apiVersion: svcplan/v1', 'apiVersion: svcplan/v2')],
  ['unknown kind', 'services/jobs-prod.yaml', (t) => t.replace('kind: Service', 'kind: Servce')],
  ['missing template', 'services/shop-staging.yaml', (t) => t.replace('template: web-shop', 'template: webshop')],
  ['override of a tier the template lacks', 'services/shop-prod.yaml', (t) => t.replace('  web: { count: 4', '  front: { count: 4')],
  ['count above scale', 'services/shop-prod.yaml', (t) => t.replace('count: 4', 'count: 40')],
  [
    'image not declared',
    'templates/job-worker.yaml',
    (t) => t.replace('    image: debian12\n    cpus: 1\n    memory: 1024\n    count: 2', '    image: debian13\n    cpus: 1\n    memory: 1024\n    count: 2'),
  ],
  ['install script missing', 'templates/job-worker.yaml', (t) => t.replace('apps/worker/install.sh', 'apps/worker/setup.sh')],
  ['duplicate service name', 'services/shop-staging.yaml', (t) => t.replace('name: shop-staging', 'name: shop-prod')],
  ['bad provider', 'services/jobs-prod.yaml', (t) => t.replace('provider: libvirt', 'provider: hyperv')],
  ['duplicate key', 'templates/web-shop.yaml', (t) => t.replace('release: "2.1"', 'release: "2.1"\nrelease: "2.2"')],
  ['bad config', 'svcplan.yaml', (t) => t.replace('store: local', 'store: s3')],
  ['garbage bytes', 'services/jobs-prod.yaml', () => '\u0000\u0001\u0002: [}\n'],
];

let repo: TempRepo;
const original: Record<string, string> = {};
beforeAll(async () => {
  repo = await exampleRepo();
  for (const [, file] of MUTATIONS) original[file] ??= await readFile(join(repo.dir, file), 'utf8');
});
afterAll(async () => {
  await repo?.cleanup();
});

describe('every broken repository is refused with a located error', () => {
  it.each(MUTATIONS)('%s (%s)', async (_name, file, change) => {
    const mutated = change(original[file]);
    expect(mutated).not.toBe(original[file]);
    await repo.write({ [file]: mutated });
    try {
      for (const argv of [['validate'], ['plan'], ['plan', '--format', 'json']]) {
        const r = await svcplan([...argv, '--repo', repo.dir]);
        expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
        expect(r.stderr).toMatch(/^[\w./-]+\.ya?ml:\d+:\d+: \S/m);
        expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
        if (argv.length === 1) expect(r.stdout).toBe('');
      }
    } finally {
      await repo.write({ [file]: original[file] });
    }
  });
});
