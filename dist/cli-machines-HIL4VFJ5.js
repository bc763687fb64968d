import { createRequire as __svcplanCreateRequire } from 'node:module';
const require = __svcplanCreateRequire(import.meta.url);
import {
  DISRUPTION_ORDER,
  GITHUB_COMMENT_LIMIT,
  GitError,
  GitRevisionReader,
  InputError,
  LeaseHeldError,
  LeaseLostError,
  MemoryStateStore,
  RunInterruptedError,
  StoppedOnRequest,
  buildPlan,
  canonicalJson,
  classifyInstanceChange,
  escapeMarkdown,
  instanceName,
  leaseStaleness,
  loadDesiredState,
  mostDisruptive,
  runnerLabelOf,
  specDigest
} from "./cli-chunk-WV6V3AUA.js";

// src/apply/boxes.ts
function boxesFor(specs) {
  const boxes = /* @__PURE__ */ new Map();
  for (const spec of specs) {
    const box = { name: spec.image.box, version: spec.image.version, provider: spec.target.provider };
    boxes.set(JSON.stringify(box), box);
  }
  return [...boxes.values()];
}
function planBoxes(plan) {
  const byService = /* @__PURE__ */ new Map();
  for (const ps of plan.document.services) {
    const spec = plan.desired[ps.name];
    if (!spec) continue;
    const specs = [];
    for (const tier of ps.tiers) {
      const made = tier.domains.some((d) => d.instances.some((i) => i.action === "create" || i.action === "replace"));
      const desired = spec.tiers.find((t) => t.name === tier.name);
      if (made && desired) specs.push(desired.instance);
    }
    if (specs.length > 0) byService.set(ps.name, boxesFor(specs));
  }
  return byService;
}
async function prepareBoxes(plan, driver) {
  const failures = [];
  await Promise.all([...planBoxes(plan)].map(([service, boxes]) => driver.prepareBoxes(service, boxes).catch((err) => failures.push(err.message))));
  return failures.length > 0 ? failures.sort().join("; ") : void 0;
}

// src/apply/bounded.ts
async function mapBounded(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// src/apply/scheduler.ts
import { setMaxListeners } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";

// src/apply/step-runner.ts
import { randomBytes } from "node:crypto";

// src/apply/recovery.ts
var GATE_PHASE = {
  create: ["created"],
  replace: ["restored"],
  refresh: ["refreshed"],
  restart: ["restarted", "booted"]
};
function atGate(step) {
  return step.action !== "destroy" && GATE_PHASE[step.action].includes(step.phase);
}
function firstPhase(step) {
  switch (step.action) {
    case "create":
      return "creating";
    case "replace":
      return step.save ? "saving" : "saved";
    case "refresh":
      return "refreshing";
    case "restart":
      return step.growStateDisk ? "halting" : "restarting";
    case "destroy":
      return "destroying";
  }
}
function isOldMachine(step, m) {
  if (m.state === "not_created") return false;
  const old = step.old;
  if (old?.id && m.id) return old.id === m.id;
  if (old?.box && m.box) return old.box.name === m.box.name && old.box.version === m.box.version;
  return true;
}
function atCreating(step, m, unfinished) {
  if (m.state !== "not_created" && m.state !== "unknown") return { kind: "run", op: "destroy", then: "creating", note: unfinished };
  if (m.state === "not_created" && (step.call !== void 0 || step.failed !== void 0)) {
    return {
      kind: "run",
      op: "destroy",
      then: "creating",
      note: "a create the interrupted run began left no machine: `vagrant destroy` clears what it may have left (its disk image; the state disk stays), then it is created again"
    };
  }
  return { kind: "run", op: "create", then: "created" };
}
function forgetsUnstarted(step) {
  return !(step.phase === "creating" && step.call?.op === "destroy");
}
function nextMove(step, m) {
  const exists = m.state !== "not_created";
  const hasProvisioners = (step.provisioners ?? []).length > 0;
  const gone = (what) => ({
    kind: "fail",
    message: `its machine no longer exists (vagrant status: not created), so it cannot be ${what}; svcplan never recreates a VM it did not destroy itself: find out what removed it, then run svcplan apply again`
  });
  switch (step.action) {
    case "create":
      switch (step.phase) {
        case "creating":
          return atCreating(step, m, "an unfinished machine from an interrupted run: destroyed and created again (its state disk stays)");
        case "created":
          if (!exists) return { kind: "advance", phase: "creating", note: "the machine is gone: it is created again" };
          return { kind: "gate" };
      }
      break;
    case "replace":
      switch (step.phase) {
        case "saving":
          if (!exists) return { kind: "advance", phase: "destroyed", note: "the old machine is already gone: nothing to save, halt or destroy" };
          if (!step.save) return { kind: "advance", phase: "saved" };
          if (!isOldMachine(step, m))
            return {
              kind: "advance",
              phase: "saved",
              note: "the machine is not the VM being replaced: save-state is not run on it, the state disk is kept as it is"
            };
          if (m.state === "stopped") return { kind: "advance", phase: "saved", note: "not running: save-state hook skipped, the state disk is kept as it is" };
          return { kind: "run", op: "save-state", then: "saved" };
        case "saved":
          if (!exists) return { kind: "advance", phase: "destroyed" };
          if (m.state === "stopped") return { kind: "advance", phase: "halted" };
          return { kind: "run", op: "halt", then: "halted" };
        case "halted":
          if (!exists) return { kind: "advance", phase: "destroyed" };
          return { kind: "run", op: "destroy", then: "destroyed" };
        case "destroyed":
          return { kind: "advance", phase: "creating" };
        case "creating":
          return atCreating(step, m, "an unfinished new machine from an interrupted run (never restored): destroyed and created again; the state disk stays");
        case "created":
          if (!exists) return { kind: "advance", phase: "creating", note: "the new machine is gone: it is created again" };
          if (m.state === "stopped") return { kind: "run", op: "boot", then: "created" };
          return { kind: "advance", phase: step.to?.state?.restore ? "restoring" : "restored" };
        case "restoring":
          if (!exists) return { kind: "advance", phase: "creating", note: "the new machine is gone: it is created again and restored" };
          if (m.state === "stopped") return { kind: "run", op: "boot", then: "restoring" };
          return { kind: "run", op: "restore-state", then: "restored" };
        case "restored":
          if (!exists) return { kind: "advance", phase: "creating", note: "the new machine is gone: it is created again and restored" };
          return { kind: "gate" };
      }
      break;
    case "refresh":
      switch (step.phase) {
        case "refreshing":
          if (!exists) return gone("refreshed");
          if (m.state === "stopped") return { kind: "run", op: "boot-provision", then: "refreshed" };
          if (!hasProvisioners) return { kind: "advance", phase: "refreshed" };
          return { kind: "run", op: "provision", then: "refreshed" };
        case "refreshed":
          if (!exists) return gone("checked");
          return { kind: "gate" };
      }
      break;
    case "restart":
      switch (step.phase) {
        case "restarting":
          if (!exists) return gone("restarted");
          return { kind: "run", op: "reload", then: "restarted" };
        case "restarted":
          if (!exists) return gone("checked");
          return { kind: "gate" };
        case "halting":
          if (!exists) return gone("restarted");
          if (m.state === "stopped") return { kind: "advance", phase: "halted" };
          return { kind: "run", op: "halt", then: "halted" };
        case "halted":
          if (!exists) return gone("restarted");
          if (m.state === "running") return { kind: "run", op: "halt", then: "halted" };
          return { kind: "run", op: "grow-disk", then: "grown" };
        case "grown":
          if (!exists) return gone("restarted");
          if (m.state === "running") return { kind: "run", op: "await-ssh-provision", then: "booted" };
          return { kind: "run", op: hasProvisioners ? "boot-provision" : "boot", then: "booted" };
        case "booted":
          if (!exists) return gone("checked");
          return { kind: "gate" };
      }
      break;
    case "destroy":
      switch (step.phase) {
        case "destroying":
          if (!exists) return { kind: "advance", phase: "destroyed" };
          return { kind: "run", op: "destroy", then: "destroyed" };
        case "destroyed":
          if (step.deleteStateDisk) return { kind: "run", op: "delete-disk", then: "done" };
          return { kind: "done" };
      }
      break;
  }
  return { kind: "fail", message: `a ${step.action} step cannot be at phase ${step.phase}; the record is damaged` };
}

// src/apply/provisioners.ts
function provisionersFor(reasons) {
  const names = /* @__PURE__ */ new Set();
  for (const r of reasons) {
    if (r.action !== "refresh" && r.action !== "restart") continue;
    if (r.path === "features") names.add("features");
    else if (r.path.startsWith("settings.")) names.add("settings");
    else if (r.path.startsWith("apps.")) {
      names.add(`app-${r.path.slice("apps.".length).split(".")[0]}`);
    }
  }
  return ordered(names);
}
function everyProvisioner(spec) {
  return ordered(/* @__PURE__ */ new Set(["features", "settings", ...Object.keys(spec.apps).map((app) => `app-${app}`)]));
}
function ordered(names) {
  const rank = (n) => n === "features" ? 0 : n === "settings" ? 1 : 2;
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

// src/apply/steps.ts
function sameSpec(a, b) {
  if (a === b) return true;
  if (!a || !b) return false;
  return canonicalJson(a) === canonicalJson(b);
}
function newStep(fields, start) {
  const step = { ...fields, phase: "creating", deployment: start.deployment, domain: start.domain, startedAt: start.now };
  step.phase = firstPhase(step);
  return step;
}
function identityOf(m) {
  const old = {};
  if (m.id) old.id = m.id;
  if (m.box) old.box = m.box;
  return old;
}
function freshStep(ri, target, start) {
  if (!ri) return target ? { kind: "step", step: newStep({ action: "create", to: target }, start) } : { kind: "nothing" };
  if (!target) return { kind: "step", step: newStep({ action: "destroy", from: ri.spec, deleteStateDisk: start.deleteStateDisk && !!ri.spec.state }, start) };
  return stepBetween(ri.spec, target, start, {
    unsure: ri.status !== "ready",
    // An older record's pending replace may have left a new VM that was never restored.
    live: !(ri.status === "pending" && ri.pendingSpec && !sameSpec(ri.pendingSpec, ri.spec))
  });
}
function stepBetween(from, target, start, opts) {
  const change = classifyInstanceChange(from, target);
  let action = change.action;
  let provisioners = provisionersFor(change.reasons);
  if (opts.unsure && action !== "replace") {
    provisioners = everyProvisioner(target);
    if (action === "none") action = "refresh";
  }
  switch (action) {
    case "none":
      return sameSpec(from, target) ? { kind: "nothing" } : { kind: "spec", spec: target };
    case "refresh":
      return { kind: "step", step: newStep({ action: "refresh", from, to: target, provisioners }, start) };
    case "restart": {
      const growStateDisk = !!from.state && !!target.state && target.state.disk > from.state.disk;
      return { kind: "step", step: newStep({ action: "restart", from, to: target, provisioners, ...growStateDisk ? { growStateDisk } : {} }, start) };
    }
    case "replace":
      return {
        kind: "step",
        step: newStep({ action: "replace", from, to: target, save: opts.live && !!from.state?.save, old: identityOf(start.machine) }, start)
      };
    default:
      throw new Error(`unexpected classification ${action}`);
  }
}
function headsFor(step, target) {
  return step.action === "destroy" ? target === void 0 : sameSpec(step.to, target);
}
function retarget(step, target, start) {
  const m = start.machine;
  const { call, failed, ...kept } = step;
  const carried = (fields) => {
    const next = { ...kept, ...fields };
    if (next.phase === "creating" && step.phase === "creating") {
      if (call) next.call = call;
      if (failed) next.failed = failed;
    }
    return { kind: "step", step: next };
  };
  const destroyFrom = (spec) => {
    if (!spec) return { kind: "nothing" };
    return { kind: "step", step: newStep({ action: "destroy", from: spec, deleteStateDisk: start.deleteStateDisk && !!spec.state }, start) };
  };
  if (atGate(step)) {
    if (!target) return destroyFrom(step.to);
    return stepBetween(step.to, target, start, { unsure: false, live: true });
  }
  switch (step.action) {
    case "destroy":
      return { kind: "finish-first" };
    case "create":
      return target ? carried({ to: target }) : destroyFrom(step.to);
    case "replace": {
      const beforeDestroy = step.phase === "saving" || step.phase === "saved" || step.phase === "halted";
      if (!target) return destroyFrom(beforeDestroy ? step.from : step.to);
      if (beforeDestroy && sameSpec(target, step.from) && m.state !== "not_created") {
        const ensure = newStep({ action: "restart", from: step.from, to: step.from, provisioners: [], growStateDisk: true }, start);
        return { kind: "step", step: { ...ensure, phase: m.state === "running" ? "booted" : "grown" } };
      }
      if (beforeDestroy && m.state === "not_created") return carried({ to: target, phase: "destroyed" });
      if (step.phase === "restoring") return { kind: "finish-first" };
      if (step.phase === "created") return carried({ to: target, phase: "creating" });
      return carried({ to: target });
    }
    case "refresh":
    case "restart": {
      if (!target) return destroyFrom(step.to);
      const base = step.from ?? step.to;
      const fromStart = classifyInstanceChange(base, target);
      const fromHalfway = classifyInstanceChange(step.to, target);
      const worst = mostDisruptive([step.action, fromStart.action, fromHalfway.action]);
      if (worst === "replace") return stepBetween(step.to, target, start, { unsure: false, live: true });
      const provisioners = ordered([
        ...step.provisioners ?? [],
        ...provisionersFor(fromStart.reasons),
        ...provisionersFor(fromHalfway.reasons)
      ]);
      const growStateDisk = !!base.state && !!target.state && target.state.disk > base.state.disk;
      if (worst === step.action && (worst === "refresh" || !!step.growStateDisk === growStateDisk || step.growStateDisk)) {
        return carried({ to: target, provisioners });
      }
      return {
        kind: "step",
        step: newStep({ action: worst, from: base, to: target, provisioners, ...growStateDisk ? { growStateDisk } : {} }, start)
      };
    }
  }
}

// src/apply/step-runner.ts
var UNKNOWN = { state: "unknown" };
async function bringToward(ctx, slot, target, opts) {
  const { journal } = ctx;
  const settled = /* @__PURE__ */ new Set();
  let touched = false;
  for (let moves = 0; moves < 64; moves++) {
    const ri = journal.instance(slot.name);
    const machine = ctx.machines.get(slot.name) ?? UNKNOWN;
    const start = { deployment: ctx.deployment, domain: slot.domain, deleteStateDisk: opts.deleteStateDisk, machine, now: (/* @__PURE__ */ new Date()).toISOString() };
    const step = ri?.step;
    if (!step) {
      const fresh = freshStep(ri, target, start);
      if (fresh.kind === "nothing") return { kind: "unchanged" };
      if (fresh.kind === "spec") {
        journal.takeSpec(slot, fresh.spec);
        await journal.persist(`${ctx.service}: ${slot.name} takes the new spec (nothing changes on the VM)`);
        return { kind: "unchanged" };
      }
      journal.beginStep(slot, fresh.step);
      continue;
    }
    if (step.call && !settled.has(step.call.id)) {
      settled.add(step.call.id);
      const outcome = await ctx.driver.outcome(driverInstance(ctx, slot, specFor(step, step.call.op, step.phase)), step.call.id);
      if (outcome === "succeeded") {
        ctx.say(slot.name, `resuming: ${step.call.op} of the interrupted run succeeded (phase ${step.phase} \u2192 ${step.call.then})`);
        if (step.call.then === "done") return finish(ctx, slot, step, target, opts);
        journal.setPhase(slot.name, step.call.then);
        continue;
      }
      ctx.say(slot.name, `resuming at phase ${step.phase}: ${step.call.op} of the interrupted run ${describe(outcome)}`);
      if (outcome === "not-started" && forgetsUnstarted(step)) journal.setPhase(slot.name, step.phase);
    }
    if (!headsFor(step, target)) {
      const next = retarget(step, target, start);
      if (next.kind === "nothing") {
        journal.complete(slot.name);
        await journal.persist(`${ctx.service}: ${slot.name} left as it is`);
        return { kind: "unchanged" };
      }
      if (next.kind === "spec") {
        journal.complete(slot.name);
        journal.takeSpec(slot, next.spec);
        continue;
      }
      if (next.kind === "step") {
        journal.replaceStep(slot.name, next.step);
        ctx.say(slot.name, `its unfinished ${step.action} (at ${step.phase}) now heads for the new target as a ${next.step.action} at ${next.step.phase}`);
        continue;
      }
    }
    const move = nextMove(step, machine);
    switch (move.kind) {
      case "gate":
        return { kind: "gate" };
      case "done":
        return finish(ctx, slot, step, target, opts);
      case "fail": {
        journal.fail(slot.name, move.message);
        await journal.persist(`${ctx.service}: ${slot.name} ${step.action} failed at ${step.phase}: ${move.message}`);
        return { kind: "failed", message: move.message };
      }
      case "advance":
        if (move.note) ctx.say(slot.name, move.note);
        journal.setPhase(slot.name, move.phase);
        continue;
      case "run": {
        if (!touched && ctx.stopRequested?.()) return { kind: "stopped" };
        if (move.note) ctx.say(slot.name, move.note);
        const call = { id: randomBytes(5).toString("hex"), op: move.op, then: move.then };
        journal.setPhase(slot.name, step.phase, call);
        await journal.persist(`${ctx.service}: ${slot.name} ${step.action} ${step.phase}: ${move.op} (deployment ${ctx.deployment})`);
        settled.add(call.id);
        if (!touched && ctx.stopRequested?.()) return { kind: "stopped" };
        touched = true;
        try {
          await perform(ctx, slot, step, move.op, call.id);
        } catch (err) {
          if (err instanceof RunInterruptedError) throw err;
          ctx.machines.set(slot.name, UNKNOWN);
          const message = err.message || String(err);
          journal.fail(slot.name, message);
          await journal.persist(
            `${ctx.service}: ${slot.name} ${step.action} failed at ${step.phase} (${move.op}, deployment ${ctx.deployment}): ${firstLine(message)}`
          );
          return { kind: "failed", message };
        }
        ctx.machines.set(slot.name, afterOperation(move.op, machine));
        if (move.then === "done") return finish(ctx, slot, step, target, opts);
        journal.setPhase(slot.name, move.then);
        void journal.persist(`${ctx.service}: ${slot.name} ${step.action} ${move.then} (deployment ${ctx.deployment})`).catch(() => void 0);
        continue;
      }
    }
  }
  throw new Error(`${slot.name}: its step did not settle after 64 moves; this is a bug in svcplan`);
}
async function finish(ctx, slot, step, target, opts) {
  ctx.journal.remove(slot.name, !!step.deleteStateDisk);
  ctx.machines.set(slot.name, { state: "not_created" });
  if (target) return bringToward(ctx, slot, target, opts);
  void ctx.journal.persist(`${ctx.service}: ${slot.name} destroyed (deployment ${ctx.deployment})`).catch(() => void 0);
  return { kind: "removed" };
}
function specFor(step, op, phase) {
  const old = step.from ?? step.to;
  const next = step.to ?? step.from;
  if (step.action === "destroy") return old;
  if (step.action === "replace" && (phase === "saving" || phase === "saved" || phase === "halted")) return old;
  if (op === "delete-disk") return old;
  return next;
}
function driverInstance(ctx, slot, spec) {
  return { service: ctx.service, tier: slot.tier, index: slot.index, name: slot.name, spec };
}
async function perform(ctx, slot, step, op, call) {
  const d = ctx.driver;
  const inst = driverInstance(ctx, slot, specFor(step, op, step.phase));
  const provisioners = step.provisioners ?? [];
  switch (op) {
    case "save-state":
      return d.provision(inst, ["save-state"], { call });
    case "restore-state":
      return d.provision(inst, ["restore-state"], { call });
    case "halt":
      return d.halt(inst, { call });
    case "destroy":
      return d.destroy(inst, { call });
    case "create":
      return d.up(inst, { call, provision: "all", ...step.action === "replace" ? { keepOnError: true } : {} });
    case "boot":
      return d.up(inst, { call, provision: "none" });
    case "boot-provision":
      return d.up(inst, { call, provision: provisioners });
    case "provision":
      return d.provision(inst, provisioners, { call });
    case "await-ssh-provision": {
      const up = await d.waitForSsh(inst, { timeoutSeconds: ctx.bootTimeoutSeconds });
      if (!up) throw new Error(`${slot.name} did not answer SSH within ${ctx.bootTimeoutSeconds} s after an interrupted boot`);
      if (provisioners.length > 0) await d.provision(inst, provisioners, { call });
      return;
    }
    case "reload":
      return d.reload(inst, provisioners, { call });
    case "grow-disk":
      return d.growStateDisk(inst, { call });
    case "delete-disk":
      return d.deleteStateDisk(inst, { call });
  }
}
function afterOperation(op, before) {
  switch (op) {
    case "halt":
    case "grow-disk":
      return { ...before, state: "stopped" };
    case "destroy":
      return { state: "not_created" };
    case "create":
      return { state: "running" };
    case "delete-disk":
      return before;
    default:
      return { ...before, state: "running" };
  }
}
function describe(outcome) {
  switch (outcome) {
    case "failed":
      return "failed; deciding from the machine as it is";
    case "not-started":
      return "never started; deciding from the machine as it is";
    case "lost":
      return "was cut off with that run (nothing is known of its end); deciding from the machine as it is";
    case "succeeded":
      return "succeeded";
  }
}
function firstLine(text) {
  return text.split("\n")[0];
}

// src/apply/scheduler.ts
async function runRollout(ctx, groups) {
  let domainsRun = 0;
  for (const group of groups) {
    await ctx.stopIfAsked();
    const { tier, domain, items } = group;
    if (domainsRun > 0 && tier.rollout.pauseBetweenDomains > 0) {
      ctx.emit({ kind: "pause", service: ctx.service, seconds: tier.rollout.pauseBetweenDomains });
      await sleep(tier.rollout.pauseBetweenDomains * 1e3);
    }
    domainsRun++;
    ctx.emit({ kind: "domain-started", service: ctx.service, tier: tier.name, domain, instances: items.map((i) => i.slot.name) });
    await ctx.layout(items);
    await observe(ctx);
    const probes = new HealthProbes((item, signal) => probe(ctx, item, tier, signal), ctx.signal);
    let stepFailure;
    let stepsDone = false;
    let checked = [];
    try {
      ({ failure: stepFailure, checked } = await runSteps(ctx, items, tier, probes));
      stepsDone = stepFailure === void 0;
    } finally {
      if (!stepsDone) await probes.stop();
    }
    await ctx.stopIfAsked();
    if (stepFailure) return { failure: { tier, message: stepFailure } };
    const gateFailure = await gate(ctx, checked, tier, domain, probes);
    if (gateFailure) {
      await ctx.stopIfAsked();
      return { failure: { tier, message: gateFailure } };
    }
  }
  return {};
}
async function observe(ctx) {
  const seen = await ctx.driver.observe(ctx.service);
  ctx.machines.clear();
  for (const [name, machine] of Object.entries(seen)) ctx.machines.set(name, machine);
}
async function runSteps(ctx, items, tier, probes) {
  let failure;
  let unexpected;
  const checked = [];
  await mapBounded(items, Math.max(1, tier.rollout.maxParallel), async (item) => {
    if (failure !== void 0 || unexpected !== void 0 || ctx.interrupted() || ctx.signal?.aborted) return;
    const { slot, report } = item;
    ctx.emit({ kind: "instance-started", service: ctx.service, tier: slot.tier, instance: slot.name, action: item.action });
    const started = Date.now();
    try {
      const result = await bringToward(ctx, slot, item.target, { deleteStateDisk: item.deleteStateDisk });
      const seconds = (Date.now() - started) / 1e3;
      if (result.kind === "stopped") return;
      if (result.kind === "failed") {
        report.outcome = "failed";
        report.error = result.message;
        failure ??= `${slot.name}: ${item.action} failed: ${result.message}`;
        ctx.emit({
          kind: "instance-finished",
          service: ctx.service,
          tier: slot.tier,
          instance: slot.name,
          action: item.action,
          ok: false,
          seconds,
          error: result.message
        });
        return;
      }
      report.outcome = "done";
      if (result.kind === "gate") {
        checked.push(item);
        probes.start(item);
      }
      ctx.emit({ kind: "instance-finished", service: ctx.service, tier: slot.tier, instance: slot.name, action: item.action, ok: true, seconds });
    } catch (err) {
      if (err instanceof RunInterruptedError) ctx.interrupt(err);
      else unexpected ??= err;
    }
  });
  const interrupted = ctx.interrupted();
  if (interrupted) throw interrupted;
  if (unexpected !== void 0) throw unexpected;
  return { failure, checked };
}
async function probe(ctx, item, tier, signal) {
  const check = { command: tier.health.command, timeoutSeconds: tier.health.timeout, minReadySeconds: tier.health.minReady, signal };
  const limitMs = (check.timeoutSeconds + check.minReadySeconds + ctx.gateGraceSeconds) * 1e3;
  const inst = { service: ctx.service, tier: item.slot.tier, index: item.slot.index, name: item.slot.name, spec: item.target ?? tier.instance };
  try {
    const healthy = await withTimeout(ctx.driver.health(inst, check), limitMs, signal);
    return healthy === true ? void 0 : healthy === "timeout" ? `no answer from the health check within ${limitMs / 1e3}s` : `not healthy within ${check.timeoutSeconds}s`;
  } catch (err) {
    if (err instanceof RunInterruptedError) throw err;
    return err.message;
  }
}
async function gate(ctx, checked, tier, domain, probes) {
  if (checked.length === 0) return void 0;
  const results = await Promise.all(checked.map((item) => probes.start(item)));
  const interrupted = ctx.interrupted();
  if (interrupted) throw interrupted;
  const unhealthy = checked.map((item, i) => ({ item, reason: results[i] })).filter((r) => r.reason !== void 0);
  const names = checked.map((i) => i.slot.name);
  ctx.emit({ kind: "gate", service: ctx.service, tier: tier.name, domain, ok: unhealthy.length === 0, unhealthy: unhealthy.map((u) => u.item.slot.name) });
  const at = (/* @__PURE__ */ new Date()).toISOString();
  if (unhealthy.length === 0) {
    for (const item of checked) {
      ctx.journal.complete(item.slot.name);
      item.report.outcome = "done";
    }
    ctx.journal.recordGate(ctx.deployment, { tier: tier.name, domain, passed: true, instances: names, at });
    await ctx.journal.persist(`${ctx.service}: health gate of tier ${tier.name} domain ${domain} passed: ${names.join(", ")}`);
    return void 0;
  }
  for (const { item, reason } of unhealthy) {
    item.report.outcome = "failed";
    item.report.error = `health gate: ${reason}`;
    ctx.journal.fail(item.slot.name, `health gate: ${reason}`);
  }
  ctx.journal.recordGate(ctx.deployment, {
    tier: tier.name,
    domain,
    passed: false,
    instances: names,
    unhealthy: unhealthy.map((u) => ({ name: u.item.slot.name, reason: u.reason })),
    at
  });
  await ctx.journal.persist(`${ctx.service}: health gate of tier ${tier.name} domain ${domain} failed: ${unhealthy.map((u) => u.item.slot.name).join(", ")}`);
  return `health gate of tier ${tier.name}, upgrade domain ${domain} failed: ${unhealthy.map((u) => `${u.item.slot.name} (${u.reason})`).join(", ")}`;
}
var HealthProbes = class {
  constructor(probe2, run) {
    this.probe = probe2;
    this.signal = run ? AbortSignal.any([this.controller.signal, run]) : this.controller.signal;
    setMaxListeners(0, this.signal);
  }
  probe;
  controller = new AbortController();
  signal;
  started = /* @__PURE__ */ new Map();
  /** The item's probe, started now unless it already was. */
  start(item) {
    let answer = this.started.get(item);
    if (!answer) {
      answer = this.probe(item, this.signal);
      answer.catch(() => void 0);
      this.started.set(item, answer);
    }
    return answer;
  }
  /** Asks every probe under way to give up, and waits until they have. */
  async stop() {
    this.controller.abort();
    await Promise.allSettled(this.started.values());
  }
};
async function withTimeout(promise, ms, signal) {
  let timer;
  let onAbort;
  const timeout = new Promise((resolve3) => {
    timer = setTimeout(() => resolve3("timeout"), ms);
    onAbort = () => resolve3("timeout");
    signal?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  }
}

// src/apply/auto-rollback.ts
async function rollBackChanges(ctx, reports) {
  const changed = [...ctx.journal.record.rollout?.changed ?? []].reverse();
  if (changed.length === 0) return void 0;
  ctx.emit({ kind: "rollback-started", service: ctx.service, instances: changed.map((c) => c.name) });
  await observe(ctx);
  for (const change of changed) {
    const before = change.before ?? void 0;
    const ri = ctx.journal.instance(change.name);
    const domain = ri?.step?.domain ?? 0;
    await ctx.layoutOne(change.name, change.tier, change.index, before);
    const started = Date.now();
    const action = before ? ri ? "refresh" : "create" : "destroy";
    ctx.emit({ kind: "instance-started", service: ctx.service, tier: change.tier, instance: change.name, action });
    const result = await bringToward(ctx, { name: change.name, tier: change.tier, index: change.index, domain }, before, { deleteStateDisk: false });
    const seconds = (Date.now() - started) / 1e3;
    if (result.kind === "stopped") throw new StoppedOnRequest("stopped on request during autoRollback: the steps under way finished and were recorded");
    const report = reports.get(change.name);
    if (result.kind === "failed") {
      if (report) {
        report.outcome = "rollback-failed";
        report.error = result.message;
      }
      ctx.emit({
        kind: "instance-finished",
        service: ctx.service,
        tier: change.tier,
        instance: change.name,
        action,
        ok: false,
        seconds,
        error: result.message
      });
      return `${change.name}: ${result.message}`;
    }
    if (result.kind === "gate") ctx.journal.complete(change.name);
    if (report) report.outcome = "rolled-back";
    await ctx.journal.persist(`${ctx.service}: ${change.name} rolled back (deployment ${ctx.deployment})`);
    ctx.emit({ kind: "instance-finished", service: ctx.service, tier: change.tier, instance: change.name, action, ok: true, seconds });
  }
  return void 0;
}

// src/apply/journal.ts
import { setImmediate } from "node:timers/promises";
var Journal = class {
  constructor(store, record, interrupted, onInterrupt) {
    this.store = store;
    this.record = record;
    this.interrupted = interrupted;
    this.onInterrupt = onInterrupt;
  }
  store;
  record;
  interrupted;
  onInterrupt;
  lastWrite = Promise.resolve();
  nextWrite;
  get name() {
    return this.record.name;
  }
  instance(name) {
    return this.record.instances.find((i) => i.name === name);
  }
  // --- steps ---------------------------------------------------------------------------------
  /** A new step on an instance (a create adds the instance, with the spec it is getting). */
  beginStep(slot, step) {
    let ri = this.instance(slot.name);
    this.noteChange(slot, ri?.spec ?? null);
    if (!ri) {
      if (!step.to) throw new Error(`a ${step.action} step of ${slot.name}, which is not recorded, has no target spec`);
      ri = { name: slot.name, tier: slot.tier, index: slot.index, spec: step.to, status: "pending", updatedAt: step.startedAt };
      this.record.instances.push(ri);
      this.sortInstances();
    }
    ri.status = "pending";
    ri.step = step;
    delete ri.pendingSpec;
    ri.updatedAt = step.startedAt;
  }
  /** The step's phase now, with the call that follows it (if one does). */
  setPhase(name, phase, call) {
    const ri = this.required(name);
    const step = ri.step;
    step.phase = phase;
    if (call) step.call = call;
    else delete step.call;
    delete step.failed;
    ri.status = "pending";
    ri.updatedAt = (/* @__PURE__ */ new Date()).toISOString();
  }
  fail(name, message) {
    const ri = this.instance(name);
    if (!ri) return;
    ri.status = "failed";
    if (ri.step) {
      ri.step.failed = { message, at: (/* @__PURE__ */ new Date()).toISOString() };
      delete ri.step.call;
    }
    ri.updatedAt = (/* @__PURE__ */ new Date()).toISOString();
  }
  /** The step is over and the instance is what it targeted (its gate passed, or no gate applies). */
  complete(name) {
    const ri = this.required(name);
    if (ri.step?.to) ri.spec = ri.step.to;
    delete ri.step;
    delete ri.pendingSpec;
    ri.status = "ready";
    ri.updatedAt = (/* @__PURE__ */ new Date()).toISOString();
    this.record.retainedDisks = this.record.retainedDisks.filter((d) => d.instance !== name || !ri.spec.state);
  }
  /** Only what the next rollout reads changed: the record takes the spec, the VM stays. */
  takeSpec(slot, spec) {
    const ri = this.required(slot.name);
    this.noteChange(slot, ri.spec);
    ri.spec = spec;
    ri.updatedAt = (/* @__PURE__ */ new Date()).toISOString();
  }
  /** The instance was destroyed: it leaves the record; its state disk is listed as kept unless deleted. */
  remove(name, diskDeleted) {
    const ri = this.instance(name);
    if (!ri) return;
    const spec = ri.step?.from ?? ri.spec;
    this.record.instances = this.record.instances.filter((i) => i !== ri);
    this.record.retainedDisks = this.record.retainedDisks.filter((d) => d.instance !== name);
    if (spec.state && !diskDeleted) this.record.retainedDisks.push({ instance: name, sizeGiB: spec.state.disk, retainedAt: (/* @__PURE__ */ new Date()).toISOString() });
  }
  /** A step is being replaced by another (carried on toward a new target). */
  replaceStep(name, step) {
    const ri = this.required(name);
    ri.step = step;
    ri.status = "pending";
    ri.updatedAt = (/* @__PURE__ */ new Date()).toISOString();
  }
  /** What autoRollback needs: the spec an instance had when this rollout first changed it. */
  noteChange(slot, before) {
    const rollout = this.record.rollout;
    if (!rollout || rollout.changed.some((c) => c.name === slot.name)) return;
    rollout.changed.push({ name: slot.name, tier: slot.tier, index: slot.index, before });
  }
  recordGate(deploymentId, gate2) {
    const deployment = this.record.history.find((d) => d.id === deploymentId);
    if (deployment) (deployment.gates ??= []).push(gate2);
  }
  required(name) {
    const ri = this.instance(name);
    if (!ri) throw new Error(`${name} is not in the record of ${this.record.name}`);
    return ri;
  }
  sortInstances() {
    this.record.instances.sort((a, b) => a.tier < b.tier ? -1 : a.tier > b.tier ? 1 : a.index - b.index);
  }
  // --- writes --------------------------------------------------------------------------------
  /**
   * Writes the whole record as it is now, and resolves once a write that includes this moment's
   * state has landed. Writes of one service never overlap; requests made while one is in flight
   * are merged into the next (it carries the latest record, so every step's mark is in it), which
   * keeps parallel steps from queueing behind each other's writes. A batch is written once the
   * work of this turn of the event loop is done, so marks asked for one right after the other
   * land in one write. After an interruption nothing is written any more.
   */
  persist(message) {
    if (!this.nextWrite) {
      const batch = { messages: [], done: void 0 };
      batch.done = this.lastWrite.then(() => setImmediate()).then(() => this.writeBatch(batch));
      this.lastWrite = batch.done.catch(() => void 0);
      this.nextWrite = batch;
    }
    this.nextWrite.messages.push(message);
    return this.nextWrite.done;
  }
  /** Resolves once every write asked for so far has landed (or failed). */
  settled() {
    return this.lastWrite;
  }
  async writeBatch(batch) {
    if (this.nextWrite === batch) this.nextWrite = void 0;
    const stopped = this.interrupted();
    if (stopped) throw stopped;
    checkRecord(this.record);
    const snapshot = JSON.parse(JSON.stringify(this.record));
    const [first, ...more] = batch.messages;
    const message = more.length === 0 ? first : `${first}

${more.join("\n")}`;
    try {
      await this.store.writeService(snapshot, message);
    } catch (err) {
      const interrupted = err instanceof RunInterruptedError ? err : new RunInterruptedError(`could not record the state of ${this.record.name}: ${err.message}; the run stopped, run apply again to resume`);
      throw this.onInterrupt(interrupted);
    }
  }
};
function checkRecord(record) {
  for (const i of record.instances) {
    if (!i.spec || !i.name || !i.tier || !(i.index >= 1)) {
      throw new Error(`refusing to record ${record.name}: instance ${i.name ?? "?"} would have no spec or slot`);
    }
  }
}

// src/apply/service-run.ts
var RunState = class {
  interrupted;
  /** A graceful stop: each service records what it finished, then ends as interrupted. */
  stopped;
  /** Why no service may start: a box of the plan cannot be had. */
  unavailableBoxes;
};
var ServiceRun = class {
  constructor(opts, ps, run) {
    this.opts = opts;
    this.ps = ps;
    this.run = run;
    this.name = ps.name;
  }
  opts;
  ps;
  run;
  name;
  lease;
  renewal;
  leaseLost;
  journal;
  deployment;
  reports = [];
  machines = /* @__PURE__ */ new Map();
  async execute() {
    if (!this.hasWorkHere(this.ps)) return this.finish({ service: this.name, result: "skipped", instances: this.reportsOf(this.ps) });
    if (this.run.interrupted || this.opts.signal?.aborted)
      return this.finish({ service: this.name, result: "interrupted", instances: this.reportsOf(this.ps) });
    if (this.run.unavailableBoxes) {
      const error = `${this.name}: not started, nothing was touched: ${this.run.unavailableBoxes}`;
      const instances = this.reportsOf(this.ps);
      for (const r of instances) if (r.outcome === "not-started") r.error = error;
      return this.finish({ service: this.name, result: "failed", instances, error });
    }
    try {
      this.lease = await this.opts.store.acquireLease(this.name, this.opts.owner, this.ttl());
    } catch (err) {
      if (err instanceof LeaseHeldError) {
        const instances = this.reportsOf(this.ps);
        for (const r of instances) if (r.outcome === "not-started") r.error = err.message;
        return this.finish({ service: this.name, result: "refused", instances, error: err.message });
      }
      throw err;
    }
    this.keepLease();
    try {
      return this.finish(await this.underLease());
    } catch (err) {
      if (err instanceof RunInterruptedError || err instanceof LeaseLostError) {
        const interrupted = err instanceof RunInterruptedError ? err : new RunInterruptedError(err.message);
        if (interrupted instanceof StoppedOnRequest) this.run.stopped ??= interrupted;
        else this.run.interrupted ??= interrupted;
        return this.finish({ service: this.name, result: "interrupted", deployment: this.deployment?.id, instances: this.reports, error: err.message });
      }
      const message = `${this.name}: ${err.message}`;
      return this.finish({ service: this.name, result: "failed", deployment: this.deployment?.id, instances: this.reports, error: message });
    } finally {
      await this.dropLease();
    }
  }
  async underLease() {
    await this.opts.driver.settle(this.name, this.opts.signal);
    const read = await this.opts.store.readService(this.name);
    const record = read && this.opts.reconcile ? await this.opts.reconcile(read) : read;
    const replanned = this.replan(record);
    if (replanned.document.errors.length > 0) {
      const error = `the record of ${this.name}, read under its lease, no longer allows the plan: ` + replanned.document.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join("; ") + "; nothing was changed: run svcplan plan to see why";
      this.reports = this.reportsOf(this.ps);
      for (const r of this.reports) if (r.outcome === "not-started") r.error = error;
      return { service: this.name, result: "refused", instances: this.reports, error };
    }
    const ps = replanned.document.services.find((s) => s.name === this.name);
    if (!ps) {
      this.emit({
        kind: "replanned",
        service: this.name,
        message: `${this.name}: nothing left to do: its record, read under the lease, already matches the desired state (another apply got there first)`
      });
      this.reports = this.reportsOf(this.ps).map((r) => r.outcome === "skipped" ? r : { ...r, outcome: "done" });
      return { service: this.name, result: "unchanged", instances: this.reports };
    }
    if (canonicalJson(ps.tiers) !== canonicalJson(this.ps.tiers)) {
      this.emit({
        kind: "replanned",
        service: this.name,
        message: `${this.name}: its record changed after the plan was made (another apply?); its steps were planned again from the record read under the lease`
      });
    }
    this.reports = this.reportsOf(ps);
    const desired = replanned.desired[this.name];
    const previousSpec = record?.spec;
    const groups = this.groups(ps, desired, previousSpec);
    const made = groups.flatMap((g) => g.items).filter((i) => i.action === "create" || i.action === "replace");
    await this.opts.driver.prepareBoxes(this.name, boxesFor(made.flatMap((i) => i.target ? [i.target] : [])));
    this.journal = new Journal(
      this.opts.store,
      this.begin(record, desired),
      () => this.interrupted(),
      (err) => this.run.interrupted ??= err
    );
    const journal = this.journal;
    const deployment = this.deployment;
    await journal.persist(`${this.name}: deployment ${deployment.id} started (${deployment.kind} of ${short(this.opts.revision.commit)})`);
    const steps = groups.reduce((n, g) => n + g.items.length, 0);
    this.emit({ kind: "service-started", service: this.name, deployment: deployment.id, steps });
    const ctx = this.rolloutContext(journal, desired, previousSpec);
    const result = await runRollout(ctx, groups);
    if (!result.failure) return this.succeed();
    return this.fail(ctx, result.failure.tier, result.failure.message);
  }
  // --- planning ------------------------------------------------------------------------------
  replan(record) {
    if (this.opts.replan) return this.opts.replan(this.name, record);
    const { plan } = this.opts;
    const desired = plan.desired[this.name];
    return buildPlan({
      desired: {
        revision: plan.document.head,
        templates: [],
        services: desired ? [desired] : [],
        locator: plan.locator ?? { locate: () => ({ line: 1, column: 1 }) }
      },
      recorded: record ? { [this.name]: record } : {},
      base: plan.document.base,
      services: [this.name]
    });
  }
  hasWorkHere(ps) {
    const all = ps.tiers.flatMap((t) => t.domains.flatMap((d) => d.instances.map(() => t.name)));
    if (all.length === 0) return true;
    return all.some((tier) => this.opts.runner === void 0 || this.runnerOf(tier, this.opts.plan.desired[this.name], void 0) === this.opts.runner);
  }
  runnerOf(tier, desired, previous) {
    const t = tierOf(desired, tier) ?? tierOf(previous, tier);
    return t ? t.instance.target.runner : this.ps.runner;
  }
  /** Every instance of the plan, in rollout order, with the runner filter applied. */
  reportsOf(ps) {
    const reports = [];
    for (const tier of sortedTiers(ps)) {
      for (const domain of [...tier.domains].sort((a, b) => a.index - b.index)) {
        for (const pi of domain.instances) {
          const report = { name: pi.name, tier: tier.name, action: pi.action, outcome: pi.action === "none" ? "done" : "not-started" };
          if (this.opts.runner !== void 0 && this.runnerOf(tier.name, this.opts.plan.desired[this.name], void 0) !== this.opts.runner)
            report.outcome = "skipped";
          reports.push(report);
        }
      }
    }
    return reports;
  }
  /** The upgrade domains with work for this runner, in rollout order; each step carries its slot. */
  groups(ps, desired, previous) {
    const byName = new Map(this.reports.map((r) => [r.name, r]));
    const groups = [];
    for (const tier of sortedTiers(ps)) {
      const spec = tierOf(desired, tier.name) ?? tierOf(previous, tier.name);
      if (!spec) throw new Error(`tier ${tier.name} of service ${this.name} is neither desired nor recorded; plan again`);
      for (const domain of [...tier.domains].sort((a, b) => a.index - b.index)) {
        const items = [];
        for (const pi of domain.instances) {
          const report = byName.get(pi.name);
          if (pi.action === "none" || report.outcome === "skipped") continue;
          if (pi.index === void 0) throw new Error(`plan instance ${pi.name} carries no index; plan again`);
          const desiredTier = tierOf(desired, tier.name);
          const target = pi.action === "destroy" || !desiredTier ? void 0 : desiredTier.instance;
          items.push({
            slot: { name: pi.name, tier: tier.name, index: pi.index, domain: domain.index },
            action: pi.action,
            report,
            target,
            deleteStateDisk: pi.state === "deleted"
          });
        }
        if (items.length > 0) groups.push({ tier: spec, domain: domain.index, items });
      }
    }
    return groups;
  }
  // --- deployment ----------------------------------------------------------------------------
  /** The record under the lease, with the new deployment recorded as started. */
  begin(existing, desired) {
    const spec = desired ?? existing?.spec;
    if (!spec) throw new Error(`service ${this.name} is neither desired nor recorded; the plan does not match the recorded state, plan again`);
    const record = existing ?? {
      name: this.name,
      template: spec.template,
      revision: { commit: "", ref: "", release: spec.release, specDigest: "" },
      spec,
      instances: [],
      retainedDisks: [],
      history: []
    };
    const now = (/* @__PURE__ */ new Date()).toISOString();
    const id = Math.max(0, ...record.history.map((d) => d.id)) + 1;
    for (const d of record.history) {
      if (d.result === "in-progress") {
        d.result = "failed";
        d.finishedAt ??= now;
        d.message = `interrupted before it finished; resumed by deployment ${id}`;
      }
    }
    record.rollout ??= {
      since: id,
      changed: [],
      ...existing ? { previous: { spec: existing.spec, template: existing.template, revision: existing.revision } } : {}
    };
    const rollback2 = this.rollback();
    const revision = this.opts.plan.finishing?.[this.name]?.revision ?? this.opts.revision;
    this.deployment = {
      id,
      kind: rollback2 ? "rollback" : "apply",
      revision: { ...revision, release: rollback2?.release ?? spec.release },
      planDigest: this.opts.plan.document.plan_digest,
      startedAt: now,
      result: "in-progress",
      spec,
      ...rollback2?.of !== void 0 ? { rollbackOf: rollback2.of } : {},
      ...rollback2 ? { pin: { deployment: rollback2.of ?? id, desiredDigest: rollback2.desiredDigest } } : {}
    };
    record.history.push(this.deployment);
    record.spec = spec;
    record.template = spec.template;
    return record;
  }
  async succeed() {
    const journal = this.journal;
    const deployment = this.deployment;
    const record = journal.record;
    record.revision = {
      commit: deployment.revision.commit,
      ref: deployment.revision.ref,
      release: deployment.revision.release,
      specDigest: specDigest(record.spec)
    };
    if (deployment.pin) record.pin = { ...deployment.pin, at: (/* @__PURE__ */ new Date()).toISOString() };
    else delete record.pin;
    delete record.rollout;
    deployment.result = "succeeded";
    deployment.finishedAt = (/* @__PURE__ */ new Date()).toISOString();
    await journal.persist(`${this.name}: deployment ${deployment.id} succeeded`);
    await this.opts.driver.forgetCalls(this.name);
    return { service: this.name, result: "succeeded", deployment: deployment.id, instances: this.reports };
  }
  async fail(ctx, tier, message) {
    const journal = this.journal;
    const deployment = this.deployment;
    const record = journal.record;
    let result = "failed";
    let detail = message;
    const changed = record.rollout?.changed.length ?? 0;
    if (tier.rollout.autoRollback && changed > 0) {
      const byName = new Map(this.reports.map((r) => [r.name, r]));
      const rollbackError = await rollBackChanges(
        { ...ctx, layoutOne: (name, t, index, spec) => this.layoutWith(journal.record, /* @__PURE__ */ new Map([[name, { tier: t, index, spec }]])) },
        byName
      );
      if (rollbackError === void 0) {
        result = "rolled-back";
        detail = `${message}; the ${changed} instance(s) this rollout changed were returned to their previous spec`;
        const previous = record.rollout?.previous;
        if (previous) {
          record.spec = previous.spec;
          record.template = previous.template;
          record.revision = previous.revision;
        }
      } else {
        detail = `${message}; returning the updated instances to their previous spec failed too: ${rollbackError}`;
      }
    }
    delete record.rollout;
    deployment.result = result;
    deployment.finishedAt = (/* @__PURE__ */ new Date()).toISOString();
    deployment.message = detail;
    await journal.persist(`${this.name}: deployment ${deployment.id} ${result}: ${firstLine2(message)}`);
    await this.opts.driver.forgetCalls(this.name);
    return { service: this.name, result, deployment: deployment.id, instances: this.reports, error: detail };
  }
  // --- the rollout's surroundings ------------------------------------------------------------
  rolloutContext(journal, desired, previous) {
    return {
      service: this.name,
      deployment: this.deployment.id,
      journal,
      driver: this.opts.driver,
      machines: this.machines,
      bootTimeoutSeconds: this.opts.bootTimeoutSeconds ?? 600,
      gateGraceSeconds: this.opts.gateGraceSeconds ?? 30,
      signal: this.opts.signal,
      say: (instance, line) => this.emit({ kind: "note", service: this.name, instance, line }),
      stopRequested: () => this.opts.signal?.aborted ?? false,
      emit: (event) => this.emit(event),
      layout: (items) => {
        const overrides = /* @__PURE__ */ new Map();
        for (const item of items) overrides.set(item.slot.name, { tier: item.slot.tier, index: item.slot.index, spec: item.target });
        return this.layoutWith(journal.record, overrides, desired ?? previous);
      },
      stopIfAsked: () => this.stopIfAsked(),
      interrupted: () => this.interrupted(),
      interrupt: (err) => {
        this.run.interrupted ??= err;
      }
    };
  }
  /** Tells the driver every instance of the service with the spec it has or is being given now. */
  async layoutWith(record, overrides, order) {
    const instances = [];
    for (const ri of record.instances) {
      const o = overrides.get(ri.name);
      const spec = o?.spec ?? ri.step?.to ?? ri.spec;
      instances.push({ service: this.name, tier: ri.tier, index: ri.index, name: ri.name, spec });
    }
    for (const [name, o] of overrides) {
      if (!o.spec || instances.some((i) => i.name === name)) continue;
      instances.push({ service: this.name, tier: o.tier, index: o.index, name, spec: o.spec });
    }
    const tiers = (order ?? record.spec).tiers;
    const rank = (tier) => {
      const i = tiers.findIndex((t) => t.name === tier);
      return i < 0 ? tiers.length : i;
    };
    instances.sort((a, b) => rank(a.tier) - rank(b.tier) || (a.tier < b.tier ? -1 : a.tier > b.tier ? 1 : 0) || a.index - b.index);
    await this.opts.driver.layout(record.spec, instances);
  }
  /**
   * After a graceful stop was asked for: once what is under way has been recorded, the run ends
   * as an interrupted one (the deployment stays in progress; the next apply resumes it).
   */
  async stopIfAsked() {
    if (!this.opts.signal?.aborted) return;
    await this.journal?.settled();
    throw new StoppedOnRequest("stopped on request: the steps under way finished and were recorded, no other step was started");
  }
  interrupted() {
    return this.run.interrupted ?? this.leaseLost;
  }
  // --- the lease -----------------------------------------------------------------------------
  /** Renews the lease in the background, a third of its length at a time, for as long as the run goes on. */
  keepLease() {
    const every = this.ttl() * 1e3 / 3;
    const renewal = { timer: void 0, pending: Promise.resolve() };
    renewal.timer = setInterval(() => {
      renewal.pending = renewal.pending.then(async () => {
        if (!this.lease || this.leaseLost) return;
        try {
          this.lease = await this.opts.store.renewLease(this.lease, this.ttl());
        } catch (err) {
          this.leaseLost = new RunInterruptedError(err.message);
        }
      });
    }, every);
    renewal.timer.unref();
    this.renewal = renewal;
  }
  async dropLease() {
    if (this.renewal) {
      clearInterval(this.renewal.timer);
      await this.renewal.pending;
    }
    if (this.lease && !this.leaseLost) await this.opts.store.releaseLease(this.lease).catch(() => void 0);
  }
  /** A rollback: asked for (svcplan rollback), or one an interrupted run left, which the plan finishes. */
  rollback() {
    return this.opts.rollback ?? this.opts.plan.finishing?.[this.name]?.rollback;
  }
  ttl() {
    return this.opts.leaseTtlSeconds ?? 900;
  }
  finish(report) {
    this.emit({ kind: "service-finished", service: this.name, result: report.result, deployment: report.deployment });
    return report;
  }
  emit(event) {
    this.opts.onProgress?.(event);
  }
};
function tierOf(spec, name) {
  return spec?.tiers.find((t) => t.name === name);
}
function sortedTiers(ps) {
  return [...ps.tiers].sort((a, b) => a.order - b.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
function short(commit) {
  return commit ? commit.slice(0, 7) : "the working tree";
}
function firstLine2(text) {
  return text.split("\n")[0];
}

// src/apply/executor.ts
async function applyPlan(opts) {
  const { document } = opts.plan;
  if (document.errors.length > 0) throw new InputError(document.errors);
  const run = new RunState();
  run.unavailableBoxes = opts.plan.document.services.length > 0 ? await prepareBoxes(opts.plan, opts.driver) : void 0;
  const reports = await mapBounded(document.services, opts.serviceConcurrency ?? 4, (ps) => new ServiceRun(opts, ps, run).execute());
  if (run.interrupted) throw run.interrupted;
  if (run.stopped) throw run.stopped;
  const ok = reports.every((r) => r.result === "succeeded" || r.result === "unchanged" || r.result === "skipped");
  return { ok, services: reports };
}

// src/apply/drivers/vagrant/driver.ts
import { accessSync, constants, existsSync as existsSync4, mkdirSync as mkdirSync3, readFileSync as readFileSync4, renameSync as renameSync2, writeFileSync as writeFileSync4 } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join as join6, resolve as resolve2 } from "node:path";
import { setTimeout as sleep3 } from "node:timers/promises";

// src/apply/drivers/vagrant/boxes.ts
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

// src/apply/drivers/vagrant/status.ts
function parseMachineReadable(output) {
  const lines = [];
  for (const raw of output.split(/\r?\n/)) {
    if (!/^\d+,/.test(raw)) continue;
    const [timestamp, target, type, ...data] = raw.split(",");
    lines.push({
      timestamp,
      target: unescape(target ?? ""),
      type: type ?? "",
      data: data.map(unescape)
    });
  }
  return lines;
}
function unescape(field) {
  return field.replace(/%!\(VAGRANT_COMMA\)/g, ",").replace(/\\n/g, "\n").replace(/\\r/g, "\r");
}
function observedStateOf(providerState) {
  switch (providerState) {
    case "running":
      return "running";
    case "not_created":
      return "not_created";
    case "shutoff":
    // libvirt
    case "shutdown":
    case "poweroff":
    // VirtualBox
    case "saved":
    case "aborted":
    case "paused":
    case "crashed":
    case "inaccessible":
    case "stopped":
      return providerState === "inaccessible" ? "unknown" : "stopped";
    default:
      return "unknown";
  }
}
function parseVagrantStatus(output) {
  const states = {};
  for (const line of parseMachineReadable(output)) {
    if (line.type === "state" && line.target) states[line.target] = observedStateOf(line.data[0] ?? "");
  }
  return states;
}

// src/apply/drivers/vagrant/boxes.ts
function boxLabel(box) {
  return `${box.name} ${box.version} (${box.provider})`;
}
function boxKey(box) {
  return JSON.stringify([box.name, box.version, box.provider]);
}
function boxDirName(name) {
  return name.replace(/\//g, "-VAGRANTSLASH-");
}
function boxOnDisk(home, box) {
  const dir = join(home, "boxes", boxDirName(box.name));
  let versions;
  try {
    versions = readdirSync(dir);
  } catch {
    return false;
  }
  return versions.some((v) => !v.startsWith(".") && sameGemVersion(v, box.version) && existsSync(join(dir, v, box.provider, "metadata.json")));
}
function parseBoxList(output) {
  const boxes = [];
  let current = {};
  for (const line of parseMachineReadable(output)) {
    const value2 = line.data[0] ?? "";
    if (line.type === "box-name") current = { name: value2 };
    else if (line.type === "box-provider") current.provider = value2;
    else if (line.type === "box-version") {
      current.version = value2;
      if (current.name && current.provider) boxes.push({ name: current.name, provider: current.provider, version: value2 });
      current = {};
    }
  }
  return boxes;
}
function boxListed(list, box) {
  return list.some((b) => b.name === box.name && b.provider === box.provider && sameGemVersion(b.version, box.version));
}
function sameGemVersion(a, b) {
  const ca = canonicalSegments(a);
  const cb = canonicalSegments(b);
  return ca !== void 0 && cb !== void 0 && ca.length === cb.length && ca.every((s, i) => s === cb[i]);
}
function canonicalSegments(version) {
  const v = version.trim();
  if (!/^[0-9]+(\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/.test(v)) return void 0;
  const segments = v.replace(/-/g, ".pre.").match(/[0-9]+|[a-z]+/gi).map((s) => /^[0-9]+$/.test(s) ? Number(s) : s);
  const firstWord = segments.findIndex((s) => typeof s === "string");
  const release = firstWord < 0 ? segments : segments.slice(0, firstWord);
  const pre = firstWord < 0 ? [] : segments.slice(firstWord);
  while (release.length > 0 && release[release.length - 1] === 0) release.pop();
  return [...release, ...pre];
}

// src/apply/drivers/vagrant/inspect.ts
import { createHash } from "node:crypto";

// src/apply/drivers/vagrant/vagrantfile.ts
import { join as join2, resolve, relative, isAbsolute, sep } from "node:path";

// src/apply/drivers/vagrant/ruby.ts
var RubySymbol = class _RubySymbol {
  constructor(name) {
    this.name = name;
  }
  name;
  static of(name) {
    if (!RUBY_IDENTIFIER.test(name)) {
      throw new Error(`not a Ruby identifier, cannot be a symbol: ${JSON.stringify(name)}`);
    }
    return new _RubySymbol(name);
  }
};
var RUBY_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
function isRubyIdentifier(name) {
  return RUBY_IDENTIFIER.test(name);
}
function rubyString(text) {
  if (text.includes("\0")) throw new Error("a NUL character cannot be passed to the guest");
  return text.split("\r").map((part) => "'" + part.replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "'").join(' "\\r" ');
}
function rubyLiteral(value2) {
  if (value2 === null || value2 === void 0) return "nil";
  if (typeof value2 === "string") return rubyString(value2);
  if (typeof value2 === "boolean") return value2 ? "true" : "false";
  if (typeof value2 === "number") return rubyNumber(value2);
  if (typeof value2 === "bigint") return value2.toString();
  if (value2 instanceof RubySymbol) return ":" + value2.name;
  if (Array.isArray(value2)) return "[" + value2.map(rubyLiteral).join(", ") + "]";
  if (value2 instanceof Map) {
    const entries = [...value2.entries()].map(([key, v]) => {
      if (!(key instanceof RubySymbol)) throw new Error("a Map literal needs RubySymbol keys");
      return `${key.name}: ${rubyLiteral(v)}`;
    });
    return "{ " + entries.join(", ") + " }";
  }
  if (typeof value2 === "object" && isPlainObject(value2)) {
    const entries = Object.entries(value2).map(([key, v]) => `${rubyString(key)} => ${rubyLiteral(v)}`);
    return entries.length === 0 ? "{}" : "{ " + entries.join(", ") + " }";
  }
  throw new Error(`cannot write a ${describe2(value2)} as a Ruby literal`);
}
function symbolHash(entries) {
  return new Map(Object.entries(entries).map(([k, v]) => [RubySymbol.of(k), v]));
}
function rubyNumber(n) {
  if (!Number.isFinite(n)) throw new Error(`${n} has no Ruby literal`);
  if (Number.isInteger(n)) return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
  const text = String(n);
  return /[.e]/.test(text) ? text.replace(/e\+?/, "e") : text + ".0";
}
function isPlainObject(value2) {
  if (Object.prototype.toString.call(value2) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value2);
  return proto === null || Object.getPrototypeOf(proto) === null;
}
function describe2(value2) {
  if (typeof value2 === "object" && value2 !== null) return value2.constructor?.name ?? "object";
  return typeof value2;
}

// src/apply/drivers/vagrant/vagrantfile.ts
var SVCPLAN_OPTION_KEYS = ["svcplan_network", "svcplan_state_controller"];
var SSH_NIC = { net: "198.18.0.0/24", mac: "52:54:00:12:34:22", pciAddr: "0x1e" };
var STATE_MOUNT = "/var/lib/svcplan/state";
var GUEST_UPLOAD_DIR = "/tmp";
function vagrantDirOf(repoDir, service) {
  return join2(repoDir, ".svcplan", "vagrant", service);
}
function stateDiskName(instance) {
  return `${instance}-state.qcow2`;
}
function virtualboxStateDiskPath(vagrantDir, instance) {
  return join2(vagrantDir, "state-disks", `${instance}-state.vdi`);
}
function stateDevice(provider) {
  return provider === "libvirt" ? "/dev/vdb" : "/dev/sdb";
}
function sshEndpointOf(service, inst) {
  const ssh = inst.spec.target.ssh;
  if (!ssh) return void 0;
  const port = ssh.portBase + inst.index - 1;
  if (port > 65535)
    throw new VagrantfileError(`service ${service.name}: SSH port ${port} of ${inst.tier}-${inst.index} is above 65535; lower target.ssh.portBase`);
  return { host: ssh.host, port };
}
var VagrantfileError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "VagrantfileError";
  }
};
var APP_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
var ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
var SSH_HOST = /^[A-Za-z0-9.:-]+$/;
function renderVagrantfile(input, cache) {
  const { service, instances, repoDir } = input;
  const vagrantDir = vagrantDirOf(repoDir, service.name);
  const out = [
    `# Generated by svcplan for service ${oneLine(service.name)} (template ${oneLine(service.template)}, release ${oneLine(service.release)}).`,
    "# Rewritten by svcplan whenever the layout of its machines changes: edit the template or the service, not this file.",
    "",
    RUBY_HELPERS,
    "",
    "Vagrant.configure('2') do |config|"
  ];
  cache?.forService(service, repoDir);
  const sorted = [...instances].sort((a, b) => a.tier.localeCompare(b.tier) || a.index - b.index);
  for (const inst of sorted) {
    out.push(cache ? cache.block(inst, service, repoDir, vagrantDir) : machineBlock(inst, service, repoDir, vagrantDir));
  }
  out.push("end", "");
  return out.join("\n");
}
var MachineBlockCache = class {
  serviceKey = "";
  blocks = /* @__PURE__ */ new Map();
  /** Keeps the blocks only if `service` renders as the one they were made for. */
  forService(service, repoDir) {
    const key = JSON.stringify([repoDir, service]);
    if (key === this.serviceKey) return;
    this.serviceKey = key;
    this.blocks.clear();
  }
  block(inst, service, repoDir, vagrantDir) {
    const specKey = JSON.stringify(inst.spec);
    const hit = this.blocks.get(inst.name);
    if (hit && hit.tier === inst.tier && hit.index === inst.index && hit.specKey === specKey) return hit.text;
    const text = machineBlock(inst, service, repoDir, vagrantDir);
    this.blocks.set(inst.name, { tier: inst.tier, index: inst.index, specKey, text });
    return text;
  }
};
function machineBlock(inst, service, repoDir, vagrantDir) {
  return renderMachine(inst, service, repoDir, vagrantDir).map((l) => "  " + l).join("\n");
}
function renderMachine(inst, service, repoDir, vagrantDir) {
  const spec = inst.spec;
  const provider = spec.target.provider;
  const options = { ...spec.target.options };
  const network = options.svcplan_network;
  const controller = options.svcplan_state_controller ?? "SATA Controller";
  for (const key of SVCPLAN_OPTION_KEYS) delete options[key];
  for (const key of Object.keys(options)) {
    if (!isRubyIdentifier(key)) {
      throw new VagrantfileError(
        `service ${service.name}: target.options key ${JSON.stringify(key)} is not a ${provider} setting name (lower-case letters, digits and _); see the provider documentation for its settings`
      );
    }
  }
  if (network !== void 0 && network !== "loopback") {
    throw new VagrantfileError(`service ${service.name}: target.options.svcplan_network must be 'loopback', not ${JSON.stringify(network)}`);
  }
  if (network === "loopback" && provider !== "libvirt") {
    throw new VagrantfileError(`service ${service.name}: target.options.svcplan_network: loopback is for the libvirt provider`);
  }
  const ssh = sshEndpointOf(service, inst);
  if (ssh && !SSH_HOST.test(ssh.host)) {
    throw new VagrantfileError(`service ${service.name}: target.ssh.host ${JSON.stringify(ssh.host)} is not a host name or IP address`);
  }
  if (network === "loopback" && !ssh) {
    throw new VagrantfileError(`service ${service.name}: svcplan_network: loopback needs target.ssh (host and portBase), the only way in`);
  }
  const L = [];
  const v = rubyLiteral;
  L.push(`config.vm.define ${v(inst.name)} do |node|`);
  L.push(`  node.vm.box = ${v(spec.image.box)}`);
  L.push(`  node.vm.box_version = ${v("= " + spec.image.version)}`);
  L.push("  node.vm.box_check_update = false");
  L.push(`  node.vm.hostname = ${v(inst.name)}`);
  if (ssh) {
    L.push(`  node.ssh.host = ${v(ssh.host)}`);
    L.push(`  node.ssh.port = ${v(ssh.port)}`);
  }
  if (network === "loopback" && ssh) {
    const udpRemote = ssh.port + 1e4 <= 65535 ? ssh.port + 1e4 : ssh.port - 1e4;
    const mac = `52:54:00:5e:${hex2(ssh.port >> 8)}:${hex2(ssh.port & 255)}`;
    L.push(
      "  # The one NIC libvirt knows: a UDP tunnel on 127.0.0.1, never configured in the guest.",
      `  node.vm.network :private_network, ${rubyKeywords({
        libvirt__tunnel_type: "udp",
        libvirt__tunnel_ip: "127.0.0.1",
        libvirt__tunnel_port: String(udpRemote),
        libvirt__tunnel_local_ip: "127.0.0.1",
        libvirt__tunnel_local_port: String(ssh.port),
        libvirt__mac: mac,
        auto_config: false
      })}`
    );
  }
  if (ssh && provider === "virtualbox") {
    L.push(`  node.vm.network :forwarded_port, ${rubyKeywords({ id: "ssh", guest: 22, host: ssh.port, host_ip: ssh.host, auto_correct: false })}`);
  }
  L.push("  node.vm.provider :libvirt do |lv|");
  L.push(`    lv.memory = ${v(spec.memory)}`);
  L.push(`    lv.cpus = ${v(spec.cpus)}`);
  if (provider === "libvirt") {
    if (network === "loopback") {
      L.push("    lv.mgmt_attach = false", "    lv.qemu_use_agent = true");
    }
    if (Object.keys(options).length > 0) L.push(`    Svcplan.configure(lv, ${v(options)})`);
    if (ssh) {
      const netdev = `user,id=svcplanssh,net=${SSH_NIC.net},ipv6=off,restrict=on,hostfwd=tcp:${ssh.host}:${ssh.port}-:22`;
      const device = `virtio-net-pci,netdev=svcplanssh,mac=${SSH_NIC.mac},bus=pci.0,addr=${SSH_NIC.pciAddr}`;
      for (const arg of ["-netdev", netdev, "-device", device]) L.push(`    lv.qemuargs(${rubyKeywords({ value: arg })})`);
    }
    if (spec.state) {
      L.push(`    lv.storage(:file, ${rubyKeywords({ path: stateDiskName(inst.name), size: `${spec.state.disk}G`, type: "qcow2", allow_existing: true })})`);
    }
  }
  L.push("  end");
  L.push("  node.vm.provider :virtualbox do |vb|");
  L.push(`    vb.memory = ${v(spec.memory)}`);
  L.push(`    vb.cpus = ${v(spec.cpus)}`);
  if (provider === "virtualbox") {
    if (Object.keys(options).length > 0) L.push(`    Svcplan.configure(vb, ${v(options)})`);
    if (spec.state) {
      const disk = virtualboxStateDiskPath(vagrantDir, inst.name);
      L.push(
        `    vb.customize(['storageattach', :id, '--storagectl', ${v(controller)}, '--port', '1', '--device', '0', '--type', 'hdd', '--medium', ${v(disk)}])`
      );
    }
  }
  L.push("  end");
  if (provider === "virtualbox" && spec.state) {
    const disk = virtualboxStateDiskPath(vagrantDir, inst.name);
    L.push(
      "  # The state disk lives outside the machine folder and is detached before a destroy, so",
      "  # `vagrant destroy` (which deletes the machine folder and attached media) never takes it.",
      "  node.trigger.before :up do |trigger|",
      `    trigger.ruby { |_env, _machine| Svcplan.create_vbox_disk(${v(disk)}, ${v(spec.state.disk * 1024)}) }`,
      "  end",
      "  node.trigger.before :destroy do |trigger|",
      `    trigger.ruby { |_env, machine| Svcplan.detach_vbox_disk(machine, ${v(controller)}) }`,
      "  end"
    );
  }
  for (const p of provisionersOf(inst, service, repoDir)) L.push("  " + renderProvisioner(p));
  L.push("end");
  return L;
}
function provisionersOf(inst, service, repoDir) {
  const spec = inst.spec;
  const device = stateDevice(spec.target.provider);
  const out = [
    { name: "features", type: "shell", script: "FEATURES_SCRIPT", env: { SVCPLAN_FEATURES: spec.features } },
    { name: "settings", type: "shell", script: "SETTINGS_SCRIPT", env: { SVCPLAN_SETTINGS: settingsFile(spec.settings, service.name) } }
  ];
  for (const [app, def] of sortedEntries(spec.apps)) {
    if (!APP_NAME.test(app)) {
      throw new VagrantfileError(`service ${service.name}: app name ${JSON.stringify(app)} cannot name a provisioner; use letters, digits, '.', '_' and '-'`);
    }
    const upload = `${GUEST_UPLOAD_DIR}/svcplan-app-${app}-install`;
    if (def.install) out.push({ name: `app-${app}-script`, type: "file", source: repoFile(repoDir, def.install, service.name), destination: upload });
    out.push({
      name: `app-${app}`,
      type: "shell",
      script: "APP_SCRIPT",
      env: {
        APP_NAME: app,
        APP_VERSION: def.version,
        SVCPLAN_INSTALL: def.install ? upload : "",
        SVCPLAN_STATE_DEVICE: spec.state ? device : "",
        SVCPLAN_STATE_MOUNT: spec.state ? STATE_MOUNT : ""
      }
    });
  }
  out.push({ name: "apps-prune", type: "shell", script: "APPS_PRUNE_SCRIPT", env: { SVCPLAN_APPS: Object.keys(spec.apps).sort() } });
  for (const hook of ["save", "restore"]) {
    const script = spec.state?.[hook];
    if (!script) continue;
    const upload = `${GUEST_UPLOAD_DIR}/svcplan-${hook}-state`;
    out.push({ name: `${hook}-state-script`, type: "file", run: "never", source: repoFile(repoDir, script, service.name), destination: upload });
    out.push({
      name: `${hook}-state`,
      type: "shell",
      run: "never",
      script: "HOOK_SCRIPT",
      env: { SVCPLAN_HOOK: upload, SVCPLAN_STATE_DEVICE: device, SVCPLAN_STATE_MOUNT: STATE_MOUNT }
    });
  }
  return out;
}
function renderProvisioner(p) {
  const v = rubyLiteral;
  const run = p.run ? `, run: ${v(p.run)}` : "";
  if (p.type === "file") return `node.vm.provision ${v(p.name)}, type: 'file'${run}, source: ${v(p.source)}, destination: ${v(p.destination)}`;
  return `node.vm.provision ${v(p.name)}, type: 'shell'${run}, inline: Svcplan::${p.script}, env: Svcplan.env(${v(p.env)})`;
}
function base64Env(env) {
  const b642 = (text) => Buffer.from(text, "utf8").toString("base64");
  return Object.fromEntries(Object.entries(env).map(([name, value2]) => [`${name}_B64`, Array.isArray(value2) ? value2.map(b642).join(" ") : b642(value2)]));
}
function settingsFile(settings, service) {
  return sortedEntries(settings).map(([key, value2]) => {
    if (!ENV_NAME.test(key)) {
      throw new VagrantfileError(
        `service ${service}: setting ${JSON.stringify(key)} is not a valid environment variable name (letters, digits, _; not starting with a digit)`
      );
    }
    return `${key}=${shellQuote(String(value2))}
`;
  }).join("");
}
function shellQuote(text) {
  return "'" + text.replace(/'/g, "'\\''") + "'";
}
function repoFile(repoDir, path, service) {
  const full = resolve(repoDir, path);
  const rel = relative(resolve(repoDir), full);
  if (isAbsolute(path) || rel.startsWith(".." + sep) || rel === "..") {
    throw new VagrantfileError(`service ${service}: script ${JSON.stringify(path)} is outside the templates repository; give a path relative to its root`);
  }
  return full;
}
function rubyKeywords(entries) {
  return [...symbolHash(entries).entries()].map(([k, val]) => `${k.name}: ${rubyLiteral(val)}`).join(", ");
}
function sortedEntries(record) {
  return Object.entries(record).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
}
function hex2(n) {
  return n.toString(16).padStart(2, "0");
}
function oneLine(text) {
  return text.replace(/[\r\n]+/g, " ");
}
var DECODE = [
  "set -eu",
  `d() { printf '%s' "$1" | base64 -d; }`,
  "svcplan_settings() { if [ -f /etc/svcplan/settings.env ]; then set -a; . /etc/svcplan/settings.env; set +a; fi; }"
].join("\n");
var FEATURES_SCRIPT = `${DECODE}
mkdir -p /etc/svcplan
: > /etc/svcplan/features.new
for item in $SVCPLAN_FEATURES_B64; do d "$item" >> /etc/svcplan/features.new; echo >> /etc/svcplan/features.new; done
mv /etc/svcplan/features.new /etc/svcplan/features
if [ -x /usr/local/sbin/svcplan-feature ]; then
  for item in $SVCPLAN_FEATURES_B64; do /usr/local/sbin/svcplan-feature "$(d "$item")"; done
fi
`;
var SETTINGS_SCRIPT = `${DECODE}
mkdir -p /etc/svcplan
d "$SVCPLAN_SETTINGS_B64" > /etc/svcplan/settings.env.new
chmod 0600 /etc/svcplan/settings.env.new
mv /etc/svcplan/settings.env.new /etc/svcplan/settings.env
`;
var APP_SCRIPT = `${DECODE}
APP_NAME=$(d "$APP_NAME_B64"); APP_VERSION=$(d "$APP_VERSION_B64"); install=$(d "$SVCPLAN_INSTALL_B64")
export APP_NAME APP_VERSION
if [ -n "$SVCPLAN_STATE_DEVICE_B64" ]; then
  SVCPLAN_STATE_DEVICE=$(d "$SVCPLAN_STATE_DEVICE_B64"); SVCPLAN_STATE_MOUNT=$(d "$SVCPLAN_STATE_MOUNT_B64")
  export SVCPLAN_STATE_DEVICE SVCPLAN_STATE_MOUNT
fi
dir=/etc/svcplan/apps/$APP_NAME
mkdir -p "$dir"
if [ -n "$install" ]; then
  mv "$install" "$dir/install.sh"; chmod 0755 "$dir/install.sh"
  svcplan_settings
  "$dir/install.sh"
fi
d "$APP_VERSION_B64" > "$dir/version.new"
mv "$dir/version.new" "$dir/version"
`;
var APPS_PRUNE_SCRIPT = `${DECODE}
mkdir -p /etc/svcplan/apps
keep=
for item in $SVCPLAN_APPS_B64; do keep="$keep/$(d "$item")/"; done
for dir in /etc/svcplan/apps/*/; do
  [ -d "$dir" ] || continue
  name=$(basename "$dir")
  case "$keep" in *"/$name/"*) continue ;; esac
  if [ -x /usr/local/sbin/svcplan-app-remove ]; then /usr/local/sbin/svcplan-app-remove "$name"; fi
  rm -rf "$dir"
done
`;
var HOOK_SCRIPT = `${DECODE}
hook=$(d "$SVCPLAN_HOOK_B64")
SVCPLAN_STATE_DEVICE=$(d "$SVCPLAN_STATE_DEVICE_B64"); SVCPLAN_STATE_MOUNT=$(d "$SVCPLAN_STATE_MOUNT_B64")
export SVCPLAN_STATE_DEVICE SVCPLAN_STATE_MOUNT
svcplan_settings
chmod 0755 "$hook"
"$hook"
`;
var GUEST_SCRIPTS = { FEATURES_SCRIPT, SETTINGS_SCRIPT, APP_SCRIPT, APPS_PRUNE_SCRIPT, HOOK_SCRIPT };
var RUBY_HELPERS = `require 'base64'
require 'fileutils'

module Svcplan
  SETTING = /\\A[a-z_][a-z0-9_]*\\z/
  FEATURES_SCRIPT = ${rubyString(FEATURES_SCRIPT)}
  SETTINGS_SCRIPT = ${rubyString(SETTINGS_SCRIPT)}
  APP_SCRIPT = ${rubyString(APP_SCRIPT)}
  APPS_PRUNE_SCRIPT = ${rubyString(APPS_PRUNE_SCRIPT)}
  HOOK_SCRIPT = ${rubyString(HOOK_SCRIPT)}

  # Provisioner env: NAME_B64 per value (lists: space-separated items), because Vagrant puts env
  # values into a shell command line where only base64's alphabet is inert.
  def self.env(values)
    values.to_h do |name, value|
      encoded = value.is_a?(Array) ? value.map { |item| Base64.strict_encode64(item.to_s) }.join(' ') : Base64.strict_encode64(value.to_s)
      ["#{name}_B64", encoded]
    end
  end

  # Provider settings given as data: \`name=\` when the provider has that setter, else the method
  # \`name\` (a hash becomes keyword options, a list calls it once per item). Only validated names
  # are sent; nothing is evaluated.
  def self.configure(provider, settings)
    settings.each do |name, value|
      raise ArgumentError, "svcplan: #{name.inspect} is not a provider setting name" unless SETTING.match?(name)
      if provider.respond_to?("#{name}=")
        provider.public_send("#{name}=", value)
      elsif value.is_a?(Array)
        value.each { |item| provider.public_send(name, *arguments(item)) }
      else
        provider.public_send(name, *arguments(value))
      end
    end
  end

  def self.arguments(value)
    value.is_a?(Hash) ? [symbolize(value)] : [value]
  end

  def self.symbolize(value)
    case value
    when Hash then value.to_h { |k, v| [k.to_s.to_sym, symbolize(v)] }
    when Array then value.map { |v| symbolize(v) }
    else value
    end
  end

  def self.create_vbox_disk(path, size_mib)
    return if File.exist?(path)
    FileUtils.mkdir_p(File.dirname(path))
    system('VBoxManage', 'createmedium', 'disk', '--filename', path, '--size', size_mib.to_s, exception: true)
  end

  def self.detach_vbox_disk(machine, controller)
    return if machine.id.nil?
    system('VBoxManage', 'storageattach', machine.id, '--storagectl', controller, '--port', '1', '--device', '0', '--medium', 'none')
  end
end`;

// src/apply/drivers/vagrant/inspect.ts
function guestFactsScript(provider) {
  const device = stateDevice(provider);
  return [
    'echo "@svcplan-facts 1"',
    'echo "@features"; cat /etc/svcplan/features 2>/dev/null',
    'echo "@settings $( (sha256sum /etc/svcplan/settings.env 2>/dev/null || echo -) | cut -d" " -f1)"',
    'for d in /etc/svcplan/apps/*/; do [ -d "$d" ] || continue; echo "@app $(basename "$d") $(cat "$d/version" 2>/dev/null)"; done',
    `if [ -b ${device} ]; then echo "@disk yes"; else echo "@disk no"; fi`,
    'echo "@end"'
  ].join("; ");
}
function parseGuestFacts(output, spec, service) {
  const lines = output.replace(/\r/g, "").split("\n");
  const start = lines.indexOf("@svcplan-facts 1");
  const end = lines.indexOf("@end");
  if (start < 0 || end < start) return void 0;
  const facts = { features: [], settingsMatch: false, apps: {}, stateDisk: false };
  let inFeatures = false;
  for (const line of lines.slice(start + 1, end)) {
    if (line === "@features") {
      inFeatures = true;
      continue;
    }
    if (line.startsWith("@")) inFeatures = false;
    if (inFeatures) {
      if (line !== "") facts.features.push(line);
    } else if (line.startsWith("@settings ")) {
      facts.settingsMatch = line.slice("@settings ".length).trim() === expectedSettingsDigest(spec, service);
    } else if (line.startsWith("@app ")) {
      const [name, ...version] = line.slice("@app ".length).split(" ");
      facts.apps[name] = version.join(" ");
    } else if (line.startsWith("@disk ")) {
      facts.stateDisk = line.endsWith("yes");
    }
  }
  return facts;
}
function expectedSettingsDigest(spec, service) {
  return createHash("sha256").update(settingsFile(spec.settings, service)).digest("hex");
}
function parseDominfo(output) {
  const cpus = /^CPU\(s\):\s+(\d+)\s*$/m.exec(output)?.[1];
  const memory = /^Max memory:\s+(\d+) KiB\s*$/m.exec(output)?.[1];
  return { ...cpus ? { cpus: Number(cpus) } : {}, ...memory ? { memory: Math.round(Number(memory) / 1024) } : {} };
}
function parseShowVmInfo(output) {
  const value2 = (key) => new RegExp(`^${key}="?([^"\\n]*)"?\\s*$`, "m").exec(output)?.[1];
  const memory = value2("memory");
  const cpus = value2("cpus");
  const state = value2("VMState");
  return {
    ...memory ? { memory: Number(memory) } : {},
    ...cpus ? { cpus: Number(cpus) } : {},
    ...state ? { state: state === "running" ? "running" : "stopped" } : {}
  };
}

// src/apply/drivers/vagrant/calls.ts
import { existsSync as existsSync2, mkdirSync, readdirSync as readdirSync2, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join as join3 } from "node:path";
import { setTimeout as sleep2 } from "node:timers/promises";
var CALL_WRAPPER = 'r=$1; shift; echo $$ > "$r.pid"; trap : INT TERM HUP; "$@"; c=$?; echo $c > "$r.exit"; exit $c';
var POLL_MS = 250;
var CallReceipts = class {
  constructor(dir) {
    this.dir = dir;
  }
  dir;
  /** Where the call's pid and exit code are written. */
  base(id) {
    if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`invalid call id ${JSON.stringify(id)}`);
    return join3(this.dir, id);
  }
  /** Called before the call starts: clears what an earlier attempt of it left, keeps its command line for messages. */
  prepare(id, commandLine) {
    mkdirSync(this.dir, { recursive: true });
    const base = this.base(id);
    rmSync(`${base}.exit`, { force: true });
    rmSync(`${base}.pid`, { force: true });
    writeFileSync(`${base}.cmd`, commandLine + "\n");
    return base;
  }
  /** What became of a call; waits while it still runs. */
  async outcome(id, onWait, signal) {
    const base = this.base(id);
    let said = false;
    for (; ; ) {
      const exit = readText(`${base}.exit`);
      if (exit !== void 0 && /^\d+$/.test(exit)) return exit === "0" ? "succeeded" : "failed";
      const pid = Number(readText(`${base}.pid`));
      if (!Number.isInteger(pid) || pid <= 0) return "not-started";
      if (!wrapperAlive(pid, base)) {
        const late = readText(`${base}.exit`);
        if (late !== void 0 && /^\d+$/.test(late)) return late === "0" ? "succeeded" : "failed";
        return "lost";
      }
      if (!said) {
        onWait?.(`waiting for \`${readText(`${base}.cmd`) ?? "a vagrant call"}\` (pid ${pid}), started by an interrupted run, to finish`);
        said = true;
      }
      if (signal?.aborted) return "lost";
      await sleep2(POLL_MS);
    }
  }
  /** Waits until none of the calls recorded here is still running. */
  async settle(onWait, signal) {
    let names;
    try {
      names = readdirSync2(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (!name.endsWith(".pid")) continue;
      const id = name.slice(0, -".pid".length);
      if (existsSync2(join3(this.dir, `${id}.exit`))) continue;
      await this.outcome(id, onWait, signal);
    }
  }
  forget() {
    rmSync(this.dir, { recursive: true, force: true });
  }
};
function readText(file) {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return void 0;
  }
}
function wrapperAlive(pid, base) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (err.code !== "EPERM") return false;
  }
  const cmdline = readText(`/proc/${pid}/cmdline`);
  if (cmdline === void 0) return existsSync2("/proc/self") ? false : true;
  return cmdline.includes(base);
}

// src/apply/drivers/vagrant/machine-data.ts
import { readdirSync as readdirSync3, readFileSync as readFileSync2 } from "node:fs";
import { homedir } from "node:os";
import { join as join4 } from "node:path";
function vagrantHome(env = process.env) {
  return env.VAGRANT_HOME || join4(homedir(), ".vagrant.d");
}
function machineDataDir(vagrantDir, name, provider) {
  return join4(vagrantDir, ".vagrant", "machines", name, provider);
}
function machineIds(vagrantDir, name) {
  let providers;
  try {
    providers = readdirSync3(join4(vagrantDir, ".vagrant", "machines", name));
  } catch {
    return [];
  }
  return providers.flatMap((provider) => {
    const id = readText2(join4(machineDataDir(vagrantDir, name, provider), "id"));
    return id ? [{ provider, id }] : [];
  });
}
function machineIdentities(vagrantDir, machines, home) {
  const out = /* @__PURE__ */ new Map();
  let index = null;
  for (const { name, provider } of machines) {
    const data = machineDataDir(vagrantDir, name, provider);
    const identity = {};
    const id = readText2(join4(data, "id"));
    if (id) identity.id = id;
    const uuid = readText2(join4(data, "index_uuid"));
    if (uuid) {
      if (index === null) index = readIndex(home);
      const box = index?.machines?.[uuid]?.extra_data?.box;
      if (box && typeof box.name === "string" && typeof box.version === "string") identity.box = { name: box.name, version: box.version };
    }
    out.set(name, identity);
  }
  return out;
}
function readIndex(home) {
  const text = readText2(join4(home, "data", "machine-index", "index"));
  if (!text) return void 0;
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}
function readText2(file) {
  try {
    const text = readFileSync2(file, "utf8").trim();
    return text === "" ? void 0 : text;
  } catch {
    return void 0;
  }
}

// src/apply/drivers/vagrant/provider-state.ts
import { basename } from "node:path";
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
var DOMAIN_MARK = "svcplan-domain";
var DOMINFO_MARK = "svcplan-dominfo";
function virshDomstateArgs(uri, ids, opts = {}) {
  if (ids.length === 0 || !ids.every((id) => UUID.test(id))) return void 0;
  const each = (id) => `echo ${DOMAIN_MARK} ${id}; domstate ${id}${opts.dominfo ? `; echo ${DOMINFO_MARK} ${id}; dominfo ${id}` : ""}`;
  return ["-c", uri, ids.map(each).join("; ")];
}
function virshSections(output) {
  const sections = /* @__PURE__ */ new Map([
    [DOMAIN_MARK, /* @__PURE__ */ new Map()],
    [DOMINFO_MARK, /* @__PURE__ */ new Map()]
  ]);
  let current;
  for (const raw of output.split(/\r?\n/)) {
    const mark = new RegExp(`^\\s*(${DOMAIN_MARK}|${DOMINFO_MARK}) (\\S+)\\s*$`).exec(raw);
    if (mark) {
      const byId = sections.get(mark[1]);
      const id = mark[2].toLowerCase();
      current = byId.get(id) ?? [];
      byId.set(id, current);
      continue;
    }
    current?.push(raw);
  }
  return sections;
}
function parseVirshDomstates(output) {
  const states = /* @__PURE__ */ new Map();
  for (const [id, lines] of virshSections(output).get(DOMAIN_MARK)) {
    const state = lines.map((l) => l.trim()).find((l) => l !== "");
    if (state !== void 0) states.set(id, state);
  }
  return states;
}
function parseVirshDominfos(output) {
  const infos = /* @__PURE__ */ new Map();
  for (const [id, lines] of virshSections(output).get(DOMINFO_MARK)) {
    if (lines.some((l) => l.trim() !== "")) infos.set(id, lines.join("\n"));
  }
  return infos;
}
function libvirtStateOf(virshState) {
  switch (virshState.trim()) {
    case "running":
      return "running";
    case "idle":
      return "blocked";
    case "paused":
      return "paused";
    case "in shutdown":
      return "shutting_down";
    case "shut off":
      return "shutoff";
    case "crashed":
      return "crashed";
    case "pmsuspended":
      return "pmsuspended";
    case "no state":
      return "nostate";
    default:
      return "unknown";
  }
}
function parseVBoxMachineReadable(output) {
  const values = /* @__PURE__ */ new Map();
  for (const line of output.split(/\r?\n/)) {
    const m = /^("(?:[^"\\]|\\.)*"|[^=]+)=(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].startsWith('"') ? unquote(m[1]) : m[1];
    values.set(key, m[2].startsWith('"') ? unquote(m[2]) : m[2]);
  }
  return values;
}
function unquote(text) {
  return text.slice(1, -1).replace(/\\(.)/g, "$1");
}
function virtualboxStateOf(output) {
  const values = parseVBoxMachineReadable(output);
  if (values.get("name") === "<inaccessible>") return "inaccessible";
  const state = values.get("VMState");
  return state ? state : void 0;
}
function libvirtUriOf(options, env) {
  if (typeof options.uri === "string" && options.uri !== "") return options.uri;
  const connection = ["connect_via_ssh", "host", "username", "password", "id_ssh_key_file", "qemu_use_session", "socket", "system_uri"];
  if (connection.some((key) => options[key] !== void 0 && options[key] !== null)) return void 0;
  if (options.driver !== void 0 && options.driver !== "qemu" && options.driver !== "kvm") return void 0;
  return env.LIBVIRT_DEFAULT_URI || "qemu:///system";
}
function libvirtDomainName(vagrantDir, machine, options) {
  if (options.random_hostname === true) return void 0;
  const prefix = typeof options.default_prefix === "string" ? options.default_prefix : `${basename(vagrantDir)}_`;
  return `${prefix}${machine}`.replace(/[^-a-z0-9_.]/gi, "");
}

// src/apply/drivers/vagrant/runner.ts
import { spawn } from "node:child_process";
import { closeSync, openSync, readSync, rmSync as rmSync2, statSync, writeFileSync as writeFileSync2 } from "node:fs";
import { resolve as resolvePath } from "node:path";
function formatCommandLine(command) {
  return [command.program, ...command.args].map(shellWord).join(" ");
}
function shellWord(word) {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : "'" + word.replace(/'/g, "'\\''") + "'";
}
var VAGRANT_ENV = {
  VAGRANT_CHECKPOINT_DISABLE: "1",
  VAGRANT_BOX_UPDATE_CHECK_DISABLE: "1",
  VAGRANT_NO_COLOR: "1"
};
var KILL_GRACE_MS = 5e3;
var ProcessRunner = class {
  /** `env` adds to (and overrides) the inherited environment, where VAGRANT_* settings pass through. */
  constructor(env = {}) {
    this.env = env;
  }
  env;
  async run(command, options = {}) {
    const stdout = [];
    const stderr = [];
    const [program, args] = options.receipt ? ["sh", ["-c", CALL_WRAPPER, "sh", options.receipt, command.program, ...command.args]] : [command.program, command.args];
    const files = options.receipt ? receiptFiles(options.receipt, options) : void 0;
    const stdio = [
      files?.stdin ?? (options.input !== void 0 ? "pipe" : "ignore"),
      files?.detached ? files.detached.out.fd : "pipe",
      files?.detached ? files.detached.err.fd : "pipe"
    ];
    let child;
    let startError;
    try {
      child = spawn(program, args, {
        cwd: command.cwd,
        env: { ...process.env, ...VAGRANT_ENV, VAGRANT_CWD: command.cwd, ...this.env },
        stdio
        // When svcplan itself is stopped, a vagrant step already under way finishes rather than being
        // killed halfway (a half-created VM is worse): nothing here kills the program when this
        // process exits; the recorded state says the step is pending.
      });
    } catch (err) {
      startError = err;
    } finally {
      files?.closeChildEnds();
    }
    const lineSplitter = (into, name) => {
      let rest = "";
      const emit = (line) => {
        into.push(line);
        options.onLine?.(line, name);
      };
      return {
        push(chunk) {
          rest += chunk;
          let nl;
          while ((nl = rest.indexOf("\n")) >= 0) {
            emit(rest.slice(0, nl).replace(/\r$/, ""));
            rest = rest.slice(nl + 1);
          }
        },
        flush() {
          if (rest) emit(rest);
          rest = "";
        }
      };
    };
    const collect = (stream, into, name) => {
      if (!stream) return;
      stream.setEncoding("utf8");
      const lines = lineSplitter(into, name);
      stream.on("data", (chunk) => lines.push(chunk));
      stream.on("end", () => lines.flush());
      stream.on("close", () => lines.flush());
    };
    collect(child?.stdout, stdout, "stdout");
    collect(child?.stderr, stderr, "stderr");
    const tails = files?.detached ? [tailFile(files.detached.out.path, lineSplitter(stdout, "stdout")), tailFile(files.detached.err.path, lineSplitter(stderr, "stderr"))] : [];
    const timer = tails.length > 0 ? setInterval(() => tails.forEach((t) => t.read()), TAIL_MS) : void 0;
    let ended;
    try {
      ended = child ? await waitFor(child, options) : { error: startError };
    } finally {
      if (timer) clearInterval(timer);
      for (const t of tails) t.end();
      files?.done();
    }
    if (ended.code !== void 0 && ended.stopped !== "timeout") {
      return { exitCode: ended.code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
    }
    const why = ended.stopped === "timeout" ? `timed out after ${options.timeoutSeconds} s` : ended.stopped === "cancel" ? "stopped: no longer needed" : ended.signal ? `killed by ${ended.signal}` : `could not start ${command.program}: ${startMessage(ended.error, command.cwd)}`;
    return { exitCode: 127, stdout: stdout.join("\n"), stderr: [...stderr, why].join("\n") };
  }
};
function waitFor(child, options) {
  return new Promise((resolve3) => {
    let stopped;
    let graceTimer;
    let settled = false;
    const letGoOfOutput = () => {
      child.stdout?.destroy();
      child.stderr?.destroy();
    };
    const stop = (reason) => {
      stopped ??= reason;
      if (child.exitCode !== null || child.signalCode !== null) return letGoOfOutput();
      if (child.kill("SIGTERM") && !graceTimer) graceTimer = setTimeout(() => child.kill("SIGKILL"), KILL_GRACE_MS);
    };
    const timeout = options.timeoutSeconds ? setTimeout(() => stop("timeout"), options.timeoutSeconds * 1e3) : void 0;
    const onAbort = () => stop("cancel");
    const signal = options.signal;
    const finish2 = (ended) => {
      if (settled) return;
      settled = true;
      if (timeout) clearTimeout(timeout);
      if (graceTimer) clearTimeout(graceTimer);
      signal?.removeEventListener("abort", onAbort);
      resolve3(ended);
    };
    child.once("exit", () => {
      if (graceTimer) clearTimeout(graceTimer);
      if (child.killed) letGoOfOutput();
    });
    child.on("error", (error) => {
      if (child.pid === void 0) finish2({ error });
    });
    child.stdin?.on("error", () => {
    });
    child.once("close", (code, sig) => {
      finish2(code !== null ? { code, stopped } : { signal: sig ?? void 0, stopped });
    });
    if (signal) {
      if (signal.aborted) stop("cancel");
      else signal.addEventListener("abort", onAbort, { once: true });
    }
    if (options.input !== void 0) child.stdin?.end(options.input);
  });
}
function startMessage(error, cwd) {
  const message = String(error?.message ?? error);
  if (resolvePath(cwd) === process.cwd()) return message;
  try {
    if (!statSync(cwd).isDirectory()) return `The "cwd" option is not a directory: ${cwd}.
${message}`;
  } catch (err) {
    return `The "cwd" option is invalid: ${cwd}.
${err.message}
${message}`;
  }
  return message;
}
var TAIL_MS = 100;
function receiptFiles(receipt, options) {
  let stdin;
  const inputFile = `${receipt}.in`;
  if (options.input !== void 0) {
    rmSync2(inputFile, { force: true });
    writeFileSync2(inputFile, options.input, { mode: 384 });
    stdin = openSync(inputFile, "r");
  }
  const open = (path) => ({ path, fd: openSync(path, "w", 384) });
  const detached = options.detachOutput ? { out: open(`${receipt}.out`), err: open(`${receipt}.err`) } : void 0;
  let closed = false;
  return {
    stdin,
    detached,
    closeChildEnds() {
      if (closed) return;
      closed = true;
      for (const fd of [stdin, detached?.out.fd, detached?.err.fd]) if (fd !== void 0) closeSync(fd);
    },
    done() {
      this.closeChildEnds();
      if (stdin !== void 0) rmSync2(inputFile, { force: true });
    }
  };
}
function tailFile(path, lines) {
  const fd = openSync(path, "r");
  const decoder = new TextDecoder("utf-8");
  const buffer = Buffer.alloc(64 * 1024);
  let position = 0;
  const read = () => {
    for (; ; ) {
      const n = readSync(fd, buffer, 0, buffer.length, position);
      if (n <= 0) return;
      position += n;
      lines.push(decoder.decode(buffer.subarray(0, n), { stream: true }));
    }
  };
  return {
    read,
    end() {
      read();
      lines.push(decoder.decode());
      lines.flush();
      closeSync(fd);
    }
  };
}
var RecordingRunner = class {
  constructor(answer = () => void 0) {
    this.answer = answer;
  }
  answer;
  commands = [];
  /** What each recorded command was given on its standard input (undefined: nothing). */
  inputs = [];
  async run(command, options = {}) {
    this.commands.push({ program: command.program, args: [...command.args], cwd: command.cwd });
    this.inputs.push(options.input);
    return this.answer(command, options) ?? { exitCode: 0, stdout: "", stderr: "" };
  }
  /** The recorded commands as a user would type them, one per line. */
  lines() {
    return this.commands.map(formatCommandLine);
  }
};

// src/apply/drivers/vagrant/ssh.ts
import { createHash as createHash2 } from "node:crypto";
import { existsSync as existsSync3, lstatSync, mkdirSync as mkdirSync2, readFileSync as readFileSync3, renameSync, writeFileSync as writeFileSync3 } from "node:fs";
import { join as join5 } from "node:path";
var REST_OF_LINE = /^(proxycommand|localcommand|remotecommand|knownhostscommand)$/i;
var FILE_KEY = /^(identityfile|certificatefile|userknownhostsfile|globalknownhostsfile)$/i;
function parseSshConfig(text) {
  const blocks = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const m = /^([A-Za-z][A-Za-z0-9]*)(?:\s*=\s*|\s+)(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1];
    let value2 = m[2].trim();
    if (!REST_OF_LINE.test(key) && value2.length >= 2 && value2.startsWith('"') && value2.endsWith('"')) value2 = value2.slice(1, -1);
    if (key.toLowerCase() === "host") {
      blocks.push({ host: value2, entries: [] });
      continue;
    }
    blocks[blocks.length - 1]?.entries.push({ key, value: value2 });
  }
  return blocks;
}
function sshSettingsOf(block) {
  if (!block) return void 0;
  const get = (key) => block.entries.find((e) => e.key.toLowerCase() === key)?.value;
  const hostName = get("hostname");
  const port = Number(get("port") ?? "22");
  const user = get("user");
  if (!hostName || !user || !Number.isInteger(port) || port <= 0 || port > 65535) return void 0;
  const identityFiles = block.entries.filter((e) => e.key.toLowerCase() === "identityfile").map((e) => e.value);
  return { hostName, port, user, identityFiles, entries: block.entries };
}
function renderSshConfig(alias, entries) {
  const lines = [`Host ${alias}`];
  for (const { key, value: value2 } of entries) {
    if (/[\r\n]/.test(value2) || !/^[A-Za-z][A-Za-z0-9]*$/.test(key)) return void 0;
    if (REST_OF_LINE.test(key)) {
      lines.push(`  ${key} ${value2}`);
      continue;
    }
    if (value2.includes('"')) return void 0;
    const literal = FILE_KEY.test(key) ? value2.replace(/%/g, "%%") : value2;
    lines.push(`  ${key} ${/\s/.test(literal) || literal === "" ? `"${literal}"` : literal}`);
  }
  return lines.join("\n") + "\n";
}
var HOST = "{svcplan:host}";
var PORT = "{svcplan:port}";
var KEY = "{svcplan:key}";
function profileOf(settings, endpoint, ownKey) {
  if (settings.hostName !== endpoint.host || settings.port !== endpoint.port) return void 0;
  if (settings.identityFiles.length !== 1 || settings.identityFiles[0] !== ownKey) return void 0;
  const entries = settings.entries.map(({ key, value: value2 }) => {
    const k = key.toLowerCase();
    return { key, value: k === "hostname" ? HOST : k === "port" ? PORT : k === "identityfile" ? KEY : value2 };
  });
  if (!entries.some((e) => e.value === PORT)) return void 0;
  return { entries };
}
function settingsFromProfile(profile, endpoint, ownKey) {
  const entries = profile.entries.map(({ key, value: value2 }) => ({
    key,
    value: value2 === HOST ? endpoint.host : value2 === PORT ? String(endpoint.port) : value2 === KEY ? ownKey : value2
  }));
  return sshSettingsOf({ host: "", entries });
}
function profileKey(parts) {
  return createHash2("sha256").update(JSON.stringify([parts.box, parts.version, parts.provider, parts.options, parts.host])).digest("hex").slice(0, 24);
}
var SshSettingsStore = class {
  constructor(dir) {
    this.dir = dir;
  }
  dir;
  memory = /* @__PURE__ */ new Map();
  machine(name, id, endpoint) {
    const hit = this.memory.get(name) ?? this.read(this.machineFile(name));
    if (!hit || hit.id !== id || hit.endpoint !== endpoint || !sshSettingsOf({ host: "", entries: hit.settings?.entries ?? [] })) return void 0;
    this.memory.set(name, hit);
    return hit;
  }
  keep(name, entry) {
    this.memory.set(name, entry);
    this.write(this.machineFile(name), entry);
  }
  profile(key) {
    const p = this.read(join5(this.dir, "profiles", `${key}.json`));
    return p && Array.isArray(p.entries) ? p : void 0;
  }
  keepProfile(key, profile) {
    this.write(join5(this.dir, "profiles", `${key}.json`), profile);
  }
  /** The ssh_config file for a machine's settings, written when it changed. */
  configFile(name, text) {
    const file = join5(this.dir, `${name}.conf`);
    let current;
    try {
      current = readFileSync3(file, "utf8");
    } catch {
      current = void 0;
    }
    if (current !== text) this.writeText(file, text);
    return file;
  }
  machineFile(name) {
    return join5(this.dir, `${name}.json`);
  }
  read(file) {
    try {
      return JSON.parse(readFileSync3(file, "utf8"));
    } catch {
      return void 0;
    }
  }
  write(file, value2) {
    this.writeText(file, JSON.stringify(value2, null, 1) + "\n");
  }
  writeText(file, text) {
    mkdirSync2(join5(file, ".."), { recursive: true, mode: 448 });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync3(tmp, text, { mode: 384 });
    renameSync(tmp, file);
  }
};
var CONTROL_PATH_MAX = 107 - 17;
function controlDir(tmp) {
  const uid = process.getuid?.() ?? 0;
  for (const base of [tmp, "/tmp"]) {
    const dir = join5(base, `svcplan-ssh-${uid}`);
    if (dir.length + 1 + 16 > CONTROL_PATH_MAX || /[\s"'%]/.test(dir)) continue;
    try {
      if (!existsSync3(dir)) mkdirSync2(dir, { mode: 448 });
      const st = lstatSync(dir);
      if (st.isDirectory() && !st.isSymbolicLink() && st.uid === uid && (st.mode & 63) === 0) return dir;
    } catch {
    }
  }
  return void 0;
}
function controlPath(dir, id, settings) {
  const hash = createHash2("sha256").update(JSON.stringify([id, settings.entries])).digest("hex").slice(0, 16);
  return join5(dir, hash);
}
function sshArgs(configFile, alias, control) {
  return [
    "-F",
    configFile,
    "-T",
    "-o",
    "BatchMode=yes",
    "-o",
    "ConnectTimeout=10",
    "-o",
    "ServerAliveInterval=15",
    "-o",
    "ServerAliveCountMax=4",
    // Vagrant's LogLevel FATAL would hide why a connection failed.
    "-o",
    "LogLevel=ERROR",
    ...control ? ["-o", "ControlMaster=auto", "-o", `ControlPath=${control}`, "-o", "ControlPersist=60"] : [],
    alias,
    REMOTE_COMMAND
  ];
}
var REMOTE_COMMAND = "sh -s";
var b64 = (data) => (typeof data === "string" ? Buffer.from(data, "utf8") : data).toString("base64");
var REACH_PAYLOAD = "{\nexit 0\n}\n";
function commandPayload(command) {
  return ["{", `c=$(printf '%s' '${b64(command)}' | base64 -d) || exit`, 'exec sh -l -c "$c" </dev/null', "}", ""].join("\n");
}
function provisionPayload(defs, readSource) {
  const out = [
    "{",
    `svcplan_put() { printf '%s' "$2" | base64 -d > "$1"; }`,
    "svcplan_sudo() {",
    "  f=$(mktemp /tmp/svcplan-shell.XXXXXX) || return",
    `  printf '%s' "$1" | base64 -d > "$f" && chmod 0755 "$f" && sudo -n -E -H sh -l "$f" </dev/null`,
    '  c=$?; rm -f "$f"; return $c',
    "}"
  ];
  for (const p of defs) {
    out.push(`printf '%s\\n' ${shellQuote(`Running provisioner: ${p.name} (${p.type})...`)}`);
    if (p.type === "file") {
      out.push(`svcplan_put ${shellQuote(p.destination)} '${b64(readSource(p.source))}' || exit`);
    } else {
      const exports = Object.entries(base64Env(p.env)).map(([name, value2]) => `export ${name}='${value2}'
`).join("");
      out.push(`svcplan_sudo '${b64(exports + GUEST_SCRIPTS[p.script])}' || exit`);
    }
  }
  out.push("exit 0", "}", "");
  return out.join("\n");
}

// src/apply/drivers/vagrant/driver.ts
var RE_ASK_SECONDS = 30;
var INSPECT_CONCURRENCY = 8;
var MACHINE_LOCKED = /another process is already executing an action on the machine/;
var STDOUT_TAIL_LINES = 6;
var STDERR_TAIL_LINES = 16;
var BACKTRACE_FRAME = /^\s+from \S+:\d+:in /;
var lastLines = (text, count) => text.split("\n").filter((l) => l.trim() !== "" && !BACKTRACE_FRAME.test(l)).slice(-count);
var VagrantCommandError = class extends Error {
  constructor(command, result) {
    const tail = [...lastLines(result.stdout, STDOUT_TAIL_LINES), ...lastLines(result.stderr, STDERR_TAIL_LINES)].join("\n");
    super(`\`${formatCommandLine(command)}\` exited with ${result.exitCode} (in ${command.cwd})${tail ? ":\n" + tail : ""}`);
    this.command = command;
    this.result = result;
    this.name = "VagrantCommandError";
  }
  command;
  result;
};
var GuestCommandError = class extends VagrantCommandError {
  constructor(command, result, what) {
    super(command, result);
    this.name = "GuestCommandError";
    this.message = `${what} (over SSH): ${this.message}`;
  }
};
var BoxUnavailableError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "BoxUnavailableError";
  }
};
var VagrantDriver = class {
  constructor(options) {
    this.options = options;
    this.repoDir = resolve2(options.repoDir);
    this.runner = options.runner ?? new ProcessRunner(options.env);
    this.writeFiles = options.writeFiles ?? true;
    this.direct = (options.direct ?? this.writeFiles) && !this.env().VAGRANT_DOTFILE_PATH;
  }
  options;
  repoDir;
  runner;
  writeFiles;
  direct;
  layouts = /* @__PURE__ */ new Map();
  sshStores = /* @__PURE__ */ new Map();
  /** When each machine's (service, name, id) SSH settings were last asked of Vagrant. */
  asked = /* @__PURE__ */ new Map();
  sshProgram;
  sockets;
  /** Each box looked for (and fetched) once: the answer, shared by every service that needs it. */
  boxes = /* @__PURE__ */ new Map();
  vagrantDir(service) {
    return vagrantDirOf(this.repoDir, service);
  }
  async layout(service, instances) {
    this.checkScripts(service, instances);
    const previous = this.layouts.get(service.name);
    const layout = { service, instances: new Map(instances.map((i) => [i.name, i])), blocks: previous?.blocks ?? new MachineBlockCache() };
    this.layouts.set(service.name, layout);
    this.writeVagrantfile(layout, { checkDisk: true });
  }
  async settle(service, signal) {
    await this.receipts(service).settle((line) => this.emit(service, void 0, line, "svcplan"), signal);
  }
  async observe(service) {
    return this.observeMachines(service);
  }
  /** observe(); with `hardware`, memory and cpus of the machines the hypervisor answered for go there too. */
  async observeMachines(service, hardware) {
    const dir = this.vagrantDir(service);
    if (this.writeFiles && !existsSync4(join6(dir, "Vagrantfile"))) return {};
    const direct = this.direct ? await this.observeDirect(service, hardware) : void 0;
    if (direct) return direct;
    const result = await this.vagrant(service, void 0, ["status", "--machine-readable"], { quiet: true });
    const states = parseVagrantStatus(result.stdout);
    const layout = this.layouts.get(service);
    const machines = Object.keys(states).map((name) => ({ name, provider: layout?.instances.get(name)?.spec.target.provider ?? "libvirt" }));
    const identities = machineIdentities(dir, machines, vagrantHome(this.env()));
    const out = {};
    for (const [name, state] of Object.entries(states)) out[name] = state === "not_created" ? { state } : { state, ...identities.get(name) };
    return out;
  }
  /**
   * The service's machines from the hypervisor, when every machine of the layout has a provider
   * id: libvirt through one virsh call per connection URI, VirtualBox through VBoxManage.
   * Undefined, and Vagrant is asked, when any of it cannot be told exactly: no layout, a machine
   * without an id (not created, as Vagrant would most likely say; it alone knows for sure where
   * it keeps ids), an id under more than one provider or under another provider than the spec's,
   * an URI svcplan cannot tell, a program missing or failing, a domain the hypervisor does not
   * know (Vagrant then forgets the id), an unknown provider. With `hardware`, the same call also
   * answers memory and cpus (libvirt: each domain's `dominfo` in the one virsh call; VirtualBox:
   * the same `showvminfo`), put there for the machines it answered for.
   */
  async observeDirect(service, hardware) {
    const layout = this.layouts.get(service);
    if (!layout) return void 0;
    const dir = this.vagrantDir(service);
    const env = this.env();
    const states = /* @__PURE__ */ new Map();
    const libvirt = /* @__PURE__ */ new Map();
    const virtualbox = [];
    const providers = [];
    for (const inst of layout.instances.values()) {
      const ids = machineIds(dir, inst.name);
      if (ids.length !== 1 || ids[0].provider !== inst.spec.target.provider) return void 0;
      const [{ provider, id }] = ids;
      providers.push({ name: inst.name, provider });
      if (provider === "libvirt") {
        const uri = libvirtUriOf(inst.spec.target.options, env);
        if (!uri) return void 0;
        libvirt.set(uri, [...libvirt.get(uri) ?? [], { name: inst.name, id }]);
      } else if (provider === "virtualbox") {
        virtualbox.push({ name: inst.name, id });
      } else {
        return void 0;
      }
    }
    const found = /* @__PURE__ */ new Map();
    const answers = await Promise.all([
      ...[...libvirt].map(async ([uri, machines]) => {
        const args = virshDomstateArgs(
          uri,
          machines.map((m) => m.id),
          { dominfo: hardware !== void 0 }
        );
        if (!args) return false;
        const result = await this.runner.run({ program: "virsh", args, cwd: dir });
        if (result.exitCode === 127 && /could not start/.test(result.stderr)) return false;
        const domstates = parseVirshDomstates(result.stdout);
        const dominfos = hardware ? parseVirshDominfos(result.stdout) : void 0;
        for (const m of machines) {
          const state = domstates.get(m.id.toLowerCase());
          if (state === void 0) return false;
          states.set(m.name, observedStateOf(libvirtStateOf(state)));
          const info = dominfos?.get(m.id.toLowerCase());
          const parsed = info !== void 0 ? parseDominfo(info) : void 0;
          if (parsed?.memory !== void 0 && parsed.cpus !== void 0) found.set(m.name, parsed);
        }
        return true;
      }),
      ...virtualbox.map(async (m) => {
        const result = await this.runner.run({ program: "VBoxManage", args: ["showvminfo", m.id, "--machinereadable"], cwd: dir });
        const state = result.exitCode === 0 ? virtualboxStateOf(result.stdout) : void 0;
        if (state === void 0) return false;
        states.set(m.name, observedStateOf(state));
        const { memory, cpus } = parseShowVmInfo(result.stdout);
        found.set(m.name, { ...memory !== void 0 ? { memory } : {}, ...cpus !== void 0 ? { cpus } : {} });
        return true;
      })
    ]);
    if (answers.includes(false)) return void 0;
    for (const [name, h] of found) hardware?.set(name, h);
    const identities = machineIdentities(dir, providers, vagrantHome(env));
    const out = {};
    for (const [name, state] of states) out[name] = { state, ...identities.get(name) };
    return out;
  }
  async outcome(inst, call) {
    return this.receipts(inst.service).outcome(call, (line) => this.say(inst, line));
  }
  async forgetCalls(service) {
    if (this.writeFiles) this.receipts(service).forget();
  }
  async up(inst, opts) {
    this.place(inst);
    const args = ["up", inst.name, `--provider=${inst.spec.target.provider}`];
    if (opts.keepOnError) args.push("--no-destroy-on-error");
    if (opts.provision === "all") args.push("--provision");
    else if (opts.provision === "none") args.push("--no-provision");
    else {
      const names = this.provisionWith(inst, opts.provision);
      args.push(...names.length > 0 ? ["--provision", "--provision-with", names.join(",")] : ["--no-provision"]);
    }
    await this.act(inst, args, opts.call);
  }
  async provision(inst, provisioners, opts) {
    this.place(inst);
    const names = this.provisionWith(inst, provisioners);
    if (names.length === 0) return;
    const target = await this.reachable(inst);
    if (target) return this.provisionOverSsh(inst, target, names, opts.call);
    await this.act(inst, ["provision", inst.name, "--provision-with", names.join(",")], opts.call);
  }
  /**
   * The named provisioners over the machine's SSH channel, in the order Vagrant would run them
   * (its Vagrantfile's), under the call's receipt, as one guest command.
   */
  async provisionOverSsh(inst, target, names, call) {
    const service = this.layouts.get(inst.service).service;
    const defs = provisionersOf(inst, service, this.repoDir).filter((p) => names.includes(p.name));
    const payload = provisionPayload(defs, (path) => readFileSync4(path));
    const command = this.sshCommand(inst, target);
    const what = `provisioners ${defs.map((p) => p.name).join(",")} on ${inst.name}`;
    this.say(inst, `$ ${formatCommandLine(command)}  # ${what}`);
    const result = await this.runner.run(command, {
      input: payload,
      detachOutput: true,
      onLine: (line, stream) => this.emit(inst.service, inst.name, line, stream),
      ...this.receiptFor(inst.service, call, command)
    });
    if (result.exitCode !== 0) throw new GuestCommandError(command, result, what);
  }
  async reload(inst, provisioners, opts) {
    this.place(inst);
    const names = this.provisionWith(inst, provisioners);
    await this.act(inst, ["reload", inst.name, ...names.length > 0 ? ["--provision-with", names.join(",")] : ["--no-provision"]], opts.call);
  }
  async halt(inst, opts) {
    this.place(inst);
    await this.act(inst, ["halt", inst.name], opts.call);
  }
  async destroy(inst, opts) {
    this.place(inst);
    await this.clearUnrecordedDomain(inst);
    await this.act(inst, ["destroy", "-f", inst.name], opts.call);
  }
  /**
   * A `vagrant up` cut off between defining its domain and writing the machine's id leaves a
   * domain Vagrant does not know of, under the very name it gives the machine: every later `up`
   * and `destroy` then fails ("Name `…` of domain about to create is already taken"). Such a
   * domain is shut off (vagrant-libvirt records the id before it starts the domain) and never
   * held app state: it is undefined with its volumes kept (the state disk stays; the stale disk
   * image goes with the `vagrant destroy` that follows). A domain that runs is not svcplan's to
   * remove. Only where svcplan reads the machine's id itself (no VAGRANT_DOTFILE_PATH).
   */
  async clearUnrecordedDomain(inst) {
    const env = this.env();
    if (inst.spec.target.provider !== "libvirt" || !this.writeFiles || env.VAGRANT_DOTFILE_PATH) return;
    const dir = this.vagrantDir(inst.service);
    if (machineIds(dir, inst.name).some((m) => m.provider === "libvirt")) return;
    const domain = libvirtDomainName(dir, inst.name, inst.spec.target.options);
    const uri = libvirtUriOf(inst.spec.target.options, env);
    if (!domain || !uri) return;
    const state = await this.runner.run({ program: "virsh", args: ["-c", uri, "domstate", domain], cwd: dir }, { timeoutSeconds: 60 });
    const now = state.stdout.trim().split(/\r?\n/)[0]?.trim() ?? "";
    if (state.exitCode !== 0 || now === "") return;
    if (now !== "shut off") {
      throw new Error(
        `libvirt domain ${domain} is ${now} but Vagrant has no record of it (no machine id for ${inst.name}): svcplan does not remove a VM it cannot identify. Look at it with \`virsh -c ${uri} dominfo ${domain}\`; if it is a leftover, stop and undefine it (\`virsh -c ${uri} destroy ${domain}\`, then \`virsh -c ${uri} undefine ${domain}\`; its volumes stay), then run svcplan apply again`
      );
    }
    this.say(
      inst,
      `domain ${domain} was defined by an interrupted \`vagrant up\` that never recorded it (shut off, never booted): undefining it, its volumes kept`
    );
    const command = { program: "virsh", args: ["-c", uri, "undefine", domain], cwd: dir };
    const result = await this.runShown(inst, command, { timeoutSeconds: 60 });
    if (result.exitCode !== 0) throw new VagrantCommandError(command, result);
  }
  async growStateDisk(inst, opts) {
    if (!inst.spec.state) return;
    const sizeGiB = inst.spec.state.disk;
    await this.stateDiskCommand(
      inst,
      opts.call,
      (uri, pool, volume) => ["-c", uri, "vol-resize", "--pool", pool, volume, `${sizeGiB}G`],
      (path) => ["modifymedium", "disk", path, "--resize", String(sizeGiB * 1024)]
    );
  }
  async deleteStateDisk(inst, opts) {
    if (!inst.spec.state) return;
    await this.stateDiskCommand(
      inst,
      opts.call,
      (uri, pool, volume) => ["-c", uri, "vol-delete", "--pool", pool, volume],
      (path) => ["closemedium", "disk", path, "--delete"],
      // Already gone is what was asked for.
      /Storage volume not found|no storage vol with matching|Could not find file for the medium|VERR_FILE_NOT_FOUND/i
    );
  }
  async waitForSsh(inst, opts) {
    this.say(inst, `waiting for the machine to answer SSH (up to ${opts.timeoutSeconds} s): it was booting when a run stopped`);
    return this.health(inst, { timeoutSeconds: opts.timeoutSeconds, minReadySeconds: 0, signal: opts.signal });
  }
  async health(inst, check) {
    this.place(inst);
    const command = check.command ?? "true";
    const pollMs = (this.options.healthPollSeconds ?? 5) * 1e3;
    const deadline = Date.now() + check.timeoutSeconds * 1e3;
    const { signal } = check;
    const probe2 = async () => {
      const left = Math.max(5, Math.ceil((deadline - Date.now()) / 1e3));
      const direct = await this.probeOverSsh(inst, command, Math.min(left, 120), signal);
      if (direct !== void 0) return direct;
      const result = await this.run(inst.service, inst.name, ["ssh", inst.name, "-c", command], { timeoutSeconds: Math.min(left, 120), quiet: true, signal });
      return result.exitCode === 0;
    };
    for (; ; ) {
      if (await probe2()) break;
      if (signal?.aborted) return false;
      if (Date.now() + pollMs >= deadline) {
        this.say(inst, `unhealthy: \`${command}\` did not succeed within ${check.timeoutSeconds} s`);
        return false;
      }
      if (!await pause(pollMs, signal)) return false;
    }
    if (check.minReadySeconds <= 0) return true;
    if (!await pause(check.minReadySeconds * 1e3, signal)) return false;
    const stillHealthy = await probe2();
    if (!stillHealthy) this.say(inst, `unhealthy again after ${check.minReadySeconds} s: \`${command}\``);
    return stillHealthy;
  }
  async prepareBoxes(service, boxes) {
    const failures = [];
    await Promise.all(
      boxes.map(async (box) => {
        const key = boxKey(box);
        let pending = this.boxes.get(key);
        if (!pending) {
          pending = this.prepareBox(service, box);
          this.boxes.set(key, pending);
        }
        await pending.catch((err) => failures.push(err.message));
      })
    );
    if (failures.length > 0) {
      throw new BoxUnavailableError(
        `${failures.join("; ")}. No machine of ${service} was touched: add the box on this host (vagrant box add), or fix the template's image`
      );
    }
  }
  /** A box on disk is there; one that is not is asked of Vagrant's list, then added. */
  async prepareBox(service, box) {
    const home = vagrantHome(this.env());
    if (boxOnDisk(home, box)) return;
    if (!this.writeFiles) {
      this.emit(
        service,
        void 0,
        `box ${boxLabel(box)} is not on this host: the apply adds it before any machine is touched (vagrant box add ${box.name} --box-version ${box.version} --provider ${box.provider})`,
        "svcplan"
      );
      return;
    }
    const dir = this.options.tmpDir ?? tmpdir();
    const list = await this.runner.run({ program: "vagrant", args: ["box", "list", "--machine-readable"], cwd: dir });
    if (list.exitCode === 0 && boxListed(parseBoxList(list.stdout), box)) return;
    const command = { program: "vagrant", args: ["box", "add", box.name, "--box-version", box.version, "--provider", box.provider], cwd: dir };
    this.emit(service, void 0, `box ${boxLabel(box)} is not on this host; adding it before any machine is touched`, "svcplan");
    this.emit(service, void 0, `$ ${formatCommandLine(command)}`, "svcplan");
    const added = await this.runner.run(command, { onLine: (line, stream) => this.emit(service, void 0, line, stream) });
    if (added.exitCode !== 0) {
      if (boxOnDisk(home, box)) return;
      const why = lastLines(added.stderr, STDERR_TAIL_LINES).join(" ") || lastLines(added.stdout, 2).join(" ") || `exit code ${added.exitCode}`;
      throw new Error(`box ${boxLabel(box)} is not on this host and \`${formatCommandLine(command)}\` failed: ${why}`);
    }
  }
  // --- the direct SSH channel -------------------------------------------------------------------
  /**
   * The command over SSH (`command`, or `true` for waitForSsh) as `vagrant ssh -c` would run it:
   * its answer, or undefined when the machine has no SSH settings to be had (Vagrant then runs it).
   */
  async probeOverSsh(inst, command, timeoutSeconds, signal) {
    const target = await this.sshTarget(inst);
    if (!target) return void 0;
    const first = await this.sshRun(inst, target, commandPayload(command), timeoutSeconds, signal);
    if (first.exitCode !== 255 || signal?.aborted) return first.exitCode === 0;
    const again = await this.sshTarget(inst, { fresh: true });
    if (!again || sameSettings(again.entry.settings, target.entry.settings)) return false;
    return (await this.sshRun(inst, again, commandPayload(command), timeoutSeconds, signal)).exitCode === 0;
  }
  /**
   * The machine's SSH channel once a connection with its settings has succeeded (settings that
   * fail are asked of Vagrant again); undefined when there is none to be had, or the machine does
   * not answer: Vagrant then does the work, with its own waiting and messages.
   */
  async reachable(inst) {
    const target = await this.sshTarget(inst);
    if (!target) return void 0;
    if ((await this.sshRun(inst, target, REACH_PAYLOAD, 30)).exitCode === 0) return target;
    const again = await this.sshTarget(inst, { fresh: true });
    if (!again || sameSettings(again.entry.settings, target.entry.settings)) return void 0;
    return (await this.sshRun(inst, again, REACH_PAYLOAD, 30)).exitCode === 0 ? again : void 0;
  }
  /**
   * A machine's SSH settings: kept ones for its id and endpoint; else derived from the profile of
   * its box and target (target.ssh only); else asked of Vagrant (`vagrant ssh-config NAME`, at most
   * every RE_ASK_SECONDS once a machine has been asked). `fresh`: ask Vagrant, whatever is kept.
   */
  async sshTarget(inst, opts = {}) {
    if (!this.direct || !this.sshPath()) return void 0;
    const dir = this.vagrantDir(inst.service);
    const ids = machineIds(dir, inst.name);
    if (ids.length !== 1 || ids[0].provider !== inst.spec.target.provider) return void 0;
    const { id, provider } = ids[0];
    const ssh = inst.spec.target.ssh;
    const endpoint = ssh ? { host: ssh.host, port: ssh.portBase + inst.index - 1 } : void 0;
    const endpointKey = endpoint ? `${endpoint.host}:${endpoint.port}` : void 0;
    const ownKey = join6(machineDataDir(dir, inst.name, provider), "private_key");
    const profile = endpoint ? profileKey({ box: inst.spec.image.box, version: inst.spec.image.version, provider, options: inst.spec.target.options, host: endpoint.host }) : void 0;
    const store = this.sshStore(inst.service);
    if (!opts.fresh) {
      const kept = store.machine(inst.name, id, endpointKey);
      if (kept) return this.sshTargetOf(inst, kept);
      const known = profile && endpoint && existsSync4(ownKey) ? store.profile(profile) : void 0;
      const derived = known && endpoint ? settingsFromProfile(known, endpoint, ownKey) : void 0;
      if (derived) {
        const entry2 = { id, endpoint: endpointKey, source: "derived", settings: derived };
        store.keep(inst.name, entry2);
        return this.sshTargetOf(inst, entry2);
      }
    }
    const askedKey = `${inst.service}\0${inst.name}\0${id}`;
    const last = this.asked.get(askedKey);
    if (last !== void 0 && Date.now() - last < RE_ASK_SECONDS * 1e3) return void 0;
    this.asked.set(askedKey, Date.now());
    const answer = await this.run(inst.service, inst.name, ["ssh-config", inst.name], { quiet: true });
    if (answer.exitCode !== 0) return void 0;
    const settings = sshSettingsOf(parseSshConfig(answer.stdout).find((b) => b.host === inst.name));
    if (!settings) return void 0;
    const entry = { id, endpoint: endpointKey, source: "vagrant", settings };
    store.keep(inst.name, entry);
    const learnt = profile && endpoint ? profileOf(settings, endpoint, ownKey) : void 0;
    if (profile && learnt) store.keepProfile(profile, learnt);
    return this.sshTargetOf(inst, entry);
  }
  sshTargetOf(inst, entry) {
    const alias = /^[A-Za-z0-9._-]+$/.test(inst.name) ? inst.name : "svcplan-guest";
    const text = renderSshConfig(alias, entry.settings.entries);
    if (!text) return void 0;
    const configFile = this.sshStore(inst.service).configFile(inst.name, text);
    const sockets = this.socketDir();
    return { name: alias, id: entry.id, configFile, control: sockets ? controlPath(sockets, entry.id, entry.settings) : void 0, entry };
  }
  sshCommand(inst, target) {
    return { program: this.sshPath(), args: sshArgs(target.configFile, target.name, target.control), cwd: this.vagrantDir(inst.service) };
  }
  sshRun(inst, target, payload, timeoutSeconds, signal) {
    return this.runner.run(this.sshCommand(inst, target), { input: payload, timeoutSeconds, signal });
  }
  sshStore(service) {
    let store = this.sshStores.get(service);
    if (!store) {
      store = new SshSettingsStore(join6(this.vagrantDir(service), ".svcplan-ssh"));
      this.sshStores.set(service, store);
    }
    return store;
  }
  /** The ssh program, found once on PATH; false when there is none. */
  sshPath() {
    if (this.sshProgram !== void 0) return this.sshProgram;
    const wanted = this.options.ssh ?? "ssh";
    if (wanted === false) return this.sshProgram = false;
    if (wanted.includes("/")) return this.sshProgram = executable(wanted) ? wanted : false;
    const found = (this.env().PATH ?? "").split(delimiter).filter(Boolean).map((d) => join6(d, wanted)).find(executable);
    return this.sshProgram = found ?? false;
  }
  socketDir() {
    if (this.sockets === void 0) this.sockets = controlDir(this.options.tmpDir ?? tmpdir()) ?? false;
    return this.sockets || void 0;
  }
  /** The environment vagrant and the other programs run with. */
  env() {
    return { ...process.env, ...this.options.env };
  }
  /** Runs one command on an instance's state disk: virsh for libvirt, VBoxManage for VirtualBox. */
  async stateDiskCommand(inst, call, libvirtArgs, virtualboxArgs, harmless) {
    const dir = this.vagrantDir(inst.service);
    let command;
    if (inst.spec.target.provider === "libvirt") {
      const opts = inst.spec.target.options;
      const pool = typeof opts.storage_pool_name === "string" ? opts.storage_pool_name : "default";
      command = { program: "virsh", args: libvirtArgs(libvirtUri(inst.spec), pool, stateDiskName(inst.name)), cwd: dir };
    } else {
      command = { program: "VBoxManage", args: virtualboxArgs(virtualboxStateDiskPath(dir, inst.name)), cwd: dir };
    }
    const result = await this.runShown(inst, command, this.receiptFor(inst.service, call, command));
    if (result.exitCode !== 0 && !(harmless && harmless.test(result.stderr))) throw new VagrantCommandError(command, result);
  }
  /** Runs a command other than vagrant on an instance's behalf, its line and output shown as vagrant's are. */
  runShown(inst, command, options) {
    this.emit(inst.service, inst.name, `$ ${formatCommandLine(command)}`, "svcplan");
    return this.runner.run(command, { ...options, onLine: (line, stream) => this.emit(inst.service, inst.name, line, stream) });
  }
  /** The provisioner names to pass to --provision-with: uploads go with the step that uses them. */
  provisionWith(inst, provisioners) {
    const names = [];
    const add = (name) => {
      if (!names.includes(name)) names.push(name);
    };
    for (const name of provisioners) {
      if (name.startsWith("app-")) {
        const app = name.slice(4);
        const def = inst.spec.apps[app];
        if (!def) {
          add("apps-prune");
          continue;
        }
        if (def.install) add(`app-${app}-script`);
        add(name);
      } else if (name === "save-state" || name === "restore-state") {
        const hook = inst.spec.state?.[name === "save-state" ? "save" : "restore"];
        if (!hook) continue;
        add(`${name}-script`);
        add(name);
      } else {
        add(name);
      }
    }
    return names;
  }
  checkScripts(service, instances) {
    const problems = [];
    const seen = /* @__PURE__ */ new Set();
    for (const inst of instances) {
      const scripts = [
        ...Object.entries(inst.spec.apps).map(([name, app]) => [`app ${name} install script`, app.install]),
        ["state save hook", inst.spec.state?.save],
        ["state restore hook", inst.spec.state?.restore]
      ];
      for (const [what, path] of scripts) {
        if (!path || seen.has(path)) continue;
        seen.add(path);
        if (!existsSync4(resolve2(this.repoDir, path))) problems.push(`${what} ${path} is not in the templates repository (${this.repoDir})`);
      }
    }
    if (problems.length > 0) throw new VagrantfileError(`service ${service.name}: ${problems.join("; ")}`);
  }
  /**
   * Makes `inst` (with its spec) part of its service's layout. The Vagrantfile is rendered and
   * written again only when this machine's entry changed (a replace brings its machine down as
   * the old spec describes it): the usual step acts on a machine as layout() already wrote it,
   * and costs nothing that grows with the number of machines.
   */
  place(inst) {
    const layout = this.layouts.get(inst.service);
    if (!layout) {
      throw new Error(`the Vagrant driver has no layout for service ${inst.service}; call layout() before acting on ${inst.name}`);
    }
    const current = layout.instances.get(inst.name);
    layout.instances.set(inst.name, inst);
    if (current && sameMachine(current, inst)) return;
    this.writeVagrantfile(layout, { checkDisk: false });
  }
  writeVagrantfile(layout, opts) {
    const service = layout.service.name;
    const text = renderVagrantfile({ repoDir: this.repoDir, service: layout.service, instances: [...layout.instances.values()] }, layout.blocks);
    if (!this.writeFiles) return;
    const dir = this.vagrantDir(service);
    const file = join6(dir, "Vagrantfile");
    if (opts.checkDisk) layout.written = existsSync4(file) ? readFileSync4(file, "utf8") : void 0;
    if (text === layout.written) return;
    mkdirSync3(dir, { recursive: true });
    const tmp = join6(dir, `.Vagrantfile.${process.pid}.tmp`);
    writeFileSync4(tmp, text);
    renameSync2(tmp, file);
    layout.written = text;
  }
  /**
   * A call that changes a machine: run under its receipt, and, while Vagrant's lock on the
   * machine is held by another process (a call an interrupted run left, a user's own vagrant),
   * tried again until the lock is free.
   */
  async act(inst, args, call) {
    const deadline = Date.now() + (this.options.lockWaitSeconds ?? 1800) * 1e3;
    let waiting = false;
    for (; ; ) {
      const result = await this.run(inst.service, inst.name, args, { quiet: waiting, call });
      if (result.exitCode === 0) return;
      if (!MACHINE_LOCKED.test(result.stderr + result.stdout) || Date.now() >= deadline) {
        throw new VagrantCommandError({ program: "vagrant", args, cwd: this.vagrantDir(inst.service) }, result);
      }
      if (!waiting) this.say(inst, "another vagrant process holds this machine (Vagrant's machine lock): waiting for it to finish");
      waiting = true;
      await sleep3((this.options.lockPollSeconds ?? 2) * 1e3);
    }
  }
  async vagrant(service, instance, args, opts = {}) {
    const result = await this.run(service, instance, args, opts);
    if (result.exitCode !== 0) throw new VagrantCommandError({ program: "vagrant", args, cwd: this.vagrantDir(service) }, result);
    return result;
  }
  run(service, instance, args, opts = {}) {
    const command = { program: "vagrant", args, cwd: this.vagrantDir(service) };
    if (!opts.quiet) this.emit(service, instance, `$ ${formatCommandLine(command)}`, "svcplan");
    return this.runner.run(command, {
      timeoutSeconds: opts.timeoutSeconds,
      signal: opts.signal,
      onLine: opts.quiet ? void 0 : (line, stream) => this.emit(service, instance, line, stream),
      ...opts.call ? this.receiptFor(service, opts.call, command) : {}
    });
  }
  receiptFor(service, call, command) {
    if (!this.writeFiles) return {};
    return { receipt: this.receipts(service).prepare(call, formatCommandLine(command)) };
  }
  receipts(service) {
    return new CallReceipts(join6(this.vagrantDir(service), ".svcplan-calls"));
  }
  async inspect(service, instances) {
    const hardware = /* @__PURE__ */ new Map();
    const machines = await this.observeMachines(service.name, hardware);
    const out = {};
    await mapBounded(instances, INSPECT_CONCURRENCY, async (inst) => {
      const m = machines[inst.name] ?? { state: "unknown" };
      const o = { state: m.state, ...m.box ? { box: m.box } : {} };
      out[inst.name] = o;
      if (m.state === "not_created" || m.state === "unknown") return;
      const unobserved = [];
      const known = hardware.get(inst.name);
      if (known && m.id) {
        Object.assign(o, known);
      } else if (m.id) {
        const provider = inst.spec.target.provider;
        const uri = libvirtUriOf(inst.spec.target.options, { ...process.env, ...this.options.env }) ?? libvirtUri(inst.spec);
        const command = provider === "libvirt" ? { program: "virsh", args: ["-c", uri, "dominfo", m.id], cwd: this.vagrantDir(service.name) } : { program: "VBoxManage", args: ["showvminfo", m.id, "--machinereadable"], cwd: this.vagrantDir(service.name) };
        const result = await this.runner.run(command, { timeoutSeconds: 60 });
        if (result.exitCode === 0)
          Object.assign(o, provider === "libvirt" ? parseDominfo(result.stdout) : { ...parseShowVmInfo(result.stdout), state: o.state });
        else unobserved.push(`memory and cpus: \`${formatCommandLine(command)}\` exited with ${result.exitCode}`);
      } else {
        unobserved.push("memory and cpus: Vagrant has no provider id for the machine");
      }
      if (m.state === "running") {
        const script = guestFactsScript(inst.spec.target.provider);
        const target = await this.sshTarget(inst);
        let result = target ? await this.sshRun(inst, target, commandPayload(script), 120) : void 0;
        if (!result || result.exitCode === 255)
          result = await this.run(inst.service, inst.name, ["ssh", inst.name, "-c", script], { quiet: true, timeoutSeconds: 120 });
        const guest = result.exitCode === 0 ? parseGuestFacts(result.stdout, inst.spec, service.name) : void 0;
        if (guest) o.guest = guest;
        else
          unobserved.push(`the guest did not answer (exit ${result.exitCode})${result.stderr ? `: ${result.stderr.split("\n").filter(Boolean).at(-1)}` : ""}`);
      }
      if (unobserved.length > 0) o.unobserved = unobserved;
    });
    return out;
  }
  say(inst, line) {
    this.emit(inst.service, inst.name, line, "svcplan");
  }
  emit(service, instance, line, stream) {
    this.options.onOutput?.({ service, instance, line, stream });
  }
};
function libvirtUri(spec) {
  const uri = spec.target.options.uri;
  return typeof uri === "string" ? uri : process.env.LIBVIRT_DEFAULT_URI ?? "qemu:///system";
}
function sameMachine(a, b) {
  if (a.tier !== b.tier || a.index !== b.index) return false;
  return a.spec === b.spec || JSON.stringify(a.spec) === JSON.stringify(b.spec);
}
function createDryRunDriver(repoDir, onOutput) {
  const recorder = new RecordingRunner();
  return { driver: new VagrantDriver({ repoDir, runner: recorder, writeFiles: false, direct: false, onOutput }), recorder };
}
function sameSettings(a, b) {
  return JSON.stringify(a.entries) === JSON.stringify(b.entries);
}
function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
async function pause(ms, signal) {
  if (signal?.aborted) return false;
  try {
    await sleep3(ms, void 0, { signal });
    return true;
  } catch (err) {
    if (signal?.aborted) return false;
    throw err;
  }
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
async function planRollback(opts) {
  const record = recordToRollBack(await opts.store.read(), opts.service);
  const target = await resolveRollbackTarget(record, opts.to, gitRevisions(opts.repoDir));
  const headState = await loadDesiredState(opts.head);
  const headSpec = headState.services.find((s) => s.name === opts.service);
  const desiredDigest = headSpec ? specDigest(headSpec) : "";
  const plan = planRollbackFor(record, target, fallbackLocator(headState.locator));
  return { service: opts.service, target, plan, desiredDigest };
}
function gitRevisions(repoDir) {
  return async (ref) => {
    let reader;
    try {
      reader = await GitRevisionReader.open(repoDir, ref);
    } catch (err) {
      if (err instanceof GitError) return void 0;
      throw err;
    }
    return { commit: reader.revision.commit, desired: await loadDesiredState(reader) };
  };
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
function rollback(opts) {
  const { target, plan, desiredDigest } = opts.rollback;
  return applyPlan({
    plan,
    store: opts.store,
    driver: opts.driver,
    owner: opts.owner,
    runner: opts.runner,
    onProgress: opts.onProgress,
    leaseTtlSeconds: opts.leaseTtlSeconds,
    signal: opts.signal,
    revision: { commit: target.revision.commit, ref: target.revision.ref },
    rollback: { of: target.deployment?.id, desiredDigest, release: target.revision.release },
    // Under the lease, the rollback is planned again from the record read there.
    replan: (service, record) => {
      if (!record) throw new RollbackTargetError(`nothing is recorded for service ${service} any more, so there is nothing to roll back`);
      return planRollbackFor(record, target, plan.locator);
    }
  });
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
  const same = [...record.history].reverse().find((d) => d.revision.commit === commit && specDigest(d.spec) === specDigest(spec) && d.result === "succeeded");
  return { kind: "ref", label: `ref ${to} (${commit.slice(0, 7)})`, spec, revision: { commit, ref: to, release: spec.release }, deployment: same };
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
function fallbackLocator(locator) {
  return {
    locate(file, path) {
      try {
        return locator.locate(file, path);
      } catch {
        return { line: 1, column: 1 };
      }
    }
  };
}

// src/core/apply-machinery.ts
function applyMachinery(opts) {
  if (opts.dryRun) {
    const { driver, recorder } = createDryRunDriver(opts.checkout.dir);
    return { store: new MemoryStateStore(opts.recorded, opts.store.kind), driver, commands: () => recorder.lines() };
  }
  return { store: opts.store, driver: new VagrantDriver({ repoDir: opts.checkout.dir, onOutput: opts.onOutput }) };
}

// src/drift/compare.ts
function observedSpec(recorded, observed) {
  const spec = { ...recorded, image: { ...recorded.image }, apps: { ...recorded.apps } };
  if (observed.box) spec.image = { box: observed.box.name, version: observed.box.version };
  if (observed.memory !== void 0) spec.memory = observed.memory;
  if (observed.cpus !== void 0) spec.cpus = observed.cpus;
  const guest = observed.guest;
  if (guest) {
    spec.features = guest.features;
    const apps = {};
    for (const [name, version] of Object.entries(guest.apps)) apps[name] = { ...recorded.apps[name], version };
    spec.apps = apps;
  }
  return spec;
}
function differencesOf(recorded, observed) {
  if (observed.state === "not_created") return [{ path: "machine", recorded: "created", observed: "not created", action: "create" }];
  const differences = [];
  if (observed.state === "stopped") differences.push({ path: "machine", recorded: "running", observed: "stopped", action: "restart" });
  const change = classifyInstanceChange(observedSpec(recorded.spec, observed), recorded.spec);
  for (const r of change.reasons) {
    if (r.action === "none") continue;
    differences.push({ path: r.path, recorded: versionOf(r.to), observed: versionOf(r.from), action: r.action });
  }
  const guest = observed.guest;
  if (guest && !guest.settingsMatch) {
    differences.push({ path: "settings", recorded: "as recorded", observed: "changed in the guest", action: "refresh" });
  }
  if (guest && recorded.spec.state && !guest.stateDisk) {
    differences.push({ path: "state.disk", recorded: `${recorded.spec.state.disk} GiB, attached`, observed: "not attached", action: "replace" });
  }
  return differences;
}
function versionOf(value2) {
  if (value2 && typeof value2 === "object" && "version" in value2) return value2.version;
  return value2 ?? null;
}
function mostDisruptiveAction(differences) {
  if (differences.some((d) => d.action === "create")) return "create";
  let worst = "none";
  for (const d of differences) {
    if (d.action in DISRUPTION_ORDER && DISRUPTION_ORDER[d.action] > DISRUPTION_ORDER[worst]) worst = d.action;
  }
  return worst;
}
function instanceDrift(recorded, observed) {
  const differences = differencesOf(recorded, observed);
  if (differences.length === 0) return void 0;
  return { name: recorded.name, tier: recorded.tier, action: mostDisruptiveAction(differences), differences };
}
function groupDrift(instances) {
  const groups = /* @__PURE__ */ new Map();
  for (const inst of instances) {
    for (const d of inst.differences) {
      const key = canonicalJson([d.path, d.recorded, d.observed, d.action]);
      let group = groups.get(key);
      if (!group) groups.set(key, group = { ...d, instances: [] });
      group.instances.push(inst.name);
    }
  }
  return [...groups.values()];
}

// src/drift/check.ts
async function checkDrift(opts) {
  const names = (opts.services ?? Object.keys(opts.recorded)).filter((n) => opts.recorded[n]).sort();
  const records = names.map((n) => opts.recorded[n]).filter((r) => opts.runner === void 0 || runnerLabelOf({ runner: r.spec.target.runner }) === opts.runner);
  const errors = [];
  const services = await mapBounded(records, opts.concurrency ?? 4, (record) => checkService(record, opts, errors));
  const instances = services.reduce((n, s) => n + s.checked, 0);
  const driftedInstances = services.reduce((n, s) => n + s.instances.length, 0);
  return {
    format_version: 1,
    checked_at: (opts.now?.() ?? /* @__PURE__ */ new Date()).toISOString(),
    summary: {
      services: services.length,
      drifted_services: services.filter((s) => s.status === "drifted").length,
      instances,
      drifted_instances: driftedInstances
    },
    services,
    errors
  };
}
async function checkService(record, opts, errors) {
  const base = { name: record.name, ...record.spec.target.runner ? { runner: record.spec.target.runner } : {}, checked: 0, instances: [], groups: [] };
  const lease = await opts.store.readLease(record.name);
  if (lease && !leaseStaleness(lease)) {
    return { ...base, status: "being-applied", lease: { owner: lease.owner, expiresAt: lease.expiresAt } };
  }
  try {
    const instances = record.instances.map((i) => ({ service: record.name, tier: i.tier, index: i.index, name: i.name, spec: i.spec }));
    await opts.driver.layout(record.spec, instances);
    const observed = await opts.driver.inspect(record.spec, instances);
    const drifted = [];
    for (const ri of record.instances) {
      const seen = observed[ri.name];
      if (!seen || seen.state === "unknown") {
        errors.push({
          service: record.name,
          instance: ri.name,
          message: `${ri.name} could not be observed${seen?.unobserved?.length ? `: ${seen.unobserved.join("; ")}` : ""}`
        });
        continue;
      }
      for (const why of seen.unobserved ?? []) errors.push({ service: record.name, instance: ri.name, message: `${ri.name}: ${why}` });
      const d = instanceDrift(ri, seen);
      const unfinished = ri.step ? [
        {
          path: "step",
          recorded: "finished",
          observed: `${ri.step.action} ${ri.step.failed ? "failed" : "stopped"} at ${ri.step.phase}`,
          action: ri.step.action
        }
      ] : [];
      if (d || unfinished.length > 0) {
        const differences = [...unfinished, ...d?.differences ?? []];
        drifted.push({ name: ri.name, tier: ri.tier, action: d?.action ?? ri.step.action, differences });
      }
    }
    return { ...base, checked: record.instances.length, status: drifted.length > 0 ? "drifted" : "clean", instances: drifted, groups: groupDrift(drifted) };
  } catch (err) {
    const message = err.message;
    errors.push({ service: record.name, message });
    return { ...base, status: "failed", error: message };
  }
}
function driftExitCode(report) {
  if (report.errors.length > 0 || report.services.some((s) => s.status === "failed")) return 1;
  return report.services.some((s) => s.status === "drifted") ? 2 : 0;
}

// src/drift/import.ts
var ImportRefused = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ImportRefused";
  }
};
async function importService(opts) {
  const { desired, store, driver } = opts;
  if (await store.readService(desired.name)) {
    throw new ImportRefused(
      `service ${desired.name} is recorded already, so there is nothing to import; svcplan drift shows how its machines differ from the record`
    );
  }
  let lease;
  try {
    lease = await store.acquireLease(desired.name, opts.owner, 900);
  } catch (err) {
    if (err instanceof LeaseHeldError) throw new ImportRefused(err.message);
    throw err;
  }
  try {
    await driver.settle(desired.name);
    const instances = desired.tiers.flatMap(
      (tier) => Array.from({ length: tier.count }, (_, i) => ({
        service: desired.name,
        tier: tier.name,
        index: i + 1,
        name: instanceName(desired.name, tier.name, i + 1),
        spec: tier.instance
      }))
    );
    await driver.layout(desired, instances);
    const observed = await driver.inspect(desired, instances);
    const problems = [];
    const imported = [];
    const missing = [];
    for (const inst of instances) {
      const o = observed[inst.name];
      if (!o || o.state === "unknown") {
        problems.push(`${inst.name} could not be observed${o?.unobserved?.length ? ` (${o.unobserved.join("; ")})` : ""}`);
        continue;
      }
      if (o.state === "not_created") {
        missing.push(inst.name);
        continue;
      }
      for (const why of o.unobserved ?? []) problems.push(`${inst.name}: ${why}`);
      const differences = differencesOf({ name: inst.name, tier: inst.tier, index: inst.index, spec: inst.spec, status: "ready", updatedAt: "" }, o);
      for (const d of differences) {
        problems.push(`${inst.name}: ${d.path}: the templates say ${show(d.recorded)}, the machine has ${show(d.observed)}`);
      }
      if (differences.length === 0 && !o.unobserved?.length) imported.push(inst.name);
    }
    if (problems.length === 0 && imported.length === 0) {
      throw new ImportRefused(
        `no machine of service ${desired.name} exists in ${opts.machineDir}, so there is nothing to import; svcplan apply creates them (its Vagrantfile is written there now, for machines made with vagrant up before an import)`
      );
    }
    if (problems.length > 0) {
      throw new ImportRefused(
        `service ${desired.name} was not imported: its machines (in ${opts.machineDir}) are not what the templates say:
` + problems.map((p) => `  - ${p}`).join("\n") + "\nNothing was recorded. Make the template and service files say what the machines are (a started machine for a stopped one: vagrant up NAME there), import, then change them in a reviewed pull request; or destroy the machines that differ (vagrant destroy -f NAME there; their state disks stay) and let svcplan apply create them."
      );
    }
    const now = (/* @__PURE__ */ new Date()).toISOString();
    const release = desired.release;
    const record = {
      name: desired.name,
      template: desired.template,
      revision: { ...opts.revision, release, specDigest: specDigest(desired) },
      spec: desired,
      instances: instances.filter((i) => imported.includes(i.name)).map((i) => ({ name: i.name, tier: i.tier, index: i.index, spec: i.spec, status: "ready", updatedAt: now })),
      retainedDisks: [],
      history: [
        {
          id: 1,
          kind: "import",
          revision: { ...opts.revision, release },
          planDigest: "",
          startedAt: now,
          finishedAt: now,
          result: "succeeded",
          spec: desired,
          message: `imported ${imported.length} machine(s) as they were found${missing.length ? `; ${missing.length} not there yet (${missing.join(", ")})` : ""}`
        }
      ]
    };
    await store.writeService(record, `${desired.name}: imported ${imported.length} existing machine(s)`);
    return { record, imported, missing };
  } finally {
    await store.releaseLease(lease).catch(() => void 0);
  }
}
function show(value2) {
  return typeof value2 === "string" ? value2 : JSON.stringify(value2);
}

// src/drift/repair.ts
function reconcileRecord(record, observed) {
  const copy = structuredClone(record);
  const unrepaired = [];
  for (const ri of [...copy.instances]) {
    const o = observed[ri.name];
    if (ri.step || !o || o.state === "unknown") continue;
    if (o.state === "not_created") {
      copy.instances = copy.instances.filter((i) => i !== ri);
      if (ri.spec.state && !copy.retainedDisks.some((d) => d.instance === ri.name)) {
        copy.retainedDisks.push({ instance: ri.name, sizeGiB: ri.spec.state.disk, retainedAt: (/* @__PURE__ */ new Date()).toISOString() });
      }
      continue;
    }
    if (ri.spec.state && o.guest && !o.guest.stateDisk) {
      unrepaired.push(
        `${ri.name}: its state disk is not attached; svcplan does not repair app state by guessing: attach the disk again (virsh attach-disk, or the VirtualBox storage settings) or restore it, then run svcplan drift`
      );
      continue;
    }
    ri.spec = observedSpec(ri.spec, o);
    if (o.state === "stopped" || o.guest && !o.guest.settingsMatch) ri.status = "failed";
  }
  return { record: copy, unrepaired };
}
function instancesOf(record) {
  return record.instances.map((i) => ({ service: record.name, tier: i.tier, index: i.index, name: i.name, spec: i.spec }));
}
async function observedRecord(driver, record) {
  const instances = instancesOf(record);
  await driver.layout(record.spec, instances);
  return reconcileRecord(record, await driver.inspect(record.spec, instances));
}
async function observedState(opts) {
  const recorded = { ...opts.recorded };
  const unrepaired = [];
  for (const [name, record] of Object.entries(opts.recorded)) {
    if (opts.services && !opts.services.includes(name)) continue;
    if (opts.runner !== void 0 && runnerLabelOf({ runner: record.spec.target.runner }) !== opts.runner) continue;
    const observed = await observedRecord(opts.driver, record);
    recorded[name] = observed.record;
    unrepaired.push(...observed.unrepaired);
  }
  return { recorded, unrepaired };
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
function renderDriftText(report) {
  const lines = [];
  for (const s2 of report.services) {
    lines.push(`${s2.name}${s2.runner ? ` (runner ${s2.runner})` : ""}: ${serviceHeadline(s2)}`);
    for (const g of s2.groups) lines.push(`  ${g.action.padEnd(8)} ${cause(g)}  [${g.instances.join(", ")}]`);
  }
  if (report.services.length === 0) lines.push("nothing recorded to check");
  for (const e of report.errors) lines.push(`error: ${e.service}${e.instance ? ` ${e.instance}` : ""}: ${e.message}`);
  const s = report.summary;
  lines.push(
    s.drifted_services > 0 ? `drift: ${s.drifted_instances} of ${s.instances} instances in ${s.drifted_services} of ${s.services} services; svcplan plan --repair shows the repair, svcplan apply --repair makes it` : `no drift: ${s.instances} instances in ${s.services} services are as recorded`
  );
  return lines.join("\n") + "\n";
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
  let text = out.join("\n") + "\n";
  if (text.length > limit)
    text = text.slice(0, limit - 80).replace(/\n[^\n]*$/, "") + "\n\n\u2026 the report is longer than GitHub allows; `svcplan drift` shows all of it.\n";
  return text;
}
function renderDriftJson(report) {
  return JSON.stringify(report, null, 2) + "\n";
}
export {
  ImportRefused,
  RollbackTargetError,
  applyMachinery,
  applyPlan,
  checkDrift,
  driftExitCode,
  importService,
  observedRecord,
  observedState,
  planRollback,
  renderDriftJson,
  renderDriftMarkdown,
  renderDriftText,
  rollback,
  vagrantDirOf
};
