// Runs the CLI the two ways users meet it: in-process through runCli, and as the built binary.
import { execFile } from 'node:child_process';
import { cp, readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runCli } from '../../src/cli/run.js';
import { createTempRepo, type FileChanges, type TempRepo } from '../support/git-repo.js';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXAMPLE_REPO = join(PROJECT_ROOT, 'templates');
export const DIST_CLI = join(PROJECT_ROOT, 'dist/cli.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function svcplan(argv: string[], opts: { cwd?: string; isTTY?: boolean; env?: Record<string, string | undefined> } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    isTTY: opts.isTTY ?? false,
    env: opts.env ?? {},
    cwd: opts.cwd,
  });
  return { code, stdout, stderr };
}

const execFileAsync = promisify(execFile);

/** The bundled binary as a child process, the way `npx svcplan` runs it. */
export async function svcplanBinary(argv: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  if (!existsSync(DIST_CLI)) throw new Error(`${DIST_CLI} is missing: run npm run build (npm test does)`);
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [DIST_CLI, ...argv], {
      cwd: opts.cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...opts.env },
      maxBuffer: 64 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw error;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Every file of the example templates repository, by repository-relative path. */
export async function exampleFiles(): Promise<FileChanges> {
  const files: FileChanges = {};
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else files[relative(EXAMPLE_REPO, full)] = await readFile(full);
    }
  }
  await walk(EXAMPLE_REPO);
  return files;
}

/** A real Git repository holding the example templates repository as its first commit. */
export async function exampleRepo(): Promise<TempRepo> {
  const repo = await createTempRepo();
  await cp(EXAMPLE_REPO, repo.dir, { recursive: true });
  await repo.commit('example templates');
  return repo;
}

/** Replaces one exact piece of text in a file of the repository's working tree. */
export async function edit(repo: TempRepo, path: string, from: string, to: string): Promise<void> {
  const text = await readFile(join(repo.dir, path), 'utf8');
  if (!text.includes(from)) throw new Error(`${path} does not contain ${JSON.stringify(from)}`);
  await repo.write({ [path]: text.replace(from, to) });
}

/** The demo's change: an app version, database memory, the worker OS image, one more staging web. */
export async function makeRealisticChange(repo: TempRepo): Promise<void> {
  await edit(repo, 'templates/web-shop.yaml', 'shop: { version: "4.2.0"', 'shop: { version: "4.3.0"');
  await edit(repo, 'templates/web-shop.yaml', 'memory: 4096', 'memory: 8192');
  await edit(repo, 'templates/job-worker.yaml', 'version: "12.20240905.1"', 'version: "12.20241201.1"');
  await edit(repo, 'services/shop-staging.yaml', 'count: 2', 'count: 3');
}
