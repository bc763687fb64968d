// YAML files as parsed documents that remember where every node came from, so that any error,
// found now or later (a refused plan), points at a file, line and column.
import type { Document, LineCounter, Node } from 'yaml';
import type { Diagnostic, SourceLocator } from '../model/types.js';
import { parsePlainYaml, type PlainDocument } from './plain-yaml.js';
import { yamlLib } from './yaml-lib.js';

/** Larger files are refused before parsing: no real template is this big. */
export const MAX_FILE_BYTES = 1024 * 1024;

export interface ParsedDocument {
  /** 0-based position of the document in its file. */
  index: number;
  /**
   * The document with the position of every node. For a file the fast reader read, it is built
   * on first use: only a located error or refusal needs it.
   */
  readonly doc: Document.Parsed;
  /** The document as plain data; undefined when it could not be read (see the diagnostics). */
  value: unknown;
  /** The text a scalar was written as (e.g. `12.10` for a number read as 12.1); see `sourceText`. */
  sourceOf(path: YamlPath): string | undefined;
}

export interface SourceFile {
  file: string;
  /** Built on first use, like `ParsedDocument.doc`. */
  readonly lineCounter: LineCounter;
  documents: ParsedDocument[];
}

export type YamlPath = (string | number)[];

export interface Position {
  line: number;
  column: number;
}

/**
 * Parses every document of a file. Problems (not UTF-8, syntax errors, alias bombs, nesting too
 * deep for the parser) become diagnostics; a document with any of them has `value` undefined.
 */
export function parseYamlFile(file: string, text: string): { source: SourceFile; diagnostics: Diagnostic[] } {
  // A plan loads two revisions that share most files: identical text is parsed once. The parsed
  // documents are only ever read, so sharing them between loads is safe.
  let parsed = parsedByText.get(text);
  if (parsed) {
    parsedByText.delete(text); // re-inserted below as the most recently used
  } else {
    parsed = parseText(text);
    cachedChars += text.length;
  }
  parsedByText.set(text, parsed);
  while (parsedByText.size > PARSE_CACHE_ENTRIES || cachedChars > PARSE_CACHE_CHARS) {
    const oldest = parsedByText.keys().next().value!;
    parsedByText.delete(oldest);
    cachedChars -= oldest.length;
  }
  return {
    source: new ParsedFile(file, parsed),
    diagnostics: parsed.problems.length === 0 ? [] : parsed.problems.map((p) => ({ file, ...p })),
  };
}

/** One file's parsed documents under its name (the same text may be parsed once for several files). */
class ParsedFile implements SourceFile {
  readonly documents: ParsedDocument[];
  constructor(
    readonly file: string,
    private readonly parsed: ParsedText,
  ) {
    this.documents = parsed.documents;
  }
  get lineCounter(): LineCounter {
    return this.parsed.lineCounter;
  }
}

const PARSE_CACHE_ENTRIES = 4096;
const PARSE_CACHE_CHARS = 32 * 1024 * 1024;
const parsedByText = new Map<string, ParsedText>();
let cachedChars = 0;

interface ParsedText {
  readonly lineCounter: LineCounter;
  documents: ParsedDocument[];
  problems: Omit<Diagnostic, 'file'>[];
}

function parseText(text: string): ParsedText {
  if (Buffer.byteLength(text, 'utf8') <= MAX_FILE_BYTES && !/[\0\uFFFD]/.test(text)) {
    const plain = parsePlainYaml(text);
    if (plain) return plainText(text, plain);
  }
  return parseFully(text);
}

/**
 * A file the fast reader read: its value now, the position-keeping document when something asks
 * for a position. The fast reader only accepts what the full parser reads without a problem and
 * to the same value, so the full parse, when it comes, has the same single document.
 */
function plainText(text: string, plain: PlainDocument): ParsedText {
  return new PlainText(text, plain);
}

class PlainText implements ParsedText {
  readonly documents: ParsedDocument[];
  readonly problems: Omit<Diagnostic, 'file'>[] = [];
  private full: ParsedText | undefined;
  constructor(
    private readonly text: string,
    plain: PlainDocument,
  ) {
    this.documents = [new PlainParsedDocument(this, plain)];
  }
  fully(): ParsedText {
    return (this.full ??= parseFully(this.text));
  }
  get lineCounter(): LineCounter {
    return this.fully().lineCounter;
  }
}

class PlainParsedDocument implements ParsedDocument {
  readonly index = 0;
  value: unknown;
  constructor(
    private readonly file: PlainText,
    private readonly plain: PlainDocument,
  ) {
    this.value = plain.value;
  }
  get doc(): Document.Parsed {
    return this.file.fully().documents[0].doc;
  }
  sourceOf(path: YamlPath): string | undefined {
    const written = this.plain.scalarSources.get(path.join('\0'));
    if (written !== undefined) return written;
    const value = valueAt(this.plain.value, path);
    // A string scalar's source is its text; anything else (a collection, a missing path) needs the nodes.
    return typeof value === 'string' ? value : sourceText(this.doc, path);
  }
}

function valueAt(root: unknown, path: YamlPath): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment as string];
  }
  return value;
}

function parseFully(text: string): ParsedText {
  const { LineCounter, parseAllDocuments } = yamlLib();
  const lineCounter = new LineCounter();
  const documentsOut: ParsedDocument[] = [];
  const diagnostics: Omit<Diagnostic, 'file'>[] = [];
  const at = (offset: number, message: string) => {
    const { line, col } = positionOf(text, offset);
    diagnostics.push({ line, column: col, message });
  };

  if (Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES) {
    at(0, `file is larger than ${MAX_FILE_BYTES / 1024} KiB; split it into several files`);
    return { lineCounter, documents: documentsOut, problems: diagnostics };
  }
  const bad = text.search(/[\0\uFFFD]/);
  if (bad >= 0) {
    at(bad, 'not UTF-8 text (binary data or a broken encoding); save the file as UTF-8 YAML');
    return { lineCounter, documents: documentsOut, problems: diagnostics };
  }

  const deep = deepNesting(text);
  if (deep >= 0) {
    at(deep, `nested more than ${MAX_FLOW_DEPTH} levels deep; no svcplan file needs this, and parsing it would be slow`);
    return { lineCounter, documents: documentsOut, problems: diagnostics };
  }

  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(text, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
      merge: true,
      strict: true,
      logLevel: 'silent',
    }) as Document.Parsed[];
  } catch (err) {
    at(0, `cannot parse this file: ${describeCrash(err)}`);
    return { lineCounter, documents: documentsOut, problems: diagnostics };
  }

  documents.forEach((doc, index) => {
    const problems = [...doc.errors, ...doc.warnings];
    for (const problem of problems) {
      at(problem.pos[0], `${firstLine(problem.message)} (YAML ${problem.code.toLowerCase().replace(/_/g, ' ')})`);
    }
    let value: unknown;
    const complexKey = problems.length === 0 ? firstComplexKey(doc) : undefined;
    if (complexKey) {
      at(complexKey.range?.[0] ?? 0, 'a key must be a plain name, not a list or a mapping');
    } else if (problems.length === 0) {
      try {
        value = doc.toJS({ maxAliasCount: 100 });
      } catch (err) {
        at(doc.range[0], `cannot read this document: ${describeCrash(err)}`);
      }
    }
    documentsOut.push({ index, doc, value, sourceOf: (path) => sourceText(doc, path) });
  });
  return { lineCounter, documents: documentsOut, problems: diagnostics };
}

/**
 * A map key that is a list or a mapping. svcplan never has one, and turning one into a plain
 * object (it becomes a string) takes time that grows steeply with its nesting.
 */
function firstComplexKey(doc: Document.Parsed): Node | undefined {
  const { isAlias, isScalar, visit } = yamlLib();
  let found: Node | undefined;
  visit(doc, {
    Pair(_, pair) {
      const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
      if (key && !isScalar(key)) {
        found = (pair.key as Node) ?? undefined;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

const MAX_FLOW_DEPTH = 64;

/**
 * Offset where nesting goes past MAX_FLOW_DEPTH levels, or -1. The YAML parser takes quadratic
 * time on deep flow collections (`[[[[…`) and exhausts memory on deep compact block ones
 * (`- - - - …` on one line), so both are refused before parsing. Quoted strings and comments are
 * skipped; a bracket inside a plain scalar counts, which only matters for text with dozens of
 * unclosed brackets.
 */
function deepNesting(text: string): number {
  for (const line of text.matchAll(/^[ \t]*((?:[-?:][ \t]+){65,})/gm)) return line.index! + line[0].length - line[1].length;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '{') {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if (c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === "'" && (i === 0 || /[\s:,[{]/.test(text[i - 1]))) {
      for (i++; i < text.length; i++) {
        if (text[i] === "'") {
          if (text[i + 1] === "'") i++;
          else break;
        }
      }
    }
  }
  return -1;
}

function firstLine(message: string): string {
  return message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}

function describeCrash(err: unknown): string {
  if (err instanceof RangeError) return 'it is nested too deeply';
  const message = err instanceof Error ? err.message : String(err);
  if (/alias/i.test(message)) return 'too many aliases are expanded (an alias bomb?); write the values out';
  return firstLine(message);
}

/** Line and column (1-based) of an offset, without a LineCounter (for text that was not parsed). */
function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: end - lineStart + 1 };
}

/**
 * The node at `path` in a document, or the nearest existing parent; with `key`, the key of the
 * last path element (where an unknown or misspelled field is). Aliases are followed.
 */
export function findNode(doc: Document, path: YamlPath, opts: { key?: boolean } = {}): Node | undefined {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yamlLib();
  let node: unknown = doc.contents;
  let found = node as Node | undefined;
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) node = node.resolve(doc);
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(segment));
      if (!pair) break;
      if (last && opts.key && pair.key) return pair.key as Node;
      node = pair.value;
      // `key:` with nothing after it has no value node; the key is the closest place.
      if (!node) return (pair.key as Node) ?? found;
    } else if (isSeq(node)) {
      const index = typeof segment === 'number' ? segment : Number(segment);
      node = Number.isInteger(index) ? node.items[index] : undefined;
      if (!node) break;
    } else {
      break;
    }
    if (isAlias(node) || isMap(node) || isSeq(node) || isScalar(node)) found = node as Node;
  }
  return found;
}

function keyText(key: unknown): string | undefined {
  if (yamlLib().isScalar(key)) return String(key.value);
  return undefined;
}

/** The text a scalar was written as (e.g. `12.10` for a number read as 12.1). */
export function sourceText(doc: Document, path: YamlPath): string | undefined {
  const node = findNode(doc, path);
  if (!yamlLib().isScalar(node)) return undefined;
  return typeof node.source === 'string' ? node.source : undefined;
}

/** Finds any node of any loaded file; every place svcplan reports an error on comes from here. */
export class YamlLocator implements SourceLocator {
  private readonly files = new Map<string, SourceFile>();

  add(source: SourceFile): void {
    this.files.set(source.file, source);
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  /**
   * In a file of several documents, the document where most of `path` exists is used (the first
   * on a tie); `locateIn` names the document when that is known.
   */
  locate(file: string, path: YamlPath): Position {
    const source = this.files.get(file);
    if (!source || source.documents.length === 0) return { line: 1, column: 1 };
    let best = source.documents[0];
    let bestDepth = -1;
    for (const document of source.documents) {
      const depth = matchedDepth(document.doc, path);
      if (depth > bestDepth) {
        best = document;
        bestDepth = depth;
      }
    }
    return this.locateIn(file, best.index, path);
  }

  locateIn(file: string, documentIndex: number, path: YamlPath, opts: { key?: boolean } = {}): Position {
    const source = this.files.get(file);
    const document = source?.documents[documentIndex];
    if (!source || !document) return { line: 1, column: 1 };
    const node = findNode(document.doc, path, opts);
    const offset = node?.range?.[0] ?? document.doc.range?.[0] ?? 0;
    const { line, col } = source.lineCounter.linePos(offset);
    return { line, column: col };
  }
}

function matchedDepth(doc: Document, path: YamlPath): number {
  let depth = 0;
  for (let i = 1; i <= path.length; i++) {
    const node = findNode(doc, path.slice(0, i));
    const parentNode = findNode(doc, path.slice(0, i - 1));
    if (!node || node === parentNode) break;
    depth = i;
  }
  return depth;
}
