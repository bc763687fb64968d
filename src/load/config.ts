import { API_VERSION, InputError, type Diagnostic } from '../model/types.js';
import { normalizeRepoPath } from './paths.js';
import { validateAgainstSchema } from './schema.js';
import { parseYamlFile, YamlLocator, type YamlPath } from './source.js';
import type { TreeReader } from './tree.js';

export const CONFIG_FILE = 'svcplan.yaml';

export interface RepoConfig {
  /** Folders searched (recursively) for files, default ['templates']. */
  templates: string[];
  /** Default ['services']. */
  services: string[];
  /** Default: local store in .svcplan/state; the git store uses branch svcplan-state. */
  state: { store: 'local' | 'git'; path: string; branch: string };
  /** What svcplan.yaml itself says of the state (a door's own default yields to it). */
  declaredState: Partial<RepoConfig['state']>;
  /** Else origin/HEAD, else main/master. */
  defaultBranch?: string;
}

export function defaultConfig(): RepoConfig {
  return { templates: ['templates'], services: ['services'], state: { store: 'local', path: '.svcplan/state', branch: 'svcplan-state' }, declaredState: {} };
}

interface ConfigDocument {
  templates?: string[];
  services?: string[];
  state?: Partial<RepoConfig['state']>;
  defaultBranch?: string;
}

/** Reads `svcplan.yaml` at the repository root; without one, the defaults. Throws InputError. */
export async function loadConfig(reader: TreeReader): Promise<RepoConfig> {
  const text = await reader.read(CONFIG_FILE);
  const config = defaultConfig();
  if (text === undefined) return config;

  const { source, diagnostics } = parseYamlFile(CONFIG_FILE, text);
  const locator = new YamlLocator();
  locator.add(source);
  const report = (index: number, path: YamlPath, message: string, key = false) =>
    diagnostics.push({ file: CONFIG_FILE, ...locator.locateIn(CONFIG_FILE, index, path, { key }), message });

  const documents = source.documents.filter((d) => d.value !== null || d.doc.errors.length > 0);
  if (diagnostics.length === 0 && documents.length !== 1) {
    const at = documents[1] ?? source.documents[0];
    report(
      at?.index ?? 0,
      [],
      documents.length === 0
        ? `${CONFIG_FILE} is empty; write "apiVersion: ${API_VERSION}" and "kind: Config", or delete it to use the defaults`
        : `${CONFIG_FILE} must hold one document; found ${documents.length}`,
    );
  }
  const document = documents[0];
  if (diagnostics.length === 0 && document) {
    for (const problem of validateAgainstSchema('Config', document.value, (path) => document.sourceOf(path))) {
      report(document.index, problem.path, `${problem.message}`, problem.atKey);
    }
  }
  if (diagnostics.length > 0) throw new InputError(sortDiagnostics(diagnostics));

  const value = document!.value as ConfigDocument;
  const folders = (key: 'templates' | 'services') => {
    const list = value[key];
    if (!list) return config[key];
    return [...new Set(list.map((f) => normalizeRepoPath(f, { allowRoot: true })!))];
  };
  return {
    templates: folders('templates'),
    services: folders('services'),
    state: {
      store: value.state?.store ?? config.state.store,
      path: value.state?.path !== undefined ? normalizeRepoPath(value.state.path)! : config.state.path,
      branch: value.state?.branch ?? config.state.branch,
    },
    declaredState: {
      ...(value.state?.store !== undefined ? { store: value.state.store } : {}),
      ...(value.state?.path !== undefined ? { path: normalizeRepoPath(value.state.path)! } : {}),
      ...(value.state?.branch !== undefined ? { branch: value.state.branch } : {}),
    },
    ...(value.defaultBranch !== undefined ? { defaultBranch: value.defaultBranch } : {}),
  };
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
