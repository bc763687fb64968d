// The `yaml` package: the full parser, needed only for what the fast reader (plain-yaml.ts) leaves
// to it and for positions (a located error). The CLI build puts yaml-lib-lazy.ts in this module's
// place, which loads the package from a file of its own on first use: a plan of plain files never
// compiles its 250 KB. The Action and the bot, each one file, keep it bundled here.
import * as yaml from 'yaml';

export type YamlLib = typeof yaml;

export function yamlLib(): YamlLib {
  return yaml;
}
