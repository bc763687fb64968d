// Reads the machine definitions out of a Vagrantfile as svcplan generates it
// (src/apply/drivers/vagrant/vagrantfile.ts), the way Vagrant would see them: each
// `config.vm.define 'NAME' do |node|` block with its box, box version, libvirt memory, cpus,
// storage and options, and every provisioner with its type, `run:` and the values handed to
// `Svcplan.env(...)`. A small tokenizer for the Ruby subset the generator writes (ruby.ts:
// single-quoted strings, adjacent `"\r"` literals, numbers, symbols, arrays, hashes, `name:`
// keywords, constants and calls); values can span lines, so nothing here is line-based.

export interface ProvisionerDef {
  name: string;
  /** shell, file, … */
  type: string;
  /** 'never', 'always', 'once' or undefined (the default: on the first up). */
  run?: string;
  /** The hash given to `Svcplan.env(...)`, before it is base64-encoded; {} without one. */
  env: Record<string, unknown>;
  /** Every keyword argument, raw (inline scripts are constants, shown as `{ const: 'Svcplan::X' }`). */
  options: Record<string, unknown>;
}

export interface StorageDef {
  type: string;
  path?: string;
  /** GiB, from `size: 'NG'`. */
  sizeGiB?: number;
  allowExisting: boolean;
  options: Record<string, unknown>;
}

export interface MachineDef {
  name: string;
  box?: string;
  /** The version constraint as written (`'= 12.7.1'`). */
  boxVersion?: string;
  hostname?: string;
  /** node.ssh.host / node.ssh.port, when set. */
  sshHost?: string;
  sshPort?: number;
  /** libvirt: lv.memory (MiB), lv.cpus; Vagrant's defaults when not set. */
  memory: number;
  cpus: number;
  storage: StorageDef[];
  /** Provider settings given through `Svcplan.configure(lv, {...})` and `lv.<key> = value`. */
  libvirt: Record<string, unknown>;
  provisioners: ProvisionerDef[];
}

export class VagrantfileParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VagrantfileParseError';
  }
}

/** The version a constraint pins: `= X` or `X`; undefined for a range. */
export function pinnedVersion(constraint: string | undefined): string | undefined {
  if (constraint === undefined) return undefined;
  const m = /^\s*=?\s*([^\s<>~=!,]+)\s*$/.exec(constraint);
  return m ? m[1] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Tokens

type Token =
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'sym'; v: string }
  | { t: 'label'; v: string } // `name:` in a call or hash
  | { t: 'id'; v: string } // identifiers and constants, keywords included
  | { t: 'punct'; v: string }
  | { t: 'nl' };

const IDENT_START = /[A-Za-z_]/;
const IDENT = /[A-Za-z0-9_?!]/;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '\n') {
      out.push({ t: 'nl' });
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '#') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === "'") {
      let v = '';
      i++;
      while (i < n && text[i] !== "'") {
        if (text[i] === '\\' && (text[i + 1] === '\\' || text[i + 1] === "'")) {
          v += text[i + 1];
          i += 2;
        } else {
          v += text[i++];
        }
      }
      if (i >= n) throw new VagrantfileParseError('unterminated single-quoted string');
      i++;
      pushString(out, v);
    } else if (c === '"') {
      let v = '';
      i++;
      while (i < n && text[i] !== '"') {
        if (text[i] === '\\') {
          const e = text[i + 1];
          v += e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e === '0' ? '\0' : e === 'e' ? '\x1b' : e;
          i += 2;
        } else if (text[i] === '#' && text[i + 1] === '{') {
          throw new VagrantfileParseError('string interpolation in a generated Vagrantfile');
        } else {
          v += text[i++];
        }
      }
      if (i >= n) throw new VagrantfileParseError('unterminated double-quoted string');
      i++;
      pushString(out, v);
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(text[i + 1] ?? '') && !isValueEnd(out))) {
      const m = /^-?[0-9][0-9_]*(\.[0-9]+)?(e[+-]?[0-9]+)?/.exec(text.slice(i))!;
      out.push({ t: 'num', v: Number(m[0].replace(/_/g, '')) });
      i += m[0].length;
    } else if (c === ':' && text[i + 1] === ':') {
      out.push({ t: 'punct', v: '::' });
      i += 2;
    } else if (c === ':' && IDENT_START.test(text[i + 1] ?? '')) {
      let j = i + 1;
      while (j < n && IDENT.test(text[j])) j++;
      out.push({ t: 'sym', v: text.slice(i + 1, j) });
      i = j;
    } else if (IDENT_START.test(c)) {
      let j = i;
      while (j < n && IDENT.test(text[j])) j++;
      const word = text.slice(i, j);
      if (text[j] === ':' && text[j + 1] !== ':') {
        out.push({ t: 'label', v: word });
        i = j + 1;
      } else {
        out.push({ t: 'id', v: word });
        i = j;
      }
    } else if (c === '=' && text[i + 1] === '>') {
      out.push({ t: 'punct', v: '=>' });
      i += 2;
    } else if (c === '=' && text[i + 1] === '=') {
      out.push({ t: 'punct', v: '==' });
      i += 2;
    } else if ('()[]{},.=|&*+-<>!?;%/'.includes(c)) {
      out.push({ t: 'punct', v: c });
      i++;
    } else {
      throw new VagrantfileParseError(`unexpected character ${JSON.stringify(c)}`);
    }
  }
  return out;
}

/** Ruby joins adjacent string literals into one. */
function pushString(out: Token[], v: string): void {
  const last = out[out.length - 1];
  if (last && last.t === 'str') last.v += v;
  else out.push({ t: 'str', v });
}

function isValueEnd(out: Token[]): boolean {
  const last = out[out.length - 1];
  if (!last) return false;
  return last.t === 'num' || last.t === 'str' || last.t === 'id' || (last.t === 'punct' && (last.v === ')' || last.v === ']'));
}

// ---------------------------------------------------------------------------------------------
// Values

export type RubyData =
  string | number | boolean | null | RubyData[] | { [key: string]: RubyData } | { sym: string } | { const: string } | { call: string; args: RubyData[] };

class Parser {
  i = 0;
  constructor(readonly toks: Token[]) {}

  peek(offset = 0): Token | undefined {
    return this.toks[this.i + offset];
  }

  next(): Token {
    const t = this.toks[this.i++];
    if (!t) throw new VagrantfileParseError('unexpected end of the Vagrantfile');
    return t;
  }

  isPunct(v: string, offset = 0): boolean {
    const t = this.peek(offset);
    return !!t && t.t === 'punct' && t.v === v;
  }

  isId(v: string, offset = 0): boolean {
    const t = this.peek(offset);
    return !!t && t.t === 'id' && t.v === v;
  }

  expectPunct(v: string): void {
    const t = this.next();
    if (t.t !== 'punct' || t.v !== v) throw new VagrantfileParseError(`expected ${v}, found ${describe(t)}`);
  }

  skipNewlines(): void {
    while (this.peek()?.t === 'nl') this.i++;
  }

  /** One value: a literal, a constant path or a call with parenthesised arguments. */
  value(): RubyData {
    this.skipNewlines();
    const t = this.next();
    switch (t.t) {
      case 'str':
        return t.v;
      case 'num':
        return t.v;
      case 'sym':
        return { sym: t.v };
      case 'punct':
        if (t.v === '[') return this.list(']');
        if (t.v === '{') return this.hash();
        if (t.v === '-' && this.peek()?.t === 'num') return -(this.next() as { v: number }).v;
        throw new VagrantfileParseError(`unexpected ${describe(t)}`);
      case 'id': {
        if (t.v === 'true') return true;
        if (t.v === 'false') return false;
        if (t.v === 'nil') return null;
        let path = t.v;
        while (this.isPunct('::') || this.isPunct('.')) {
          const sep = (this.next() as { v: string }).v;
          const part = this.next();
          if (part.t !== 'id') throw new VagrantfileParseError(`expected a name after ${sep}`);
          path += sep + part.v;
        }
        if (this.isPunct('(')) {
          this.i++;
          return { call: path, args: this.args(')') };
        }
        return { const: path };
      }
      default:
        throw new VagrantfileParseError(`unexpected ${describe(t)}`);
    }
  }

  list(close: string): RubyData[] {
    const items: RubyData[] = [];
    this.skipNewlines();
    while (!this.isPunct(close)) {
      items.push(this.value());
      this.skipNewlines();
      if (this.isPunct(',')) {
        this.i++;
        this.skipNewlines();
      } else break;
    }
    this.skipNewlines();
    this.expectPunct(close);
    return items;
  }

  hash(): Record<string, RubyData> {
    const out: Record<string, RubyData> = {};
    this.skipNewlines();
    while (!this.isPunct('}')) {
      const t = this.peek();
      let key: string;
      if (t?.t === 'label') {
        this.i++;
        key = t.v;
      } else {
        const k = this.value();
        if (typeof k === 'string') key = k;
        else if (typeof k === 'object' && k !== null && 'sym' in k) key = (k as { sym: string }).sym;
        else key = JSON.stringify(k);
        this.skipNewlines();
        this.expectPunct('=>');
      }
      out[key] = this.value();
      this.skipNewlines();
      if (this.isPunct(',')) {
        this.i++;
        this.skipNewlines();
      } else break;
    }
    this.skipNewlines();
    this.expectPunct('}');
    return out;
  }

  /** Call arguments up to `close` (or to the end of the statement when close is undefined). */
  args(close: string | undefined): RubyData[] {
    const positional: RubyData[] = [];
    const keywords: Record<string, RubyData> = {};
    let hasKeywords = false;
    const atEnd = () => (close ? this.isPunct(close) : !this.peek() || this.peek()!.t === 'nl' || this.isId('do'));
    if (close) this.skipNewlines();
    while (!atEnd()) {
      const t = this.peek()!;
      if (t.t === 'label') {
        this.i++;
        keywords[t.v] = this.value();
        hasKeywords = true;
      } else {
        positional.push(this.value());
      }
      if (close) this.skipNewlines();
      if (this.isPunct(',')) {
        this.i++;
        this.skipNewlines();
      } else break;
    }
    if (close) {
      this.skipNewlines();
      this.expectPunct(close);
    }
    return hasKeywords ? [...positional, keywords] : positional;
  }

  /** Skips to the end of the current statement (a newline outside brackets). */
  skipStatement(): void {
    let depth = 0;
    while (this.peek()) {
      const t = this.peek()!;
      if (t.t === 'nl' && depth === 0) return;
      if (t.t === 'punct' && '([{'.includes(t.v)) depth++;
      if (t.t === 'punct' && ')]}'.includes(t.v)) depth--;
      this.i++;
    }
  }

  /** Skips a `do ... end` body whose `do` was just read. */
  skipBlock(): void {
    let depth = 1;
    while (depth > 0) {
      const t = this.next();
      if (t.t === 'id' && (t.v === 'do' || t.v === 'if' || t.v === 'unless' || t.v === 'case' || t.v === 'begin' || t.v === 'def')) {
        // `if`/`unless` as modifiers would unbalance this; the generator writes none in machine blocks.
        depth++;
      } else if (t.t === 'id' && t.v === 'end') depth--;
    }
  }

  /** A `define` line ends in `do |node|`: skips its options up to and including the `do`. */
  skipStatementUntilDo(): void {
    while (this.peek() && !this.isId('do')) {
      if (this.peek()!.t === 'nl') throw new VagrantfileParseError('config.vm.define without a block');
      this.i++;
    }
    this.next();
  }

  /** `|name|` after a `do`. */
  blockParam(): string | undefined {
    if (!this.isPunct('|')) return undefined;
    this.i++;
    const t = this.next();
    this.expectPunct('|');
    return t.t === 'id' ? t.v : undefined;
  }
}

function describe(t: Token): string {
  return t.t === 'nl' ? 'a line break' : `${t.t} ${JSON.stringify((t as { v: unknown }).v)}`;
}

// ---------------------------------------------------------------------------------------------
// Vagrantfile → machines

const CONFIGURE = /^Vagrant\.configure\(\s*'2'\s*\)\s*do\s*\|\s*(\w+)\s*\|\s*$/m;

/** The machines a Vagrantfile defines, in the order Vagrant lists them. */
export function parseVagrantfile(text: string): MachineDef[] {
  const m = CONFIGURE.exec(text);
  if (!m) throw new VagrantfileParseError("no Vagrant.configure('2') block");
  const config = m[1];
  const p = new Parser(tokenize(text.slice(m.index + m[0].length)));
  const machines: MachineDef[] = [];
  for (;;) {
    p.skipNewlines();
    const t = p.peek();
    if (!t) throw new VagrantfileParseError("the Vagrant.configure block is not closed with 'end'");
    if (t.t === 'id' && t.v === 'end') break;
    // config.vm.define 'NAME' do |node|
    if (t.t === 'id' && t.v === config && p.isPunct('.', 1) && p.isId('vm', 2) && p.isPunct('.', 3) && p.isId('define', 4)) {
      p.i += 5;
      const name = p.value();
      if (typeof name !== 'string') throw new VagrantfileParseError('config.vm.define needs a string name');
      p.skipStatementUntilDo();
      const node = p.blockParam() ?? 'node';
      machines.push(parseMachine(p, name, node));
      continue;
    }
    // Anything else at the top level (global config): skipped, with its block if it has one.
    skipStatementOrBlock(p);
  }
  return machines;
}

function skipStatementOrBlock(p: Parser): void {
  let depth = 0;
  while (p.peek()) {
    const t = p.peek()!;
    if (t.t === 'nl' && depth === 0) return;
    p.i++;
    if (t.t === 'punct' && '([{'.includes(t.v)) depth++;
    if (t.t === 'punct' && ')]}'.includes(t.v)) depth--;
    if (t.t === 'id' && t.v === 'do') {
      p.blockParam();
      p.skipBlock();
      return;
    }
  }
}

function parseMachine(p: Parser, name: string, node: string): MachineDef {
  const def: MachineDef = { name, memory: 512, cpus: 1, storage: [], libvirt: {}, provisioners: [] };
  for (;;) {
    p.skipNewlines();
    const t = p.next();
    if (t.t === 'id' && t.v === 'end') return def;
    if (t.t !== 'id' || t.v !== node || !p.isPunct('.')) {
      p.i--;
      skipStatementOrBlock(p);
      continue;
    }
    // node.<a>.<b>
    const path: string[] = [];
    while (p.isPunct('.')) {
      p.i++;
      const part = p.next();
      if (part.t !== 'id' && part.t !== 'label') throw new VagrantfileParseError(`${name}: unexpected ${describe(part)}`);
      path.push(part.v);
      if (part.t === 'label') {
        p.i--; // a label here would be `x.y:` which Ruby does not allow; treat as a name
        break;
      }
    }
    const key = path.join('.');
    if (p.isPunct('=')) {
      p.i++;
      const value = p.value();
      if (key === 'vm.box' && typeof value === 'string') def.box = value;
      else if (key === 'vm.box_version' && typeof value === 'string') def.boxVersion = value;
      else if (key === 'vm.hostname' && typeof value === 'string') def.hostname = value;
      else if (key === 'ssh.host' && typeof value === 'string') def.sshHost = value;
      else if (key === 'ssh.port' && typeof value === 'number') def.sshPort = value;
      p.skipStatement();
      continue;
    }
    if (key === 'vm.provider') {
      const provider = p.value();
      if (!p.isId('do')) throw new VagrantfileParseError(`${name}: vm.provider without a block`);
      p.i++;
      const param = p.blockParam() ?? 'p';
      const providerName = typeof provider === 'object' && provider !== null && 'sym' in provider ? (provider as { sym: string }).sym : String(provider);
      if (providerName === 'libvirt') parseLibvirt(p, def, param);
      else p.skipBlock();
      continue;
    }
    if (key === 'vm.provision') {
      const args = p.args(undefined);
      def.provisioners.push(provisioner(name, args));
      if (p.isId('do')) {
        p.i++;
        p.blockParam();
        p.skipBlock();
      }
      continue;
    }
    // node.vm.network, node.trigger.*, …: not modelled.
    skipStatementOrBlock(p);
  }
}

function parseLibvirt(p: Parser, def: MachineDef, lv: string): void {
  for (;;) {
    p.skipNewlines();
    const t = p.next();
    if (t.t === 'id' && t.v === 'end') return;
    if (t.t === 'id' && t.v === lv && p.isPunct('.')) {
      p.i++;
      const key = p.next();
      if (key.t !== 'id') throw new VagrantfileParseError(`${def.name}: unexpected ${describe(key)} after ${lv}.`);
      if (p.isPunct('=')) {
        p.i++;
        const value = p.value();
        if (key.v === 'memory' && typeof value === 'number') def.memory = value;
        else if (key.v === 'cpus' && typeof value === 'number') def.cpus = value;
        else def.libvirt[key.v] = value;
        p.skipStatement();
        continue;
      }
      if (p.isPunct('(')) {
        p.i++;
        const args = p.args(')');
        if (key.v === 'storage') def.storage.push(storage(def.name, args));
        else def.libvirt[key.v] = [...((def.libvirt[key.v] as RubyData[] | undefined) ?? []), args as RubyData];
        p.skipStatement();
        continue;
      }
      p.skipStatement();
      continue;
    }
    // Svcplan.configure(lv, { 'key' => value, ... })
    if (t.t === 'id' && t.v === 'Svcplan' && p.isPunct('.') && p.isId('configure', 1)) {
      p.i -= 1;
      const call = p.value() as { call: string; args: RubyData[] };
      const settings = call.args[1];
      if (settings && typeof settings === 'object' && !Array.isArray(settings)) Object.assign(def.libvirt, settings);
      p.skipStatement();
      continue;
    }
    p.i--;
    skipStatementOrBlock(p);
  }
}

function storage(machine: string, args: RubyData[]): StorageDef {
  const type = args[0] && typeof args[0] === 'object' && 'sym' in (args[0] as object) ? (args[0] as { sym: string }).sym : String(args[0]);
  const kw = (args.find((a, i) => i > 0 && typeof a === 'object' && a !== null && !Array.isArray(a) && !('sym' in a)) ?? {}) as Record<string, RubyData>;
  const size = typeof kw.size === 'string' ? /^(\d+)G$/.exec(kw.size) : null;
  if (typeof kw.size === 'string' && !size) throw new VagrantfileParseError(`${machine}: storage size ${kw.size} is not in GiB`);
  return {
    type,
    path: typeof kw.path === 'string' ? kw.path : undefined,
    sizeGiB: size ? Number(size[1]) : undefined,
    allowExisting: kw.allow_existing === true,
    options: kw,
  };
}

function provisioner(machine: string, args: RubyData[]): ProvisionerDef {
  const name = args[0];
  if (typeof name !== 'string') throw new VagrantfileParseError(`${machine}: a provisioner without a name`);
  const kw = (args[1] ?? {}) as Record<string, RubyData>;
  const type = typeof kw.type === 'string' ? kw.type : name;
  let env: Record<string, unknown> = {};
  const e = kw.env as RubyData | undefined;
  if (e && typeof e === 'object' && !Array.isArray(e)) {
    if ('call' in e && (e as { call: string }).call === 'Svcplan.env') env = ((e as { args: RubyData[] }).args[0] ?? {}) as Record<string, unknown>;
    else if (!('call' in e) && !('const' in e) && !('sym' in e)) env = e as Record<string, unknown>;
  }
  const run =
    typeof kw.run === 'string' ? kw.run : kw.run && typeof kw.run === 'object' && 'sym' in (kw.run as object) ? (kw.run as { sym: string }).sym : undefined;
  return { name, type, run, env, options: kw };
}
