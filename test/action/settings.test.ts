// Settings resolve the same way through every door: what the door is told explicitly, then
// svcplan.yaml, then the door's default. The Action's inputs no longer shadow svcplan.yaml with
// defaults of their own, so it reads and writes the state branch the CLI and the app use.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Git } from '../../src/git/git.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startGitHubApi, webhookExample, type GitHubApi } from '../support/github-api/index.js';
import { repoFiles } from './fixtures.js';
import { ensureActionBuilt, removeActionSnapshot, runAction } from './run-action.js';

const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

describe('the Action resolves state settings as every door does', () => {
  let scratch: string;
  let author: TempRepo;
  let origin: string;
  let api: GitHubApi;

  beforeAll(async () => {
    await ensureActionBuilt();
    scratch = await mkdtemp(join(tmpdir(), 'svcplan-action-settings-'));
    origin = join(scratch, 'origin.git');
    await new Git(scratch).run(['init', '--quiet', '--bare', '-b', 'main', origin], { env: GIT_ENV });
    const bin = join(scratch, 'bin');
    await mkdir(bin);
    await writeFile(join(bin, 'vagrant'), '#!/bin/sh\nexit 0\n');
    await chmod(join(bin, 'vagrant'), 0o755);
    const config = 'apiVersion: svcplan/v1\nkind: Config\nstate: { store: git, branch: infra-state }\n';
    author = await createTempRepo({ files: { ...repoFiles({ services: { 'shop-a': undefined } }), 'svcplan.yaml': config } });
    await author.runGit(['remote', 'add', 'origin', origin]);
    await author.runGit(['push', '--quiet', 'origin', 'main']);
    api = await startGitHubApi({ owner: 'acme', repo: 'infra', repoDir: origin, token: 'ghs_test' });
  }, 120_000);

  afterAll(async () => {
    await removeActionSnapshot();
    await api?.close();
    await author?.cleanup();
    await rm(scratch, { recursive: true, force: true });
  });

  async function applyWith(inputs: Record<string, string>) {
    const sha = (await author.runGit(['rev-parse', 'main'])).trim();
    const workspace = join(scratch, `checkout-${Object.keys(inputs).join('-') || 'none'}`);
    await new Git(scratch).run(['clone', '--quiet', origin, workspace], { env: GIT_ENV });
    const event = webhookExample('push', undefined, { owner: 'acme', repo: 'infra' });
    Object.assign(event, { ref: 'refs/heads/main', before: '0'.repeat(40), after: sha });
    return runAction({
      inputs: { command: 'apply', 'github-token': 'ghs_test', ...inputs },
      eventName: 'push',
      event,
      apiUrl: api.url,
      workspace,
      repository: 'acme/infra',
      sha,
      ref: 'refs/heads/main',
      env: { PATH: `${join(scratch, 'bin')}:${process.env.PATH}` },
    });
  }

  const branches = async () => (await new Git(origin).run(['branch', '--format=%(refname:short)'])).split('\n').filter(Boolean).sort();

  test("without inputs, svcplan.yaml's state branch is the one read and written", async () => {
    const run = await applyWith({});
    expect(run.stdout).not.toContain('::error');
    expect(run.code).toBe(0);
    expect(await branches()).toEqual(['infra-state', 'main']);
    expect(await new Git(origin).run(['show', 'infra-state:shop-a.json'])).toContain('"name": "shop-a"');
  });

  test('an explicit input still wins over svcplan.yaml', async () => {
    const run = await applyWith({ 'state-branch': 'other-state' });
    expect(run.code).toBe(0);
    expect(await branches()).toEqual(['infra-state', 'main', 'other-state']);
  });
});
