export type DomainErrorCode = 'service_not_found' | 'unknown_problem' | 'rate_limited' | 'invalid_location' | 'duplicate_report';

/** Base of every error the domain raises on purpose; the API maps `code` to an HTTP status. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The request field at fault, when there is one (e.g. `service`). */
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ServiceNotFoundError extends DomainError {
  constructor(readonly slug: string) {
    super('service_not_found', `no service "${slug}"`, 'service');
  }
}

export class UnknownProblemError extends DomainError {
  constructor(
    readonly slug: string,
    readonly problem: string,
    readonly allowed: readonly string[],
  ) {
    super('unknown_problem', `"${problem}" is not a problem type of ${slug}; expected one of: ${allowed.join(', ')}`, 'problem');
  }
}

export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', `too many reports from this address; try again in ${retryAfterSeconds} s`);
  }
}

export class DuplicateReportError extends DomainError {
  constructor(
    readonly slug: string,
    readonly retryAfterSeconds: number,
  ) {
    super('duplicate_report', `you already reported ${slug} recently; it is counted`);
  }
}
