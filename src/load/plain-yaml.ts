// A fast reader for the plain YAML svcplan files are written in: block mappings and lists,
// one-line flow collections, plain and quoted one-line scalars, comments. Building the `yaml`
// package's position-keeping documents for a thousand files costs seconds, and positions are only
// needed to point at an error. Anything this reader is not certain to read exactly as the `yaml`
// package (YAML 1.2 core schema) would, it refuses, and the full parser reads the file instead:
// anchors, aliases, tags, block scalars, multi-line scalars or flow collections, escapes, several
// documents, duplicate or unusual keys, tabs, CR line ends.

export interface PlainDocument {
  value: unknown;
  /** Path (segments joined by NUL) → the text of each scalar that is not a string (`12.10`, `True`). */
  scalarSources: Map<string, string>;
}

const NOT_PLAIN = Symbol('not plain');
const MAX_DEPTH = 48;
const MAX_KEY_LENGTH = 1000;
/** A block key: starts like a name, no spaces, followed by ':' and a space or the end of the line. */
const BLOCK_KEY = /^([A-Za-z_][\w.\/-]*):(?: |$)/;
const FLOW_KEY = /[A-Za-z_][\w.\/-]*/y;

interface Line {
  indent: number;
  content: string;
}

/** The document's value, or undefined when the text is not plain enough to be read here. */
export function parsePlainYaml(text: string): PlainDocument | undefined {
  if (/[\x00-\x09\x0b-\x1f\x7f-\x9f\\\u2028\u2029\uFEFF]/.test(text)) return undefined;
  try {
    return new PlainReader(text).document();
  } catch (err) {
    if (err === NOT_PLAIN) return undefined;
    throw err;
  }
}

function refuse(): never {
  throw NOT_PLAIN;
}

class PlainReader {
  private readonly lines: Line[] = [];
  private pos = 0;
  private depth = 0;
  private readonly path: string[] = [];
  private readonly sources = new Map<string, string>();

  constructor(text: string) {
    let start = true;
    const raws = text.split('\n');
    for (let i = 0; i < raws.length; i++) {
      const raw = raws[i];
      let indent = 0;
      while (raw.charCodeAt(indent) === 32) indent++;
      const content = raw.slice(indent).trimEnd();
      if (content === '' || content[0] === '#') continue;
      if (indent === 0 && (content.startsWith('---') || content.startsWith('...') || content[0] === '%')) {
        // One leading document start marker is plain; any other marker means several documents.
        if (start && (content === '---' || /^--- +#/.test(content))) {
          start = false;
          continue;
        }
        refuse();
      }
      start = false;
      this.lines.push({ indent, content });
    }
  }

  document(): PlainDocument {
    if (this.lines.length === 0) refuse();
    const value = this.blockNode(this.lines[0].indent);
    if (this.pos !== this.lines.length) refuse();
    return { value, scalarSources: this.sources };
  }

  private blockNode(indent: number): unknown {
    if (++this.depth > MAX_DEPTH) refuse();
    const value = isListItem(this.lines[this.pos].content) ? this.list(indent) : this.mapping(indent);
    this.depth--;
    return value;
  }

  private mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    while (this.pos < this.lines.length) {
      const line = this.lines[this.pos];
      if (line.indent < indent) break;
      if (line.indent > indent || isListItem(line.content)) refuse();
      const match = BLOCK_KEY.exec(line.content);
      if (!match) refuse();
      const key = match[1];
      checkKey(key);
      if (Object.prototype.hasOwnProperty.call(out, key)) refuse();
      this.pos++;
      this.path.push(key);
      out[key] = this.valueAfter(line.content.slice(match[0].length), indent, true);
      this.path.pop();
    }
    return out;
  }

  private list(indent: number): unknown[] {
    const out: unknown[] = [];
    while (this.pos < this.lines.length) {
      const line = this.lines[this.pos];
      if (line.indent < indent) break;
      if (line.indent > indent) refuse();
      if (!isListItem(line.content)) break;
      const rest = line.content.slice(1);
      const item = rest.trimStart();
      // A list or mapping written on the item's own line (`- - a`, `- name: x`) is left to the full parser.
      if (isListItem(item) || /^[^'"[{#]*:(?: |$)/.test(item)) refuse();
      this.pos++;
      this.path.push(String(out.length));
      out.push(this.valueAfter(rest, indent, false));
      this.path.pop();
    }
    return out;
  }

  /** The value after `key:` or `-` (`rest` starts with a space or is empty), at the parent's indent. */
  private valueAfter(rest: string, indent: number, ofKey: boolean): unknown {
    const text = rest.trimStart();
    const next = this.lines[this.pos];
    if (text === '' || text[0] === '#') {
      if (next && next.indent > indent) return this.blockNode(next.indent);
      // A key's list may sit at the key's own indent.
      if (ofKey && next && next.indent === indent && isListItem(next.content)) return this.blockNode(indent);
      return null;
    }
    // A more indented line after a one-line value continues it (a multi-line scalar) or is an error.
    if (next && next.indent > indent) refuse();
    const scanner = { text, at: 0 };
    const value = this.inlineValue(scanner);
    const after = text.slice(scanner.at);
    if (after !== '' && !/^ +#/.test(after)) refuse();
    return value;
  }

  private inlineValue(s: Scanner): unknown {
    const c = s.text[s.at];
    if (c === '[' || c === '{') return this.flow(s);
    if (c === '"' || c === "'") return quoted(s);
    const start = s.at;
    let end = s.text.length;
    const comment = s.text.indexOf(' #', start);
    if (comment >= 0) end = comment;
    const plain = s.text.slice(start, end).trimEnd();
    if (!plainStart(plain) || plain.includes(': ') || plain.endsWith(':')) refuse();
    s.at = start + plain.length;
    return this.scalar(plain);
  }

  private flow(s: Scanner): unknown {
    if (++this.depth > MAX_DEPTH) refuse();
    const open = s.text[s.at++];
    const close = open === '[' ? ']' : '}';
    const list: unknown[] = [];
    const map: Record<string, unknown> = {};
    skipSpaces(s);
    if (s.text[s.at] === close) {
      s.at++;
    } else {
      for (;;) {
        if (open === '[') {
          this.path.push(String(list.length));
          list.push(this.flowValue(s));
          this.path.pop();
          skipSpaces(s);
          if (s.text[s.at] === ':') refuse(); // a one-pair mapping inside a list
        } else {
          const key = flowKey(s);
          if (Object.prototype.hasOwnProperty.call(map, key)) refuse();
          if (s.text[s.at] !== ':' || s.text[s.at + 1] !== ' ') refuse();
          s.at += 2;
          skipSpaces(s);
          this.path.push(key);
          map[key] = this.flowValue(s);
          this.path.pop();
          skipSpaces(s);
        }
        const c = s.text[s.at++];
        if (c === close) break;
        if (c !== ',') refuse();
        skipSpaces(s);
        if (s.text[s.at] === close || s.text[s.at] === ',') refuse(); // trailing or empty entries
      }
    }
    this.depth--;
    return open === '[' ? list : map;
  }

  private flowValue(s: Scanner): unknown {
    const c = s.text[s.at];
    if (c === '[' || c === '{') return this.flow(s);
    if (c === '"' || c === "'") return quoted(s);
    const start = s.at;
    const text = s.text;
    let end = start;
    // Up to the first , [ ] { } : or # (compared as character codes: this runs for every character).
    for (; end < text.length; end++) {
      const code = text.charCodeAt(end);
      if (code === 44 || code === 91 || code === 93 || code === 123 || code === 125 || code === 58 || code === 35) break;
    }
    const plain = text.slice(start, end).trimEnd();
    const stop = text.charCodeAt(end);
    if (!plainStart(plain) || (end < text.length && stop !== 44 && stop !== 93 && stop !== 125)) refuse();
    s.at = start + plain.length;
    return this.scalar(plain);
  }

  private scalar(plain: string): unknown {
    const value = coreScalar(plain);
    if (typeof value !== 'string') this.sources.set(this.path.join('\0'), plain);
    return value;
  }
}

interface Scanner {
  text: string;
  at: number;
}

function isListItem(content: string): boolean {
  return content[0] === '-' && (content.length === 1 || content[1] === ' ');
}

function skipSpaces(s: Scanner): void {
  while (s.text.charCodeAt(s.at) === 32) s.at++;
}

/** Keys that the core schema would read as something other than a string, or that objects treat specially. */
function checkKey(key: string): void {
  if (key.length > MAX_KEY_LENGTH || key === '__proto__' || typeof coreScalar(key) !== 'string') refuse();
}

function flowKey(s: Scanner): string {
  const c = s.text[s.at];
  let key: string;
  if (c === '"' || c === "'") {
    key = quoted(s);
  } else {
    FLOW_KEY.lastIndex = s.at;
    const match = FLOW_KEY.exec(s.text);
    if (!match) refuse();
    key = match[0];
    s.at += key.length;
    if (typeof coreScalar(key) !== 'string') refuse();
  }
  if (key.length > MAX_KEY_LENGTH || key === '__proto__') refuse();
  return key;
}

/** A one-line quoted scalar without escapes (backslashes never reach this reader). */
function quoted(s: Scanner): string {
  const q = s.text[s.at];
  let out = '';
  let i = s.at + 1;
  for (;;) {
    const end = s.text.indexOf(q, i);
    if (end < 0) refuse(); // continues on the next line
    out += s.text.slice(i, end);
    if (q === "'" && s.text[end + 1] === "'") {
      out += "'";
      i = end + 2;
      continue;
    }
    s.at = end + 1;
    break;
  }
  const next = s.text[s.at];
  if (next !== undefined && !' ,]}:'.includes(next)) refuse();
  return out;
}

/** Whether a plain scalar may start this way: no indicator, and not empty. */
function plainStart(plain: string): boolean {
  if (plain === '') return false;
  const c = plain[0];
  if ('?:,[]{}#&*!|>\'"%@`'.includes(c)) return false;
  if (c === '-') return plain.length > 1 && plain[1] !== ' ' && plain[1] !== '-';
  return true;
}

// YAML 1.2 core schema, as the `yaml` package resolves it (same patterns, same order).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

export function coreScalar(plain: string): unknown {
  const c = plain.charCodeAt(0);
  // Most scalars are names and versions starting with a letter: only null and bool patterns
  // apply, and only to words of four or five letters.
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
    if (plain.length !== 4 && plain.length !== 5) return plain;
    if (NULL.test(plain)) return null;
    if (BOOL.test(plain)) return plain[0] === 't' || plain[0] === 'T';
    return plain;
  }
  if (NULL.test(plain)) return null;
  if (BOOL.test(plain)) return plain[0] === 't' || plain[0] === 'T';
  if (INT_OCT.test(plain)) return parseInt(plain.substring(2), 8);
  if (INT.test(plain)) return parseInt(plain, 10);
  if (INT_HEX.test(plain)) return parseInt(plain.substring(2), 16);
  if (FLOAT_NAN.test(plain)) return plain.slice(-3).toLowerCase() === 'nan' ? NaN : plain[0] === '-' ? -Infinity : Infinity;
  if (FLOAT_EXP.test(plain)) return parseFloat(plain);
  if (FLOAT.test(plain)) return parseFloat(plain);
  return plain;
}
