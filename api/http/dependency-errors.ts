// Failures of Holdfast's own dependencies (Temporal, PostgreSQL) as HTTP answers: 503 with Retry-After and a
// message naming the dependency, never a raw driver error and never a hang.
import { isGrpcServiceError, ServiceError } from '@temporalio/client';
import { databaseUnreachable } from '../../config/dependency-outage';
import { HttpError } from './errors';

// How long the API waits on Temporal for one call before answering 503.
export const TEMPORAL_DEADLINE_MS = 5_000;
export const RETRY_AFTER_SECONDS = 5;

const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_CANCELLED = 1;
const GRPC_FAILED_PRECONDITION = 9;

// The gRPC error itself or the one the SDK wrapped.
const grpcErrors = (e: unknown) => [e, (e as { cause?: unknown })?.cause].filter(isGrpcServiceError);

// The call's deadline passed: Temporal may have taken it and still be working on it (an update waiting for a busy worker).
export function deadlinePassed(e: unknown): boolean {
  return (
    grpcErrors(e).some((c) => [GRPC_DEADLINE_EXCEEDED, GRPC_CANCELLED].includes(c.code)) ||
    (e instanceof ServiceError && /deadline/i.test(e.message))
  );
}

function temporalDown(e: unknown): boolean {
  return (
    deadlinePassed(e) ||
    grpcErrors(e).some((c) => c.code === GRPC_UNAVAILABLE) ||
    (e instanceof ServiceError && /unavailable|connect/i.test(e.message))
  );
}

// Temporal dropped an update because the workflow task that carried it failed (a worker died mid-task, a task
// timed out, a run that tried to end while something else arrived): the case did not take it, and the same
// update sent again is taken once a worker runs the next task. Temporal says so with WorkflowNotReady.
export function stepNotTaken(e: unknown): boolean {
  return grpcErrors(e).some(
    (c) => c.code === GRPC_FAILED_PRECONDITION && /unexpected workflow task failure/i.test(c.details ?? c.message),
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
