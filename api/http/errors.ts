// The edge's own refusals (authentication, rate limits, request parsing) and every domain error once the edge has
// given it a status (error-status.ts): { error: { code, message, details, params, requestId } }, never a stack trace.
import type { ErrorParams } from '../../domain/errors/domain-error';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
    readonly extra: Record<string, unknown> = {},
    // Seconds, sent as Retry-After (503, 429).
    readonly retryAfter?: number,
    // What the message is made of, so a client can say it in another language.
    readonly params: ErrorParams = {},
  ) {
    super(message);
  }
}
