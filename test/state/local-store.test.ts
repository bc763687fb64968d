import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { LocalStateStore, openStateStore, LeaseHeldError, LeaseLostError } from '../../src/state/index.js';
import { record, tempDir } from './fixtures.js';

describe('local state store', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('writes one file per service under .svcplan/state and keeps it out of git', async () => {
    const store = await openStateStore({ kind: 'local', repoDir: dir });
    expect(await store.read()).toEqual({});
    await store.writeService(record('shop-prod', 1), 'first');
    await store.writeService(record('jobs', 1), 'first');
    await store.writeService(record('shop-prod', 2), 'second');
    expect(readFileSync(path.join(dir, '.svcplan/.gitignore'), 'utf8')).toBe('*\n');
    const state = await store.read();
    expect(Object.keys(state)).toEqual(['jobs', 'shop-prod']);
    expect(state['shop-prod'].revision.release).toBe('2');
    // No temporary files are left behind by the atomic writes.
    expect(readdirSync(path.join(dir, '.svcplan/state')).sort()).toEqual(['jobs.json', 'shop-prod.json']);
  });

  it('never leaves a torn file: a reader sees the old record or the new one', async () => {
    const store = new LocalStateStore(dir);
    const big = record('shop-prod', 0);
    big.instances = Array.from({ length: 2000 }, (_, i) => ({ ...big.instances[0], name: `shop-prod-web-${i + 1}`, index: i + 1 }));
    await store.writeService(big, 'x');
    const writes = Array.from({ length: 20 }, (_, i) => store.writeService({ ...big, revision: { ...big.revision, release: String(i) } }, 'x'));
    const reads = Array.from({ length: 40 }, () => store.readService('shop-prod'));
    const results = await Promise.all(reads);
    await Promise.all(writes);
    for (const r of results) expect(r!.instances).toHaveLength(2000);
  });

  it('names the file and what to do when a record is corrupt', async () => {
    const store = new LocalStateStore(dir);
    mkdirSync(path.join(dir, '.svcplan/state'), { recursive: true });
    writeFileSync(path.join(dir, '.svcplan/state/shop-prod.json'), '{"name": "shop-prod",');
    await expect(store.read()).rejects.toThrow(/shop-prod\.json: recorded state is not valid JSON/);
  });

  it('refuses service names that would escape the state folder', async () => {
    const store = new LocalStateStore(dir);
    await expect(store.writeService(record('../evil'), 'x')).rejects.toThrow(/invalid service name/);
    expect(existsSync(path.join(dir, '.svcplan/evil.json'))).toBe(false);
  });

  it('gives the lease to one caller at a time and tells the second who holds it', async () => {
    const store = new LocalStateStore(dir);
    const other = new LocalStateStore(dir);
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => (i % 2 ? store : other).acquireLease('shop-prod', `runner-${i}`, 60)));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(LeaseHeldError);
      expect(r.reason.message).toMatch(/service shop-prod is being applied by runner-\d/);
    }
    const lease = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof store.acquireLease>>>).value;
    await store.releaseLease(lease);
    const next = await other.acquireLease('shop-prod', 'later', 60);
    expect(next.owner).toBe('later');
  });

  it('takes over an expired lease, and the old holder can neither renew nor release it', async () => {
    const store = new LocalStateStore(dir);
    const old = await store.acquireLease('shop-prod', 'old-run', 0.05);
    await new Promise((r) => setTimeout(r, 80));
    const fresh = await store.acquireLease('shop-prod', 'new-run', 60);
    await expect(store.renewLease(old, 60)).rejects.toBeInstanceOf(LeaseLostError);
    await store.releaseLease(old);
    await expect(store.acquireLease('shop-prod', 'third', 60)).rejects.toThrow(/being applied by new-run/);
    const renewed = await store.renewLease(fresh, 120);
    expect(Date.parse(renewed.expiresAt)).toBeGreaterThan(Date.parse(fresh.expiresAt));
  });

  it('takes over at once a lease whose process on this host is gone', async () => {
    const child = spawn(process.execPath, ['-e', '0']);
    const pid = child.pid!;
    await new Promise((r) => child.on('exit', r));
    const leaseDir = path.join(dir, '.svcplan/state/leases');
    mkdirSync(leaseDir, { recursive: true });
    const { hostname } = await import('node:os');
    writeFileSync(
      path.join(leaseDir, 'shop-prod.json'),
      JSON.stringify({
        service: 'shop-prod',
        owner: 'killed-run',
        expiresAt: new Date(Date.now() + 3600_000).toISOString(),
        holder: { host: hostname(), pid },
      }),
    );
    const lease = await new LocalStateStore(dir).acquireLease('shop-prod', 'resumer', 60);
    expect(lease.owner).toBe('resumer');
  });
});
