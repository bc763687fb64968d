import { parseCommand } from '../../src/bot/commands.js';

describe('one command per comment', () => {
  test.each([
    ['/plan', { kind: 'plan' }],
    ['/help', { kind: 'help' }],
    ['/rollback shop-prod', { kind: 'rollback', service: 'shop-prod' }],
    ['/rollback shop-prod to 3', { kind: 'rollback', service: 'shop-prod', to: '3' }],
    ['/rollback shop-prod to v1.2', { kind: 'rollback', service: 'shop-prod', to: 'v1.2' }],
    ['/rollback shop-prod --to release/2.1', { kind: 'rollback', service: 'shop-prod', to: 'release/2.1' }],
    ['/rollback shop-prod to #2', { kind: 'rollback', service: 'shop-prod', to: '#2' }],
    ['/drift', { kind: 'drift' }],
    ['/drift shop-prod', { kind: 'drift', service: 'shop-prod' }],
    ['Did someone resize it?\n/drift   shop-prod  ', { kind: 'drift', service: 'shop-prod' }],
    ['  /rollback   shop-prod   to   abc1234  ', { kind: 'rollback', service: 'shop-prod', to: 'abc1234' }],
    ['Broken since Friday.\r\n/rollback shop-prod to 2\r\n/plan', { kind: 'rollback', service: 'shop-prod', to: '2' }],
  ])('%j', (body, expected) => {
    expect(parseCommand(body)).toEqual(expected);
  });

  test.each([
    'LGTM',
    'please run /plan later',
    '/planning meeting at 3',
    '/drifting off',
    '> /rollback shop-prod\nquoted, not asked',
    '```\n/rollback shop-prod\n```',
    '',
  ])('no command in %j', (body) => {
    expect(parseCommand(body)).toBeUndefined();
  });

  test.each([
    ['/rollback', /no service named/],
    ['/rollback Shop_Prod', /not a service name/],
    ['/rollback shop-prod 3', /unexpected `3`/],
    ['/rollback shop-prod to', /unexpected `to`/],
    ['/rollback shop-prod to $(reboot)', /neither a deployment id nor a Git ref/],
    ['/rollback shop-prod to 1 now', /unexpected/],
    ['/plan everything', /takes no arguments/],
    ['/drift shop-prod now', /unexpected `now`; usage: `\/drift \[SERVICE\]`/],
    ['/drift Shop_Prod', /not a service name/],
  ])('%j is answered with usage', (body, problem) => {
    const command = parseCommand(body);
    expect(command?.kind).toBe('invalid');
    expect(command && command.kind === 'invalid' && command.problem).toMatch(problem);
  });
});
