// How failures of Temporal and PostgreSQL become HTTP answers: a busy or unreachable dependency is a 503
// with Retry-After (the caller retries), anything else is left to the generic handler.
import { ServiceError } from '@temporalio/client';
import { dependencyError } from '../../api/http/dependency-errors';
import { stepNotTaken } from '../../config/temporal-deadline';

// The shape of a gRPC error as @grpc/grpc-js raises it: an Error with a numeric code, details and metadata.
function grpcError(code: number, details: string): Error {
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
}

test('an update refused while the workflow task is being retried (a worker died mid-task) is 503 case_busy', () => {
  const raw = grpcError(9, 'Update-with-Start could not be executed.');
  const wrapped = Object.assign(
    new Error('Unable to perform workflow execution update due to Workflow Task in failed state.'),
    { cause: raw },
  );
  for (const e of [raw, wrapped]) {
    const answer = dependencyError(e);
    expect({ status: answer?.status, code: answer?.code, retryAfter: answer?.retryAfter }).toEqual({
      status: 503,
      code: 'case_busy',
      retryAfter: 5,
    });
  }
});

test('an update Temporal dropped with its failed workflow task is known as not taken, and answered 503 case_busy', () => {
  // As the client raises it (Temporal's WorkflowNotReady): the run tried to end while something else arrived.
  const dropped = new ServiceError('Workflow Update failed', {
    cause: grpcError(9, 'Unable to perform workflow execution update due to unexpected workflow task failure.'),
  });
  expect(stepNotTaken(dropped)).toBe(true);
  const answer = dependencyError(dropped);
  expect({ status: answer?.status, code: answer?.code, retryAfter: answer?.retryAfter }).toEqual({
    status: 503,
    code: 'case_busy',
    retryAfter: 5,
  });
  expect(answer?.message).toMatch(/did not take this; nothing was changed/);
  // Other refusals are not this one: they are answered by what they say.
  expect(
    stepNotTaken(new ServiceError('Workflow Update failed', { cause: grpcError(9, 'namespace is not active') })),
  ).toBe(false);
  expect(stepNotTaken(grpcError(5, 'workflow execution already completed'))).toBe(false);
});

test('an unreachable Temporal is 503 temporal_unavailable; another failed precondition is not a dependency error', () => {
  expect(dependencyError(grpcError(14, 'connect ECONNREFUSED'))?.code).toBe('temporal_unavailable');
  expect(dependencyError(grpcError(9, 'namespace is not active'))).toBeUndefined();
});
