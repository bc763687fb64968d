// `vagrant status --machine-readable` as captured from real libvirt machines.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { observedStateOf, parseMachineReadable, parseVagrantStatus } from '../../src/apply/drivers/vagrant/status.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');

test('two running libvirt machines', () => {
  expect(parseVagrantStatus(fixture('status-libvirt-running.txt'))).toEqual({
    'e2e-life-app-1': 'running',
    'e2e-life-app-2': 'running',
  });
});

test('machines that are stopped or were never created', () => {
  expect(parseVagrantStatus(fixture('status-libvirt-mixed.txt'))).toEqual({
    'e2e-life-app-1': 'running',
    'e2e-life-app-2': 'stopped',
    'e2e-life-app-3': 'not_created',
  });
});

test('escaped commas and newlines come back in the data', () => {
  const lines = parseMachineReadable(fixture('status-libvirt-running.txt'));
  const long = lines.find((l) => l.type === 'state-human-long')!;
  expect(long.data[0]).toContain('To stop this machine, you can run\n`vagrant halt`.');
  const ui = lines.find((l) => l.type === 'ui')!;
  expect(ui.target).toBe('');
  expect(ui.data).toEqual(['info', expect.stringContaining('This environment represents multiple VMs')]);
});

test('provider states of both providers map to what the executor needs', () => {
  expect(observedStateOf('shutoff')).toBe('stopped');
  expect(observedStateOf('poweroff')).toBe('stopped');
  expect(observedStateOf('saved')).toBe('stopped');
  expect(observedStateOf('not_created')).toBe('not_created');
  expect(observedStateOf('running')).toBe('running');
  expect(observedStateOf('preparing')).toBe('unknown');
});

test('plain text around the data (warnings, plugin notices) is ignored', () => {
  const noisy = 'Vagrant warning: something\n' + fixture('status-libvirt-running.txt') + '\n==> done\n';
  expect(Object.keys(parseVagrantStatus(noisy))).toEqual(['e2e-life-app-1', 'e2e-life-app-2']);
});
