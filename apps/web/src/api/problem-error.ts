/** An `application/problem+json` answer from the API, or a network failure (status 0). */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string | null,
    readonly errors: { field: string; message: string }[] = [],
  ) {
    super(detail ?? title);
    this.name = 'ProblemError';
  }
}

export function isProblemError(error: unknown): error is ProblemError {
  return error instanceof ProblemError;
}
