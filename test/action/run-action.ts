// Runs the bundled Action (dist/action.js) as GitHub's runner does: a child process with INPUT_*
// variables, an event payload file, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files to read back.
import { execFile, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ACTION = join(ROOT, 'dist', 'action.js');

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** The bundle this test file runs: a snapshot of dist/action.js taken once it is fresh. */
let snapshot: string | undefined;

/**
 * Builds dist/ when dist/action.js is missing or older than any source file, then snapshots it:
 * a build started elsewhere meanwhile rewrites dist/ and must not hand a half-written file to a
 * running test.
 */
export async function ensureActionBuilt(): Promise<void> {
  const built = existsSync(ACTION) ? statSync(ACTION).mtimeMs : 0;
  if (built <= (await newestMtime(join(ROOT, 'src')))) {
    await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT });
  }
  const dir = join(ROOT, 'node_modules', '.cache', 'svcplan-action-test');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `action-${process.pid}-${Date.now()}.js`);
  await copyFile(ACTION, path);
  snapshot = path;
}

export async function removeActionSnapshot(): Promise<void> {
  if (snapshot) await rm(snapshot, { force: true });
  snapshot = undefined;
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface RunActionOptions {
  inputs: Record<string, string>;
  eventName: string;
  event: unknown;
  apiUrl: string;
  workspace: string;
  repository: string;
  sha?: string;
  ref?: string;
  env?: Record<string, string>;
}

/** GITHUB_OUTPUT as @actions/core writes it: `name<<DELIM\nvalue\nDELIM\n`. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (m) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
      out[m[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      out[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return out;
}

export async function runAction(opts: RunActionOptions): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), 'svcplan-action-run-'));
  try {
    const eventPath = join(dir, 'event.json');
    const outputPath = join(dir, 'output');
    const summaryPath = join(dir, 'summary.md');
    await writeFile(eventPath, JSON.stringify(opts.event));
    await writeFile(outputPath, '');
    await writeFile(summaryPath, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'github-actions[bot]',
      GIT_AUTHOR_EMAIL: 'github-actions[bot]@users.noreply.github.com',
      GIT_COMMITTER_NAME: 'github-actions[bot]',
      GIT_COMMITTER_EMAIL: 'github-actions[bot]@users.noreply.github.com',
      GITHUB_ACTIONS: 'true',
      GITHUB_API_URL: opts.apiUrl,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: opts.repository,
      GITHUB_EVENT_NAME: opts.eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_WORKSPACE: opts.workspace,
      GITHUB_RUN_ID: '4242',
      GITHUB_SHA: opts.sha ?? '',
      GITHUB_REF: opts.ref ?? 'refs/heads/main',
      RUNNER_TEMP: join(dir, 'runner-temp'),
      ...opts.env,
    };
    for (const [name, value] of Object.entries(opts.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolvePromise, reject) => {
      const child = spawn(process.execPath, [snapshot ?? ACTION], { cwd: opts.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (c) => resolvePromise({ code: c ?? -1, stdout, stderr }));
    });
    const outputs = parseOutputFile(await readFile(outputPath, 'utf8'));
    // The plan and drift files live in this run's temp dir; keep their content for the test before cleanup.
    for (const name of ['plan-json', 'drift-json']) {
      const path = outputs[name];
      if (path && existsSync(path)) outputs[`${name}-content`] = await readFile(path, 'utf8');
    }
    return { code, stdout, stderr, outputs, summary: await readFile(summaryPath, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
