import { mkdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { Git, GitError, UnknownRevisionError } from '../../src/git/git.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';

const repos: TempRepo[] = [];
async function repo(files?: Record<string, string>, branch?: string): Promise<TempRepo> {
  const r = await createTempRepo({ files, branch });
  repos.push(r);
  return r;
}
afterAll(async () => {
  await Promise.all(repos.map((r) => r.cleanup()));
});

describe('Git', () => {
  it('resolves refs to full commit shas, and names an unknown one', async () => {
    const r = await repo({ 'a.txt': '1' });
    await r.runGit(['tag', '-a', 'v1', '-m', 'release one']);
    const git = new Git(r.dir);
    expect(await git.revParse('main')).toBe(r.shas[0]);
    expect(await git.revParse('v1')).toBe(r.shas[0]); // an annotated tag peels to its commit
    expect(await git.tryRevParse('nope')).toBeUndefined();
    await expect(git.revParse('nope')).rejects.toBeInstanceOf(UnknownRevisionError);
    await expect(git.revParse('-h')).rejects.toThrow(/not a valid revision name/);
  });

  it('carries git’s stderr in its errors', async () => {
    const git = new Git((await repo({ 'a.txt': '1' })).dir);
    const error = await git.run(['show', 'main:missing.txt']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).stderr).toMatch(/missing\.txt/);
    expect((error as GitError).message).toContain((error as GitError).stderr);
    expect((error as GitError).exitCode).toBe(128);
  });

  it('returns stdout exactly and passes input', async () => {
    const git = new Git((await repo({ 'a.txt': 'line\n' })).dir);
    expect(await git.run(['show', 'main:a.txt'])).toBe('line\n');
    expect((await git.run(['hash-object', '--stdin'], { input: 'line\n' })).trim()).toMatch(/^[0-9a-f]{40}$/);
  });

  it('knows the top of the work tree and the prefix of a sub-folder', async () => {
    const r = await repo({ 'ops/vms/a.txt': '1' });
    await mkdir(join(r.dir, 'ops/vms'), { recursive: true });
    const sub = new Git(join(r.dir, 'ops/vms'));
    expect(await sub.topLevel()).toBe(await realpath(r.dir));
    expect(await sub.prefix()).toBe('ops/vms/');
    expect(await new Git(r.dir).prefix()).toBe('');
  });

  it('reads many blobs through one cat-file, missing ones as undefined', async () => {
    const r = await repo({ 'a.txt': 'A\n', 'b.bin': '\u0000\u0001\n\n' });
    const git = new Git(r.dir);
    const entries = await git.lsTree(r.shas[0]);
    expect(entries.map((e) => e.path)).toEqual(['a.txt', 'b.bin']);
    const blobs = git.catFileBatch();
    const [a, b, missing] = await Promise.all([
      blobs.read(entries[0].object),
      blobs.read(entries[1].object),
      blobs.read('0123456789012345678901234567890123456789'),
    ]);
    expect(a!.toString()).toBe('A\n');
    expect([...b!]).toEqual([0, 1, 10, 10]);
    expect(missing).toBeUndefined();
    await expect(blobs.read('not an id')).rejects.toBeInstanceOf(GitError);
  });
});
