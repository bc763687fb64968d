#!/usr/bin/env node
// Action benchmark: what a workflow step costs before svcplan does any work, and a whole plan
// step on a pull request. Measures, for the bundled dist/action.js run as the runner runs it
// (a fresh node process with INPUT_* variables): process start → first line on stdout (cold
// start, median), start → exit for `command: plan` on a pull_request event against the local
// GitHub API on 127.0.0.1 (comment created or updated), and the bundle's size.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const action = join(root, 'dist/action.js');
const RUNS = Number(process.env.SVCPLAN_BENCH_RUNS ?? 11);
const TARGET = { coldStartMs: 500 };

const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(1);

const supportFile = join(root, 'node_modules/.cache/svcplan-bench/action-support.mjs');
await build({
  stdin: {
    contents:
      "export { startGitHubApi, webhookExample } from './test/support/github-api/index.ts';\nexport { createTempRepo } from './test/support/git-repo.ts';\nexport { repoFiles, template } from './test/action/fixtures.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile: supportFile,
  logLevel: 'warning',
});
const { startGitHubApi, webhookExample, createTempRepo, repoFiles, template } = await import(pathToFileURL(supportFile).href);

const work = mkdtempSync(join(tmpdir(), 'svcplan-action-bench-'));
const repo = await createTempRepo({ files: { 'templates/web.yaml': template() } });
const base = repo.shas[0];
const head = await repo.commit('services', repoFiles());
const api = await startGitHubApi({ owner: 'acme', repo: 'infra', repoDir: repo.dir, token: 'ghs_bench' });
api.state.addPull({ number: 1, head: { ref: 'change', sha: head }, base: { ref: 'main', sha: base } });
const event = webhookExample('pull_request', 'synchronize', { owner: 'acme', repo: 'infra' });
Object.assign(event.pull_request, { number: 1 });
Object.assign(event.pull_request.head, { sha: head });
Object.assign(event.pull_request.base, { sha: base, ref: 'main' });
const eventPath = join(work, 'event.json');
writeFileSync(eventPath, JSON.stringify(event));

function envFor(run) {
  const dir = join(work, `run-${run}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'output'), '');
  writeFileSync(join(dir, 'summary'), '');
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? work,
    GIT_CONFIG_GLOBAL: '/dev/null',
    INPUT_COMMAND: 'plan',
    'INPUT_GITHUB-TOKEN': 'ghs_bench',
    'INPUT_REPO-PATH': '.',
    INPUT_STATE: 'git',
    GITHUB_API_URL: api.url,
    GITHUB_REPOSITORY: 'acme/infra',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_SHA: head,
    RUNNER_TEMP: dir,
  };
}

/** One step as the runner runs it: ms to the first stdout line, ms to exit, exit code. */
function runOnce(run) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstLine;
    const child = spawn(process.execPath, [action], { cwd: repo.dir, env: envFor(run), stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', () => (firstLine ??= performance.now() - started));
    child.on('error', reject);
    child.on('close', (code) => resolve({ firstLine: firstLine ?? NaN, total: performance.now() - started, code }));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const floor = [];
for (let i = 0; i < RUNS; i++) {
  const t = performance.now();
  spawnSync(process.execPath, ['-e', "process.stdout.write('x\\n')"]);
  floor.push(performance.now() - t);
}
await runOnce('warm');
const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await runOnce(i));
const failed = runs.filter((r) => r.code !== 0);
const comments = api.state.commentsOn(1).length;
const violations = api.violations.length;
await api.close();
await repo.cleanup();
rmSync(work, { recursive: true, force: true });

const size = statSync(action).size;
const result = {
  runs: RUNS,
  bundleBytes: size,
  coldStartMs: Math.round(median(runs.map((r) => r.firstLine))),
  planStepMs: Math.round(median(runs.map((r) => r.total))),
  nodeFloorMs: Math.round(median(floor)),
};
console.log(
  `action: bundle ${(size / 1024 / 1024).toFixed(2)} MB; cold start to first line ${result.coldStartMs} ms (node -e floor ${result.nodeFloorMs} ms); ` +
    `whole plan step on a pull request ${result.planStepMs} ms (median of ${RUNS})`,
);
let ok = true;
if (failed.length > 0) {
  console.error(`action bench: ${failed.length} run(s) failed`);
  ok = false;
}
if (comments !== 1 || violations !== 0) {
  console.error(`action bench: expected one plan comment and no API violations, got ${comments} comment(s), ${violations} violation(s)`);
  ok = false;
}
if (result.coldStartMs > TARGET.coldStartMs) {
  console.error(`action bench: cold start ${result.coldStartMs} ms misses the ${TARGET.coldStartMs} ms target`);
  ok = false;
}
console.log(JSON.stringify(result));
process.exit(ok ? 0 : 1);
