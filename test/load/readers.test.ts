import { chmod, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { UnknownRevisionError } from '../../src/git/git.js';
import { GitRevisionReader, loadDesiredState, WorktreeReader } from '../../src/load/index.js';
import { specDigest } from '../../src/model/digest.js';
import { InputError, type DesiredState } from '../../src/model/types.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { SCRIPTS, SHOP_PROD, validRepoFiles, WEB_SHOP } from './fixtures.js';

const repos: TempRepo[] = [];
async function repoWith(files?: Record<string, string>): Promise<TempRepo> {
  const repo = await createTempRepo({ files });
  repos.push(repo);
  return repo;
}
afterAll(async () => {
  await Promise.all(repos.map((r) => r.cleanup()));
});

describe('reading at a Git revision versus the working tree', () => {
  it('reads each commit as it was, without checking anything out, and the working tree as it is', async () => {
    const repo = await repoWith(validRepoFiles());
    const [first] = repo.shas;
    const second = await repo.commit('bigger web tier', { 'templates/web-shop.yaml': WEB_SHOP.replace('memory: 2048', 'memory: 4096') });
    await repo.write({ 'templates/web-shop.yaml': WEB_SHOP.replace('memory: 2048', 'memory: 8192') }); // uncommitted

    const memoryAt = async (state: Promise<DesiredState>) => (await state).services[0].tiers.find((t) => t.name === 'web')!.instance.memory;
    expect(await memoryAt(GitRevisionReader.open(repo.dir, first).then(loadDesiredState))).toBe(2048);
    expect(await memoryAt(GitRevisionReader.open(repo.dir, 'HEAD~1').then(loadDesiredState))).toBe(2048);
    expect(await memoryAt(GitRevisionReader.open(repo.dir, 'main').then(loadDesiredState))).toBe(4096);
    expect(await memoryAt(WorktreeReader.open(repo.dir).then(loadDesiredState))).toBe(8192);
    // Reading a revision left the uncommitted change alone.
    expect(await readFile(join(repo.dir, 'templates/web-shop.yaml'), 'utf8')).toContain('memory: 8192');

    expect((await GitRevisionReader.open(repo.dir, 'main')).revision).toEqual({ ref: 'main', commit: second });
    expect((await GitRevisionReader.open(repo.dir, first.slice(0, 10))).revision).toEqual({ ref: first.slice(0, 10), commit: first });
    expect((await WorktreeReader.open(repo.dir)).revision).toEqual({ ref: 'WORKTREE', commit: second });
  });

  it('gives the working tree of a repository without commits, or without Git, an empty commit', async () => {
    const repo = await repoWith();
    expect((await WorktreeReader.open(repo.dir)).revision).toEqual({ ref: 'WORKTREE', commit: '' });
    const plain = await mkdtemp(join(tmpdir(), 'svcplan-nogit-'));
    try {
      expect((await WorktreeReader.open(plain)).revision).toEqual({ ref: 'WORKTREE', commit: '' });
    } finally {
      await rm(plain, { recursive: true, force: true });
    }
  });

  it('refuses an unknown ref with a message naming it', async () => {
    const repo = await repoWith(validRepoFiles());
    const opening = GitRevisionReader.open(repo.dir, 'no-such-branch');
    await expect(opening).rejects.toBeInstanceOf(UnknownRevisionError);
    await expect(opening).rejects.toThrow(/unknown revision "no-such-branch"/);
    await expect(GitRevisionReader.open(repo.dir, '--output=/tmp/x')).rejects.toThrow(/not a valid revision name/);
  });

  it('lists files under folders, sorted, and reads only files that exist at that revision', async () => {
    const repo = await repoWith({ ...validRepoFiles(), 'templates/sub/b.yml': 'x', 'templates/a.txt': 'y', 'other/c.yaml': 'z' });
    await repo.write({ 'templates/uncommitted.yaml': 'w' });
    const reader = await GitRevisionReader.open(repo.dir, 'HEAD');
    expect(await reader.list(['templates', 'nowhere'])).toEqual(['templates/a.txt', 'templates/sub/b.yml', 'templates/web-shop.yaml']);
    expect(await reader.list(['.'])).toContain('other/c.yaml');
    expect(await reader.read('templates/a.txt')).toBe('y');
    expect(await reader.read('./templates//a.txt')).toBe('y');
    expect(await reader.read('templates/uncommitted.yaml')).toBeUndefined();
    expect(await reader.read('templates')).toBeUndefined(); // a folder is not a file
    expect(await reader.read('../etc/passwd')).toBeUndefined();

    const worktree = new WorktreeReader(repo.dir);
    expect(await worktree.list(['templates'])).toEqual(['templates/a.txt', 'templates/sub/b.yml', 'templates/uncommitted.yaml', 'templates/web-shop.yaml']);
    expect(await worktree.read('templates/missing.yaml')).toBeUndefined();
    expect(await worktree.read('/etc/hostname')).toBeUndefined();
  });

  it('the working tree reader skips .git, .svcplan and node_modules', async () => {
    const repo = await repoWith(validRepoFiles());
    await repo.write({ '.svcplan/state/x.yaml': 'a', 'node_modules/p/t.yaml': 'b', 'templates/node_modules/q.yaml': 'c' });
    const all = await new WorktreeReader(repo.dir).list(['']);
    expect(all.filter((p) => /(^|\/)(\.git|\.svcplan|node_modules)\//.test(p))).toEqual([]);
    expect(all).toContain('templates/web-shop.yaml');
  });

  it('follows symlinks inside the repository at a revision', async () => {
    const repo = await repoWith(validRepoFiles());
    await symlink('../shared/install.sh', join(repo.dir, 'apps/install-link.sh'));
    await repo.commit('link', { 'shared/install.sh': 'echo linked\n' });
    const reader = await GitRevisionReader.open(repo.dir, 'HEAD');
    expect(await reader.read('apps/install-link.sh')).toBe('echo linked\n');
  });
});

describe('a revision read alongside the working tree', () => {
  it('takes the files the working tree has unchanged from it, and the rest from Git', async () => {
    const repo = await repoWith({
      ...validRepoFiles(),
      'data/same.yaml': 'a: 1\n',
      'data/changed.yaml': 'b: 1\n',
      'data/crlf.yaml': 'c: 1\n',
      'data/latin1.yaml': 'd: é\n',
    });
    await repo.write({
      'data/changed.yaml': 'b: 2\n',
      'data/crlf.yaml': 'c: 1\r\n',
      'data/gone.yaml': null,
      'templates/web-shop.yaml': WEB_SHOP.replace('memory: 2048', 'memory: 4096'),
    });
    await writeFile(join(repo.dir, 'data/latin1.yaml'), Buffer.from('d: \xe9\n', 'latin1')); // not UTF-8: never the blob
    await repo.commit('one more', { 'data/gone.yaml': 'e: 1\n' });
    await repo.write({ 'data/gone.yaml': null });
    const worktree = new WorktreeReader(repo.dir);
    const asked: string[] = [];
    const alike = { revision: worktree.revision, list: (f: string[]) => worktree.list(f), read: (p: string) => (asked.push(p), worktree.read(p)) };
    const plain = await GitRevisionReader.open(repo.dir, 'HEAD~1');
    const reader = await GitRevisionReader.open(repo.dir, 'HEAD~1', { alike });
    for (const path of [
      'data/same.yaml',
      'data/changed.yaml',
      'data/crlf.yaml',
      'data/latin1.yaml',
      'templates/web-shop.yaml',
      'data/gone.yaml',
      'apps/shop/install.sh',
    ]) {
      expect(await reader.read(path)).toBe(await plain.read(path));
    }
    expect(await reader.read('data/changed.yaml')).toBe('b: 1\n');
    expect(await reader.read('data/latin1.yaml')).toBe('d: é\n');
    expect(await reader.read('data/gone.yaml')).toBeUndefined(); // not at HEAD~1
    // Every YAML file of the revision was looked for in the working tree, each once.
    expect(asked.sort()).toEqual((await plain.list([''])).filter((p) => p.endsWith('.yaml')).sort());
    expect((await loadDesiredState(reader)).services).toEqual((await loadDesiredState(plain)).services);
  });

  it('tells which files exist without reading them, following symlinks', async () => {
    const repo = await repoWith(validRepoFiles());
    await symlink('../shared/install.sh', join(repo.dir, 'apps/install-link.sh'));
    await symlink('../shared/missing.sh', join(repo.dir, 'apps/dangling.sh'));
    await repo.commit('links', { 'shared/install.sh': 'echo linked\n' });
    const reader = await GitRevisionReader.open(repo.dir, 'HEAD');
    for (const [path, there] of [
      ['apps/shop/install.sh', true],
      ['apps/install-link.sh', true],
      ['apps/dangling.sh', false],
      ['apps/none.sh', false],
      ['apps', false],
      ['../x', false],
    ] as const) {
      expect([path, await reader.exists(path)]).toEqual([path, there]);
      expect([path, (await reader.read(path)) !== undefined]).toEqual([path, there]);
    }
  });
});

describe('a templates repository in a sub-folder of a Git work tree', () => {
  it('keeps paths relative to the sub-folder, at a revision and in the working tree', async () => {
    const inner = Object.fromEntries(Object.entries(validRepoFiles()).map(([p, c]) => [`ops/vms/${p}`, c]));
    const repo = await repoWith({ ...inner, 'templates/outside.yaml': 'not: [svcplan', 'README.md': 'top' });
    const sub = join(repo.dir, 'ops/vms');
    for (const reader of [await GitRevisionReader.open(sub, 'HEAD'), await WorktreeReader.open(sub)]) {
      const state = await loadDesiredState(reader);
      expect(state.services[0].files).toEqual({ template: 'templates/web-shop.yaml', service: 'services/shop-prod.yaml' });
      expect(state.revision.commit).toBe(repo.shas[0]);
      expect(await reader.read('README.md')).toBeUndefined();
      expect(await reader.read('apps/shop/install.sh')).toBe(SCRIPTS['apps/shop/install.sh']);
    }
  });
});

describe('an invalid revision is reported like an invalid working tree', () => {
  it('names the revision when a script is missing there', async () => {
    const files = validRepoFiles();
    delete (files as Record<string, string>)['apps/shop/install.sh'];
    const repo = await repoWith(files);
    await repo.write({ 'apps/shop/install.sh': 'echo only on disk\n' });
    const error = await GitRevisionReader.open(repo.dir, 'main')
      .then(loadDesiredState)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      `templates/web-shop.yaml:16:42: tiers.web.apps.shop.install: "apps/shop/install.sh" does not exist at this revision (main, ${repo.shas[0].slice(0, 12)}); paths are relative to the repository root`,
    );
    await expect(WorktreeReader.open(repo.dir).then(loadDesiredState)).resolves.toBeDefined();
  });
});

describe('spec digests', () => {
  it('depend on what a service is, not on the files it came from', async () => {
    const a = (await loadDesiredState(new WorktreeReader(await repoWith(validRepoFiles()).then((r) => r.dir)))).services[0];
    const moved = { ...a, files: { template: 'x.yaml', service: 'y.yaml' } };
    expect(specDigest(moved)).toBe(specDigest(a));
    const bigger = { ...a, tiers: a.tiers.map((t) => ({ ...t, count: t.count + 1 })) };
    expect(specDigest(bigger)).not.toBe(specDigest(a));
  });
});

describe('loading a large repository', () => {
  it('plans 1,050 files with a handful of git processes, not one per file', async () => {
    const files: Record<string, string> = { ...SCRIPTS };
    for (let i = 0; i < 50; i++) {
      files[`templates/t${i}.yaml`] = WEB_SHOP.replace('name: web-shop', `name: t${i}`);
    }
    for (let i = 0; i < 1000; i++) {
      files[`services/s${i}.yaml`] = SHOP_PROD.replace('name: shop-prod', `name: s${i}`).replace('template: web-shop', `template: t${i % 50}`);
    }
    const repo = await repoWith(files);

    // A git on PATH that logs each invocation, then runs the real one.
    const shimDir = await mkdtemp(join(tmpdir(), 'svcplan-gitshim-'));
    const log = join(shimDir, 'calls.log');
    const realGit = (await import('node:child_process')).execFileSync('sh', ['-c', 'command -v git']).toString().trim();
    await writeFile(join(shimDir, 'git'), `#!/bin/sh\necho "$1" >> "${log}"\nexec "${realGit}" "$@"\n`);
    await chmod(join(shimDir, 'git'), 0o755);
    const oldPath = process.env.PATH;
    process.env.PATH = `${shimDir}${delimiter}${oldPath}`;
    try {
      const started = performance.now();
      const state = await loadDesiredState(await GitRevisionReader.open(repo.dir, 'HEAD'));
      const elapsed = performance.now() - started;
      expect(state.services).toHaveLength(1000);
      expect(state.templates).toHaveLength(50);
      const calls = (await readFile(log, 'utf8')).trim().split('\n');
      expect(calls.length).toBeLessThanOrEqual(5);
      expect(calls.filter((c) => c === 'cat-file').length).toBeLessThanOrEqual(2);
      // Generous for a shared machine; typically well under a second.
      expect(elapsed).toBeLessThan(5000);
    } finally {
      process.env.PATH = oldPath;
      await rm(shimDir, { recursive: true, force: true });
    }
  });
});
