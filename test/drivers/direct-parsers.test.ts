// What the Vagrant driver reads without a Ruby process, from captured outputs: `vagrant
// ssh-config` (real vagrant-libvirt machines), virsh domain states (real libvirt 9), `vagrant box
// list --machine-readable` (real), and `VBoxManage showvminfo --machinereadable` (written after
// VirtualBox's documented format, quirks included: VirtualBox is not installable here).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { boxDirName, boxListed, parseBoxList, sameGemVersion } from '../../src/apply/drivers/vagrant/boxes.js';
import {
  libvirtDomainName,
  libvirtStateOf,
  libvirtUriOf,
  parseVBoxMachineReadable,
  parseVirshDominfos,
  parseVirshDomstates,
  virshDomstateArgs,
  virtualboxStateOf,
} from '../../src/apply/drivers/vagrant/provider-state.js';
import { parseDominfo } from '../../src/apply/drivers/vagrant/inspect.js';
import { parseSshConfig, profileKey, profileOf, renderSshConfig, settingsFromProfile, sshSettingsOf } from '../../src/apply/drivers/vagrant/ssh.js';
import { observedStateOf } from '../../src/apply/drivers/vagrant/status.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
const KEY_1 = '/tmp/vmlab/repo/.svcplan/vagrant/lab/.vagrant/machines/lab-app-1/libvirt/private_key';

describe('vagrant ssh-config', () => {
  test('two libvirt machines with target.ssh: one block each, every setting in order', () => {
    const blocks = parseSshConfig(fixture('ssh-config-libvirt.txt'));
    expect(blocks.map((b) => b.host)).toEqual(['lab-app-1', 'lab-app-2']);
    expect(sshSettingsOf(blocks[0])).toEqual({
      hostName: '127.0.0.1',
      port: 2922,
      user: 'vagrant',
      identityFiles: [KEY_1],
      entries: [
        { key: 'HostName', value: '127.0.0.1' },
        { key: 'User', value: 'vagrant' },
        { key: 'Port', value: '2922' },
        { key: 'UserKnownHostsFile', value: '/dev/null' },
        { key: 'StrictHostKeyChecking', value: 'no' },
        { key: 'PasswordAuthentication', value: 'no' },
        { key: 'IdentityFile', value: KEY_1 },
        { key: 'IdentitiesOnly', value: 'yes' },
        { key: 'LogLevel', value: 'FATAL' },
      ],
    });
    expect(sshSettingsOf(blocks[1])?.port).toBe(2923);
  });

  test('a machine not ready for SSH prints no block, only the reason on stderr', () => {
    expect(parseSshConfig('')).toEqual([]);
    expect(parseSshConfig(fixture('ssh-config-not-ready.txt'))).toEqual([]);
    expect(sshSettingsOf(undefined)).toBeUndefined();
    expect(sshSettingsOf({ host: 'x', entries: [{ key: 'User', value: 'vagrant' }] })).toBeUndefined();
  });

  test('quoted paths (Vagrant quotes one with a space), several keys, a proxy command kept as it is', () => {
    const text =
      'Host web-1\n  HostName 10.0.2.15\n  User vagrant\n  Port 22\n  IdentityFile "/home/a b/.vagrant.d/insecure_private_key"\n  IdentityFile /k2\n  ProxyCommand ssh "gw" -W %h:%p\n';
    const s = sshSettingsOf(parseSshConfig(text)[0])!;
    expect(s.identityFiles).toEqual(['/home/a b/.vagrant.d/insecure_private_key', '/k2']);
    const rendered = renderSshConfig('web-1', s.entries)!;
    expect(rendered).toBe(
      'Host web-1\n  HostName 10.0.2.15\n  User vagrant\n  Port 22\n  IdentityFile "/home/a b/.vagrant.d/insecure_private_key"\n  IdentityFile /k2\n  ProxyCommand ssh "gw" -W %h:%p\n',
    );
    expect(parseSshConfig(rendered)[0].entries).toEqual(s.entries);
  });

  test('a value ssh_config cannot hold exactly is refused; a % in a file name is kept literal', () => {
    expect(renderSshConfig('m', [{ key: 'IdentityFile', value: '/a"b' }])).toBeUndefined();
    expect(renderSshConfig('m', [{ key: 'User', value: 'a\nHost *' }])).toBeUndefined();
    expect(renderSshConfig('m', [{ key: 'IdentityFile', value: '/keys/100%/k' }])).toBe('Host m\n  IdentityFile /keys/100%%/k\n');
  });

  test('a profile learnt from one machine gives another of the same box and target exactly what Vagrant gives it', () => {
    const [one, two] = parseSshConfig(fixture('ssh-config-libvirt.txt')).map((b) => sshSettingsOf(b)!);
    const profile = profileOf(one, { host: '127.0.0.1', port: 2922 }, KEY_1)!;
    expect(profile).toBeDefined();
    const key2 = KEY_1.replace('lab-app-1', 'lab-app-2');
    expect(settingsFromProfile(profile, { host: '127.0.0.1', port: 2923 }, key2)).toEqual(two);
    // Not a profile: another endpoint than the spec's, another key than the machine's own.
    expect(profileOf(one, { host: '127.0.0.1', port: 2999 }, KEY_1)).toBeUndefined();
    expect(profileOf(one, { host: '127.0.0.1', port: 2922 }, '/other/private_key')).toBeUndefined();
    const base = { box: 'test/tiny-v1', version: '1.0.0', provider: 'libvirt', options: { driver: 'qemu' }, host: '127.0.0.1' };
    expect(profileKey(base)).toBe(profileKey({ ...base }));
    for (const change of [{ box: 'test/tiny-v2' }, { version: '1.0.1' }, { options: { driver: 'kvm' } }, { host: 'localhost' }]) {
      expect(profileKey({ ...base, ...change })).not.toBe(profileKey(base));
    }
  });
});

describe('virsh domain states', () => {
  test("a machine's domain name as vagrant-libvirt's SetNameOfDomain builds it", () => {
    expect(libvirtDomainName('/repo/.svcplan/vagrant/shop', 'shop-web-1', {})).toBe('shop_shop-web-1');
    expect(libvirtDomainName('/repo/.svcplan/vagrant/shop', 'shop-web-1', { default_prefix: 'eu-' })).toBe('eu-shop-web-1');
    expect(libvirtDomainName('/repo/.svcplan/vagrant/shop', 'shop-web-1', { default_prefix: '' })).toBe('shop-web-1');
    // Every character but [-a-z0-9_.] is dropped, from the prefix too.
    expect(libvirtDomainName('/repo/my shop+x', 'web 1', {})).toBe('myshopx_web1');
    // random_hostname: a name of its own each time, nothing to foresee.
    expect(libvirtDomainName('/repo/.svcplan/vagrant/shop', 'shop-web-1', { random_hostname: true })).toBeUndefined();
  });

  test('one call for every domain: a marker before each answer, a domain virsh does not know has none', () => {
    const args = virshDomstateArgs('qemu:///system', ['127e48a7-88ab-4677-915f-4a8d22d10f7c', '37f5c9e1-b669-4a5a-a162-28546c469be4'])!;
    expect(args).toEqual([
      '-c',
      'qemu:///system',
      'echo svcplan-domain 127e48a7-88ab-4677-915f-4a8d22d10f7c; domstate 127e48a7-88ab-4677-915f-4a8d22d10f7c; echo svcplan-domain 37f5c9e1-b669-4a5a-a162-28546c469be4; domstate 37f5c9e1-b669-4a5a-a162-28546c469be4',
    ]);
    // Captured: a running domain, one that does not exist, one shut off.
    expect(parseVirshDomstates(fixture('virsh-domstates.txt'))).toEqual(
      new Map([
        ['127e48a7-88ab-4677-915f-4a8d22d10f7c', 'running'],
        ['37f5c9e1-b669-4a5a-a162-28546c469be4', 'shut off'],
      ]),
    );
  });

  test("for drift, each domain's dominfo in the same call, after a mark of its own", () => {
    const [a, b] = ['127e48a7-88ab-4677-915f-4a8d22d10f7c', '37f5c9e1-b669-4a5a-a162-28546c469be4'];
    expect(virshDomstateArgs('qemu:///system', [a, b], { dominfo: true })![2]).toBe(
      `echo svcplan-domain ${a}; domstate ${a}; echo svcplan-dominfo ${a}; dominfo ${a}; echo svcplan-domain ${b}; domstate ${b}; echo svcplan-dominfo ${b}; dominfo ${b}`,
    );
    // a running, b unknown to virsh (nothing printed for either of its commands).
    const output = `svcplan-domain ${a}\nrunning\n\nsvcplan-dominfo ${a}\n${fixture('virsh-dominfo-running.txt')}svcplan-domain ${b}\n\nsvcplan-dominfo ${b}\n\n`;
    expect(parseVirshDomstates(output)).toEqual(new Map([[a, 'running']]));
    const infos = parseVirshDominfos(output);
    expect([...infos.keys()]).toEqual([a]);
    expect(parseDominfo(infos.get(a)!)).toEqual(parseDominfo(fixture('virsh-dominfo-running.txt')));
    // A domain whose domstate printed nothing has no state, whatever its dominfo printed.
    expect(parseVirshDomstates(`svcplan-domain ${a}\nsvcplan-dominfo ${a}\n${fixture('virsh-dominfo-running.txt')}`)).toEqual(new Map());
  });

  test('only ids of the UUID form reach virsh', () => {
    expect(virshDomstateArgs('qemu:///system', ['127e48a7-88ab-4677-915f-4a8d22d10f7c; destroy x'])).toBeUndefined();
    expect(virshDomstateArgs('qemu:///system', ['standin-web-1'])).toBeUndefined();
    expect(virshDomstateArgs('qemu:///system', [])).toBeUndefined();
  });

  test('states are named as vagrant-libvirt names them, then seen as `vagrant status` would be', () => {
    const seen = (s: string) => observedStateOf(libvirtStateOf(s));
    expect(
      ['running', 'shut off', 'paused', 'crashed', 'in shutdown', 'idle', 'pmsuspended', 'no state', 'what'].map((s) => [s, libvirtStateOf(s), seen(s)]),
    ).toEqual([
      ['running', 'running', 'running'],
      ['shut off', 'shutoff', 'stopped'],
      ['paused', 'paused', 'stopped'],
      ['crashed', 'crashed', 'stopped'],
      ['in shutdown', 'shutting_down', 'unknown'],
      ['idle', 'blocked', 'unknown'],
      ['pmsuspended', 'pmsuspended', 'unknown'],
      ['no state', 'nostate', 'unknown'],
      ['what', 'unknown', 'unknown'],
    ]);
  });

  test('the URI is the one vagrant-libvirt connects to, or none when svcplan cannot tell', () => {
    expect(libvirtUriOf({}, {})).toBe('qemu:///system');
    expect(libvirtUriOf({ driver: 'qemu' }, { LIBVIRT_DEFAULT_URI: 'qemu:///session' })).toBe('qemu:///session');
    expect(libvirtUriOf({ uri: 'qemu+ssh://hv/system' }, { LIBVIRT_DEFAULT_URI: 'qemu:///session' })).toBe('qemu+ssh://hv/system');
    expect(libvirtUriOf({ host: 'hv', connect_via_ssh: true }, {})).toBeUndefined();
    expect(libvirtUriOf({ qemu_use_session: true }, {})).toBeUndefined();
    expect(libvirtUriOf({ driver: 'lxc' }, {})).toBeUndefined();
  });
});

describe('VBoxManage showvminfo --machinereadable', () => {
  test('VMState is the state, whatever else the output holds', () => {
    const running = fixture('vbox-showvminfo-running.txt');
    expect(virtualboxStateOf(running)).toBe('running');
    expect(virtualboxStateOf(fixture('vbox-showvminfo-poweroff.txt'))).toBe('poweroff');
    const values = parseVBoxMachineReadable(running);
    expect(values.get('SATA Controller-1-0')).toBe('/srv/templates/.svcplan/vagrant/web/state-disks/shop-web-1-state.vdi');
    expect(values.get('Forwarding(0)')).toBe('ssh,tcp,127.0.0.1,2522,,22');
    expect(values.get('memory')).toBe('2048');
    // A line that is no key=value (VirtualBox 7 prints one) is skipped.
    expect([...values.keys()].some((k) => k.startsWith('Encryption'))).toBe(false);
  });

  test('an inaccessible VM, and states seen as `vagrant status` would be', () => {
    expect(virtualboxStateOf(fixture('vbox-showvminfo-inaccessible.txt'))).toBe('inaccessible');
    expect(virtualboxStateOf('')).toBeUndefined();
    expect(['running', 'poweroff', 'saved', 'aborted', 'paused', 'inaccessible', 'stuck'].map(observedStateOf)).toEqual([
      'running',
      'stopped',
      'stopped',
      'stopped',
      'stopped',
      'unknown',
      'unknown',
    ]);
  });
});

describe('boxes', () => {
  test('vagrant box list --machine-readable', () => {
    const list = parseBoxList(fixture('box-list.txt'));
    expect(list).toEqual([
      { name: 'test/tiny-v1', provider: 'libvirt', version: '1.0.0' },
      { name: 'test/tiny-v2', provider: 'libvirt', version: '1.0.0' },
    ]);
    expect(boxListed(list, { name: 'test/tiny-v2', version: '1.0', provider: 'libvirt' })).toBe(true);
    expect(boxListed(list, { name: 'test/tiny-v2', version: '1.0.0', provider: 'virtualbox' })).toBe(false);
    expect(boxListed(list, { name: 'test/tiny-v3', version: '1.0.0', provider: 'libvirt' })).toBe(false);
    expect(parseBoxList('There are no installed boxes! Use `vagrant box add` to add some.\n')).toEqual([]);
  });

  test('versions compare as Vagrant compares them (Gem::Version)', () => {
    expect(sameGemVersion('1.0.0', '1.0')).toBe(true);
    expect(sameGemVersion('12.20240905.1', '12.20240905.1')).toBe(true);
    expect(sameGemVersion('1.0.0', '1.0.1')).toBe(false);
    expect(sameGemVersion('1.0.a', '1.0')).toBe(false);
    expect(sameGemVersion('2.0-rc1', '2.0.pre.rc1')).toBe(true);
    expect(sameGemVersion('v1', 'v1')).toBe(false);
  });

  test('box folders are named as Vagrant names them', () => {
    expect(boxDirName('test/tiny-v1')).toBe('test-VAGRANTSLASH-tiny-v1');
    expect(boxDirName('debian/bookworm64')).toBe('debian-VAGRANTSLASH-bookworm64');
  });
});
