// The CLI build's yaml-lib.ts (scripts/build.mjs swaps it in): the `yaml` package from the
// CommonJS file the build writes next to the CLI's chunks, loaded the first time it is asked for.
import { createRequire } from 'node:module';
import type { YamlLib } from './yaml-lib.js';

/** The build writes the package as one file under this name, beside dist/cli.js. */
export const YAML_FILE = './cli-yaml.cjs';

let lib: YamlLib | undefined;

export function yamlLib(): YamlLib {
  return (lib ??= createRequire(import.meta.url)(YAML_FILE) as YamlLib);
}
