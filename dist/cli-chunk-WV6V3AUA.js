import { createRequire as __svcplanCreateRequire } from 'node:module';
const require = __svcplanCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/fast-deep-equal/index.js
var require_fast_deep_equal = __commonJS({
  "node_modules/fast-deep-equal/index.js"(exports, module) {
    "use strict";
    module.exports = function equal(a, b) {
      if (a === b) return true;
      if (a && b && typeof a == "object" && typeof b == "object") {
        if (a.constructor !== b.constructor) return false;
        var length, i, keys;
        if (Array.isArray(a)) {
          length = a.length;
          if (length != b.length) return false;
          for (i = length; i-- !== 0; )
            if (!equal(a[i], b[i])) return false;
          return true;
        }
        if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
        if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
        if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
        keys = Object.keys(a);
        length = keys.length;
        if (length !== Object.keys(b).length) return false;
        for (i = length; i-- !== 0; )
          if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
        for (i = length; i-- !== 0; ) {
          var key = keys[i];
          if (!equal(a[key], b[key])) return false;
        }
        return true;
      }
      return a !== a && b !== b;
    };
  }
});

// node_modules/ajv/dist/runtime/equal.js
var require_equal = __commonJS({
  "node_modules/ajv/dist/runtime/equal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var equal = require_fast_deep_equal();
    equal.code = 'require("ajv/dist/runtime/equal").default';
    exports.default = equal;
  }
});

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// src/git/git.ts
import { spawn } from "node:child_process";
var GitError = class extends Error {
  constructor(message, args, stderr, exitCode) {
    super(message);
    this.args = args;
    this.stderr = stderr;
    this.exitCode = exitCode;
    this.name = "GitError";
  }
  args;
  stderr;
  exitCode;
};
var UnknownRevisionError = class extends GitError {
  constructor(ref, dir, stderr) {
    super(
      `unknown revision "${ref}" in ${dir}: no branch, tag or commit has that name (check the spelling, or fetch it first: git fetch origin ` + ref + ")",
      ["rev-parse", ref],
      stderr,
      128
    );
    this.ref = ref;
    this.dir = dir;
    this.name = "UnknownRevisionError";
  }
  ref;
  dir;
};
var GIT_ENV = { LC_ALL: "C", GIT_TERMINAL_PROMPT: "0" };
var Git = class _Git {
  constructor(dir) {
    this.dir = dir;
  }
  dir;
  knownPrefix;
  /**
   * Where `dir` stands: in a Git work tree (then `git`) or not, and the commit HEAD points to
   * (none before the first commit). One git process in the usual case.
   */
  static async locate(dir) {
    const git = new _Git(dir);
    try {
      const [inside2, prefix, head] = (await git.run(["rev-parse", "--is-inside-work-tree", "--show-prefix", "HEAD^{commit}"])).split("\n");
      if (inside2 === "true" && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(head)) {
        git.knownPrefix = Promise.resolve(prefix);
        return { git, headCommit: head };
      }
    } catch (err) {
      if (!(err instanceof GitError)) throw err;
    }
    const inside = await git.run(["rev-parse", "--is-inside-work-tree"]).then(
      (o) => o.trim() === "true",
      () => false
    );
    if (!inside) return {};
    return { git, headCommit: await git.tryRevParse("HEAD") };
  }
  /** Runs git in `dir` and returns its stdout exactly as written (final newline kept). */
  async run(args, opts = {}) {
    const result = await this.exec(args, opts);
    return result.stdout;
  }
  async exec(args, opts = {}) {
    const result = await runGit(this.dir, args, { input: opts.input, env: opts.env, maxBuffer: 512 * 1024 * 1024 });
    if (result.failed) {
      const stderr = result.stderr.toString("utf8").trim();
      const why = stderr || result.cause?.message || `exit code ${result.exitCode}`;
      throw new GitError(`git ${args.join(" ")} failed in ${this.dir}: ${why}`, args, stderr, result.exitCode);
    }
    return { stdout: result.stdout.toString("utf8"), exitCode: result.exitCode ?? 0 };
  }
  /** The full sha of the commit a ref names. Throws UnknownRevisionError when there is none. */
  async revParse(ref) {
    checkRefSyntax(ref);
    try {
      return (await this.run(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])).trim();
    } catch (err) {
      if (err instanceof GitError && err.exitCode === 1) throw new UnknownRevisionError(ref, this.dir, err.stderr);
      if (err instanceof GitError && /not a git repository/i.test(err.stderr)) throw err;
      if (err instanceof GitError) throw new UnknownRevisionError(ref, this.dir, err.stderr);
      throw err;
    }
  }
  /** Like revParse, but undefined for an unknown ref (or a folder that is not in a Git repository). */
  async tryRevParse(ref) {
    try {
      return await this.revParse(ref);
    } catch (err) {
      if (err instanceof GitError) return void 0;
      throw err;
    }
  }
  /** Absolute path of the top of the work tree that holds `dir`. */
  async topLevel() {
    return (await this.run(["rev-parse", "--show-toplevel"])).trim();
  }
  /** Path of `dir` relative to the top of the work tree, with a trailing slash ('' at the top). */
  prefix() {
    this.knownPrefix ??= this.run(["rev-parse", "--show-prefix"]).then((out) => out.trim());
    return this.knownPrefix;
  }
  /**
   * Every blob (file or symlink) of a commit, recursively, paths relative to the top of the work
   * tree; with `under`, only the ones under that folder (a path relative to the top).
   */
  async lsTree(commit, under = "") {
    const args = ["ls-tree", "-r", "-z", "--full-tree", commit];
    if (under) args.push("--", under);
    const out = await this.run(args);
    const entries = [];
    for (const record of out.split("\0")) {
      if (!record) continue;
      const tab = record.indexOf("	");
      const [mode, type, object] = record.slice(0, tab).split(" ");
      entries.push({ mode, type, object, path: record.slice(tab + 1) });
    }
    return entries;
  }
  /** Reads blobs through `git cat-file --batch`: many reads, one process. */
  catFileBatch() {
    return new BlobReader(this.dir);
  }
};
function checkRefSyntax(ref) {
  if (!ref || ref.startsWith("-") || /[\0\n]/.test(ref)) {
    throw new GitError(`"${ref}" is not a valid revision name`, [], "", void 0);
  }
}
var BlobReader = class {
  constructor(dir) {
    this.dir = dir;
  }
  dir;
  pending = [];
  scheduled = false;
  /** The blob's bytes, or undefined when git has no such object. */
  read(object) {
    if (!/^[0-9a-f]{4,64}$/.test(object)) {
      return Promise.reject(new GitError(`"${object}" is not an object id`, ["cat-file", "--batch"], "", void 0));
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ object, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }
  async flush() {
    const batch = this.pending;
    this.pending = [];
    this.scheduled = false;
    const args = ["cat-file", "--batch"];
    try {
      const input = batch.map((p) => p.object).join("\n") + "\n";
      const result = await runGit(this.dir, args, { input, maxBuffer: 1024 * 1024 * 1024 });
      if (result.failed) {
        const stderr = result.stderr.toString("utf8").trim();
        throw new GitError(`git cat-file --batch failed in ${this.dir}: ${stderr || `exit code ${result.exitCode}`}`, args, stderr, result.exitCode);
      }
      const contents = parseBatchOutput(result.stdout, batch.length);
      batch.forEach((p, i) => p.resolve(contents[i]));
    } catch (err) {
      const error = err instanceof GitError ? err : new GitError(`could not run git cat-file in ${this.dir}: ${err.message}`, args, "", void 0);
      for (const p of batch) p.reject(error);
    }
  }
};
function runGit(dir, args, opts) {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn("git", args, {
        cwd: dir,
        env: { ...process.env, ...GIT_ENV, ...opts.env },
        stdio: [opts.input !== void 0 ? "pipe" : "ignore", "pipe", "pipe"]
      });
    } catch (err2) {
      resolve({ failed: true, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), cause: err2 });
      return;
    }
    const out = [];
    const err = [];
    const size = { out: 0, err: 0 };
    let cause;
    let settled = false;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      resolve({ ...result, stdout: Buffer.concat(out), stderr: Buffer.concat(err) });
    };
    const collect = (stream, into, key) => {
      stream?.on("data", (chunk) => {
        if (cause) return;
        size[key] += chunk.length;
        if (size[key] > opts.maxBuffer) {
          cause = new Error(`Command's std${key} was larger than ${opts.maxBuffer} bytes`);
          child.kill();
          return;
        }
        into.push(chunk);
      });
    };
    collect(child.stdout, out, "out");
    collect(child.stderr, err, "err");
    child.on("error", (error) => {
      if (child.pid === void 0) finish({ failed: true, cause: error });
    });
    child.stdin?.on("error", () => {
    });
    child.once("close", (code) => {
      if (cause) return finish({ failed: true, cause, exitCode: code ?? void 0 });
      finish(code === 0 ? { failed: false, exitCode: 0 } : { failed: true, exitCode: code ?? void 0 });
    });
    if (opts.input !== void 0) child.stdin?.end(opts.input);
  });
}
function parseBatchOutput(out, count) {
  const contents = [];
  let at = 0;
  while (contents.length < count) {
    const newline = out.indexOf(10, at);
    if (newline < 0) throw new GitError("git cat-file --batch ended early", ["cat-file", "--batch"], "", void 0);
    const header = out.subarray(at, newline).toString("utf8");
    if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
      contents.push(void 0);
      at = newline + 1;
      continue;
    }
    const size = Number(header.split(" ")[2]);
    if (!Number.isInteger(size) || newline + 1 + size > out.length) {
      throw new GitError(`git cat-file --batch answered "${header}"`, ["cat-file", "--batch"], "", void 0);
    }
    contents.push(out.subarray(newline + 1, newline + 1 + size));
    at = newline + 1 + size + 1;
  }
  return contents;
}

// src/model/types.ts
var InputError = class extends Error {
  constructor(diagnostics) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.diagnostics = diagnostics;
    this.name = "InputError";
  }
  diagnostics;
};
function formatDiagnostic(d) {
  return `${d.file}:${d.line}:${d.column}: ${d.message}`;
}
var API_VERSION = "svcplan/v1";
var DISRUPTION_ORDER = { none: 0, refresh: 1, restart: 2, replace: 3 };
function instanceName(service, tier, n) {
  return `${service}-${tier}-${n}`;
}
function upgradeDomainOf(n, domains) {
  return (n - 1) % Math.max(1, domains);
}
function emptySummary() {
  return { create: 0, refresh: 0, restart: 0, replace: 0, destroy: 0, none: 0 };
}

// src/state/record-file.ts
function serializeRecord(record) {
  return JSON.stringify(record, null, 2) + "\n";
}
var DamagedRecordError = class extends Error {
  constructor(where, problem, advice = "The recorded state is damaged and svcplan will not guess: restore the file from a backup or from the state branch history (git log svcplan-state), or correct that entry by hand; then run svcplan status and svcplan plan to check") {
    super(`${where}: ${problem}. ${advice}`);
    this.where = where;
    this.name = "DamagedRecordError";
  }
  where;
};
var STATUSES = /* @__PURE__ */ new Set(["ready", "pending", "failed"]);
var ACTIONS = /* @__PURE__ */ new Set(["create", "refresh", "restart", "replace", "destroy"]);
var PHASES = /* @__PURE__ */ new Set([
  "saving",
  "saved",
  "halting",
  "halted",
  "destroying",
  "destroyed",
  "creating",
  "created",
  "restoring",
  "restored",
  "refreshing",
  "refreshed",
  "restarting",
  "restarted",
  "grown",
  "booted"
]);
function parseRecord(text2, where) {
  let value;
  try {
    value = JSON.parse(text2);
  } catch (err) {
    throw new DamagedRecordError(where, `recorded state is not valid JSON (${err.message})`);
  }
  const r = value;
  if (!isObject(r)) throw new DamagedRecordError(where, "recorded state is not a JSON object");
  const missing = ["name", "spec", "instances", "history"].filter((k) => r[k] === void 0);
  if (missing.length > 0) throw new DamagedRecordError(where, `recorded state lacks ${missing.join(", ")}; it was not written by svcplan`);
  if (!Array.isArray(r.instances)) throw new DamagedRecordError(where, "`instances` is not a list");
  if (!Array.isArray(r.history)) throw new DamagedRecordError(where, "`history` is not a list");
  if (!isObject(r.spec) || !Array.isArray(r.spec.tiers)) throw new DamagedRecordError(where, "the service spec (`spec`) has no tiers");
  r.retainedDisks ??= [];
  r.instances.forEach((inst, i) => checkInstance(inst, i, where));
  for (const inst of r.instances) upgradeLegacy(inst);
  return r;
}
function checkInstance(inst, i, where) {
  const label = isObject(inst) && typeof inst.name === "string" ? `instance ${i + 1} (${inst.name})` : `instance ${i + 1}`;
  if (!isObject(inst)) throw new DamagedRecordError(where, `${label} is not an object`);
  if (typeof inst.name !== "string" || inst.name === "") throw new DamagedRecordError(where, `${label} has no name`);
  if (typeof inst.tier !== "string" || inst.tier === "") throw new DamagedRecordError(where, `${label} has no tier`);
  if (!Number.isInteger(inst.index) || inst.index < 1) throw new DamagedRecordError(where, `${label} has no index (n of <service>-<tier>-<n>)`);
  if (!isSpec(inst.spec)) throw new DamagedRecordError(where, `${label} has no spec (image, cpus, memory, target)`);
  if (!STATUSES.has(inst.status)) throw new DamagedRecordError(where, `${label} has status ${JSON.stringify(inst.status)}, not ready, pending or failed`);
  const step = inst.step;
  if (step === void 0) return;
  if (!isObject(step) || !ACTIONS.has(step.action) || !PHASES.has(step.phase)) {
    throw new DamagedRecordError(
      where,
      `${label} has a step svcplan does not know (${JSON.stringify(isObject(step) ? { action: step.action, phase: step.phase } : step)})`
    );
  }
  if (step.action !== "destroy" && !isSpec(step.to)) throw new DamagedRecordError(where, `${label}: its ${step.action} step has no target spec`);
  if (step.action !== "create" && step.from !== void 0 && !isSpec(step.from))
    throw new DamagedRecordError(where, `${label}: its ${step.action} step has a broken previous spec`);
}
function upgradeLegacy(inst) {
  if (inst.step || inst.status !== "pending" || !inst.pendingSpec) return;
  if (JSON.stringify(inst.pendingSpec) !== JSON.stringify(inst.spec)) return;
  inst.step = { action: "create", phase: "creating", deployment: 0, domain: 0, to: inst.spec, startedAt: inst.updatedAt };
  delete inst.pendingSpec;
}
function isSpec(spec) {
  const s = spec;
  return isObject(s) && isObject(s.image) && typeof s.image.box === "string" && typeof s.image.version === "string" && typeof s.cpus === "number" && typeof s.memory === "number" && isObject(s.target);
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/state/store.ts
var LeaseHeldError = class extends Error {
  constructor(lease) {
    super(
      `service ${lease.service} is being applied by ${lease.owner} (lease until ${lease.expiresAt}); wait for that run to finish, or, if it died, run again after the lease expires`
    );
    this.lease = lease;
    this.name = "LeaseHeldError";
  }
  lease;
};
var LeaseLostError = class extends Error {
  constructor(lease, current) {
    super(
      `the lease on service ${lease.service} held by ${lease.owner} expired` + (current ? ` and was taken over by ${current.owner}` : "") + "; this run stops so two applies never work on one service; run again to resume"
    );
    this.lease = lease;
    this.current = current;
    this.name = "LeaseLostError";
  }
  lease;
  current;
};

// src/load/git-revision.ts
import { hash } from "node:crypto";
import { posix } from "node:path";

// src/load/paths.ts
function normalizeRepoPath(path3, { allowRoot = false } = {}) {
  if (path3.startsWith("/") || path3.includes("\\") || path3.includes("\0")) return void 0;
  const parts = [];
  for (const part of path3.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") return void 0;
    parts.push(part);
  }
  if (parts.length === 0) return allowRoot ? "" : void 0;
  return parts.join("/");
}
function isUnder(path3, folder) {
  return folder === "" || path3 === folder || path3.startsWith(folder + "/");
}

// src/load/git-revision.ts
var SYMLINK_MODE = "120000";
var MAX_SYMLINK_HOPS = 8;
var GitRevisionReader = class _GitRevisionReader {
  constructor(revision, entries, blobs, alike) {
    this.revision = revision;
    this.entries = entries;
    this.blobs = blobs;
    this.alike = alike;
  }
  revision;
  entries;
  blobs;
  alike;
  /**
   * `repoDir` may be a sub-folder of a Git work tree: paths stay relative to it.
   * Throws UnknownRevisionError when `ref` names nothing.
   */
  static async open(repoDir, ref, known = {}) {
    const git = known.git ?? new Git(repoDir);
    const asked = git.prefix();
    asked.catch(() => void 0);
    const commit = known.commit ?? await git.revParse(ref);
    const prefix = await asked;
    const under = prefix.replace(/\/$/, "");
    const listed = await git.lsTree(commit, under);
    const entries = /* @__PURE__ */ new Map();
    for (const entry of listed) {
      if (entry.type !== "blob" || !isUnder(entry.path, under)) continue;
      entries.set(under ? entry.path.slice(under.length + 1) : entry.path, entry);
    }
    return new _GitRevisionReader({ ref, commit }, entries, git.catFileBatch(), known.alike);
  }
  texts;
  /**
   * A blob's text. The first read also asks for every YAML file of the tree, in the same
   * `cat-file --batch`: a load reads svcplan.yaml first and all templates and services next, so
   * this saves a git process and a round trip. A blob (same object id) is read once; one that the
   * `alike` tree has at the same path is not read through Git at all.
   */
  text(object) {
    if (!this.texts) {
      const texts = this.texts = /* @__PURE__ */ new Map();
      const wanted = [];
      const seen = /* @__PURE__ */ new Set();
      for (const [path3, entry] of this.entries) {
        if (entry.mode === SYMLINK_MODE || !/\.ya?ml$/i.test(path3) || seen.has(entry.object)) continue;
        seen.add(entry.object);
        wanted.push([path3, entry]);
      }
      const alike = this.alike;
      const found = alike ? Promise.all(
        wanted.map(
          ([path3, entry]) => alike.read(path3).then(
            (t) => t !== void 0 && gitBlobId(t, entry.object) === entry.object ? t : void 0,
            () => void 0
          )
        )
      ) : void 0;
      wanted.forEach(([, entry], i) => {
        const read2 = found ? found.then((f) => f[i] ?? this.fromGit(entry.object)) : this.fromGit(entry.object);
        read2.catch(() => void 0);
        texts.set(entry.object, read2);
      });
    }
    let read = this.texts.get(object);
    if (!read) {
      read = this.fromGit(object);
      this.texts.set(object, read);
    }
    return read;
  }
  fromGit(object) {
    return this.blobs.read(object).then((content) => content?.toString("utf8"));
  }
  async list(folders) {
    const starts = folders.map((f) => normalizeRepoPath(f, { allowRoot: true })).filter((f) => f !== void 0);
    const found = [];
    for (const path3 of this.entries.keys()) {
      if (starts.some((start) => isUnder(path3, start) && path3 !== start)) found.push(path3);
    }
    return found.sort();
  }
  async read(path3) {
    const entry = await this.file(path3);
    return entry && this.text(entry.object);
  }
  /** A file is there when the tree lists it (its content is not read: a script only has to exist). */
  async exists(path3) {
    return await this.file(path3) !== void 0;
  }
  /** The tree entry of the file at `path`, symlinks followed while they stay inside the repository folder. */
  async file(path3) {
    let clean = normalizeRepoPath(path3);
    for (let hop = 0; clean !== void 0 && hop <= MAX_SYMLINK_HOPS; hop++) {
      const entry = this.entries.get(clean);
      if (!entry) return void 0;
      if (entry.mode !== SYMLINK_MODE) return entry;
      const target = await this.text(entry.object);
      if (target === void 0) return void 0;
      clean = normalizeRepoPath(posix.join(posix.dirname(clean), target));
    }
    return void 0;
  }
};
function gitBlobId(text2, like) {
  return hash(like.length === 64 ? "sha256" : "sha1", `blob ${Buffer.byteLength(text2, "utf8")}\0${text2}`, "hex");
}

// src/load/schema.ts
import { createHash } from "node:crypto";
import { createRequire } from "node:module";

// schema/svcplan-v1.schema.json
var svcplan_v1_schema_default = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "urn:svcplan:schema:v1",
  title: "svcplan v1",
  description: "Files of a svcplan templates repository: ServiceTemplate, Service and Config (svcplan.yaml).",
  type: "object",
  required: [
    "apiVersion",
    "kind"
  ],
  properties: {
    apiVersion: {
      const: "svcplan/v1",
      description: "Always svcplan/v1."
    },
    kind: {
      enum: [
        "ServiceTemplate",
        "Service",
        "Config"
      ],
      description: "What the document is."
    }
  },
  allOf: [
    {
      if: {
        properties: {
          kind: {
            const: "ServiceTemplate"
          }
        }
      },
      then: {
        $ref: "#/definitions/ServiceTemplate"
      }
    },
    {
      if: {
        properties: {
          kind: {
            const: "Service"
          }
        }
      },
      then: {
        $ref: "#/definitions/Service"
      }
    },
    {
      if: {
        properties: {
          kind: {
            const: "Config"
          }
        }
      },
      then: {
        $ref: "#/definitions/Config"
      }
    }
  ],
  definitions: {
    templateName: {
      type: "string",
      pattern: "^[a-z][a-z0-9-]{0,38}[a-z0-9]$",
      "x-hint": "2 to 40 characters: lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen",
      description: "Template name; also a file and VM name prefix."
    },
    serviceName: {
      type: "string",
      pattern: "^[a-z][a-z0-9-]{0,38}[a-z0-9]$",
      "x-hint": "2 to 40 characters: lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen",
      description: "Service name; instances are named <service>-<tier>-<n>."
    },
    tierName: {
      type: "string",
      pattern: "^[a-z][a-z0-9]{0,15}$",
      "x-hint": "1 to 16 lowercase letters and digits, starting with a letter (no hyphens, so <service>-<tier>-<n> stays unambiguous)",
      description: "Tier name."
    },
    appName: {
      type: "string",
      pattern: "^[a-z][a-z0-9_-]{0,31}$",
      "x-hint": '1 to 32 characters: lowercase letters, digits, "_" and "-", starting with a letter',
      description: "App name."
    },
    settingKey: {
      type: "string",
      pattern: "^[A-Za-z_][A-Za-z0-9_]{0,63}$",
      "x-hint": 'an environment variable name: letters, digits and "_", not starting with a digit, at most 64 characters',
      description: "Setting name, exported to the guest as an environment variable."
    },
    feature: {
      type: "string",
      pattern: "^[a-z0-9][a-z0-9.+_-]{0,63}$",
      "x-hint": 'lowercase letters, digits and ".+_-", at most 64 characters',
      description: "An OS role or package installed by the features provisioner."
    },
    imageName: {
      type: "string",
      pattern: "^[a-z][a-z0-9._-]{0,31}$",
      "x-hint": '1 to 32 characters: lowercase letters, digits, ".", "_" and "-", starting with a letter',
      description: "Image key, referred to by tiers."
    },
    settings: {
      type: "object",
      description: "Settings exported to the guest as environment variables. Values may be strings, numbers or booleans; they are passed as strings.",
      propertyNames: {
        $ref: "#/definitions/settingKey"
      },
      additionalProperties: {
        type: [
          "string",
          "number",
          "boolean"
        ],
        description: "Setting value."
      }
    },
    image: {
      type: "object",
      description: "An OS image: a Vagrant box and an exact, pinned version.",
      required: [
        "box",
        "version"
      ],
      additionalProperties: false,
      properties: {
        box: {
          type: "string",
          pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$",
          "x-hint": "a Vagrant box name such as svcplan/debian-12",
          maxLength: 128,
          description: "Vagrant box name."
        },
        version: {
          type: "string",
          pattern: "^[0-9]+(\\.[0-9]+){0,3}$",
          "x-hint": 'an exact box version such as "12.7.1" (no ranges or constraints)',
          description: "Exact box version, quoted."
        }
      }
    },
    app: {
      type: "object",
      description: "An application installed on every instance of the tier.",
      required: [
        "version"
      ],
      additionalProperties: false,
      properties: {
        version: {
          type: "string",
          minLength: 1,
          maxLength: 128,
          description: 'App version, quoted (e.g. "4.2.0").'
        },
        install: {
          type: "string",
          pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$",
          "x-hint": 'a path relative to the repository root, without ".."',
          description: "Install script, relative to the repository root; run by the app-<name> provisioner."
        }
      }
    },
    state: {
      type: "object",
      description: "A persistent app-state disk that survives image replacement.",
      required: [
        "disk"
      ],
      additionalProperties: false,
      properties: {
        disk: {
          type: "integer",
          minimum: 1,
          maximum: 65536,
          description: "Size of the state disk.",
          "x-unit": "GiB"
        },
        save: {
          type: "string",
          pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$",
          "x-hint": 'a path relative to the repository root, without ".."',
          description: "SaveState hook, run in the guest before the VM is replaced."
        },
        restore: {
          type: "string",
          pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$",
          "x-hint": 'a path relative to the repository root, without ".."',
          description: "RestoreState hook, run in the guest after the VM is replaced."
        },
        onScaleIn: {
          enum: [
            "retain",
            "delete"
          ],
          default: "retain",
          description: "What happens to the state disk when an instance is removed."
        }
      }
    },
    health: {
      type: "object",
      description: "Health gate checked after each upgrade domain.",
      additionalProperties: false,
      properties: {
        command: {
          type: "string",
          minLength: 1,
          maxLength: 4096,
          description: "Run in the guest; exit 0 means healthy. Without it, an instance is healthy when it answers SSH."
        },
        timeout: {
          type: "integer",
          minimum: 1,
          maximum: 86400,
          description: "How long to wait for an instance to become healthy.",
          "x-unit": "seconds",
          default: 300
        },
        minReady: {
          type: "integer",
          minimum: 0,
          maximum: 86400,
          description: "How long an instance must stay healthy.",
          "x-unit": "seconds",
          default: 0
        }
      }
    },
    rollout: {
      type: "object",
      description: "How updates roll through the tier.",
      additionalProperties: false,
      properties: {
        upgradeDomains: {
          type: "integer",
          minimum: 1,
          maximum: 100,
          description: "Instance n is in domain (n-1) mod upgradeDomains; one domain is updated at a time.",
          default: 1
        },
        maxParallel: {
          type: "integer",
          minimum: 1,
          maximum: 1e3,
          description: "Instances of one domain updated at the same time.",
          default: 1
        },
        pauseBetweenDomains: {
          type: "integer",
          minimum: 0,
          maximum: 86400,
          description: "Pause after each domain.",
          "x-unit": "seconds",
          default: 0
        },
        order: {
          type: "integer",
          minimum: 0,
          maximum: 1e3,
          description: "Tiers with a lower order are updated first.",
          default: 1
        },
        maxDisruption: {
          enum: [
            "none",
            "refresh",
            "restart",
            "replace"
          ],
          default: "replace",
          description: "The most disruptive action a plan may take on this tier; more is refused."
        },
        autoRollback: {
          type: "boolean",
          default: false,
          description: "On a failed health gate, return the instances updated in this rollout to their previous spec."
        }
      }
    },
    scale: {
      type: "object",
      description: "Allowed instance counts.",
      additionalProperties: false,
      properties: {
        min: {
          type: "integer",
          minimum: 0,
          maximum: 1e4,
          description: "Fewest instances.",
          default: 0
        },
        max: {
          type: "integer",
          minimum: 0,
          maximum: 1e4,
          description: "Most instances.",
          default: 100
        }
      }
    },
    tier: {
      type: "object",
      description: "A tier of identical VMs.",
      required: [
        "image"
      ],
      additionalProperties: false,
      properties: {
        description: {
          type: "string",
          description: "What the tier is for."
        },
        image: {
          $ref: "#/definitions/imageName",
          description: "Key of an entry of images."
        },
        cpus: {
          type: "integer",
          minimum: 1,
          maximum: 256,
          description: "Virtual CPUs.",
          default: 1
        },
        memory: {
          type: "integer",
          minimum: 256,
          maximum: 4194304,
          description: "Memory.",
          "x-unit": "MiB",
          default: 1024
        },
        count: {
          type: "integer",
          minimum: 0,
          maximum: 1e4,
          description: "Default instance count; a service may override it.",
          default: 1
        },
        scale: {
          $ref: "#/definitions/scale"
        },
        features: {
          type: "array",
          uniqueItems: true,
          maxItems: 256,
          items: {
            $ref: "#/definitions/feature"
          },
          default: [],
          description: "OS roles or packages."
        },
        apps: {
          type: "object",
          propertyNames: {
            $ref: "#/definitions/appName"
          },
          additionalProperties: {
            $ref: "#/definitions/app"
          },
          default: {},
          description: "Applications by name."
        },
        settings: {
          $ref: "#/definitions/settings"
        },
        state: {
          $ref: "#/definitions/state"
        },
        health: {
          $ref: "#/definitions/health"
        },
        rollout: {
          $ref: "#/definitions/rollout"
        }
      }
    },
    serviceTier: {
      type: "object",
      description: "Per-service overrides of one tier of the template.",
      additionalProperties: false,
      properties: {
        count: {
          type: "integer",
          minimum: 0,
          maximum: 1e4,
          description: "Instance count of this tier in this service."
        },
        settings: {
          $ref: "#/definitions/settings"
        }
      }
    },
    optionValue: {
      type: [
        "string",
        "number",
        "boolean",
        "array",
        "object"
      ],
      description: "A provider setting value."
    },
    target: {
      type: "object",
      description: "Where the service runs.",
      additionalProperties: false,
      properties: {
        driver: {
          const: "vagrant",
          default: "vagrant",
          description: "How VMs are made."
        },
        provider: {
          enum: [
            "virtualbox",
            "libvirt"
          ],
          default: "libvirt",
          description: "Vagrant provider."
        },
        runner: {
          type: "string",
          pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",
          "x-hint": 'a runner label: letters, digits, ".", "_" and "-"',
          description: "Label of the self-hosted runner that reaches the hypervisor."
        },
        options: {
          type: "object",
          description: "Any setting of the provider (lv.<key> / vb.<key>); creation-only: changing one replaces the VMs.",
          propertyNames: {
            type: "string",
            pattern: "^[a-z_][a-z0-9_]*$",
            "x-hint": 'a provider setting name: lowercase letters, digits and "_"'
          },
          additionalProperties: {
            $ref: "#/definitions/optionValue"
          },
          default: {}
        },
        ssh: {
          type: "object",
          description: "SSH endpoint per instance: instance k of the service gets portBase + k.",
          required: [
            "portBase"
          ],
          additionalProperties: false,
          properties: {
            host: {
              type: "string",
              pattern: "^[A-Za-z0-9.:-]{1,253}$",
              "x-hint": "a host name or IP address",
              default: "127.0.0.1",
              description: "Host the forwarded ports listen on."
            },
            portBase: {
              type: "integer",
              minimum: 1024,
              maximum: 65e3,
              description: "First forwarded SSH port."
            }
          }
        }
      }
    },
    ServiceTemplate: {
      type: "object",
      title: "svcplan ServiceTemplate",
      description: "A versioned recipe: tiers of identical VMs.",
      required: [
        "apiVersion",
        "kind",
        "name",
        "release",
        "images",
        "tiers"
      ],
      additionalProperties: false,
      properties: {
        apiVersion: {
          const: "svcplan/v1"
        },
        kind: {
          const: "ServiceTemplate"
        },
        name: {
          $ref: "#/definitions/templateName"
        },
        release: {
          type: "string",
          minLength: 1,
          maxLength: 128,
          description: 'Human label of this release, quoted (e.g. "2.1").'
        },
        description: {
          type: "string"
        },
        images: {
          type: "object",
          minProperties: 1,
          propertyNames: {
            $ref: "#/definitions/imageName"
          },
          additionalProperties: {
            $ref: "#/definitions/image"
          },
          description: "OS images by key."
        },
        tiers: {
          type: "object",
          minProperties: 1,
          maxProperties: 64,
          propertyNames: {
            $ref: "#/definitions/tierName"
          },
          additionalProperties: {
            $ref: "#/definitions/tier"
          },
          description: "Tiers by name."
        }
      }
    },
    Service: {
      type: "object",
      title: "svcplan Service",
      description: "A deployed service, linked to the template it was created from.",
      required: [
        "apiVersion",
        "kind",
        "name",
        "template"
      ],
      additionalProperties: false,
      properties: {
        apiVersion: {
          const: "svcplan/v1"
        },
        kind: {
          const: "Service"
        },
        name: {
          $ref: "#/definitions/serviceName"
        },
        template: {
          $ref: "#/definitions/templateName",
          description: "Name of the template it was created from."
        },
        description: {
          type: "string"
        },
        target: {
          $ref: "#/definitions/target"
        },
        tiers: {
          type: "object",
          propertyNames: {
            $ref: "#/definitions/tierName"
          },
          additionalProperties: {
            $ref: "#/definitions/serviceTier"
          },
          default: {},
          description: "Per-tier overrides."
        }
      }
    },
    Config: {
      type: "object",
      title: "svcplan Config (svcplan.yaml)",
      description: "Where svcplan finds templates and services, and where it keeps state.",
      required: [
        "apiVersion",
        "kind"
      ],
      additionalProperties: false,
      properties: {
        apiVersion: {
          const: "svcplan/v1"
        },
        kind: {
          const: "Config"
        },
        templates: {
          type: "array",
          minItems: 1,
          items: {
            type: "string",
            pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$",
            "x-hint": 'a path relative to the repository root, without ".."',
            description: "A folder searched (recursively) for templates."
          },
          default: [
            "templates"
          ]
        },
        services: {
          type: "array",
          minItems: 1,
          items: {
            type: "string",
            pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$",
            "x-hint": 'a path relative to the repository root, without ".."',
            description: "A folder searched (recursively) for services."
          },
          default: [
            "services"
          ]
        },
        state: {
          type: "object",
          additionalProperties: false,
          description: "Where recorded state is kept.",
          properties: {
            store: {
              enum: [
                "local",
                "git"
              ],
              default: "local",
              description: "local: a folder in the working copy; git: a branch of this repository."
            },
            path: {
              type: "string",
              pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$",
              "x-hint": 'a path relative to the repository root, without ".."',
              description: "Folder of the local store.",
              default: ".svcplan/state"
            },
            branch: {
              type: "string",
              pattern: "^(?!-)(?!.*\\.\\.)(?!.*//)[A-Za-z0-9._/-]{1,100}(?<![./])$",
              "x-hint": "a branch name",
              default: "svcplan-state",
              description: "Branch of the git store."
            }
          }
        },
        defaultBranch: {
          type: "string",
          pattern: "^(?!-)(?!.*\\.\\.)[A-Za-z0-9._/-]{1,100}$",
          "x-hint": "a branch name",
          description: "Branch that is applied; default: origin/HEAD, else main or master."
        }
      }
    }
  }
};

// src/load/schema-validators.generated.ts
var schema_validators_generated_exports = {};
__export(schema_validators_generated_exports, {
  Config: () => Config,
  SCHEMA_DIGEST: () => SCHEMA_DIGEST,
  Service: () => Service,
  ServiceTemplate: () => ServiceTemplate
});
var import_equal = __toESM(require_equal(), 1);
var import_ucs2length = __toESM(require_ucs2length(), 1);
var SCHEMA_DIGEST = "bdb7373e0969e4be457c916ac00ac295fe869db2aebee62dc8708ad69f8bc912";
var runtime_equal = import_equal.default.default ?? import_equal.default;
var runtime_ucs2length = import_ucs2length.default.default ?? import_ucs2length.default;
var ServiceTemplate = validate24;
var schema12 = { "type": "object", "title": "svcplan ServiceTemplate", "description": "A versioned recipe: tiers of identical VMs.", "required": ["apiVersion", "kind", "name", "release", "images", "tiers"], "additionalProperties": false, "properties": { "apiVersion": { "const": "svcplan/v1" }, "kind": { "const": "ServiceTemplate" }, "name": { "$ref": "#/definitions/templateName" }, "release": { "type": "string", "minLength": 1, "maxLength": 128, "description": 'Human label of this release, quoted (e.g. "2.1").' }, "description": { "type": "string" }, "images": { "type": "object", "minProperties": 1, "propertyNames": { "$ref": "#/definitions/imageName" }, "additionalProperties": { "$ref": "#/definitions/image" }, "description": "OS images by key." }, "tiers": { "type": "object", "minProperties": 1, "maxProperties": 64, "propertyNames": { "$ref": "#/definitions/tierName" }, "additionalProperties": { "$ref": "#/definitions/tier" }, "description": "Tiers by name." } } };
var schema13 = { "type": "string", "pattern": "^[a-z][a-z0-9-]{0,38}[a-z0-9]$", "x-hint": "2 to 40 characters: lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen", "description": "Template name; also a file and VM name prefix." };
var schema14 = { "type": "string", "pattern": "^[a-z][a-z0-9._-]{0,31}$", "x-hint": '1 to 32 characters: lowercase letters, digits, ".", "_" and "-", starting with a letter', "description": "Image key, referred to by tiers." };
var schema15 = { "type": "object", "description": "An OS image: a Vagrant box and an exact, pinned version.", "required": ["box", "version"], "additionalProperties": false, "properties": { "box": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$", "x-hint": "a Vagrant box name such as svcplan/debian-12", "maxLength": 128, "description": "Vagrant box name." }, "version": { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+){0,3}$", "x-hint": 'an exact box version such as "12.7.1" (no ranges or constraints)', "description": "Exact box version, quoted." } } };
var schema16 = { "type": "string", "pattern": "^[a-z][a-z0-9]{0,15}$", "x-hint": "1 to 16 lowercase letters and digits, starting with a letter (no hyphens, so <service>-<tier>-<n> stays unambiguous)", "description": "Tier name." };
var pattern0 = new RegExp("^[a-z][a-z0-9-]{0,38}[a-z0-9]$", "u");
var pattern1 = new RegExp("^[a-z][a-z0-9._-]{0,31}$", "u");
var pattern2 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$", "u");
var pattern3 = new RegExp("^[0-9]+(\\.[0-9]+){0,3}$", "u");
var pattern4 = new RegExp("^[a-z][a-z0-9]{0,15}$", "u");
var func2 = runtime_ucs2length;
var schema17 = { "type": "object", "description": "A tier of identical VMs.", "required": ["image"], "additionalProperties": false, "properties": { "description": { "type": "string", "description": "What the tier is for." }, "image": { "$ref": "#/definitions/imageName", "description": "Key of an entry of images." }, "cpus": { "type": "integer", "minimum": 1, "maximum": 256, "description": "Virtual CPUs.", "default": 1 }, "memory": { "type": "integer", "minimum": 256, "maximum": 4194304, "description": "Memory.", "x-unit": "MiB", "default": 1024 }, "count": { "type": "integer", "minimum": 0, "maximum": 1e4, "description": "Default instance count; a service may override it.", "default": 1 }, "scale": { "$ref": "#/definitions/scale" }, "features": { "type": "array", "uniqueItems": true, "maxItems": 256, "items": { "$ref": "#/definitions/feature" }, "default": [], "description": "OS roles or packages." }, "apps": { "type": "object", "propertyNames": { "$ref": "#/definitions/appName" }, "additionalProperties": { "$ref": "#/definitions/app" }, "default": {}, "description": "Applications by name." }, "settings": { "$ref": "#/definitions/settings" }, "state": { "$ref": "#/definitions/state" }, "health": { "$ref": "#/definitions/health" }, "rollout": { "$ref": "#/definitions/rollout" } } };
var schema19 = { "type": "object", "description": "Allowed instance counts.", "additionalProperties": false, "properties": { "min": { "type": "integer", "minimum": 0, "maximum": 1e4, "description": "Fewest instances.", "default": 0 }, "max": { "type": "integer", "minimum": 0, "maximum": 1e4, "description": "Most instances.", "default": 100 } } };
var schema20 = { "type": "string", "pattern": "^[a-z0-9][a-z0-9.+_-]{0,63}$", "x-hint": 'lowercase letters, digits and ".+_-", at most 64 characters', "description": "An OS role or package installed by the features provisioner." };
var schema21 = { "type": "string", "pattern": "^[a-z][a-z0-9_-]{0,31}$", "x-hint": '1 to 32 characters: lowercase letters, digits, "_" and "-", starting with a letter', "description": "App name." };
var schema22 = { "type": "object", "description": "An application installed on every instance of the tier.", "required": ["version"], "additionalProperties": false, "properties": { "version": { "type": "string", "minLength": 1, "maxLength": 128, "description": 'App version, quoted (e.g. "4.2.0").' }, "install": { "type": "string", "pattern": "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", "x-hint": 'a path relative to the repository root, without ".."', "description": "Install script, relative to the repository root; run by the app-<name> provisioner." } } };
var schema25 = { "type": "object", "description": "A persistent app-state disk that survives image replacement.", "required": ["disk"], "additionalProperties": false, "properties": { "disk": { "type": "integer", "minimum": 1, "maximum": 65536, "description": "Size of the state disk.", "x-unit": "GiB" }, "save": { "type": "string", "pattern": "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", "x-hint": 'a path relative to the repository root, without ".."', "description": "SaveState hook, run in the guest before the VM is replaced." }, "restore": { "type": "string", "pattern": "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", "x-hint": 'a path relative to the repository root, without ".."', "description": "RestoreState hook, run in the guest after the VM is replaced." }, "onScaleIn": { "enum": ["retain", "delete"], "default": "retain", "description": "What happens to the state disk when an instance is removed." } } };
var schema26 = { "type": "object", "description": "Health gate checked after each upgrade domain.", "additionalProperties": false, "properties": { "command": { "type": "string", "minLength": 1, "maxLength": 4096, "description": "Run in the guest; exit 0 means healthy. Without it, an instance is healthy when it answers SSH." }, "timeout": { "type": "integer", "minimum": 1, "maximum": 86400, "description": "How long to wait for an instance to become healthy.", "x-unit": "seconds", "default": 300 }, "minReady": { "type": "integer", "minimum": 0, "maximum": 86400, "description": "How long an instance must stay healthy.", "x-unit": "seconds", "default": 0 } } };
var schema27 = { "type": "object", "description": "How updates roll through the tier.", "additionalProperties": false, "properties": { "upgradeDomains": { "type": "integer", "minimum": 1, "maximum": 100, "description": "Instance n is in domain (n-1) mod upgradeDomains; one domain is updated at a time.", "default": 1 }, "maxParallel": { "type": "integer", "minimum": 1, "maximum": 1e3, "description": "Instances of one domain updated at the same time.", "default": 1 }, "pauseBetweenDomains": { "type": "integer", "minimum": 0, "maximum": 86400, "description": "Pause after each domain.", "x-unit": "seconds", "default": 0 }, "order": { "type": "integer", "minimum": 0, "maximum": 1e3, "description": "Tiers with a lower order are updated first.", "default": 1 }, "maxDisruption": { "enum": ["none", "refresh", "restart", "replace"], "default": "replace", "description": "The most disruptive action a plan may take on this tier; more is refused." }, "autoRollback": { "type": "boolean", "default": false, "description": "On a failed health gate, return the instances updated in this rollout to their previous spec." } } };
var func5 = Object.prototype.hasOwnProperty;
var func0 = runtime_equal;
var pattern6 = new RegExp("^[a-z0-9][a-z0-9.+_-]{0,63}$", "u");
var pattern7 = new RegExp("^[a-z][a-z0-9_-]{0,31}$", "u");
var pattern8 = new RegExp("^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", "u");
var schema23 = { "type": "object", "description": "Settings exported to the guest as environment variables. Values may be strings, numbers or booleans; they are passed as strings.", "propertyNames": { "$ref": "#/definitions/settingKey" }, "additionalProperties": { "type": ["string", "number", "boolean"], "description": "Setting value." } };
var schema24 = { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]{0,63}$", "x-hint": 'an environment variable name: letters, digits and "_", not starting with a digit, at most 64 characters', "description": "Setting name, exported to the guest as an environment variable." };
var pattern9 = new RegExp("^[A-Za-z_][A-Za-z0-9_]{0,63}$", "u");
function validate13(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      const _errs1 = errors;
      if (typeof key0 === "string") {
        if (!pattern9.test(key0)) {
          const err0 = { instancePath, schemaPath: "#/definitions/settingKey/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]{0,63}$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]{0,63}$"', schema: "^[A-Za-z_][A-Za-z0-9_]{0,63}$", parentSchema: schema24, data: key0, propertyName: key0 };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
      } else {
        const err1 = { instancePath, schemaPath: "#/definitions/settingKey/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema24.type, parentSchema: schema24, data: key0, propertyName: key0 };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
      var valid0 = _errs1 === errors;
      if (!valid0) {
        const err2 = { instancePath, schemaPath: "#/propertyNames", keyword: "propertyNames", params: { propertyName: key0 }, message: "property name must be valid", schema: schema23.propertyNames, parentSchema: schema23, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    for (const key1 in data) {
      let data0 = data[key1];
      if (typeof data0 !== "string" && !(typeof data0 == "number" && isFinite(data0)) && typeof data0 !== "boolean") {
        const err3 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/additionalProperties/type", keyword: "type", params: { type: schema23.additionalProperties.type }, message: "must be string,number,boolean", schema: schema23.additionalProperties.type, parentSchema: schema23.additionalProperties, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema23.type, parentSchema: schema23, data };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate13.errors = vErrors;
  return errors === 0;
}
function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.image === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "image" }, message: "must have required property 'image'", schema: schema17.required, parentSchema: schema17, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func5.call(schema17.properties, key0)) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema17, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.description !== void 0) {
      let data0 = data.description;
      if (typeof data0 !== "string") {
        const err2 = { instancePath: instancePath + "/description", schemaPath: "#/properties/description/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.description.type, parentSchema: schema17.properties.description, data: data0 };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.image !== void 0) {
      let data1 = data.image;
      if (typeof data1 === "string") {
        if (!pattern1.test(data1)) {
          const err3 = { instancePath: instancePath + "/image", schemaPath: "#/definitions/imageName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9._-]{0,31}$" }, message: 'must match pattern "^[a-z][a-z0-9._-]{0,31}$"', schema: "^[a-z][a-z0-9._-]{0,31}$", parentSchema: schema14, data: data1 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/image", schemaPath: "#/definitions/imageName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.type, parentSchema: schema14, data: data1 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.cpus !== void 0) {
      let data2 = data.cpus;
      if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2))) {
        const err5 = { instancePath: instancePath + "/cpus", schemaPath: "#/properties/cpus/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema17.properties.cpus.type, parentSchema: schema17.properties.cpus, data: data2 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
      if (typeof data2 == "number" && isFinite(data2)) {
        if (data2 > 256 || isNaN(data2)) {
          const err6 = { instancePath: instancePath + "/cpus", schemaPath: "#/properties/cpus/maximum", keyword: "maximum", params: { comparison: "<=", limit: 256 }, message: "must be <= 256", schema: 256, parentSchema: schema17.properties.cpus, data: data2 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        if (data2 < 1 || isNaN(data2)) {
          const err7 = { instancePath: instancePath + "/cpus", schemaPath: "#/properties/cpus/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema17.properties.cpus, data: data2 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      }
    }
    if (data.memory !== void 0) {
      let data3 = data.memory;
      if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)) && isFinite(data3))) {
        const err8 = { instancePath: instancePath + "/memory", schemaPath: "#/properties/memory/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema17.properties.memory.type, parentSchema: schema17.properties.memory, data: data3 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
      if (typeof data3 == "number" && isFinite(data3)) {
        if (data3 > 4194304 || isNaN(data3)) {
          const err9 = { instancePath: instancePath + "/memory", schemaPath: "#/properties/memory/maximum", keyword: "maximum", params: { comparison: "<=", limit: 4194304 }, message: "must be <= 4194304", schema: 4194304, parentSchema: schema17.properties.memory, data: data3 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
        if (data3 < 256 || isNaN(data3)) {
          const err10 = { instancePath: instancePath + "/memory", schemaPath: "#/properties/memory/minimum", keyword: "minimum", params: { comparison: ">=", limit: 256 }, message: "must be >= 256", schema: 256, parentSchema: schema17.properties.memory, data: data3 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      }
    }
    if (data.count !== void 0) {
      let data4 = data.count;
      if (!(typeof data4 == "number" && (!(data4 % 1) && !isNaN(data4)) && isFinite(data4))) {
        const err11 = { instancePath: instancePath + "/count", schemaPath: "#/properties/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema17.properties.count.type, parentSchema: schema17.properties.count, data: data4 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
      if (typeof data4 == "number" && isFinite(data4)) {
        if (data4 > 1e4 || isNaN(data4)) {
          const err12 = { instancePath: instancePath + "/count", schemaPath: "#/properties/count/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e4 }, message: "must be <= 10000", schema: 1e4, parentSchema: schema17.properties.count, data: data4 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
        if (data4 < 0 || isNaN(data4)) {
          const err13 = { instancePath: instancePath + "/count", schemaPath: "#/properties/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema17.properties.count, data: data4 };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
      }
    }
    if (data.scale !== void 0) {
      let data5 = data.scale;
      if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
        for (const key1 in data5) {
          if (!(key1 === "min" || key1 === "max")) {
            const err14 = { instancePath: instancePath + "/scale", schemaPath: "#/definitions/scale/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema19, data: data5 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
        if (data5.min !== void 0) {
          let data6 = data5.min;
          if (!(typeof data6 == "number" && (!(data6 % 1) && !isNaN(data6)) && isFinite(data6))) {
            const err15 = { instancePath: instancePath + "/scale/min", schemaPath: "#/definitions/scale/properties/min/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema19.properties.min.type, parentSchema: schema19.properties.min, data: data6 };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
          if (typeof data6 == "number" && isFinite(data6)) {
            if (data6 > 1e4 || isNaN(data6)) {
              const err16 = { instancePath: instancePath + "/scale/min", schemaPath: "#/definitions/scale/properties/min/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e4 }, message: "must be <= 10000", schema: 1e4, parentSchema: schema19.properties.min, data: data6 };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
            if (data6 < 0 || isNaN(data6)) {
              const err17 = { instancePath: instancePath + "/scale/min", schemaPath: "#/definitions/scale/properties/min/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema19.properties.min, data: data6 };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
          }
        }
        if (data5.max !== void 0) {
          let data7 = data5.max;
          if (!(typeof data7 == "number" && (!(data7 % 1) && !isNaN(data7)) && isFinite(data7))) {
            const err18 = { instancePath: instancePath + "/scale/max", schemaPath: "#/definitions/scale/properties/max/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema19.properties.max.type, parentSchema: schema19.properties.max, data: data7 };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
          if (typeof data7 == "number" && isFinite(data7)) {
            if (data7 > 1e4 || isNaN(data7)) {
              const err19 = { instancePath: instancePath + "/scale/max", schemaPath: "#/definitions/scale/properties/max/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e4 }, message: "must be <= 10000", schema: 1e4, parentSchema: schema19.properties.max, data: data7 };
              if (vErrors === null) {
                vErrors = [err19];
              } else {
                vErrors.push(err19);
              }
              errors++;
            }
            if (data7 < 0 || isNaN(data7)) {
              const err20 = { instancePath: instancePath + "/scale/max", schemaPath: "#/definitions/scale/properties/max/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema19.properties.max, data: data7 };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
          }
        }
      } else {
        const err21 = { instancePath: instancePath + "/scale", schemaPath: "#/definitions/scale/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema19.type, parentSchema: schema19, data: data5 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.features !== void 0) {
      let data8 = data.features;
      if (Array.isArray(data8)) {
        if (data8.length > 256) {
          const err22 = { instancePath: instancePath + "/features", schemaPath: "#/properties/features/maxItems", keyword: "maxItems", params: { limit: 256 }, message: "must NOT have more than 256 items", schema: 256, parentSchema: schema17.properties.features, data: data8 };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
        const len0 = data8.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data9 = data8[i0];
          if (typeof data9 === "string") {
            if (!pattern6.test(data9)) {
              const err23 = { instancePath: instancePath + "/features/" + i0, schemaPath: "#/definitions/feature/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9.+_-]{0,63}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9.+_-]{0,63}$"', schema: "^[a-z0-9][a-z0-9.+_-]{0,63}$", parentSchema: schema20, data: data9 };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
          } else {
            const err24 = { instancePath: instancePath + "/features/" + i0, schemaPath: "#/definitions/feature/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.type, parentSchema: schema20, data: data9 };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
        let i1 = data8.length;
        let j0;
        if (i1 > 1) {
          outer0: for (; i1--; ) {
            for (j0 = i1; j0--; ) {
              if (func0(data8[i1], data8[j0])) {
                const err25 = { instancePath: instancePath + "/features", schemaPath: "#/properties/features/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)", schema: true, parentSchema: schema17.properties.features, data: data8 };
                if (vErrors === null) {
                  vErrors = [err25];
                } else {
                  vErrors.push(err25);
                }
                errors++;
                break outer0;
              }
            }
          }
        }
      } else {
        const err26 = { instancePath: instancePath + "/features", schemaPath: "#/properties/features/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema17.properties.features.type, parentSchema: schema17.properties.features, data: data8 };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
    }
    if (data.apps !== void 0) {
      let data10 = data.apps;
      if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
        for (const key2 in data10) {
          const _errs28 = errors;
          if (typeof key2 === "string") {
            if (!pattern7.test(key2)) {
              const err27 = { instancePath: instancePath + "/apps", schemaPath: "#/definitions/appName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_-]{0,31}$" }, message: 'must match pattern "^[a-z][a-z0-9_-]{0,31}$"', schema: "^[a-z][a-z0-9_-]{0,31}$", parentSchema: schema21, data: key2, propertyName: key2 };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
          } else {
            const err28 = { instancePath: instancePath + "/apps", schemaPath: "#/definitions/appName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema21.type, parentSchema: schema21, data: key2, propertyName: key2 };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
          var valid8 = _errs28 === errors;
          if (!valid8) {
            const err29 = { instancePath: instancePath + "/apps", schemaPath: "#/properties/apps/propertyNames", keyword: "propertyNames", params: { propertyName: key2 }, message: "property name must be valid", schema: schema17.properties.apps.propertyNames, parentSchema: schema17.properties.apps, data: data10 };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
        }
        for (const key3 in data10) {
          let data11 = data10[key3];
          if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
            if (data11.version === void 0) {
              const err30 = { instancePath: instancePath + "/apps/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/app/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property 'version'", schema: schema22.required, parentSchema: schema22, data: data11 };
              if (vErrors === null) {
                vErrors = [err30];
              } else {
                vErrors.push(err30);
              }
              errors++;
            }
            for (const key4 in data11) {
              if (!(key4 === "version" || key4 === "install")) {
                const err31 = { instancePath: instancePath + "/apps/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/app/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema22, data: data11 };
                if (vErrors === null) {
                  vErrors = [err31];
                } else {
                  vErrors.push(err31);
                }
                errors++;
              }
            }
            if (data11.version !== void 0) {
              let data12 = data11.version;
              if (typeof data12 === "string") {
                if (func2(data12) > 128) {
                  const err32 = { instancePath: instancePath + "/apps/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/version", schemaPath: "#/definitions/app/properties/version/maxLength", keyword: "maxLength", params: { limit: 128 }, message: "must NOT have more than 128 characters", schema: 128, parentSchema: schema22.properties.version, data: data12 };
                  if (vErrors === null) {
                    vErrors = [err32];
                  } else {
                    vErrors.push(err32);
                  }
                  errors++;
                }
                if (func2(data12) < 1) {
                  const err33 = { instancePath: instancePath + "/apps/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/version", schemaPath: "#/definitions/app/properties/version/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema22.properties.version, data: data12 };
                  if (vErrors === null) {
                    vErrors = [err33];
                  } else {
                    vErrors.push(err33);
                  }
                  errors++;
                }
              } else {
                const err34 = { instancePath: instancePath + "/apps/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/version", schemaPath: "#/definitions/app/properties/version/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.version.type, parentSchema: schema22.properties.version, data: data12 };
                if (vErrors === null) {
                  vErrors = [err34];
                } else {
                  vErrors.push(err34);
                }
                errors++;
              }
            }
            if (data11.install !== void 0) {
              let data13 = data11.install;
              if (typeof data13 === "string") {
                if (!pattern8.test(data13)) {
                  const err35 = { instancePath: instancePath + "/apps/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/install", schemaPath: "#/definitions/app/properties/install/pattern", keyword: "pattern", params: { pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$" }, message: 'must match pattern "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$"', schema: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", parentSchema: schema22.properties.install, data: data13 };
                  if (vErrors === null) {
                    vErrors = [err35];
                  } else {
                    vErrors.push(err35);
                  }
                  errors++;
                }
              } else {
                const err36 = { instancePath: instancePath + "/apps/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/install", schemaPath: "#/definitions/app/properties/install/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.install.type, parentSchema: schema22.properties.install, data: data13 };
                if (vErrors === null) {
                  vErrors = [err36];
                } else {
                  vErrors.push(err36);
                }
                errors++;
              }
            }
          } else {
            const err37 = { instancePath: instancePath + "/apps/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/app/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema22.type, parentSchema: schema22, data: data11 };
            if (vErrors === null) {
              vErrors = [err37];
            } else {
              vErrors.push(err37);
            }
            errors++;
          }
        }
      } else {
        const err38 = { instancePath: instancePath + "/apps", schemaPath: "#/properties/apps/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.properties.apps.type, parentSchema: schema17.properties.apps, data: data10 };
        if (vErrors === null) {
          vErrors = [err38];
        } else {
          vErrors.push(err38);
        }
        errors++;
      }
    }
    if (data.settings !== void 0) {
      if (!validate13(data.settings, { instancePath: instancePath + "/settings", parentData: data, parentDataProperty: "settings", rootData })) {
        vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
        errors = vErrors.length;
      }
    }
    if (data.state !== void 0) {
      let data15 = data.state;
      if (data15 && typeof data15 == "object" && !Array.isArray(data15)) {
        if (data15.disk === void 0) {
          const err39 = { instancePath: instancePath + "/state", schemaPath: "#/definitions/state/required", keyword: "required", params: { missingProperty: "disk" }, message: "must have required property 'disk'", schema: schema25.required, parentSchema: schema25, data: data15 };
          if (vErrors === null) {
            vErrors = [err39];
          } else {
            vErrors.push(err39);
          }
          errors++;
        }
        for (const key5 in data15) {
          if (!(key5 === "disk" || key5 === "save" || key5 === "restore" || key5 === "onScaleIn")) {
            const err40 = { instancePath: instancePath + "/state", schemaPath: "#/definitions/state/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties", schema: false, parentSchema: schema25, data: data15 };
            if (vErrors === null) {
              vErrors = [err40];
            } else {
              vErrors.push(err40);
            }
            errors++;
          }
        }
        if (data15.disk !== void 0) {
          let data16 = data15.disk;
          if (!(typeof data16 == "number" && (!(data16 % 1) && !isNaN(data16)) && isFinite(data16))) {
            const err41 = { instancePath: instancePath + "/state/disk", schemaPath: "#/definitions/state/properties/disk/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema25.properties.disk.type, parentSchema: schema25.properties.disk, data: data16 };
            if (vErrors === null) {
              vErrors = [err41];
            } else {
              vErrors.push(err41);
            }
            errors++;
          }
          if (typeof data16 == "number" && isFinite(data16)) {
            if (data16 > 65536 || isNaN(data16)) {
              const err42 = { instancePath: instancePath + "/state/disk", schemaPath: "#/definitions/state/properties/disk/maximum", keyword: "maximum", params: { comparison: "<=", limit: 65536 }, message: "must be <= 65536", schema: 65536, parentSchema: schema25.properties.disk, data: data16 };
              if (vErrors === null) {
                vErrors = [err42];
              } else {
                vErrors.push(err42);
              }
              errors++;
            }
            if (data16 < 1 || isNaN(data16)) {
              const err43 = { instancePath: instancePath + "/state/disk", schemaPath: "#/definitions/state/properties/disk/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema25.properties.disk, data: data16 };
              if (vErrors === null) {
                vErrors = [err43];
              } else {
                vErrors.push(err43);
              }
              errors++;
            }
          }
        }
        if (data15.save !== void 0) {
          let data17 = data15.save;
          if (typeof data17 === "string") {
            if (!pattern8.test(data17)) {
              const err44 = { instancePath: instancePath + "/state/save", schemaPath: "#/definitions/state/properties/save/pattern", keyword: "pattern", params: { pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$" }, message: 'must match pattern "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$"', schema: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", parentSchema: schema25.properties.save, data: data17 };
              if (vErrors === null) {
                vErrors = [err44];
              } else {
                vErrors.push(err44);
              }
              errors++;
            }
          } else {
            const err45 = { instancePath: instancePath + "/state/save", schemaPath: "#/definitions/state/properties/save/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema25.properties.save.type, parentSchema: schema25.properties.save, data: data17 };
            if (vErrors === null) {
              vErrors = [err45];
            } else {
              vErrors.push(err45);
            }
            errors++;
          }
        }
        if (data15.restore !== void 0) {
          let data18 = data15.restore;
          if (typeof data18 === "string") {
            if (!pattern8.test(data18)) {
              const err46 = { instancePath: instancePath + "/state/restore", schemaPath: "#/definitions/state/properties/restore/pattern", keyword: "pattern", params: { pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$" }, message: 'must match pattern "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$"', schema: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", parentSchema: schema25.properties.restore, data: data18 };
              if (vErrors === null) {
                vErrors = [err46];
              } else {
                vErrors.push(err46);
              }
              errors++;
            }
          } else {
            const err47 = { instancePath: instancePath + "/state/restore", schemaPath: "#/definitions/state/properties/restore/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema25.properties.restore.type, parentSchema: schema25.properties.restore, data: data18 };
            if (vErrors === null) {
              vErrors = [err47];
            } else {
              vErrors.push(err47);
            }
            errors++;
          }
        }
        if (data15.onScaleIn !== void 0) {
          let data19 = data15.onScaleIn;
          if (!(data19 === "retain" || data19 === "delete")) {
            const err48 = { instancePath: instancePath + "/state/onScaleIn", schemaPath: "#/definitions/state/properties/onScaleIn/enum", keyword: "enum", params: { allowedValues: schema25.properties.onScaleIn.enum }, message: "must be equal to one of the allowed values", schema: schema25.properties.onScaleIn.enum, parentSchema: schema25.properties.onScaleIn, data: data19 };
            if (vErrors === null) {
              vErrors = [err48];
            } else {
              vErrors.push(err48);
            }
            errors++;
          }
        }
      } else {
        const err49 = { instancePath: instancePath + "/state", schemaPath: "#/definitions/state/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema25.type, parentSchema: schema25, data: data15 };
        if (vErrors === null) {
          vErrors = [err49];
        } else {
          vErrors.push(err49);
        }
        errors++;
      }
    }
    if (data.health !== void 0) {
      let data20 = data.health;
      if (data20 && typeof data20 == "object" && !Array.isArray(data20)) {
        for (const key6 in data20) {
          if (!(key6 === "command" || key6 === "timeout" || key6 === "minReady")) {
            const err50 = { instancePath: instancePath + "/health", schemaPath: "#/definitions/health/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties", schema: false, parentSchema: schema26, data: data20 };
            if (vErrors === null) {
              vErrors = [err50];
            } else {
              vErrors.push(err50);
            }
            errors++;
          }
        }
        if (data20.command !== void 0) {
          let data21 = data20.command;
          if (typeof data21 === "string") {
            if (func2(data21) > 4096) {
              const err51 = { instancePath: instancePath + "/health/command", schemaPath: "#/definitions/health/properties/command/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema26.properties.command, data: data21 };
              if (vErrors === null) {
                vErrors = [err51];
              } else {
                vErrors.push(err51);
              }
              errors++;
            }
            if (func2(data21) < 1) {
              const err52 = { instancePath: instancePath + "/health/command", schemaPath: "#/definitions/health/properties/command/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema26.properties.command, data: data21 };
              if (vErrors === null) {
                vErrors = [err52];
              } else {
                vErrors.push(err52);
              }
              errors++;
            }
          } else {
            const err53 = { instancePath: instancePath + "/health/command", schemaPath: "#/definitions/health/properties/command/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema26.properties.command.type, parentSchema: schema26.properties.command, data: data21 };
            if (vErrors === null) {
              vErrors = [err53];
            } else {
              vErrors.push(err53);
            }
            errors++;
          }
        }
        if (data20.timeout !== void 0) {
          let data22 = data20.timeout;
          if (!(typeof data22 == "number" && (!(data22 % 1) && !isNaN(data22)) && isFinite(data22))) {
            const err54 = { instancePath: instancePath + "/health/timeout", schemaPath: "#/definitions/health/properties/timeout/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema26.properties.timeout.type, parentSchema: schema26.properties.timeout, data: data22 };
            if (vErrors === null) {
              vErrors = [err54];
            } else {
              vErrors.push(err54);
            }
            errors++;
          }
          if (typeof data22 == "number" && isFinite(data22)) {
            if (data22 > 86400 || isNaN(data22)) {
              const err55 = { instancePath: instancePath + "/health/timeout", schemaPath: "#/definitions/health/properties/timeout/maximum", keyword: "maximum", params: { comparison: "<=", limit: 86400 }, message: "must be <= 86400", schema: 86400, parentSchema: schema26.properties.timeout, data: data22 };
              if (vErrors === null) {
                vErrors = [err55];
              } else {
                vErrors.push(err55);
              }
              errors++;
            }
            if (data22 < 1 || isNaN(data22)) {
              const err56 = { instancePath: instancePath + "/health/timeout", schemaPath: "#/definitions/health/properties/timeout/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema26.properties.timeout, data: data22 };
              if (vErrors === null) {
                vErrors = [err56];
              } else {
                vErrors.push(err56);
              }
              errors++;
            }
          }
        }
        if (data20.minReady !== void 0) {
          let data23 = data20.minReady;
          if (!(typeof data23 == "number" && (!(data23 % 1) && !isNaN(data23)) && isFinite(data23))) {
            const err57 = { instancePath: instancePath + "/health/minReady", schemaPath: "#/definitions/health/properties/minReady/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema26.properties.minReady.type, parentSchema: schema26.properties.minReady, data: data23 };
            if (vErrors === null) {
              vErrors = [err57];
            } else {
              vErrors.push(err57);
            }
            errors++;
          }
          if (typeof data23 == "number" && isFinite(data23)) {
            if (data23 > 86400 || isNaN(data23)) {
              const err58 = { instancePath: instancePath + "/health/minReady", schemaPath: "#/definitions/health/properties/minReady/maximum", keyword: "maximum", params: { comparison: "<=", limit: 86400 }, message: "must be <= 86400", schema: 86400, parentSchema: schema26.properties.minReady, data: data23 };
              if (vErrors === null) {
                vErrors = [err58];
              } else {
                vErrors.push(err58);
              }
              errors++;
            }
            if (data23 < 0 || isNaN(data23)) {
              const err59 = { instancePath: instancePath + "/health/minReady", schemaPath: "#/definitions/health/properties/minReady/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema26.properties.minReady, data: data23 };
              if (vErrors === null) {
                vErrors = [err59];
              } else {
                vErrors.push(err59);
              }
              errors++;
            }
          }
        }
      } else {
        const err60 = { instancePath: instancePath + "/health", schemaPath: "#/definitions/health/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema26.type, parentSchema: schema26, data: data20 };
        if (vErrors === null) {
          vErrors = [err60];
        } else {
          vErrors.push(err60);
        }
        errors++;
      }
    }
    if (data.rollout !== void 0) {
      let data24 = data.rollout;
      if (data24 && typeof data24 == "object" && !Array.isArray(data24)) {
        for (const key7 in data24) {
          if (!(key7 === "upgradeDomains" || key7 === "maxParallel" || key7 === "pauseBetweenDomains" || key7 === "order" || key7 === "maxDisruption" || key7 === "autoRollback")) {
            const err61 = { instancePath: instancePath + "/rollout", schemaPath: "#/definitions/rollout/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties", schema: false, parentSchema: schema27, data: data24 };
            if (vErrors === null) {
              vErrors = [err61];
            } else {
              vErrors.push(err61);
            }
            errors++;
          }
        }
        if (data24.upgradeDomains !== void 0) {
          let data25 = data24.upgradeDomains;
          if (!(typeof data25 == "number" && (!(data25 % 1) && !isNaN(data25)) && isFinite(data25))) {
            const err62 = { instancePath: instancePath + "/rollout/upgradeDomains", schemaPath: "#/definitions/rollout/properties/upgradeDomains/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema27.properties.upgradeDomains.type, parentSchema: schema27.properties.upgradeDomains, data: data25 };
            if (vErrors === null) {
              vErrors = [err62];
            } else {
              vErrors.push(err62);
            }
            errors++;
          }
          if (typeof data25 == "number" && isFinite(data25)) {
            if (data25 > 100 || isNaN(data25)) {
              const err63 = { instancePath: instancePath + "/rollout/upgradeDomains", schemaPath: "#/definitions/rollout/properties/upgradeDomains/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100", schema: 100, parentSchema: schema27.properties.upgradeDomains, data: data25 };
              if (vErrors === null) {
                vErrors = [err63];
              } else {
                vErrors.push(err63);
              }
              errors++;
            }
            if (data25 < 1 || isNaN(data25)) {
              const err64 = { instancePath: instancePath + "/rollout/upgradeDomains", schemaPath: "#/definitions/rollout/properties/upgradeDomains/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema27.properties.upgradeDomains, data: data25 };
              if (vErrors === null) {
                vErrors = [err64];
              } else {
                vErrors.push(err64);
              }
              errors++;
            }
          }
        }
        if (data24.maxParallel !== void 0) {
          let data26 = data24.maxParallel;
          if (!(typeof data26 == "number" && (!(data26 % 1) && !isNaN(data26)) && isFinite(data26))) {
            const err65 = { instancePath: instancePath + "/rollout/maxParallel", schemaPath: "#/definitions/rollout/properties/maxParallel/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema27.properties.maxParallel.type, parentSchema: schema27.properties.maxParallel, data: data26 };
            if (vErrors === null) {
              vErrors = [err65];
            } else {
              vErrors.push(err65);
            }
            errors++;
          }
          if (typeof data26 == "number" && isFinite(data26)) {
            if (data26 > 1e3 || isNaN(data26)) {
              const err66 = { instancePath: instancePath + "/rollout/maxParallel", schemaPath: "#/definitions/rollout/properties/maxParallel/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e3 }, message: "must be <= 1000", schema: 1e3, parentSchema: schema27.properties.maxParallel, data: data26 };
              if (vErrors === null) {
                vErrors = [err66];
              } else {
                vErrors.push(err66);
              }
              errors++;
            }
            if (data26 < 1 || isNaN(data26)) {
              const err67 = { instancePath: instancePath + "/rollout/maxParallel", schemaPath: "#/definitions/rollout/properties/maxParallel/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema27.properties.maxParallel, data: data26 };
              if (vErrors === null) {
                vErrors = [err67];
              } else {
                vErrors.push(err67);
              }
              errors++;
            }
          }
        }
        if (data24.pauseBetweenDomains !== void 0) {
          let data27 = data24.pauseBetweenDomains;
          if (!(typeof data27 == "number" && (!(data27 % 1) && !isNaN(data27)) && isFinite(data27))) {
            const err68 = { instancePath: instancePath + "/rollout/pauseBetweenDomains", schemaPath: "#/definitions/rollout/properties/pauseBetweenDomains/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema27.properties.pauseBetweenDomains.type, parentSchema: schema27.properties.pauseBetweenDomains, data: data27 };
            if (vErrors === null) {
              vErrors = [err68];
            } else {
              vErrors.push(err68);
            }
            errors++;
          }
          if (typeof data27 == "number" && isFinite(data27)) {
            if (data27 > 86400 || isNaN(data27)) {
              const err69 = { instancePath: instancePath + "/rollout/pauseBetweenDomains", schemaPath: "#/definitions/rollout/properties/pauseBetweenDomains/maximum", keyword: "maximum", params: { comparison: "<=", limit: 86400 }, message: "must be <= 86400", schema: 86400, parentSchema: schema27.properties.pauseBetweenDomains, data: data27 };
              if (vErrors === null) {
                vErrors = [err69];
              } else {
                vErrors.push(err69);
              }
              errors++;
            }
            if (data27 < 0 || isNaN(data27)) {
              const err70 = { instancePath: instancePath + "/rollout/pauseBetweenDomains", schemaPath: "#/definitions/rollout/properties/pauseBetweenDomains/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema27.properties.pauseBetweenDomains, data: data27 };
              if (vErrors === null) {
                vErrors = [err70];
              } else {
                vErrors.push(err70);
              }
              errors++;
            }
          }
        }
        if (data24.order !== void 0) {
          let data28 = data24.order;
          if (!(typeof data28 == "number" && (!(data28 % 1) && !isNaN(data28)) && isFinite(data28))) {
            const err71 = { instancePath: instancePath + "/rollout/order", schemaPath: "#/definitions/rollout/properties/order/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema27.properties.order.type, parentSchema: schema27.properties.order, data: data28 };
            if (vErrors === null) {
              vErrors = [err71];
            } else {
              vErrors.push(err71);
            }
            errors++;
          }
          if (typeof data28 == "number" && isFinite(data28)) {
            if (data28 > 1e3 || isNaN(data28)) {
              const err72 = { instancePath: instancePath + "/rollout/order", schemaPath: "#/definitions/rollout/properties/order/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e3 }, message: "must be <= 1000", schema: 1e3, parentSchema: schema27.properties.order, data: data28 };
              if (vErrors === null) {
                vErrors = [err72];
              } else {
                vErrors.push(err72);
              }
              errors++;
            }
            if (data28 < 0 || isNaN(data28)) {
              const err73 = { instancePath: instancePath + "/rollout/order", schemaPath: "#/definitions/rollout/properties/order/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema27.properties.order, data: data28 };
              if (vErrors === null) {
                vErrors = [err73];
              } else {
                vErrors.push(err73);
              }
              errors++;
            }
          }
        }
        if (data24.maxDisruption !== void 0) {
          let data29 = data24.maxDisruption;
          if (!(data29 === "none" || data29 === "refresh" || data29 === "restart" || data29 === "replace")) {
            const err74 = { instancePath: instancePath + "/rollout/maxDisruption", schemaPath: "#/definitions/rollout/properties/maxDisruption/enum", keyword: "enum", params: { allowedValues: schema27.properties.maxDisruption.enum }, message: "must be equal to one of the allowed values", schema: schema27.properties.maxDisruption.enum, parentSchema: schema27.properties.maxDisruption, data: data29 };
            if (vErrors === null) {
              vErrors = [err74];
            } else {
              vErrors.push(err74);
            }
            errors++;
          }
        }
        if (data24.autoRollback !== void 0) {
          let data30 = data24.autoRollback;
          if (typeof data30 !== "boolean") {
            const err75 = { instancePath: instancePath + "/rollout/autoRollback", schemaPath: "#/definitions/rollout/properties/autoRollback/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema27.properties.autoRollback.type, parentSchema: schema27.properties.autoRollback, data: data30 };
            if (vErrors === null) {
              vErrors = [err75];
            } else {
              vErrors.push(err75);
            }
            errors++;
          }
        }
      } else {
        const err76 = { instancePath: instancePath + "/rollout", schemaPath: "#/definitions/rollout/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema27.type, parentSchema: schema27, data: data24 };
        if (vErrors === null) {
          vErrors = [err76];
        } else {
          vErrors.push(err76);
        }
        errors++;
      }
    }
  } else {
    const err77 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.type, parentSchema: schema17, data };
    if (vErrors === null) {
      vErrors = [err77];
    } else {
      vErrors.push(err77);
    }
    errors++;
  }
  validate12.errors = vErrors;
  return errors === 0;
}
function validate24(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.apiVersion === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "apiVersion" }, message: "must have required property 'apiVersion'", schema: schema12.required, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.kind === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema12.required, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.name === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema12.required, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.release === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "release" }, message: "must have required property 'release'", schema: schema12.required, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.images === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "images" }, message: "must have required property 'images'", schema: schema12.required, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.tiers === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "tiers" }, message: "must have required property 'tiers'", schema: schema12.required, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "apiVersion" || key0 === "kind" || key0 === "name" || key0 === "release" || key0 === "description" || key0 === "images" || key0 === "tiers")) {
        const err6 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12, data };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.apiVersion !== void 0) {
      let data0 = data.apiVersion;
      if ("svcplan/v1" !== data0) {
        const err7 = { instancePath: instancePath + "/apiVersion", schemaPath: "#/properties/apiVersion/const", keyword: "const", params: { allowedValue: "svcplan/v1" }, message: "must be equal to constant", schema: "svcplan/v1", parentSchema: schema12.properties.apiVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data1 = data.kind;
      if ("ServiceTemplate" !== data1) {
        const err8 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "ServiceTemplate" }, message: "must be equal to constant", schema: "ServiceTemplate", parentSchema: schema12.properties.kind, data: data1 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data2 = data.name;
      if (typeof data2 === "string") {
        if (!pattern0.test(data2)) {
          const err9 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/templateName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,38}[a-z0-9]$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,38}[a-z0-9]$"', schema: "^[a-z][a-z0-9-]{0,38}[a-z0-9]$", parentSchema: schema13, data: data2 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/templateName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data2 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.release !== void 0) {
      let data3 = data.release;
      if (typeof data3 === "string") {
        if (func2(data3) > 128) {
          const err11 = { instancePath: instancePath + "/release", schemaPath: "#/properties/release/maxLength", keyword: "maxLength", params: { limit: 128 }, message: "must NOT have more than 128 characters", schema: 128, parentSchema: schema12.properties.release, data: data3 };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
        if (func2(data3) < 1) {
          const err12 = { instancePath: instancePath + "/release", schemaPath: "#/properties/release/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12.properties.release, data: data3 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/release", schemaPath: "#/properties/release/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.release.type, parentSchema: schema12.properties.release, data: data3 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.description !== void 0) {
      let data4 = data.description;
      if (typeof data4 !== "string") {
        const err14 = { instancePath: instancePath + "/description", schemaPath: "#/properties/description/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.description.type, parentSchema: schema12.properties.description, data: data4 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.images !== void 0) {
      let data5 = data.images;
      if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
        if (Object.keys(data5).length < 1) {
          const err15 = { instancePath: instancePath + "/images", schemaPath: "#/properties/images/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema12.properties.images, data: data5 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
        for (const key1 in data5) {
          const _errs13 = errors;
          if (typeof key1 === "string") {
            if (!pattern1.test(key1)) {
              const err16 = { instancePath: instancePath + "/images", schemaPath: "#/definitions/imageName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9._-]{0,31}$" }, message: 'must match pattern "^[a-z][a-z0-9._-]{0,31}$"', schema: "^[a-z][a-z0-9._-]{0,31}$", parentSchema: schema14, data: key1, propertyName: key1 };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
          } else {
            const err17 = { instancePath: instancePath + "/images", schemaPath: "#/definitions/imageName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.type, parentSchema: schema14, data: key1, propertyName: key1 };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
          var valid2 = _errs13 === errors;
          if (!valid2) {
            const err18 = { instancePath: instancePath + "/images", schemaPath: "#/properties/images/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid", schema: schema12.properties.images.propertyNames, parentSchema: schema12.properties.images, data: data5 };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
        for (const key2 in data5) {
          let data6 = data5[key2];
          if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
            if (data6.box === void 0) {
              const err19 = { instancePath: instancePath + "/images/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/image/required", keyword: "required", params: { missingProperty: "box" }, message: "must have required property 'box'", schema: schema15.required, parentSchema: schema15, data: data6 };
              if (vErrors === null) {
                vErrors = [err19];
              } else {
                vErrors.push(err19);
              }
              errors++;
            }
            if (data6.version === void 0) {
              const err20 = { instancePath: instancePath + "/images/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/image/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property 'version'", schema: schema15.required, parentSchema: schema15, data: data6 };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
            for (const key3 in data6) {
              if (!(key3 === "box" || key3 === "version")) {
                const err21 = { instancePath: instancePath + "/images/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/image/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema15, data: data6 };
                if (vErrors === null) {
                  vErrors = [err21];
                } else {
                  vErrors.push(err21);
                }
                errors++;
              }
            }
            if (data6.box !== void 0) {
              let data7 = data6.box;
              if (typeof data7 === "string") {
                if (func2(data7) > 128) {
                  const err22 = { instancePath: instancePath + "/images/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/box", schemaPath: "#/definitions/image/properties/box/maxLength", keyword: "maxLength", params: { limit: 128 }, message: "must NOT have more than 128 characters", schema: 128, parentSchema: schema15.properties.box, data: data7 };
                  if (vErrors === null) {
                    vErrors = [err22];
                  } else {
                    vErrors.push(err22);
                  }
                  errors++;
                }
                if (!pattern2.test(data7)) {
                  const err23 = { instancePath: instancePath + "/images/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/box", schemaPath: "#/definitions/image/properties/box/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$"', schema: "^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$", parentSchema: schema15.properties.box, data: data7 };
                  if (vErrors === null) {
                    vErrors = [err23];
                  } else {
                    vErrors.push(err23);
                  }
                  errors++;
                }
              } else {
                const err24 = { instancePath: instancePath + "/images/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/box", schemaPath: "#/definitions/image/properties/box/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.properties.box.type, parentSchema: schema15.properties.box, data: data7 };
                if (vErrors === null) {
                  vErrors = [err24];
                } else {
                  vErrors.push(err24);
                }
                errors++;
              }
            }
            if (data6.version !== void 0) {
              let data8 = data6.version;
              if (typeof data8 === "string") {
                if (!pattern3.test(data8)) {
                  const err25 = { instancePath: instancePath + "/images/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/version", schemaPath: "#/definitions/image/properties/version/pattern", keyword: "pattern", params: { pattern: "^[0-9]+(\\.[0-9]+){0,3}$" }, message: 'must match pattern "^[0-9]+(\\.[0-9]+){0,3}$"', schema: "^[0-9]+(\\.[0-9]+){0,3}$", parentSchema: schema15.properties.version, data: data8 };
                  if (vErrors === null) {
                    vErrors = [err25];
                  } else {
                    vErrors.push(err25);
                  }
                  errors++;
                }
              } else {
                const err26 = { instancePath: instancePath + "/images/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/version", schemaPath: "#/definitions/image/properties/version/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.properties.version.type, parentSchema: schema15.properties.version, data: data8 };
                if (vErrors === null) {
                  vErrors = [err26];
                } else {
                  vErrors.push(err26);
                }
                errors++;
              }
            }
          } else {
            const err27 = { instancePath: instancePath + "/images/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/image/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema15.type, parentSchema: schema15, data: data6 };
            if (vErrors === null) {
              vErrors = [err27];
            } else {
              vErrors.push(err27);
            }
            errors++;
          }
        }
      } else {
        const err28 = { instancePath: instancePath + "/images", schemaPath: "#/properties/images/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.properties.images.type, parentSchema: schema12.properties.images, data: data5 };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
    }
    if (data.tiers !== void 0) {
      let data9 = data.tiers;
      if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
        if (Object.keys(data9).length > 64) {
          const err29 = { instancePath: instancePath + "/tiers", schemaPath: "#/properties/tiers/maxProperties", keyword: "maxProperties", params: { limit: 64 }, message: "must NOT have more than 64 properties", schema: 64, parentSchema: schema12.properties.tiers, data: data9 };
          if (vErrors === null) {
            vErrors = [err29];
          } else {
            vErrors.push(err29);
          }
          errors++;
        }
        if (Object.keys(data9).length < 1) {
          const err30 = { instancePath: instancePath + "/tiers", schemaPath: "#/properties/tiers/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema12.properties.tiers, data: data9 };
          if (vErrors === null) {
            vErrors = [err30];
          } else {
            vErrors.push(err30);
          }
          errors++;
        }
        for (const key4 in data9) {
          const _errs27 = errors;
          if (typeof key4 === "string") {
            if (!pattern4.test(key4)) {
              const err31 = { instancePath: instancePath + "/tiers", schemaPath: "#/definitions/tierName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9]{0,15}$" }, message: 'must match pattern "^[a-z][a-z0-9]{0,15}$"', schema: "^[a-z][a-z0-9]{0,15}$", parentSchema: schema16, data: key4, propertyName: key4 };
              if (vErrors === null) {
                vErrors = [err31];
              } else {
                vErrors.push(err31);
              }
              errors++;
            }
          } else {
            const err32 = { instancePath: instancePath + "/tiers", schemaPath: "#/definitions/tierName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema16.type, parentSchema: schema16, data: key4, propertyName: key4 };
            if (vErrors === null) {
              vErrors = [err32];
            } else {
              vErrors.push(err32);
            }
            errors++;
          }
          var valid7 = _errs27 === errors;
          if (!valid7) {
            const err33 = { instancePath: instancePath + "/tiers", schemaPath: "#/properties/tiers/propertyNames", keyword: "propertyNames", params: { propertyName: key4 }, message: "property name must be valid", schema: schema12.properties.tiers.propertyNames, parentSchema: schema12.properties.tiers, data: data9 };
            if (vErrors === null) {
              vErrors = [err33];
            } else {
              vErrors.push(err33);
            }
            errors++;
          }
        }
        for (const key5 in data9) {
          if (!validate12(data9[key5], { instancePath: instancePath + "/tiers/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data9, parentDataProperty: key5, rootData })) {
            vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err34 = { instancePath: instancePath + "/tiers", schemaPath: "#/properties/tiers/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.properties.tiers.type, parentSchema: schema12.properties.tiers, data: data9 };
        if (vErrors === null) {
          vErrors = [err34];
        } else {
          vErrors.push(err34);
        }
        errors++;
      }
    }
  } else {
    const err35 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.type, parentSchema: schema12, data };
    if (vErrors === null) {
      vErrors = [err35];
    } else {
      vErrors.push(err35);
    }
    errors++;
  }
  validate24.errors = vErrors;
  return errors === 0;
}
var Service = validate26;
var schema28 = { "type": "object", "title": "svcplan Service", "description": "A deployed service, linked to the template it was created from.", "required": ["apiVersion", "kind", "name", "template"], "additionalProperties": false, "properties": { "apiVersion": { "const": "svcplan/v1" }, "kind": { "const": "Service" }, "name": { "$ref": "#/definitions/serviceName" }, "template": { "$ref": "#/definitions/templateName", "description": "Name of the template it was created from." }, "description": { "type": "string" }, "target": { "$ref": "#/definitions/target" }, "tiers": { "type": "object", "propertyNames": { "$ref": "#/definitions/tierName" }, "additionalProperties": { "$ref": "#/definitions/serviceTier" }, "default": {}, "description": "Per-tier overrides." } } };
var schema29 = { "type": "string", "pattern": "^[a-z][a-z0-9-]{0,38}[a-z0-9]$", "x-hint": "2 to 40 characters: lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen", "description": "Service name; instances are named <service>-<tier>-<n>." };
var schema31 = { "type": "object", "description": "Where the service runs.", "additionalProperties": false, "properties": { "driver": { "const": "vagrant", "default": "vagrant", "description": "How VMs are made." }, "provider": { "enum": ["virtualbox", "libvirt"], "default": "libvirt", "description": "Vagrant provider." }, "runner": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", "x-hint": 'a runner label: letters, digits, ".", "_" and "-"', "description": "Label of the self-hosted runner that reaches the hypervisor." }, "options": { "type": "object", "description": "Any setting of the provider (lv.<key> / vb.<key>); creation-only: changing one replaces the VMs.", "propertyNames": { "type": "string", "pattern": "^[a-z_][a-z0-9_]*$", "x-hint": 'a provider setting name: lowercase letters, digits and "_"' }, "additionalProperties": { "$ref": "#/definitions/optionValue" }, "default": {} }, "ssh": { "type": "object", "description": "SSH endpoint per instance: instance k of the service gets portBase + k.", "required": ["portBase"], "additionalProperties": false, "properties": { "host": { "type": "string", "pattern": "^[A-Za-z0-9.:-]{1,253}$", "x-hint": "a host name or IP address", "default": "127.0.0.1", "description": "Host the forwarded ports listen on." }, "portBase": { "type": "integer", "minimum": 1024, "maximum": 65e3, "description": "First forwarded SSH port." } } } } };
var schema32 = { "type": ["string", "number", "boolean", "array", "object"], "description": "A provider setting value." };
var pattern14 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", "u");
var pattern15 = new RegExp("^[a-z_][a-z0-9_]*$", "u");
var pattern16 = new RegExp("^[A-Za-z0-9.:-]{1,253}$", "u");
function validate18(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(key0 === "driver" || key0 === "provider" || key0 === "runner" || key0 === "options" || key0 === "ssh")) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31, data };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.driver !== void 0) {
      let data0 = data.driver;
      if ("vagrant" !== data0) {
        const err1 = { instancePath: instancePath + "/driver", schemaPath: "#/properties/driver/const", keyword: "const", params: { allowedValue: "vagrant" }, message: "must be equal to constant", schema: "vagrant", parentSchema: schema31.properties.driver, data: data0 };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.provider !== void 0) {
      let data1 = data.provider;
      if (!(data1 === "virtualbox" || data1 === "libvirt")) {
        const err2 = { instancePath: instancePath + "/provider", schemaPath: "#/properties/provider/enum", keyword: "enum", params: { allowedValues: schema31.properties.provider.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.provider.enum, parentSchema: schema31.properties.provider, data: data1 };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.runner !== void 0) {
      let data2 = data.runner;
      if (typeof data2 === "string") {
        if (!pattern14.test(data2)) {
          const err3 = { instancePath: instancePath + "/runner", schemaPath: "#/properties/runner/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", parentSchema: schema31.properties.runner, data: data2 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/runner", schemaPath: "#/properties/runner/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.runner.type, parentSchema: schema31.properties.runner, data: data2 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.options !== void 0) {
      let data3 = data.options;
      if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
        for (const key1 in data3) {
          const _errs8 = errors;
          if (typeof key1 === "string") {
            if (!pattern15.test(key1)) {
              const err5 = { instancePath: instancePath + "/options", schemaPath: "#/properties/options/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[a-z_][a-z0-9_]*$" }, message: 'must match pattern "^[a-z_][a-z0-9_]*$"', schema: "^[a-z_][a-z0-9_]*$", parentSchema: schema31.properties.options.propertyNames, data: key1, propertyName: key1 };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
          } else {
            const err6 = { instancePath: instancePath + "/options", schemaPath: "#/properties/options/propertyNames/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.options.propertyNames.type, parentSchema: schema31.properties.options.propertyNames, data: key1, propertyName: key1 };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
          var valid1 = _errs8 === errors;
          if (!valid1) {
            const err7 = { instancePath: instancePath + "/options", schemaPath: "#/properties/options/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid", schema: schema31.properties.options.propertyNames, parentSchema: schema31.properties.options, data: data3 };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
        for (const key2 in data3) {
          let data4 = data3[key2];
          if ((!data4 || typeof data4 != "object") && typeof data4 !== "string" && !(typeof data4 == "number" && isFinite(data4)) && typeof data4 !== "boolean") {
            const err8 = { instancePath: instancePath + "/options/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/optionValue/type", keyword: "type", params: { type: schema32.type }, message: "must be string,number,boolean,array,object", schema: schema32.type, parentSchema: schema32, data: data4 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
      } else {
        const err9 = { instancePath: instancePath + "/options", schemaPath: "#/properties/options/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.options.type, parentSchema: schema31.properties.options, data: data3 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.ssh !== void 0) {
      let data5 = data.ssh;
      if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
        if (data5.portBase === void 0) {
          const err10 = { instancePath: instancePath + "/ssh", schemaPath: "#/properties/ssh/required", keyword: "required", params: { missingProperty: "portBase" }, message: "must have required property 'portBase'", schema: schema31.properties.ssh.required, parentSchema: schema31.properties.ssh, data: data5 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
        for (const key3 in data5) {
          if (!(key3 === "host" || key3 === "portBase")) {
            const err11 = { instancePath: instancePath + "/ssh", schemaPath: "#/properties/ssh/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.ssh, data: data5 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data5.host !== void 0) {
          let data6 = data5.host;
          if (typeof data6 === "string") {
            if (!pattern16.test(data6)) {
              const err12 = { instancePath: instancePath + "/ssh/host", schemaPath: "#/properties/ssh/properties/host/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9.:-]{1,253}$" }, message: 'must match pattern "^[A-Za-z0-9.:-]{1,253}$"', schema: "^[A-Za-z0-9.:-]{1,253}$", parentSchema: schema31.properties.ssh.properties.host, data: data6 };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
          } else {
            const err13 = { instancePath: instancePath + "/ssh/host", schemaPath: "#/properties/ssh/properties/host/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.ssh.properties.host.type, parentSchema: schema31.properties.ssh.properties.host, data: data6 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        if (data5.portBase !== void 0) {
          let data7 = data5.portBase;
          if (!(typeof data7 == "number" && (!(data7 % 1) && !isNaN(data7)) && isFinite(data7))) {
            const err14 = { instancePath: instancePath + "/ssh/portBase", schemaPath: "#/properties/ssh/properties/portBase/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.ssh.properties.portBase.type, parentSchema: schema31.properties.ssh.properties.portBase, data: data7 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
          if (typeof data7 == "number" && isFinite(data7)) {
            if (data7 > 65e3 || isNaN(data7)) {
              const err15 = { instancePath: instancePath + "/ssh/portBase", schemaPath: "#/properties/ssh/properties/portBase/maximum", keyword: "maximum", params: { comparison: "<=", limit: 65e3 }, message: "must be <= 65000", schema: 65e3, parentSchema: schema31.properties.ssh.properties.portBase, data: data7 };
              if (vErrors === null) {
                vErrors = [err15];
              } else {
                vErrors.push(err15);
              }
              errors++;
            }
            if (data7 < 1024 || isNaN(data7)) {
              const err16 = { instancePath: instancePath + "/ssh/portBase", schemaPath: "#/properties/ssh/properties/portBase/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1024 }, message: "must be >= 1024", schema: 1024, parentSchema: schema31.properties.ssh.properties.portBase, data: data7 };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
          }
        }
      } else {
        const err17 = { instancePath: instancePath + "/ssh", schemaPath: "#/properties/ssh/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.ssh.type, parentSchema: schema31.properties.ssh, data: data5 };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
  } else {
    const err18 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.type, parentSchema: schema31, data };
    if (vErrors === null) {
      vErrors = [err18];
    } else {
      vErrors.push(err18);
    }
    errors++;
  }
  validate18.errors = vErrors;
  return errors === 0;
}
var schema34 = { "type": "object", "description": "Per-service overrides of one tier of the template.", "additionalProperties": false, "properties": { "count": { "type": "integer", "minimum": 0, "maximum": 1e4, "description": "Instance count of this tier in this service." }, "settings": { "$ref": "#/definitions/settings" } } };
function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(key0 === "count" || key0 === "settings")) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema34, data };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.count !== void 0) {
      let data0 = data.count;
      if (!(typeof data0 == "number" && (!(data0 % 1) && !isNaN(data0)) && isFinite(data0))) {
        const err1 = { instancePath: instancePath + "/count", schemaPath: "#/properties/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema34.properties.count.type, parentSchema: schema34.properties.count, data: data0 };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
      if (typeof data0 == "number" && isFinite(data0)) {
        if (data0 > 1e4 || isNaN(data0)) {
          const err2 = { instancePath: instancePath + "/count", schemaPath: "#/properties/count/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e4 }, message: "must be <= 10000", schema: 1e4, parentSchema: schema34.properties.count, data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (data0 < 0 || isNaN(data0)) {
          const err3 = { instancePath: instancePath + "/count", schemaPath: "#/properties/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema34.properties.count, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      }
    }
    if (data.settings !== void 0) {
      if (!validate13(data.settings, { instancePath: instancePath + "/settings", parentData: data, parentDataProperty: "settings", rootData })) {
        vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema34.type, parentSchema: schema34, data };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
function validate26(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.apiVersion === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "apiVersion" }, message: "must have required property 'apiVersion'", schema: schema28.required, parentSchema: schema28, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.kind === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema28.required, parentSchema: schema28, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.name === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema28.required, parentSchema: schema28, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.template === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "template" }, message: "must have required property 'template'", schema: schema28.required, parentSchema: schema28, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "apiVersion" || key0 === "kind" || key0 === "name" || key0 === "template" || key0 === "description" || key0 === "target" || key0 === "tiers")) {
        const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema28, data };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.apiVersion !== void 0) {
      let data0 = data.apiVersion;
      if ("svcplan/v1" !== data0) {
        const err5 = { instancePath: instancePath + "/apiVersion", schemaPath: "#/properties/apiVersion/const", keyword: "const", params: { allowedValue: "svcplan/v1" }, message: "must be equal to constant", schema: "svcplan/v1", parentSchema: schema28.properties.apiVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data1 = data.kind;
      if ("Service" !== data1) {
        const err6 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "Service" }, message: "must be equal to constant", schema: "Service", parentSchema: schema28.properties.kind, data: data1 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data2 = data.name;
      if (typeof data2 === "string") {
        if (!pattern0.test(data2)) {
          const err7 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/serviceName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,38}[a-z0-9]$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,38}[a-z0-9]$"', schema: "^[a-z][a-z0-9-]{0,38}[a-z0-9]$", parentSchema: schema29, data: data2 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/serviceName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema29.type, parentSchema: schema29, data: data2 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.template !== void 0) {
      let data3 = data.template;
      if (typeof data3 === "string") {
        if (!pattern0.test(data3)) {
          const err9 = { instancePath: instancePath + "/template", schemaPath: "#/definitions/templateName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,38}[a-z0-9]$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,38}[a-z0-9]$"', schema: "^[a-z][a-z0-9-]{0,38}[a-z0-9]$", parentSchema: schema13, data: data3 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = { instancePath: instancePath + "/template", schemaPath: "#/definitions/templateName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data3 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.description !== void 0) {
      let data4 = data.description;
      if (typeof data4 !== "string") {
        const err11 = { instancePath: instancePath + "/description", schemaPath: "#/properties/description/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema28.properties.description.type, parentSchema: schema28.properties.description, data: data4 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.target !== void 0) {
      if (!validate18(data.target, { instancePath: instancePath + "/target", parentData: data, parentDataProperty: "target", rootData })) {
        vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
        errors = vErrors.length;
      }
    }
    if (data.tiers !== void 0) {
      let data6 = data.tiers;
      if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
        for (const key1 in data6) {
          const _errs15 = errors;
          if (typeof key1 === "string") {
            if (!pattern4.test(key1)) {
              const err12 = { instancePath: instancePath + "/tiers", schemaPath: "#/definitions/tierName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9]{0,15}$" }, message: 'must match pattern "^[a-z][a-z0-9]{0,15}$"', schema: "^[a-z][a-z0-9]{0,15}$", parentSchema: schema16, data: key1, propertyName: key1 };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
          } else {
            const err13 = { instancePath: instancePath + "/tiers", schemaPath: "#/definitions/tierName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema16.type, parentSchema: schema16, data: key1, propertyName: key1 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
          var valid3 = _errs15 === errors;
          if (!valid3) {
            const err14 = { instancePath: instancePath + "/tiers", schemaPath: "#/properties/tiers/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid", schema: schema28.properties.tiers.propertyNames, parentSchema: schema28.properties.tiers, data: data6 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
        for (const key2 in data6) {
          if (!validate20(data6[key2], { instancePath: instancePath + "/tiers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data6, parentDataProperty: key2, rootData })) {
            vErrors = vErrors === null ? validate20.errors : vErrors.concat(validate20.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err15 = { instancePath: instancePath + "/tiers", schemaPath: "#/properties/tiers/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema28.properties.tiers.type, parentSchema: schema28.properties.tiers, data: data6 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
  } else {
    const err16 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema28.type, parentSchema: schema28, data };
    if (vErrors === null) {
      vErrors = [err16];
    } else {
      vErrors.push(err16);
    }
    errors++;
  }
  validate26.errors = vErrors;
  return errors === 0;
}
var Config = validate29;
var schema35 = { "type": "object", "title": "svcplan Config (svcplan.yaml)", "description": "Where svcplan finds templates and services, and where it keeps state.", "required": ["apiVersion", "kind"], "additionalProperties": false, "properties": { "apiVersion": { "const": "svcplan/v1" }, "kind": { "const": "Config" }, "templates": { "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", "x-hint": 'a path relative to the repository root, without ".."', "description": "A folder searched (recursively) for templates." }, "default": ["templates"] }, "services": { "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", "x-hint": 'a path relative to the repository root, without ".."', "description": "A folder searched (recursively) for services." }, "default": ["services"] }, "state": { "type": "object", "additionalProperties": false, "description": "Where recorded state is kept.", "properties": { "store": { "enum": ["local", "git"], "default": "local", "description": "local: a folder in the working copy; git: a branch of this repository." }, "path": { "type": "string", "pattern": "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", "x-hint": 'a path relative to the repository root, without ".."', "description": "Folder of the local store.", "default": ".svcplan/state" }, "branch": { "type": "string", "pattern": "^(?!-)(?!.*\\.\\.)(?!.*//)[A-Za-z0-9._/-]{1,100}(?<![./])$", "x-hint": "a branch name", "default": "svcplan-state", "description": "Branch of the git store." } } }, "defaultBranch": { "type": "string", "pattern": "^(?!-)(?!.*\\.\\.)[A-Za-z0-9._/-]{1,100}$", "x-hint": "a branch name", "description": "Branch that is applied; default: origin/HEAD, else main or master." } } };
var pattern21 = new RegExp("^(?!-)(?!.*\\.\\.)(?!.*//)[A-Za-z0-9._/-]{1,100}(?<![./])$", "u");
var pattern22 = new RegExp("^(?!-)(?!.*\\.\\.)[A-Za-z0-9._/-]{1,100}$", "u");
function validate29(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.apiVersion === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "apiVersion" }, message: "must have required property 'apiVersion'", schema: schema35.required, parentSchema: schema35, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.kind === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema35.required, parentSchema: schema35, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "apiVersion" || key0 === "kind" || key0 === "templates" || key0 === "services" || key0 === "state" || key0 === "defaultBranch")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema35, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.apiVersion !== void 0) {
      let data0 = data.apiVersion;
      if ("svcplan/v1" !== data0) {
        const err3 = { instancePath: instancePath + "/apiVersion", schemaPath: "#/properties/apiVersion/const", keyword: "const", params: { allowedValue: "svcplan/v1" }, message: "must be equal to constant", schema: "svcplan/v1", parentSchema: schema35.properties.apiVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data1 = data.kind;
      if ("Config" !== data1) {
        const err4 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "Config" }, message: "must be equal to constant", schema: "Config", parentSchema: schema35.properties.kind, data: data1 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.templates !== void 0) {
      let data2 = data.templates;
      if (Array.isArray(data2)) {
        if (data2.length < 1) {
          const err5 = { instancePath: instancePath + "/templates", schemaPath: "#/properties/templates/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema35.properties.templates, data: data2 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
        const len0 = data2.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data3 = data2[i0];
          if (typeof data3 === "string") {
            if (!pattern8.test(data3)) {
              const err6 = { instancePath: instancePath + "/templates/" + i0, schemaPath: "#/properties/templates/items/pattern", keyword: "pattern", params: { pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$" }, message: 'must match pattern "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$"', schema: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", parentSchema: schema35.properties.templates.items, data: data3 };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
          } else {
            const err7 = { instancePath: instancePath + "/templates/" + i0, schemaPath: "#/properties/templates/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.properties.templates.items.type, parentSchema: schema35.properties.templates.items, data: data3 };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
      } else {
        const err8 = { instancePath: instancePath + "/templates", schemaPath: "#/properties/templates/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema35.properties.templates.type, parentSchema: schema35.properties.templates, data: data2 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.services !== void 0) {
      let data4 = data.services;
      if (Array.isArray(data4)) {
        if (data4.length < 1) {
          const err9 = { instancePath: instancePath + "/services", schemaPath: "#/properties/services/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema35.properties.services, data: data4 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
        const len1 = data4.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data5 = data4[i1];
          if (typeof data5 === "string") {
            if (!pattern8.test(data5)) {
              const err10 = { instancePath: instancePath + "/services/" + i1, schemaPath: "#/properties/services/items/pattern", keyword: "pattern", params: { pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$" }, message: 'must match pattern "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$"', schema: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", parentSchema: schema35.properties.services.items, data: data5 };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
          } else {
            const err11 = { instancePath: instancePath + "/services/" + i1, schemaPath: "#/properties/services/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.properties.services.items.type, parentSchema: schema35.properties.services.items, data: data5 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
      } else {
        const err12 = { instancePath: instancePath + "/services", schemaPath: "#/properties/services/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema35.properties.services.type, parentSchema: schema35.properties.services, data: data4 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.state !== void 0) {
      let data6 = data.state;
      if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
        for (const key1 in data6) {
          if (!(key1 === "store" || key1 === "path" || key1 === "branch")) {
            const err13 = { instancePath: instancePath + "/state", schemaPath: "#/properties/state/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema35.properties.state, data: data6 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        if (data6.store !== void 0) {
          let data7 = data6.store;
          if (!(data7 === "local" || data7 === "git")) {
            const err14 = { instancePath: instancePath + "/state/store", schemaPath: "#/properties/state/properties/store/enum", keyword: "enum", params: { allowedValues: schema35.properties.state.properties.store.enum }, message: "must be equal to one of the allowed values", schema: schema35.properties.state.properties.store.enum, parentSchema: schema35.properties.state.properties.store, data: data7 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
        if (data6.path !== void 0) {
          let data8 = data6.path;
          if (typeof data8 === "string") {
            if (!pattern8.test(data8)) {
              const err15 = { instancePath: instancePath + "/state/path", schemaPath: "#/properties/state/properties/path/pattern", keyword: "pattern", params: { pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$" }, message: 'must match pattern "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$"', schema: "^(?!/)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)[^\\u0000]{1,255}$", parentSchema: schema35.properties.state.properties.path, data: data8 };
              if (vErrors === null) {
                vErrors = [err15];
              } else {
                vErrors.push(err15);
              }
              errors++;
            }
          } else {
            const err16 = { instancePath: instancePath + "/state/path", schemaPath: "#/properties/state/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.properties.state.properties.path.type, parentSchema: schema35.properties.state.properties.path, data: data8 };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
        if (data6.branch !== void 0) {
          let data9 = data6.branch;
          if (typeof data9 === "string") {
            if (!pattern21.test(data9)) {
              const err17 = { instancePath: instancePath + "/state/branch", schemaPath: "#/properties/state/properties/branch/pattern", keyword: "pattern", params: { pattern: "^(?!-)(?!.*\\.\\.)(?!.*//)[A-Za-z0-9._/-]{1,100}(?<![./])$" }, message: 'must match pattern "^(?!-)(?!.*\\.\\.)(?!.*//)[A-Za-z0-9._/-]{1,100}(?<![./])$"', schema: "^(?!-)(?!.*\\.\\.)(?!.*//)[A-Za-z0-9._/-]{1,100}(?<![./])$", parentSchema: schema35.properties.state.properties.branch, data: data9 };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
          } else {
            const err18 = { instancePath: instancePath + "/state/branch", schemaPath: "#/properties/state/properties/branch/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.properties.state.properties.branch.type, parentSchema: schema35.properties.state.properties.branch, data: data9 };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
      } else {
        const err19 = { instancePath: instancePath + "/state", schemaPath: "#/properties/state/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema35.properties.state.type, parentSchema: schema35.properties.state, data: data6 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.defaultBranch !== void 0) {
      let data10 = data.defaultBranch;
      if (typeof data10 === "string") {
        if (!pattern22.test(data10)) {
          const err20 = { instancePath: instancePath + "/defaultBranch", schemaPath: "#/properties/defaultBranch/pattern", keyword: "pattern", params: { pattern: "^(?!-)(?!.*\\.\\.)[A-Za-z0-9._/-]{1,100}$" }, message: 'must match pattern "^(?!-)(?!.*\\.\\.)[A-Za-z0-9._/-]{1,100}$"', schema: "^(?!-)(?!.*\\.\\.)[A-Za-z0-9._/-]{1,100}$", parentSchema: schema35.properties.defaultBranch, data: data10 };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
      } else {
        const err21 = { instancePath: instancePath + "/defaultBranch", schemaPath: "#/properties/defaultBranch/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.properties.defaultBranch.type, parentSchema: schema35.properties.defaultBranch, data: data10 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
  } else {
    const err22 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema35.type, parentSchema: schema35, data };
    if (vErrors === null) {
      vErrors = [err22];
    } else {
      vErrors.push(err22);
    }
    errors++;
  }
  validate29.errors = vErrors;
  return errors === 0;
}

// src/load/schema.ts
var validators;
function validatorFor(kind) {
  if (!validators) {
    const digest = createHash("sha256").update(JSON.stringify(svcplan_v1_schema_default)).digest("hex");
    validators = digest === SCHEMA_DIGEST ? schema_validators_generated_exports : compileSchema();
  }
  return validators[kind];
}
function compileSchema() {
  const { Ajv } = createRequire(import.meta.url)("ajv");
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  ajv.addVocabulary(["x-hint", "x-unit"]);
  ajv.addSchema(svcplan_v1_schema_default);
  const get = (name) => ajv.getSchema(`urn:svcplan:schema:v1#/definitions/${name}`);
  return { ServiceTemplate: get("ServiceTemplate"), Service: get("Service"), Config: get("Config") };
}
function validateAgainstSchema(kind, value, sourceOf) {
  const validate = validatorFor(kind);
  if (validate(value)) return [];
  const problems = [];
  const seen = /* @__PURE__ */ new Set();
  for (const error of validate.errors ?? []) {
    const problem = describe(error, value, sourceOf);
    if (!problem) continue;
    const key = `${problem.path.join("\0")}\0${problem.atKey}\0${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}
function pointerToPath(pointer) {
  if (!pointer) return [];
  return pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function dottedPath(path3) {
  if (path3.length === 0) return "the document";
  return path3.map((p, i) => typeof p === "number" || /^\d+$/.test(String(p)) ? `[${p}]` : (i === 0 ? "" : ".") + p).join("");
}
function valueAt(root, path3) {
  let v = root;
  for (const p of path3) v = v && typeof v === "object" ? v[p] : void 0;
  return v;
}
function shown(value, source) {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? value.slice(0, 57) + "..." : value);
  if (typeof value === "number" && source !== void 0 && !/^["']/.test(source)) return source.length > 40 ? source.slice(0, 37) + "..." : source;
  if (value === null) return "null (an empty value)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return String(value);
}
var TYPE_WORDS = {
  string: "a string",
  integer: "an integer",
  number: "a number",
  boolean: "true or false",
  object: "a mapping (key: value)",
  array: "a list",
  null: "empty"
};
function describeNumber(s, value) {
  const what = s.type === "integer" ? "an integer" : "a number";
  const unit = typeof s["x-unit"] === "string" ? ` (${s["x-unit"]})` : "";
  const min = s.minimum;
  const max = s.maximum;
  if (min !== void 0 && max !== void 0) {
    if (max < 1e5) return `${what} from ${min} to ${max}${unit}`;
    return typeof value === "number" && value > max ? `${what} \u2264 ${max}${unit}` : `${what} \u2265 ${min}${unit}`;
  }
  if (min !== void 0) return `${what} \u2265 ${min}${unit}`;
  if (max !== void 0) return `${what} \u2264 ${max}${unit}`;
  return what + unit;
}
function describe(error, root, sourceOf) {
  const path3 = pointerToPath(error.instancePath);
  const where = dottedPath(path3);
  const value = valueAt(root, path3);
  const source = sourceOf(path3);
  const parent = error.parentSchema ?? {};
  const got = `got ${shown(value, source)}`;
  const params = error.params;
  switch (error.keyword) {
    case "required": {
      const field = String(params.missingProperty);
      return { path: path3, atKey: false, message: `${where} is missing the required field "${field}"` };
    }
    case "additionalProperties": {
      const field = String(params.additionalProperty);
      const known = Object.keys(parent.properties ?? {});
      const suggestion = closest(field, known);
      const hint = suggestion ? `; did you mean "${suggestion}"?` : known.length ? `; known fields: ${known.join(", ")}` : "";
      return {
        path: [...path3, field],
        atKey: true,
        message: `${where === "the document" ? "unknown field" : `${where} has an unknown field`} "${field}"${hint}`
      };
    }
    case "propertyNames":
      return void 0;
    // the pattern error on the name itself says it better
    case "pattern": {
      if (error.propertyName !== void 0) {
        const name = error.propertyName;
        const hint2 = typeof parent["x-hint"] === "string" ? parent["x-hint"] : `names matching ${params.pattern}`;
        return { path: [...path3, name], atKey: true, message: `${where}: "${name}" is not a valid name; use ${hint2}` };
      }
      const hint = typeof parent["x-hint"] === "string" ? parent["x-hint"] : `a value matching ${params.pattern}`;
      return { path: path3, atKey: false, message: `${where} must be ${hint}, ${got}` };
    }
    case "type": {
      const expected = [].concat(params.type);
      if (expected.includes("integer") || expected.includes("number")) {
        if (expected.length === 1) return { path: path3, atKey: false, message: `${where} must be ${describeNumber(parent, value)}, ${got}` };
      }
      if (expected.length === 1 && expected[0] === "string" && (typeof value === "number" || typeof value === "boolean")) {
        const written = source ?? String(value);
        return { path: path3, atKey: false, message: `${where} must be a string, got ${typeof value} ${written}; quote it: "${written}"` };
      }
      const words = expected.map((t) => TYPE_WORDS[t] ?? t);
      const list = words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}` : words[0];
      return { path: path3, atKey: false, message: `${where} must be ${list}, ${got}` };
    }
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
    case "multipleOf":
      return { path: path3, atKey: false, message: `${where} must be ${describeNumber(parent, value)}, ${got}` };
    case "enum": {
      const allowed = params.allowedValues.map((v) => JSON.stringify(v)).join(", ");
      return { path: path3, atKey: false, message: `${where} must be one of ${allowed}, ${got}` };
    }
    case "const":
      return { path: path3, atKey: false, message: `${where} must be ${JSON.stringify(params.allowedValue)}, ${got}` };
    case "minProperties":
      return { path: path3, atKey: false, message: `${where} must have at least ${params.limit} entr${params.limit === 1 ? "y" : "ies"}` };
    case "maxProperties":
      return { path: path3, atKey: false, message: `${where} may have at most ${params.limit} entries` };
    case "minItems":
      return { path: path3, atKey: false, message: `${where} must list at least ${params.limit} item${params.limit === 1 ? "" : "s"}` };
    case "maxItems":
      return { path: path3, atKey: false, message: `${where} may list at most ${params.limit} items` };
    case "uniqueItems":
      return { path: [...path3, Number(params.i)], atKey: false, message: `${where} lists ${shown(value[Number(params.i)], void 0)} twice` };
    case "minLength":
      return { path: path3, atKey: false, message: `${where} must not be empty` };
    case "maxLength":
      return { path: path3, atKey: false, message: `${where} must be at most ${params.limit} characters long` };
    default:
      return { path: path3, atKey: false, message: `${where} ${error.message ?? "is not valid"}` };
  }
}
function closest(word, candidates) {
  let best;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== void 0 && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : void 0;
}
function editDistance(a, b) {
  if (a.length > 64 || b.length > 64) return Infinity;
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

// src/load/plain-yaml.ts
var NOT_PLAIN = /* @__PURE__ */ Symbol("not plain");
var MAX_DEPTH = 48;
var MAX_KEY_LENGTH = 1e3;
var BLOCK_KEY = /^([A-Za-z_][\w.\/-]*):(?: |$)/;
var FLOW_KEY = /[A-Za-z_][\w.\/-]*/y;
function parsePlainYaml(text2) {
  if (/[\x00-\x09\x0b-\x1f\x7f-\x9f\\\u2028\u2029\uFEFF]/.test(text2)) return void 0;
  try {
    return new PlainReader(text2).document();
  } catch (err) {
    if (err === NOT_PLAIN) return void 0;
    throw err;
  }
}
function refuse() {
  throw NOT_PLAIN;
}
var PlainReader = class {
  lines = [];
  pos = 0;
  depth = 0;
  path = [];
  sources = /* @__PURE__ */ new Map();
  constructor(text2) {
    let start = true;
    const raws = text2.split("\n");
    for (let i = 0; i < raws.length; i++) {
      const raw = raws[i];
      let indent = 0;
      while (raw.charCodeAt(indent) === 32) indent++;
      const content = raw.slice(indent).trimEnd();
      if (content === "" || content[0] === "#") continue;
      if (indent === 0 && (content.startsWith("---") || content.startsWith("...") || content[0] === "%")) {
        if (start && (content === "---" || /^--- +#/.test(content))) {
          start = false;
          continue;
        }
        refuse();
      }
      start = false;
      this.lines.push({ indent, content });
    }
  }
  document() {
    if (this.lines.length === 0) refuse();
    const value = this.blockNode(this.lines[0].indent);
    if (this.pos !== this.lines.length) refuse();
    return { value, scalarSources: this.sources };
  }
  blockNode(indent) {
    if (++this.depth > MAX_DEPTH) refuse();
    const value = isListItem(this.lines[this.pos].content) ? this.list(indent) : this.mapping(indent);
    this.depth--;
    return value;
  }
  mapping(indent) {
    const out = {};
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
  list(indent) {
    const out = [];
    while (this.pos < this.lines.length) {
      const line = this.lines[this.pos];
      if (line.indent < indent) break;
      if (line.indent > indent) refuse();
      if (!isListItem(line.content)) break;
      const rest = line.content.slice(1);
      const item = rest.trimStart();
      if (isListItem(item) || /^[^'"[{#]*:(?: |$)/.test(item)) refuse();
      this.pos++;
      this.path.push(String(out.length));
      out.push(this.valueAfter(rest, indent, false));
      this.path.pop();
    }
    return out;
  }
  /** The value after `key:` or `-` (`rest` starts with a space or is empty), at the parent's indent. */
  valueAfter(rest, indent, ofKey) {
    const text2 = rest.trimStart();
    const next = this.lines[this.pos];
    if (text2 === "" || text2[0] === "#") {
      if (next && next.indent > indent) return this.blockNode(next.indent);
      if (ofKey && next && next.indent === indent && isListItem(next.content)) return this.blockNode(indent);
      return null;
    }
    if (next && next.indent > indent) refuse();
    const scanner = { text: text2, at: 0 };
    const value = this.inlineValue(scanner);
    const after = text2.slice(scanner.at);
    if (after !== "" && !/^ +#/.test(after)) refuse();
    return value;
  }
  inlineValue(s) {
    const c = s.text[s.at];
    if (c === "[" || c === "{") return this.flow(s);
    if (c === '"' || c === "'") return quoted(s);
    const start = s.at;
    let end = s.text.length;
    const comment = s.text.indexOf(" #", start);
    if (comment >= 0) end = comment;
    const plain = s.text.slice(start, end).trimEnd();
    if (!plainStart(plain) || plain.includes(": ") || plain.endsWith(":")) refuse();
    s.at = start + plain.length;
    return this.scalar(plain);
  }
  flow(s) {
    if (++this.depth > MAX_DEPTH) refuse();
    const open = s.text[s.at++];
    const close = open === "[" ? "]" : "}";
    const list = [];
    const map = {};
    skipSpaces(s);
    if (s.text[s.at] === close) {
      s.at++;
    } else {
      for (; ; ) {
        if (open === "[") {
          this.path.push(String(list.length));
          list.push(this.flowValue(s));
          this.path.pop();
          skipSpaces(s);
          if (s.text[s.at] === ":") refuse();
        } else {
          const key = flowKey(s);
          if (Object.prototype.hasOwnProperty.call(map, key)) refuse();
          if (s.text[s.at] !== ":" || s.text[s.at + 1] !== " ") refuse();
          s.at += 2;
          skipSpaces(s);
          this.path.push(key);
          map[key] = this.flowValue(s);
          this.path.pop();
          skipSpaces(s);
        }
        const c = s.text[s.at++];
        if (c === close) break;
        if (c !== ",") refuse();
        skipSpaces(s);
        if (s.text[s.at] === close || s.text[s.at] === ",") refuse();
      }
    }
    this.depth--;
    return open === "[" ? list : map;
  }
  flowValue(s) {
    const c = s.text[s.at];
    if (c === "[" || c === "{") return this.flow(s);
    if (c === '"' || c === "'") return quoted(s);
    const start = s.at;
    const text2 = s.text;
    let end = start;
    for (; end < text2.length; end++) {
      const code = text2.charCodeAt(end);
      if (code === 44 || code === 91 || code === 93 || code === 123 || code === 125 || code === 58 || code === 35) break;
    }
    const plain = text2.slice(start, end).trimEnd();
    const stop = text2.charCodeAt(end);
    if (!plainStart(plain) || end < text2.length && stop !== 44 && stop !== 93 && stop !== 125) refuse();
    s.at = start + plain.length;
    return this.scalar(plain);
  }
  scalar(plain) {
    const value = coreScalar(plain);
    if (typeof value !== "string") this.sources.set(this.path.join("\0"), plain);
    return value;
  }
};
function isListItem(content) {
  return content[0] === "-" && (content.length === 1 || content[1] === " ");
}
function skipSpaces(s) {
  while (s.text.charCodeAt(s.at) === 32) s.at++;
}
function checkKey(key) {
  if (key.length > MAX_KEY_LENGTH || key === "__proto__" || typeof coreScalar(key) !== "string") refuse();
}
function flowKey(s) {
  const c = s.text[s.at];
  let key;
  if (c === '"' || c === "'") {
    key = quoted(s);
  } else {
    FLOW_KEY.lastIndex = s.at;
    const match = FLOW_KEY.exec(s.text);
    if (!match) refuse();
    key = match[0];
    s.at += key.length;
    if (typeof coreScalar(key) !== "string") refuse();
  }
  if (key.length > MAX_KEY_LENGTH || key === "__proto__") refuse();
  return key;
}
function quoted(s) {
  const q = s.text[s.at];
  let out = "";
  let i = s.at + 1;
  for (; ; ) {
    const end = s.text.indexOf(q, i);
    if (end < 0) refuse();
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
  if (next !== void 0 && !" ,]}:".includes(next)) refuse();
  return out;
}
function plainStart(plain) {
  if (plain === "") return false;
  const c = plain[0];
  if ("?:,[]{}#&*!|>'\"%@`".includes(c)) return false;
  if (c === "-") return plain.length > 1 && plain[1] !== " " && plain[1] !== "-";
  return true;
}
var NULL = /^(?:~|[Nn]ull|NULL)?$/;
var BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
var INT_OCT = /^0o[0-7]+$/;
var INT = /^[-+]?[0-9]+$/;
var INT_HEX = /^0x[0-9a-fA-F]+$/;
var FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
var FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
var FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
function coreScalar(plain) {
  const c = plain.charCodeAt(0);
  if (c >= 65 && c <= 90 || c >= 97 && c <= 122) {
    if (plain.length !== 4 && plain.length !== 5) return plain;
    if (NULL.test(plain)) return null;
    if (BOOL.test(plain)) return plain[0] === "t" || plain[0] === "T";
    return plain;
  }
  if (NULL.test(plain)) return null;
  if (BOOL.test(plain)) return plain[0] === "t" || plain[0] === "T";
  if (INT_OCT.test(plain)) return parseInt(plain.substring(2), 8);
  if (INT.test(plain)) return parseInt(plain, 10);
  if (INT_HEX.test(plain)) return parseInt(plain.substring(2), 16);
  if (FLOAT_NAN.test(plain)) return plain.slice(-3).toLowerCase() === "nan" ? NaN : plain[0] === "-" ? -Infinity : Infinity;
  if (FLOAT_EXP.test(plain)) return parseFloat(plain);
  if (FLOAT.test(plain)) return parseFloat(plain);
  return plain;
}

// src/load/yaml-lib-lazy.ts
import { createRequire as createRequire2 } from "node:module";
var YAML_FILE = "./cli-yaml.cjs";
var lib;
function yamlLib() {
  return lib ??= createRequire2(import.meta.url)(YAML_FILE);
}

// src/load/source.ts
var MAX_FILE_BYTES = 1024 * 1024;
function parseYamlFile(file, text2) {
  let parsed = parsedByText.get(text2);
  if (parsed) {
    parsedByText.delete(text2);
  } else {
    parsed = parseText(text2);
    cachedChars += text2.length;
  }
  parsedByText.set(text2, parsed);
  while (parsedByText.size > PARSE_CACHE_ENTRIES || cachedChars > PARSE_CACHE_CHARS) {
    const oldest = parsedByText.keys().next().value;
    parsedByText.delete(oldest);
    cachedChars -= oldest.length;
  }
  return {
    source: new ParsedFile(file, parsed),
    diagnostics: parsed.problems.length === 0 ? [] : parsed.problems.map((p) => ({ file, ...p }))
  };
}
var ParsedFile = class {
  constructor(file, parsed) {
    this.file = file;
    this.parsed = parsed;
    this.documents = parsed.documents;
  }
  file;
  parsed;
  documents;
  get lineCounter() {
    return this.parsed.lineCounter;
  }
};
var PARSE_CACHE_ENTRIES = 4096;
var PARSE_CACHE_CHARS = 32 * 1024 * 1024;
var parsedByText = /* @__PURE__ */ new Map();
var cachedChars = 0;
function parseText(text2) {
  if (Buffer.byteLength(text2, "utf8") <= MAX_FILE_BYTES && !/[\0\uFFFD]/.test(text2)) {
    const plain = parsePlainYaml(text2);
    if (plain) return plainText(text2, plain);
  }
  return parseFully(text2);
}
function plainText(text2, plain) {
  return new PlainText(text2, plain);
}
var PlainText = class {
  constructor(text2, plain) {
    this.text = text2;
    this.documents = [new PlainParsedDocument(this, plain)];
  }
  text;
  documents;
  problems = [];
  full;
  fully() {
    return this.full ??= parseFully(this.text);
  }
  get lineCounter() {
    return this.fully().lineCounter;
  }
};
var PlainParsedDocument = class {
  constructor(file, plain) {
    this.file = file;
    this.plain = plain;
    this.value = plain.value;
  }
  file;
  plain;
  index = 0;
  value;
  get doc() {
    return this.file.fully().documents[0].doc;
  }
  sourceOf(path3) {
    const written = this.plain.scalarSources.get(path3.join("\0"));
    if (written !== void 0) return written;
    const value = valueAt2(this.plain.value, path3);
    return typeof value === "string" ? value : sourceText(this.doc, path3);
  }
};
function valueAt2(root, path3) {
  let value = root;
  for (const segment of path3) {
    if (value === null || typeof value !== "object" || !Object.prototype.hasOwnProperty.call(value, segment)) return void 0;
    value = value[segment];
  }
  return value;
}
function parseFully(text2) {
  const { LineCounter, parseAllDocuments } = yamlLib();
  const lineCounter = new LineCounter();
  const documentsOut = [];
  const diagnostics = [];
  const at = (offset, message) => {
    const { line, col } = positionOf(text2, offset);
    diagnostics.push({ line, column: col, message });
  };
  if (Buffer.byteLength(text2, "utf8") > MAX_FILE_BYTES) {
    at(0, `file is larger than ${MAX_FILE_BYTES / 1024} KiB; split it into several files`);
    return { lineCounter, documents: documentsOut, problems: diagnostics };
  }
  const bad = text2.search(/[\0\uFFFD]/);
  if (bad >= 0) {
    at(bad, "not UTF-8 text (binary data or a broken encoding); save the file as UTF-8 YAML");
    return { lineCounter, documents: documentsOut, problems: diagnostics };
  }
  const deep = deepNesting(text2);
  if (deep >= 0) {
    at(deep, `nested more than ${MAX_FLOW_DEPTH} levels deep; no svcplan file needs this, and parsing it would be slow`);
    return { lineCounter, documents: documentsOut, problems: diagnostics };
  }
  let documents;
  try {
    documents = parseAllDocuments(text2, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
      merge: true,
      strict: true,
      logLevel: "silent"
    });
  } catch (err) {
    at(0, `cannot parse this file: ${describeCrash(err)}`);
    return { lineCounter, documents: documentsOut, problems: diagnostics };
  }
  documents.forEach((doc, index) => {
    const problems = [...doc.errors, ...doc.warnings];
    for (const problem of problems) {
      at(problem.pos[0], `${firstLine(problem.message)} (YAML ${problem.code.toLowerCase().replace(/_/g, " ")})`);
    }
    let value;
    const complexKey = problems.length === 0 ? firstComplexKey(doc) : void 0;
    if (complexKey) {
      at(complexKey.range?.[0] ?? 0, "a key must be a plain name, not a list or a mapping");
    } else if (problems.length === 0) {
      try {
        value = doc.toJS({ maxAliasCount: 100 });
      } catch (err) {
        at(doc.range[0], `cannot read this document: ${describeCrash(err)}`);
      }
    }
    documentsOut.push({ index, doc, value, sourceOf: (path3) => sourceText(doc, path3) });
  });
  return { lineCounter, documents: documentsOut, problems: diagnostics };
}
function firstComplexKey(doc) {
  const { isAlias, isScalar, visit } = yamlLib();
  let found;
  visit(doc, {
    Pair(_, pair) {
      const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
      if (key && !isScalar(key)) {
        found = pair.key ?? void 0;
        return visit.BREAK;
      }
      return void 0;
    }
  });
  return found;
}
var MAX_FLOW_DEPTH = 64;
function deepNesting(text2) {
  for (const line of text2.matchAll(/^[ \t]*((?:[-?:][ \t]+){65,})/gm)) return line.index + line[0].length - line[1].length;
  let depth = 0;
  for (let i = 0; i < text2.length; i++) {
    const c = text2[i];
    if (c === "[" || c === "{") {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if (c === "]" || c === "}") {
      depth = Math.max(0, depth - 1);
    } else if (c === "#" && (i === 0 || /\s/.test(text2[i - 1]))) {
      const end = text2.indexOf("\n", i);
      i = end < 0 ? text2.length : end;
    } else if (c === '"') {
      for (i++; i < text2.length && text2[i] !== '"'; i++) if (text2[i] === "\\") i++;
    } else if (c === "'" && (i === 0 || /[\s:,[{]/.test(text2[i - 1]))) {
      for (i++; i < text2.length; i++) {
        if (text2[i] === "'") {
          if (text2[i + 1] === "'") i++;
          else break;
        }
      }
    }
  }
  return -1;
}
function firstLine(message) {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "").trim();
}
function describeCrash(err) {
  if (err instanceof RangeError) return "it is nested too deeply";
  const message = err instanceof Error ? err.message : String(err);
  if (/alias/i.test(message)) return "too many aliases are expanded (an alias bomb?); write the values out";
  return firstLine(message);
}
function positionOf(text2, offset) {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text2.length);
  for (let i = text2.indexOf("\n"); i >= 0 && i < end; i = text2.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: end - lineStart + 1 };
}
function findNode(doc, path3, opts = {}) {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yamlLib();
  let node = doc.contents;
  let found = node;
  for (let i = 0; i < path3.length; i++) {
    if (isAlias(node)) node = node.resolve(doc);
    const segment = path3[i];
    const last = i === path3.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(segment));
      if (!pair) break;
      if (last && opts.key && pair.key) return pair.key;
      node = pair.value;
      if (!node) return pair.key ?? found;
    } else if (isSeq(node)) {
      const index = typeof segment === "number" ? segment : Number(segment);
      node = Number.isInteger(index) ? node.items[index] : void 0;
      if (!node) break;
    } else {
      break;
    }
    if (isAlias(node) || isMap(node) || isSeq(node) || isScalar(node)) found = node;
  }
  return found;
}
function keyText(key) {
  if (yamlLib().isScalar(key)) return String(key.value);
  return void 0;
}
function sourceText(doc, path3) {
  const node = findNode(doc, path3);
  if (!yamlLib().isScalar(node)) return void 0;
  return typeof node.source === "string" ? node.source : void 0;
}
var YamlLocator = class {
  files = /* @__PURE__ */ new Map();
  add(source) {
    this.files.set(source.file, source);
  }
  has(file) {
    return this.files.has(file);
  }
  /**
   * In a file of several documents, the document where most of `path` exists is used (the first
   * on a tie); `locateIn` names the document when that is known.
   */
  locate(file, path3) {
    const source = this.files.get(file);
    if (!source || source.documents.length === 0) return { line: 1, column: 1 };
    let best = source.documents[0];
    let bestDepth = -1;
    for (const document of source.documents) {
      const depth = matchedDepth(document.doc, path3);
      if (depth > bestDepth) {
        best = document;
        bestDepth = depth;
      }
    }
    return this.locateIn(file, best.index, path3);
  }
  locateIn(file, documentIndex, path3, opts = {}) {
    const source = this.files.get(file);
    const document = source?.documents[documentIndex];
    if (!source || !document) return { line: 1, column: 1 };
    const node = findNode(document.doc, path3, opts);
    const offset = node?.range?.[0] ?? document.doc.range?.[0] ?? 0;
    const { line, col } = source.lineCounter.linePos(offset);
    return { line, column: col };
  }
};
function matchedDepth(doc, path3) {
  let depth = 0;
  for (let i = 1; i <= path3.length; i++) {
    const node = findNode(doc, path3.slice(0, i));
    const parentNode = findNode(doc, path3.slice(0, i - 1));
    if (!node || node === parentNode) break;
    depth = i;
  }
  return depth;
}

// src/load/config.ts
var CONFIG_FILE = "svcplan.yaml";
function defaultConfig() {
  return { templates: ["templates"], services: ["services"], state: { store: "local", path: ".svcplan/state", branch: "svcplan-state" }, declaredState: {} };
}
async function loadConfig(reader) {
  const text2 = await reader.read(CONFIG_FILE);
  const config = defaultConfig();
  if (text2 === void 0) return config;
  const { source, diagnostics } = parseYamlFile(CONFIG_FILE, text2);
  const locator = new YamlLocator();
  locator.add(source);
  const report = (index, path3, message, key = false) => diagnostics.push({ file: CONFIG_FILE, ...locator.locateIn(CONFIG_FILE, index, path3, { key }), message });
  const documents = source.documents.filter((d) => d.value !== null || d.doc.errors.length > 0);
  if (diagnostics.length === 0 && documents.length !== 1) {
    const at = documents[1] ?? source.documents[0];
    report(
      at?.index ?? 0,
      [],
      documents.length === 0 ? `${CONFIG_FILE} is empty; write "apiVersion: ${API_VERSION}" and "kind: Config", or delete it to use the defaults` : `${CONFIG_FILE} must hold one document; found ${documents.length}`
    );
  }
  const document = documents[0];
  if (diagnostics.length === 0 && document) {
    for (const problem of validateAgainstSchema("Config", document.value, (path3) => document.sourceOf(path3))) {
      report(document.index, problem.path, `${problem.message}`, problem.atKey);
    }
  }
  if (diagnostics.length > 0) throw new InputError(sortDiagnostics(diagnostics));
  const value = document.value;
  const folders = (key) => {
    const list = value[key];
    if (!list) return config[key];
    return [...new Set(list.map((f) => normalizeRepoPath(f, { allowRoot: true })))];
  };
  return {
    templates: folders("templates"),
    services: folders("services"),
    state: {
      store: value.state?.store ?? config.state.store,
      path: value.state?.path !== void 0 ? normalizeRepoPath(value.state.path) : config.state.path,
      branch: value.state?.branch ?? config.state.branch
    },
    declaredState: {
      ...value.state?.store !== void 0 ? { store: value.state.store } : {},
      ...value.state?.path !== void 0 ? { path: normalizeRepoPath(value.state.path) } : {},
      ...value.state?.branch !== void 0 ? { branch: value.state.branch } : {}
    },
    ...value.defaultBranch !== void 0 ? { defaultBranch: value.defaultBranch } : {}
  };
}
function sortDiagnostics(diagnostics) {
  return [...diagnostics].sort(
    (a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

// src/load/resolve.ts
function cloneData(value) {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(cloneData);
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return structuredClone(value);
  const copy = {};
  for (const key of Object.keys(value)) {
    const member = cloneData(value[key]);
    if (key === "__proto__") Object.defineProperty(copy, key, { value: member, enumerable: true, writable: true, configurable: true });
    else copy[key] = member;
  }
  return copy;
}
function settingsFrom(raw, sourceOf, basePath) {
  const out = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    if (typeof value === "number") {
      const written = sourceOf([...basePath, key]);
      out[key] = written !== void 0 && !/^["']/.test(written) ? written : String(value);
    } else {
      out[key] = String(value);
    }
  }
  return out;
}
function templateFromDocument(raw, file, sourceOf) {
  const images = {};
  for (const [key, image] of Object.entries(raw.images)) images[key] = { box: image.box, version: image.version };
  const tiers = {};
  for (const [name, tier] of Object.entries(raw.tiers)) {
    const apps = {};
    for (const [app, spec] of Object.entries(tier.apps ?? {})) {
      apps[app] = { version: spec.version, ...spec.install !== void 0 ? { install: spec.install } : {} };
    }
    const health = tier.health ?? {};
    const rollout = tier.rollout ?? {};
    tiers[name] = {
      ...tier.description !== void 0 ? { description: tier.description } : {},
      image: tier.image,
      cpus: tier.cpus ?? 1,
      memory: tier.memory ?? 1024,
      count: tier.count ?? 1,
      scale: { min: tier.scale?.min ?? 0, max: tier.scale?.max ?? 100 },
      features: [...tier.features ?? []],
      apps,
      settings: settingsFrom(tier.settings, sourceOf, ["tiers", name, "settings"]),
      ...tier.state ? {
        state: {
          disk: tier.state.disk,
          ...tier.state.save !== void 0 ? { save: tier.state.save } : {},
          ...tier.state.restore !== void 0 ? { restore: tier.state.restore } : {},
          onScaleIn: tier.state.onScaleIn ?? "retain"
        }
      } : {},
      health: {
        ...health.command !== void 0 ? { command: health.command } : {},
        timeout: health.timeout ?? 300,
        minReady: health.minReady ?? 0
      },
      rollout: {
        upgradeDomains: rollout.upgradeDomains ?? 1,
        maxParallel: rollout.maxParallel ?? 1,
        pauseBetweenDomains: rollout.pauseBetweenDomains ?? 0,
        order: rollout.order ?? 1,
        maxDisruption: rollout.maxDisruption ?? "replace",
        autoRollback: rollout.autoRollback ?? false
      }
    };
  }
  return {
    kind: "ServiceTemplate",
    name: raw.name,
    release: raw.release,
    ...raw.description !== void 0 ? { description: raw.description } : {},
    images,
    tiers,
    file
  };
}
function serviceFromDocument(raw, file, sourceOf) {
  const target = raw.target ?? {};
  const resolvedTarget = {
    driver: "vagrant",
    provider: target.provider ?? "libvirt",
    ...target.runner !== void 0 ? { runner: target.runner } : {},
    options: cloneData(target.options ?? {}),
    ...target.ssh ? { ssh: { host: target.ssh.host ?? "127.0.0.1", portBase: target.ssh.portBase } } : {}
  };
  const tiers = {};
  for (const [name, override] of Object.entries(raw.tiers ?? {})) {
    tiers[name] = {
      ...override.count !== void 0 ? { count: override.count } : {},
      ...override.settings !== void 0 ? { settings: settingsFrom(override.settings, sourceOf, ["tiers", name, "settings"]) } : {}
    };
  }
  return {
    kind: "Service",
    name: raw.name,
    template: raw.template,
    ...raw.description !== void 0 ? { description: raw.description } : {},
    target: resolvedTarget,
    tiers,
    file
  };
}
function resolveService(service, template) {
  const target = service.target;
  const tiers = [];
  for (const [name, tier] of Object.entries(template.tiers)) {
    const override = service.tiers[name];
    const instanceTarget = { provider: target.provider };
    if (target.runner !== void 0) instanceTarget.runner = target.runner;
    instanceTarget.options = target.options;
    if (target.ssh) instanceTarget.ssh = { ...target.ssh };
    const instance = {
      image: template.images[tier.image],
      cpus: tier.cpus,
      memory: tier.memory,
      features: tier.features,
      apps: tier.apps,
      settings: override?.settings === void 0 ? tier.settings : { ...tier.settings, ...override.settings }
    };
    if (tier.state) instance.state = tier.state;
    instance.target = instanceTarget;
    const spec = { name, count: override?.count ?? tier.count, scale: tier.scale, health: tier.health, rollout: tier.rollout };
    if (tier.description !== void 0) spec.description = tier.description;
    spec.instance = instance;
    tiers.push(spec);
  }
  tiers.sort(byRolloutOrder);
  assignSshPorts(tiers, target.ssh);
  return {
    name: service.name,
    template: template.name,
    release: template.release,
    target,
    tiers,
    files: { template: template.file, service: service.file }
  };
}
function assignSshPorts(tiers, ssh) {
  if (!ssh) return;
  const first = firstSshPorts(tiers, ssh.portBase);
  for (const tier of tiers) tier.instance.target.ssh = { host: ssh.host, portBase: first.get(tier.name) };
}
function byRolloutOrder(a, b) {
  return a.rollout.order - b.rollout.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
function firstSshPorts(tiers, portBase) {
  const first = /* @__PURE__ */ new Map();
  let next = portBase;
  for (const tier of [...tiers].sort(byRolloutOrder)) {
    first.set(tier.name, next);
    next += Math.max(tier.scale.max, tier.count);
  }
  return first;
}

// src/load/tree.ts
function fileExists(reader, path3) {
  return reader.exists ? reader.exists(path3) : reader.read(path3).then((text2) => text2 !== void 0);
}
function named(reader, revision) {
  return { revision, list: (folders) => reader.list(folders), read: (path3) => reader.read(path3), exists: (path3) => fileExists(reader, path3) };
}
function readOnce(reader) {
  const reads = /* @__PURE__ */ new Map();
  return {
    revision: reader.revision,
    list: (folders) => reader.list(folders),
    read: (path3) => {
      let read = reads.get(path3);
      if (read === void 0) reads.set(path3, read = reader.read(path3));
      return read;
    },
    exists: (path3) => reads.has(path3) ? reads.get(path3).then((text2) => text2 !== void 0) : fileExists(reader, path3)
  };
}

// src/load/desired-state.ts
var DOCUMENT_KINDS = ["ServiceTemplate", "Service"];
var MAX_OPTION_DEPTH = 8;
var YIELD_AFTER_MS = 4;
async function loadDesiredState(reader) {
  const config = await loadConfig(reader);
  const paths = (await reader.list([...config.templates, ...config.services])).filter((path3) => /\.ya?ml$/i.test(path3) && path3 !== CONFIG_FILE);
  const texts = await Promise.all(paths.map((path3) => reader.read(path3)));
  const locator = new YamlLocator();
  const diagnostics = [];
  const report = (file, document, path3, message, key = false) => diagnostics.push({ file, ...locator.locateIn(file, document?.index ?? 0, path3, { key }), message });
  const positionText = (file, document, path3) => {
    const { line, column } = locator.locateIn(file, document.index, path3);
    return `${file}:${line}:${column}`;
  };
  const templates = [];
  const services = [];
  const brokenTemplates = /* @__PURE__ */ new Set();
  let unreadableFiles = 0;
  const templateDocuments = [];
  let busySince = Date.now();
  for (let i = 0; i < paths.length; i++) {
    if (i % 16 === 15 && Date.now() - busySince > YIELD_AFTER_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      busySince = Date.now();
    }
    const file = paths[i];
    const text2 = texts[i];
    if (text2 === void 0) continue;
    const { source, diagnostics: parseProblems } = parseYamlFile(file, text2);
    locator.add(source);
    diagnostics.push(...parseProblems);
    if (parseProblems.length > 0) {
      unreadableFiles++;
      continue;
    }
    const documents = source.documents.filter((d) => d.value !== null && d.value !== void 0);
    if (documents.length === 0) {
      report(file, void 0, [], `file has no ${API_VERSION} document; write a ServiceTemplate or Service here, or delete the file`);
      continue;
    }
    for (const document of documents) {
      const kind = checkKind(file, document, report);
      if (!kind) continue;
      const raw = document.value;
      if (kind === "ServiceTemplate") templateDocuments.push({ file, document, raw });
      const { problems, value } = checkedDocument(kind, file, document);
      for (const problem of problems) report(file, document, problem.path, problem.message, problem.atKey);
      if (problems.length > 0) {
        if (kind === "ServiceTemplate" && typeof raw.name === "string") brokenTemplates.add(raw.name);
        continue;
      }
      if (kind === "ServiceTemplate") templates.push({ value, raw, file, document });
      else services.push({ value, raw, file, document });
    }
  }
  const byName = (what, loaded) => {
    const named2 = /* @__PURE__ */ new Map();
    for (const doc of loaded) {
      const first = named2.get(doc.value.name);
      if (first)
        report(
          doc.file,
          doc.document,
          ["name"],
          `${what} name "${doc.value.name}" is already used by ${positionText(first.file, first.document, ["name"])}; ${what} names must be unique`
        );
      else named2.set(doc.value.name, doc);
    }
    return named2;
  };
  const templatesByName = byName("template", templates);
  for (const template of templatesByName.values()) checkTemplate(template, report);
  const servicesByName = byName("service", services);
  for (const service of servicesByName.values()) {
    const template = templatesByName.get(service.value.template);
    if (!template) {
      if (!brokenTemplates.has(service.value.template) && unreadableFiles === 0) {
        const known = [...templatesByName.keys()].sort();
        report(
          service.file,
          service.document,
          ["template"],
          `template "${service.value.template}" does not exist` + (known.length ? `; templates found: ${known.join(", ")}` : `; no templates were found under ${config.templates.join(", ")}`)
        );
      }
      continue;
    }
    checkService(service, template.value, report);
  }
  await checkScriptsExist(reader, templateDocuments, report);
  if (diagnostics.length > 0) throw new InputError(sortDiagnostics(diagnostics));
  const resolved = [...servicesByName.values()].map((s) => resolvedSpec(s.value, templatesByName.get(s.value.template).value));
  return {
    revision: reader.revision,
    templates: [...templatesByName.values()].map((t) => t.value).sort((a, b) => compare(a.name, b.name)),
    services: resolved.sort((a, b) => compare(a.name, b.name)),
    locator
  };
}
var checkedDocuments = /* @__PURE__ */ new WeakMap();
function checkedDocument(kind, file, document) {
  const known = checkedDocuments.get(document);
  if (known && known.kind === kind && known.file === file) return known;
  const raw = document.value;
  const sourceOf = (path3) => document.sourceOf(path3);
  const problems = validateAgainstSchema(kind, raw, sourceOf);
  const value = problems.length > 0 ? void 0 : kind === "ServiceTemplate" ? templateFromDocument(raw, file, sourceOf) : serviceFromDocument(raw, file, sourceOf);
  const checked = { kind, file, problems, value };
  checkedDocuments.set(document, checked);
  return checked;
}
var resolvedSpecs = /* @__PURE__ */ new WeakMap();
function resolvedSpec(service, template) {
  const known = resolvedSpecs.get(service);
  if (known && known.template === template) return known.spec;
  const spec = resolveService(service, template);
  resolvedSpecs.set(service, { template, spec });
  return spec;
}
function checkKind(file, document, report) {
  const value = document.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    report(
      file,
      document,
      [],
      `a ${API_VERSION} document is a mapping starting with "apiVersion: ${API_VERSION}" and "kind: ServiceTemplate" or "kind: Service", got ${Array.isArray(value) ? "a list" : JSON.stringify(value)?.slice(0, 40) ?? String(value)}`
    );
    return void 0;
  }
  const { apiVersion, kind } = value;
  const foreign = apiVersion === void 0 ? kind === void 0 : typeof apiVersion === "string" && !apiVersion.startsWith("svcplan/");
  if (foreign) {
    report(
      file,
      document,
      apiVersion === void 0 ? [] : ["apiVersion"],
      "not a svcplan file" + (apiVersion === void 0 ? "" : ` (apiVersion ${JSON.stringify(apiVersion)})`) + `: YAML files under the template and service folders must start with "apiVersion: ${API_VERSION}" and "kind: ServiceTemplate" or "kind: Service"; add them, or move the file out of these folders (or change the folders in svcplan.yaml)`
    );
    return void 0;
  }
  if (apiVersion !== API_VERSION) {
    report(
      file,
      document,
      apiVersion === void 0 ? [] : ["apiVersion"],
      apiVersion === void 0 ? `the document is missing "apiVersion: ${API_VERSION}"` : typeof apiVersion === "string" ? `apiVersion "${apiVersion}" is not supported; this svcplan reads ${API_VERSION}` : `apiVersion must be "${API_VERSION}", got ${JSON.stringify(apiVersion) ?? String(apiVersion)}`
    );
    return void 0;
  }
  if (kind === "Config") {
    report(file, document, ["kind"], `kind Config belongs in ${CONFIG_FILE} at the repository root, not in a template or service folder`);
    return void 0;
  }
  if (!DOCUMENT_KINDS.includes(kind)) {
    report(
      file,
      document,
      kind === void 0 ? [] : ["kind"],
      kind === void 0 ? 'the document has no "kind"; add "kind: ServiceTemplate" or "kind: Service"' : `unknown kind ${JSON.stringify(kind)}; ${API_VERSION} files are of kind ServiceTemplate or Service`
    );
    return void 0;
  }
  return kind;
}
function checkTemplate({ value: template, raw, file, document }, report) {
  const imageNames = Object.keys(template.images);
  for (const [name, tier] of Object.entries(template.tiers)) {
    const at = (...rest) => ["tiers", name, ...rest];
    if (!template.images[tier.image]) {
      report(
        file,
        document,
        at("image"),
        `tiers.${name}.image "${tier.image}" is not one of the template's images (${imageNames.join(", ")}); add it under images or fix the name`
      );
    }
    const { min, max } = tier.scale;
    if (min > max) {
      report(file, document, at("scale", "min"), `tiers.${name}.scale.min ${min} is greater than scale.max ${max}`);
    } else if (tier.count < min || tier.count > max) {
      const given = raw.tiers[name].count !== void 0;
      report(
        file,
        document,
        at("count"),
        `tiers.${name}.count ${tier.count}${given ? "" : " (the default)"} is outside scale ${min}..${max}; choose a count from ${min} to ${max}${given ? "" : " and write it"}, or change scale`
      );
    }
  }
}
function checkService({ value: service, raw, file, document }, template, report) {
  const tierNames = Object.keys(template.tiers);
  for (const [name, override] of Object.entries(service.tiers)) {
    const tier = template.tiers[name];
    if (!tier) {
      report(file, document, ["tiers", name], `tiers.${name}: template ${template.name} has no tier "${name}" (its tiers: ${tierNames.join(", ")})`, true);
      continue;
    }
    const { min, max } = tier.scale;
    if (override.count !== void 0 && min <= max && (override.count < min || override.count > max)) {
      report(
        file,
        document,
        ["tiers", name, "count"],
        `tiers.${name}.count ${override.count} is outside the scale ${min}..${max} of tier ${name} in template ${template.name} (${template.file})`
      );
    }
  }
  const ssh = service.target.ssh;
  if (ssh) {
    const tiers = Object.entries(template.tiers).map(([name, tier]) => ({ ...tier, name, count: service.tiers[name]?.count ?? tier.count }));
    const first = firstSshPorts(tiers, ssh.portBase);
    for (const tier of tiers) {
      const last = first.get(tier.name) + tier.count - 1;
      if (last > 65535) {
        report(
          file,
          document,
          ["target", "ssh", "portBase"],
          `target.ssh.portBase ${ssh.portBase} leaves no port for tier ${tier.name}: its last instance would get ${last} (each tier, in rollout order, reserves scale.max ports); choose a lower portBase`
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
        ["target", "options", key],
        `${dottedPath(["target", "options", key])} is nested more than ${MAX_OPTION_DEPTH} levels deep; provider settings are never this deep`
      );
    }
  }
}
function depthOf(value, depth = 0) {
  if (depth > MAX_OPTION_DEPTH) return depth;
  if (value === null || typeof value !== "object") return depth;
  let deepest = depth + 1;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child, depth + 1));
  return deepest;
}
async function checkScriptsExist(reader, templates, report) {
  const references = [];
  const object = (v) => v && typeof v === "object" && !Array.isArray(v) ? v : {};
  for (const { file, document, raw } of templates) {
    const add = (path3, script) => {
      if (typeof script === "string" && normalizeRepoPath(script) !== void 0) references.push({ file, document, path: path3, script });
    };
    for (const [name, tier] of Object.entries(object(raw.tiers))) {
      for (const [app, spec] of Object.entries(object(object(tier).apps))) add(["tiers", name, "apps", app, "install"], object(spec).install);
      const state = object(object(tier).state);
      add(["tiers", name, "state", "save"], state.save);
      add(["tiers", name, "state", "restore"], state.restore);
    }
  }
  const exists = /* @__PURE__ */ new Map();
  const check = (script) => {
    if (!exists.has(script)) exists.set(script, fileExists(reader, script));
    return exists.get(script);
  };
  const found = await Promise.all(references.map((r) => check(r.script)));
  references.forEach(({ file, document, path: path3, script }, i) => {
    if (!found[i]) {
      report(
        file,
        document,
        path3,
        `${dottedPath(path3)}: "${script}" does not exist at this revision (${revisionName(reader)}); paths are relative to the repository root`
      );
    }
  });
}
function revisionName(reader) {
  const { ref, commit } = reader.revision;
  if (ref === "WORKTREE") return "the working tree";
  return commit && ref !== commit ? `${ref}, ${commit.slice(0, 12)}` : ref;
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/load/worktree.ts
import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
var IGNORED_DIRS = /* @__PURE__ */ new Set([".git", ".svcplan", "node_modules"]);
var WorktreeReader = class _WorktreeReader {
  /** `commit`: the commit HEAD points to ('' when there is none); see `open` to look it up. */
  constructor(dir, commit = "") {
    this.dir = dir;
    this.revision = { ref: "WORKTREE", commit };
  }
  dir;
  revision;
  /** A reader whose revision carries HEAD's sha ('' when `dir` has no commit or no Git at all). */
  static async open(dir) {
    return new _WorktreeReader(dir, await new Git(dir).tryRevParse("HEAD") ?? "");
  }
  async list(folders) {
    const found = /* @__PURE__ */ new Set();
    for (const folder of folders) {
      const start = normalizeRepoPath(folder, { allowRoot: true });
      if (start === void 0) continue;
      await this.walk(start, found);
    }
    return [...found].sort();
  }
  async walk(folder, found) {
    let entries;
    try {
      entries = await readdir(join(this.dir, folder), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path3 = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!IGNORED_DIRS.has(entry.name)) await this.walk(path3, found);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        found.add(path3);
      }
    }
  }
  async read(path3) {
    const clean = normalizeRepoPath(path3);
    if (clean === void 0) return void 0;
    if (clean.split("/").some((part) => IGNORED_DIRS.has(part))) return void 0;
    try {
      return readFileSync(join(this.dir, clean), "utf8");
    } catch {
      return void 0;
    }
  }
};

// src/model/digest.ts
import { createHash as createHash2, hash as oneShotHash } from "node:crypto";
function canonicalJson(value) {
  return canonicalText(value);
}
function specDigest(spec, memo) {
  return textDigest(specText(spec, memo));
}
function specText(spec, memo) {
  return objectText(spec, memo, memo && SPEC_PARTS, "files");
}
var SPEC_PARTS = /* @__PURE__ */ new Set(["image", "features", "apps", "state", "health", "rollout", "scale"]);
function textDigest(text2) {
  return "sha256:" + (text2.length <= CHUNK ? oneShotHash("sha256", text2, "hex") : createHash2("sha256").update(text2).digest("hex"));
}
function canonicalText(value, memo) {
  return text(value, memo) ?? "null";
}
function canonicalDigest(value, memo) {
  return textDigest(canonicalText(value, memo));
}
function remember(value, memo, spec = false) {
  let known = memo.get(value);
  if (known === void 0) {
    known = flat(text(value, spec ? memo : void 0, spec ? SPEC_PARTS : void 0) ?? "null");
    memo.set(value, known);
  }
  return known;
}
function flat(text2) {
  text2.charCodeAt(text2.length >> 1);
  return text2;
}
var CHUNK = 64 * 1024;
function text(value, memo, parts) {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "object": {
      if (value === null) return "null";
      if (memo !== void 0) {
        const known = memo.get(value);
        if (known !== void 0) return known;
      }
      if (Array.isArray(value)) {
        if (value.length === 0) return "[]";
        let out = "[";
        for (let i = 0; i < value.length; i++) out += (i ? "," : "") + (text(value[i], memo, parts) ?? "null");
        return out + "]";
      }
      return objectText(value, memo, parts);
    }
    case "bigint":
      JSON.stringify(value);
      return void 0;
    default:
      return void 0;
  }
}
function objectText(value, memo, parts, skip) {
  const keys = Object.keys(value);
  if (keys.length === 0) return "{}";
  const shape = shapeOf(keys);
  const sorted = shape.sorted;
  let out = "";
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i];
    if (key === skip) continue;
    const member = value[key];
    let written;
    switch (typeof member) {
      case "string":
        written = JSON.stringify(member);
        break;
      case "number":
        written = Number.isFinite(member) ? String(member) : "null";
        break;
      case "object":
        written = parts !== void 0 && member !== null && parts.has(key) ? remember(member, memo) : text(member, memo, parts);
        break;
      default:
        written = text(member, memo, parts);
        if (written === void 0) continue;
    }
    out += (out === "" ? shape.open[i] : shape.next[i]) + written;
  }
  return out === "" ? "{}" : out + "}";
}
var shapes = /* @__PURE__ */ new Map();
var shapeCount = 0;
var MAX_SHAPES = 4096;
function shapeOf(keys) {
  const list = shapes.get(keys[0]);
  if (list !== void 0) {
    search: for (let s = 0; s < list.length; s++) {
      const known = list[s].keys;
      if (known.length !== keys.length) continue;
      for (let i = 1; i < keys.length; i++) if (known[i] !== keys[i]) continue search;
      return list[s];
    }
  }
  const sorted = keyOrder(keys.slice());
  const labels = sorted.map((key) => JSON.stringify(key) + ":");
  const shape = { keys, sorted, open: labels.map((l) => "{" + l), next: labels.map((l) => "," + l) };
  if (shapeCount < MAX_SHAPES) {
    shapeCount++;
    if (list === void 0) shapes.set(keys[0], [shape]);
    else list.push(shape);
  }
  return shape;
}
var ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;
function keyOrder(keys) {
  if (keys.length < 2) return keys;
  keys.sort();
  let indexes;
  for (const key of keys) {
    const c = key.charCodeAt(0);
    if (c >= 48 && c <= 57 && ARRAY_INDEX.test(key) && Number(key) < 4294967295) (indexes ??= []).push(key);
  }
  if (!indexes) return keys;
  const isIndex = new Set(indexes);
  return [...indexes.sort((a, b) => Number(a) - Number(b)), ...keys.filter((k) => !isIndex.has(k))];
}

// src/plan/classify.ts
function present(value) {
  return value === void 0 ? null : value;
}
function same(a, b) {
  if (a === b) return true;
  if (isJsonScalar(a) && isJsonScalar(b)) return false;
  if (Array.isArray(a) && Array.isArray(b) && a.every(isString) && b.every(isString)) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  return canonicalText(a) === canonicalText(b);
}
function isJsonScalar(value) {
  return typeof value === "string" || typeof value === "boolean" || typeof value === "number" && Number.isFinite(value);
}
function isString(value) {
  return typeof value === "string";
}
function reason(path3, from, to, action) {
  return { path: path3, from: present(from), to: present(to), action };
}
function mostDisruptive(actions) {
  let worst = "none";
  for (const action of actions) {
    if (action in DISRUPTION_ORDER && DISRUPTION_ORDER[action] > DISRUPTION_ORDER[worst]) {
      worst = action;
    }
  }
  return worst;
}
var NO_KEYS = [];
function changedKeys(a, b, differs) {
  const left = a ? Object.keys(a) : NO_KEYS;
  const right = b ? Object.keys(b) : NO_KEYS;
  let changed;
  for (let i = 0; i < left.length; i++) if (differs(left[i])) (changed ??= []).push(left[i]);
  let sameKeys = left.length === right.length;
  for (let i = 0; sameKeys && i < left.length; i++) sameKeys = left[i] === right[i];
  if (!sameKeys) {
    const inLeft = new Set(left);
    for (let i = 0; i < right.length; i++) if (!inLeft.has(right[i]) && differs(right[i])) (changed ??= []).push(right[i]);
  }
  return changed ? changed.sort() : NO_KEYS;
}
function stateDiskReasons(from, to, reasons) {
  const a = from.state;
  const b = to.state;
  if (!a && !b) return;
  if (a?.disk !== b?.disk) {
    const grows = b !== void 0 && (a === void 0 || b.disk > a.disk);
    reasons.push(reason("state.disk", a?.disk, b?.disk, grows ? "restart" : "none"));
  }
  if (a && b) {
    if (a.save !== b.save) reasons.push(reason("state.save", a.save, b.save, "none"));
    if (a.restore !== b.restore) reasons.push(reason("state.restore", a.restore, b.restore, "none"));
    if (a.onScaleIn !== b.onScaleIn) reasons.push(reason("state.onScaleIn", a.onScaleIn, b.onScaleIn, "none"));
  }
}
function classifyInstanceChange(from, to) {
  const reasons = [];
  if (from.image.box !== to.image.box) reasons.push(reason("image.box", from.image.box, to.image.box, "replace"));
  if (from.image.version !== to.image.version) {
    reasons.push(reason("image.version", from.image.version, to.image.version, "replace"));
  }
  if (from.target.provider !== to.target.provider) {
    reasons.push(reason("target.provider", from.target.provider, to.target.provider, "replace"));
  }
  if (from.target.runner !== to.target.runner) {
    reasons.push(reason("target.runner", from.target.runner, to.target.runner, "replace"));
  }
  const fromOptions = from.target.options;
  const toOptions = to.target.options;
  const options = changedKeys(fromOptions, toOptions, (key) => !same(fromOptions?.[key], toOptions?.[key]));
  for (let i = 0; i < options.length; i++) {
    const key = options[i];
    reasons.push(reason(`target.options.${key}`, fromOptions?.[key], toOptions?.[key], "replace"));
  }
  if (!same(from.target.ssh, to.target.ssh)) reasons.push(reason("target.ssh", from.target.ssh ?? null, to.target.ssh ?? null, "restart"));
  if (from.cpus !== to.cpus) reasons.push(reason("cpus", from.cpus, to.cpus, "restart"));
  if (from.memory !== to.memory) reasons.push(reason("memory", from.memory, to.memory, "restart"));
  stateDiskReasons(from, to, reasons);
  if (!same(from.features, to.features)) reasons.push(reason("features", from.features, to.features, "refresh"));
  const apps = changedKeys(from.apps, to.apps, (name) => {
    const a = from.apps[name];
    const b = to.apps[name];
    return !a || !b || a.version !== b.version || a.install !== b.install;
  });
  for (let i = 0; i < apps.length; i++) {
    const name = apps[i];
    const a = from.apps[name];
    const b = to.apps[name];
    if (!a || !b) {
      reasons.push(reason(`apps.${name}`, a, b, "refresh"));
      continue;
    }
    if (a.version !== b.version) reasons.push(reason(`apps.${name}.version`, a.version, b.version, "refresh"));
    if (a.install !== b.install) reasons.push(reason(`apps.${name}.install`, a.install, b.install, "refresh"));
  }
  const settings = changedKeys(from.settings, to.settings, (key) => from.settings[key] !== to.settings[key]);
  for (let i = 0; i < settings.length; i++) {
    const key = settings[i];
    reasons.push(reason(`settings.${key}`, from.settings[key], to.settings[key], "refresh"));
  }
  let action = "none";
  for (let i = 0; i < reasons.length; i++) action = moreDisruptive(action, reasons[i].action);
  return { action, reasons };
}
function moreDisruptive(worst, action) {
  return action in DISRUPTION_ORDER && DISRUPTION_ORDER[action] > DISRUPTION_ORDER[worst] ? action : worst;
}
function classifyTierPolicyChange(from, to) {
  const reasons = [];
  if (from.release !== to.release) reasons.push(reason("release", from.release, to.release, "none"));
  const a = from.tier;
  const b = to.tier;
  if (!a) return reasons;
  if (a.description !== b.description) reasons.push(reason("description", a.description, b.description, "none"));
  policyReasons("health", a.health, b.health, reasons);
  policyReasons("rollout", a.rollout, b.rollout, reasons);
  policyReasons("scale", a.scale, b.scale, reasons);
  return reasons;
}
function policyReasons(group, x, y, reasons) {
  if (x === y) return;
  const left = x;
  const right = y;
  const keys = changedKeys(left, right, (key) => !same(left?.[key], right?.[key]));
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    reasons.push(reason(`${group}.${key}`, left?.[key], right?.[key], "none"));
  }
}

// src/plan/build.ts
function rollingBack(record) {
  const last = record.history.at(-1);
  return last && (last.result === "in-progress" || last.result === "failed") && last.kind === "rollback" && last.pin ? last : void 0;
}
function currentServices(input) {
  const current = /* @__PURE__ */ new Map();
  for (const spec of input.standIn?.services ?? []) {
    const instances = [];
    for (let t = 0; t < spec.tiers.length; t++) {
      const tier = spec.tiers[t];
      for (let i = 1; i <= tier.count; i++) instances.push({ tier: tier.name, index: i, spec: tier.instance, status: "ready" });
    }
    current.set(spec.name, { source: "stand-in", spec, instances });
  }
  for (const [name, record] of Object.entries(input.recorded)) {
    current.set(name, {
      source: "recorded",
      spec: record.spec,
      instances: record.instances.map((inst) => ({
        tier: inst.tier,
        index: inst.index,
        spec: inst.spec,
        status: inst.status,
        ...inst.step ? { step: inst.step } : {}
      })),
      pin: record.pin,
      unfinished: record.history.at(-1)?.result === "in-progress",
      ...rollingBack(record) ? { rollingBack: rollingBack(record) } : {}
    });
  }
  return current;
}
function stateDigestOf(services) {
  return stateDigests(services).total;
}
function stateDigests(services, texts = /* @__PURE__ */ new WeakMap()) {
  const digests = /* @__PURE__ */ new WeakMap();
  const digestOfSpec = (spec, text2) => {
    let digest = digests.get(spec);
    if (digest === void 0) {
      digest = textDigest(text2());
      digests.set(spec, digest);
    }
    return digest;
  };
  const instanceDigest = (spec) => spec && typeof spec === "object" ? digestOfSpec(spec, () => remember(spec, texts, true)) : canonicalText(spec);
  const rank = tierRanks(services);
  const entryTexts = services.map(([name, s]) => {
    const sorted = inTierOrder(s.instances, rank);
    const runs = [];
    let run;
    let lastSpec;
    let specId = "";
    for (let n = 0; n < sorted.length; n++) {
      const i = sorted[n];
      if (n === 0 || i.spec !== lastSpec) specId = instanceDigest(lastSpec = i.spec);
      const step = i.step ? stepDigest(i.step) : void 0;
      if (run && run.tier === i.tier && run.spec === specId && run.status === i.status && run.step === step && run.last + 1 === i.index) {
        run.last = i.index;
      } else {
        run = { tier: i.tier, first: i.index, last: i.index, spec: specId, status: i.status };
        if (step) run.step = step;
        runs.push(run);
      }
    }
    const spec = s.spec && typeof s.spec === "object" ? digestOfSpec(s.spec, () => specText(s.spec, texts)) : null;
    return canonicalText({
      name,
      source: s.source,
      spec,
      instances: runs,
      pin: s.pin ? { deployment: s.pin.deployment, desiredDigest: s.pin.desiredDigest } : void 0
    });
  });
  const byService = {};
  services.forEach(([name], i) => byService[name] = textDigest(entryTexts[i]));
  return { total: textDigest("[" + entryTexts.join(",") + "]"), byService };
}
function tierRanks(services) {
  const names = /* @__PURE__ */ new Set();
  let last;
  for (let s = 0; s < services.length; s++) {
    const instances = services[s][1].instances;
    for (let i = 0; i < instances.length; i++) {
      const tier = instances[i].tier;
      if (tier !== last) names.add(last = tier);
    }
  }
  const collate = ![...names].every((name) => SCHEMA_TIER_NAME.test(name));
  const sorted = collate ? [...names].sort((a, b) => a.localeCompare(b)) : [...names].sort();
  const rank = /* @__PURE__ */ new Map();
  sorted.forEach((name, i) => rank.set(name, collate && i > 0 && sorted[i - 1].localeCompare(name) === 0 ? rank.get(sorted[i - 1]) : i));
  return rank;
}
var SCHEMA_TIER_NAME = /^[a-z][a-z0-9]{0,15}$/;
function inTierOrder(instances, rank) {
  const before = (a, b) => rank.get(a.tier) - rank.get(b.tier) || a.index - b.index;
  for (let i = 1; i < instances.length; i++) {
    if (before(instances[i - 1], instances[i]) > 0) return [...instances].sort(before);
  }
  return instances;
}
function stepDigest(step) {
  return canonicalDigest({ action: step.action, phase: step.phase, deployment: step.deployment, to: step.to ?? null, failed: step.failed ? true : false });
}
function locate(locator, file, path3) {
  for (let end = path3.length; end >= 0; end--) {
    try {
      return locator.locate(file, path3.slice(0, end));
    } catch {
    }
  }
  return { line: 1, column: 1 };
}
function diagnostic(f, file, path3, message) {
  return { file, ...locate(f.locator, file, path3), message };
}
function stateOnDestroy(inst, desiredTier) {
  if (!inst.spec.state) return void 0;
  const policy = desiredTier?.instance.state?.onScaleIn ?? inst.spec.state.onScaleIn;
  return policy === "delete" ? "deleted" : "kept";
}
function resumeReason(status, step) {
  const where = step.failed ? `${step.action} failed at ${step.phase}` : `${step.action} stopped at ${step.phase}`;
  return { path: "status", from: `${status}: ${where}`, to: "ready", action: step.action };
}
function resumeWarning(name, status, step) {
  const what = step.failed ? `failed at ${step.phase} (${firstLine2(step.failed.message)})` : `stopped at ${step.phase}`;
  return `${name}: its ${step.action} of deployment ${step.deployment} ${what}; this plan finishes it (instance ${status})`;
}
function resumedInstance(inst, step, desired, name, countReason, policyReasons2) {
  const resume = resumeReason(inst.status, step);
  const target = step.to;
  if (!target) return plannedInstance(name, inst.index, "create", [resume, countReason("create")]);
  const change = classifyInstanceChange(target, desired);
  const action = step.action === "create" ? "create" : mostDisruptive([step.action, change.action]);
  const state = action === "replace" && (inst.spec.state || target.state) ? "kept" : void 0;
  return plannedInstance(name, inst.index, action, [resume, ...change.reasons, ...policyReasons2], state);
}
function plannedInstance(name, index, action, reasons, state) {
  const entry = { name, index, action, reasons };
  if (state !== void 0) entry.state = state;
  return entry;
}
function firstLine2(text2) {
  return text2.split("\n")[0];
}
function planTier(service, tierName, current, desired, desiredTier, currentTier, existing, f) {
  const planned = [];
  const name = (n) => instanceName(service, tierName, n);
  const count = desiredTier?.count ?? 0;
  const countReason = (action) => ({ path: "count", from: existing.length, to: count, action });
  const policyReasons2 = desired && desiredTier && current ? classifyTierPolicyChange({ release: current.spec.release, tier: currentTier }, { release: desired.release, tier: desiredTier }) : [];
  let lastFrom;
  let lastChange;
  const changes = /* @__PURE__ */ new Map();
  const changeOf = (from, to) => {
    if (from === lastFrom) return lastChange;
    let change = changes.get(from);
    if (!change) {
      const classified = classifyInstanceChange(from, to);
      change = { action: classified.action, reasons: [...classified.reasons, ...policyReasons2] };
      changes.set(from, change);
    }
    lastFrom = from;
    lastChange = change;
    return change;
  };
  for (let i = 0; i < existing.length; i++) {
    const inst = existing[i];
    const step = inst.step;
    if (step) f.warnings.push(resumeWarning(name(inst.index), inst.status, step));
    if (!desiredTier || inst.index > count) {
      const reasons2 = step && step.action !== "destroy" ? [resumeReason(inst.status, step), countReason("destroy")] : [countReason("destroy")];
      planned.push(plannedInstance(name(inst.index), inst.index, "destroy", reasons2, stateOnDestroy(inst, desiredTier)));
      continue;
    }
    if (step) {
      planned.push(resumedInstance(inst, step, desiredTier.instance, name(inst.index), countReason, policyReasons2));
      continue;
    }
    const change = changeOf(inst.spec, desiredTier.instance);
    let action = change.action;
    let reasons = change.reasons;
    if (inst.status !== "ready") {
      reasons = [...reasons];
      f.warnings.push(`${name(inst.index)} is ${inst.status} after an earlier apply: this plan updates it again`);
      if (action === "none") {
        action = "refresh";
        reasons.unshift({ path: "status", from: inst.status, to: "ready", action: "refresh" });
      }
    }
    planned.push(plannedInstance(name(inst.index), inst.index, action, reasons, action === "replace" && inst.spec.state ? "kept" : void 0));
  }
  if (!holdsOneTo(existing, count)) {
    const taken = new Set(existing.map((i) => i.index));
    for (let n = 1; n <= count; n++) {
      if (!taken.has(n)) planned.push(plannedInstance(name(n), n, "create", [countReason("create")]));
    }
  }
  if (desired && desiredTier) refuse2(service, tierName, existing, desired, desiredTier, planned, f);
  if (!ascending(planned)) planned.sort((a, b) => a.index - b.index);
  const domainCount = desiredTier?.rollout.upgradeDomains ?? currentTier?.rollout.upgradeDomains ?? 1;
  const byDomain = /* @__PURE__ */ new Map();
  for (let i = 0; i < planned.length; i++) {
    const p = planned[i];
    const d = upgradeDomainOf(p.index, domainCount);
    let domain = byDomain.get(d);
    if (!domain) byDomain.set(d, domain = []);
    domain.push(p);
  }
  const domains = [...byDomain.entries()].sort((a, b) => a[0] - b[0]).map(([index, instances]) => ({ index, instances }));
  const order = desiredTier?.rollout.order ?? currentTier?.rollout.order ?? 0;
  return { tier: { name: tierName, order, domains }, instances: planned };
}
function holdsOneTo(existing, count) {
  if (existing.length < count) return false;
  for (let i = 0; i < count; i++) if (existing[i].index !== i + 1) return false;
  return true;
}
function ascending(instances) {
  for (let i = 1; i < instances.length; i++) if (!(instances[i - 1].index <= instances[i].index)) return false;
  return true;
}
function refuse2(service, tierName, existing, desired, desiredTier, planned, f) {
  const file = desired.files.template;
  const diskOf = (i) => Math.max(i.spec.state?.disk ?? 0, i.step?.to?.state?.disk ?? 0);
  const kept = existing.filter((i) => i.index <= desiredTier.count && diskOf(i) > 0);
  const largest = Math.max(0, ...kept.map(diskOf));
  const wanted = desiredTier.instance.state;
  if (kept.length > 0 && !wanted) {
    f.errors.push(
      diagnostic(
        f,
        file,
        ["tiers", tierName, "state"],
        `tier ${tierName} of service ${service} removes the state disk (${largest} GiB) that ${kept.length} instance(s) keep their app state on; svcplan never drops app state as a side effect: keep the state section, or scale the tier in with state.onScaleIn: delete first if the data may go`
      )
    );
  } else if (wanted && kept.length > 0 && wanted.disk < largest) {
    f.errors.push(
      diagnostic(
        f,
        file,
        ["tiers", tierName, "state", "disk"],
        `tier ${tierName} of service ${service} shrinks its state disk from ${largest} GiB to ${wanted.disk} GiB; a disk cannot shrink without losing app state: set state.disk to ${largest} or more`
      )
    );
  }
  const cap = desiredTier.rollout.maxDisruption;
  const over = planned.filter((p) => p.action in DISRUPTION_ORDER && DISRUPTION_ORDER[p.action] > DISRUPTION_ORDER[cap]);
  if (over.length === 0) return;
  const worst = over.reduce((w, p) => DISRUPTION_ORDER[p.action] > DISRUPTION_ORDER[w] ? p.action : w, cap);
  const paths = [
    ...new Set(
      over.flatMap(
        (p) => p.reasons.filter((r) => r.action in DISRUPTION_ORDER && DISRUPTION_ORDER[r.action] > DISRUPTION_ORDER[cap]).map((r) => r.path)
      )
    )
  ].sort();
  f.errors.push(
    diagnostic(
      f,
      file,
      ["tiers", tierName, "rollout", "maxDisruption"],
      `tier ${tierName} of service ${service} allows at most ${cap} (rollout.maxDisruption) but ${over.length} instance(s) need ${worst}, forced by ${paths.join(", ")}: raise rollout.maxDisruption to ${worst}, or split the change so that each step stays within ${cap}`
    )
  );
}
function planService(name, current, desired, f) {
  const desiredTiers = tiersByName(desired);
  const currentTiers = tiersByName(current?.spec);
  const existing = /* @__PURE__ */ new Map();
  const instances = current?.instances ?? [];
  for (let i = 0; i < instances.length; i++) {
    const inst = instances[i];
    let list = existing.get(inst.tier);
    if (!list) existing.set(inst.tier, list = []);
    list.push(inst);
  }
  for (const list of existing.values()) if (!ascending(list)) list.sort((a, b) => a.index - b.index);
  const orderOf = (tier) => desiredTiers.get(tier)?.rollout.order ?? currentTiers.get(tier)?.rollout.order ?? 0;
  const tierNames = [.../* @__PURE__ */ new Set([...desiredTiers.keys(), ...existing.keys()])].sort((a, b) => orderOf(a) - orderOf(b) || a.localeCompare(b));
  const tiers = [];
  let changed = false;
  for (const tierName of tierNames) {
    const planned = planTier(name, tierName, current, desired, desiredTiers.get(tierName), currentTiers.get(tierName), existing.get(tierName) ?? [], f);
    if (planned.instances.length === 0) continue;
    if (!changed && planned.instances.some((i) => i.reasons.length > 0)) changed = true;
    tiers.push(planned.tier);
  }
  if (!changed && current?.unfinished) {
    f.warnings.push(`service ${name}: its last deployment stopped before it was recorded as finished; applying this plan finishes it`);
    changed = true;
  }
  if (!changed) return void 0;
  const service = { name, template: desired?.template ?? current.spec.template, tiers };
  const runner = desired ? desired.target.runner : current?.spec.target.runner;
  if (runner !== void 0) service.runner = runner;
  return service;
}
function tiersByName(spec) {
  const tiers = /* @__PURE__ */ new Map();
  for (const tier of spec?.tiers ?? []) if (!tiers.has(tier.name)) tiers.set(tier.name, tier);
  return tiers;
}
function planDigestOf(doc, desired = {}, specs = /* @__PURE__ */ new WeakMap()) {
  const memo = /* @__PURE__ */ new WeakMap();
  const services = doc.services ? servicesText(doc.services, memo) : void 0;
  if (services !== void 0) {
    memo.set(doc.services, services);
  } else {
    for (const service of doc.services ?? []) {
      for (const tier of service.tiers ?? []) {
        for (const domain of tier.domains ?? []) {
          for (const instance of domain.instances ?? []) {
            if (!instance || typeof instance !== "object") continue;
            const text2 = instanceText(instance, memo);
            if (text2 !== void 0) memo.set(instance, text2);
          }
        }
      }
    }
  }
  return canonicalDigest(
    {
      state_digest: doc.state_digest,
      summary: doc.summary,
      services: doc.services,
      warnings: doc.warnings,
      errors: doc.errors,
      desired: Object.fromEntries(
        Object.keys(desired).sort().map((name) => [name, desired[name] ? specDigest(desired[name], specs) : null])
      )
    },
    memo
  );
}
var INSTANCE_KEYS = /* @__PURE__ */ new Set(["name", "index", "action", "state", "reasons"]);
function instanceText(instance, memo) {
  const { name, action, state, reasons } = instance;
  if (typeof name !== "string" || typeof action !== "string" || state !== void 0 && typeof state !== "string" || !Array.isArray(reasons)) return void 0;
  for (const key in instance) if (!INSTANCE_KEYS.has(key)) return void 0;
  return `{"action":${JSON.stringify(action)},"name":${JSON.stringify(name)},"reasons":${reasonsText(reasons, memo)}${state === void 0 ? "" : `,"state":${JSON.stringify(state)}`}}`;
}
function reasonsText(reasons, memo) {
  let list = memo.get(reasons);
  if (list === void 0) {
    for (const reason2 of reasons) if (reason2 && typeof reason2 === "object") remember(reason2, memo);
    list = remember(reasons, memo);
  }
  return list;
}
var SERVICE_KEYS = /* @__PURE__ */ new Set(["name", "template", "runner", "tiers"]);
var TIER_KEYS = /* @__PURE__ */ new Set(["name", "order", "domains"]);
var DOMAIN_KEYS = /* @__PURE__ */ new Set(["index", "instances"]);
function hasOnly(value, keys) {
  for (const key in value) if (!keys.has(key) || !Object.prototype.hasOwnProperty.call(value, key)) return false;
  return true;
}
var USUAL_INSTANCE_KEYS = ["name", "index", "action", "reasons", "state"];
function instanceKeys(instance) {
  let k = 0;
  for (const key in instance) {
    if (key !== USUAL_INSTANCE_KEYS[k++]) {
      for (const other in instance) if (!INSTANCE_KEYS.has(other)) return false;
      return true;
    }
  }
  return true;
}
function plainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function numberText(n) {
  return Number.isFinite(n) ? String(n) : "null";
}
function servicesText(services, memo) {
  if (!Array.isArray(services)) return void 0;
  const shells = /* @__PURE__ */ new Map();
  const parts = ["["];
  for (let s = 0; s < services.length; s++) {
    const service = services[s];
    if (!plainObject(service) || !hasOnly(service, SERVICE_KEYS)) return void 0;
    const { name, template, runner, tiers } = service;
    if (typeof name !== "string" || typeof template !== "string" || runner !== void 0 && typeof runner !== "string" || !Array.isArray(tiers))
      return void 0;
    parts.push(
      `${s ? "," : ""}{"name":${JSON.stringify(name)},${runner === void 0 ? "" : `"runner":${JSON.stringify(runner)},`}"template":${JSON.stringify(template)},"tiers":[`
    );
    for (let t = 0; t < tiers.length; t++) {
      const tier = tiers[t];
      if (!plainObject(tier) || !hasOnly(tier, TIER_KEYS)) return void 0;
      const { name: tierName, order, domains } = tier;
      if (typeof tierName !== "string" || typeof order !== "number" || !Array.isArray(domains)) return void 0;
      parts.push(t ? ',{"domains":[' : '{"domains":[');
      for (let d = 0; d < domains.length; d++) {
        const domain = domains[d];
        if (!plainObject(domain) || !hasOnly(domain, DOMAIN_KEYS)) return void 0;
        const { index, instances } = domain;
        if (typeof index !== "number" || !Array.isArray(instances)) return void 0;
        parts.push(`${d ? "," : ""}{"index":${numberText(index)},"instances":[`);
        for (let i = 0; i < instances.length; i++) {
          const instance = instances[i];
          if (!plainObject(instance) || !instanceKeys(instance)) return void 0;
          const { name: instanceName2, action, state, reasons } = instance;
          if (typeof instanceName2 !== "string" || typeof action !== "string" || state !== void 0 && typeof state !== "string" || !Array.isArray(reasons))
            return void 0;
          let shell = shells.get(reasons);
          if (shell === void 0 || shell.action !== action || shell.state !== state) {
            shell = {
              action,
              state,
              before: `{"action":${JSON.stringify(action)},"name":`,
              after: `,"reasons":${reasonsText(reasons, memo)}${state === void 0 ? "" : `,"state":${JSON.stringify(state)}`}}`
            };
            shells.set(reasons, shell);
          }
          parts.push((i ? "," : "") + shell.before + JSON.stringify(instanceName2) + shell.after);
        }
        parts.push("]}");
      }
      parts.push(`],"name":${JSON.stringify(tierName)},"order":${numberText(order)}}`);
    }
    parts.push("]}");
  }
  parts.push("]");
  return parts.join("");
}
function currentStateDigest(input) {
  const current = currentServices(input);
  const wanted = input.services ? new Set(input.services) : void 0;
  const names = [...current.keys()].filter((n) => !wanted || wanted.has(n)).sort();
  return stateDigestOf(names.map((n) => [n, current.get(n)]));
}
function refusedPlan(input) {
  const state_digest = currentStateDigest(input);
  const summary = emptySummary();
  const document = {
    format_version: 1,
    base: input.base,
    head: input.head,
    state_digest,
    plan_digest: "",
    summary,
    services: [],
    warnings: input.warnings,
    errors: input.errors
  };
  document.plan_digest = planDigestOf(document);
  return { document, desired: {} };
}
function withWarnings(plan, warnings) {
  const document = { ...plan.document, warnings: [...warnings, ...plan.document.warnings] };
  document.plan_digest = planDigestOf(document, plan.desired);
  return { ...plan, document };
}
function buildPlan(input) {
  const desiredByName = new Map(input.desired.services.map((s) => [s.name, s]));
  const current = currentServices(input);
  const f = { warnings: [], errors: [], locator: input.desired.locator };
  let names = [.../* @__PURE__ */ new Set([...desiredByName.keys(), ...current.keys()])].sort();
  if (input.services) {
    const wanted = new Set(input.services);
    for (const s of [...wanted].sort()) {
      if (!names.includes(s)) f.warnings.push(`service ${s} is neither in the templates repository nor recorded: nothing to plan for it`);
    }
    names = names.filter((n) => wanted.has(n));
  }
  const services = [];
  const desired = {};
  const finishing = {};
  for (const name of names) {
    let spec = desiredByName.get(name);
    const now = current.get(name);
    const pin = now?.pin;
    const rollback = now?.rollingBack;
    if (rollback && spec && specDigest(spec) === rollback.pin.desiredDigest) {
      f.warnings.push(
        `service ${name}: its rollback (deployment ${rollback.id}) ${rollback.result === "failed" ? "failed" : "stopped before it finished"}; this plan finishes it, and pins the service there`
      );
      spec = rollback.spec;
      finishing[name] = {
        rollback: {
          ...rollback.rollbackOf !== void 0 ? { of: rollback.rollbackOf } : {},
          desiredDigest: rollback.pin.desiredDigest,
          release: rollback.revision.release
        },
        revision: { commit: rollback.revision.commit, ref: rollback.revision.ref }
      };
    } else if (pin && spec) {
      if (specDigest(spec) === pin.desiredDigest) {
        f.warnings.push(
          `service ${name} is pinned to deployment ${pin.deployment} by a rollback: it stays as recorded until a change to its template or service file`
        );
        continue;
      }
      f.warnings.push(
        `service ${name} was pinned to deployment ${pin.deployment} by a rollback; its template or service file changed since, so the pin no longer applies`
      );
    }
    if (now?.source === "stand-in" && spec) {
      f.warnings.push(
        `service ${name} has nothing recorded: planned as if the base revision were deployed (a what-if); an apply creates its instances instead`
      );
    }
    const planned = planService(name, now, spec, f);
    if (!planned) continue;
    services.push(planned);
    desired[name] = spec;
  }
  if (Object.keys(input.recorded).length === 0 && !input.standIn && services.length > 0) {
    f.warnings.push("nothing is recorded yet, so every instance is created; if VMs already run a service, `svcplan import SERVICE` records them first");
  }
  const summary = emptySummary();
  for (let s = 0; s < services.length; s++) {
    const tiers = services[s].tiers;
    for (let t = 0; t < tiers.length; t++) {
      const domains = tiers[t].domains;
      for (let d = 0; d < domains.length; d++) {
        const instances = domains[d].instances;
        for (let i = 0; i < instances.length; i++) summary[instances[i].action]++;
      }
    }
  }
  const specs = /* @__PURE__ */ new WeakMap();
  const states = stateDigests(
    names.filter((n) => current.has(n)).map((n) => [n, current.get(n)]),
    specs
  );
  const state_digest = states.total;
  const plan_digest = planDigestOf({ state_digest, summary, services, warnings: f.warnings, errors: f.errors }, desired, specs);
  const serviceStates = Object.fromEntries(services.map((s) => [s.name, states.byService[s.name] ?? null]));
  return {
    document: {
      format_version: 1,
      base: input.base,
      head: input.desired.revision,
      state_digest,
      plan_digest,
      summary,
      services,
      warnings: f.warnings,
      errors: f.errors
    },
    desired,
    locator: input.desired.locator,
    serviceStates,
    ...Object.keys(finishing).length > 0 ? { finishing } : {}
  };
}

// src/plan/runners.ts
var DEFAULT_RUNNER_LABEL = "default";
function runnerLabelOf(service) {
  return service.runner ?? DEFAULT_RUNNER_LABEL;
}

// src/render/words.ts
var SYMBOL = {
  create: "+",
  refresh: "~",
  restart: "~",
  replace: "-/+",
  destroy: "-",
  none: " "
};
function actionLabel(instance) {
  const state = instance.state ? `, state disk ${instance.state}` : "";
  switch (instance.action) {
    case "create":
      return "create";
    case "refresh":
      return "update in place";
    case "restart":
      return "update in place (restart)";
    case "replace":
      return `replace${state}`;
    case "destroy":
      return `destroy${state}`;
    case "none":
      return "no change";
  }
}
function reasonNote(r) {
  switch (r.action) {
    case "replace":
      return "forces replacement";
    case "restart":
      return "restart";
    case "none":
      return r.path === "count" ? "" : "used by the next rollout";
    default:
      return "";
  }
}
var MAX_VALUE = 160;
function valueText(value) {
  if (value === null || value === void 0) return "(none)";
  if (value === "") return '""';
  const text2 = typeof value === "string" ? value : JSON.stringify(value);
  return text2.length > MAX_VALUE ? text2.slice(0, MAX_VALUE - 1) + "\u2026" : text2;
}
function summarySentence(summary, stateKept) {
  const inPlace = summary.refresh + summary.restart;
  if (summary.create + inPlace + summary.replace + summary.destroy === 0) return "No changes to any VM.";
  const restart = summary.restart > 0 ? ` (${summary.restart} with restart)` : "";
  const kept = stateKept ? " (state kept)" : "";
  return `Plan: ${summary.create} to create, ${inPlace} to update in place${restart}, ${summary.replace} to replace${kept}, ${summary.destroy} to destroy.`;
}
function* instancesOf(service) {
  for (const t of service.tiers) for (const d of t.domains) yield* d.instances;
}
function serviceSummary(service) {
  const summary = emptySummary();
  for (const i of instancesOf(service)) summary[i.action]++;
  return summary;
}
function anyReplaceKeepsState(plan) {
  return plan.services.some((s) => [...instancesOf(s)].some((i) => i.action === "replace" && i.state === "kept"));
}
function countsPhrase(summary) {
  const parts = [];
  if (summary.create) parts.push(`${summary.create} to create`);
  if (summary.refresh + summary.restart) {
    const restart = summary.restart ? ` (${summary.restart} with restart)` : "";
    parts.push(`${summary.refresh + summary.restart} to update in place${restart}`);
  }
  if (summary.replace) parts.push(`${summary.replace} to replace`);
  if (summary.destroy) parts.push(`${summary.destroy} to destroy`);
  if (summary.none) parts.push(`${summary.none} unchanged`);
  return parts.join(", ");
}
function shortCommit(commit) {
  return commit ? commit.slice(0, 7) : "(no commit)";
}
function revisionLabel(revision) {
  if (revision.commit) return `${revision.ref} (${shortCommit(revision.commit)})`;
  return revision.ref === "STATE" ? "recorded state" : `${revision.ref} (no commit)`;
}

// src/render/markdown.ts
var PLAN_COMMENT_MARKER = "<!-- svcplan:plan -->";
var GITHUB_COMMENT_LIMIT = 65536;
var SMALLEST_LIMIT = 2e3;
var ENTITIES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "|": "&#124;",
  "`": "&#96;",
  "\\": "&#92;",
  "*": "&#42;",
  _: "&#95;",
  "[": "&#91;",
  "]": "&#93;",
  "~": "&#126;",
  "@": "&#64;",
  "#": "&#35;"
};
function escapeMarkdown(text2) {
  return text2.replace(/\r\n?|\n/g, "\n").replace(/[&<>|`\\*_[\]~@#]/g, (c) => ENTITIES[c]).replace(/\n/g, "<br>").replace(/[\u0000-\u001f\u007f-\u009f]/g, " ");
}
function clip(text2, max) {
  return text2.length > max ? text2.slice(0, max - 1) + "\u2026" : text2;
}
function escapeClipped(text2, max) {
  const escaped = escapeMarkdown(text2);
  if (escaped.length <= max) return escaped;
  return escaped.slice(0, max - 1).replace(/&[#a-z0-9]*$|<[a-z]*$/i, "") + "\u2026";
}
function reasonText(r) {
  const note = reasonNote(r);
  return escapeMarkdown(`${r.path}: ${valueText(r.from)} \u2192 ${valueText(r.to)}${note ? ` (${note})` : ""}`);
}
function reasonsCell(reasons) {
  return reasons.map(reasonText).join("<br>");
}
function actionCell(i) {
  return `${SYMBOL[i.action].trim() ? `\`${SYMBOL[i.action]}\` ` : ""}${actionLabel(i)}`;
}
function domainList(indexes) {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i + 1 ? `${sorted[i]}\u2013${sorted[j]}` : j === i + 1 ? `${sorted[i]}, ${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return parts.join(", ");
}
function instanceNumber(name) {
  return Number(/-(\d+)$/.exec(name)?.[1] ?? 0);
}
var TABLE_HEAD = "| instance | domain | action | reasons |\n|---|---:|---|---|";
function tierRows(tier, detail) {
  const rows = [];
  const flat2 = tier.domains.flatMap((d) => d.instances.map((instance) => ({ instance, domain: d.index })));
  const unchanged = detail >= 1 /* UnchangedCollapsed */ ? flat2.filter((f) => f.instance.action === "none") : [];
  const shown2 = detail >= 1 /* UnchangedCollapsed */ ? flat2.filter((f) => f.instance.action !== "none") : flat2;
  if (detail >= 2 /* Grouped */) {
    const groups = /* @__PURE__ */ new Map();
    for (const f of shown2) {
      const key = JSON.stringify([f.instance.action, f.instance.state ?? "", f.instance.reasons]);
      const group = groups.get(key);
      if (group) group.instances.push({ name: f.instance.name, domain: f.domain });
      else groups.set(key, { instances: [{ name: f.instance.name, domain: f.domain }], instance: f.instance });
    }
    for (const g of groups.values()) {
      const n = g.instances.length;
      const byNumber = [...g.instances].sort((a, b) => instanceNumber(a.name) - instanceNumber(b.name));
      const names = n === 1 ? byNumber[0].name : `${byNumber[0].name} \u2026 ${byNumber[n - 1].name} (${n} instances)`;
      rows.push(
        `| ${escapeMarkdown(names)} | ${domainList(g.instances.map((i) => i.domain))} | ${actionCell(g.instance)} | ${reasonsCell(g.instance.reasons)} |`
      );
    }
  } else {
    for (const f of shown2) {
      rows.push(`| ${escapeMarkdown(f.instance.name)} | ${f.domain} | ${actionCell(f.instance)} | ${reasonsCell(f.instance.reasons)} |`);
    }
  }
  if (unchanged.length > 0) {
    const paths = [...new Set(unchanged.flatMap((f) => f.instance.reasons.map((r) => r.path)))].sort();
    const why = paths.length ? escapeMarkdown(`changed for the next rollout: ${clip(paths.join(", "), 400)}`) : "";
    rows.push(
      `| ${unchanged.length} unchanged instance${unchanged.length === 1 ? "" : "s"} | ${domainList(unchanged.map((f) => f.domain))} | no change | ${why} |`
    );
  }
  return rows;
}
function serviceTitle(service) {
  const runner = service.runner ? `, runner ${escapeMarkdown(service.runner)}` : "";
  return `<b>${escapeMarkdown(service.name)}</b> (template ${escapeMarkdown(service.template)}${runner}): ${countsPhrase(serviceSummary(service))}`;
}
function renderService(service, detail) {
  if (detail === 3 /* OneLine */) return `- ${serviceTitle(service)}`;
  const parts = [`<details><summary>${serviceTitle(service)}</summary>`, ""];
  for (const tier of service.tiers) {
    parts.push(`**tier ${escapeMarkdown(tier.name)}** (order ${tier.order})`, "", TABLE_HEAD, ...tierRows(tier, detail), "");
  }
  parts.push("</details>");
  return parts.join("\n");
}
function countsTable(plan) {
  const s = plan.summary;
  const kept = anyReplaceKeepsState(plan) ? " (state kept)" : "";
  return [
    `| to create | to update in place | of which restart | to replace${kept} | to destroy | unchanged |`,
    "|---:|---:|---:|---:|---:|---:|",
    `| ${s.create} | ${s.refresh + s.restart} | ${s.restart} | ${s.replace} | ${s.destroy} | ${s.none} |`
  ].join("\n");
}
function messageList(title, lines, limit, noun) {
  if (lines.length === 0) return "";
  const shown2 = lines.slice(0, limit).map((l) => `- ${escapeClipped(l, limit === Infinity ? 4e3 : 600)}`);
  const more = lines.length - shown2.length;
  if (more > 0) shown2.push(`- \u2026 and ${more} more ${noun}${more === 1 ? "" : "s"} (run \`svcplan plan\` to see all)`);
  return [title, "", ...shown2].join("\n");
}
function messages(plan, limit) {
  const errors = plan.errors.map((e) => formatDiagnostic(e));
  const blocks = [
    errors.length ? messageList(
      `**Plan refused**: ${errors.length} error${errors.length === 1 ? "" : "s"}; nothing will be applied until ${errors.length === 1 ? "it is" : "they are"} fixed.`,
      errors,
      limit,
      "error"
    ) : "",
    messageList("**Warnings**", plan.warnings, limit, "warning")
  ];
  return blocks.filter(Boolean);
}
var RUNNER_DIGESTS_MARKER = "<!-- svcplan:runner-digests ";
function renderMarkdown(plan, opts = {}) {
  const maxLength = opts.maxLength ?? GITHUB_COMMENT_LIMIT;
  if (maxLength < SMALLEST_LIMIT) throw new RangeError(`maxLength must be at least ${SMALLEST_LIMIT} characters, got ${maxLength}`);
  const digests = opts.runnerDigests && Object.keys(opts.runnerDigests).length > 0 ? (
    // JSON of labels and digests; `--` cannot end the comment early (labels are escaped).
    [`${RUNNER_DIGESTS_MARKER}${JSON.stringify(opts.runnerDigests).replace(/-->/g, "--\\u003e")} -->`]
  ) : [];
  const header = [
    PLAN_COMMENT_MARKER,
    ...digests,
    `### ${escapeClipped(opts.title ?? "svcplan plan", 200)}`,
    `base ${escapeClipped(revisionLabel(plan.base), 130)} \u2192 head ${escapeClipped(revisionLabel(plan.head), 130)}`,
    "",
    countsTable(plan),
    "",
    `**${summarySentence(plan.summary, anyReplaceKeepsState(plan))}** Plan digest: \`${plan.plan_digest}\``
  ].join("\n");
  const services = plan.services;
  const detail = services.map(() => 0 /* EveryInstance */);
  const rendered = services.map((s) => renderService(s, 0 /* EveryInstance */));
  let messageLimit = Infinity;
  let messageBlocks = messages(plan, messageLimit);
  const SEP = 2;
  const lengthOf = (blocks) => blocks.reduce((n, b) => n + b.length + SEP, 0);
  let serviceLength = lengthOf(rendered);
  const total = () => header.length + lengthOf(messageBlocks) + serviceLength;
  const fits = () => total() <= maxLength;
  const demote = (to) => {
    const order = services.map((_, i) => i).sort((a, b) => rendered[b].length - rendered[a].length);
    for (const i of order) {
      if (fits()) return;
      if (detail[i] >= to) continue;
      const next = renderService(services[i], to);
      serviceLength += next.length - rendered[i].length;
      rendered[i] = next;
      detail[i] = to;
    }
  };
  const limitMessages = (limit) => {
    if (fits()) return;
    messageLimit = limit;
    messageBlocks = messages(plan, messageLimit);
  };
  demote(1 /* UnchangedCollapsed */);
  demote(2 /* Grouped */);
  limitMessages(20);
  demote(3 /* OneLine */);
  limitMessages(5);
  let body = rendered;
  if (!fits()) {
    const room = maxLength - header.length - lengthOf(messageBlocks) - 200;
    body = [];
    let used = 0;
    for (const block of rendered) {
      if (used + block.length + SEP > room) break;
      body.push(block);
      used += block.length + SEP;
    }
    const left = services.length - body.length;
    body.push(`- \u2026 and ${left} more service${left === 1 ? "" : "s"}: run \`svcplan plan --format json\` for every instance`);
  }
  if (header.length + lengthOf(messageBlocks) + lengthOf(body) > maxLength) {
    messageBlocks = messages(plan, 0);
  }
  const comment = [header, ...messageBlocks, ...body].join("\n\n");
  if (comment.length > maxLength) throw new Error(`plan comment is ${comment.length} characters, over ${maxLength}`);
  return comment;
}

// src/state/lease.ts
import { hostname } from "node:os";
function checkServiceName(name) {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || name.includes("..")) {
    throw new Error(`invalid service name ${JSON.stringify(name)}: use letters, digits, '.', '_' and '-'`);
  }
}
function newLease(service, owner, ttlSeconds, now = Date.now()) {
  return {
    service,
    owner,
    expiresAt: new Date(now + ttlSeconds * 1e3).toISOString(),
    holder: { host: hostname(), pid: process.pid }
  };
}
function sameLease(a, b) {
  return a.service === b.service && a.owner === b.owner && a.expiresAt === b.expiresAt && a.holder?.host === b.holder?.host && a.holder?.pid === b.holder?.pid;
}
function isLeaseStale(lease, now = Date.now()) {
  return leaseStaleness(lease, now) !== void 0;
}
function leaseStaleness(lease, now = Date.now()) {
  const expires = Date.parse(lease.expiresAt);
  if (!Number.isFinite(expires) || expires <= now) return `it expired at ${lease.expiresAt}`;
  if (lease.holder && lease.holder.host === hostname() && !processAlive(lease.holder.pid)) {
    return `its process (pid ${lease.holder.pid} on this host) is gone`;
  }
  return void 0;
}
function processAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
function parseLease(text2, where) {
  let value;
  try {
    value = JSON.parse(text2);
  } catch (err) {
    throw new DamagedRecordError(where, `lease file is not valid JSON (${err.message})`, "Delete it if no apply is running");
  }
  const l = value;
  if (!l || typeof l.service !== "string" || typeof l.owner !== "string" || typeof l.expiresAt !== "string") {
    throw new DamagedRecordError(where, "lease file lacks service, owner or expiresAt", "Delete it if no apply is running");
  }
  return l;
}

// src/state/memory.ts
var MemoryStateStore = class {
  kind;
  records = /* @__PURE__ */ new Map();
  leases = /* @__PURE__ */ new Map();
  /** Every write, in order, with its message. */
  writes = [];
  constructor(initial = {}, kind = "local") {
    this.kind = kind;
    for (const record of Object.values(initial)) this.records.set(record.name, JSON.stringify(record));
  }
  async read() {
    const out = {};
    for (const name of [...this.records.keys()].sort()) out[name] = JSON.parse(this.records.get(name));
    return out;
  }
  async readService(name) {
    const text2 = this.records.get(name);
    return text2 === void 0 ? void 0 : JSON.parse(text2);
  }
  async writeService(record, message) {
    this.records.set(record.name, JSON.stringify(record));
    this.writes.push({ service: record.name, message });
  }
  async acquireLease(service, owner, ttlSeconds) {
    const current = this.leases.get(service);
    if (current && !isLeaseStale(current)) throw new LeaseHeldError(current);
    const lease = newLease(service, owner, ttlSeconds);
    this.leases.set(service, lease);
    return lease;
  }
  async renewLease(lease, ttlSeconds) {
    const current = this.leases.get(lease.service);
    if (!current || !sameLease(current, lease)) throw new LeaseLostError(lease, current);
    const renewed = newLease(lease.service, lease.owner, ttlSeconds);
    this.leases.set(lease.service, renewed);
    return renewed;
  }
  async releaseLease(lease) {
    const current = this.leases.get(lease.service);
    if (current && sameLease(current, lease)) this.leases.delete(lease.service);
  }
  async readLease(service) {
    return this.leases.get(service);
  }
  /** For tests: put a lease in place as if another caller held it. */
  setLease(lease) {
    this.leases.set(lease.service, lease);
  }
};

// src/state/git-store.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
var DEFAULT_STATE_BRANCH = "svcplan-state";
var DRIFT_REPORTS_FOLDER = "drift";
var GitStateStore = class {
  constructor(repoDir, opts = {}) {
    this.repoDir = repoDir;
    this.git = new Git(repoDir);
    this.branch = opts.branch ?? DEFAULT_STATE_BRANCH;
    this.remote = opts.remote;
    this.maxAttempts = opts.maxAttempts ?? 12;
  }
  repoDir;
  kind = "git";
  branch;
  git;
  remote;
  maxAttempts;
  identityEnv;
  /** The tip we last saw; writes build on it first and fetch only when the push is refused. */
  knownTip;
  /**
   * Fetches and publishes of this store, one at a time: the services of one run (and a lease
   * renewal beside them) share the remote-tracking ref, and two git processes updating it at
   * once fail with "cannot lock ref". Other processes are kept apart by compare-and-swap.
   */
  refQueue = Promise.resolve();
  async read() {
    const snap = await this.snapshot(await this.fetchTip());
    const state = {};
    for (const file of [...snap.files.keys()].sort()) {
      if (file.includes("/") || !file.endsWith(".json")) continue;
      const record = parseRecord(await snap.read(file), this.where(file));
      state[record.name] = record;
    }
    return state;
  }
  async readService(name) {
    checkServiceName(name);
    const snap = await this.snapshot(await this.fetchTip());
    const text2 = await snap.read(`${name}.json`);
    return text2 === void 0 ? void 0 : parseRecord(text2, this.where(`${name}.json`));
  }
  async writeService(record, message) {
    checkServiceName(record.name);
    await this.update(message, async () => /* @__PURE__ */ new Map([[`${record.name}.json`, serializeRecord(record)]]));
  }
  async acquireLease(service, owner, ttlSeconds) {
    checkServiceName(service);
    const file = `leases/${service}.json`;
    let lease;
    await this.update(`${service}: lease taken by ${owner}`, async (snap) => {
      const text2 = await snap.read(file);
      if (text2 !== void 0) {
        const current = parseLease(text2, this.where(file));
        if (!isLeaseStale(current)) throw new LeaseHeldError(current);
      }
      lease = newLease(service, owner, ttlSeconds);
      return /* @__PURE__ */ new Map([[file, JSON.stringify(lease, null, 2) + "\n"]]);
    });
    return lease;
  }
  async renewLease(lease, ttlSeconds) {
    const file = `leases/${lease.service}.json`;
    let renewed;
    await this.update(`${lease.service}: lease renewed by ${lease.owner}`, async (snap) => {
      const text2 = await snap.read(file);
      const current = text2 === void 0 ? void 0 : parseLease(text2, this.where(file));
      if (!current || !sameLease(current, lease)) throw new LeaseLostError(lease, current);
      renewed = newLease(lease.service, lease.owner, ttlSeconds);
      return /* @__PURE__ */ new Map([[file, JSON.stringify(renewed, null, 2) + "\n"]]);
    });
    return renewed;
  }
  /** The lease on a service, if any (shown by `svcplan status`). */
  async readLease(service) {
    checkServiceName(service);
    const file = `leases/${service}.json`;
    const text2 = await (await this.snapshot(await this.fetchTip())).read(file);
    return text2 === void 0 ? void 0 : parseLease(text2, this.where(file));
  }
  async releaseLease(lease) {
    const file = `leases/${lease.service}.json`;
    await this.update(`${lease.service}: lease released by ${lease.owner}`, async (snap) => {
      const text2 = await snap.read(file);
      if (text2 === void 0 || !sameLease(parseLease(text2, this.where(file)), lease)) return /* @__PURE__ */ new Map();
      return /* @__PURE__ */ new Map([[file, null]]);
    });
  }
  /**
   * Records the last drift report of each service given (service → its JSON text) as
   * `drift/<service>.json`, all in one commit, so the app can show them without reaching a
   * hypervisor. Service records and leases are not touched; `read()` does not see these files.
   */
  async writeDriftReports(reports, message) {
    const files = /* @__PURE__ */ new Map();
    for (const [service, text2] of Object.entries(reports)) {
      checkServiceName(service);
      files.set(`${DRIFT_REPORTS_FOLDER}/${service}.json`, text2);
    }
    if (files.size === 0) return;
    await this.update(message, async () => files);
  }
  // -------------------------------------------------------------------------------------------
  where(file) {
    return `${this.branch}:${file}`;
  }
  async remoteName() {
    if (this.remote === void 0) {
      try {
        await this.git.run(["remote", "get-url", "origin"]);
        this.remote = "origin";
      } catch (err) {
        if (!(err instanceof GitError)) throw err;
        this.remote = null;
      }
    }
    return this.remote;
  }
  trackingRef(remote) {
    return remote ? `refs/remotes/${remote}/${this.branch}` : `refs/heads/${this.branch}`;
  }
  /** Runs `work` once every fetch or publish of this store asked for before it has ended. */
  exclusive(work) {
    const result = this.refQueue.then(work, work);
    this.refQueue = result.catch(() => void 0);
    return result;
  }
  /** The branch's current tip (fetched from the remote first), or undefined before the first write. */
  fetchTip() {
    return this.exclusive(() => this.fetchTipNow());
  }
  async fetchTipNow() {
    const remote = await this.remoteName();
    if (remote) {
      try {
        await this.git.run(["fetch", "--quiet", "--no-tags", remote, `+refs/heads/${this.branch}:${this.trackingRef(remote)}`]);
      } catch (err) {
        if (!(err instanceof GitError) || !/couldn't find remote ref/i.test(err.stderr)) throw err;
        this.knownTip = void 0;
        return void 0;
      }
    }
    this.knownTip = await this.git.tryRevParse(this.trackingRef(remote));
    return this.knownTip;
  }
  async snapshot(tip) {
    const files = /* @__PURE__ */ new Map();
    if (tip) for (const e of await this.git.lsTree(tip)) files.set(e.path, e.object);
    const git = this.git;
    return {
      tip,
      files,
      async read(file) {
        const object = files.get(file);
        return object === void 0 ? void 0 : git.run(["cat-file", "blob", object]);
      }
    };
  }
  /**
   * One commit on the state branch, published with compare-and-swap. `change` sees the files at
   * the tip it builds on and may throw to refuse (a held lease); on a lost race it runs again on
   * the new tip.
   */
  update(message, change) {
    return this.exclusive(() => this.updateNow(message, change));
  }
  async updateNow(message, change) {
    const remote = await this.remoteName();
    let tip = this.knownTip ?? await this.fetchTipNow();
    let lastError;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const snap = await this.snapshot(tip);
      const edits = await change(snap);
      if (edits.size === 0) return;
      const commit = await this.commit(snap, edits, message);
      try {
        if (remote) {
          await this.git.run(["push", "--quiet", "--porcelain", remote, `${commit}:refs/heads/${this.branch}`]);
          await this.git.run(["update-ref", this.trackingRef(remote), commit]);
        } else {
          const ref = this.trackingRef(null);
          const line = tip ? `update ${ref} ${commit} ${tip}
` : `create ${ref} ${commit}
`;
          await this.git.run(["update-ref", "--stdin"], { input: line });
        }
        this.knownTip = commit;
        return;
      } catch (err) {
        if (!(err instanceof GitError)) throw err;
        lastError = err;
      }
      await sleep(jitteredBackoff(attempt));
      tip = await this.fetchTipNow();
    }
    throw new Error(
      `could not write the state branch ${this.branch} after ${this.maxAttempts} attempts (other writers kept moving it, or the push fails): ` + lastError.message
    );
  }
  async commit(snap, edits, message) {
    const tmp = await mkdtemp(path.join(tmpdir(), "svcplan-index-"));
    const env = { ...await this.identity(), GIT_INDEX_FILE: path.join(tmp, "index") };
    try {
      if (snap.tip) await this.git.run(["read-tree", snap.tip], { env });
      else await this.git.run(["read-tree", "--empty"], { env });
      for (const [file, content] of edits) {
        if (content === null) {
          await this.git.run(["update-index", "--force-remove", "--", file], { env });
        } else {
          const blob = (await this.git.run(["hash-object", "-w", "--stdin"], { input: content })).trim();
          await this.git.run(["update-index", "--add", "--cacheinfo", `100644,${blob},${file}`], { env });
        }
      }
      const tree = (await this.git.run(["write-tree"], { env })).trim();
      const args = ["commit-tree", tree, "-m", message];
      if (snap.tip) args.push("-p", snap.tip);
      return (await this.git.run(args, { env })).trim();
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }
  /** Commits need an author; CI machines often have none configured, so svcplan names itself then. */
  async identity() {
    if (!this.identityEnv) {
      let configured = false;
      try {
        configured = (await this.git.run(["config", "user.email"])).trim() !== "";
      } catch (err) {
        if (!(err instanceof GitError)) throw err;
      }
      this.identityEnv = configured ? {} : { GIT_AUTHOR_NAME: "svcplan", GIT_AUTHOR_EMAIL: "svcplan@localhost", GIT_COMMITTER_NAME: "svcplan", GIT_COMMITTER_EMAIL: "svcplan@localhost" };
    }
    return this.identityEnv;
  }
};
function jitteredBackoff(attempt) {
  const cap = Math.min(2e3, 25 * 2 ** attempt);
  return cap / 2 + Math.random() * (cap / 2);
}

// src/state/local.ts
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path2 from "node:path";
var DEFAULT_LOCAL_STATE_PATH = ".svcplan/state";
var LocalStateStore = class {
  constructor(repoDir, statePath = DEFAULT_LOCAL_STATE_PATH) {
    this.repoDir = repoDir;
    this.dir = path2.resolve(repoDir, statePath);
  }
  repoDir;
  kind = "local";
  dir;
  async read() {
    let names;
    try {
      names = await fs.readdir(this.dir);
    } catch (err) {
      if (err.code === "ENOENT") return {};
      throw err;
    }
    const state = {};
    for (const name of names.filter((n) => n.endsWith(".json")).sort()) {
      const record = await this.readService(name.slice(0, -".json".length));
      if (record) state[record.name] = record;
    }
    return state;
  }
  async readService(name) {
    checkServiceName(name);
    const file = this.serviceFile(name);
    let text2;
    try {
      text2 = await fs.readFile(file, "utf8");
    } catch (err) {
      if (err.code === "ENOENT") return void 0;
      throw err;
    }
    return parseRecord(text2, file);
  }
  // The message is for stores with a history (git); a folder keeps only the latest record.
  async writeService(record, _message) {
    checkServiceName(record.name);
    await this.ensureDir();
    await writeFileAtomic(this.serviceFile(record.name), serializeRecord(record));
  }
  async acquireLease(service, owner, ttlSeconds) {
    checkServiceName(service);
    await this.ensureDir();
    await fs.mkdir(this.leaseDir(), { recursive: true });
    const file = this.leaseFile(service);
    for (let attempt = 0; attempt < 5; attempt++) {
      const lease = newLease(service, owner, ttlSeconds);
      if (await linkExclusive(file, JSON.stringify(lease, null, 2) + "\n")) return lease;
      const current2 = await this.readLease(service);
      if (!current2) continue;
      if (!isLeaseStale(current2)) throw new LeaseHeldError(current2);
      await this.removeLeaseIf(service, current2);
    }
    const current = await this.readLease(service);
    if (current) throw new LeaseHeldError(current);
    throw new Error(`could not take the lease on service ${service} in ${file}: it keeps changing hands`);
  }
  async renewLease(lease, ttlSeconds) {
    const current = await this.readLease(lease.service);
    if (!current || !sameLease(current, lease)) throw new LeaseLostError(lease, current);
    const renewed = { ...newLease(lease.service, lease.owner, ttlSeconds) };
    await writeFileAtomic(this.leaseFile(lease.service), JSON.stringify(renewed, null, 2) + "\n");
    return renewed;
  }
  async releaseLease(lease) {
    await this.removeLeaseIf(lease.service, lease);
  }
  /** The lease on a service, if any (shown by `svcplan status`). */
  async readLease(service) {
    const file = this.leaseFile(service);
    try {
      return parseLease(await fs.readFile(file, "utf8"), file);
    } catch (err) {
      if (err.code === "ENOENT") return void 0;
      throw err;
    }
  }
  /**
   * Removes the lease file only while it still holds `expected`: it is moved aside first (an
   * atomic rename), checked, and put back if another caller had replaced it in the meantime.
   */
  async removeLeaseIf(service, expected) {
    const file = this.leaseFile(service);
    const aside = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.old`;
    try {
      await fs.rename(file, aside);
    } catch (err) {
      if (err.code === "ENOENT") return;
      throw err;
    }
    const moved = parseLease(await fs.readFile(aside, "utf8"), aside);
    if (!sameLease(moved, expected)) {
      try {
        await fs.link(aside, file);
      } catch (err) {
        if (err.code !== "EEXIST") throw err;
      }
    }
    await fs.rm(aside, { force: true });
  }
  async ensureDir() {
    await fs.mkdir(this.dir, { recursive: true });
    const svcplanDir = path2.resolve(this.repoDir, ".svcplan");
    const ignoreDir = isInside(this.dir, svcplanDir) ? svcplanDir : this.dir;
    const ignoreFile = path2.join(ignoreDir, ".gitignore");
    try {
      await fs.writeFile(ignoreFile, "*\n", { flag: "wx" });
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
    }
  }
  serviceFile(name) {
    return path2.join(this.dir, `${name}.json`);
  }
  leaseDir() {
    return path2.join(this.dir, "leases");
  }
  leaseFile(service) {
    return path2.join(this.leaseDir(), `${service}.json`);
  }
};
function isInside(child, parent) {
  const rel = path2.relative(parent, child);
  return rel === "" || !rel.startsWith("..") && !path2.isAbsolute(rel);
}
function tempName(file) {
  return `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
}
async function writeDurable(file, text2, flag) {
  const handle = await fs.open(file, flag);
  try {
    await handle.writeFile(text2, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
}
async function syncDir(dir) {
  const handle = await fs.open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
async function writeFileAtomic(file, text2) {
  const tmp = tempName(file);
  try {
    await writeDurable(tmp, text2, "w");
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await syncDir(path2.dirname(file));
}
async function linkExclusive(file, text2) {
  const tmp = tempName(file);
  await writeDurable(tmp, text2, "wx");
  try {
    await fs.link(tmp, file);
    await syncDir(path2.dirname(file));
    return true;
  } catch (err) {
    if (err.code === "EEXIST") return false;
    throw err;
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

// src/state/index.ts
async function openStateStore(opts) {
  if (opts.kind === "local") return new LocalStateStore(opts.repoDir, opts.path ?? DEFAULT_LOCAL_STATE_PATH);
  if (opts.kind === "git") return new GitStateStore(opts.repoDir, { branch: opts.branch ?? DEFAULT_STATE_BRANCH, remote: opts.remote });
  throw new Error(`unknown state store "${String(opts.kind)}": use local or git`);
}

// src/apply/types.ts
var RunInterruptedError = class extends Error {
  constructor(message = "the run was interrupted") {
    super(message);
    this.name = "RunInterruptedError";
  }
};
var StoppedOnRequest = class extends RunInterruptedError {
  constructor(message) {
    super(message);
    this.name = "StoppedOnRequest";
  }
};

export {
  GitError,
  UnknownRevisionError,
  Git,
  InputError,
  formatDiagnostic,
  DISRUPTION_ORDER,
  instanceName,
  DamagedRecordError,
  LeaseHeldError,
  LeaseLostError,
  RunInterruptedError,
  StoppedOnRequest,
  WorktreeReader,
  GitRevisionReader,
  loadConfig,
  named,
  readOnce,
  loadDesiredState,
  canonicalJson,
  specDigest,
  mostDisruptive,
  classifyInstanceChange,
  refusedPlan,
  withWarnings,
  buildPlan,
  runnerLabelOf,
  SYMBOL,
  actionLabel,
  reasonNote,
  valueText,
  summarySentence,
  anyReplaceKeepsState,
  revisionLabel,
  GITHUB_COMMENT_LIMIT,
  escapeMarkdown,
  renderMarkdown,
  leaseStaleness,
  MemoryStateStore,
  openStateStore
};
