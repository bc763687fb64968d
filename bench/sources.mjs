// Benchmarks that drive svcplan's modules directly (not through the CLI) import them straight
// from the sources: one esbuild bundle of the named exports, written to `dir` and imported.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** `exports`: source path (from the project root) → the names to export from it. */
export async function importSources(dir, exports, name = 'engine') {
  const entry = join(dir, `${name}-entry.ts`);
  const lines = Object.entries(exports).map(([path, names]) => `export { ${names.join(', ')} } from ${JSON.stringify(join(root, path))};`);
  writeFileSync(entry, lines.join('\n') + '\n');
  const bundle = join(dir, `${name}.mjs`);
  await build({
    entryPoints: [entry],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  });
  return import(pathToFileURL(bundle).href);
}
