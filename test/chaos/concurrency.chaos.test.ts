// Once each: two applies at once, an apply behind another's lease, a vagrant call that fails once,
// and Ctrl-C once and twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RecordedInstance } from '../../src/model/types.js';
import { buildCli, describeCall, reasonOf, World, type RunResult } from './harness.js';
import { repoFiles } from './repo.js';
import { combinedUpdate, shopV1 } from './scenarios.js';
import { checkWorld, isMutating, stores, type Violation } from './sweep.js';

describe('chaos: concurrent and interrupted applies', () => {
  let root: string;
  let cli: string;
  const worlds: World[] = [];
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'svcplan-chaos-cli-'));
    cli = await buildCli(root);
  }, 120_000);
  afterEach(async () => {
    for (const w of worlds.splice(0)) {
      await w.settle().catch(() => undefined);
      await w.close();
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function world(store: 'local' | 'git'): Promise<World> {
    const w = await World.create({ cli, store });
    worlds.push(w);
    w.write(repoFiles([shopV1], store));
    w.commit('shop');
    return w;
  }

  /** A plain apply that must succeed, an empty plan, and the VMs as the templates say. */
  async function convergesAfter(w: World, label: string): Promise<Violation[]> {
    const v: Violation[] = [];
    const r = await w.apply(label);
    if (r.code !== 0) v.push({ category: 'exit', message: `the next apply exited ${r.code}: ${reasonOf(r)}` });
    const plan = await w.planIsEmpty();
    if (!plan.empty) v.push({ category: 'plan', message: plan.detail });
    await w.settle();
    v.push(...checkWorld(w, shopV1, {}));
    return v;
  }

  const messages = (v: Violation[]) => v.map((x) => `[${x.category}] ${x.message}`);
  const namesHolder = (r: RunResult, pid: number) => ({ stderr: r.stderr.includes(`pid ${pid}`), stdout: r.stdout.includes(`pid ${pid}`) });

  for (const store of stores()) {
    it(`two applies started together: one applies, the other exits 2 naming the holder (${store} store)`, async () => {
      const w = await world(store);
      w.model.setDelays({ up: 300 });
      const a = w.start(['apply', '--repo', w.repo], { label: 'pair' });
      const b = w.start(['apply', '--repo', w.repo], { label: 'pair' });
      const [ra, rb] = await Promise.all([a.done, b.done]);
      w.model.resetDelays();
      const [winner, loser] = ra.code === 0 ? [ra, rb] : [rb, ra];
      expect({ winner: winner.code, loser: loser.code }).toEqual({ winner: 0, loser: 2 });
      // The second caller is told on stderr who holds the lease (user@host pid N).
      const named = namesHolder(loser, winner.pid);
      expect(named).toEqual({ ...named, stderr: true });
      expect(messages(await convergesAfter(w, 'after-pair'))).toEqual([]);
    });
  }

  it('an apply started while another holds the lease never redoes its work (local store)', async () => {
    const w = await world('local');
    w.model.setDelays({ up: 250 });
    const a = w.start(['apply', '--repo', w.repo], { label: 'first' });
    // B plans while A is half way (the record says some instances are done, some not).
    while (w.model.calls('first').filter((c) => c.args[0] === 'up').length < 3) await sleep(10);
    const b = w.run(['apply', '--service', 'shop', '--repo', w.repo], { label: 'second' });
    const [ra, rb] = await Promise.all([a.done, b]);
    w.model.resetDelays();
    expect(ra.code).toBe(0);
    if (rb.code === 2) {
      // It did not wait: it was refused, naming the holder.
      const named = namesHolder(rb, a.pid);
      expect(named).toEqual({ ...named, stderr: true });
      console.log('stale plan under the lease: the second apply was refused at once (exit 2); the two applies could not be made to interleave');
    } else {
      // It waited for the lease: it must have planned again under it, so nothing A did is redone.
      expect(rb.code).toBe(0);
      const redone = w.model
        .calls('second')
        .filter((c) => isMutating(c))
        .map(describeCall);
      expect(redone).toEqual([]);
    }
    expect(messages(await convergesAfter(w, 'after'))).toEqual([]);
  });

  it('a vagrant up that fails once: the run exits 1, the next apply converges (local store)', async () => {
    const w = await world('local');
    w.model.failNext({ command: 'up', target: 'shop-web-3' });
    const r = await w.apply('failing');
    expect({ code: r.code, reason: reasonOf(r) }).toEqual({ code: 1, reason: expect.stringMatching(/shop-web-3/) });
    expect(messages(await convergesAfter(w, 'after'))).toEqual([]);
  });

  it('a restore-state that fails once: the next apply restores the replacement exactly once (local store)', async () => {
    const w = await World.create({ cli, store: 'local' });
    worlds.push(w);
    await combinedUpdate.setup(w);
    w.model.failNext({ target: 'mix-db-1', provisioner: 'restore-state' });
    const r = await w.apply('failing');
    expect(r.code).toBe(1);
    const next = await w.apply('after');
    expect({ code: next.code, reason: next.code === 0 ? '' : reasonOf(next) }).toEqual({ code: 0, reason: '' });
    const plan = await w.planIsEmpty();
    expect(plan.detail).toBe('');
    await w.settle();
    expect(messages(combinedUpdate.desired.flatMap((d) => checkWorld(w, d, combinedUpdate)))).toEqual([]);
  });

  /** The apply of a first deploy interrupted with SIGINT when its fourth call (the second up of web's first domain) arrives. */
  async function interrupted(w: World, mode: 'sigint' | 'sigint-twice'): Promise<RunResult> {
    w.model.setDelays({ up: 300 });
    // During the db tier's `vagrant up` (maxParallel 1): one call under way and nothing beside it,
    // so "nothing new starts after the interrupt" has one meaning. (Calls of parallel steps are
    // started in the same instant; one the model sees later was started before the signal.)
    const dbUp = (c: { program: string; args: string[] }) => c.program === 'vagrant' && c.args[0] === 'up' && c.args[1] === 'shop-db-1';
    const r = await w.run(['apply', '--repo', w.repo], { label: 'interrupted', kill: { match: dbUp, mode } });
    w.model.resetDelays();
    return r;
  }

  it('Ctrl-C once: exit 1, the steps under way finish and are recorded, nothing new starts, the lease is freed (local store)', async () => {
    const w = await world('local');
    const r = await interrupted(w, 'sigint');
    expect({ code: r.code, signal: r.signal }).toEqual({ code: 1, signal: null });
    const calls = w.model.calls('interrupted');
    const at = calls.find((c) => c.control === 'sigint')!;
    expect(describeCall(at)).toMatch(/^vagrant up shop-db-1 /);
    // Nothing that changes a VM started after the interrupt.
    expect(calls.filter((c) => c.n > at.n && isMutating(c)).map(describeCall)).toEqual([]);
    // Every up that was under way finished and is recorded as done (or waiting only for its gate).
    const record = w.readRecord('shop')!;
    for (const c of calls.filter((x) => x.args[0] === 'up')) {
      const ri = record.instances.find((i: RecordedInstance) => i.name === c.target);
      expect({ name: c.target, exit: c.exitCode, recorded: ri && (ri.status === 'ready' || ri.step?.phase === 'created') ? 'done' : ri?.status }).toEqual({
        name: c.target,
        exit: 0,
        recorded: 'done',
      });
    }
    expect(w.leaseHeld('shop')).toBe(false);
    expect(messages(await convergesAfter(w, 'after'))).toEqual([]);
  });

  it('Ctrl-C twice: exit 130, and the next apply converges (local store)', async () => {
    const w = await world('local');
    const r = await interrupted(w, 'sigint-twice');
    expect(r.code).toBe(130);
    await w.settle();
    expect(messages(await convergesAfter(w, 'after'))).toEqual([]);
  });
});
