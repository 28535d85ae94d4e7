// Failures of Holdfast's own dependencies (Temporal, PostgreSQL) as HTTP answers: 503 with Retry-After and a
// message naming the dependency, never a raw driver error and never a hang.
import { ServiceError } from '@temporalio/client';
import { databaseUnreachable } from '../../config/dependency-outage';
import {
  deadlinePassed,
  GRPC_FAILED_PRECONDITION,
  grpcErrors,
  RETRY_AFTER_SECONDS,
  stepNotTaken,
} from '../../config/temporal-deadline';
import { HttpError } from './errors';

const GRPC_UNAVAILABLE = 14;

function temporalDown(e: unknown): boolean {
  return (
    deadlinePassed(e) ||
    grpcErrors(e).some((c) => c.code === GRPC_UNAVAILABLE) ||
    (e instanceof ServiceError && /unavailable|connect/i.test(e.message))
  );
}

// Temporal refuses an update while the workflow's task is being retried after a failure, or dropped it with
// the failed task: the case is busy for a few seconds, and a retry succeeds once a worker runs it.
function caseBusy(e: unknown): boolean {
  return (
    stepNotTaken(e) ||
    grpcErrors(e).some(
      (c) =>
        c.code === GRPC_FAILED_PRECONDITION &&
        /workflow task in failed state|update-with-start could not be executed/i.test(c.details ?? c.message),
    ) ||
    /Workflow Task in failed state/i.test(String((e as Error)?.message ?? ''))
  );
}

export function dependencyError(e: unknown): HttpError | undefined {
  if (temporalDown(e))
    return new HttpError(
      503,
      'temporal_unavailable',
      'the workflow service (Temporal) is not answering; nothing was changed that will be lost, try again shortly',
      [],
      {},
      RETRY_AFTER_SECONDS,
    );
  if (caseBusy(e))
    return new HttpError(
      503,
      'case_busy',
      'the case is recovering from a failed workflow task and did not take this; nothing was changed, try again shortly',
      [],
      {},
      RETRY_AFTER_SECONDS,
    );
  if (databaseUnreachable(e))
    return new HttpError(
      503,
      'database_unavailable',
      'the database is not answering; nothing was changed, try again shortly',
      [],
      {},
      RETRY_AFTER_SECONDS,
    );
  return undefined;
}
