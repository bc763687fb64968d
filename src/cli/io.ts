/** Where the CLI writes. Tests pass in-memory streams; main.ts passes the process's own. */
export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** Whether stdout is a terminal: colour and progress only then. */
  isTTY?: boolean;
  env?: Record<string, string | undefined>;
  /** The directory `--repo` and relative paths are resolved against; the process's cwd if absent. */
  cwd?: string;
}

/** SPEC section 6: 0 ok, 1 failed apply (or an internal error), 2 bad input or refused plan. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_INPUT = 2;

/** A mistake in how svcplan was called (flags, refs, folders): a message, exit 2, no stack. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** One line telling the user what to do instead. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export function useColor(io: CliIo): boolean {
  const env = io.env ?? {};
  return Boolean(io.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb';
}

const ANSI = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33, cyan: 36 } as const;
export type Style = keyof typeof ANSI;

/** Returns a function that wraps text in ANSI styles only when colour is on. */
export function styler(color: boolean): (style: Style, text: string) => string {
  return color ? (style, text) => `\u001b[${ANSI[style]}m${text}\u001b[0m` : (_style, text) => text;
}
