import { loadDesiredState } from '../../load/index.js';
import { REPO_FLAG, defineCommand, stringFlag } from '../command.js';
import { EXIT_INPUT, EXIT_OK, UsageError } from '../io.js';
import { openRepoStore, openTemplatesRepo } from '../repo.js';
import { STATE_FLAG, leaseOwner, parseStateFlag, svcplanLines } from './apply.js';

interface ImportSettings {
  repo?: string;
  service: string;
  state?: 'local' | 'git';
}

export const importCommand = defineCommand<ImportSettings>({
  name: 'import',
  summary: 'record the machines that already run a service as its state',
  usage: 'import SERVICE [--state local|git] [--repo DIR]',
  description:
    'Adopts the Vagrant machines of a service that exist before svcplan applies it (in the ' +
    "service's directory, .svcplan/vagrant/SERVICE/, named SERVICE-TIER-N): each is observed as " +
    '`svcplan drift` observes, and recorded when it is what the templates say (box and version, ' +
    'memory, cpus, features, settings, app versions, state disk). Instances no machine is yet are ' +
    'left to the next plan, which creates them. Anything that differs is refused, with what ' +
    'differs and how to go on; nothing is recorded then.\n\n' +
    'Exits 0 when imported, 2 when refused.',
  flags: { ...STATE_FLAG, ...REPO_FLAG },
  maxPositionals: 1,
  parse(args) {
    const service = args.positionals[0];
    if (!service) throw new UsageError('which service? usage: svcplan import SERVICE', 'svcplan plan lists the services of the templates repository');
    return { repo: stringFlag(args, 'repo'), service, state: parseStateFlag(args) };
  },
  async run(settings, ctx) {
    // The import and the Vagrant driver it observes with are loaded when this command runs, not
    // with every command (see ../machines.ts).
    const { applyMachinery, ImportRefused, importService, vagrantDirOf } = await import('../machines.js');
    const repo = await openTemplatesRepo(settings.repo, ctx.cwd);
    const desired = await loadDesiredState(repo.worktree);
    const spec = desired.services.find((s) => s.name === settings.service);
    if (!spec) {
      throw new UsageError(
        `no service ${settings.service} in the templates repository`,
        `services: ${
          desired.services
            .map((s) => s.name)
            .sort()
            .join(', ') || 'none'
        }`,
      );
    }
    const store = await openRepoStore(repo, settings.state);
    const { driver } = applyMachinery({ checkout: repo, store, recorded: {}, dryRun: false, onOutput: svcplanLines(ctx) });
    try {
      const result = await importService({
        desired: spec,
        store,
        driver,
        owner: leaseOwner(),
        revision: { commit: repo.headCommit ?? '', ref: 'WORKTREE' },
        machineDir: vagrantDirOf(repo.dir, spec.name),
      });
      ctx.io.stdout.write(
        `${settings.service}: imported ${result.imported.length} machine(s)${result.imported.length ? ` (${result.imported.join(', ')})` : ''}` +
          (result.missing.length ? `; not there yet: ${result.missing.join(', ')} (svcplan plan creates them)` : '') +
          '\n',
      );
      return EXIT_OK;
    } catch (err) {
      if (!(err instanceof ImportRefused)) throw err;
      ctx.io.stderr.write(`svcplan: ${err.message}\n`);
      return EXIT_INPUT;
    }
  },
});
