// What Ctrl-C (SIGINT) and a cancelled CI job (SIGINT, then SIGTERM) do to an apply, the same
// through every door: the first signal asks the run to stop gracefully (nothing new starts, the
// steps under way finish and are recorded, leases are released); a second one ends the process
// at once, leaving the lease to expire.

const EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

export interface GracefulStop {
  /** Aborted by the first SIGINT or SIGTERM. */
  readonly signal: AbortSignal;
  /** Gives the signals back to their default handling. */
  dispose(): void;
}

export function gracefulStop(say: (line: string) => void, proc: NodeJS.Process = process): GracefulStop {
  const controller = new AbortController();
  const handler = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      say(`svcplan: ${name} again: stopping at once; steps under way stay pending (the next apply redoes them) and the lease stays until it expires`);
      proc.exit(EXIT_CODES[name] ?? 1);
      return;
    }
    say(`svcplan: ${name} received: no new step starts; waiting for the steps under way to finish and be recorded (${name} again to stop at once)`);
    controller.abort();
  };
  proc.on('SIGINT', handler);
  proc.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose() {
      proc.off('SIGINT', handler);
      proc.off('SIGTERM', handler);
    },
  };
}
