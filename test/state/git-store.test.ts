import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { GitStateStore, LeaseHeldError } from '../../src/state/index.js';
import { git, record, tempDir } from './fixtures.js';

/** A bare origin and a templates repository cloned from it, with one commit on main. */
function originWithClones(root: string, clones: number): { origin: string; dirs: string[] } {
  const origin = path.join(root, 'origin.git');
  git(root, 'init', '--quiet', '--bare', '--initial-branch=main', origin);
  const seed = path.join(root, 'seed');
  git(root, 'init', '--quiet', '--initial-branch=main', seed);
  writeFileSync(path.join(seed, 'README.md'), 'templates\n');
  git(seed, 'add', 'README.md');
  git(seed, 'commit', '--quiet', '-m', 'templates');
  git(seed, 'push', '--quiet', origin, 'main');
  const dirs = Array.from({ length: clones }, (_, i) => {
    const dir = path.join(root, `clone-${i}`);
    git(root, 'clone', '--quiet', origin, dir);
    return dir;
  });
  return { origin, dirs };
}

describe('git state store', () => {
  let root: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir: root, cleanup } = tempDir('svcplan-gitstate-')));
  afterEach(() => cleanup());

  it('commits each write to svcplan-state on origin without touching the working tree, index or HEAD', async () => {
    const { origin, dirs } = originWithClones(root, 2);
    const [a, b] = dirs;
    writeFileSync(path.join(a, 'wip.txt'), 'uncommitted\n');
    git(a, 'add', 'wip.txt');
    const headBefore = git(a, 'rev-parse', 'HEAD');
    const statusBefore = git(a, 'status', '--porcelain');

    const store = new GitStateStore(a);
    await store.writeService(record('shop-prod', 1), 'shop-prod: deployment 1 started');
    await store.writeService(record('shop-prod', 2), 'shop-prod: deployment 1 succeeded');

    expect(git(a, 'rev-parse', 'HEAD')).toBe(headBefore);
    expect(git(a, 'status', '--porcelain')).toBe(statusBefore);
    expect(git(a, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(git(origin, 'log', '--format=%s', 'svcplan-state')).toBe('shop-prod: deployment 1 succeeded\nshop-prod: deployment 1 started');
    expect(git(origin, 'ls-tree', '--name-only', 'svcplan-state')).toBe('shop-prod.json');

    // Another clone reads it through a fetch.
    const fromB = await new GitStateStore(b).read();
    expect(fromB['shop-prod'].revision.release).toBe('2');
    expect(await new GitStateStore(b).readService('nothing')).toBeUndefined();
  });

  it('records drift reports beside the service records, in one commit, unseen by read()', async () => {
    const { origin, dirs } = originWithClones(root, 1);
    const store = new GitStateStore(dirs[0]);
    await store.writeService(record('shop-prod', 1), 'shop-prod: deployment 1 succeeded');
    await store.writeDriftReports({ 'shop-prod': '{"a":1}\n', 'shop-edge': '{"b":2}\n' }, 'drift checked on runner hv-01');
    expect(git(origin, 'log', '-1', '--format=%s', 'svcplan-state')).toBe('drift checked on runner hv-01');
    expect(git(origin, 'ls-tree', '-r', '--name-only', 'svcplan-state').split('\n')).toEqual([
      'drift/shop-edge.json',
      'drift/shop-prod.json',
      'shop-prod.json',
    ]);
    expect(git(origin, 'show', 'svcplan-state:drift/shop-prod.json')).toBe('{"a":1}');
    expect(Object.keys(await store.read())).toEqual(['shop-prod']);
    await expect(store.writeDriftReports({ '../x': '{}' }, 'bad')).rejects.toThrow(/invalid service name/);
    const commits = git(origin, 'rev-list', '--count', 'svcplan-state');
    await store.writeDriftReports({}, 'nothing');
    expect(git(origin, 'rev-list', '--count', 'svcplan-state')).toBe(commits);
  });

  it('loses no update when writers in several clones race', async () => {
    const writers = 4;
    const writesEach = 5;
    const { origin, dirs } = originWithClones(root, writers);
    await Promise.all(
      dirs.map(async (dir, w) => {
        const store = new GitStateStore(dir);
        for (let k = 1; k <= writesEach; k++) await store.writeService(record(`svc-${w}`, k), `svc-${w}: write ${k}`);
      }),
    );
    const state = await new GitStateStore(dirs[0]).read();
    expect(Object.keys(state).sort()).toEqual(dirs.map((_, w) => `svc-${w}`));
    for (let w = 0; w < writers; w++) expect(state[`svc-${w}`].revision.release).toBe(String(writesEach));
    // One commit per write, in one straight line.
    expect(Number(git(origin, 'rev-list', '--count', 'svcplan-state'))).toBe(writers * writesEach);
    expect(Number(git(origin, 'rev-list', '--count', '--merges', 'svcplan-state'))).toBe(0);
  });

  it('gives the lease to one clone at a time; the others are told who holds it', async () => {
    const { dirs } = originWithClones(root, 3);
    const results = await Promise.allSettled(dirs.map((dir, i) => new GitStateStore(dir).acquireLease('shop-prod', `runner-${i}`, 60)));
    const won = results.filter((r) => r.status === 'fulfilled') as PromiseFulfilledResult<Awaited<ReturnType<GitStateStore['acquireLease']>>>[];
    expect(won).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[]) {
      expect(r.reason).toBeInstanceOf(LeaseHeldError);
    }
    const winner = dirs[Number(won[0].value.owner.slice('runner-'.length))];
    await new GitStateStore(winner).releaseLease(won[0].value);
    const again = await new GitStateStore(dirs[0]).acquireLease('shop-prod', 'after', 60);
    expect(again.owner).toBe('after');
  });

  it('takes over an expired lease', async () => {
    const { dirs } = originWithClones(root, 2);
    await new GitStateStore(dirs[0]).acquireLease('shop-prod', 'died', 0.05);
    await new Promise((r) => setTimeout(r, 80));
    const lease = await new GitStateStore(dirs[1]).acquireLease('shop-prod', 'resumer', 60);
    expect(lease.owner).toBe('resumer');
  });

  it('keeps the branch local when the repository has no remote', async () => {
    const dir = path.join(root, 'solo');
    git(root, 'init', '--quiet', '--initial-branch=main', dir);
    const store = new GitStateStore(dir);
    await Promise.all([1, 2, 3].map((k) => new GitStateStore(dir).writeService(record(`svc-${k}`, k), `svc-${k}`)));
    await store.writeService(record('svc-1', 9), 'svc-1 again');
    const state = await store.read();
    expect(Object.keys(state)).toEqual(['svc-1', 'svc-2', 'svc-3']);
    expect(state['svc-1'].revision.release).toBe('9');
    expect(git(dir, 'rev-list', '--count', 'svcplan-state')).toBe('4');
  });
});
