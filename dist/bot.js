import { createRequire as __svcplanCreateRequire } from 'node:module';
const require = __svcplanCreateRequire(import.meta.url);
var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/bot/server.ts
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { Probot, ProbotOctokit, Server } from "probot";

// src/github/blob-cache.ts
var BlobCache = class {
  constructor(maxBytes = 64 * 1024 * 1024) {
    this.maxBytes = maxBytes;
  }
  maxBytes;
  entries = /* @__PURE__ */ new Map();
  bytes = 0;
  hits = 0;
  misses = 0;
  get(sha) {
    const text2 = this.entries.get(sha);
    if (text2 === void 0) {
      this.misses++;
      return void 0;
    }
    this.hits++;
    this.entries.delete(sha);
    this.entries.set(sha, text2);
    return text2;
  }
  set(sha, text2) {
    const size = text2.length * 2;
    if (size > this.maxBytes) return;
    const previous = this.entries.get(sha);
    if (previous !== void 0) {
      this.bytes -= previous.length * 2;
      this.entries.delete(sha);
    }
    this.entries.set(sha, text2);
    this.bytes += size;
    for (const [oldest, oldText] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= oldText.length * 2;
    }
  }
  get size() {
    return this.entries.size;
  }
};

// src/model/digest.ts
import { createHash, hash as oneShotHash } from "node:crypto";
function specDigest(spec, memo) {
  return textDigest(specText(spec, memo));
}
function specText(spec, memo) {
  return objectText(spec, memo, memo && SPEC_PARTS, "files");
}
var SPEC_PARTS = /* @__PURE__ */ new Set(["image", "features", "apps", "state", "health", "rollout", "scale"]);
function textDigest(text2) {
  return "sha256:" + (text2.length <= CHUNK ? oneShotHash("sha256", text2, "hex") : createHash("sha256").update(text2).digest("hex"));
}
function canonicalText(value2, memo) {
  return text(value2, memo) ?? "null";
}
function canonicalDigest(value2, memo) {
  return textDigest(canonicalText(value2, memo));
}
function remember(value2, memo, spec = false) {
  let known = memo.get(value2);
  if (known === void 0) {
    known = flat(text(value2, spec ? memo : void 0, spec ? SPEC_PARTS : void 0) ?? "null");
    memo.set(value2, known);
  }
  return known;
}
function flat(text2) {
  text2.charCodeAt(text2.length >> 1);
  return text2;
}
var CHUNK = 64 * 1024;
function text(value2, memo, parts) {
  switch (typeof value2) {
    case "string":
      return JSON.stringify(value2);
    case "number":
      return Number.isFinite(value2) ? String(value2) : "null";
    case "boolean":
      return value2 ? "true" : "false";
    case "object": {
      if (value2 === null) return "null";
      if (memo !== void 0) {
        const known = memo.get(value2);
        if (known !== void 0) return known;
      }
      if (Array.isArray(value2)) {
        if (value2.length === 0) return "[]";
        let out = "[";
        for (let i = 0; i < value2.length; i++) out += (i ? "," : "") + (text(value2[i], memo, parts) ?? "null");
        return out + "]";
      }
      return objectText(value2, memo, parts);
    }
    case "bigint":
      JSON.stringify(value2);
      return void 0;
    default:
      return void 0;
  }
}
function objectText(value2, memo, parts, skip) {
  const keys = Object.keys(value2);
  if (keys.length === 0) return "{}";
  const shape = shapeOf(keys);
  const sorted = shape.sorted;
  let out = "";
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i];
    if (key === skip) continue;
    const member = value2[key];
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

// src/plan/classify.ts
function present(value2) {
  return value2 === void 0 ? null : value2;
}
function same(a, b) {
  if (a === b) return true;
  if (isJsonScalar(a) && isJsonScalar(b)) return false;
  if (Array.isArray(a) && Array.isArray(b) && a.every(isString) && b.every(isString)) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  return canonicalText(a) === canonicalText(b);
}
function isJsonScalar(value2) {
  return typeof value2 === "string" || typeof value2 === "boolean" || typeof value2 === "number" && Number.isFinite(value2);
}
function isString(value2) {
  return typeof value2 === "string";
}
function reason(path, from, to, action) {
  return { path, from: present(from), to: present(to), action };
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
function locate(locator, file, path) {
  for (let end = path.length; end >= 0; end--) {
    try {
      return locator.locate(file, path.slice(0, end));
    } catch {
    }
  }
  return { line: 1, column: 1 };
}
function diagnostic(f, file, path, message) {
  return { file, ...locate(f.locator, file, path), message };
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
  const what = step.failed ? `failed at ${step.phase} (${firstLine(step.failed.message)})` : `stopped at ${step.phase}`;
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
function firstLine(text2) {
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
  if (desired && desiredTier) refuse(service, tierName, existing, desired, desiredTier, planned, f);
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
function refuse(service, tierName, existing, desired, desiredTier, planned, f) {
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
function hasOnly(value2, keys) {
  for (const key in value2) if (!keys.has(key) || !Object.prototype.hasOwnProperty.call(value2, key)) return false;
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
function plainObject(value2) {
  return value2 !== null && typeof value2 === "object" && !Array.isArray(value2);
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
function runnerDigest(plan, label) {
  const services = plan.document.services.filter((s) => runnerLabelOf(s) === label);
  return canonicalDigest({
    runner: label,
    services,
    desired: Object.fromEntries(services.map((s) => [s.name, plan.desired[s.name] ? specDigest(plan.desired[s.name]) : null])),
    state: Object.fromEntries(services.map((s) => [s.name, plan.serviceStates?.[s.name] ?? null])),
    errors: plan.document.errors
  });
}
function runnerDigests(plan) {
  const labels = [...new Set(plan.document.services.map(runnerLabelOf))].sort();
  return Object.fromEntries(labels.map((label) => [label, runnerDigest(plan, label)]));
}

// src/github/workflow-dispatch.ts
async function dispatchWorkflow(octokit, repo, dispatch) {
  await octokit.request("POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", {
    owner: repo.owner,
    repo: repo.repo,
    workflow_id: dispatch.workflow,
    ref: dispatch.ref,
    inputs: dispatch.inputs
  });
}
function explainWorkflowDispatchFailure(contract, error, dispatch) {
  const status = error?.status;
  const said = error?.response?.data?.message;
  const github = typeof said === "string" && said ? said : error instanceof Error ? error.message : String(error);
  const what = `The ${contract.title} \`${dispatch.workflow}\` on \`${dispatch.ref}\``;
  const inputs = contract.inputs.map((i) => `\`${i}\``).join(", ");
  switch (status) {
    case 404:
      return `${what} could not be started: GitHub has no such workflow there (${github}). Copy \`${contract.example}\` from svcplan to \`.github/workflows/${contract.file}\` on \`${dispatch.ref}\`, or set \`${contract.setting}\` to the file name of your ${contract.title}.`;
    case 403:
      return `${what} could not be started: GitHub refused (${github}). The app needs the \`actions: write\` permission: accept it in the installation settings of the app.`;
    case 422:
      return `${what} could not be started: GitHub refused the dispatch (${github}). Its \`workflow_dispatch\` trigger must take exactly the inputs ${inputs}: update it from \`${contract.example}\`.`;
    default:
      return `${what} could not be started (${github}). Try the command again in a few minutes.`;
  }
}

// src/github/apply-workflow.ts
var APPLY_WORKFLOW = "svcplan-apply.yml";
var APPLY_WORKFLOW_EXAMPLE = "docs/examples/svcplan-apply.yml";
var DISPATCH_INPUTS = ["command", "service", "to", "issue", "runner"];
function rollbackDispatchInputs(rollback) {
  return {
    command: "rollback",
    service: rollback.service,
    to: rollback.to,
    issue: String(rollback.issue),
    runner: rollback.runner || DEFAULT_RUNNER_LABEL
  };
}
var APPLY_WORKFLOW_CONTRACT = {
  title: "apply workflow",
  file: APPLY_WORKFLOW,
  example: APPLY_WORKFLOW_EXAMPLE,
  setting: "SVCPLAN_WORKFLOW",
  inputs: DISPATCH_INPUTS
};
function dispatchApplyWorkflow(octokit, repo, dispatch) {
  return dispatchWorkflow(octokit, repo, dispatch);
}
function explainDispatchFailure(error, dispatch) {
  return explainWorkflowDispatchFailure(APPLY_WORKFLOW_CONTRACT, error, dispatch);
}

// src/github/drift-workflow.ts
var DRIFT_WORKFLOW = "svcplan-drift.yml";
var DRIFT_WORKFLOW_EXAMPLE = "docs/examples/svcplan-drift.yml";
var DRIFT_DISPATCH_INPUTS = ["service", "runner", "issue"];
function driftDispatchInputs(check) {
  return { service: check.service ?? "", runner: check.runner ?? "", issue: String(check.issue) };
}
var DRIFT_WORKFLOW_CONTRACT = {
  title: "drift workflow",
  file: DRIFT_WORKFLOW,
  example: DRIFT_WORKFLOW_EXAMPLE,
  setting: "SVCPLAN_DRIFT_WORKFLOW",
  inputs: DRIFT_DISPATCH_INPUTS
};

// src/bot/deps.ts
function settingsFromEnv(env = process.env) {
  return {
    workflow: env.SVCPLAN_WORKFLOW?.trim() || APPLY_WORKFLOW,
    driftWorkflow: env.SVCPLAN_DRIFT_WORKFLOW?.trim() || DRIFT_WORKFLOW,
    checkName: "svcplan",
    ...env.SVCPLAN_STATE_BRANCH?.trim() ? { stateBranch: env.SVCPLAN_STATE_BRANCH.trim() } : {}
  };
}

// src/github/permissions.ts
var WRITE_ROLES = /* @__PURE__ */ new Set(["admin", "maintain", "write"]);
async function hasWritePermission(octokit, repo, username) {
  try {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", {
      owner: repo.owner,
      repo: repo.repo,
      username
    });
    return WRITE_ROLES.has(data.permission) || WRITE_ROLES.has(data.role_name ?? "");
  } catch (error) {
    if (error.status === 404) return false;
    throw error;
  }
}

// src/github/pull-requests.ts
async function postIssueComment(octokit, repo, issueNumber, body) {
  const { data } = await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    owner: repo.owner,
    repo: repo.repo,
    issue_number: issueNumber,
    body
  });
  return data.html_url;
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
function valueText(value2) {
  if (value2 === null || value2 === void 0) return "(none)";
  if (value2 === "") return '""';
  const text2 = typeof value2 === "string" ? value2 : JSON.stringify(value2);
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

// src/render/text.ts
var ANSI = {
  reset: "\x1B[0m",
  bold: "\x1B[1m",
  dim: "\x1B[2m",
  red: "\x1B[31m",
  green: "\x1B[32m",
  yellow: "\x1B[33m",
  magenta: "\x1B[35m"
};
var ACTION_COLOUR = {
  create: ANSI.green,
  refresh: ANSI.yellow,
  restart: ANSI.yellow,
  replace: ANSI.magenta,
  destroy: ANSI.red,
  none: ANSI.dim
};

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

// src/bot/commands.ts
var SERVICE_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
var TARGET = /^#?[A-Za-z0-9._/@~^-]+$/;
var HELP_TEXT = [
  "svcplan commands (one per comment; only users with write access are obeyed):",
  "",
  "| command | what it does |",
  "|---|---|",
  "| `/plan` | plans this pull request again and updates the plan comment and check |",
  "| `/rollback SERVICE` | redeploys the deployment before the current one of SERVICE |",
  "| `/rollback SERVICE to ID` | redeploys deployment ID (`3` or `#3`; see `svcplan history SERVICE`) |",
  "| `/rollback SERVICE to REF` | redeploys SERVICE as it is defined at a Git ref or commit |",
  "| `/drift` | shows the last drift check of every service (when, on which runner, what differs) and starts a fresh one |",
  "| `/drift SERVICE` | the same for one service, checked again on its own runner |",
  "| `/help` | shows this table |"
].join("\n");
function parseCommand(body) {
  let inFence = false;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("```") || line.startsWith("~~~")) {
      inFence = !inFence;
      continue;
    }
    if (inFence || line.startsWith(">")) continue;
    const match = /^\/(plan|rollback|drift|help)(?=\s|$)(.*)$/.exec(line);
    if (!match) continue;
    const [, word, rest] = match;
    const args = rest.trim().split(/\s+/).filter(Boolean);
    return commandFrom(word, args);
  }
  return void 0;
}
function commandFrom(word, args) {
  if (word === "help") return { kind: "help" };
  if (word === "plan") {
    if (args.length > 0) return { kind: "invalid", command: "plan", problem: "`/plan` takes no arguments" };
    return { kind: "plan" };
  }
  if (word === "drift") {
    const usage2 = "usage: `/drift [SERVICE]`";
    if (args.length === 0) return { kind: "drift" };
    if (args.length > 1) return { kind: "invalid", command: "drift", problem: `unexpected \`${args.slice(1).join(" ")}\`; ${usage2}` };
    if (!SERVICE_NAME.test(args[0])) return { kind: "invalid", command: "drift", problem: `\`${args[0]}\` is not a service name; ${usage2}` };
    return { kind: "drift", service: args[0] };
  }
  const usage = "usage: `/rollback SERVICE [to ID|REF]`";
  const [service, ...tail] = args;
  if (!service) return { kind: "invalid", command: "rollback", problem: `no service named; ${usage}` };
  if (!SERVICE_NAME.test(service)) {
    return { kind: "invalid", command: "rollback", problem: `\`${service}\` is not a service name; ${usage}` };
  }
  if (tail.length === 0) return { kind: "rollback", service };
  const [keyword, target, ...extra] = tail;
  const toKeyword = keyword === "to" || keyword === "--to";
  if (toKeyword && target && extra.length === 0 && TARGET.test(target)) return { kind: "rollback", service, to: target };
  if (toKeyword && target && !TARGET.test(target)) {
    return { kind: "invalid", command: "rollback", problem: `\`${target}\` is neither a deployment id nor a Git ref; ${usage}` };
  }
  return { kind: "invalid", command: "rollback", problem: `unexpected \`${tail.join(" ")}\`; ${usage}` };
}

// src/state/record-file.ts
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
  let value2;
  try {
    value2 = JSON.parse(text2);
  } catch (err) {
    throw new DamagedRecordError(where, `recorded state is not valid JSON (${err.message})`);
  }
  const r = value2;
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
function isObject(value2) {
  return typeof value2 === "object" && value2 !== null && !Array.isArray(value2);
}

// src/state/git-store.ts
var DRIFT_REPORTS_FOLDER = "drift";

// src/github/api-tree-reader.ts
var BLOB_CONCURRENCY = 8;
var GitHubTreeReader = class _GitHubTreeReader {
  constructor(octokit, repo, revision, files, cache, treeRequests) {
    this.octokit = octokit;
    this.repo = repo;
    this.revision = revision;
    this.files = files;
    this.cache = cache;
    this.requests = treeRequests;
  }
  octokit;
  repo;
  revision;
  files;
  cache;
  inflight = /* @__PURE__ */ new Map();
  active = 0;
  waiting = [];
  /** Requests this reader sent, for logs and benchmarks. */
  requests = 0;
  /**
   * Lists the tree of `revision.commit` (a commit sha, or any tree-ish the API accepts, such as
   * a branch name). Throws the API's error when the commit does not exist.
   */
  static async open(octokit, repo, revision, cache = new BlobCache()) {
    const files = /* @__PURE__ */ new Map();
    const counter = { requests: 0 };
    await collectTree(octokit, repo, revision.commit, "", files, counter);
    return new _GitHubTreeReader(octokit, repo, revision, files, cache, counter.requests);
  }
  async list(folders) {
    const prefixes = folders.map((f) => f.replace(/^\.?\/+/, "").replace(/\/+$/, "")).map((f) => f === "" || f === "." ? "" : `${f}/`);
    const out = [];
    for (const path of this.files.keys()) {
      if (prefixes.some((p) => path.startsWith(p))) out.push(path);
    }
    return out.sort();
  }
  async read(path) {
    const entry = this.files.get(path.replace(/^\.?\/+/, ""));
    if (!entry) return void 0;
    const cached = this.cache.get(entry.sha);
    if (cached !== void 0) return cached;
    let pending = this.inflight.get(entry.sha);
    if (!pending) {
      pending = this.fetchBlob(entry.sha).finally(() => this.inflight.delete(entry.sha));
      this.inflight.set(entry.sha, pending);
    }
    return pending;
  }
  /** Whether a path is a file at this revision (no request). */
  has(path) {
    return this.files.has(path);
  }
  async fetchBlob(sha) {
    await this.slot();
    try {
      this.requests++;
      const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", {
        owner: this.repo.owner,
        repo: this.repo.repo,
        file_sha: sha
      });
      const text2 = data.encoding === "base64" ? Buffer.from(data.content, "base64").toString("utf8") : String(data.content);
      this.cache.set(sha, text2);
      return text2;
    } finally {
      this.release();
    }
  }
  async slot() {
    if (this.active < BLOB_CONCURRENCY) {
      this.active++;
      return;
    }
    await new Promise((resolve) => this.waiting.push(resolve));
  }
  release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
};
async function collectTree(octokit, repo, treeish, prefix, files, counter) {
  counter.requests++;
  const recursive = await getTree(octokit, repo, treeish, true);
  if (!recursive.truncated) {
    for (const e of recursive.tree) {
      if (e.type === "blob" && e.path && e.sha) files.set(prefix + e.path, { path: prefix + e.path, type: "blob", sha: e.sha });
    }
    return;
  }
  counter.requests++;
  const level = await getTree(octokit, repo, treeish, false);
  for (const e of level.tree) {
    if (!e.path || !e.sha) continue;
    if (e.type === "blob") files.set(prefix + e.path, { path: prefix + e.path, type: "blob", sha: e.sha });
    else if (e.type === "tree") await collectTree(octokit, repo, e.sha, `${prefix}${e.path}/`, files, counter);
  }
}
async function getTree(octokit, repo, treeish, recursive) {
  const { data } = await octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
    owner: repo.owner,
    repo: repo.repo,
    tree_sha: treeish,
    ...recursive ? { recursive: "1" } : {}
  });
  return data;
}

// src/github/drift-records.ts
function parseRecordedDrift(text2) {
  try {
    const value2 = JSON.parse(text2);
    if (value2.format_version !== 1 || typeof value2.checked_at !== "string" || !Array.isArray(value2.services) || value2.services.length !== 1) return void 0;
    if (!value2.checked_by || typeof value2.checked_by !== "object") return void 0;
    return { ...value2, errors: Array.isArray(value2.errors) ? value2.errors : [] };
  } catch {
    return void 0;
  }
}
async function readRecordedDrift(octokit, repo, branch, blobs) {
  let reader;
  try {
    reader = await GitHubTreeReader.open(octokit, repo, { ref: branch, commit: branch }, blobs);
  } catch (error) {
    const status = error?.status;
    if (status === 404 || status === 409) return /* @__PURE__ */ new Map();
    throw error;
  }
  const files = (await reader.list([DRIFT_REPORTS_FOLDER])).filter((p) => /^[^/]+\/[^/]+\.json$/.test(p));
  const texts = await Promise.all(files.map((p) => reader.read(p)));
  const out = /* @__PURE__ */ new Map();
  files.forEach((path, i) => {
    const recorded = texts[i] === void 0 ? void 0 : parseRecordedDrift(texts[i]);
    const service = path.slice(DRIFT_REPORTS_FOLDER.length + 1, -".json".length);
    if (recorded && recorded.services[0].name === service) out.set(service, recorded);
  });
  return out;
}

// src/render/drift.ts
function driftIssueMarker(service) {
  return `<!-- svcplan:drift ${service.replace(/[^A-Za-z0-9._-]/g, "_")} -->`;
}
function value(v) {
  return typeof v === "string" ? v : JSON.stringify(v);
}
function cause(g) {
  return `${g.path}: ${value(g.recorded)} \u2192 ${value(g.observed)}`;
}
function serviceHeadline(s) {
  switch (s.status) {
    case "clean":
      return `clean (${s.checked} instance${s.checked === 1 ? "" : "s"} as recorded)`;
    case "drifted":
      return `drifted: ${s.instances.length} of ${s.checked} instance${s.checked === 1 ? "" : "s"}`;
    case "being-applied":
      return `being applied by ${s.lease?.owner} (lease until ${s.lease?.expiresAt}): not checked`;
    case "failed":
      return `not checked: ${s.error}`;
  }
}
function renderDriftMarkdown(report, opts = {}) {
  const services = opts.service ? report.services.filter((s) => s.name === opts.service) : report.services;
  const limit = opts.maxLength ?? GITHUB_COMMENT_LIMIT;
  const out = [];
  if (opts.service) out.push(driftIssueMarker(opts.service));
  out.push(`### svcplan drift${opts.service ? ` of ${escapeMarkdown(opts.service)}` : ""}`, "", `Checked at ${report.checked_at}.`, "");
  for (const s of services) {
    out.push(`**${escapeMarkdown(s.name)}**${s.runner ? ` (runner \`${escapeMarkdown(s.runner)}\`)` : ""}: ${escapeMarkdown(serviceHeadline(s))}`, "");
    if (s.groups.length > 0) {
      out.push("| repair | what differs (recorded \u2192 observed) | instances |", "|---|---|---|");
      for (const g of s.groups) {
        const names = g.instances.length > 20 ? `${g.instances.slice(0, 20).join(", ")} and ${g.instances.length - 20} more` : g.instances.join(", ");
        out.push(`| ${g.action} | ${escapeMarkdown(cause(g))} | ${escapeMarkdown(names)} |`);
      }
      out.push("");
    }
  }
  const errors = report.errors.filter((e) => !opts.service || e.service === opts.service);
  if (errors.length > 0) out.push("**Not observed**", "", ...errors.map((e) => `- ${escapeMarkdown(`${e.instance ?? e.service}: ${e.message}`)}`), "");
  if (services.some((s) => s.status === "drifted")) {
    out.push(
      "`svcplan plan --repair` shows the repair as a plan; `svcplan apply --repair` makes it through the normal rollout (domains, health gates, history)."
    );
  }
  let text2 = out.join("\n") + "\n";
  if (text2.length > limit)
    text2 = text2.slice(0, limit - 80).replace(/\n[^\n]*$/, "") + "\n\n\u2026 the report is longer than GitHub allows; `svcplan drift` shows all of it.\n";
  return text2;
}

// src/load/paths.ts
function normalizeRepoPath(path, { allowRoot = false } = {}) {
  if (path.startsWith("/") || path.includes("\\") || path.includes("\0")) return void 0;
  const parts = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") return void 0;
    parts.push(part);
  }
  if (parts.length === 0) return allowRoot ? "" : void 0;
  return parts.join("/");
}

// src/load/schema.ts
import { createHash as createHash2 } from "node:crypto";
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
import equalModule from "ajv/dist/runtime/equal.js";
import ucs2lengthModule from "ajv/dist/runtime/ucs2length.js";
var SCHEMA_DIGEST = "bdb7373e0969e4be457c916ac00ac295fe869db2aebee62dc8708ad69f8bc912";
var runtime_equal = equalModule.default ?? equalModule;
var runtime_ucs2length = ucs2lengthModule.default ?? ucs2lengthModule;
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
    const digest = createHash2("sha256").update(JSON.stringify(svcplan_v1_schema_default)).digest("hex");
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
function validateAgainstSchema(kind, value2, sourceOf) {
  const validate = validatorFor(kind);
  if (validate(value2)) return [];
  const problems = [];
  const seen = /* @__PURE__ */ new Set();
  for (const error of validate.errors ?? []) {
    const problem = describe(error, value2, sourceOf);
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
function dottedPath(path) {
  if (path.length === 0) return "the document";
  return path.map((p, i) => typeof p === "number" || /^\d+$/.test(String(p)) ? `[${p}]` : (i === 0 ? "" : ".") + p).join("");
}
function valueAt(root, path) {
  let v = root;
  for (const p of path) v = v && typeof v === "object" ? v[p] : void 0;
  return v;
}
function shown(value2, source) {
  if (typeof value2 === "string") return JSON.stringify(value2.length > 60 ? value2.slice(0, 57) + "..." : value2);
  if (typeof value2 === "number" && source !== void 0 && !/^["']/.test(source)) return source.length > 40 ? source.slice(0, 37) + "..." : source;
  if (value2 === null) return "null (an empty value)";
  if (Array.isArray(value2)) return "a list";
  if (typeof value2 === "object") return "a mapping";
  return String(value2);
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
function describeNumber(s, value2) {
  const what = s.type === "integer" ? "an integer" : "a number";
  const unit = typeof s["x-unit"] === "string" ? ` (${s["x-unit"]})` : "";
  const min = s.minimum;
  const max = s.maximum;
  if (min !== void 0 && max !== void 0) {
    if (max < 1e5) return `${what} from ${min} to ${max}${unit}`;
    return typeof value2 === "number" && value2 > max ? `${what} \u2264 ${max}${unit}` : `${what} \u2265 ${min}${unit}`;
  }
  if (min !== void 0) return `${what} \u2265 ${min}${unit}`;
  if (max !== void 0) return `${what} \u2264 ${max}${unit}`;
  return what + unit;
}
function describe(error, root, sourceOf) {
  const path = pointerToPath(error.instancePath);
  const where = dottedPath(path);
  const value2 = valueAt(root, path);
  const source = sourceOf(path);
  const parent = error.parentSchema ?? {};
  const got = `got ${shown(value2, source)}`;
  const params = error.params;
  switch (error.keyword) {
    case "required": {
      const field = String(params.missingProperty);
      return { path, atKey: false, message: `${where} is missing the required field "${field}"` };
    }
    case "additionalProperties": {
      const field = String(params.additionalProperty);
      const known = Object.keys(parent.properties ?? {});
      const suggestion = closest(field, known);
      const hint = suggestion ? `; did you mean "${suggestion}"?` : known.length ? `; known fields: ${known.join(", ")}` : "";
      return {
        path: [...path, field],
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
        return { path: [...path, name], atKey: true, message: `${where}: "${name}" is not a valid name; use ${hint2}` };
      }
      const hint = typeof parent["x-hint"] === "string" ? parent["x-hint"] : `a value matching ${params.pattern}`;
      return { path, atKey: false, message: `${where} must be ${hint}, ${got}` };
    }
    case "type": {
      const expected = [].concat(params.type);
      if (expected.includes("integer") || expected.includes("number")) {
        if (expected.length === 1) return { path, atKey: false, message: `${where} must be ${describeNumber(parent, value2)}, ${got}` };
      }
      if (expected.length === 1 && expected[0] === "string" && (typeof value2 === "number" || typeof value2 === "boolean")) {
        const written = source ?? String(value2);
        return { path, atKey: false, message: `${where} must be a string, got ${typeof value2} ${written}; quote it: "${written}"` };
      }
      const words = expected.map((t) => TYPE_WORDS[t] ?? t);
      const list = words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}` : words[0];
      return { path, atKey: false, message: `${where} must be ${list}, ${got}` };
    }
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
    case "multipleOf":
      return { path, atKey: false, message: `${where} must be ${describeNumber(parent, value2)}, ${got}` };
    case "enum": {
      const allowed = params.allowedValues.map((v) => JSON.stringify(v)).join(", ");
      return { path, atKey: false, message: `${where} must be one of ${allowed}, ${got}` };
    }
    case "const":
      return { path, atKey: false, message: `${where} must be ${JSON.stringify(params.allowedValue)}, ${got}` };
    case "minProperties":
      return { path, atKey: false, message: `${where} must have at least ${params.limit} entr${params.limit === 1 ? "y" : "ies"}` };
    case "maxProperties":
      return { path, atKey: false, message: `${where} may have at most ${params.limit} entries` };
    case "minItems":
      return { path, atKey: false, message: `${where} must list at least ${params.limit} item${params.limit === 1 ? "" : "s"}` };
    case "maxItems":
      return { path, atKey: false, message: `${where} may list at most ${params.limit} items` };
    case "uniqueItems":
      return { path: [...path, Number(params.i)], atKey: false, message: `${where} lists ${shown(value2[Number(params.i)], void 0)} twice` };
    case "minLength":
      return { path, atKey: false, message: `${where} must not be empty` };
    case "maxLength":
      return { path, atKey: false, message: `${where} must be at most ${params.limit} characters long` };
    default:
      return { path, atKey: false, message: `${where} ${error.message ?? "is not valid"}` };
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
function refuse2() {
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
        refuse2();
      }
      start = false;
      this.lines.push({ indent, content });
    }
  }
  document() {
    if (this.lines.length === 0) refuse2();
    const value2 = this.blockNode(this.lines[0].indent);
    if (this.pos !== this.lines.length) refuse2();
    return { value: value2, scalarSources: this.sources };
  }
  blockNode(indent) {
    if (++this.depth > MAX_DEPTH) refuse2();
    const value2 = isListItem(this.lines[this.pos].content) ? this.list(indent) : this.mapping(indent);
    this.depth--;
    return value2;
  }
  mapping(indent) {
    const out = {};
    while (this.pos < this.lines.length) {
      const line = this.lines[this.pos];
      if (line.indent < indent) break;
      if (line.indent > indent || isListItem(line.content)) refuse2();
      const match = BLOCK_KEY.exec(line.content);
      if (!match) refuse2();
      const key = match[1];
      checkKey(key);
      if (Object.prototype.hasOwnProperty.call(out, key)) refuse2();
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
      if (line.indent > indent) refuse2();
      if (!isListItem(line.content)) break;
      const rest = line.content.slice(1);
      const item = rest.trimStart();
      if (isListItem(item) || /^[^'"[{#]*:(?: |$)/.test(item)) refuse2();
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
    if (next && next.indent > indent) refuse2();
    const scanner = { text: text2, at: 0 };
    const value2 = this.inlineValue(scanner);
    const after = text2.slice(scanner.at);
    if (after !== "" && !/^ +#/.test(after)) refuse2();
    return value2;
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
    if (!plainStart(plain) || plain.includes(": ") || plain.endsWith(":")) refuse2();
    s.at = start + plain.length;
    return this.scalar(plain);
  }
  flow(s) {
    if (++this.depth > MAX_DEPTH) refuse2();
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
          if (s.text[s.at] === ":") refuse2();
        } else {
          const key = flowKey(s);
          if (Object.prototype.hasOwnProperty.call(map, key)) refuse2();
          if (s.text[s.at] !== ":" || s.text[s.at + 1] !== " ") refuse2();
          s.at += 2;
          skipSpaces(s);
          this.path.push(key);
          map[key] = this.flowValue(s);
          this.path.pop();
          skipSpaces(s);
        }
        const c = s.text[s.at++];
        if (c === close) break;
        if (c !== ",") refuse2();
        skipSpaces(s);
        if (s.text[s.at] === close || s.text[s.at] === ",") refuse2();
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
    if (!plainStart(plain) || end < text2.length && stop !== 44 && stop !== 93 && stop !== 125) refuse2();
    s.at = start + plain.length;
    return this.scalar(plain);
  }
  scalar(plain) {
    const value2 = coreScalar(plain);
    if (typeof value2 !== "string") this.sources.set(this.path.join("\0"), plain);
    return value2;
  }
};
function isListItem(content) {
  return content[0] === "-" && (content.length === 1 || content[1] === " ");
}
function skipSpaces(s) {
  while (s.text.charCodeAt(s.at) === 32) s.at++;
}
function checkKey(key) {
  if (key.length > MAX_KEY_LENGTH || key === "__proto__" || typeof coreScalar(key) !== "string") refuse2();
}
function flowKey(s) {
  const c = s.text[s.at];
  let key;
  if (c === '"' || c === "'") {
    key = quoted(s);
  } else {
    FLOW_KEY.lastIndex = s.at;
    const match = FLOW_KEY.exec(s.text);
    if (!match) refuse2();
    key = match[0];
    s.at += key.length;
    if (typeof coreScalar(key) !== "string") refuse2();
  }
  if (key.length > MAX_KEY_LENGTH || key === "__proto__") refuse2();
  return key;
}
function quoted(s) {
  const q = s.text[s.at];
  let out = "";
  let i = s.at + 1;
  for (; ; ) {
    const end = s.text.indexOf(q, i);
    if (end < 0) refuse2();
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
  if (next !== void 0 && !" ,]}:".includes(next)) refuse2();
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

// src/load/yaml-lib.ts
import * as yaml from "yaml";
function yamlLib() {
  return yaml;
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
  sourceOf(path) {
    const written = this.plain.scalarSources.get(path.join("\0"));
    if (written !== void 0) return written;
    const value2 = valueAt2(this.plain.value, path);
    return typeof value2 === "string" ? value2 : sourceText(this.doc, path);
  }
};
function valueAt2(root, path) {
  let value2 = root;
  for (const segment of path) {
    if (value2 === null || typeof value2 !== "object" || !Object.prototype.hasOwnProperty.call(value2, segment)) return void 0;
    value2 = value2[segment];
  }
  return value2;
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
      at(problem.pos[0], `${firstLine2(problem.message)} (YAML ${problem.code.toLowerCase().replace(/_/g, " ")})`);
    }
    let value2;
    const complexKey = problems.length === 0 ? firstComplexKey(doc) : void 0;
    if (complexKey) {
      at(complexKey.range?.[0] ?? 0, "a key must be a plain name, not a list or a mapping");
    } else if (problems.length === 0) {
      try {
        value2 = doc.toJS({ maxAliasCount: 100 });
      } catch (err) {
        at(doc.range[0], `cannot read this document: ${describeCrash(err)}`);
      }
    }
    documentsOut.push({ index, doc, value: value2, sourceOf: (path) => sourceText(doc, path) });
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
function firstLine2(message) {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "").trim();
}
function describeCrash(err) {
  if (err instanceof RangeError) return "it is nested too deeply";
  const message = err instanceof Error ? err.message : String(err);
  if (/alias/i.test(message)) return "too many aliases are expanded (an alias bomb?); write the values out";
  return firstLine2(message);
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
function findNode(doc, path, opts = {}) {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yamlLib();
  let node = doc.contents;
  let found = node;
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) node = node.resolve(doc);
    const segment = path[i];
    const last = i === path.length - 1;
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
function sourceText(doc, path) {
  const node = findNode(doc, path);
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
  locate(file, path) {
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
  locateIn(file, documentIndex, path, opts = {}) {
    const source = this.files.get(file);
    const document = source?.documents[documentIndex];
    if (!source || !document) return { line: 1, column: 1 };
    const node = findNode(document.doc, path, opts);
    const offset = node?.range?.[0] ?? document.doc.range?.[0] ?? 0;
    const { line, col } = source.lineCounter.linePos(offset);
    return { line, column: col };
  }
};
function matchedDepth(doc, path) {
  let depth = 0;
  for (let i = 1; i <= path.length; i++) {
    const node = findNode(doc, path.slice(0, i));
    const parentNode = findNode(doc, path.slice(0, i - 1));
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
  const report = (index, path, message, key = false) => diagnostics.push({ file: CONFIG_FILE, ...locator.locateIn(CONFIG_FILE, index, path, { key }), message });
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
    for (const problem of validateAgainstSchema("Config", document.value, (path) => document.sourceOf(path))) {
      report(document.index, problem.path, `${problem.message}`, problem.atKey);
    }
  }
  if (diagnostics.length > 0) throw new InputError(sortDiagnostics(diagnostics));
  const value2 = document.value;
  const folders = (key) => {
    const list = value2[key];
    if (!list) return config[key];
    return [...new Set(list.map((f) => normalizeRepoPath(f, { allowRoot: true })))];
  };
  return {
    templates: folders("templates"),
    services: folders("services"),
    state: {
      store: value2.state?.store ?? config.state.store,
      path: value2.state?.path !== void 0 ? normalizeRepoPath(value2.state.path) : config.state.path,
      branch: value2.state?.branch ?? config.state.branch
    },
    declaredState: {
      ...value2.state?.store !== void 0 ? { store: value2.state.store } : {},
      ...value2.state?.path !== void 0 ? { path: normalizeRepoPath(value2.state.path) } : {},
      ...value2.state?.branch !== void 0 ? { branch: value2.state.branch } : {}
    },
    ...value2.defaultBranch !== void 0 ? { defaultBranch: value2.defaultBranch } : {}
  };
}
function sortDiagnostics(diagnostics) {
  return [...diagnostics].sort(
    (a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

// src/load/resolve.ts
function cloneData(value2) {
  if (value2 === null || typeof value2 !== "object") return value2;
  if (Array.isArray(value2)) return value2.map(cloneData);
  if (Object.getPrototypeOf(value2) !== Object.prototype && Object.getPrototypeOf(value2) !== null) return structuredClone(value2);
  const copy = {};
  for (const key of Object.keys(value2)) {
    const member = cloneData(value2[key]);
    if (key === "__proto__") Object.defineProperty(copy, key, { value: member, enumerable: true, writable: true, configurable: true });
    else copy[key] = member;
  }
  return copy;
}
function settingsFrom(raw, sourceOf, basePath) {
  const out = {};
  for (const [key, value2] of Object.entries(raw ?? {})) {
    if (typeof value2 === "number") {
      const written = sourceOf([...basePath, key]);
      out[key] = written !== void 0 && !/^["']/.test(written) ? written : String(value2);
    } else {
      out[key] = String(value2);
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
function fileExists(reader, path) {
  return reader.exists ? reader.exists(path) : reader.read(path).then((text2) => text2 !== void 0);
}

// src/load/desired-state.ts
var DOCUMENT_KINDS = ["ServiceTemplate", "Service"];
var MAX_OPTION_DEPTH = 8;
var YIELD_AFTER_MS = 4;
async function loadDesiredState(reader) {
  const config = await loadConfig(reader);
  const paths = (await reader.list([...config.templates, ...config.services])).filter((path) => /\.ya?ml$/i.test(path) && path !== CONFIG_FILE);
  const texts = await Promise.all(paths.map((path) => reader.read(path)));
  const locator = new YamlLocator();
  const diagnostics = [];
  const report = (file, document, path, message, key = false) => diagnostics.push({ file, ...locator.locateIn(file, document?.index ?? 0, path, { key }), message });
  const positionText = (file, document, path) => {
    const { line, column } = locator.locateIn(file, document.index, path);
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
      const { problems, value: value2 } = checkedDocument(kind, file, document);
      for (const problem of problems) report(file, document, problem.path, problem.message, problem.atKey);
      if (problems.length > 0) {
        if (kind === "ServiceTemplate" && typeof raw.name === "string") brokenTemplates.add(raw.name);
        continue;
      }
      if (kind === "ServiceTemplate") templates.push({ value: value2, raw, file, document });
      else services.push({ value: value2, raw, file, document });
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
  const sourceOf = (path) => document.sourceOf(path);
  const problems = validateAgainstSchema(kind, raw, sourceOf);
  const value2 = problems.length > 0 ? void 0 : kind === "ServiceTemplate" ? templateFromDocument(raw, file, sourceOf) : serviceFromDocument(raw, file, sourceOf);
  const checked = { kind, file, problems, value: value2 };
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
  const value2 = document.value;
  if (typeof value2 !== "object" || value2 === null || Array.isArray(value2)) {
    report(
      file,
      document,
      [],
      `a ${API_VERSION} document is a mapping starting with "apiVersion: ${API_VERSION}" and "kind: ServiceTemplate" or "kind: Service", got ${Array.isArray(value2) ? "a list" : JSON.stringify(value2)?.slice(0, 40) ?? String(value2)}`
    );
    return void 0;
  }
  const { apiVersion, kind } = value2;
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
function depthOf(value2, depth = 0) {
  if (depth > MAX_OPTION_DEPTH) return depth;
  if (value2 === null || typeof value2 !== "object") return depth;
  let deepest = depth + 1;
  for (const child of Object.values(value2)) deepest = Math.max(deepest, depthOf(child, depth + 1));
  return deepest;
}
async function checkScriptsExist(reader, templates, report) {
  const references = [];
  const object = (v) => v && typeof v === "object" && !Array.isArray(v) ? v : {};
  for (const { file, document, raw } of templates) {
    const add = (path, script) => {
      if (typeof script === "string" && normalizeRepoPath(script) !== void 0) references.push({ file, document, path, script });
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
  references.forEach(({ file, document, path, script }, i) => {
    if (!found[i]) {
      report(
        file,
        document,
        path,
        `${dottedPath(path)}: "${script}" does not exist at this revision (${revisionName(reader)}); paths are relative to the repository root`
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

// src/core/compute-plan.ts
var STATE_REVISION = { ref: "STATE", commit: "" };
async function computePlan(opts) {
  const settle = (reader) => loadDesiredState(reader).then(
    (state) => ({ state }),
    (error) => ({ error })
  );
  const headLoad = settle(opts.head);
  const baseReader = await opts.base;
  const base = baseReader?.revision ?? STATE_REVISION;
  const baseLoad = baseReader ? settle(baseReader) : void 0;
  let standIn;
  const baseWarnings = [];
  const baseResult = await baseLoad;
  if (baseResult) {
    try {
      if ("error" in baseResult) throw baseResult.error;
      standIn = baseResult.state;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const first = error.diagnostics[0];
      baseWarnings.push(
        `the base revision ${base.ref} has ${error.diagnostics.length} invalid file problem(s) (first: ${first ? formatDiagnostic(first) : "unknown"}), so it cannot stand in for services with no recorded state: those are planned as new`
      );
    }
  }
  let desired;
  try {
    const headResult = await headLoad;
    if ("error" in headResult) throw headResult.error;
    desired = headResult.state;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return refusedPlan({
      recorded: opts.recorded,
      standIn,
      services: opts.services,
      base,
      head: opts.head.revision,
      errors: error.diagnostics,
      warnings: baseWarnings
    });
  }
  const plan = buildPlan({ desired, recorded: opts.recorded, standIn, base, services: opts.services });
  return baseWarnings.length > 0 ? withWarnings(plan, baseWarnings) : plan;
}

// src/core/setup.ts
function resolveStateSettings(config, explicit = {}, doorDefault = {}) {
  const pick = (key) => explicit[key] ?? config.declaredState[key] ?? doorDefault[key] ?? config.state[key];
  return { store: pick("store"), path: pick("path"), branch: pick("branch") };
}

// src/github/plan-comment.ts
async function findPlanComment(octokit, where) {
  for (let page = 1; ; page++) {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      owner: where.owner,
      repo: where.repo,
      issue_number: where.issueNumber,
      per_page: 100,
      page
    });
    const found = data.find((c) => c.user?.type === "Bot" && (c.body ?? "").includes(PLAN_COMMENT_MARKER));
    if (found) return { id: Number(found.id), url: found.html_url, body: found.body ?? "" };
    if (data.length < 100) return void 0;
  }
}
async function upsertPlanComment(octokit, where, body, options = {}) {
  const marked = body.includes(PLAN_COMMENT_MARKER) ? body : `${PLAN_COMMENT_MARKER}
${body}`;
  const existing = await findPlanComment(octokit, where);
  if (existing) {
    if (existing.body !== marked) {
      await octokit.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
        owner: where.owner,
        repo: where.repo,
        comment_id: existing.id,
        body: marked
      });
    }
    return { id: existing.id, url: existing.url, created: false };
  }
  if (options.create === false) return void 0;
  const { data } = await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    owner: where.owner,
    repo: where.repo,
    issue_number: where.issueNumber,
    body: marked
  });
  return { id: Number(data.id), url: data.html_url, created: true };
}
function planCommentBody(plan, title) {
  return renderMarkdown(plan.document, { ...title ? { title } : {}, runnerDigests: runnerDigests(plan) });
}
function planCommentWorthStarting(doc) {
  const s = doc.summary;
  return s.create + s.refresh + s.restart + s.replace + s.destroy > 0 || doc.errors.length > 0;
}
function publishPlanComment(octokit, where, plan, opts = {}) {
  return upsertPlanComment(octokit, where, planCommentBody(plan), { create: opts.always || planCommentWorthStarting(plan.document) });
}

// src/github/check-run.ts
var ANNOTATIONS_PER_REQUEST = 50;
var SUMMARY_LIMIT = 65535;
var TITLE_LIMIT = 255;
async function startCheckRun(octokit, repo, opts) {
  const { data } = await octokit.request("POST /repos/{owner}/{repo}/check-runs", {
    owner: repo.owner,
    repo: repo.repo,
    name: opts.name,
    head_sha: opts.headSha,
    status: "in_progress",
    started_at: (/* @__PURE__ */ new Date()).toISOString(),
    ...opts.detailsUrl ? { details_url: opts.detailsUrl } : {}
  });
  return { id: Number(data.id), name: opts.name };
}
async function completeCheckRun(octokit, repo, check, result) {
  const title = clip2(result.title, TITLE_LIMIT);
  const summary = clip2(result.summary, SUMMARY_LIMIT);
  const batches = [];
  for (let i = 0; i < result.annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(result.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  if (batches.length === 0) batches.push([]);
  let requests = 0;
  for (const [i, batch] of batches.entries()) {
    const last = i === batches.length - 1;
    await octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      owner: repo.owner,
      repo: repo.repo,
      check_run_id: check.id,
      output: { title, summary, ...batch.length > 0 ? { annotations: batch.map(toApiAnnotation) } : {} },
      ...last ? { status: "completed", conclusion: result.conclusion, completed_at: (/* @__PURE__ */ new Date()).toISOString() } : {}
    });
    requests++;
  }
  return requests;
}
function toApiAnnotation(a) {
  return {
    path: a.path,
    start_line: a.line,
    end_line: a.line,
    // Columns are only allowed by the API on single-line annotations, which these are.
    ...a.column ? { start_column: a.column, end_column: a.column } : {},
    annotation_level: a.level ?? "failure",
    message: a.message
  };
}
function clip2(text2, limit) {
  return text2.length <= limit ? text2 : `${text2.slice(0, limit - 1)}\u2026`;
}

// src/bot/recorded-state.ts
async function readRecordedStateFromBranch(deps, branch) {
  let reader;
  try {
    reader = await GitHubTreeReader.open(deps.octokit, deps.repo, { ref: branch, commit: branch }, deps.blobs);
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 409) return {};
    throw error;
  }
  const state = {};
  const files = (await reader.list([""])).filter((p) => !p.includes("/") && p.endsWith(".json"));
  const texts = await Promise.all(files.map((p) => reader.read(p)));
  files.forEach((path, i) => {
    const record = parseRecord(texts[i], `${branch}:${path}`);
    state[record.name] = record;
  });
  return state;
}
function statusOf(error) {
  const status = error?.status;
  return typeof status === "number" ? status : void 0;
}

// src/bot/plan-pull-request.ts
async function planPullRequest(deps, pr, options = {}) {
  const check = await startCheckRun(deps.octokit, deps.repo, { name: deps.settings.checkName, headSha: pr.head.sha });
  try {
    const plan = await computePullRequestPlan(deps, pr);
    const doc = plan.document;
    const comment = await postPlanComment(deps, pr, plan, options.alwaysComment ?? false);
    const conclusion = conclusionOf(doc);
    await completeCheckRun(deps.octokit, deps.repo, check, {
      conclusion,
      title: checkTitle(doc),
      summary: checkSummary(doc, comment?.url),
      annotations: doc.errors.map(annotationOf)
    });
    return { conclusion, plan: doc, comment: comment && { id: comment.id, created: comment.created } };
  } catch (error) {
    deps.log.error({ err: error, pr: pr.number }, "planning the pull request failed");
    await completeCheckRun(deps.octokit, deps.repo, check, {
      conclusion: "failure",
      title: "svcplan could not plan this pull request",
      summary: `svcplan could not plan this pull request:

\`\`\`
${messageOf(error)}
\`\`\`

Push again or comment \`/plan\` to retry.`,
      annotations: []
    });
    return { conclusion: "failure" };
  }
}
async function stateBranchAt(deps, branch) {
  const reader = await GitHubTreeReader.open(deps.octokit, deps.repo, { ref: branch, commit: branch }, deps.blobs);
  return stateBranchOf(deps, reader);
}
async function computePullRequestPlan(deps, pr) {
  const head = await GitHubTreeReader.open(deps.octokit, deps.repo, { ref: pr.head.ref, commit: pr.head.sha }, deps.blobs);
  const branch = await stateBranchOf(deps, head);
  const recorded = await readRecordedStateFromBranch(deps, branch);
  return computePlan({ head, recorded });
}
async function stateBranchOf(deps, reader) {
  const explicit = deps.settings.stateBranch ? { branch: deps.settings.stateBranch } : {};
  let config;
  try {
    config = await loadConfig(reader);
  } catch {
    config = defaultConfig();
  }
  return resolveStateSettings(config, explicit, { store: "git" }).branch;
}
function postPlanComment(deps, pr, plan, always) {
  return publishPlanComment(deps.octokit, { ...deps.repo, issueNumber: pr.number }, plan, { always });
}
function hasChanges(doc) {
  const s = doc.summary;
  return s.create + s.refresh + s.restart + s.replace + s.destroy > 0;
}
function conclusionOf(doc) {
  if (doc.errors.length > 0) return "failure";
  return hasChanges(doc) ? "success" : "neutral";
}
function checkTitle(doc) {
  if (doc.errors.length > 0) return `${doc.errors.length} problem${doc.errors.length === 1 ? "" : "s"} in the templates repository`;
  if (!hasChanges(doc)) return "No changes";
  const s = doc.summary;
  const parts = ["create", "refresh", "restart", "replace", "destroy"].filter((a) => s[a] > 0).map((a) => `${s[a]} to ${a}`);
  return parts.join(", ");
}
function checkSummary(doc, commentUrl) {
  const s = doc.summary;
  const lines = [
    `Plan digest: \`${doc.plan_digest}\``,
    "",
    `| create | refresh | restart | replace | destroy | unchanged |`,
    `|---:|---:|---:|---:|---:|---:|`,
    `| ${s.create} | ${s.refresh} | ${s.restart} | ${s.replace} | ${s.destroy} | ${s.none} |`
  ];
  if (doc.errors.length > 0) lines.push("", "Nothing can be applied while a file is invalid; the annotations show where.");
  if (commentUrl) lines.push("", `Full plan: ${commentUrl}`);
  return lines.join("\n");
}
function annotationOf(d) {
  return { path: d.file, line: Math.max(1, d.line), column: Math.max(1, d.column), message: d.message };
}
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

// src/bot/drift.ts
async function driftReply(deps, event, service) {
  const branch = await stateBranchAt(deps, event.defaultBranch);
  const recorded = await readRecordedStateFromBranch(deps, branch);
  const names = Object.keys(recorded).sort();
  if (names.length === 0)
    return `Nothing is recorded on \`${escapeMarkdown(branch)}\` yet: svcplan has applied nothing, so there is nothing to check for drift.`;
  if (service && !recorded[service]) {
    return `Nothing is recorded for ${escapeMarkdown(service)}, so there is nothing to check. Recorded services: ${names.map(escapeMarkdown).join(", ")}.`;
  }
  const reports = await readRecordedDrift(deps.octokit, deps.repo, branch, deps.blobs);
  const inputs = driftDispatchInputs({
    ...service ? { service, runner: runnerLabelOf({ runner: recorded[service].spec.target.runner }) } : {},
    issue: event.issueNumber
  });
  const dispatch = { workflow: deps.settings.driftWorkflow, ref: event.defaultBranch, inputs };
  let started;
  try {
    await dispatchWorkflow(deps.octokit, deps.repo, dispatch);
    const scope = service ? `service: ${service}, runner: ${inputs.runner}` : "every service, on each runner";
    started = `Started a fresh check: the \`${dispatch.workflow}\` workflow on \`${dispatch.ref}\` (${escapeMarkdown(scope)}); each runner comments its report here and updates the drift issues.`;
  } catch (error) {
    started = `${explainWorkflowDispatchFailure(DRIFT_WORKFLOW_CONTRACT, error, dispatch)} No fresh check was started.`;
  }
  return renderDriftReply(service ? [service] : names, recorded, reports, started);
}
function renderDriftReply(services, recorded, reports, tail) {
  const limit = GITHUB_COMMENT_LIMIT - tail.length - 200;
  const out = ["### svcplan drift, as last recorded", "", "| service | runner | last checked | result |", "|---|---|---|---|"];
  let length = out.join("\n").length;
  let shown2 = 0;
  for (const name of services) {
    const row = rowOf(name, runnerLabelOf({ runner: recorded[name].spec.target.runner }), reports.get(name));
    if (length + row.length + 1 > limit) break;
    out.push(row);
    length += row.length + 1;
    shown2++;
  }
  if (shown2 < services.length) out.push("", `\u2026 and ${services.length - shown2} more services; \`/drift SERVICE\` shows one.`);
  out.push("");
  length = out.join("\n").length;
  const sections = services.slice(0, shown2).filter((name) => reports.get(name)?.services[0].status === "drifted");
  let omitted = 0;
  for (const name of sections) {
    const room = limit - length - 2;
    const section = room > 400 ? renderDriftMarkdown(reports.get(name), { service: name, maxLength: room }).split(driftIssueMarker(name) + "\n").join("") : "";
    if (!section || length + section.length + 1 > limit) {
      omitted++;
      continue;
    }
    out.push(section);
    length += section.length + 1;
  }
  if (omitted > 0) out.push(`The differences of ${omitted} more drifted service${omitted === 1 ? "" : "s"} do not fit here: \`/drift SERVICE\` shows one.`, "");
  if (services.length > 0 && services.every((name) => !reports.has(name))) {
    out.push("No drift check has been recorded yet: the drift workflow records one per service on each run.", "");
  }
  return `${out.join("\n")}
${tail}
`;
}
function rowOf(name, label, report) {
  const cells = [escapeMarkdown(name), `\`${escapeMarkdown(label)}\``];
  if (!report) return `| ${cells.join(" | ")} | never | \u2014 |`;
  const s = report.services[0];
  const by = report.checked_by;
  const where = [
    by.runner ? `on runner \`${escapeMarkdown(by.runner)}\`` : "",
    by.host ? `host \`${escapeMarkdown(by.host)}\`` : "",
    by.run_url && /^https?:\/\/[^\s()<>]+$/.test(by.run_url) ? `[workflow run](${by.run_url})` : ""
  ].filter(Boolean).join(", ");
  const result = s.status === "drifted" ? `**drifted**: ${s.instances.length} of ${s.checked} instance${s.checked === 1 ? "" : "s"}` : `clean: ${s.checked} instance${s.checked === 1 ? "" : "s"} as recorded`;
  const unobserved = report.errors.length > 0 ? `; ${report.errors.length} not observed` : "";
  return `| ${cells.join(" | ")} | ${report.checked_at}${where ? ` ${where}` : ""} | ${result}${unobserved} |`;
}

// src/apply/rollback.ts
var RollbackTargetError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "RollbackTargetError";
  }
};
function recordToRollBack(recorded, service) {
  const record = recorded[service];
  if (record) return record;
  const names = Object.keys(recorded).sort();
  throw new RollbackTargetError(
    `nothing is recorded for service ${service}, so there is nothing to roll back; recorded services: ${names.join(", ") || "none yet"}`
  );
}
function planRollbackFor(record, target, locator = { locate: () => ({ line: 1, column: 1 }) }) {
  const { pin: _pin, ...unpinned } = record;
  const desired = {
    revision: { ref: target.revision.ref, commit: target.revision.commit },
    templates: [],
    services: [target.spec],
    locator
  };
  const plan = buildPlan({
    desired,
    recorded: { [record.name]: unpinned },
    base: { ref: "STATE", commit: "" },
    services: [record.name]
  });
  if (plan.document.services.length === 0) {
    plan.document.services = [unchangedService(record, target.spec)];
    plan.desired[record.name] = target.spec;
  }
  plan.locator = locator;
  return plan;
}
function describeHistory(record) {
  return record.history.length === 0 ? "it has no deployments yet" : `its deployments: ${record.history.map((d) => `${d.id} (${d.kind}, ${d.result}, release ${d.revision.release}, ${d.revision.commit.slice(0, 7) || "working tree"})`).join("; ")}`;
}
function deploymentTarget(record, to) {
  const history = record.history;
  if (to === void 0) {
    const current = history[history.length - 1];
    const earlier = history.filter((d2) => d2 !== current && d2.result === "succeeded");
    const target = earlier[earlier.length - 1];
    if (!target) {
      throw new RollbackTargetError(`service ${record.name} has no succeeded deployment before the current one to roll back to; ${describeHistory(record)}`);
    }
    return target;
  }
  const id = /^#?(\d+)$/.exec(to.trim());
  if (!id) return void 0;
  const d = history.find((x) => x.id === Number(id[1]));
  if (!d) throw new RollbackTargetError(`service ${record.name} has no deployment ${id[1]}; ${describeHistory(record)}`);
  if (d.result === "in-progress") {
    throw new RollbackTargetError(`deployment ${d.id} of ${record.name} never finished; pick a finished one: ${describeHistory(record)}`);
  }
  return d;
}
async function resolveRollbackTarget(record, to, readRevision) {
  const deployment = deploymentTarget(record, to);
  if (deployment) return { kind: "deployment", label: `deployment ${deployment.id}`, spec: deployment.spec, revision: deployment.revision, deployment };
  if (to === void 0) throw new Error("unreachable: no target without a deployment");
  let found;
  try {
    found = await readRevision(to);
  } catch (err) {
    if (err instanceof InputError) {
      throw new RollbackTargetError(`the templates at ${to} are not valid, so ${record.name} cannot be rolled back to them:
${err.message}`);
    }
    throw err;
  }
  if (!found) {
    throw new RollbackTargetError(
      `"${to}" is neither a deployment id of ${record.name} nor a commit, branch or tag of the templates repository; ${describeHistory(record)}`
    );
  }
  const { commit, desired } = found;
  const spec = desired.services.find((s) => s.name === record.name);
  if (!spec) {
    throw new RollbackTargetError(
      `service ${record.name} does not exist at ${to} (${commit.slice(0, 7)}); services there: ${desired.services.map((s) => s.name).sort().join(", ") || "none"}`
    );
  }
  const same2 = [...record.history].reverse().find((d) => d.revision.commit === commit && specDigest(d.spec) === specDigest(spec) && d.result === "succeeded");
  return { kind: "ref", label: `ref ${to} (${commit.slice(0, 7)})`, spec, revision: { commit, ref: to, release: spec.release }, deployment: same2 };
}
function unchangedService(record, spec) {
  const tiers = spec.tiers.map((t) => ({
    name: t.name,
    order: t.rollout.order,
    domains: [
      {
        index: 0,
        instances: record.instances.filter((i) => i.tier === t.name).map((i) => ({ name: i.name, index: i.index, action: "none", reasons: [] }))
      }
    ]
  })).filter((t) => t.domains[0].instances.length > 0);
  return { name: record.name, template: spec.template, ...spec.target.runner ? { runner: spec.target.runner } : {}, tiers };
}

// src/bot/rollback.ts
var RollbackRefused = class extends Error {
  constructor(message) {
    super(message);
    this.name = "RollbackRefused";
  }
};
async function planRollbackThroughApi(deps, recorded, service, to) {
  try {
    const record = recordToRollBack(recorded, service);
    const target = await resolveRollbackTarget(record, to, (ref) => apiRevision(deps, ref));
    return { record, target, plan: planRollbackFor(record, target) };
  } catch (error) {
    if (error instanceof RollbackTargetError) throw new RollbackRefused(capitalize(error.message) + ".");
    throw error;
  }
}
function capitalize(text2) {
  return text2.charAt(0).toUpperCase() + text2.slice(1);
}
async function apiRevision(deps, ref) {
  const commit = await resolveRef(deps, ref);
  return commit ? { commit, desired: await readDesiredAt(deps, ref, commit) } : void 0;
}
async function resolveRef(deps, ref) {
  try {
    const { data } = await deps.octokit.request("GET /repos/{owner}/{repo}/commits/{ref}", {
      owner: deps.repo.owner,
      repo: deps.repo.repo,
      ref
    });
    return data.sha;
  } catch (error) {
    const status = statusOf(error);
    if (status === 404 || status === 422) return void 0;
    throw error;
  }
}
async function readDesiredAt(deps, ref, commit) {
  const reader = await GitHubTreeReader.open(deps.octokit, deps.repo, { ref, commit }, deps.blobs);
  return loadDesiredState(reader);
}

// src/bot/dispatch-command.ts
async function dispatchCommand(deps, event) {
  const command = parseCommand(event.body);
  if (!command) return { kind: "ignored" };
  await react(deps, event.commentId);
  if (!await hasWritePermission(deps.octokit, deps.repo, event.author)) {
    await reply(deps, event, `Sorry @${event.author}, svcplan only acts on commands from people with write access to this repository. Nothing was done.`);
    return { kind: "refused", command: command.kind };
  }
  try {
    switch (command.kind) {
      case "help":
        await reply(deps, event, HELP_TEXT);
        break;
      case "invalid":
        await reply(deps, event, `${command.problem}

${HELP_TEXT}`);
        break;
      case "plan":
        await runPlan(deps, event);
        break;
      case "rollback":
        await runRollback(deps, event, command.service, command.to);
        break;
      case "drift":
        await reply(deps, event, await driftReply(deps, event, command.service));
        break;
    }
    return { kind: "done", command: command.kind };
  } catch (error) {
    const message = error instanceof RollbackRefused ? error.message : `svcplan could not run \`/${command.kind}\`: ${messageOf(error)}`;
    if (!(error instanceof RollbackRefused)) deps.log.error({ err: error, issue: event.issueNumber }, "comment command failed");
    await reply(deps, event, message).catch((e) => deps.log.error({ err: e }, "could not reply"));
    return { kind: "failed", command: command.kind, message };
  }
}
async function runPlan(deps, event) {
  if (!event.isPullRequest) {
    await reply(deps, event, "`/plan` works on pull requests only: it plans the change a pull request makes.");
    return;
  }
  const { data } = await deps.octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
    owner: deps.repo.owner,
    repo: deps.repo.repo,
    pull_number: event.issueNumber
  });
  const pr = {
    number: data.number,
    base: { ref: data.base.ref, sha: data.base.sha },
    head: { ref: data.head.ref, sha: data.head.sha }
  };
  await planPullRequest(deps, pr, { alwaysComment: true });
}
async function runRollback(deps, event, service, to) {
  const recorded = await readRecordedStateFromBranch(deps, await stateBranchAt(deps, event.defaultBranch));
  const { record, target, plan } = await planRollbackThroughApi(deps, recorded, service, to);
  const inputs = rollbackDispatchInputs({
    service,
    // The resolved target, so the apply redeploys exactly what this reply shows.
    to: target.kind === "deployment" ? String(target.deployment.id) : target.revision.commit,
    issue: event.issueNumber,
    // Only the runner that reaches the service's hypervisor can apply it.
    runner: record.spec.target.runner
  });
  const dispatch = { workflow: deps.settings.workflow, ref: event.defaultBranch, inputs };
  try {
    await dispatchApplyWorkflow(deps.octokit, deps.repo, dispatch);
  } catch (error) {
    throw new RollbackRefused(`${explainDispatchFailure(error, dispatch)} Nothing was applied.`);
  }
  const title = `Rollback of ${service} to ${describeTarget(target)}`;
  const started = `Started the \`${dispatch.workflow}\` workflow on \`${dispatch.ref}\` to apply it (command: ${inputs.command}, service: ${inputs.service}, to: ${inputs.to}, runner: ${inputs.runner}); it runs on the self-hosted runner labelled \`${inputs.runner}\` and comments the result here.`;
  const body = renderMarkdown(plan.document, { title, maxLength: GITHUB_COMMENT_LIMIT - started.length - 2 }).split(PLAN_COMMENT_MARKER).join("");
  await reply(deps, event, `${body}

${started}`);
}
function describeTarget(target) {
  const { release, commit, ref } = target.revision;
  return target.kind === "deployment" ? `deployment ${target.deployment.id} (release ${release}, ${commit.slice(0, 7)})` : `${ref} (release ${release}, ${commit.slice(0, 7)})`;
}
async function react(deps, commentId) {
  try {
    await deps.octokit.request("POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", {
      owner: deps.repo.owner,
      repo: deps.repo.repo,
      comment_id: commentId,
      content: "eyes"
    });
  } catch (error) {
    deps.log.warn({ err: error }, "could not add the eyes reaction");
  }
}
async function reply(deps, event, body) {
  await postIssueComment(deps.octokit, deps.repo, event.issueNumber, body);
}

// src/bot/app.ts
function createApp(options = {}) {
  const settings = options.settings ?? settingsFromEnv();
  const blobs = options.blobs ?? new BlobCache();
  return (app) => {
    const depsOf = (context) => ({
      // The Probot client is an @octokit/core Octokit with plugins (auth, retry, throttling).
      octokit: context.octokit,
      repo: context.repo(),
      blobs,
      settings,
      log: context.log
    });
    app.on(["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"], async (context) => {
      const pr = context.payload.pull_request;
      await guarded(
        context,
        () => planPullRequest(depsOf(context), {
          number: pr.number,
          base: { ref: pr.base.ref, sha: pr.base.sha },
          head: { ref: pr.head.ref, sha: pr.head.sha }
        })
      );
    });
    app.on("issue_comment.created", async (context) => {
      const { comment, issue, repository, sender } = context.payload;
      if (sender.type === "Bot" || comment.user?.type === "Bot") return;
      await guarded(
        context,
        () => dispatchCommand(depsOf(context), {
          commentId: comment.id,
          body: comment.body ?? "",
          author: comment.user?.login ?? sender.login,
          issueNumber: issue.number,
          isPullRequest: Boolean(issue.pull_request),
          defaultBranch: repository.default_branch
        })
      );
    });
  };
}
async function guarded(context, work) {
  try {
    await work();
  } catch (error) {
    context.log.error({ err: error, event: context.name, delivery: context.id }, "svcplan could not handle the event");
  }
}
var app_default = createApp();

// src/bot/server.ts
var LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"];
function botOptionsFromEnv(env = process.env) {
  const problems = [];
  const appId = Number(env.APP_ID);
  if (!env.APP_ID || !Number.isInteger(appId) || appId <= 0) {
    problems.push("APP_ID must be the numeric App ID shown on the GitHub App settings page");
  }
  let privateKey = env.PRIVATE_KEY?.replace(/\\n/g, "\n");
  if (!privateKey && env.PRIVATE_KEY_PATH) {
    try {
      privateKey = readFileSync(env.PRIVATE_KEY_PATH, "utf8");
    } catch (error) {
      problems.push(`PRIVATE_KEY_PATH ${env.PRIVATE_KEY_PATH} cannot be read (${error.message})`);
    }
  }
  if (!privateKey && !env.PRIVATE_KEY_PATH) problems.push("PRIVATE_KEY (the PEM text) or PRIVATE_KEY_PATH (its file) must be set");
  if (privateKey && !privateKey.includes("PRIVATE KEY-----")) problems.push('the private key is not a PEM key (expected "-----BEGIN ... PRIVATE KEY-----")');
  if (!env.WEBHOOK_SECRET) problems.push("WEBHOOK_SECRET must be the webhook secret set on the GitHub App");
  const port = env.PORT === void 0 || env.PORT === "" ? 3e3 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT ${env.PORT} is not a port number`);
  const writeSpacingMs = env.SVCPLAN_WRITE_SPACING_MS === void 0 || env.SVCPLAN_WRITE_SPACING_MS === "" ? 1e3 : Number(env.SVCPLAN_WRITE_SPACING_MS);
  if (!Number.isFinite(writeSpacingMs) || writeSpacingMs < 0)
    problems.push(`SVCPLAN_WRITE_SPACING_MS ${env.SVCPLAN_WRITE_SPACING_MS} is not a number of milliseconds`);
  const logLevel = env.LOG_LEVEL ?? "info";
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL ${env.LOG_LEVEL} is not one of ${LOG_LEVELS.join(", ")}`);
  if (problems.length > 0) throw new Error(`svcplan bot cannot start:
  - ${problems.join("\n  - ")}`);
  const baseUrl = env.GITHUB_API_URL?.replace(/\/+$/, "") || (env.GHE_HOST ? `${env.GHE_PROTOCOL || "https"}://${env.GHE_HOST}/api/v3` : "https://api.github.com");
  return {
    appId,
    privateKey,
    webhookSecret: env.WEBHOOK_SECRET,
    baseUrl,
    port,
    host: env.HOST || "0.0.0.0",
    webhookPath: env.WEBHOOK_PATH || "/api/github/webhooks",
    logLevel,
    writeSpacingMs
  };
}
async function startBotServer(options) {
  const common = {
    appId: options.appId,
    privateKey: options.privateKey,
    secret: options.webhookSecret,
    baseUrl: options.baseUrl,
    Octokit: clientWith(options)
  };
  const logSource = new Probot({ ...common, logLevel: options.logLevel === "silent" ? "fatal" : options.logLevel });
  await logSource.ready();
  const log = logSource.log;
  if (options.logLevel === "silent") log.level = "silent";
  const server = new Server({
    Probot: Probot.defaults({ ...common, log }),
    log,
    // Probot's Server reads port 0 as "unset" and listens on 3000; ask the OS for a free port instead.
    port: options.port === 0 ? await freePort(options.host) : options.port,
    host: options.host,
    webhookPath: options.webhookPath,
    // Probot's setup pages serve no purpose for an app that is already registered.
    enableStaticFiles: false
  });
  await server.load(createApp(options.app));
  const http = await server.start();
  const port = http.address().port;
  const shownHost = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    server,
    port,
    webhookUrl: `http://${shownHost}:${port}${options.webhookPath}`,
    stop: () => server.stop()
  };
}
function freePort(host) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
function clientWith(options) {
  const spacing = options.writeSpacingMs ?? 1e3;
  const write = spacedLimiter(spacing);
  const notifications = spacedLimiter(3 * spacing);
  return ProbotOctokit.defaults((instance) => ({
    ...instance,
    retry: { retryAfterBaseValue: options.retryBaseMs ?? 1e3, ...instance.retry },
    throttle: { ...instance.throttle, write, notifications }
  }));
}
function spacedLimiter(ms) {
  const perKey = /* @__PURE__ */ new Map();
  return {
    key(id = "") {
      let limiter = perKey.get(id);
      if (!limiter) {
        let queue = Promise.resolve();
        let last = 0;
        limiter = {
          schedule(_opts, job, ...args) {
            const run = queue.then(async () => {
              const wait = last + ms - Date.now();
              if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
              try {
                return await job(...args);
              } finally {
                last = Date.now();
              }
            });
            queue = run.catch(() => void 0);
            return run;
          }
        };
        perKey.set(id, limiter);
      }
      return limiter;
    }
  };
}

// src/bot/main.ts
try {
  const bot = await startBotServer(botOptionsFromEnv());
  const shutdown = async () => {
    await bot.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
} catch (error) {
  console.error(error.message);
  process.exit(2);
}
