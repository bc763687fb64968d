// Given the example templates repository, every service's generated Vagrantfile passes
// `vagrant validate`, for the libvirt and the VirtualBox provider alike.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { validateVagrantfile, VagrantCommandError } from '../../src/apply/drivers/vagrant/driver.js';
import { renderVagrantfile } from '../../src/apply/drivers/vagrant/vagrantfile.js';
import { loadDesiredState, WorktreeReader } from '../../src/load/index.js';
import type { Provider, ServiceSpec } from '../../src/model/types.js';
import { instancesOf } from './support/specs.js';
import { requireProgram } from '../support/tools.js';

beforeAll(() => requireProgram('vagrant'));

const examples = resolve('templates');
const work = mkdtempSync(join(tmpdir(), 'svcplan-validate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The same service on another provider: provider options belong to one provider, so they go. */
function onProvider(service: ServiceSpec, provider: Provider): ServiceSpec {
  if (service.target.provider === provider) return service;
  const options = {};
  return {
    ...service,
    target: { ...service.target, provider, options },
    tiers: service.tiers.map((t) => ({ ...t, instance: { ...t.instance, target: { ...t.instance.target, provider, options } } })),
  };
}

async function validate(service: ServiceSpec, label: string): Promise<void> {
  const dir = join(work, label);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'Vagrantfile'), renderVagrantfile({ repoDir: examples, service, instances: instancesOf(service) }));
  await validateVagrantfile(dir);
}

test('every example service validates on both providers', async () => {
  const desired = await loadDesiredState(new WorktreeReader(examples));
  expect(desired.services.length).toBeGreaterThanOrEqual(3);
  for (const service of desired.services) {
    for (const provider of ['libvirt', 'virtualbox'] as const) {
      await validate(onProvider(service, provider), `${service.name}-${provider}`);
    }
  }
}, 180_000);

test('a provider option that does not exist is reported by vagrant validate', async () => {
  const desired = await loadDesiredState(new WorktreeReader(examples));
  const service = onProvider(
    desired.services.find((s) => s.target.provider === 'libvirt')!,
    'libvirt',
  );
  const broken: ServiceSpec = {
    ...service,
    tiers: service.tiers.map((t) => ({ ...t, instance: { ...t.instance, target: { ...t.instance.target, options: { no_such_setting: 1 } } } })),
  };
  const error = await validate(broken, 'broken').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(VagrantCommandError);
  expect(String((error as Error).message)).toMatch(/no_such_setting/);
}, 60_000);
