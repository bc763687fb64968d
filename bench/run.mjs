#!/usr/bin/env node
// Runs every bench/*.bench.mjs (those on real VMs only when named), one after the other (they
// time whole processes, so never two at once), against a freshly built dist/. Exits non-zero
// when a benchmark fails or misses its target.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(benchDir);
const only = process.argv.slice(2);

const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('bench: npm run build failed; the benchmarks measure dist/, so they need it built');
  process.exit(1);
}

// Benchmarks that need real VMs (`sudo .ci/setup-vagrant`) run only when named (`npm run bench -- vm`).
const NAMED_ONLY = ['vm.bench.mjs'];
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => (only.length === 0 ? !NAMED_ONLY.includes(f) : only.some((o) => f.includes(o))))
  .sort();
if (files.length === 0) {
  console.error(`bench: no bench/*.bench.mjs${only.length ? ` matching ${only.join(', ')}` : ''}`);
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  console.log(`\n== ${file}`);
  const run = spawnSync(process.execPath, [join(benchDir, file)], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.error(`bench: ${file} failed (exit ${run.status ?? run.signal})`);
  }
}
process.exit(failed ? 1 : 0);
