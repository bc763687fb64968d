import { applyPlan } from '../../src/apply/executor.js';
import type { ProgressEvent } from '../../src/apply/types.js';
import { MemoryStateStore } from '../../src/state/index.js';
import { DriverDouble, REV, instance, planFrom, service, tier, type Call } from './support.js';

const owner = 'test-run';

function spans(calls: Call[], names: string[], op?: Call['op']): { start: number; end: number } {
  const picked = calls.filter((c) => names.includes(c.name) && (op ? c.op === op : c.op !== 'health'));
  expect(picked.length).toBeGreaterThan(0);
  return { start: Math.min(...picked.map((c) => c.start)), end: Math.max(...picked.map((c) => c.end)) };
}

describe('applying a plan', () => {
  it('goes tier by rollout order, one upgrade domain at a time, up to maxParallel at once, gating each domain', async () => {
    const store = new MemoryStateStore();
    const driver = new DriverDouble({ delayMs: 40 });
    const svc = service('shop', [
      tier('web', { order: 2, count: 3, domains: 1, maxParallel: 3 }),
      tier('db', { order: 1, count: 6, domains: 2, maxParallel: 2 }),
    ]);
    const events: ProgressEvent[] = [];
    const report = await applyPlan({ plan: await planFrom(store, [svc]), store, driver, owner, revision: REV, onProgress: (e) => events.push(e) });
    expect(report.ok).toBe(true);
    expect(report.services[0].result).toBe('succeeded');

    const db0 = ['shop-db-1', 'shop-db-3', 'shop-db-5'];
    const db1 = ['shop-db-2', 'shop-db-4', 'shop-db-6'];
    const web = ['shop-web-1', 'shop-web-2', 'shop-web-3'];
    // Domain 0 of db, its gate, then domain 1, its gate, then web. Each instance is probed as soon
    // as its own step is done, while the rest of its domain is still being updated.
    for (const name of [...db0, ...db1, ...web]) {
      expect(spans(driver.calls, [name]).end).toBeLessThanOrEqual(spans(driver.calls, [name], 'health').start);
    }
    expect(spans(driver.calls, ['shop-db-1'], 'health').start).toBeLessThan(spans(driver.calls, db0).end);
    expect(spans(driver.calls, db0, 'health').end).toBeLessThanOrEqual(spans(driver.calls, db1).start);
    expect(spans(driver.calls, db1, 'health').end).toBeLessThanOrEqual(spans(driver.calls, web).start);

    // At most maxParallel at once, and really in parallel: db (2) then web (3).
    const overlap = (names: string[]) => {
      const cs = driver.calls.filter((c) => c.op === 'up' && names.includes(c.name));
      // Most calls running at one instant: at each call's start, the calls started and not yet ended.
      return Math.max(...cs.map((c) => cs.filter((d) => d.start <= c.start && c.start < d.end).length));
    };
    expect(overlap([...db0, ...db1])).toBe(2);
    expect(overlap(web)).toBe(3);

    const recorded = (await store.readService('shop'))!;
    expect(recorded.instances.map((i) => `${i.name}:${i.status}`)).toEqual([
      ...['1', '2', '3', '4', '5', '6'].map((n) => `shop-db-${n}:ready`),
      ...['1', '2', '3'].map((n) => `shop-web-${n}:ready`),
    ]);
    expect(recorded.history).toHaveLength(1);
    expect(recorded.history[0]).toMatchObject({ id: 1, kind: 'apply', result: 'succeeded', revision: { commit: REV.commit, ref: 'main', release: '1' } });
    expect(recorded.revision.commit).toBe(REV.commit);

    const kinds = events.map((e) => e.kind);
    expect(kinds[0]).toBe('service-started');
    expect(kinds.filter((k) => k === 'domain-started')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'gate')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'instance-finished')).toHaveLength(9);
    expect(kinds[kinds.length - 1]).toBe('service-finished');
  });

  it("writes each step's phase before the call that follows it, and the gate's result", async () => {
    const store = new MemoryStateStore();
    const svc = service('shop', [tier('web', { count: 2 })]);
    await applyPlan({ plan: await planFrom(store, [svc]), store, driver: new DriverDouble(), owner, revision: REV });
    expect(store.writes.flatMap((w) => w.message.split(/\n+/))).toEqual([
      'shop: deployment 1 started (apply of aaaaaaa)',
      'shop: shop-web-1 create creating: create (deployment 1)',
      'shop: shop-web-1 create created (deployment 1)',
      'shop: shop-web-2 create creating: create (deployment 1)',
      'shop: shop-web-2 create created (deployment 1)',
      'shop: health gate of tier web domain 0 passed: shop-web-1, shop-web-2',
      'shop: deployment 1 succeeded',
    ]);
  });

  it('stops at a failed step and reports what was done and what was not', async () => {
    const store = new MemoryStateStore();
    const v1 = service('shop', [tier('web', { count: 4, domains: 2 })]);
    const first = new DriverDouble();
    await applyPlan({ plan: await planFrom(store, [v1]), store, driver: first, owner, revision: REV });
    const v2 = service('shop', [tier('web', { count: 4, domains: 2, instance: { settings: { MODE: 'eu' } } })]);
    const driver = new DriverDouble({
      world: first.world,
      failOn: (op, name) => (op === 'provision' && name === 'shop-web-3' ? 'vagrant provision exited with 1' : undefined),
    });
    const report = await applyPlan({ plan: await planFrom(store, [v2]), store, driver, owner, revision: REV });
    expect(report.ok).toBe(false);
    const s = report.services[0];
    expect(s.result).toBe('failed');
    expect(s.error).toMatch(/shop-web-3: refresh failed: vagrant provision exited with 1/);
    expect(s.instances.map((i) => `${i.name} ${i.outcome}`)).toEqual([
      'shop-web-1 done',
      'shop-web-3 failed',
      'shop-web-2 not-started',
      'shop-web-4 not-started',
    ]);
    const recorded = (await store.readService('shop'))!;
    expect(recorded.history.map((d) => d.result)).toEqual(['succeeded', 'failed']);
    const web3 = recorded.instances.find((i) => i.name === 'shop-web-3')!;
    expect(web3.status).toBe('failed');
    expect(web3.spec.settings).toEqual({});
    expect(web3.step).toMatchObject({
      action: 'refresh',
      phase: 'refreshing',
      to: { settings: { MODE: 'eu' } },
      failed: { message: 'vagrant provision exited with 1' },
    });
    // shop-web-1 was refreshed, but its domain's gate never ran: it is not ready until one passes.
    const web1 = recorded.instances.find((i) => i.name === 'shop-web-1')!;
    expect(web1.status).toBe('pending');
    expect(web1.step).toMatchObject({ action: 'refresh', phase: 'refreshed', to: { settings: { MODE: 'eu' } } });
  });

  it('fails the gate on an unhealthy instance and does not start the next domain', async () => {
    const store = new MemoryStateStore();
    const svc = service('shop', [tier('web', { count: 4, domains: 2 })]);
    const driver = new DriverDouble({ healthy: (name) => name !== 'shop-web-1' });
    const report = await applyPlan({ plan: await planFrom(store, [svc]), store, driver, owner, revision: REV });
    const s = report.services[0];
    expect(s.result).toBe('failed');
    expect(s.error).toMatch(/health gate of tier web, upgrade domain 0 failed: shop-web-1 \(not healthy within 5s\)/);
    expect(driver.ops()).toEqual(['up shop-web-1 all', 'up shop-web-3 all']);
    expect(s.instances.filter((i) => i.outcome === 'not-started').map((i) => i.name)).toEqual(['shop-web-2', 'shop-web-4']);
    expect((await store.readService('shop'))!.instances.find((i) => i.name === 'shop-web-1')!.status).toBe('failed');
  });

  it('stops the health probes under way when a later step of the domain fails', async () => {
    const store = new MemoryStateStore();
    const svc = service('shop', [tier('web', { count: 3, health: { timeout: 600, minReady: 0 } })]);
    const signals: AbortSignal[] = [];
    // shop-web-1's probe waits until it is no longer wanted; shop-web-3's create fails meanwhile.
    const driver = new DriverDouble({
      failOn: (op, name) => (op === 'up' && name === 'shop-web-3' ? 'vagrant up exited with 1' : undefined),
      healthy: (_name, signal) => {
        signals.push(signal!);
        return new Promise((resolve) => signal!.addEventListener('abort', () => resolve(false)));
      },
    });
    const started = Date.now();
    const report = await applyPlan({ plan: await planFrom(store, [svc]), store, driver, owner, revision: REV });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(report.services[0].error).toMatch(/shop-web-3: create failed: vagrant up exited with 1/);
    expect(signals).toHaveLength(2); // shop-web-1 and shop-web-2, probed while the next step ran
    expect(signals.every((s) => s.aborted)).toBe(true);
    expect(driver.calls.filter((c) => c.op === 'health').map((c) => c.name)).toEqual(['shop-web-1', 'shop-web-2']);
  });

  it('stops on request: the steps under way of every service finish and are recorded, nothing else starts, leases go', async () => {
    const store = new MemoryStateStore();
    const controller = new AbortController();
    let calls = 0;
    // The stop comes half way through the first call (the double asks failOn there), when both
    // services have their first create under way.
    const driver = new DriverDouble({
      delayMs: 30,
      failOn: () => {
        if (++calls === 1) controller.abort();
        return undefined;
      },
    });
    const services = [service('shop', [tier('web', { count: 4 })]), service('blog', [tier('web', { count: 4 })])];
    const plan = await planFrom(store, services);
    await expect(applyPlan({ plan, store, driver, owner, revision: REV, signal: controller.signal })).rejects.toThrow(/stopped on request/);
    expect(driver.ops().sort()).toEqual(['up blog-web-1 all', 'up shop-web-1 all']);
    for (const name of ['shop', 'blog']) {
      const recorded = (await store.readService(name))!;
      // Created and recorded; its gate is the next run's to pass.
      expect(recorded.instances.map((i) => `${i.name}:${i.status}:${i.step?.phase}`)).toEqual([`${name}-web-1:pending:created`]);
      expect(recorded.history.map((d) => d.result)).toEqual(['in-progress']);
      await expect(store.acquireLease(name, 'next', 60)).resolves.toBeDefined();
    }
  });

  it('a stop asked for while the last gate passes lets the deployment succeed', async () => {
    const store = new MemoryStateStore();
    const controller = new AbortController();
    const onProgress = (e: ProgressEvent) => {
      if (e.kind === 'gate') controller.abort();
    };
    const report = await applyPlan({
      plan: await planFrom(store, [service('shop', [tier('web', { count: 2 })])]),
      store,
      driver: new DriverDouble(),
      owner,
      revision: REV,
      signal: controller.signal,
      onProgress,
    });
    expect(report.ok).toBe(true);
    expect((await store.readService('shop'))!.history.map((d) => d.result)).toEqual(['succeeded']);
  });

  it('fails the gate when the health check never answers', async () => {
    const store = new MemoryStateStore();
    const svc = service('shop', [tier('web', { count: 1, health: { timeout: 0, minReady: 0 } })]);
    const driver = new DriverDouble({ healthy: () => new Promise(() => undefined) });
    const started = Date.now();
    const report = await applyPlan({ plan: await planFrom(store, [svc]), store, driver, owner, revision: REV, gateGraceSeconds: 0.3 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(report.services[0].result).toBe('failed');
    expect(report.services[0].error).toMatch(/shop-web-1 \(no answer from the health check within 0.3s\)/);
  });

  it('with autoRollback returns the instances updated in this rollout to their previous spec', async () => {
    const store = new MemoryStateStore();
    const opts = { count: 4, domains: 2, autoRollback: true, instance: { state: { disk: 10, onScaleIn: 'retain' as const } } };
    const v1 = service('shop', [tier('web', opts)]);
    const world = new DriverDouble();
    await applyPlan({ plan: await planFrom(store, [v1]), store, driver: world, owner, revision: REV });
    const v2 = service('shop', [tier('web', { ...opts, instance: { ...opts.instance, image: { box: 'svcplan/debian-12', version: '12.8.0' } } })], {
      release: '2',
    });
    const driver = new DriverDouble({ world: world.world, healthy: (name) => name !== 'shop-web-2' });
    const report = await applyPlan({ plan: await planFrom(store, [v2]), store, driver, owner, revision: { commit: 'b'.repeat(40), ref: 'main' } });
    const s = report.services[0];
    expect(report.ok).toBe(false);
    expect(s.result).toBe('rolled-back');
    // Domain 0 (1, 3) and domain 1 (2, 4) replaced, the gate of domain 1 fails on 2, all four go back.
    const replaced = (names: string[]) => names.flatMap((n) => [`halt ${n}`, `destroy ${n}`, `up ${n} all`]);
    expect(driver.ops()).toEqual([
      ...replaced(['shop-web-1', 'shop-web-3', 'shop-web-2', 'shop-web-4']),
      ...replaced(['shop-web-4', 'shop-web-2', 'shop-web-3', 'shop-web-1']),
    ]);
    expect(
      driver.calls
        .filter((c) => c.op === 'up')
        .slice(4)
        .map((c) => c.image),
    ).toEqual(['12.7.1', '12.7.1', '12.7.1', '12.7.1']);
    expect(s.instances.map((i) => i.outcome)).toEqual(['rolled-back', 'rolled-back', 'rolled-back', 'rolled-back']);
    expect([...driver.world.vms.values()].map((v) => v.image)).toEqual(['12.7.1', '12.7.1', '12.7.1', '12.7.1']);
    expect(driver.world.disks.size).toBe(4);
    const recorded = (await store.readService('shop'))!;
    expect(recorded.instances.every((i) => i.status === 'ready' && i.spec.image.version === '12.7.1')).toBe(true);
    expect(recorded.spec.release).toBe('1');
    expect(recorded.history.map((d) => d.result)).toEqual(['succeeded', 'rolled-back']);
    expect(recorded.history[1].message).toMatch(/returned to their previous spec/);
  });

  it('refuses a second caller while the lease is held, and takes over an expired lease', async () => {
    const store = new MemoryStateStore();
    const svc = service('shop', [tier('web', { count: 1 })]);
    store.setLease({ service: 'shop', owner: 'alice@ci pid 7', expiresAt: new Date(Date.now() + 60_000).toISOString() });
    const driver = new DriverDouble();
    const refused = await applyPlan({ plan: await planFrom(store, [svc]), store, driver, owner, revision: REV });
    expect(refused.ok).toBe(false);
    expect(refused.services[0].result).toBe('refused');
    expect(refused.services[0].error).toMatch(/^service shop is being applied by alice@ci pid 7 \(lease until .*\); wait for that run to finish/);
    expect(driver.calls).toHaveLength(0);
    expect(store.writes).toHaveLength(0);

    store.setLease({ service: 'shop', owner: 'alice@ci pid 7', expiresAt: new Date(Date.now() - 1000).toISOString() });
    const taken = await applyPlan({ plan: await planFrom(store, [svc]), store, driver, owner, revision: REV });
    expect(taken.services[0].result).toBe('succeeded');
    // Released after the run: the next caller gets it.
    await expect(store.acquireLease('shop', 'next', 60)).resolves.toMatchObject({ owner: 'next' });
  });

  it('applies only the instances of its runner', async () => {
    const store = new MemoryStateStore();
    const a = service('shop-a', [tier('web', { count: 1 })], { target: { driver: 'vagrant', provider: 'libvirt', options: {}, runner: 'hv-01' } });
    const b = service('shop-b', [tier('web', { count: 1 })], { target: { driver: 'vagrant', provider: 'libvirt', options: {}, runner: 'hv-02' } });
    const driver = new DriverDouble();
    const report = await applyPlan({ plan: await planFrom(store, [a, b]), store, driver, owner, revision: REV, runner: 'hv-02' });
    expect(report.ok).toBe(true);
    expect(report.services.map((s) => `${s.service} ${s.result}`)).toEqual(['shop-a skipped', 'shop-b succeeded']);
    expect(driver.ops()).toEqual(['up shop-b-web-1 all']);
    expect(Object.keys(await store.read())).toEqual(['shop-b']);
  });

  it('retains state disks on scale-in unless onScaleIn is delete, and keeps a removed service with its history', async () => {
    const store = new MemoryStateStore();
    const disk = (onScaleIn: 'retain' | 'delete') => ({ state: { disk: 10, onScaleIn } });
    const v1 = [
      service('shop', [tier('web', { count: 3, instance: disk('retain') }), tier('jobs', { count: 2, order: 2, instance: disk('delete') })]),
      service('old', [tier('web', { count: 1, instance: disk('retain') })]),
    ];
    const driver = new DriverDouble();
    await applyPlan({ plan: await planFrom(store, v1), store, driver, owner, revision: REV });
    const v2 = [service('shop', [tier('web', { count: 1, instance: disk('retain') }), tier('jobs', { count: 1, order: 2, instance: disk('delete') })])];
    const d2 = new DriverDouble({ world: driver.world });
    const report = await applyPlan({ plan: await planFrom(store, v2), store, driver: d2, owner, revision: REV });
    expect(report.ok).toBe(true);
    expect(d2.ops().sort()).toEqual(['delete-disk shop-jobs-2', 'destroy old-web-1', 'destroy shop-jobs-2', 'destroy shop-web-2', 'destroy shop-web-3']);
    expect(d2.deletedDisks).toEqual(['shop-jobs-2']);
    const state = await store.read();
    expect(state.shop.retainedDisks.map((d) => `${d.instance}:${d.sizeGiB}`).sort()).toEqual(['shop-web-2:10', 'shop-web-3:10']);
    expect(state.old.instances).toEqual([]);
    expect(state.old.retainedDisks.map((d) => d.instance)).toEqual(['old-web-1']);
    expect(state.old.history.map((d) => d.result)).toEqual(['succeeded', 'succeeded']);
    // Nothing left to plan for the removed service.
    expect((await planFrom(store, v2)).document.services).toEqual([]);
  });

  it('grows the state disk in a restart only when the disk grew', async () => {
    const store = new MemoryStateStore();
    const at = (disk: number, memory: number) => [service('shop', [tier('web', { count: 2, instance: { memory, state: { disk, onScaleIn: 'retain' } } })])];
    const driver = new DriverDouble();
    await applyPlan({ plan: await planFrom(store, at(10, 1024)), store, driver, owner, revision: REV });
    expect(driver.world.disks.get('shop-web-1')).toBe(10);
    const grow = new DriverDouble({ world: driver.world });
    expect((await applyPlan({ plan: await planFrom(store, at(20, 1024)), store, driver: grow, owner, revision: REV })).ok).toBe(true);
    // Halted, grown while nothing uses it, booted.
    expect(grow.ops()).toEqual(['halt shop-web-1', 'grow shop-web-1', 'up shop-web-1', 'halt shop-web-2', 'grow shop-web-2', 'up shop-web-2']);
    expect(driver.world.disks.get('shop-web-2')).toBe(20);
    const memoryOnly = new DriverDouble({ world: driver.world });
    await applyPlan({ plan: await planFrom(store, at(20, 2048)), store, driver: memoryOnly, owner, revision: REV });
    expect(memoryOnly.ops()).toEqual(['reload shop-web-1', 'reload shop-web-2']);
  });

  it('clears a pin once an apply goes through for the service', async () => {
    const store = new MemoryStateStore();
    const v1 = service('shop', [tier('web', { count: 1 })]);
    const first = new DriverDouble();
    await applyPlan({ plan: await planFrom(store, [v1]), store, driver: first, owner, revision: REV });
    const rec = (await store.readService('shop'))!;
    rec.pin = { deployment: 1, desiredDigest: 'sha256:older', at: new Date().toISOString() };
    await store.writeService(rec, 'pin');
    const v2 = service('shop', [tier('web', { count: 1, instance: { memory: 1024 } })]);
    const report = await applyPlan({ plan: await planFrom(store, [v2]), store, driver: new DriverDouble({ world: first.world }), owner, revision: REV });
    expect(report.services[0].result).toBe('succeeded');
    expect((await store.readService('shop'))!.pin).toBeUndefined();
  });

  it('refuses a plan with errors and changes nothing', async () => {
    const store = new MemoryStateStore();
    const plan = await planFrom(store, [service('shop', [tier('web', { count: 1, instance: instance() })])]);
    plan.document.errors.push({ file: 'templates/web-shop.yaml', line: 3, column: 5, message: 'bad' });
    await expect(applyPlan({ plan, store, driver: new DriverDouble(), owner, revision: REV })).rejects.toThrow('templates/web-shop.yaml:3:5: bad');
    expect(store.writes).toHaveLength(0);
  });

  it('a step that has not touched its machine when a stop is asked for does not begin to', async () => {
    const store = new MemoryStateStore();
    const controller = new AbortController();
    const driver = new DriverDouble({ delayMs: 20 });
    const plan = await planFrom(store, [service('shop', [tier('web', { count: 2, maxParallel: 2 })])]);
    // Asked for as the first step starts, before it has made a call.
    const onProgress = (e: ProgressEvent) => {
      if (e.kind === 'instance-started') controller.abort();
    };
    await expect(applyPlan({ plan, store, driver, owner, revision: REV, signal: controller.signal, onProgress })).rejects.toThrow(/stopped on request/);
    expect(driver.ops()).toEqual([]);
    // Whatever was recorded, the next apply does the work once.
    const next = new DriverDouble({ world: driver.world });
    expect(
      (
        await applyPlan({
          plan: await planFrom(store, [service('shop', [tier('web', { count: 2, maxParallel: 2 })])]),
          store,
          driver: next,
          owner,
          revision: REV,
        })
      ).ok,
    ).toBe(true);
    expect(next.ops().sort()).toEqual(['up shop-web-1 all', 'up shop-web-2 all']);
  });
});
