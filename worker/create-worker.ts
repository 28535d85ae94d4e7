// The Temporal worker for retention cases: workflows from ./workflows, activities wired with their clients.
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { connectionOptions, type TemporalConnectionConfig } from '../config/temporal';
import { startCrmRelay } from './crm-relay';

export interface CaseWorkerOptions {
  temporal: TemporalConnectionConfig;
  deps: ActivityDeps;
  // A prebuilt bundle (tests build it once); otherwise the worker bundles ./workflows at start.
  workflowBundle?: WorkerOptions['workflowBundle'];
}

// The worker process also relays the CRM outbox of its task queue (see crm-relay.ts); stopRelay() ends that.
export async function createCaseWorker(options: CaseWorkerOptions): Promise<{ worker: Worker; connection: NativeConnection; stopRelay(): Promise<void> }> {
  const connection = await NativeConnection.connect(connectionOptions(options.temporal));
  const worker = await Worker.create({
    connection,
    namespace: options.temporal.namespace,
    taskQueue: options.temporal.taskQueue,
    activities: createActivities(options.deps),
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: require.resolve('../workflows') }),
  });
  const { db, crm, logger } = options.deps;
  const relay = crm ? startCrmRelay({ db, crm, taskQueue: options.temporal.taskQueue, logger }) : undefined;
  return { worker, connection, stopRelay: async () => relay?.stop() };
}
