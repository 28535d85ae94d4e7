// The one place an error becomes an answer: { error: { code, message, details, params, requestId } }, never a
// stack trace. A domain error gets its status from its kind (error-status.ts); our own dependencies' failures
// become 503 with Retry-After (dependency-errors.ts).
import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../../config/logger';
import { DomainError } from '../../domain/errors/domain-error';
import { dependencyError } from './dependency-errors';
import { httpErrorOf } from './error-status';
import { HttpError } from './errors';
import { maskedPath } from './middleware/request-context';

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const requestId = res.locals.requestId as string | undefined;
    const unavailable = dependencyError(err);
    if (unavailable) {
      ((res.locals.log as Logger | undefined) ?? logger).warn('dependency unavailable', {
        method: req.method,
        path: maskedPath(req.path),
        code: unavailable.code,
        error: String(err).slice(0, 300),
      });
      err = unavailable;
    }
    if (err instanceof DomainError) err = httpErrorOf(err);
    if (err instanceof HttpError) {
      if (err.retryAfter !== undefined) res.setHeader('Retry-After', String(err.retryAfter));
      res.status(err.status).json({
        error: { code: err.code, message: err.message, details: err.details, params: err.params, requestId },
        ...err.extra,
      });
      return;
    }
    const parserRefusal = bodyParserRefusal(err);
    if (parserRefusal) {
      res
        .status(parserRefusal.status)
        .json({ error: { ...parserRefusal, status: undefined, details: [], params: {}, requestId } });
      return;
    }
    ((res.locals.log as Logger | undefined) ?? logger).error('unhandled error', {
      method: req.method,
      path: maskedPath(req.path),
      error: String(err),
      stack: (err as Error)?.stack,
    });
    res.status(500).json({
      error: {
        code: 'internal_error',
        message: 'something went wrong on our side; quote the request id when reporting it',
        details: [],
        params: {},
        requestId,
      },
    });
  };
}

// The parsers' refusals (http-errors with a 4xx status and a type; the router's URIError): malformed JSON, a body too large, a
// charset or encoding it cannot read. Anything else with a status is not the client's fault.
const PARSER_MESSAGES: Record<string, [code: string, message: string]> = {
  'entity.parse.failed': ['malformed_json', 'the request body is not valid JSON'],
  'entity.too.large': ['payload_too_large', 'the request body is too large'],
  'charset.unsupported': [
    'unsupported_charset',
    'send the body as UTF-8 (Content-Type: application/json; charset=utf-8)',
  ],
  'encoding.unsupported': [
    'unsupported_encoding',
    'the Content-Encoding is not supported; send the body uncompressed, gzip or deflate',
  ],
  'request.size.invalid': ['malformed_body', 'the request body is shorter or longer than its Content-Length'],
  'request.aborted': ['request_aborted', 'the request was aborted before its body arrived'],
};

function bodyParserRefusal(err: unknown): { status: number; code: string; message: string } | undefined {
  const { status, type } = (err ?? {}) as { status?: unknown; type?: unknown };
  // The router could not percent-decode a path parameter (e.g. bytes that are not UTF-8).
  if (err instanceof URIError && status === 400)
    return { status, code: 'malformed_path', message: 'a path segment is not valid percent-encoded UTF-8' };
  if (typeof status !== 'number' || status < 400 || status >= 500 || typeof type !== 'string') return undefined;
  const [code, message] = PARSER_MESSAGES[type] ?? ['malformed_body', 'the request body could not be read'];
  return { status, code, message };
}
