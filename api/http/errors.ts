// Errors as values people can act on: { error: { code, message, details, requestId } }, never a stack trace.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
    readonly extra: Record<string, unknown> = {},
    // Seconds, sent as Retry-After (503, 429).
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export const notFound = (code: string, message: string) => new HttpError(404, code, message);
