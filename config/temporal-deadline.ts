// How long the API waits on Temporal for one call, and how to tell that the wait ran out: a step or an erasure
// that passes it is answered "try again" (503 with Retry-After) instead of hanging the client.
import { isGrpcServiceError, ServiceError } from '@temporalio/client';

// How long the API waits on Temporal for one call before answering 503.
export const TEMPORAL_DEADLINE_MS = 5_000;
// What a 503 tells the client to wait before trying again, in seconds.
export const RETRY_AFTER_SECONDS = 5;

const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_CANCELLED = 1;

// The gRPC error itself or the one the SDK wrapped.
export const grpcErrors = (e: unknown) => [e, (e as { cause?: unknown })?.cause].filter(isGrpcServiceError);

// The call's deadline passed: Temporal may have taken it and still be working on it (an update waiting for a busy worker).
export function deadlinePassed(e: unknown): boolean {
  return (
    grpcErrors(e).some((c) => [GRPC_DEADLINE_EXCEEDED, GRPC_CANCELLED].includes(c.code)) ||
    (e instanceof ServiceError && /deadline/i.test(e.message))
  );
}

export const GRPC_FAILED_PRECONDITION = 9;

// Temporal dropped an update because the workflow task that carried it failed (a worker died mid-task, a task
// timed out, a run that tried to end while something else arrived): the case did not take it, and the same
// update sent again is taken once a worker runs the next task. Temporal says so with WorkflowNotReady.
export function stepNotTaken(e: unknown): boolean {
  return grpcErrors(e).some(
    (c) => c.code === GRPC_FAILED_PRECONDITION && /unexpected workflow task failure/i.test(c.details ?? c.message),
  );
}
