import type { CommandDefinition, FlagSpec } from './command.js';

const WIDTH = 92;

export function overallHelp(commands: CommandDefinition<unknown>[], version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `svcplan ${version}: classified update plans for virtual-machine service templates kept in Git`,
    '',
    'Usage: svcplan <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show help (also after a command: svcplan plan --help)',
    '  -V, --version  print the version',
    '',
    'Exit codes: 0 ok, 1 failed apply, 2 bad input or refused plan.',
    'Environment: NO_COLOR turns colour off (colour is only used on a terminal).',
    '',
  ].join('\n');
}

export function commandHelp(command: CommandDefinition<unknown>): string {
  const flags: [string, FlagSpec][] = [...Object.entries(command.flags), ['help', { type: 'boolean', short: 'h', description: 'show this help' }]];
  const labels = flags.map(([name, f]) => (f.short ? `-${f.short}, ` : '    ') + `--${name}` + (f.value ? ` ${f.value}` : ''));
  const width = Math.max(...labels.map((l) => l.length));
  return [
    `Usage: svcplan ${command.usage}`,
    '',
    ...command.description.split('\n\n').map((p) => wrap(p, WIDTH, '') + '\n'),
    'Options:',
    ...flags.map(([, f], i) => `  ${labels[i].padEnd(width)}  ${wrap(f.description, WIDTH - width - 4, ' '.repeat(width + 4))}`),
    '',
  ].join('\n');
}

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n' + indent);
}
