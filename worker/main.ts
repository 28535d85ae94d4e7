// `npm run worker`: a standalone worker process (production and docker-compose). SIGINT/SIGTERM drain it.
import { createDb } from '../config/database';
import { parseEnv, requireEnv } from '../config/env';
import { createLogger } from '../config/logger';
import { temporalConfig } from '../config/temporal';
import { activityDepsFromEnv } from './activity-deps';
import { workerTuning } from './tuning';
import { createCaseWorker } from './create-worker';

async function main(): Promise<void> {
  const env = parseEnv();
  const logger = createLogger(env.LOG_LEVEL, { service: 'worker' });
  const db = createDb(requireEnv(env, 'DATABASE_URL', 'the worker records cases in PostgreSQL'));
  const temporal = temporalConfig(env, requireEnv(env, 'TEMPORAL_ADDRESS', 'the worker needs a Temporal server'));
  const { worker, connection, stopAfterWorker } = await createCaseWorker({ temporal, deps: activityDepsFromEnv(env, db, logger), tuning: workerTuning(env) });
  logger.info('worker started', { taskQueue: temporal.taskQueue, namespace: temporal.namespace });
  try {
    await worker.run();
  } finally {
    await stopAfterWorker();
    await connection.close();
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
