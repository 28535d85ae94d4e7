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
