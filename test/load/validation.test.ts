import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadDesiredState, WorktreeReader } from '../../src/load/index.js';
import { formatDiagnostic, InputError, type DesiredState } from '../../src/model/types.js';
import { SCRIPTS, SHOP_PROD, validRepoFiles, WEB_SHOP } from './fixtures.js';

const TEMPLATE = 'templates/web-shop.yaml';
const SERVICE = 'services/shop-prod.yaml';

async function withRepo<T>(files: Record<string, string>, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'svcplan-load-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
    }
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function load(files: Record<string, string>): Promise<DesiredState> {
  return withRepo(files, (dir) => loadDesiredState(new WorktreeReader(dir)));
}

/** Every diagnostic as `file:line:column: message`, in the order the loader gives them. */
async function errorsOf(files: Record<string, string>): Promise<string[]> {
  try {
    await load(files);
  } catch (err) {
    if (err instanceof InputError) return err.diagnostics.map(formatDiagnostic);
    throw err;
  }
  throw new Error('expected the load to fail');
}

/** `file:line:column` of the first `needle` on a 1-based line: an oracle independent of the loader. */
function at(file: string, text: string, line: number, needle: string): string {
  const column = text.split('\n')[line - 1].indexOf(needle);
  if (column < 0) throw new Error(`"${needle}" is not on line ${line} of ${file}`);
  return `${file}:${line}:${column + 1}`;
}

const withTemplate = (text: string, extra: Record<string, string> = {}) => ({ ...validRepoFiles(), [TEMPLATE]: text, ...extra });
const withService = (text: string, extra: Record<string, string> = {}) => ({ ...validRepoFiles(), [SERVICE]: text, ...extra });

describe('a valid repository', () => {
  it('loads templates and services with every default filled in', async () => {
    const state = await load(validRepoFiles());
    expect(state.revision).toEqual({ ref: 'WORKTREE', commit: '' });
    expect(state.templates.map((t) => t.name)).toEqual(['web-shop']);
    const [shop] = state.services;
    expect(shop.name).toBe('shop-prod');
    expect(shop.release).toBe('2.1');
    expect(shop.files).toEqual({ template: TEMPLATE, service: SERVICE });
    // db has rollout.order 1, web 2: tiers come in rollout order.
    expect(shop.tiers.map((t) => t.name)).toEqual(['db', 'web']);
    const [db, web] = shop.tiers;
    expect(db).toEqual({
      name: 'db',
      count: 1,
      scale: { min: 0, max: 100 },
      health: { timeout: 300, minReady: 0 },
      rollout: { upgradeDomains: 1, maxParallel: 1, pauseBetweenDomains: 0, order: 1, maxDisruption: 'replace', autoRollback: false },
      instance: {
        image: { box: 'svcplan/debian-12', version: '12.7.1' },
        cpus: 1,
        memory: 1024,
        features: [],
        apps: {},
        settings: {},
        target: { provider: 'virtualbox', runner: 'hv-01', options: {} },
      },
    });
    expect(web.count).toBe(4); // the service's override, not the template's 3
    // Service settings are merged over the template's; numbers keep the text they were written as.
    expect(web.instance.settings).toEqual({ SHOP_MODE: 'production-eu', PORT: '8080', RATIO: '1.50', DEBUG: 'false' });
    expect(web.instance.state).toEqual({ disk: 10, save: 'apps/shop/save-state.sh', restore: 'apps/shop/restore-state.sh', onScaleIn: 'retain' });
    expect(shop.target).toEqual({ driver: 'vagrant', provider: 'virtualbox', runner: 'hv-01', options: {} });
  });

  it('fills the target defaults when a service names none', async () => {
    const state = await load(withService('apiVersion: svcplan/v1\nkind: Service\nname: shop-dev\ntemplate: web-shop\n'));
    expect(state.services[0].target).toEqual({ driver: 'vagrant', provider: 'libvirt', options: {} });
    expect(state.services[0].tiers.find((t) => t.name === 'web')!.count).toBe(3);
  });

  it('ignores files that are not YAML, and YAML outside the configured folders', async () => {
    const state = await load({ ...validRepoFiles(), 'templates/README.md': '# not yaml', 'docs/other.yaml': 'foo: [' });
    expect(state.services).toHaveLength(1);
  });

  it('loads several documents from one file, and points errors at the right one', async () => {
    const both = `${WEB_SHOP}---\n${SHOP_PROD}`;
    const state = await load({ 'templates/all.yaml': both, ...SCRIPTS });
    expect(state.services[0].files).toEqual({ template: 'templates/all.yaml', service: 'templates/all.yaml' });
    const broken = both.replace('template: web-shop', 'template: web-shoq');
    const serviceLine = broken.split('\n').indexOf('template: web-shoq') + 1;
    expect(await errorsOf({ 'templates/all.yaml': broken, ...SCRIPTS })).toEqual([
      `${at('templates/all.yaml', broken, serviceLine, 'web-shoq')}: template "web-shoq" does not exist; templates found: web-shop`,
    ]);
    // The locator finds a path in whichever document has it.
    const [file, line, column] = at('templates/all.yaml', both, serviceLine + 1, 'virtualbox').split(':');
    expect(state.locator.locate(file, ['target', 'provider'])).toEqual({ line: Number(line), column: Number(column) });
    expect(state.locator.locate('templates/all.yaml', ['tiers', 'web', 'memory'])).toEqual({ line: 11, column: 13 });
  });
});

describe('schema rules, each reported at its line and column', () => {
  it('memory must be an integer of MiB', async () => {
    const text = WEB_SHOP.replace('memory: 2048', 'memory: "2G"');
    expect(await errorsOf(withTemplate(text))).toEqual([`${at(TEMPLATE, text, 11, '"2G"')}: tiers.web.memory must be an integer ≥ 256 (MiB), got "2G"`]);
  });

  it('versions must be quoted strings', async () => {
    const text = WEB_SHOP.replace('version: "12.7.1"', 'version: 12.10').replace('version: "4.2.0"', 'version: 4.2');
    expect(await errorsOf(withTemplate(text))).toEqual([
      `${at(TEMPLATE, text, 6, '12.10')}: images.debian12.version must be a string, got number 12.10; quote it: "12.10"`,
      `${at(TEMPLATE, text, 16, '4.2')}: tiers.web.apps.shop.version must be a string, got number 4.2; quote it: "4.2"`,
    ]);
  });

  it('release must be a string', async () => {
    const text = WEB_SHOP.replace('release: "2.1"', 'release: 2.10');
    expect(await errorsOf(withTemplate(text))).toEqual([`${at(TEMPLATE, text, 4, '2.10')}: release must be a string, got number 2.10; quote it: "2.10"`]);
  });

  it('an unknown field is pointed at, with the likely intended one', async () => {
    const text = WEB_SHOP.replace('cpus: 2', 'cpsu: 2');
    expect(await errorsOf(withTemplate(text))).toEqual([`${at(TEMPLATE, text, 10, 'cpsu')}: tiers.web has an unknown field "cpsu"; did you mean "cpus"?`]);
  });

  it('a missing required field is reported on its parent', async () => {
    const text = WEB_SHOP.replace('    image: debian12\n    rollout: { order: 1 }', '    cpus: 1\n    rollout: { order: 1 }');
    expect(await errorsOf(withTemplate(text))).toEqual([`${at(TEMPLATE, text, 26, 'cpus')}: tiers.db is missing the required field "image"`]);
  });

  it('names must be safe as VM and file names', async () => {
    const text = WEB_SHOP.replace('name: web-shop', 'name: Web_Shop')
      .replace('  db:', '  db-1:')
      .replace('shop: { version', 'Shop: { version')
      .replace('SHOP_MODE: production,', '1MODE: production,')
      .replace('features: [nginx]', 'features: [nginx, "Nginx!"]');
    const service = SHOP_PROD.replace('template: web-shop', 'template: Web_Shop');
    expect(await errorsOf(withTemplate(text, { [SERVICE]: service }))).toEqual([
      `${at(SERVICE, service, 4, 'Web_Shop')}: template must be 2 to 40 characters: lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen, got "Web_Shop"`,
      `${at(TEMPLATE, text, 3, 'Web_Shop')}: name must be 2 to 40 characters: lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen, got "Web_Shop"`,
      `${at(TEMPLATE, text, 14, '"Nginx!"')}: tiers.web.features[1] must be lowercase letters, digits and ".+_-", at most 64 characters, got "Nginx!"`,
      `${at(TEMPLATE, text, 16, 'Shop')}: tiers.web.apps: "Shop" is not a valid name; use 1 to 32 characters: lowercase letters, digits, "_" and "-", starting with a letter`,
      `${at(TEMPLATE, text, 17, '1MODE')}: tiers.web.settings: "1MODE" is not a valid name; use an environment variable name: letters, digits and "_", not starting with a digit, at most 64 characters`,
      `${at(TEMPLATE, text, 25, 'db-1')}: tiers: "db-1" is not a valid name; use 1 to 16 lowercase letters and digits, starting with a letter (no hyphens, so <service>-<tier>-<n> stays unambiguous)`,
    ]);
  });

  it('settings values are strings, numbers or booleans', async () => {
    const text = WEB_SHOP.replace('DEBUG: false', 'DEBUG: [1, 2]');
    expect(await errorsOf(withTemplate(text))).toEqual([
      `${at(TEMPLATE, text, 17, '[1, 2]')}: tiers.web.settings.DEBUG must be a string, a number or true or false, got a list`,
    ]);
  });

  it('script paths must be relative, stay inside the repository, and exist at that revision', async () => {
    const text = WEB_SHOP.replace('install: apps/shop/install.sh', 'install: /etc/install.sh')
      .replace('save: apps/shop/save-state.sh', 'save: apps/../../save.sh')
      .replace('restore: apps/shop/restore-state.sh', 'restore: apps/shop/missing.sh');
    const hint = 'a path relative to the repository root, without ".."';
    expect(await errorsOf(withTemplate(text))).toEqual([
      `${at(TEMPLATE, text, 16, '/etc/install.sh')}: tiers.web.apps.shop.install must be ${hint}, got "/etc/install.sh"`,
      `${at(TEMPLATE, text, 20, 'apps/../../save.sh')}: tiers.web.state.save must be ${hint}, got "apps/../../save.sh"`,
      `${at(TEMPLATE, text, 21, 'apps/shop/missing.sh')}: tiers.web.state.restore: "apps/shop/missing.sh" does not exist at this revision (the working tree); paths are relative to the repository root`,
    ]);
  });

  it('target: provider, SSH port base and provider options are checked', async () => {
    const service = [
      'apiVersion: svcplan/v1',
      'kind: Service',
      'name: shop-prod',
      'template: web-shop',
      'target:',
      '  provider: vmware',
      '  ssh: { host: 127.0.0.1, portBase: 80 }',
      '  options: { cpu_mode: host-passthrough, Bad-Key: 1, empty: null }',
      '',
    ].join('\n');
    expect(await errorsOf(withService(service))).toEqual([
      `${at(SERVICE, service, 6, 'vmware')}: target.provider must be one of "virtualbox", "libvirt", got "vmware"`,
      `${at(SERVICE, service, 7, '80')}: target.ssh.portBase must be an integer from 1024 to 65000, got 80`,
      `${at(SERVICE, service, 8, 'Bad-Key')}: target.options: "Bad-Key" is not a valid name; use a provider setting name: lowercase letters, digits and "_"`,
      `${at(SERVICE, service, 8, 'null')}: target.options.empty must be a string, a number, true or false, a list or a mapping (key: value), got null (an empty value)`,
    ]);
  });

  it('an SSH port base must leave a port for every instance', async () => {
    const service = SHOP_PROD.replace('runner: hv-01 }', 'runner: hv-01, ssh: { portBase: 65000 } }').replace('count: 4', 'count: 10');
    await expect(load(withService(service))).resolves.toBeDefined();
    // db comes first in rollout order and reserves its scale.max (600) ports: web would start at 65600.
    const crowded = WEB_SHOP.replace(
      '    image: debian12\n    rollout: { order: 1 }',
      '    image: debian12\n    scale: { min: 0, max: 600 }\n    rollout: { order: 1 }',
    );
    expect(await errorsOf({ ...withService(service), 'templates/web-shop.yaml': crowded })).toEqual([
      `${at(SERVICE, service, 5, '65000')}: target.ssh.portBase 65000 leaves no port for tier web: its last instance would get 65609 (each tier, in rollout order, reserves scale.max ports); choose a lower portBase`,
    ]);
    const tooMany = service.replace('count: 10', 'count: 10, x: 1');
    expect(await errorsOf(withService(tooMany))).toEqual([
      `${at(SERVICE, tooMany, 6, 'x: 1')}: tiers.web has an unknown field "x"; known fields: count, settings`,
    ]);
  });

  it('provider options may be scalars, lists or mappings, but not absurdly deep', async () => {
    const deep = 'a: '.repeat(10) + '1';
    const nested = `{ ${deep
      .split(' ')
      .slice(0, -1)
      .map((k) => k)
      .join(' { ')} 1${' }'.repeat(9)} }`;
    const service = SHOP_PROD.replace(
      'runner: hv-01 }',
      `runner: hv-01, options: { cpu_mode: host-passthrough, disks: [1, 2], graphics: { type: vnc }, too_deep: ${nested} } }`,
    );
    expect(await errorsOf(withService(service))).toEqual([
      `${at(SERVICE, service, 5, 'too_deep: {').replace(/:(\d+)$/, (_, c) => `:${Number(c) + 10}`)}: target.options.too_deep is nested more than 8 levels deep; provider settings are never this deep`,
    ]);
  });
});

describe('rules across files', () => {
  it('a service names an existing template', async () => {
    const service = SHOP_PROD.replace('template: web-shop', 'template: web-shoq');
    expect(await errorsOf(withService(service))).toEqual([
      `${at(SERVICE, service, 4, 'web-shoq')}: template "web-shoq" does not exist; templates found: web-shop`,
    ]);
  });

  it('a service whose template is itself invalid gets no second error', async () => {
    const text = WEB_SHOP.replace('memory: 2048', 'memory: 1');
    expect(await errorsOf(withTemplate(text))).toEqual([`${at(TEMPLATE, text, 11, '1')}: tiers.web.memory must be an integer ≥ 256 (MiB), got 1`]);
  });

  it('tier overrides name tiers of the template', async () => {
    const service = SHOP_PROD.replace('tiers: { web:', 'tiers: { wbe:');
    expect(await errorsOf(withService(service))).toEqual([
      `${at(SERVICE, service, 6, 'wbe')}: tiers.wbe: template web-shop has no tier "wbe" (its tiers: web, db)`,
    ]);
  });

  it("a tier's image names an entry of images", async () => {
    const text = WEB_SHOP.replace('    image: debian12\n    rollout', '    image: debian13\n    rollout');
    expect(await errorsOf(withTemplate(text))).toEqual([
      `${at(TEMPLATE, text, 26, 'debian13')}: tiers.db.image "debian13" is not one of the template's images (debian12); add it under images or fix the name`,
    ]);
  });

  it('counts stay within scale, and scale.min ≤ scale.max', async () => {
    const text = WEB_SHOP.replace('count: 3', 'count: 11').replace('    rollout: { order: 1 }', '    scale: { min: 2 }\n    rollout: { order: 1 }');
    const textMinMax = WEB_SHOP.replace('scale: { min: 1, max: 10 }', 'scale: { min: 5, max: 4 }');
    const service = SHOP_PROD.replace('count: 4', 'count: 12');
    expect(await errorsOf(withTemplate(text))).toEqual([
      `${at(TEMPLATE, text, 12, '11')}: tiers.web.count 11 is outside scale 1..10; choose a count from 1 to 10, or change scale`,
      `${at(TEMPLATE, text, 26, 'image')}: tiers.db.count 1 (the default) is outside scale 2..100; choose a count from 2 to 100 and write it, or change scale`,
    ]);
    expect(await errorsOf(withTemplate(textMinMax))).toEqual([`${at(TEMPLATE, textMinMax, 13, '5')}: tiers.web.scale.min 5 is greater than scale.max 4`]);
    expect(await errorsOf(withService(service))).toEqual([
      `${at(SERVICE, service, 6, '12')}: tiers.web.count 12 is outside the scale 1..10 of tier web in template web-shop (${TEMPLATE})`,
    ]);
  });

  it('template and service names are unique across files; the second is reported, naming the first', async () => {
    const files = { ...validRepoFiles(), 'templates/z-copy.yaml': WEB_SHOP, 'services/a-copy.yml': SHOP_PROD };
    expect(await errorsOf(files)).toEqual([
      `services/shop-prod.yaml:3:7: service name "shop-prod" is already used by services/a-copy.yml:3:7; service names must be unique`,
      `templates/z-copy.yaml:3:7: template name "web-shop" is already used by templates/web-shop.yaml:3:7; template names must be unique`,
    ]);
  });
});

describe('what is and is not a svcplan file', () => {
  it('a YAML file without apiVersion and kind is an error, with a hint', async () => {
    expect(await errorsOf({ ...validRepoFiles(), 'templates/notes.yaml': 'todo: write a template\n' })).toEqual([
      'templates/notes.yaml:1:1: not a svcplan file: YAML files under the template and service folders must start with "apiVersion: svcplan/v1" and "kind: ServiceTemplate" or "kind: Service"; add them, or move the file out of these folders (or change the folders in svcplan.yaml)',
    ]);
  });

  it('another tool’s file is recognised as such', async () => {
    const errors = await errorsOf({ ...validRepoFiles(), 'services/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\n' });
    expect(errors).toEqual([expect.stringMatching(/^services\/cm\.yaml:1:13: not a svcplan file \(apiVersion "v1"\): /)]);
  });

  it('an unknown kind or version of svcplan is an error', async () => {
    const files = {
      ...validRepoFiles(),
      'templates/a.yaml': 'apiVersion: svcplan/v1\nkind: ServiceTemplat\n',
      'templates/b.yaml': 'apiVersion: svcplan/v2\nkind: ServiceTemplate\n',
      'templates/c.yaml': 'apiVersion: svcplan/v1\nkind: Config\n',
      'templates/d.yaml': 'kind: Service\n',
    };
    expect(await errorsOf(files)).toEqual([
      'templates/a.yaml:2:7: unknown kind "ServiceTemplat"; svcplan/v1 files are of kind ServiceTemplate or Service',
      'templates/b.yaml:1:13: apiVersion "svcplan/v2" is not supported; this svcplan reads svcplan/v1',
      'templates/c.yaml:2:7: kind Config belongs in svcplan.yaml at the repository root, not in a template or service folder',
      'templates/d.yaml:1:1: the document is missing "apiVersion: svcplan/v1"',
    ]);
  });

  it('YAML syntax errors are located', async () => {
    const text = WEB_SHOP.replace('features: [nginx]', 'features: [nginx');
    // Only the syntax errors: the service of the unreadable template is not also reported.
    const errors = await errorsOf(withTemplate(text));
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error).toMatch(/^templates\/web-shop\.yaml:(14|15|2\d):\d+: .*\(YAML /);
    const tabs = await errorsOf(withTemplate(WEB_SHOP.replace('    cpus: 2', '\tcpus: 2')));
    expect(tabs[0]).toMatch(/^templates\/web-shop\.yaml:10:1: .*tab/i);
    const duplicate = await errorsOf(withTemplate(WEB_SHOP.replace('    cpus: 2', '    cpus: 2\n    cpus: 3')));
    expect(duplicate).toEqual([expect.stringMatching(/^templates\/web-shop\.yaml:11:5: Map keys must be unique/)]);
  });

  it('an empty file and a binary file are errors', async () => {
    expect(await errorsOf({ ...validRepoFiles(), 'templates/empty.yaml': '# nothing yet\n' })).toEqual([
      'templates/empty.yaml:1:1: file has no svcplan/v1 document; write a ServiceTemplate or Service here, or delete the file',
    ]);
    expect(await errorsOf({ ...validRepoFiles(), 'templates/bin.yaml': 'ab\ncd\0\x01' })).toEqual([
      'templates/bin.yaml:2:3: not UTF-8 text (binary data or a broken encoding); save the file as UTF-8 YAML',
    ]);
  });

  it('refuses input that would make the parser slow or exhaust memory, at the place it starts', async () => {
    const nesting = 'nested more than 64 levels deep; no svcplan file needs this, and parsing it would be slow';
    const flow = WEB_SHOP.replace('features: [nginx]', `features: ${'['.repeat(100)}${']'.repeat(100)}`);
    expect(await errorsOf(withTemplate(flow))).toEqual([
      `${at(TEMPLATE, flow, 14, '['.repeat(36))}`.replace(/:(\d+)$/, (_, c) => `:${Number(c) + 64}`) + `: ${nesting}`,
    ]);
    const compact = WEB_SHOP.replace('    features: [nginx]', `    features:\n      ${'- '.repeat(5000)}x`);
    expect(await errorsOf(withTemplate(compact))).toEqual([`${TEMPLATE}:15:7: ${nesting}`]);
    const complexKey = WEB_SHOP.replace('    cpus: 2', '    ? [a, b]\n    : 2');
    expect(await errorsOf(withTemplate(complexKey))).toEqual([
      `${at(TEMPLATE, complexKey, 10, '[a, b]')}: a key must be a plain name, not a list or a mapping`,
    ]);
    const bomb = ['a0: &a0 [x, x]', ...Array.from({ length: 30 }, (_, i) => `a${i + 1}: &a${i + 1} [*a${i}, *a${i}]`)].join('\n');
    expect(await errorsOf(withTemplate(`${WEB_SHOP}${bomb}\n`))).toEqual([
      `${TEMPLATE}:1:1: cannot read this document: too many aliases are expanded (an alias bomb?); write the values out`,
    ]);
  });

  it('every error of every file comes at once, sorted by file, line and column', async () => {
    const text = WEB_SHOP.replace('memory: 2048', 'memory: 2G').replace('cpus: 2', 'cpus: 0');
    const service = SHOP_PROD.replace('provider: virtualbox', 'provider: qemu');
    const errors = await errorsOf({ ...withTemplate(text, { [SERVICE]: service }), 'templates/a.yaml': 'x: 1\n' });
    expect(errors.map((e) => e.split(': ')[0])).toEqual([at(SERVICE, service, 5, 'qemu'), 'templates/a.yaml:1:1', `${TEMPLATE}:10:11`, `${TEMPLATE}:11:13`]);
  });
});

describe('svcplan.yaml', () => {
  it('moves the folders files are found in', async () => {
    const files = {
      'svcplan.yaml': 'apiVersion: svcplan/v1\nkind: Config\ntemplates: [infra/templates]\nservices: [infra/services, ./more/]\n',
      'infra/templates/web-shop.yaml': WEB_SHOP,
      'infra/services/shop-prod.yaml': SHOP_PROD,
      'more/nested/shop-dev.yaml': SHOP_PROD.replace('name: shop-prod', 'name: shop-dev'),
      'templates/ignored.yaml': 'not: [valid',
      ...SCRIPTS,
    };
    const state = await load(files);
    expect(state.services.map((s) => [s.name, s.files.service])).toEqual([
      ['shop-dev', 'more/nested/shop-dev.yaml'],
      ['shop-prod', 'infra/services/shop-prod.yaml'],
    ]);
  });

  it('is validated like every other file', async () => {
    const config = 'apiVersion: svcplan/v1\nkind: Config\ntemplates: [../outside]\nstate: { store: s3 }\n';
    expect(await errorsOf({ ...validRepoFiles(), 'svcplan.yaml': config })).toEqual([
      'svcplan.yaml:3:13: templates[0] must be a path relative to the repository root, without "..", got "../outside"',
      'svcplan.yaml:4:17: state.store must be one of "local", "git", got "s3"',
    ]);
  });
});
