#!/usr/bin/env node
import { createRequire as __svcplanCreateRequire } from 'node:module';
const require = __svcplanCreateRequire(import.meta.url);
import {
  DamagedRecordError,
  Git,
  GitError,
  GitRevisionReader,
  InputError,
  LeaseHeldError,
  RunInterruptedError,
  SYMBOL,
  StoppedOnRequest,
  UnknownRevisionError,
  WorktreeReader,
  actionLabel,
  anyReplaceKeepsState,
  buildPlan,
  formatDiagnostic,
  leaseStaleness,
  loadConfig,
  loadDesiredState,
  named,
  openStateStore,
  readOnce,
  reasonNote,
  refusedPlan,
  renderMarkdown,
  revisionLabel,
  summarySentence,
  valueText,
  withWarnings
} from "./cli-chunk-WV6V3AUA.js";

// src/cli/main.ts
import { setFlagsFromString } from "node:v8";

// src/cli/run.ts
import { parseArgs } from "node:util";

// src/cli/commands/apply.ts
import { hostname, userInfo } from "node:os";

// src/core/graceful-stop.ts
var EXIT_CODES = { SIGINT: 130, SIGTERM: 143 };
function gracefulStop(say, proc = process) {
  const controller = new AbortController();
  const handler = (name) => {
    if (controller.signal.aborted) {
      say(`svcplan: ${name} again: stopping at once; steps under way stay pending (the next apply redoes them) and the lease stays until it expires`);
      proc.exit(EXIT_CODES[name] ?? 1);
      return;
    }
    say(`svcplan: ${name} received: no new step starts; waiting for the steps under way to finish and be recorded (${name} again to stop at once)`);
    controller.abort();
  };
  proc.on("SIGINT", handler);
  proc.on("SIGTERM", handler);
  return {
    signal: controller.signal,
    dispose() {
      proc.off("SIGINT", handler);
      proc.off("SIGTERM", handler);
    }
  };
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
function printable(text) {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    if (c === "\n") return "\\n";
    if (c === "	") return "\\t";
    return "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
  });
}
function shownValue(value) {
  return typeof value === "string" ? printable(JSON.stringify(valueText(value))) : printable(valueText(value));
}
function reasonLine(r) {
  const note = reasonNote(r);
  return `${printable(r.path)}: ${shownValue(r.from)} \u2192 ${shownValue(r.to)}${note ? ` (${note})` : ""}`;
}
function renderText(plan, opts = {}) {
  const paint = (colour, text) => opts.color ? `${colour}${text}${ANSI.reset}` : text;
  const out = [];
  out.push(paint(ANSI.bold, `svcplan: ${printable(revisionLabel(plan.base))} \u2192 ${printable(revisionLabel(plan.head))}`));
  out.push("");
  for (const service of plan.services) {
    const runner = service.runner ? `, runner ${printable(service.runner)}` : "";
    out.push(paint(ANSI.bold, `${printable(service.name)}`) + ` (template ${printable(service.template)}${runner})`);
    for (const tier of service.tiers) {
      out.push(`  tier ${printable(tier.name)} (order ${tier.order})`);
      for (const domain of tier.domains) {
        out.push(`    upgrade domain ${domain.index}`);
        let quiet = 0;
        for (const instance of domain.instances) {
          if (instance.action === "none" && instance.reasons.length === 0) {
            quiet++;
            continue;
          }
          const symbol = SYMBOL[instance.action].padStart(3);
          out.push(
            `      ${paint(ACTION_COLOUR[instance.action], symbol)} ${printable(instance.name)}: ${paint(ACTION_COLOUR[instance.action], actionLabel(instance))}`
          );
          for (const r of instance.reasons) out.push(`            ${reasonLine(r)}`);
        }
        if (quiet > 0) out.push(paint(ANSI.dim, `          ${quiet} instance${quiet === 1 ? "" : "s"} unchanged`));
      }
    }
    out.push("");
  }
  for (const w of plan.warnings) out.push(paint(ANSI.yellow, `Warning: ${printable(w)}`));
  if (plan.warnings.length) out.push("");
  for (const e of plan.errors) out.push(paint(ANSI.red, `Error: ${printable(formatDiagnostic(e))}`));
  if (plan.errors.length) {
    out.push(
      paint(
        ANSI.red + ANSI.bold,
        `Plan refused: ${plan.errors.length} error${plan.errors.length === 1 ? "" : "s"}; nothing will be applied until ${plan.errors.length === 1 ? "it is" : "they are"} fixed.`
      )
    );
    out.push("");
  }
  out.push(paint(ANSI.bold, summarySentence(plan.summary, anyReplaceKeepsState(plan))));
  out.push(`Plan digest: ${plan.plan_digest}`);
  return out.join("\n");
}

// src/render/json.ts
function reason(r) {
  return { path: r.path, from: r.from ?? null, to: r.to ?? null, action: r.action };
}
function instanceWriter() {
  const lists = /* @__PURE__ */ new Map();
  return (i) => {
    let reasons = lists.get(i.reasons);
    if (!reasons) lists.set(i.reasons, reasons = i.reasons.map(reason));
    return i.state ? { name: i.name, action: i.action, state: i.state, reasons } : { name: i.name, action: i.action, reasons };
  };
}
function renderJson(plan) {
  const instance = instanceWriter();
  const document = {
    format_version: plan.format_version,
    base: { ref: plan.base.ref, commit: plan.base.commit },
    head: { ref: plan.head.ref, commit: plan.head.commit },
    state_digest: plan.state_digest,
    plan_digest: plan.plan_digest,
    summary: {
      create: plan.summary.create,
      refresh: plan.summary.refresh,
      restart: plan.summary.restart,
      replace: plan.summary.replace,
      destroy: plan.summary.destroy,
      none: plan.summary.none
    },
    services: plan.services.map((s) => ({
      name: s.name,
      template: s.template,
      ...s.runner !== void 0 ? { runner: s.runner } : {},
      tiers: s.tiers.map((t) => ({
        name: t.name,
        order: t.order,
        domains: t.domains.map((d) => ({ index: d.index, instances: d.instances.map(instance) }))
      }))
    })),
    warnings: [...plan.warnings],
    errors: plan.errors.map((e) => ({ file: e.file, line: e.line, column: e.column, message: e.message }))
  };
  return JSON.stringify(document, null, 2);
}

// src/cli/command.ts
function defineCommand(def) {
  return def;
}
var REPO_FLAG = {
  repo: { type: "string", value: "DIR", description: "the templates repository (default: the current directory)" }
};
function stringFlag(args, name) {
  const v = args.values[name];
  if (v === void 0) return void 0;
  if (typeof v !== "string") throw new Error(`flag --${name} is not a string flag`);
  return v;
}
function booleanFlag(args, name) {
  return args.values[name] === true;
}

// src/cli/io.ts
var EXIT_OK = 0;
var EXIT_FAILED = 1;
var EXIT_INPUT = 2;
var UsageError = class extends Error {
  constructor(message, hint) {
    super(message);
    this.hint = hint;
    this.name = "UsageError";
  }
  hint;
};
function useColor(io) {
  const env = io.env ?? {};
  return Boolean(io.isTTY) && env.NO_COLOR === void 0 && env.TERM !== "dumb";
}
var ANSI2 = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33, cyan: 36 };
function styler(color) {
  return color ? (style, text) => `\x1B[${ANSI2[style]}m${text}\x1B[0m` : (_style, text) => text;
}

// src/cli/diagnostics.ts
function formatDiagnostics(diagnostics, color = false) {
  const style = styler(color);
  const sorted = [...diagnostics].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return sorted.map((d) => {
    const text = formatDiagnostic(d);
    const at = `${d.file}:${d.line}:${d.column}:`;
    return style("bold", at) + style("red", text.slice(at.length)) + "\n";
  }).join("");
}

// src/cli/repo.ts
import { resolve } from "node:path";

// src/core/setup.ts
import { stat } from "node:fs/promises";
function resolveStateSettings(config, explicit = {}, doorDefault = {}) {
  const pick = (key) => explicit[key] ?? config.declaredState[key] ?? doorDefault[key] ?? config.state[key];
  return { store: pick("store"), path: pick("path"), branch: pick("branch") };
}
var NotAFolderError = class extends Error {
  constructor(dir) {
    super(`${dir}: no such directory`);
    this.dir = dir;
    this.name = "NotAFolderError";
  }
  dir;
};
async function openTemplates(dir) {
  const info = await stat(dir).catch(() => void 0);
  if (!info?.isDirectory()) throw new NotAFolderError(dir);
  const { git, headCommit } = await Git.locate(dir);
  const worktree = new WorktreeReader(dir, headCommit);
  const config = await loadConfig(worktree);
  return { dir, git, headCommit, config, worktree };
}
function openStore(checkout, settings) {
  return openStateStore({ kind: settings.store, repoDir: checkout.dir, path: settings.path, branch: settings.branch });
}

// src/cli/repo.ts
async function openTemplatesRepo(repoFlag, cwd) {
  try {
    return await openTemplates(resolve(cwd, repoFlag ?? "."));
  } catch (err) {
    if (!(err instanceof NotAFolderError)) throw err;
    throw new UsageError(err.message, repoFlag === void 0 ? void 0 : "pass --repo the folder that holds svcplan.yaml, templates/ and services/");
  }
}
async function readerAt(repo, ref, flag, label, alike) {
  if (!repo.git) {
    throw new UsageError(`${flag} ${ref}: ${repo.dir} is not inside a Git repository`, `run git init there, or leave out ${flag}`);
  }
  const commit = await repo.git.tryRevParse(ref);
  if (!commit) {
    throw new UsageError(
      `${flag} ${ref}: no such commit, branch or tag in ${repo.dir}`,
      "check the name with `git log --oneline` or `git branch -a`; fetch it first if it only exists on a remote"
    );
  }
  const reader = await GitRevisionReader.open(repo.dir, ref, { git: repo.git, commit, alike });
  return label === void 0 ? reader : named(reader, { ref: label, commit: reader.revision.commit });
}
function openRepoStore(repo, store) {
  return openStore(repo, resolveStateSettings(repo.config, store ? { store } : {}));
}

// src/cli/commands/apply.ts
var STATE_FLAG = {
  state: { type: "string", value: "KIND", description: "state store: local or git (default: state.store of svcplan.yaml)" }
};
function parseStateFlag(args) {
  const state = stringFlag(args, "state");
  if (state !== void 0 && state !== "local" && state !== "git") {
    throw new UsageError(`--state ${state}: unknown state store`, "use local (a folder in the working copy) or git (the svcplan-state branch)");
  }
  return state;
}
function leaseOwner() {
  let user = "unknown";
  try {
    user = userInfo().username;
  } catch {
  }
  return `${user}@${hostname()} pid ${process.pid}`;
}
var applyCommand = defineCommand({
  name: "apply",
  summary: "apply the working tree to the VMs, one upgrade domain at a time",
  usage: "apply [--service S]... [--dry-run] [--repair] [--runner LABEL] [--state local|git] [--repo DIR]",
  description: "Plans the working tree against the recorded state (a service with nothing recorded is created), prints the plan, and applies it: services side by side, tiers by rollout.order, one upgrade domain at a time with a health gate after each. State is recorded after every instance step, so a run that is killed is finished by the next apply.\n\n--dry-run prints the vagrant commands in the order they would run and changes nothing.\n\n--repair plans against the machines as they really are (what svcplan drift sees) instead of the record alone, so drift is repaired with ordinary steps: domains, gates, history.\n\nExits 0 when everything was applied, 1 when a step or a health gate failed, 2 when the plan is refused or another apply holds a service.",
  flags: {
    service: { type: "string", multiple: true, value: "S", description: "only this service (repeatable)" },
    "dry-run": { type: "boolean", description: "print the vagrant commands instead of running them" },
    repair: { type: "boolean", description: "also repair drift: plan against the machines as they really are (svcplan drift)" },
    runner: { type: "string", value: "LABEL", description: "only instances whose target.runner is LABEL" },
    ...STATE_FLAG,
    ...REPO_FLAG
  },
  parse(args) {
    const services = args.values.service;
    for (const s of services ?? []) if (!s) throw new UsageError("--service needs a value");
    const runner = stringFlag(args, "runner");
    if (runner === "") throw new UsageError("--runner needs a value");
    return {
      repo: stringFlag(args, "repo"),
      services,
      dryRun: booleanFlag(args, "dry-run"),
      repair: booleanFlag(args, "repair"),
      runner,
      state: parseStateFlag(args)
    };
  },
  async run(settings, ctx) {
    const { applyPlan, applyMachinery, observedRecord, observedState } = await import("./cli-machines-HIL4VFJ5.js");
    const style = styler(ctx.color);
    const repo = await openTemplatesRepo(settings.repo, ctx.cwd);
    const store = await openRepoStore(repo, settings.state);
    const machinery = applyMachinery({ checkout: repo, store, recorded: {}, dryRun: false, onOutput: svcplanLines(ctx) });
    let recorded = await store.read();
    if (settings.repair) {
      const observed = await observedState({
        recorded,
        driver: machinery.driver,
        ...settings.services ? { services: settings.services } : {},
        ...settings.runner ? { runner: settings.runner } : {}
      });
      recorded = observed.recorded;
      for (const line of observed.unrepaired) ctx.io.stderr.write(`svcplan: not repaired: ${line}
`);
    }
    const plan = await computePlan({ head: repo.worktree, recorded, services: settings.services });
    const document = plan.document;
    if (document.errors.length > 0) {
      ctx.io.stderr.write(formatDiagnostics(document.errors, ctx.color));
      ctx.io.stderr.write(`svcplan: apply refused: ${document.errors.length} problem(s); nothing was changed
`);
      return EXIT_INPUT;
    }
    const unknown = (settings.services ?? []).filter((s) => document.warnings.some((w) => w.startsWith(`service ${s} is neither`)));
    if (unknown.length > 0) {
      throw new UsageError(
        `--service ${unknown.join(", ")}: no such service in the templates repository or the recorded state`,
        "svcplan plan lists every service"
      );
    }
    ctx.io.stdout.write(withNewline(renderText(document, { color: ctx.color })));
    if (document.services.length === 0) {
      ctx.io.stdout.write("nothing to apply\n");
      return EXIT_OK;
    }
    const revision = { commit: document.head.commit, ref: document.head.ref };
    if (settings.dryRun) {
      const dry = applyMachinery({ checkout: repo, store, recorded, dryRun: true });
      await applyPlan({ plan, store: dry.store, driver: dry.driver, owner: leaseOwner(), runner: settings.runner, revision });
      ctx.io.stdout.write(`
${style("bold", "dry run")}: these commands would run, in this order (nothing was changed):
`);
      for (const line of dry.commands()) ctx.io.stdout.write(`  ${line}
`);
      return EXIT_OK;
    }
    let report;
    const stop = gracefulStop((line) => ctx.io.stderr.write(`${line}
`));
    try {
      report = await applyPlan({
        plan,
        store,
        driver: machinery.driver,
        owner: leaseOwner(),
        runner: settings.runner,
        revision,
        onProgress: (e) => ctx.io.stdout.write(progressLine(e, style)),
        signal: stop.signal,
        // Under the lease, the record is corrected by the machines as they are then.
        ...settings.repair ? { reconcile: async (record) => (await observedRecord(machinery.driver, record)).record } : {}
      });
    } catch (err) {
      if (err instanceof RunInterruptedError) {
        ctx.io.stderr.write(`svcplan: ${err.message}
  ${interruptedAdvice(err)}
`);
        return EXIT_FAILED;
      }
      throw err;
    } finally {
      stop.dispose();
    }
    ctx.io.stdout.write(reportText(report, style));
    writeRefusals(report, ctx.io.stderr);
    return exitCodeOf(report);
  }
});
function svcplanLines(ctx) {
  return (o) => {
    if (o.stream === "svcplan") ctx.io.stderr.write(`  ${o.instance ?? o.service}: ${o.line}
`);
  };
}
function interruptedAdvice(err) {
  return err instanceof StoppedOnRequest ? "what was under way finished and was recorded; run svcplan apply again to go on from there" : "each step under way stays at the phase it recorded; run svcplan apply again to finish it from there";
}
function writeRefusals(report, stderr) {
  for (const s of report.services) if (s.result === "refused" && s.error) stderr.write(`svcplan: ${s.error}
`);
}
function exitCodeOf(report) {
  if (report.ok) return EXIT_OK;
  const failed = report.services.some((s) => s.result === "failed" || s.result === "rolled-back" || s.result === "interrupted");
  return failed ? EXIT_FAILED : EXIT_INPUT;
}
function progressLine(e, style) {
  switch (e.kind) {
    case "service-started":
      return `${style("bold", e.service)}: deployment ${e.deployment} started (${e.steps} step${e.steps === 1 ? "" : "s"})
`;
    case "domain-started":
      return `${e.service}: tier ${e.tier}, upgrade domain ${e.domain}: ${e.instances.join(", ")}
`;
    case "instance-started":
      return `  ${e.instance}: ${e.action}\u2026
`;
    case "instance-finished":
      return e.ok ? `  ${e.instance}: ${e.action} ${style("green", "done")} in ${e.seconds.toFixed(1)}s
` : `  ${e.instance}: ${e.action} ${style("red", "FAILED")} after ${e.seconds.toFixed(1)}s: ${e.error}
`;
    case "gate":
      return e.ok ? `${e.service}: health gate of tier ${e.tier} domain ${e.domain} ${style("green", "passed")}
` : `${e.service}: health gate of tier ${e.tier} domain ${e.domain} ${style("red", "FAILED")}: ${e.unhealthy.join(", ")}
`;
    case "pause":
      return `${e.service}: pausing ${e.seconds}s between domains
`;
    case "rollback-started":
      return `${e.service}: ${style("yellow", "rolling back")} ${e.instances.join(", ")}
`;
    case "note":
      return `  ${e.instance ?? e.service}: ${e.line}
`;
    case "replanned":
      return `${style("yellow", "note")}: ${e.message}
`;
    case "service-finished":
      return `${style("bold", e.service)}: ${e.result}${e.deployment ? ` (deployment ${e.deployment})` : ""}
`;
  }
}
function reportText(report, style) {
  const lines = [];
  for (const s of report.services) {
    if (s.result === "succeeded" || s.result === "unchanged" || s.result === "skipped") continue;
    lines.push(`${style("bold", s.service)}: ${style("red", s.result)}${s.error ? `: ${s.error}` : ""}`);
    for (const i of s.instances) {
      if (i.action === "none") continue;
      lines.push(`  ${i.name.padEnd(24)} ${i.action.padEnd(8)} ${i.outcome}${i.error ? ` (${i.error.split("\n")[0]})` : ""}`);
    }
  }
  const ok = report.services.filter((s) => s.result === "succeeded").length;
  lines.push(
    report.ok ? style("green", `apply complete: ${ok} service(s) updated`) : style("red", "apply did not complete; see above. Run svcplan apply again to resume once the cause is fixed.")
  );
  return lines.join("\n") + "\n";
}
function withNewline(text) {
  return text.endsWith("\n") ? text : text + "\n";
}

// src/cli/commands/drift.ts
var FORMATS = ["text", "markdown", "json"];
var driftCommand = defineCommand({
  name: "drift",
  summary: "show where the VMs no longer match what was applied",
  usage: "drift [SERVICE...] [--format text|markdown|json] [--runner LABEL] [--state local|git] [--repo DIR]",
  description: "Observes every recorded instance on its hypervisor and compares it with the spec it was recorded with: that the machine exists and runs, the box and version it runs, memory and cpus as the provider reports them, and in the guest the features, settings and app versions svcplan wrote and the state disk. Each difference is shown with its path, recorded \u2192 observed, and the action that repairs it, classified as a plan classifies a change; identical differences across instances are one row.\n\nChanges nothing and takes no lease; a service an apply is working on is reported as being applied. `svcplan plan --repair` shows the repair as a plan, `svcplan apply --repair` makes it.\n\nExits 0 when nothing drifted, 2 when something did, 1 when the check itself failed.",
  flags: {
    format: { type: "string", value: "FORMAT", description: "text (default), markdown or json (the drift contract, docs/drift.md)" },
    runner: { type: "string", value: "LABEL", description: "only services whose target.runner is LABEL (`default`: services naming none)" },
    ...STATE_FLAG,
    ...REPO_FLAG
  },
  maxPositionals: Infinity,
  parse(args) {
    const format = stringFlag(args, "format") ?? "text";
    if (!FORMATS.includes(format)) throw new UsageError(`--format ${format}: unknown format`, `use one of ${FORMATS.join(", ")}`);
    const runner = stringFlag(args, "runner");
    if (runner === "") throw new UsageError("--runner needs a value");
    return { repo: stringFlag(args, "repo"), services: args.positionals, format, runner, state: parseStateFlag(args) };
  },
  async run(settings, ctx) {
    const { checkDrift, driftExitCode, applyMachinery, renderDriftJson, renderDriftMarkdown, renderDriftText } = await import("./cli-machines-HIL4VFJ5.js");
    const repo = await openTemplatesRepo(settings.repo, ctx.cwd);
    const store = await openRepoStore(repo, settings.state);
    const recorded = await store.read();
    const unknown = settings.services.filter((s) => !recorded[s]);
    if (unknown.length > 0) {
      throw new UsageError(`nothing is recorded for ${unknown.join(", ")}`, `recorded services: ${Object.keys(recorded).sort().join(", ") || "none yet"}`);
    }
    const { driver } = applyMachinery({ checkout: repo, store, recorded, dryRun: false, onOutput: svcplanLines(ctx) });
    const report = await checkDrift({
      recorded,
      store,
      driver,
      ...settings.services.length > 0 ? { services: settings.services } : {},
      ...settings.runner ? { runner: settings.runner } : {}
    });
    const text = settings.format === "json" ? renderDriftJson(report) : settings.format === "markdown" ? renderDriftMarkdown(report) : renderDriftText(report);
    ctx.io.stdout.write(text);
    return driftExitCode(report);
  }
});

// src/cli/commands/import.ts
var importCommand = defineCommand({
  name: "import",
  summary: "record the machines that already run a service as its state",
  usage: "import SERVICE [--state local|git] [--repo DIR]",
  description: "Adopts the Vagrant machines of a service that exist before svcplan applies it (in the service's directory, .svcplan/vagrant/SERVICE/, named SERVICE-TIER-N): each is observed as `svcplan drift` observes, and recorded when it is what the templates say (box and version, memory, cpus, features, settings, app versions, state disk). Instances no machine is yet are left to the next plan, which creates them. Anything that differs is refused, with what differs and how to go on; nothing is recorded then.\n\nExits 0 when imported, 2 when refused.",
  flags: { ...STATE_FLAG, ...REPO_FLAG },
  maxPositionals: 1,
  parse(args) {
    const service = args.positionals[0];
    if (!service) throw new UsageError("which service? usage: svcplan import SERVICE", "svcplan plan lists the services of the templates repository");
    return { repo: stringFlag(args, "repo"), service, state: parseStateFlag(args) };
  },
  async run(settings, ctx) {
    const { applyMachinery, ImportRefused, importService, vagrantDirOf } = await import("./cli-machines-HIL4VFJ5.js");
    const repo = await openTemplatesRepo(settings.repo, ctx.cwd);
    const desired = await loadDesiredState(repo.worktree);
    const spec = desired.services.find((s) => s.name === settings.service);
    if (!spec) {
      throw new UsageError(
        `no service ${settings.service} in the templates repository`,
        `services: ${desired.services.map((s) => s.name).sort().join(", ") || "none"}`
      );
    }
    const store = await openRepoStore(repo, settings.state);
    const { driver } = applyMachinery({ checkout: repo, store, recorded: {}, dryRun: false, onOutput: svcplanLines(ctx) });
    try {
      const result = await importService({
        desired: spec,
        store,
        driver,
        owner: leaseOwner(),
        revision: { commit: repo.headCommit ?? "", ref: "WORKTREE" },
        machineDir: vagrantDirOf(repo.dir, spec.name)
      });
      ctx.io.stdout.write(
        `${settings.service}: imported ${result.imported.length} machine(s)${result.imported.length ? ` (${result.imported.join(", ")})` : ""}` + (result.missing.length ? `; not there yet: ${result.missing.join(", ")} (svcplan plan creates them)` : "") + "\n"
      );
      return EXIT_OK;
    } catch (err) {
      if (!(err instanceof ImportRefused)) throw err;
      ctx.io.stderr.write(`svcplan: ${err.message}
`);
      return EXIT_INPUT;
    }
  }
});

// src/cli/commands/history.ts
var RESULT_STYLE = { succeeded: "green", failed: "red", "rolled-back": "yellow", "in-progress": "cyan" };
var historyCommand = defineCommand({
  name: "history",
  summary: "list the deployments of a service",
  usage: "history SERVICE [--format text|json] [--state local|git] [--repo DIR]",
  description: "Every deployment recorded for the service, oldest first: its id (what `svcplan rollback SERVICE --to ID` takes), kind (apply or rollback), revision (short commit and release), when it started and finished, and its result.",
  flags: {
    format: { type: "string", value: "FORMAT", description: "text (default) or json" },
    ...STATE_FLAG,
    ...REPO_FLAG
  },
  maxPositionals: 1,
  parse(args) {
    const service = args.positionals[0];
    if (!service) throw new UsageError("which service? usage: svcplan history SERVICE", "svcplan status lists the recorded services");
    const format = stringFlag(args, "format") ?? "text";
    if (format !== "text" && format !== "json") throw new UsageError(`--format ${format}: unknown format`, "use text or json");
    return { repo: stringFlag(args, "repo"), service, format, state: parseStateFlag(args) };
  },
  async run(settings, ctx) {
    const repo = await openTemplatesRepo(settings.repo, ctx.cwd);
    const store = await openRepoStore(repo, settings.state);
    const recorded = await store.read();
    const record = recorded[settings.service];
    if (!record) {
      throw new UsageError(
        `nothing is recorded for service ${settings.service}`,
        `recorded services: ${Object.keys(recorded).sort().join(", ") || "none yet (run svcplan apply)"}`
      );
    }
    if (settings.format === "json") {
      ctx.io.stdout.write(
        JSON.stringify(
          record.history.map(({ spec: _spec, ...d }) => d),
          null,
          2
        ) + "\n"
      );
      return EXIT_OK;
    }
    ctx.io.stdout.write(renderHistory(record.history, styler(ctx.color)));
    return EXIT_OK;
  }
});
function renderHistory(history, style) {
  const rows = history.map((d) => [
    String(d.id),
    d.kind + (d.rollbackOf !== void 0 ? ` of ${d.rollbackOf}` : ""),
    `${d.revision.commit ? d.revision.commit.slice(0, 7) : "worktree"} ${d.revision.release}`,
    d.startedAt.replace("T", " ").replace(/\.\d+Z$/, "Z"),
    d.finishedAt ? d.finishedAt.replace("T", " ").replace(/\.\d+Z$/, "Z") : "-",
    d.result
  ]);
  const header = ["ID", "KIND", "REVISION", "STARTED", "FINISHED", "RESULT"];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells, styleLast = false) => cells.map((cell, c) => {
    const padded = c === cells.length - 1 ? cell : cell.padEnd(widths[c]);
    return styleLast && c === cells.length - 1 ? style(RESULT_STYLE[cell] ?? "bold", padded) : padded;
  }).join("  ");
  const out = [style("bold", line(header)), ...rows.map((r) => line(r, true))];
  if (rows.length === 0) out.push("no deployments recorded");
  return out.join("\n") + "\n";
}

// src/cli/commands/plan.ts
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve as resolve2 } from "node:path";
var FORMATS2 = ["text", "markdown", "json"];
var planCommand = defineCommand({
  name: "plan",
  summary: "show what applying the templates would do to every instance",
  usage: "plan [--base REF] [--head REF] [--format text|markdown|json] [--out FILE] [--repair] [--repo DIR]",
  description: "Compares the desired state (the working tree, or --head) with the recorded state of every service and classifies each instance: create, refresh, restart, replace (new OS image, state disk kept), destroy or none, with the reason for each.\n\nWhere a service has nothing recorded yet its instances are created, as the apply will create them (svcplan import records VMs that already run a service). --base REF is a what-if: the desired state at REF stands in for services with nothing recorded, as if REF were deployed.\n\nExits 2, with every problem as file:line:column: message on stderr, when a file is invalid or the plan is refused (a shrinking state disk, a count outside scale, more disruption than maxDisruption allows). The markdown and json forms are still written then, since they carry the errors for a pull request comment or a machine.",
  flags: {
    base: { type: "string", value: "REF", description: "what-if: plan services with nothing recorded as if REF were deployed" },
    head: { type: "string", value: "REF", description: "plan this commit instead of the working tree" },
    format: { type: "string", value: "FORMAT", description: "text (default), markdown (for a pull request comment) or json (the plan contract)" },
    out: { type: "string", value: "FILE", description: "write the plan to FILE instead of stdout" },
    repair: { type: "boolean", description: "plan against the machines as they really are (svcplan drift), so drift shows as steps that repair it" },
    ...REPO_FLAG
  },
  parse(args, ctx) {
    const format = stringFlag(args, "format") ?? "text";
    if (!FORMATS2.includes(format)) {
      throw new UsageError(`--format ${format}: unknown format`, `use one of ${FORMATS2.join(", ")}`);
    }
    const out = stringFlag(args, "out");
    for (const name of ["base", "head", "out", "repo"]) {
      if (stringFlag(args, name) === "") throw new UsageError(`--${name} needs a value`);
    }
    return {
      repo: stringFlag(args, "repo"),
      base: stringFlag(args, "base"),
      head: stringFlag(args, "head"),
      format,
      out: out === void 0 ? void 0 : resolve2(ctx.cwd, out),
      repair: booleanFlag(args, "repair")
    };
  },
  async run(settings, ctx) {
    const repo = await openTemplatesRepo(settings.repo, ctx.cwd);
    const worktree = settings.head === void 0 ? readOnce(repo.worktree) : void 0;
    const head = worktree ?? await readerAt(repo, settings.head, "--head");
    const base = settings.base === void 0 ? void 0 : readerAt(repo, settings.base, "--base", void 0, worktree);
    base?.catch(() => void 0);
    const store = await openRepoStore(repo);
    let recorded = await store.read();
    if (settings.repair) {
      const { applyMachinery, observedState } = await import("./cli-machines-HIL4VFJ5.js");
      const { driver } = applyMachinery({ checkout: repo, store, recorded, dryRun: false });
      const observed = await observedState({ recorded, driver });
      recorded = observed.recorded;
      for (const line of observed.unrepaired) ctx.io.stderr.write(`svcplan: not repaired: ${line}
`);
    }
    const plan = await computePlan({ head, base, recorded });
    const document = plan.document;
    const refused = document.errors.length > 0;
    if (!refused || settings.format !== "text") {
      await emit(render(document, settings.format, ctx.color && !settings.out), settings.out, ctx);
    }
    if (refused) {
      ctx.io.stderr.write(formatDiagnostics(document.errors, ctx.color));
      ctx.io.stderr.write(`svcplan: plan refused: ${count(document.errors.length, "problem")}; nothing was changed
`);
      return EXIT_INPUT;
    }
    return EXIT_OK;
  }
});
function render(document, format, color) {
  if (format === "json") return renderJson(document) + "\n";
  const text = format === "markdown" ? renderMarkdown(document) : renderText(document, { color });
  return text.endsWith("\n") ? text : text + "\n";
}
async function emit(text, out, ctx) {
  if (out === void 0) {
    ctx.io.stdout.write(text);
    return;
  }
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, text);
  ctx.io.stderr.write(`plan written to ${out}
`);
}
function count(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

// src/cli/commands/rollback.ts
var rollbackCommand = defineCommand({
  name: "rollback",
  summary: "redeploy an earlier deployment of a service, and pin it there",
  usage: "rollback SERVICE [--to ID|REF] [--yes] [--state local|git] [--repo DIR]",
  description: "Redeploys what an earlier deployment deployed (--to ID, from `svcplan history SERVICE`), or the service as a Git ref had it (--to REF); without --to, the last succeeded deployment before the current one. The rollback is a new forward update with its own classified plan, shown before anything happens, and is recorded in history.\n\nA rollback that is interrupted or fails is finished by the next apply (svcplan apply or svcplan rollback), never undone by it, while the template and service files are as they were.\n\nAfterwards the service is pinned: the next apply leaves it alone until a new commit changes its template or service file.\n\nAsks for confirmation on a terminal; elsewhere pass --yes.",
  flags: {
    to: { type: "string", value: "ID|REF", description: "deployment id or Git ref to roll back to" },
    yes: { type: "boolean", short: "y", description: "do not ask for confirmation" },
    ...STATE_FLAG,
    ...REPO_FLAG
  },
  maxPositionals: 1,
  parse(args) {
    const service = args.positionals[0];
    if (!service) throw new UsageError("which service? usage: svcplan rollback SERVICE [--to ID|REF]", "svcplan status lists the recorded services");
    const to = stringFlag(args, "to");
    if (to === "") throw new UsageError("--to needs a deployment id or a Git ref");
    return { repo: stringFlag(args, "repo"), service, to, yes: booleanFlag(args, "yes"), state: parseStateFlag(args) };
  },
  async run(settings, ctx) {
    const { RollbackTargetError, planRollback, rollback, applyMachinery } = await import("./cli-machines-HIL4VFJ5.js");
    const style = styler(ctx.color);
    const repo = await openTemplatesRepo(settings.repo, ctx.cwd);
    const store = await openRepoStore(repo, settings.state);
    let planned;
    try {
      planned = await planRollback({ service: settings.service, to: settings.to, store, repoDir: repo.dir, head: repo.worktree });
    } catch (err) {
      if (err instanceof RollbackTargetError) throw new UsageError(err.message);
      throw err;
    }
    const document = planned.plan.document;
    ctx.io.stdout.write(`${style("bold", `Rollback of ${settings.service} to ${planned.target.label}`)} (release ${planned.target.revision.release})
`);
    ctx.io.stdout.write(renderText(document, { color: ctx.color }).replace(/\n?$/, "\n"));
    if (document.errors.length > 0) {
      ctx.io.stderr.write(formatDiagnostics(document.errors, ctx.color));
      ctx.io.stderr.write("svcplan: rollback refused; nothing was changed\n");
      return EXIT_INPUT;
    }
    if (!settings.yes) {
      const interactive = Boolean(ctx.io.isTTY) && Boolean(process.stdin.isTTY);
      if (!interactive) {
        ctx.io.stderr.write("svcplan: rollback not confirmed: not on a terminal; pass --yes to roll back without asking\n");
        return EXIT_INPUT;
      }
      const { createInterface } = await import("node:readline/promises");
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      const answer = (await rl.question(`Roll ${settings.service} back to ${planned.target.label}? Type yes to go on: `)).trim();
      rl.close();
      if (answer !== "yes") {
        ctx.io.stderr.write("svcplan: rollback cancelled; nothing was changed\n");
        return EXIT_INPUT;
      }
    }
    const { driver } = applyMachinery({ checkout: repo, store, recorded: {}, dryRun: false, onOutput: svcplanLines(ctx) });
    const stop = gracefulStop((line) => ctx.io.stderr.write(`${line}
`));
    try {
      const report = await rollback({
        rollback: planned,
        store,
        driver,
        owner: leaseOwner(),
        onProgress: (e) => ctx.io.stdout.write(progressLine(e, style)),
        signal: stop.signal
      });
      ctx.io.stdout.write(reportText(report, style));
      writeRefusals(report, ctx.io.stderr);
      if (report.ok) ctx.io.stdout.write(`${settings.service} is pinned: the next apply leaves it alone until its template or service file changes
`);
      return exitCodeOf(report);
    } catch (err) {
      if (err instanceof RunInterruptedError) {
        ctx.io.stderr.write(`svcplan: ${err.message}
  ${interruptedAdvice(err)}
`);
        return EXIT_FAILED;
      }
      throw err;
    } finally {
      stop.dispose();
    }
  }
});

// src/cli/commands/status.ts
var statusCommand = defineCommand({
  name: "status",
  summary: "show the recorded state of every service",
  usage: "status [SERVICE...] [--format text|json] [--repo DIR]",
  description: "Prints what was last applied to each service, from the configured state store: the revision (commit, release), every instance with its status and image, a pin left by a rollback, state disks kept after their instance was destroyed, and the lease of an apply that is running.",
  flags: {
    format: { type: "string", value: "FORMAT", description: "text (default) or json" },
    ...REPO_FLAG
  },
  maxPositionals: Infinity,
  parse(args) {
    const format = stringFlag(args, "format") ?? "text";
    if (format !== "text" && format !== "json") {
      throw new UsageError(`--format ${format}: unknown format`, "use text or json");
    }
    return { repo: stringFlag(args, "repo"), format, services: args.positionals };
  },
  async run(settings, ctx) {
    const repo = await openTemplatesRepo(settings.repo, ctx.cwd);
    const store = await openRepoStore(repo);
    const recorded = await store.read();
    const unknown = settings.services.filter((name) => !recorded[name]);
    if (unknown.length > 0) {
      throw new UsageError(
        `nothing is recorded for ${unknown.join(", ")}`,
        `recorded services: ${Object.keys(recorded).sort().join(", ") || "none yet (run svcplan apply)"}`
      );
    }
    const names = (settings.services.length > 0 ? settings.services : Object.keys(recorded)).sort();
    const leases = await readLeases(store, names);
    if (settings.format === "json") {
      const services = names.map((name) => {
        const lease = leases[name];
        return { ...recorded[name], lease: lease ? { ...lease, stale: leaseStaleness(lease) ?? false } : void 0 };
      });
      ctx.io.stdout.write(JSON.stringify({ store: store.kind, services }, null, 2) + "\n");
      return EXIT_OK;
    }
    ctx.io.stdout.write(renderStatusText(recorded, names, leases, store.kind, styler(ctx.color)));
    return EXIT_OK;
  }
});
async function readLeases(store, names) {
  const entries = await Promise.all(names.map(async (name) => [name, await store.readLease(name)]));
  return Object.fromEntries(entries);
}
var STATUS_STYLE = { ready: "green", pending: "yellow", failed: "red" };
function renderStatusText(recorded, names, leases, storeKind, style) {
  if (names.length === 0) {
    return `nothing recorded yet (${storeKind} state store): run svcplan plan, then svcplan apply
`;
  }
  return names.map((name) => renderService(recorded[name], leases[name], style)).join("\n");
}
function renderService(record, lease, style) {
  const lines = [];
  const rev = record.revision;
  lines.push(
    `${style("bold", record.name)} (template ${record.template}, release ${rev.release}) at ${rev.commit.slice(0, 12) || "(no commit)"}` + (rev.ref ? ` ${rev.ref}` : "")
  );
  const last = record.history[record.history.length - 1];
  if (last) {
    lines.push(`  last deployment: #${last.id} ${last.kind} ${last.result}${last.finishedAt ? ` at ${last.finishedAt}` : ` since ${last.startedAt}`}`);
  }
  if (record.pin) {
    lines.push(
      style("yellow", `  pinned to deployment #${record.pin.deployment} since ${record.pin.at}`) + " (a rollback; the next change to its template or service lifts the pin)"
    );
  }
  if (lease) {
    const stale = leaseStaleness(lease);
    lines.push(
      stale ? style("yellow", `  stale lease of ${lease.owner}: ${stale}; the next apply takes it over (after any vagrant call it left has finished)`) : style("yellow", `  being applied by ${lease.owner} (lease until ${lease.expiresAt})`)
    );
  }
  const instances = [...record.instances].sort((a, b) => a.tier.localeCompare(b.tier) || a.index - b.index);
  const width = Math.max(0, ...instances.map((i) => i.name.length));
  for (const inst of instances) {
    const spec = inst.spec;
    const detail = `${spec.image.box}@${spec.image.version}, ${spec.cpus} cpu, ${spec.memory} MiB` + (spec.state ? `, state disk ${spec.state.disk} GiB` : "");
    const target = inst.step?.to ?? inst.pendingSpec;
    const pending = inst.step ? ` (${inst.step.action}${target ? ` to ${target.image.box}@${target.image.version}` : ""} at ${inst.step.phase}${inst.step.failed ? `, failed: ${inst.step.failed.message.split("\n")[0]}` : ""})` : inst.status === "pending" && target ? ` (was becoming ${target.image.box}@${target.image.version})` : "";
    lines.push(`  ${inst.name.padEnd(width)}  ${style(STATUS_STYLE[inst.status] ?? "bold", inst.status.padEnd(7))}  ${detail}${pending}`);
  }
  if (instances.length === 0) lines.push("  no instances");
  for (const disk of record.retainedDisks) {
    lines.push(`  retained state disk of ${disk.instance}: ${disk.sizeGiB} GiB, since ${disk.retainedAt}`);
  }
  return lines.join("\n") + "\n";
}

// src/cli/commands/validate.ts
var validateCommand = defineCommand({
  name: "validate",
  summary: "check every template and service file in the working tree",
  usage: "validate [--repo DIR]",
  description: "Loads svcplan.yaml, every template and every service in the working tree, checks them against the svcplan/v1 schema and against each other (a service names an existing template and tier, counts within scale, scripts that exist), and resolves every service. Prints every problem as file:line:column: message on stderr and exits 2; nothing is changed either way.",
  flags: { ...REPO_FLAG },
  parse: (args) => ({ repo: stringFlag(args, "repo") }),
  async run(settings, ctx) {
    const repo = await openTemplatesRepo(settings.repo, ctx.cwd);
    const desired = await loadDesiredState(repo.worktree);
    const instances = desired.services.reduce((sum, s) => sum + s.tiers.reduce((n, t) => n + t.count, 0), 0);
    const style = styler(ctx.color);
    ctx.io.stdout.write(
      `${style("green", "valid:")} ${count2(desired.templates.length, "template")}, ${count2(desired.services.length, "service")}, ${count2(instances, "instance")}
`
    );
    return EXIT_OK;
  }
});
function count2(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

// src/cli/commands/index.ts
var COMMANDS = [
  validateCommand,
  planCommand,
  applyCommand,
  rollbackCommand,
  statusCommand,
  historyCommand,
  driftCommand,
  importCommand
];

// src/cli/help.ts
var WIDTH = 92;
function overallHelp(commands, version) {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `svcplan ${version}: classified update plans for virtual-machine service templates kept in Git`,
    "",
    "Usage: svcplan <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Options:",
    "  -h, --help     show help (also after a command: svcplan plan --help)",
    "  -V, --version  print the version",
    "",
    "Exit codes: 0 ok, 1 failed apply, 2 bad input or refused plan.",
    "Environment: NO_COLOR turns colour off (colour is only used on a terminal).",
    ""
  ].join("\n");
}
function commandHelp(command) {
  const flags = [...Object.entries(command.flags), ["help", { type: "boolean", short: "h", description: "show this help" }]];
  const labels = flags.map(([name, f]) => (f.short ? `-${f.short}, ` : "    ") + `--${name}` + (f.value ? ` ${f.value}` : ""));
  const width = Math.max(...labels.map((l) => l.length));
  return [
    `Usage: svcplan ${command.usage}`,
    "",
    ...command.description.split("\n\n").map((p) => wrap(p, WIDTH, "") + "\n"),
    "Options:",
    ...flags.map(([, f], i) => `  ${labels[i].padEnd(width)}  ${wrap(f.description, WIDTH - width - 4, " ".repeat(width + 4))}`),
    ""
  ].join("\n");
}
function wrap(text, width, indent) {
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join("\n" + indent);
}

// src/cli/version.ts
import { readFileSync } from "node:fs";
import { dirname as dirname2, join } from "node:path";
import { fileURLToPath } from "node:url";
function packageVersion() {
  let dir = dirname2(fileURLToPath(import.meta.url));
  for (; ; ) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      if (pkg.name === "svcplan" && pkg.version) return pkg.version;
    } catch {
    }
    const parent = dirname2(dir);
    if (parent === dir) return "unknown";
    dir = parent;
  }
}

// src/cli/run.ts
async function runCli(argv2, io, commands = COMMANDS) {
  const ctx = { io, cwd: io.cwd ?? process.cwd(), color: useColor(io) };
  try {
    return await dispatch(argv2, ctx, commands);
  } catch (error) {
    return reportError(error, ctx);
  }
}
async function dispatch(argv2, ctx, commands) {
  const { io } = ctx;
  const first = argv2[0];
  if (first === void 0 || first === "-h" || first === "--help" || first === "help") {
    const topic = first === "help" ? argv2[1] : void 0;
    if (topic !== void 0) {
      io.stdout.write(commandHelp(findCommand(topic, commands)));
      return EXIT_OK;
    }
    if (first === void 0) {
      io.stderr.write(overallHelp(commands, packageVersion()));
      return EXIT_INPUT;
    }
    io.stdout.write(overallHelp(commands, packageVersion()));
    return EXIT_OK;
  }
  if (first === "-V" || first === "--version") {
    io.stdout.write(packageVersion() + "\n");
    return EXIT_OK;
  }
  if (first.startsWith("-")) {
    throw new UsageError(`unknown option ${first} before the command`, "usage: svcplan <command> [options]; svcplan --help lists the commands");
  }
  const command = findCommand(first, commands);
  const rest = argv2.slice(1);
  if (rest.some((a) => a === "--help" || a === "-h")) {
    io.stdout.write(commandHelp(command));
    return EXIT_OK;
  }
  const settings = command.parse(parseCommandArgs(command, rest), ctx);
  return command.run(settings, ctx);
}
function findCommand(name, commands) {
  const command = commands.find((c) => c.name === name);
  if (command) return command;
  const near = commands.find((c) => editDistance(c.name, name) <= 2);
  throw new UsageError(`unknown command '${name}'`, (near ? `did you mean '${near.name}'? ` : "") + `commands: ${commands.map((c) => c.name).join(", ")}`);
}
function parseCommandArgs(command, args) {
  const options = {};
  for (const [name, flag] of Object.entries(command.flags)) {
    options[name] = { type: flag.type, ...flag.short ? { short: flag.short } : {}, ...flag.multiple ? { multiple: true } : {} };
  }
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(parseErrorMessage(error), `svcplan ${command.name} --help lists its options`);
  }
  const values = parsed.values;
  const maxPositionals = command.maxPositionals ?? 0;
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`unexpected argument '${parsed.positionals[maxPositionals]}'`, `usage: svcplan ${command.usage}`);
  }
  return { values, positionals: parsed.positionals };
}
function parseErrorMessage(error) {
  const message = error instanceof Error ? error.message : String(error);
  return message.split(". To specify a positional")[0].replace(/\.$/, "");
}
function reportError(error, ctx) {
  const { io } = ctx;
  if (error instanceof InputError) {
    io.stderr.write(formatDiagnostics(error.diagnostics, ctx.color));
    io.stderr.write(`svcplan: ${error.diagnostics.length} problem${error.diagnostics.length === 1 ? "" : "s"} found; nothing was changed
`);
    return EXIT_INPUT;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`svcplan: ${error.message}
` + (error.hint ? `  ${error.hint}
` : ""));
    return EXIT_INPUT;
  }
  if (error instanceof UnknownRevisionError) {
    io.stderr.write(`svcplan: ${error.message}
`);
    return EXIT_INPUT;
  }
  if (error instanceof GitError) {
    io.stderr.write(`svcplan: ${error.message}
`);
    return EXIT_FAILED;
  }
  if (error instanceof LeaseHeldError || error instanceof DamagedRecordError) {
    io.stderr.write(`svcplan: ${error.message}
`);
    return EXIT_FAILED;
  }
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  io.stderr.write(`svcplan: internal error: ${message} (please report this with the command you ran)
`);
  if (ctx.io.env?.SVCPLAN_DEBUG && error instanceof Error && error.stack) io.stderr.write(error.stack + "\n");
  return EXIT_FAILED;
}
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

// src/cli/main.ts
var argv = process.argv.slice(2);
if (argv[0] === "plan" || argv[0] === "validate") setFlagsFromString("--no-turbofan");
process.exitCode = await runCli(argv, {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: process.stdout.isTTY,
  env: process.env
});
