// Thousands of broken repositories: every one must come back as located diagnostics (or, for a
// mutation that happens to keep the files valid, as a normal load), never as a crash or a hang.
import { GitRevisionReader, loadDesiredState } from '../../src/load/index.js';
import type { TreeReader } from '../../src/load/tree.js';
import { InputError } from '../../src/model/types.js';
import { mutatedYamlCorpus, type FuzzCase } from '../support/fuzz-corpus.js';
import { createTempRepo } from '../support/git-repo.js';

const SEED = 20240611;
const CASES = 3200;

/** The repository as a map of files: the same interface as the working tree and Git readers. */
class FilesReader implements TreeReader {
  readonly revision = { ref: 'WORKTREE', commit: '' };
  private readonly texts: Map<string, string>;
  constructor(files: Record<string, string | Buffer>) {
    // Bytes are decoded the way both real readers decode them.
    this.texts = new Map(Object.entries(files).map(([path, content]) => [path, Buffer.from(content).toString('utf8')]));
  }
  async list(folders: string[]): Promise<string[]> {
    return [...this.texts.keys()].filter((p) => folders.some((f) => p.startsWith(f + '/'))).sort();
  }
  async read(path: string): Promise<string | undefined> {
    return this.texts.get(path);
  }
}

type Outcome = { kind: 'valid' } | { kind: 'invalid'; error: InputError };

async function outcomeOf(reader: TreeReader): Promise<Outcome> {
  try {
    await loadDesiredState(reader);
    return { kind: 'valid' };
  } catch (err) {
    if (err instanceof InputError) return { kind: 'invalid', error: err };
    throw err;
  }
}

function checkDiagnostics(fuzzCase: FuzzCase, error: InputError): void {
  const context = `case ${fuzzCase.id} (${fuzzCase.description}) in ${fuzzCase.target}`;
  if (error.diagnostics.length === 0) throw new Error(`${context}: an InputError without diagnostics`);
  for (const d of error.diagnostics) {
    const problem = !(d.file in fuzzCase.files)
      ? `names a file that does not exist: ${d.file}`
      : !Number.isInteger(d.line) || d.line < 1
        ? `has line ${d.line}`
        : !Number.isInteger(d.column) || d.column < 1
          ? `has column ${d.column}`
          : d.line > Buffer.from(fuzzCase.files[d.file]).toString('utf8').split('\n').length
            ? `has line ${d.line}, past the end of the file`
            : typeof d.message !== 'string' || d.message.trim() === ''
              ? 'has no message'
              : /undefined|\[object Object\]|NaN/.test(d.message) && !/NaN|undefined/i.test(Buffer.from(fuzzCase.files[d.file]).toString('utf8'))
                ? `has a broken message: ${d.message}`
                : undefined;
    if (problem) throw new Error(`${context}: a diagnostic ${problem}\n${JSON.stringify(d)}`);
  }
  const sorted = [...error.diagnostics].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  expect(error.diagnostics.map((d) => [d.file, d.line, d.column])).toEqual(sorted.map((d) => [d.file, d.line, d.column]));
}

describe('the loader under thousands of broken repositories', () => {
  it(`turns ${CASES} mutated repositories into located diagnostics, never a crash or a hang`, async () => {
    const corpus = mutatedYamlCorpus(SEED, CASES);
    let invalid = 0;
    let slowest = { ms: 0, id: -1 };
    const started = performance.now();
    for (const fuzzCase of corpus) {
      const caseStarted = performance.now();
      let outcome: Outcome;
      try {
        outcome = await outcomeOf(new FilesReader(fuzzCase.files));
      } catch (err) {
        throw new Error(`case ${fuzzCase.id} (${fuzzCase.description}) crashed the loader: ${(err as Error).stack}`);
      }
      const ms = performance.now() - caseStarted;
      if (ms > slowest.ms) slowest = { ms, id: fuzzCase.id };
      if (outcome.kind === 'invalid') {
        invalid++;
        checkDiagnostics(fuzzCase, outcome.error);
      } else if (fuzzCase.expectInvalid) {
        throw new Error(`case ${fuzzCase.id} (${fuzzCase.description}) should be invalid but loaded:\n${fuzzCase.files[fuzzCase.target]}`);
      }
    }
    const total = performance.now() - started;
    // Most mutations break the files; a few (a deleted optional line) do not.
    expect(invalid / CASES).toBeGreaterThan(0.75);
    expect(corpus.filter((c) => c.expectInvalid).length).toBeGreaterThan(CASES / 3);
    expect(slowest.ms).toBeLessThan(3000);
    expect(total).toBeLessThan(30000);
  }, 60000);

  it('is deterministic: the same seed gives the same corpus', () => {
    const a = mutatedYamlCorpus(7, 50);
    const b = mutatedYamlCorpus(7, 50);
    expect(a.map((c) => [c.description, c.files[c.target]])).toEqual(b.map((c) => [c.description, c.files[c.target]]));
    expect(mutatedYamlCorpus(8, 50).map((c) => c.files[c.target])).not.toEqual(a.map((c) => c.files[c.target]));
  });

  it('gives the same diagnostics through a real Git revision as through files', async () => {
    const repo = await createTempRepo();
    try {
      const corpus = mutatedYamlCorpus(SEED + 1, 25);
      const shas: string[] = [];
      let previous: Record<string, string | Buffer> = {};
      for (const fuzzCase of corpus) {
        const removed = Object.fromEntries(
          Object.keys(previous)
            .filter((p) => !(p in fuzzCase.files))
            .map((p) => [p, null]),
        );
        shas.push(await repo.commit(`case ${fuzzCase.id}`, { ...removed, ...fuzzCase.files }));
        previous = fuzzCase.files;
      }
      for (const [i, fuzzCase] of corpus.entries()) {
        const viaGit = await outcomeOf(await GitRevisionReader.open(repo.dir, shas[i]));
        const viaFiles = await outcomeOf(new FilesReader(fuzzCase.files));
        expect(viaGit.kind).toBe(viaFiles.kind);
        if (viaGit.kind === 'invalid' && viaFiles.kind === 'invalid') {
          checkDiagnostics(fuzzCase, viaGit.error);
          expect(viaGit.error.diagnostics).toEqual(
            viaFiles.error.diagnostics.map((d) => ({ ...d, message: d.message.replace('the working tree', `${shas[i]}`) })),
          );
        }
      }
    } finally {
      await repo.cleanup();
    }
  }, 60000);
});
