/** What one issue comment asks svcplan to do. */
export type BotCommand =
  | { kind: 'rollback'; service: string; to?: string }
  | { kind: 'plan' }
  | { kind: 'drift'; service?: string }
  | { kind: 'help' }
  /** A line starting with a known command word whose arguments are wrong: answered with usage. */
  | { kind: 'invalid'; command: string; problem: string };

const SERVICE_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
/** A deployment id, or a Git ref/commit: no spaces, nothing git would refuse. */
const TARGET = /^#?[A-Za-z0-9._/@~^-]+$/;

export const HELP_TEXT = [
  'svcplan commands (one per comment; only users with write access are obeyed):',
  '',
  '| command | what it does |',
  '|---|---|',
  '| `/plan` | plans this pull request again and updates the plan comment and check |',
  '| `/rollback SERVICE` | redeploys the deployment before the current one of SERVICE |',
  '| `/rollback SERVICE to ID` | redeploys deployment ID (`3` or `#3`; see `svcplan history SERVICE`) |',
  '| `/rollback SERVICE to REF` | redeploys SERVICE as it is defined at a Git ref or commit |',
  '| `/drift` | shows the last drift check of every service (when, on which runner, what differs) and starts a fresh one |',
  '| `/drift SERVICE` | the same for one service, checked again on its own runner |',
  '| `/help` | shows this table |',
].join('\n');

/**
 * Finds the one command in a comment: the first line that starts with `/plan`, `/rollback`,
 * `/drift` or `/help` (outside code blocks and quotes). Returns undefined for a comment with no command, so
 * ordinary discussion never gets a reply.
 */
export function parseCommand(body: string): BotCommand | undefined {
  let inFence = false;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('```') || line.startsWith('~~~')) {
      inFence = !inFence;
      continue;
    }
    if (inFence || line.startsWith('>')) continue;
    const match = /^\/(plan|rollback|drift|help)(?=\s|$)(.*)$/.exec(line);
    if (!match) continue;
    const [, word, rest] = match;
    const args = rest.trim().split(/\s+/).filter(Boolean);
    return commandFrom(word, args);
  }
  return undefined;
}

function commandFrom(word: string, args: string[]): BotCommand {
  if (word === 'help') return { kind: 'help' };
  if (word === 'plan') {
    if (args.length > 0) return { kind: 'invalid', command: 'plan', problem: '`/plan` takes no arguments' };
    return { kind: 'plan' };
  }
  if (word === 'drift') {
    const usage = 'usage: `/drift [SERVICE]`';
    if (args.length === 0) return { kind: 'drift' };
    if (args.length > 1) return { kind: 'invalid', command: 'drift', problem: `unexpected \`${args.slice(1).join(' ')}\`; ${usage}` };
    if (!SERVICE_NAME.test(args[0])) return { kind: 'invalid', command: 'drift', problem: `\`${args[0]}\` is not a service name; ${usage}` };
    return { kind: 'drift', service: args[0] };
  }
  const usage = 'usage: `/rollback SERVICE [to ID|REF]`';
  const [service, ...tail] = args;
  if (!service) return { kind: 'invalid', command: 'rollback', problem: `no service named; ${usage}` };
  if (!SERVICE_NAME.test(service)) {
    return { kind: 'invalid', command: 'rollback', problem: `\`${service}\` is not a service name; ${usage}` };
  }
  if (tail.length === 0) return { kind: 'rollback', service };
  const [keyword, target, ...extra] = tail;
  const toKeyword = keyword === 'to' || keyword === '--to';
  if (toKeyword && target && extra.length === 0 && TARGET.test(target)) return { kind: 'rollback', service, to: target };
  if (toKeyword && target && !TARGET.test(target)) {
    return { kind: 'invalid', command: 'rollback', problem: `\`${target}\` is neither a deployment id nor a Git ref; ${usage}` };
  }
  return { kind: 'invalid', command: 'rollback', problem: `unexpected \`${tail.join(' ')}\`; ${usage}` };
}
