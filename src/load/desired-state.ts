// The desired state at one revision: every template and service file found, parsed, validated
// (schema, then the rules that span files), and resolved. Any problem anywhere stops the load,
// and every problem is reported at once, so one push shows the whole list.
import { API_VERSION, InputError, type DesiredState, type Diagnostic, type ServiceDefinition, type ServiceSpec, type ServiceTemplate } from '../model/types.js';
import { CONFIG_FILE, loadConfig, sortDiagnostics } from './config.js';
import { firstSshPorts, resolveService, serviceFromDocument, templateFromDocument } from './resolve.js';
import { normalizeRepoPath } from './paths.js';
import { dottedPath, validateAgainstSchema, type SchemaProblem } from './schema.js';
import { parseYamlFile, YamlLocator, type ParsedDocument, type YamlPath } from './source.js';
import { fileExists, type TreeReader } from './tree.js';

const DOCUMENT_KINDS = ['ServiceTemplate', 'Service'] as const;
type DocumentKind = (typeof DOCUMENT_KINDS)[number];
const MAX_OPTION_DEPTH = 8;
/** The longest stretch of parsing between two turns of the event loop. */
const YIELD_AFTER_MS = 4;

interface Loaded<T> {
  value: T;
  // A parsed YAML document before resolution: checked against the schema, then read field by field.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  raw: Record<string, any>;
  file: string;
  document: ParsedDocument;
}

export async function loadDesiredState(reader: TreeReader): Promise<DesiredState> {
  const config = await loadConfig(reader);
  const paths = (await reader.list([...config.templates, ...config.services])).filter((path) => /\.ya?ml$/i.test(path) && path !== CONFIG_FILE);
  const texts = await Promise.all(paths.map((path) => reader.read(path)));

  const locator = new YamlLocator();
  const diagnostics: Diagnostic[] = [];
  const report = (file: string, document: ParsedDocument | undefined, path: YamlPath, message: string, key = false) =>
    diagnostics.push({ file, ...locator.locateIn(file, document?.index ?? 0, path, { key }), message });
  const positionText = (file: string, document: ParsedDocument, path: YamlPath) => {
    const { line, column } = locator.locateIn(file, document.index, path);
    return `${file}:${line}:${column}`;
  };

  const templates: Loaded<ServiceTemplate>[] = [];
  const services: Loaded<ServiceDefinition>[] = [];
  // Names of documents that failed the schema still count as existing, so that one broken
  // template does not also make every service of it "name a template that does not exist".
  const brokenTemplates = new Set<string>();
  // Likewise after a file that could not be parsed: its templates are unknown, not missing.
  let unreadableFiles = 0;
  // Every template document, valid or not, so that missing scripts are reported along with the rest.
  const templateDocuments: { file: string; document: ParsedDocument; raw: Record<string, unknown> }[] = [];

  // Date.now, not performance.now: the first use of `performance` loads perf_hooks (~2 ms).
  let busySince = Date.now();
  for (let i = 0; i < paths.length; i++) {
    // Parsing a thousand files is one long stretch of work: let other work (Git reading the other
    // revision of a plan, a bot's requests) move on every few milliseconds.
    if (i % 16 === 15 && Date.now() - busySince > YIELD_AFTER_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      busySince = Date.now();
    }
    const file = paths[i];
    const text = texts[i];
    if (text === undefined) continue; // listed but unreadable (a dangling symlink): not a file
    const { source, diagnostics: parseProblems } = parseYamlFile(file, text);
    locator.add(source);
    diagnostics.push(...parseProblems);
    if (parseProblems.length > 0) {
      unreadableFiles++;
      continue;
    }
    const documents = source.documents.filter((d) => d.value !== null && d.value !== undefined);
    if (documents.length === 0) {
      report(file, undefined, [], `file has no ${API_VERSION} document; write a ServiceTemplate or Service here, or delete the file`);
      continue;
    }
    for (const document of documents) {
      const kind = checkKind(file, document, report);
      if (!kind) continue;

      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- schema-checked YAML
      const raw = document.value as Record<string, any>;
      if (kind === 'ServiceTemplate') templateDocuments.push({ file, document, raw });
      const { problems, value } = checkedDocument(kind, file, document);
      for (const problem of problems) report(file, document, problem.path, problem.message, problem.atKey);
      if (problems.length > 0) {
        if (kind === 'ServiceTemplate' && typeof raw.name === 'string') brokenTemplates.add(raw.name);
        continue;
      }
      if (kind === 'ServiceTemplate') templates.push({ value: value as ServiceTemplate, raw, file, document });
      else services.push({ value: value as ServiceDefinition, raw, file, document });
    }
  }

  /** The documents by name, the first of each name; every later one is reported at its name. */
  const byName = <T extends { name: string }>(what: 'template' | 'service', loaded: Loaded<T>[]) => {
    const named = new Map<string, Loaded<T>>();
    for (const doc of loaded) {
      const first = named.get(doc.value.name);
      if (first)
        report(
          doc.file,
          doc.document,
          ['name'],
          `${what} name "${doc.value.name}" is already used by ${positionText(first.file, first.document, ['name'])}; ${what} names must be unique`,
        );
      else named.set(doc.value.name, doc);
    }
    return named;
  };

  const templatesByName = byName('template', templates);
  for (const template of templatesByName.values()) checkTemplate(template, report);

  const servicesByName = byName('service', services);
  for (const service of servicesByName.values()) {
    const template = templatesByName.get(service.value.template);
    if (!template) {
      if (!brokenTemplates.has(service.value.template) && unreadableFiles === 0) {
        const known = [...templatesByName.keys()].sort();
        report(
          service.file,
          service.document,
          ['template'],
          `template "${service.value.template}" does not exist` +
            (known.length ? `; templates found: ${known.join(', ')}` : `; no templates were found under ${config.templates.join(', ')}`),
        );
      }
      continue;
    }
    checkService(service, template.value, report);
  }

  await checkScriptsExist(reader, templateDocuments, report);

  if (diagnostics.length > 0) throw new InputError(sortDiagnostics(diagnostics));

  const resolved = [...servicesByName.values()].map((s) => resolvedSpec(s.value, templatesByName.get(s.value.template)!.value));
  return {
    revision: reader.revision,
    templates: [...templatesByName.values()].map((t) => t.value).sort((a, b) => compare(a.name, b.name)),
    services: resolved.sort((a, b) => compare(a.name, b.name)),
    locator,
  };
}

/**
 * A plan loads two revisions that share most files, and the parser already hands out the same
 * document for the same text: its schema check and model object are made once per file path.
 * Models and resolved specs are only ever read after the load, so both revisions may share them.
 */
const checkedDocuments = new WeakMap<
  ParsedDocument,
  { kind: DocumentKind; file: string; problems: SchemaProblem[]; value?: ServiceTemplate | ServiceDefinition }
>();

function checkedDocument(
  kind: DocumentKind,
  file: string,
  document: ParsedDocument,
): { problems: SchemaProblem[]; value?: ServiceTemplate | ServiceDefinition } {
  const known = checkedDocuments.get(document);
  if (known && known.kind === kind && known.file === file) return known;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked against the schema just below
  const raw = document.value as Record<string, any>;
  const sourceOf = (path: YamlPath) => document.sourceOf(path);
  const problems = validateAgainstSchema(kind, raw, sourceOf);
  const value =
    problems.length > 0 ? undefined : kind === 'ServiceTemplate' ? templateFromDocument(raw, file, sourceOf) : serviceFromDocument(raw, file, sourceOf);
  const checked = { kind, file, problems, value };
  checkedDocuments.set(document, checked);
  return checked;
}

/** A service and its template read from the same texts at both revisions resolve to one spec. */
const resolvedSpecs = new WeakMap<ServiceDefinition, { template: ServiceTemplate; spec: ServiceSpec }>();

function resolvedSpec(service: ServiceDefinition, template: ServiceTemplate): ServiceSpec {
  const known = resolvedSpecs.get(service);
  if (known && known.template === template) return known.spec;
  const spec = resolveService(service, template);
  resolvedSpecs.set(service, { template, spec });
  return spec;
}

type Report = (file: string, document: ParsedDocument | undefined, path: YamlPath, message: string, key?: boolean) => void;

/** Which kind of svcplan document this is, or undefined after reporting why it is none. */
function checkKind(file: string, document: ParsedDocument, report: Report): DocumentKind | undefined {
  const value = document.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    report(
      file,
      document,
      [],
      `a ${API_VERSION} document is a mapping starting with "apiVersion: ${API_VERSION}" and "kind: ServiceTemplate" or "kind: Service", got ${Array.isArray(value) ? 'a list' : (JSON.stringify(value)?.slice(0, 40) ?? String(value))}`,
    );
    return undefined;
  }
  const { apiVersion, kind } = value as Record<string, unknown>;
  const foreign = apiVersion === undefined ? kind === undefined : typeof apiVersion === 'string' && !apiVersion.startsWith('svcplan/');
  if (foreign) {
    report(
      file,
      document,
      apiVersion === undefined ? [] : ['apiVersion'],
      'not a svcplan file' +
        (apiVersion === undefined ? '' : ` (apiVersion ${JSON.stringify(apiVersion)})`) +
        `: YAML files under the template and service folders must start with "apiVersion: ${API_VERSION}" and ` +
        '"kind: ServiceTemplate" or "kind: Service"; add them, or move the file out of these folders (or change the folders in svcplan.yaml)',
    );
    return undefined;
  }
  if (apiVersion !== API_VERSION) {
    report(
      file,
      document,
      apiVersion === undefined ? [] : ['apiVersion'],
      apiVersion === undefined
        ? `the document is missing "apiVersion: ${API_VERSION}"`
        : typeof apiVersion === 'string'
          ? `apiVersion "${apiVersion}" is not supported; this svcplan reads ${API_VERSION}`
          : `apiVersion must be "${API_VERSION}", got ${JSON.stringify(apiVersion) ?? String(apiVersion)}`,
    );
    return undefined;
  }
  if (kind === 'Config') {
    report(file, document, ['kind'], `kind Config belongs in ${CONFIG_FILE} at the repository root, not in a template or service folder`);
    return undefined;
  }
  if (!DOCUMENT_KINDS.includes(kind as DocumentKind)) {
    report(
      file,
      document,
      kind === undefined ? [] : ['kind'],
      kind === undefined
        ? 'the document has no "kind"; add "kind: ServiceTemplate" or "kind: Service"'
        : `unknown kind ${JSON.stringify(kind)}; ${API_VERSION} files are of kind ServiceTemplate or Service`,
    );
    return undefined;
  }
  return kind as DocumentKind;
}

function checkTemplate({ value: template, raw, file, document }: Loaded<ServiceTemplate>, report: Report): void {
  const imageNames = Object.keys(template.images);
  for (const [name, tier] of Object.entries(template.tiers)) {
    const at = (...rest: YamlPath) => ['tiers', name, ...rest];
    if (!template.images[tier.image]) {
      report(
        file,
        document,
        at('image'),
        `tiers.${name}.image "${tier.image}" is not one of the template's images (${imageNames.join(', ')}); add it under images or fix the name`,
      );
    }
    const { min, max } = tier.scale;
    if (min > max) {
      report(file, document, at('scale', 'min'), `tiers.${name}.scale.min ${min} is greater than scale.max ${max}`);
    } else if (tier.count < min || tier.count > max) {
      const given = raw.tiers[name].count !== undefined;
      report(
        file,
        document,
        at('count'),
        `tiers.${name}.count ${tier.count}${given ? '' : ' (the default)'} is outside scale ${min}..${max}; ` +
          `choose a count from ${min} to ${max}${given ? '' : ' and write it'}, or change scale`,
      );
    }
  }
}

function checkService({ value: service, raw, file, document }: Loaded<ServiceDefinition>, template: ServiceTemplate, report: Report): void {
  const tierNames = Object.keys(template.tiers);
  for (const [name, override] of Object.entries(service.tiers)) {
    const tier = template.tiers[name];
    if (!tier) {
      report(file, document, ['tiers', name], `tiers.${name}: template ${template.name} has no tier "${name}" (its tiers: ${tierNames.join(', ')})`, true);
      continue;
    }
    const { min, max } = tier.scale;
    if (override.count !== undefined && min <= max && (override.count < min || override.count > max)) {
      report(
        file,
        document,
        ['tiers', name, 'count'],
        `tiers.${name}.count ${override.count} is outside the scale ${min}..${max} of tier ${name} in template ${template.name} (${template.file})`,
      );
    }
  }
  const ssh = service.target.ssh;
  if (ssh) {
    const tiers = Object.entries(template.tiers).map(([name, tier]) => ({ ...tier, name, count: service.tiers[name]?.count ?? tier.count }));
    const first = firstSshPorts(tiers, ssh.portBase);
    for (const tier of tiers) {
      const last = first.get(tier.name)! + tier.count - 1;
      if (last > 65535) {
        report(
          file,
          document,
          ['target', 'ssh', 'portBase'],
          `target.ssh.portBase ${ssh.portBase} leaves no port for tier ${tier.name}: its last instance would get ${last} ` +
            '(each tier, in rollout order, reserves scale.max ports); choose a lower portBase',
        );
        break;
      }
    }
  }
  for (const key of Object.keys(service.target.options)) {
    if (depthOf(raw.target.options[key]) > MAX_OPTION_DEPTH) {
      report(
        file,
        document,
        ['target', 'options', key],
        `${dottedPath(['target', 'options', key])} is nested more than ${MAX_OPTION_DEPTH} levels deep; provider settings are never this deep`,
      );
    }
  }
}

function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_OPTION_DEPTH) return depth;
  if (value === null || typeof value !== 'object') return depth;
  let deepest = depth + 1;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child, depth + 1));
  return deepest;
}

/** Hooks and install scripts are run in the guest, so a path that is missing at this revision would fail mid-rollout. */
async function checkScriptsExist(
  reader: TreeReader,
  templates: { file: string; document: ParsedDocument; raw: Record<string, unknown> }[],
  report: Report,
): Promise<void> {
  const references: { file: string; document: ParsedDocument; path: YamlPath; script: string }[] = [];
  const object = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  for (const { file, document, raw } of templates) {
    const add = (path: YamlPath, script: unknown) => {
      // A path the schema refuses (absolute, with "..") is reported by the schema, not looked up.
      if (typeof script === 'string' && normalizeRepoPath(script) !== undefined) references.push({ file, document, path, script });
    };
    for (const [name, tier] of Object.entries(object(raw.tiers))) {
      for (const [app, spec] of Object.entries(object(object(tier).apps))) add(['tiers', name, 'apps', app, 'install'], object(spec).install);
      const state = object(object(tier).state);
      add(['tiers', name, 'state', 'save'], state.save);
      add(['tiers', name, 'state', 'restore'], state.restore);
    }
  }
  const exists = new Map<string, Promise<boolean>>();
  const check = (script: string) => {
    if (!exists.has(script)) exists.set(script, fileExists(reader, script));
    return exists.get(script)!;
  };
  const found = await Promise.all(references.map((r) => check(r.script)));
  references.forEach(({ file, document, path, script }, i) => {
    if (!found[i]) {
      report(
        file,
        document,
        path,
        `${dottedPath(path)}: "${script}" does not exist at this revision (${revisionName(reader)}); paths are relative to the repository root`,
      );
    }
  });
}

function revisionName(reader: TreeReader): string {
  const { ref, commit } = reader.revision;
  if (ref === 'WORKTREE') return 'the working tree';
  return commit && ref !== commit ? `${ref}, ${commit.slice(0, 12)}` : ref;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
