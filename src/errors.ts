/**
 * Typed errors and the exit codes they map to, in one place.
 *
 * Exit codes (the CLI contract, also in README and --help):
 *   0  nothing that blocks
 *   1  findings that block (the commit is refused in hook mode)
 *   2  usage, configuration, git or internal error (the scan could not be done)
 */
export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

/** Identities of the failures we know; tests match on these, not on wording. */
export type ErrorKind =
  | 'usage'
  | 'not-a-repository'
  | 'git-missing'
  | 'git-failed'
  | 'diff-parse'
  | 'config'
  | 'io'
  | 'internal';

/** An error whose message is already one clear line for the user. */
export class GuardError extends Error {
  readonly kind: ErrorKind;
  readonly exitCode: number;

  constructor(kind: ErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GuardError';
    this.kind = kind;
    this.exitCode = EXIT_ERROR;
  }
}

export function isGuardError(error: unknown): error is GuardError {
  return error instanceof GuardError;
}
