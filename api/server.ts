// Builds the app's dependencies from a database URL and a Temporal connection config.
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import type { Db } from '../config/database';
import type { Sql } from '../config/sql';
import type { Logger } from '../config/logger';
import { connectionOptions, type TemporalConnectionConfig } from '../config/temporal';
import { createCaseWorkflows } from './services/case-workflows';
import type { AppDeps } from './deps';
import { createApiMetrics } from './metrics';
import { watchDependencies } from './dependency-watch';

// `sql` (node-postgres, for the hot reads) is the API's own from here on: close() ends it.
export async function connectApi(options: {
  db: Db;
  sql: Sql;
  temporal: TemporalConnectionConfig;
  logger: Logger;
  adminKey?: string;
  twilioAuthToken?: string;
  publicBaseUrl?: string;
  defaultLocale?: string;
}): Promise<AppDeps & { close(): Promise<void> }> {
  // Lazy: the API starts (and /ready says why) even when Temporal is down. Its gRPC retries fit inside the
  // API's own deadline (TEMPORAL_DEADLINE_MS), so nothing keeps retrying after a request answered 503.
  const connection = Connection.lazy({
    ...connectionOptions(options.temporal),
    connectTimeout: 3_000,
    interceptors: [
      makeGrpcRetryInterceptor(
        defaultGrpcRetryOptions({ maxAttempts: 4, initialIntervalMs: () => 100, maxIntervalMs: () => 1_000 }),
      ),
    ],
  });
  const client = new Client({
    connection,
    namespace: options.temporal.namespace,
    dataConverter: { payloadCodecs: [options.temporal.payloadCodec] },
  });
  const dependencies = watchDependencies(options.sql, client, options.logger);
  return {
    db: options.db,
    sql: options.sql,
    temporal: client,
    taskQueue: options.temporal.taskQueue,
    cases: createCaseWorkflows(client, options.temporal.taskQueue),
    logger: options.logger,
    adminKey: options.adminKey,
    twilioAuthToken: options.twilioAuthToken,
    publicBaseUrl: options.publicBaseUrl,
    defaultLocale: options.defaultLocale,
    payloadCodec: options.temporal.payloadCodec,
    metrics: createApiMetrics(options.sql, dependencies),
    dependencies,
    close: async () => {
      dependencies.stop();
      await connection.close();
      await options.sql.end();
    },
  };
}
