import { loadDesiredState } from '../../load/index.js';
import { REPO_FLAG, defineCommand, stringFlag } from '../command.js';
import { EXIT_OK, styler } from '../io.js';
import { openTemplatesRepo } from '../repo.js';

interface ValidateSettings {
  repo?: string;
}

export const validateCommand = defineCommand<ValidateSettings>({
  name: 'validate',
  summary: 'check every template and service file in the working tree',
  usage: 'validate [--repo DIR]',
  description:
    'Loads svcplan.yaml, every template and every service in the working tree, checks them against ' +
    'the svcplan/v1 schema and against each other (a service names an existing template and tier, ' +
    'counts within scale, scripts that exist), and resolves every service. Prints every problem ' +
    'as file:line:column: message on stderr and exits 2; nothing is changed either way.',
  flags: { ...REPO_FLAG },
  parse: (args) => ({ repo: stringFlag(args, 'repo') }),
  async run(settings, ctx) {
    const repo = await openTemplatesRepo(settings.repo, ctx.cwd);
    const desired = await loadDesiredState(repo.worktree);
    const instances = desired.services.reduce((sum, s) => sum + s.tiers.reduce((n, t) => n + t.count, 0), 0);
    const style = styler(ctx.color);
    ctx.io.stdout.write(
      `${style('green', 'valid:')} ${count(desired.templates.length, 'template')}, ` +
        `${count(desired.services.length, 'service')}, ${count(instances, 'instance')}\n`,
    );
    return EXIT_OK;
  },
});

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
