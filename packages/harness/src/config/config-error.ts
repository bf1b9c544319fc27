/**
 * A problem in a user's configuration file. The executor prints it as one line,
 * `harness: <file>:<line>: <what is wrong>; <how to fix it>`, with no stack trace.
 */
export class HarnessConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
    readonly remedy: string,
  ) {
    super(`harness: ${file}:${line}: ${problem}; ${remedy}`);
    this.name = 'HarnessConfigError';
  }
}

export function isHarnessConfigError(error: unknown): error is HarnessConfigError {
  return error instanceof HarnessConfigError;
}
