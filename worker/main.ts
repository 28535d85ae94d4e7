// `npm run worker`: a standalone worker process (production and docker-compose). SIGINT/SIGTERM drain it.
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import { createDb } from '../config/database';
import { parseEnv } from '../config/env';
import { processEnv } from '../config/process-env';
import { createLogger } from '../config/logger';
import { activityDepsFromEnv } from './activity-deps';
import { workerTuning } from './tuning';
import { createCaseWorker } from './create-worker';
import { scheduleDetection } from './detection-schedule';
import { scheduleAnonymisation } from './anonymisation-schedule';
import { scheduleApiWork } from './api-schedules';

async function main(): Promise<void> {
  const env = parseEnv();
  const logger = createLogger(env.LOG_LEVEL, { service: 'worker' });
  const { databaseUrl, temporal } = processEnv(env, 'worker');
  // Before any connection: the SDK's metrics go to a Prometheus endpoint of their own. Under `npm start` (a
  // child with an IPC channel) the SDK's own info lines (worker state changes) stay out of the newcomer's way.
  const metrics = env.HOLDFAST_WORKER_METRICS_ADDRESS;
  Runtime.install({
    logger: new DefaultLogger(process.send ? 'WARN' : 'INFO'),
    ...(metrics ? { telemetryOptions: { metrics: { prometheus: { bindAddress: metrics } } } } : {}),
  });
  if (metrics) logger.info('worker metrics served', { address: metrics });
  const db = createDb(databaseUrl);
  const deps = activityDepsFromEnv(env, db, logger);
  const { worker, connection, stopAfterWorker } = await createCaseWorker({
    temporal,
    deps,
    tuning: workerTuning(env),
  });
  if (env.HOLDFAST_DETECTION_EVERY) await scheduleDetection(temporal, env.HOLDFAST_DETECTION_EVERY, logger);
  if (deps.holdfastApi)
    await scheduleApiWork(
      temporal,
      { experimentReview: env.HOLDFAST_EXPERIMENT_REVIEW_EVERY, modelScoringSweep: env.HOLDFAST_SCORING_EVERY },
      logger,
    );
  // Always: with the setting off an existing schedule is deleted, so switching retention off takes effect.
  await scheduleAnonymisation(temporal, env.HOLDFAST_RETENTION_DAYS, logger);
  logger.info('worker started', { taskQueue: temporal.taskQueue, namespace: temporal.namespace });
  const running = worker.run();
  await tellParentWhenRunning(worker);
  try {
    await running;
  } finally {
    await stopAfterWorker();
    await connection.close();
    await db.$disconnect();
    logger.info('worker stopped');
  }
}

// Under `npm start` (dev/start.ts) the worker is a child with an IPC channel: the stack prints its banner once
// the worker polls for cases, so the banner is the last thing before the cases' own lines.
async function tellParentWhenRunning(worker: Worker): Promise<void> {
  if (!process.send) return;
  while (worker.getState() === 'INITIALIZED') await new Promise((r) => setTimeout(r, 20));
  if (worker.getState() === 'RUNNING') process.send({ running: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
