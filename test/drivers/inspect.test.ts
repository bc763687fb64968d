// The observation parsers of drift and import, on outputs captured from the programs: libvirt's
// `virsh dominfo` (libvirt 9.0), VirtualBox's `showvminfo --machinereadable`, and what the guest
// facts script prints in a guest svcplan provisioned.
import { readFileSync } from 'node:fs';
import { expectedSettingsDigest, guestFactsScript, parseDominfo, parseGuestFacts, parseShowVmInfo } from '../../src/apply/drivers/vagrant/inspect.js';
import { instanceSpec } from './support/specs.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

test('virsh dominfo: memory in MiB and cpus, running or shut off', () => {
  expect(parseDominfo(fixture('virsh-dominfo-running.txt'))).toEqual({ memory: 384, cpus: 1 });
  expect(parseDominfo(fixture('virsh-dominfo-shutoff.txt'))).toEqual({ memory: 512, cpus: 2 });
  expect(parseDominfo('error: failed to get domain')).toEqual({});
});

test('VBoxManage showvminfo --machinereadable: memory, cpus, state', () => {
  expect(parseShowVmInfo(fixture('vboxmanage-showvminfo.txt'))).toEqual({ memory: 2048, cpus: 2, state: 'running' });
  expect(parseShowVmInfo('memory=512\ncpus=1\nVMState="poweroff"\n')).toEqual({ memory: 512, cpus: 1, state: 'stopped' });
});

test('guest facts: features, apps, the state disk, and whether the settings file is the recorded one', () => {
  const spec = instanceSpec({ settings: { MODE: "it's $(x)" }, features: ['nginx', 'redis'] });
  const digest = expectedSettingsDigest(spec, 'shop');
  const output = [
    'some banner',
    '@svcplan-facts 1',
    '@features',
    'nginx',
    'redis',
    '',
    `@settings ${digest}`,
    '@app shop 4.2.0',
    '@app cache 1',
    '@disk yes',
    '@end',
  ].join('\r\n');
  expect(parseGuestFacts(output, spec, 'shop')).toEqual({
    features: ['nginx', 'redis'],
    settingsMatch: true,
    apps: { shop: '4.2.0', cache: '1' },
    stateDisk: true,
  });
  const changed = output.replace(digest, 'f'.repeat(64)).replace('@disk yes', '@disk no');
  expect(parseGuestFacts(changed, spec, 'shop')).toMatchObject({ settingsMatch: false, stateDisk: false });
  expect(parseGuestFacts('sh: not found', spec, 'shop')).toBeUndefined();
});

test('the guest facts script is fixed text: nothing of a template reaches it', () => {
  expect(guestFactsScript('libvirt')).toContain('[ -b /dev/vdb ]');
  expect(guestFactsScript('virtualbox')).toContain('[ -b /dev/sdb ]');
  expect(guestFactsScript('libvirt')).not.toMatch(/\$\{|MODE/);
});
