// The Temporal worker for retention cases: workflows from ./workflows, activities wired with their clients.
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { connectionOptions, type TemporalConnectionConfig } from '../config/temporal';
import { startCrmRelay } from './crm-relay';
import type { WorkerTuning } from './tuning';
import { untilConnected } from '../config/retry';
import { bundleCaseWorkflows } from './workflow-bundle';

export interface CaseWorkerOptions {
  temporal: TemporalConnectionConfig;
  deps: ActivityDeps;
  // A prebuilt bundle (tests build it once); otherwise the worker bundles ./workflows at start, quietly.
  workflowBundle?: WorkerOptions['workflowBundle'];
  // Cache and concurrency limits (worker/tuning.ts); the SDK's defaults when absent.
  tuning?: WorkerTuning;
}

// The worker process also relays the CRM outbox of its task queue (see crm-relay.ts). stopAfterWorker(), once
// the worker has stopped, ends the relay and closes the activities' SQL pool.
export async function createCaseWorker(
  options: CaseWorkerOptions,
): Promise<{ worker: Worker; connection: NativeConnection; stopAfterWorker(): Promise<void> }> {
  // Temporal may come up after the worker (a container started first): wait for it, saying so.
  const connection = await untilConnected(
    `Temporal at ${options.temporal.address}`,
    () => NativeConnection.connect(connectionOptions(options.temporal)),
    options.deps.logger,
  );
  const worker = await Worker.create({
    connection,
    namespace: options.temporal.namespace,
    taskQueue: options.temporal.taskQueue,
    activities: createActivities(options.deps),
    dataConverter: { payloadCodecs: [options.temporal.payloadCodec] },
    ...options.tuning,
    workflowBundle: options.workflowBundle ?? (await bundleCaseWorkflows(options.deps.logger)),
  });
  const { sql, crm, logger } = options.deps;
  const relay = crm ? startCrmRelay({ sql, crm, taskQueue: options.temporal.taskQueue, logger }) : undefined;
  const stopAfterWorker = async () => {
    await relay?.stop();
    await sql.end();
  };
  return { worker, connection, stopAfterWorker };
}
