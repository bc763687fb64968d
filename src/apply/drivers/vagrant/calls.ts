// Receipts of the calls that change machines. Each such call runs under a small sh wrapper that
// writes its pid when it starts and its exit code when it ends, next to the Vagrantfile: svcplan
// killed with -9 leaves its vagrant child running, and the wrapper outlives svcplan too, so the
// next run can wait for the call to end and learn whether it succeeded instead of guessing.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CallOutcome } from '../../driver.js';

/**
 * `sh -c WRAPPER sh RECEIPT PROGRAM ARGS...`. The wrapper ignores the signals a terminal or a
 * cancelled job sends to the whole group (its child still gets them, as traps are reset on exec)
 * so that it lives to write the exit code of whatever the child did.
 */
export const CALL_WRAPPER = 'r=$1; shift; echo $$ > "$r.pid"; trap : INT TERM HUP; "$@"; c=$?; echo $c > "$r.exit"; exit $c';

/** How often a wait for another run's call looks again. */
const POLL_MS = 250;

export class CallReceipts {
  constructor(readonly dir: string) {}

  /** Where the call's pid and exit code are written. */
  base(id: string): string {
    if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`invalid call id ${JSON.stringify(id)}`);
    return join(this.dir, id);
  }

  /** Called before the call starts: clears what an earlier attempt of it left, keeps its command line for messages. */
  prepare(id: string, commandLine: string): string {
    mkdirSync(this.dir, { recursive: true });
    const base = this.base(id);
    rmSync(`${base}.exit`, { force: true });
    rmSync(`${base}.pid`, { force: true });
    writeFileSync(`${base}.cmd`, commandLine + '\n');
    return base;
  }

  /** What became of a call; waits while it still runs. */
  async outcome(id: string, onWait?: (what: string) => void, signal?: AbortSignal): Promise<CallOutcome> {
    const base = this.base(id);
    let said = false;
    for (;;) {
      const exit = readText(`${base}.exit`);
      if (exit !== undefined && /^\d+$/.test(exit)) return exit === '0' ? 'succeeded' : 'failed';
      const pid = Number(readText(`${base}.pid`));
      // No pid: the wrapper never ran (or another host started it, which no run here can know of).
      if (!Number.isInteger(pid) || pid <= 0) return 'not-started';
      if (!wrapperAlive(pid, base)) {
        // It may have written its code just now.
        const late = readText(`${base}.exit`);
        if (late !== undefined && /^\d+$/.test(late)) return late === '0' ? 'succeeded' : 'failed';
        return 'lost';
      }
      if (!said) {
        onWait?.(`waiting for \`${readText(`${base}.cmd`) ?? 'a vagrant call'}\` (pid ${pid}), started by an interrupted run, to finish`);
        said = true;
      }
      if (signal?.aborted) return 'lost';
      await sleep(POLL_MS);
    }
  }

  /** Waits until none of the calls recorded here is still running. */
  async settle(onWait?: (what: string) => void, signal?: AbortSignal): Promise<void> {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (!name.endsWith('.pid')) continue;
      const id = name.slice(0, -'.pid'.length);
      if (existsSync(join(this.dir, `${id}.exit`))) continue;
      await this.outcome(id, onWait, signal);
    }
  }

  forget(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The wrapper of this call is still running (not another process that got its pid since). */
function wrapperAlive(pid: number, base: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const cmdline = readText(`/proc/${pid}/cmdline`);
  // Without /proc there is no telling; the pid alone says alive.
  if (cmdline === undefined) return existsSync('/proc/self') ? false : true;
  return cmdline.includes(base);
}
