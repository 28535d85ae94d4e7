// Deleting a customer's case histories from Temporal on erasure. Every case of a customer is a run of the one
// workflow id retention-case/<customerId> (and a long case continues as new into more runs), so every run
// found under that id is deleted, plus the runs the case rows name in case visibility has not caught up.
// Temporal deletes asynchronously: describe answers "not found" shortly after.
import { isGrpcServiceError, type Client } from '@temporalio/client';

// gRPC status NOT_FOUND: the run is gone already.
const GRPC_NOT_FOUND = 5;
const notFound = (e: unknown) => isGrpcServiceError(e) && e.code === GRPC_NOT_FOUND;

async function deleteRun(client: Client, workflowId: string, runId?: string): Promise<boolean> {
  try {
    // A run still going is terminated first by Temporal itself.
    await client.workflowService.deleteWorkflowExecution({
      namespace: client.options.namespace,
      workflowExecution: { workflowId, runId },
    });
    return true;
  } catch (e) {
    if (notFound(e)) return false;
    throw e;
  }
}

async function listedRuns(client: Client, workflowId: string): Promise<string[]> {
  const runs: string[] = [];
  // The id is Holdfast's own (letters, digits, "-", "_", ":", "/"), never a caller's text: safe to quote.
  for await (const execution of client.workflow.list({ query: `WorkflowId = '${workflowId.replace(/'/g, '')}'` }))
    runs.push(execution.runId);
  return runs;
}

// How many runs were deleted now (0 when an earlier erasure deleted them already).
export async function deleteCaseHistories(client: Client, workflowId: string, knownRunIds: string[]): Promise<number> {
  const runs = new Set([...knownRunIds, ...(await listedRuns(client, workflowId))]);
  let deleted = 0;
  for (const runId of runs) if (await deleteRun(client, workflowId, runId)) deleted++;
  return deleted;
}
