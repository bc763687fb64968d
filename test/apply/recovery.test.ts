// The decision table of docs/architecture.md, row by row, against the code that decides: the
// documentation and nextMove cannot disagree. Then the rules for carrying an unfinished step
// toward a new target.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Machine } from '../../src/apply/driver.js';
import { forgetsUnstarted, nextMove, type Move } from '../../src/apply/recovery.js';
import { freshStep, retarget } from '../../src/apply/steps.js';
import type { InstanceSpec, InstanceStep, StepAction, StepPhase } from '../../src/model/types.js';
import { instance } from './support.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Row {
  line: string;
  action: StepAction;
  qualifier?: string;
  phase: StepPhase;
  machine: string;
  next: string;
}

function tableRows(): Row[] {
  const doc = readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');
  const section = doc.split('#### Resuming a step: the decision table')[1];
  expect(section).toBeDefined();
  const rows: Row[] = [];
  for (const line of section.split('\n')) {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells.length !== 4 || cells[0] === 'step' || cells[0].startsWith('---')) continue;
    const m = /^(\w+)(?: \((.+)\))?$/.exec(cells[0])!;
    rows.push({ line, action: m[1] as StepAction, qualifier: m[2], phase: cells[1] as StepPhase, machine: cells[2], next: cells[3] });
  }
  return rows;
}

const OLD_ID = 'old-vm';
const from = instance({ state: { disk: 10, save: 'apps/save.sh', onScaleIn: 'retain' } });
const to = instance({ image: { box: 'svcplan/debian-12', version: '12.8.0' }, state: { disk: 10, save: 'apps/save.sh', onScaleIn: 'retain' } });

function stepOf(row: Row): InstanceStep {
  const q = row.qualifier ?? '';
  const base = {
    phase: row.phase,
    deployment: 1,
    domain: 0,
    startedAt: '',
    // A call an earlier run made at this phase and that did not succeed.
    ...(q === 'create cut off' ? { call: { id: 'c1', op: 'create', then: 'created' as const } } : {}),
    ...(q === 'destroy cut off' ? { call: { id: 'c1', op: 'destroy', then: 'creating' as const } } : {}),
    ...(q === 'create failed' ? { failed: { message: 'vagrant up failed', at: '' } } : {}),
  };
  switch (row.action) {
    case 'create':
      return { ...base, action: 'create', to };
    case 'replace': {
      const target: InstanceSpec = q === 'restore hook' ? { ...to, state: { ...to.state!, restore: 'apps/restore.sh' } } : to;
      return { ...base, action: 'replace', from, to: target, save: q !== 'no live state', old: { id: OLD_ID } };
    }
    case 'refresh':
      return { ...base, action: 'refresh', from, to, provisioners: q === 'no provisioners' ? [] : ['settings'] };
    case 'restart': {
      const grow = ['halting', 'halted', 'grown', 'booted'].includes(row.phase);
      return { ...base, action: 'restart', from, to, provisioners: q === 'no provisioners' ? [] : ['settings'], ...(grow ? { growStateDisk: true } : {}) };
    }
    case 'destroy':
      return { ...base, action: 'destroy', from, ...(q === 'delete disk' ? { deleteStateDisk: true } : {}) };
  }
}

function machineOf(text: string): Machine {
  switch (text) {
    case 'not created':
      return { state: 'not_created' };
    case 'running, another VM':
      return { state: 'running', id: 'new-vm' };
    case 'running':
    case 'stopped':
    case 'unknown':
      return { state: text, id: OLD_ID };
    default:
      throw new Error(`unknown machine "${text}" in the decision table`);
  }
}

function written(move: Move): string {
  switch (move.kind) {
    case 'advance':
      return `→ ${move.phase}`;
    case 'run':
      return `${move.op} → ${move.then}`;
    default:
      return move.kind;
  }
}

describe('the decision table in docs/architecture.md', () => {
  const rows = tableRows();

  it('has a row for every phase of every step', () => {
    const phases: Record<StepAction, StepPhase[]> = {
      create: ['creating', 'created'],
      replace: ['saving', 'saved', 'halted', 'destroyed', 'creating', 'created', 'restoring', 'restored'],
      refresh: ['refreshing', 'refreshed'],
      restart: ['restarting', 'restarted', 'halting', 'halted', 'grown', 'booted'],
      destroy: ['destroying', 'destroyed'],
    };
    for (const [action, list] of Object.entries(phases)) {
      for (const phase of list) expect(rows.some((r) => r.action === action && r.phase === phase)).toBe(true);
    }
    expect(rows.length).toBeGreaterThan(50);
  });

  for (const row of tableRows()) {
    it(row.line, () => {
      expect(written(nextMove(stepOf(row), machineOf(row.machine)))).toBe(row.next);
    });
  }
});

describe('carrying an unfinished step toward a new target', () => {
  const newer = instance({ image: { box: 'svcplan/debian-12', version: '12.9.0' }, state: { disk: 10, save: 'apps/save.sh', onScaleIn: 'retain' } });
  const start = (machine: Machine) => ({ deployment: 7, domain: 0, deleteStateDisk: false, machine, now: 'now' });
  const replace = (phase: StepPhase): InstanceStep => ({
    action: 'replace',
    phase,
    deployment: 3,
    domain: 0,
    from,
    to,
    save: true,
    old: { id: OLD_ID },
    startedAt: '',
  });

  it('a step at its gate is done: the new step starts from its target, whose app state it saves', () => {
    const next = retarget(replace('restored'), newer, start({ state: 'running', id: 'new-vm' }));
    expect(next).toMatchObject({
      kind: 'step',
      step: { action: 'replace', phase: 'saving', from: to, to: newer, save: true, old: { id: 'new-vm' }, deployment: 7 },
    });
  });

  it('a replacement not yet restored is made again for the new target, and save-state is not repeated', () => {
    for (const phase of ['destroyed', 'creating', 'created'] as const) {
      const next = retarget(replace(phase), newer, start({ state: 'running', id: 'new-vm' }));
      expect(next).toMatchObject({ kind: 'step', step: { action: 'replace', phase: phase === 'created' ? 'creating' : phase, to: newer, deployment: 3 } });
    }
  });

  it('a replace that is restoring finishes first: its restore may have run', () => {
    expect(retarget(replace('restoring'), newer, start({ state: 'running', id: 'new-vm' }))).toEqual({ kind: 'finish-first' });
  });

  it("a replace before its destroy, sent back to the VM's own spec, only makes sure that VM runs", () => {
    const next = retarget(replace('saved'), from, start({ state: 'stopped', id: OLD_ID }));
    expect(next).toMatchObject({ kind: 'step', step: { action: 'restart', phase: 'grown', from, to: from, provisioners: [] } });
    // Still running: nothing to do on it but its gate.
    expect(retarget(replace('saving'), from, start({ state: 'running', id: OLD_ID }))).toMatchObject({
      kind: 'step',
      step: { action: 'restart', phase: 'booted', to: from },
    });
    // Already destroyed: the old spec comes back up and is restored.
    expect(retarget(replace('halted'), from, start({ state: 'not_created' }))).toMatchObject({
      kind: 'step',
      step: { action: 'replace', phase: 'destroyed', to: from },
    });
  });

  it('a replace before its destroy keeps going toward a newer target, its save kept', () => {
    expect(retarget(replace('saving'), newer, start({ state: 'running', id: OLD_ID }))).toMatchObject({
      kind: 'step',
      step: { action: 'replace', phase: 'saving', to: newer, save: true },
    });
  });

  it('a create cut off at creating, carried toward a new target, still clears what it left before creating', () => {
    const call = { id: 'c1', op: 'create', then: 'created' as const };
    const cut: InstanceStep = { ...replace('creating'), call };
    const carried = retarget(cut, newer, start({ state: 'not_created' }));
    expect(carried).toMatchObject({ kind: 'step', step: { action: 'replace', phase: 'creating', to: newer, call } });
    expect(nextMove((carried as { step: InstanceStep }).step, { state: 'not_created' })).toMatchObject({ kind: 'run', op: 'destroy', then: 'creating' });
    const failed: InstanceStep = { action: 'create', phase: 'creating', deployment: 3, domain: 0, to, startedAt: '', failed: { message: 'up failed', at: '' } };
    const again = retarget(failed, newer, start({ state: 'not_created' }));
    expect(nextMove((again as { step: InstanceStep }).step, { state: 'not_created' })).toMatchObject({ kind: 'run', op: 'destroy', then: 'creating' });
    // A step that had not reached creating has no create to clear up after.
    expect(retarget({ ...replace('saving'), call: { id: 'c2', op: 'save-state', then: 'saved' } }, newer, start({ state: 'not_created' }))).not.toMatchObject({
      step: { call: expect.anything() },
    });
  });

  it('an instance no longer wanted: a create or an unrestored replacement is destroyed, its disk kept', () => {
    const create: InstanceStep = { action: 'create', phase: 'creating', deployment: 3, domain: 0, to, startedAt: '' };
    expect(retarget(create, undefined, start({ state: 'running' }))).toMatchObject({
      kind: 'step',
      step: { action: 'destroy', phase: 'destroying', from: to },
    });
    expect(retarget(replace('saved'), undefined, start({ state: 'running', id: OLD_ID }))).toMatchObject({ kind: 'step', step: { action: 'destroy', from } });
  });

  it('a refresh cut short goes on with what both changes need; one that now needs a new image becomes a replace', () => {
    const refresh: InstanceStep = {
      action: 'refresh',
      phase: 'refreshing',
      deployment: 3,
      domain: 0,
      from,
      to: { ...from, settings: { A: '1' } },
      provisioners: ['settings'],
      startedAt: '',
    };
    const target = { ...from, settings: { A: '2' }, apps: { shop: { version: '2' } } };
    expect(retarget(refresh, target, start({ state: 'running' }))).toMatchObject({
      kind: 'step',
      step: { action: 'refresh', phase: 'refreshing', to: target, provisioners: ['settings', 'app-shop'] },
    });
    expect(retarget(refresh, newer, start({ state: 'running', id: 'x' }))).toMatchObject({
      kind: 'step',
      step: { action: 'replace', from: refresh.to, to: newer, save: true },
    });
  });

  it('a destroy under way finishes first', () => {
    const destroy: InstanceStep = { action: 'destroy', phase: 'destroying', deployment: 3, domain: 0, from, startedAt: '' };
    expect(retarget(destroy, to, start({ state: 'running' }))).toEqual({ kind: 'finish-first' });
  });

  it("fresh steps: a replace remembers the VM it starts from; an older record's unsure instance reruns everything", () => {
    const ready = { name: 'x', tier: 'web', index: 1, spec: from, status: 'ready' as const, updatedAt: '' };
    expect(freshStep(ready, to, start({ state: 'running', id: OLD_ID, box: { name: 'svcplan/debian-12', version: '12.7.1' } }))).toMatchObject({
      kind: 'step',
      step: { action: 'replace', phase: 'saving', save: true, old: { id: OLD_ID, box: { name: 'svcplan/debian-12', version: '12.7.1' } } },
    });
    const failed = { ...ready, status: 'failed' as const };
    expect(freshStep(failed, from, start({ state: 'running' }))).toMatchObject({
      kind: 'step',
      step: { action: 'refresh', provisioners: ['features', 'settings'] },
    });
    // Only a hook path changed: nothing happens on the VM, the record takes the spec.
    const hooks = { ...from, state: { ...from.state!, save: 'apps/other.sh' } };
    expect(freshStep(ready, hooks, start({ state: 'running' }))).toEqual({ kind: 'spec', spec: hooks });
  });

  it('a call that never began is forgotten, except a destroy owed at creating', () => {
    const base = { deployment: 1, domain: 0, startedAt: '', to };
    expect(forgetsUnstarted({ ...base, action: 'create', phase: 'creating', call: { id: 'c', op: 'create', then: 'created' } })).toBe(true);
    expect(forgetsUnstarted({ ...base, action: 'create', phase: 'creating', call: { id: 'c', op: 'destroy', then: 'creating' } })).toBe(false);
    expect(forgetsUnstarted({ ...base, action: 'replace', phase: 'creating', from, save: true, call: { id: 'c', op: 'destroy', then: 'creating' } })).toBe(
      false,
    );
    expect(forgetsUnstarted({ ...base, action: 'replace', phase: 'halted', from, save: true, call: { id: 'c', op: 'destroy', then: 'destroyed' } })).toBe(true);
  });
});
