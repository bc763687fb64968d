// The built binary, as users run it: `node dist/cli.js` and `npx svcplan` in this project.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PlanDocument } from '../../src/model/types.js';
import type { TempRepo } from '../support/git-repo.js';
import { DIST_CLI, exampleRepo, makeRealisticChange, PROJECT_ROOT, svcplanBinary } from './run-cli.js';

const execFileAsync = promisify(execFile);
let repo: TempRepo;
beforeAll(async () => {
  repo = await exampleRepo();
  await makeRealisticChange(repo);
});
afterAll(async () => {
  await repo?.cleanup();
});

describe('dist/cli.js', () => {
  it('starts with a shebang so npm can link it as the svcplan bin', async () => {
    const pkg = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(join(PROJECT_ROOT, pkg.bin.svcplan)).toBe(DIST_CLI);
    expect((await readFile(DIST_CLI, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('validates and plans the example repository, json on stdout, exit 0', async () => {
    const valid = await svcplanBinary(['validate', '--repo', repo.dir]);
    expect(valid).toEqual({ code: 0, stdout: 'valid: 2 templates, 3 services, 13 instances\n', stderr: '' });
    const plan = await svcplanBinary(['plan', '--format', 'json', '--base', 'HEAD'], { cwd: repo.dir });
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(0);
    expect((JSON.parse(plan.stdout) as PlanDocument).summary).toEqual({ create: 1, refresh: 6, restart: 2, replace: 4, destroy: 0, none: 0 });
  });

  it('exits 2 with a located error and no stack trace on an invalid file', async () => {
    const broken = await exampleRepo();
    try {
      await broken.write({ 'templates/bad.yaml': 'apiVersion: svcplan/v1\nkind: ServiceTemplate\nname: [oops\n' });
      const r = await svcplanBinary(['plan', '--repo', broken.dir]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^templates\/bad\.yaml:\d+:\d+: /m);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await broken.cleanup();
    }
  });

  it('runs from a copy of its files alone (no node_modules), the YAML parser loaded only when a file needs it', async () => {
    const alone = await mkdtemp(join(tmpdir(), 'svcplan-cli-alone-'));
    const broken = await exampleRepo();
    try {
      const dist = join(PROJECT_ROOT, 'dist');
      for (const name of await readdir(dist)) if (name === 'cli.js' || name.startsWith('cli-')) await copyFile(join(dist, name), join(alone, name));
      await writeFile(join(alone, 'package.json'), '{ "type": "module" }\n');
      const run = (args: string[]) =>
        execFileAsync(process.execPath, [join(alone, 'cli.js'), ...args]).then(
          (r) => ({ code: 0, ...r }),
          (e: { code: number; stdout: string; stderr: string }) => e,
        );
      expect(await run(['validate', '--repo', repo.dir])).toMatchObject({ code: 0, stdout: 'valid: 2 templates, 3 services, 13 instances\n' });
      // An anchor is beyond the fast reader, and a flow list left open needs the full parser's position.
      await broken.write({
        'templates/anchors.yaml': 'apiVersion: svcplan/v1\nkind: ServiceTemplate\nname: &n anchors\nrelease: *n\n',
        'templates/bad.yaml': 'apiVersion: svcplan/v1\nkind: ServiceTemplate\nname: [oops\n',
      });
      const r = await run(['validate', '--repo', broken.dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^templates\/bad\.yaml:\d+:\d+: .*\(YAML /m);
      expect(r.stderr).toMatch(/^templates\/anchors\.yaml:1:1: the document is missing the required field "images"/m);
    } finally {
      await broken.cleanup();
      await rm(alone, { recursive: true, force: true });
    }
  });

  it('exits 2 on an unknown command and 0 on --help, through the real process exit code', async () => {
    expect((await svcplanBinary(['frobnicate'])).code).toBe(2);
    const help = await svcplanBinary(['plan', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: svcplan plan');
  });

  it('runs as `npm exec svcplan` (npx svcplan) inside this project, with no install step', async () => {
    const pkg = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
    const { stdout } = await execFileAsync('npm', ['exec', '--offline', '--', 'svcplan', '--version'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    expect(stdout.trim()).toBe(pkg.version);
  });
});
