#!/usr/bin/env node
// Bot benchmark: a pull request changes a template used by 100 services. Measures, for the real
// bot process (dist/bot.js) against the local GitHub API on 127.0.0.1: webhook sent → plan
// comment written (median, p95), webhook sent → delivery answered (the check run is finished by
// then), and the REST requests one delivery costs. Results go to docs/benchmarks.md.
import { spawn, spawnSync } from 'node:child_process';
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const SERVICES = 100;
const RUNS = Number(process.env.SVCPLAN_BENCH_RUNS ?? 21);
const TARGET = { requests: 10, medianMs: 300 };

if (!existsSync(join(root, 'dist/bot.js'))) {
  const b = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}

// The local GitHub API and the repository helpers are TypeScript test support; bundle them once.
const work = mkdtempSync(join(tmpdir(), 'svcplan-bot-bench-'));
// Inside the project, so the bundle's package imports resolve from its node_modules.
const supportFile = join(root, 'node_modules/.cache/svcplan-bench/bot-support.mjs');
await build({
  stdin: {
    contents: [
      "export { startGitHubApi } from './test/support/github-api/index.ts';",
      "export { createTempRepo } from './test/support/git-repo.ts';",
      "export { recordTwoDeployments, CONFIG } from './test/bot/fixtures.ts';",
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: supportFile,
  packages: 'external',
  logLevel: 'warning',
});
const support = await import(pathToFileURL(supportFile).href);

const template = (version) => `apiVersion: svcplan/v1
kind: ServiceTemplate
name: web-shop
release: "1.0"
images:
  debian12: { box: debian/bookworm64, version: "${version}" }
tiers:
  web:
    image: debian12
    cpus: 2
    memory: 2048
    count: 3
    scale: { min: 1, max: 10 }
    features: [nginx]
    apps:
      shop: { version: "4.2.0" }
    state: { disk: 10 }
    rollout: { upgradeDomains: 3, maxParallel: 1 }
`;
const files = { 'svcplan.yaml': support.CONFIG, 'templates/web-shop.yaml': template('12.1.0') };
for (let i = 1; i <= SERVICES; i++) {
  files[`services/svc-${String(i).padStart(3, '0')}.yaml`] = `apiVersion: svcplan/v1
kind: Service
name: svc-${String(i).padStart(3, '0')}
template: web-shop
target: { driver: vagrant, provider: libvirt }
tiers: { web: { settings: { SHARD: "${i}" } } }
`;
}

const repo = await support.createTempRepo({ files });
const base = repo.shas[0];
process.stdout.write(`recording ${SERVICES} services on svcplan-state… `);
for (let i = 1; i <= SERVICES; i++) await support.recordTwoDeployments(repo, `svc-${String(i).padStart(3, '0')}`, base, base);
console.log('done');
await repo.runGit(['checkout', '-q', '-b', 'new-image']);
const heads = [
  await repo.commit('image 12.2.0', { 'templates/web-shop.yaml': template('12.2.0') }),
  await repo.commit('image 12.3.0', { 'templates/web-shop.yaml': template('12.3.0') }),
];

const token = `ghs_${randomUUID()}`;
const api = await support.startGitHubApi({ owner: 'acme', repo: 'infra', repoDir: repo.dir, token, actor: 'svcplan[bot]' });
api.state.addPull({ number: 1, head: { ref: 'new-image', sha: heads[0] }, base: { ref: 'main', sha: base } });
// Arrival time of every request, to see when the comment was written.
const arrivals = new WeakMap();
const push = api.requests.push;
api.requests.push = function (...items) {
  for (const item of items) arrivals.set(item, performance.now());
  return push.apply(this, items);
};

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const secret = randomUUID();
const port = 30000 + Math.floor(Math.random() * 20000);
const bot = spawn(process.execPath, [...(process.env.SVCPLAN_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), join(root, 'dist/bot.js')], {
  cwd: work,
  env: {
    ...process.env,
    APP_ID: '12345',
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET: secret,
    GITHUB_API_URL: api.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    NODE_ENV: 'production',
    SVCPLAN_WRITE_SPACING_MS: '0',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const cleanup = async () => {
  bot.kill('SIGTERM');
  await api.close();
  await repo.cleanup();
  rmSync(work, { recursive: true, force: true });
};
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/ping`)).ok) break;
    } catch {}
    if (i > 200 || bot.exitCode !== null) throw new Error('the bot did not start');
    await new Promise((r) => setTimeout(r, 50));
  }

  const payloadFor = (head, n) => ({
    action: 'synchronize',
    number: 1,
    installation: { id: 1 },
    repository: {
      id: 1296269,
      name: 'infra',
      full_name: 'acme/infra',
      owner: { login: 'acme', id: 1, type: 'Organization' },
      default_branch: 'main',
      private: false,
    },
    sender: { login: 'alice', id: 2, type: 'User' },
    pull_request: { number: 1, id: 1, state: 'open', base: { ref: 'main', sha: base }, head: { ref: 'new-image', sha: head }, title: `bench ${n}` },
  });

  async function deliver(n) {
    const head = heads[n % 2];
    api.state.pulls.get(1).head.sha = head;
    const body = JSON.stringify(payloadFor(head, n));
    const first = api.requests.length;
    const sent = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'pull_request',
        'x-github-delivery': randomUUID(),
        'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
      },
      body,
    });
    await res.text();
    const answered = performance.now();
    if (res.status !== 200) throw new Error(`delivery ${n} answered ${res.status}`);
    const mine = api.requests.slice(first);
    const commentWrite = mine.find(
      (r) =>
        (r.route?.startsWith('/repos/{owner}/{repo}/issues/') && (r.method === 'POST' || r.method === 'PATCH') && r.route.endsWith('comments')) ||
        r.route === '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    );
    if (!commentWrite) throw new Error(`delivery ${n} wrote no plan comment`);
    return { commentMs: arrivals.get(commentWrite) - sent, answeredMs: answered - sent, requests: mine.length };
  }

  const cold = await deliver(0);
  await deliver(1); // both heads' blobs are now cached
  const runs = [];
  for (let n = 2; n < RUNS + 2; n++) runs.push(await deliver(n));
  if (api.violations.length > 0) throw new Error(`OpenAPI violations: ${JSON.stringify(api.violations)}`);
  const comment = stats(runs.map((r) => r.commentMs));
  const answered = stats(runs.map((r) => r.answeredMs));
  const requests = Math.max(...runs.map((r) => r.requests));
  const plan = api.state.commentsOn(1)[0]?.body ?? '';
  if (!plan.includes('svc-100')) throw new Error('the plan comment does not list svc-100');
  const ok = requests <= TARGET.requests && comment.median < TARGET.medianMs;
  const date = new Date().toISOString().slice(0, 10);
  const result = [
    `Results (${date}, Node ${process.version}, ${RUNS} warm deliveries, ${SERVICES} services × 3 instances = ${SERVICES * 3} replacements):`,
    '',
    '| measure | median | p95 |',
    '|---|---:|---:|',
    `| webhook sent → plan comment written | ${comment.median.toFixed(0)} ms | ${comment.p95.toFixed(0)} ms |`,
    `| webhook sent → delivery answered (check run finished) | ${answered.median.toFixed(0)} ms | ${answered.p95.toFixed(0)} ms |`,
    '',
    `REST requests per delivery: ${requests} warm (target ≤ ${TARGET.requests}); the first delivery after start: ${cold.requests} ` +
      `(${cold.answeredMs.toFixed(0)} ms: installation token and every file and state blob fetched once). ` +
      `Target ${ok ? 'met' : 'MISSED'}.`,
  ].join('\n');
  console.log(result);
  const doc = join(root, 'docs/benchmarks.md');
  const marker = '<!-- bot benchmark results -->';
  const text = readFileSync(doc, 'utf8');
  if (text.includes(marker)) {
    const [head] = text.split(marker);
    const after = text.slice(text.indexOf(marker) + marker.length);
    // Results run to the next section (or the end of the file).
    const next = after.search(/\n## /);
    writeFileSync(doc, `${head}${marker}\n${result}\n${next >= 0 ? after.slice(next) : ''}`);
  }
  await cleanup();
  process.exit(ok ? 0 : 1);
} catch (error) {
  console.error(`bot bench: ${error.message}`);
  await cleanup();
  process.exit(1);
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}
