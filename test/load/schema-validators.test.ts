// The schema validators generated at build time must be the schema's, and judge every document
// exactly as the schema compiled at run time does.
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { parseAllDocuments } from 'yaml';
import schema from '../../schema/svcplan-v1.schema.json' with { type: 'json' };
import { compileSchema, type SchemaKind } from '../../src/load/schema.js';
import * as generated from '../../src/load/schema-validators.generated.js';
import { parsePlainYaml } from '../../src/load/plain-yaml.js';
import { mutatedYamlCorpus } from '../support/fuzz-corpus.js';
import { SHOP_PROD, WEB_SHOP } from './fixtures.js';

type Validate = ((value: unknown) => boolean) & { errors?: unknown[] | null };

describe('the generated schema validators', () => {
  it('were generated from the schema as it is now (npm run build regenerates them)', () => {
    expect(generated.SCHEMA_DIGEST).toBe(createHash('sha256').update(JSON.stringify(schema)).digest('hex'));
  });

  it('accept and refuse exactly what the compiled schema does, with the same errors', () => {
    const compiled = compileSchema() as unknown as Record<SchemaKind, Validate>;
    const fromBuild = generated as unknown as Record<SchemaKind, Validate>;
    const values: unknown[] = [];
    const valid = [WEB_SHOP, SHOP_PROD].map((text) => parseAllDocuments(text)[0].toJS() as Record<string, unknown>);
    values.push(...valid);
    for (const fuzzCase of mutatedYamlCorpus(99, 800)) {
      const read = parsePlainYaml(Buffer.from(fuzzCase.files[fuzzCase.target]).toString('utf8'));
      if (read) values.push(read.value);
    }
    // Every field of the valid documents in turn given a wrong value, or removed.
    const wrong = [undefined, null, 'x', 'UPPER case', '', -1, 0, 1.5, 1e9, true, [], ['a', 'a'], {}, { unknown: 1 }];
    const paths = (value: unknown, path: string[] = []): string[][] =>
      value && typeof value === 'object' && !Array.isArray(value) ? [path, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...path, k]))] : [path];
    for (const document of valid) {
      for (const path of paths(document).filter((p) => p.length > 0)) {
        for (const replacement of wrong) {
          const copy = structuredClone(document);
          let parent: Record<string, unknown> = copy;
          for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
          if (replacement === undefined) delete parent[path[path.length - 1]];
          else parent[path[path.length - 1]] = replacement;
          values.push(copy);
        }
      }
    }
    let refused = 0;
    for (const value of values) {
      for (const kind of ['ServiceTemplate', 'Service', 'Config'] as SchemaKind[]) {
        const a = compiled[kind](value);
        const b = fromBuild[kind](value);
        expect(b).toBe(a);
        if (!a) refused++;
        expect(isDeepStrictEqual(fromBuild[kind].errors ?? null, compiled[kind].errors ?? null)).toBe(true);
      }
    }
    expect(refused).toBeGreaterThan(0);
    expect(values.length).toBeGreaterThan(500);
  });
});
