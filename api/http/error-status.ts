// The HTTP edge's one table from a domain error's kind to its status: services, workflows and activities say
// what went wrong (domain/errors/), only this file says how HTTP spells it.
import type { DomainError, ErrorKind } from '../../domain/errors/domain-error';
import { HttpError } from './errors';
import { RETRY_AFTER_SECONDS } from '../../config/temporal-deadline';

const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  unprocessable: 422,
  // nginx's "client closed request": the caller is gone, so no one reads it; logged as the caller's doing.
  abandoned: 499,
  unavailable: 503,
};

// A domain error as the edge answers it; an unavailable one tells the client when to try again.
export function httpErrorOf(e: DomainError): HttpError {
  const status = STATUS_OF_KIND[e.kind];
  const retryAfter = e.kind === 'unavailable' ? RETRY_AFTER_SECONDS : undefined;
  return new HttpError(status, e.code, e.message, e.details, e.alongside, retryAfter, e.params);
}
