// A refusal in the bank's words, not in HTTP's: a stable code, the parameters its message is made of, the English
// message, and the kind of refusal. Only the HTTP edge turns a kind into a status (api/http/error-status.ts), so
// services, workflows and activities never speak HTTP, and a client can render the code and parameters in its own
// language instead of showing the English message.

// What went wrong, as a client decides what to do about it.
export const ERROR_KINDS = [
  'invalid', // the request itself is malformed or contradicts itself: change it
  'not_found', // what the request addresses does not exist (or is not visible to the caller)
  'conflict', // the request collides with the current state: read it again, then decide
  'gone', // it existed and is closed for good
  'unprocessable', // well-formed, but what it refers to is missing or not valid yet
  'forbidden', // the caller may not do this
  'unavailable', // a dependency is busy or down: the same request may succeed shortly
  'abandoned', // the caller went away before the answer was ready
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

// A parameter is a plain JSON value a translated message can show (ids, stages, versions, counts, lists of them).
type ErrorParam = string | number | boolean | null | readonly ErrorParam[] | { readonly [key: string]: ErrorParam };
export type ErrorParams = Readonly<Record<string, ErrorParam>>;

export interface DomainErrorOptions {
  // Per-field or per-item facts (a validation issue per field): the same `details` the API always sent.
  details?: unknown[];
  // Fields Holdfast 1.0 answered beside `error` (e.g. `caseId` for case_already_open): kept for its clients.
  alongside?: Record<string, unknown>;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly details: unknown[];
  readonly alongside: Record<string, unknown>;

  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly params: ErrorParams,
    message: string,
    options: DomainErrorOptions = {},
  ) {
    super(message);
    this.details = options.details ?? [];
    this.alongside = options.alongside ?? {};
  }
}

// One refusal's definition: its code and kind, and its English message made from its parameters alone, so the
// parameters are always enough to say the same thing in another language.
export function refusal<P extends ErrorParams>(kind: ErrorKind, code: string, message: (params: P) => string) {
  return (params: P, options?: DomainErrorOptions): DomainError =>
    new DomainError(kind, code, params, message(params), options);
}
