// Thousands of broken repositories through the CLI as a user meets it: every one must end with
// exit code 2 and a `file:line:column: message` on stderr, never a crash or a stack trace.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { svcplan } from '../cli/run-cli.js';
import { mutatedYamlCorpus } from '../support/fuzz-corpus.js';

const SEED = 7_340_033;
// Only mutations that cannot leave the files valid: each must be refused.
const cases = mutatedYamlCorpus(SEED, 4000)
  .filter((c) => c.expectInvalid)
  .slice(0, 2000);
const LOCATED = /^[^\s:][^:\n]*:\d+:\d+: \S.*$/m;
const STACK = /^\s+at .+\(.+:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'svcplan-cli-fuzz-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

it(`refuses ${cases.length} broken repositories with exit 2 and a located error`, async () => {
  expect(cases.length).toBeGreaterThanOrEqual(1500);
  const failures: string[] = [];
  for (const fuzzCase of cases) {
    const dir = join(root, String(fuzzCase.id));
    for (const [path, content] of Object.entries(fuzzCase.files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
    }
    // validate for every case; plan (JSON) for every tenth, so both commands are covered.
    const argvs = [['validate', '--repo', dir], ...(fuzzCase.id % 10 === 0 ? [['plan', '--format', 'json', '--repo', dir]] : [])];
    for (const argv of argvs) {
      const result = await svcplan(argv);
      const problems = [
        result.code !== 2 && `exit ${result.code}`,
        !LOCATED.test(result.stderr) && 'no file:line:column error',
        STACK.test(result.stderr) && 'a stack trace',
        argv[0] === 'validate' && result.stdout !== '' && 'output on stdout',
      ].filter(Boolean);
      if (problems.length > 0)
        failures.push(`case ${fuzzCase.id} (${fuzzCase.description}) ${argv[0]}: ${problems.join(', ')}\n${result.stderr.slice(0, 400)}`);
    }
    await rm(dir, { recursive: true, force: true });
  }
  expect(failures.slice(0, 5)).toEqual([]);
}, 300_000);
