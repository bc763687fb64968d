// Given values from YAML that try every way out of a string literal or a shell word, the
// generated Vagrantfile is valid Ruby, Ruby reads every value back unchanged, and the guest
// scripts receive them unchanged without running anything.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rubyLiteral, RubySymbol } from '../../src/apply/drivers/vagrant/ruby.js';
import { renderVagrantfile, settingsFile } from '../../src/apply/drivers/vagrant/vagrantfile.js';
import { instanceSpec, instancesOf, serviceSpec, tierSpec } from './support/specs.js';
import { requireProgram } from '../support/tools.js';

beforeAll(() => requireProgram('ruby'));

const work = mkdtempSync(join(tmpdir(), 'svcplan-hostile-'));
const pwned = join(work, 'pwned');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const HOSTILE = [
  "it's",
  'say "hi"',
  '#{system("touch ' + pwned + '")}',
  '#{`touch ' + pwned + '`}',
  "back\\slash \\\\ and \\' and \\n",
  'line one\nline two\r\n',
  'EOF\nSHELL\nRUBY\n',
  '<<-SHELL\ntouch ' + pwned + '\nSHELL',
  '$(touch ' + pwned + ')',
  '`touch ' + pwned + '`',
  "'; touch " + pwned + "; echo '",
  '"; touch ' + pwned + '; echo "',
  '${HOME} $HOME %s %n',
  'ünïcödé ✓ 日本語 🚀',
  '__END__',
  '\t tab and trailing space ',
  '',
];

function ruby(script: string): string {
  const file = join(work, `script-${Math.random().toString(36).slice(2)}.rb`);
  writeFileSync(file, script);
  return execFileSync('ruby', [file], { encoding: 'utf8' });
}

test('Ruby reads every hostile string, number and structure back unchanged', () => {
  const value = {
    strings: HOSTILE,
    numbers: [0, -1, 42, 2 ** 53 - 1, 0.5, -1.25, 1e-7, 123456.789],
    flags: [true, false, null],
    nested: { [HOSTILE[2]]: { [HOSTILE[5]]: [HOSTILE[7]] } },
  };
  const literal = rubyLiteral(value);
  const out = ruby(`require 'json'\nvalue = ${literal}\nputs JSON.generate(value)\n`);
  expect(JSON.parse(out)).toEqual(value);
  expect(existsSync(pwned)).toBe(false);
});

test('symbols only from identifiers', () => {
  expect(rubyLiteral(RubySymbol.of('allow_existing'))).toBe(':allow_existing');
  expect(() => RubySymbol.of('a b')).toThrow(/not a Ruby identifier/);
  expect(() => RubySymbol.of('x"]; system("id")')).toThrow(/not a Ruby identifier/);
  expect(() => rubyLiteral(new Date())).toThrow(/cannot write a Date/);
  expect(() => rubyLiteral('a\0b')).toThrow(/NUL/);
});

describe('a Vagrantfile built from hostile values', () => {
  const settings = Object.fromEntries(HOSTILE.map((v, i) => [`S${i}`, v]));
  const repo = join(work, 'repo');
  mkdirSync(join(repo, 'apps'), { recursive: true });
  writeFileSync(join(repo, 'apps', 'install.sh'), '#!/bin/sh\necho installed\n');
  const spec = instanceSpec({
    image: { box: "test/tiny-v1'; system('touch " + pwned + "'); '", version: '1.0.0 #{x}' },
    features: HOSTILE.filter((f) => f !== ''),
    apps: { shop: { version: HOSTILE[2] + HOSTILE[8], install: 'apps/install.sh' }, 'db.main': { version: 'EOF\n' } },
    settings,
    state: { disk: 1, save: 'apps/install.sh', restore: 'apps/install.sh', onScaleIn: 'retain' },
    target: { provider: 'libvirt', options: { description: HOSTILE.join(' | '), cpu_mode: 'custom', random: { model: 'random' } } },
  });
  const service = serviceSpec('web', [tierSpec('app', spec)], { ssh: { host: '127.0.0.1', portBase: 2600 } });
  service.release = 'v1\nend; system("touch ' + pwned + '") #';
  const file = join(work, 'Vagrantfile');
  writeFileSync(file, renderVagrantfile({ repoDir: repo, service, instances: instancesOf(service) }));

  type Rec = { set?: string; value?: unknown; call?: string; args?: unknown[]; options?: Record<string, unknown> };
  const records: Rec[] = JSON.parse(execFileSync('ruby', [fileURLToPath(new URL('./support/fake-vagrant.rb', import.meta.url)), file], { encoding: 'utf8' }));
  const machine = 'config.vm.define[web-app-1]';
  const provision = (name: string) => {
    const rec = records.find((r) => r.call === `${machine}.vm.provision` && r.args?.[0] === name);
    if (!rec) throw new Error(`no provisioner ${name}`);
    return rec.options as Record<string, unknown>;
  };
  const decode = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');

  test('ruby -c accepts it and loading it runs nothing', () => {
    expect(execFileSync('ruby', ['-c', file], { encoding: 'utf8' })).toContain('Syntax OK');
    expect(existsSync(pwned)).toBe(false);
  });

  test('box, version and provider options arrive unchanged', () => {
    const set = (name: string) => records.find((r) => r.set === name)?.value;
    expect(set(`${machine}.vm.box`)).toBe(spec.image.box);
    expect(set(`${machine}.vm.box_version`)).toBe('= ' + spec.image.version);
    expect(set(`${machine}.vm.provider[libvirt].description`)).toBe(HOSTILE.join(' | '));
    expect(records).toContainEqual({ call: `${machine}.vm.provider[libvirt].random`, args: [{ ':model': 'random' }], options: {} });
  });

  test('every provisioner env value is inert base64 and decodes to the original', () => {
    for (const rec of records.filter((r) => r.call?.endsWith('.vm.provision'))) {
      const env = (rec.options as { ':env'?: Record<string, string> })[':env'] ?? {};
      for (const [key, value] of Object.entries(env)) {
        expect(key).toMatch(/^[A-Z_]+_B64$/);
        expect(value).toMatch(/^[A-Za-z0-9+/= ]*$/);
      }
    }
    const features = (provision('features')[':env'] as Record<string, string>).SVCPLAN_FEATURES_B64;
    expect(features.split(' ').map(decode)).toEqual(spec.features);
    const app = provision('app-shop')[':env'] as Record<string, string>;
    expect(decode(app.APP_VERSION_B64)).toBe(spec.apps.shop.version);
    expect(decode((provision('app-db.main')[':env'] as Record<string, string>).APP_VERSION_B64)).toBe('EOF\n');
    expect(provision('save-state')[':run']).toBe('never');
    expect(provision('restore-state')[':run']).toBe('never');
  });

  test('sourcing settings.env gives back every value and runs nothing', () => {
    const env = provision('settings')[':env'] as Record<string, string>;
    const text = decode(env.SVCPLAN_SETTINGS_B64);
    expect(text).toBe(settingsFile(settings, 'web'));
    const envFile = join(work, 'settings.env');
    writeFileSync(envFile, text);
    const keys = Object.keys(settings);
    const out = execFileSync('sh', ['-c', `. "$1"; printf '%s\\0' ${keys.map((k) => `"$${k}"`).join(' ')}`, 'sh', envFile], { encoding: 'utf8' });
    expect(out.split('\0').slice(0, -1)).toEqual(keys.map((k) => settings[k]));
    expect(existsSync(pwned)).toBe(false);
  });

  test('names that would break out of their place are refused with the reason', () => {
    const bad = (options: Record<string, unknown>, apps = {}, s: Record<string, string> = {}) => {
      const svc = serviceSpec('web', [tierSpec('app', instanceSpec({ apps, settings: s, target: { provider: 'libvirt', options } }))]);
      return () => renderVagrantfile({ repoDir: repo, service: svc, instances: instancesOf(svc) });
    };
    expect(bad({ 'x=1; system("id")': 1 })).toThrow(/target.options key .* is not a libvirt setting name/);
    expect(bad({}, { 'a,b': { version: '1' } })).toThrow(/app name "a,b" cannot name a provisioner/);
    expect(bad({}, {}, { 'A B': 'x' })).toThrow(/setting "A B" is not a valid environment variable name/);
    expect(bad({}, { x: { version: '1', install: '../outside.sh' } })).toThrow(/outside the templates repository/);
  });
});
