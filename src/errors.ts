/**
 * Errors a user can act on. Every module below the CLI and the Action throws these; `cli/` and
 * `action/` are the one place that turns them into exit codes and messages.
 */
/** 'failed': the workflow ran and did not succeed; 'interrupted': stopped by a signal. */
export type ErrorKind = 'input' | 'config' | 'workflow' | 'runtime' | 'failed' | 'interrupted' | 'internal';

export const EXIT_CODES: Record<ErrorKind, number> = {
  failed: 1,
  input: 2,
  config: 2,
  workflow: 3,
  runtime: 4,
  interrupted: 130,
  internal: 70,
};

export class ReproError extends Error {
  readonly kind: ErrorKind;
  /** What the user can do about it, shown under the message. */
  readonly hint: string | undefined;

  constructor(kind: ErrorKind, message: string, hint?: string) {
    super(message);
    this.name = 'ReproError';
    this.kind = kind;
    this.hint = hint;
  }
}

/** Bad arguments to a pure function (statistics, parsing): the caller passed data it cannot use. */
export function inputError(message: string, hint?: string): ReproError {
  return new ReproError('input', message, hint);
}

/** The message of anything thrown, including strings and plain objects. */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'string') return err;
  try {
    return JSON.stringify(err);
  } catch {
    return String(err);
  }
}
