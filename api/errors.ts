// Errors as values people can act on: { error: { code, message, details, requestId } }, never a stack trace.
import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../config/logger';
import { dependencyError } from './dependency-errors';
import { maskedPath } from './middleware/request-context';

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

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const requestId = res.locals.requestId as string | undefined;
    const unavailable = dependencyError(err);
    if (unavailable) {
      ((res.locals.log as Logger | undefined) ?? logger).warn('dependency unavailable', { method: req.method, path: maskedPath(req.path), code: unavailable.code, error: String(err).slice(0, 300) });
      err = unavailable;
    }
    if (err instanceof HttpError) {
      if (err.retryAfter !== undefined) res.setHeader('Retry-After', String(err.retryAfter));
      res.status(err.status).json({ error: { code: err.code, message: err.message, details: err.details, requestId }, ...err.extra });
      return;
    }
    // Body parser failures: malformed JSON or too large.
    const status = (err as { status?: number }).status;
    if (status === 400 || status === 413) {
      const code = status === 413 ? 'payload_too_large' : 'malformed_json';
      const message = status === 413 ? 'the request body is too large' : 'the request body is not valid JSON';
      res.status(status).json({ error: { code, message, details: [], requestId } });
      return;
    }
    ((res.locals.log as Logger | undefined) ?? logger).error('unhandled error', { method: req.method, path: maskedPath(req.path), error: String(err), stack: (err as Error)?.stack });
    res.status(500).json({ error: { code: 'internal_error', message: 'something went wrong on our side; quote the request id when reporting it', details: [], requestId } });
  };
}
