// The API as a process of its own: connected to PostgreSQL and Temporal, listening, and stopped in order on
// SIGINT/SIGTERM. `npm run api` (production, docker-compose) and the `npm start` stack's API child share it.
import type { Server } from 'node:http';
import type { Outbox } from '../dev/sinks/outbox';
import { createDb } from '../config/database';
import { createSql } from '../config/sql';
import { listOf, type Env } from '../config/env';
import { processEnv } from '../config/process-env';
import type { Logger } from '../config/logger';
import { createApp } from './http/app';
import { answerClientErrorsAsJson } from './http/client-errors';
import { connectApi } from './server';
import { DEFAULT_WEB_ROOT } from './http/routes/dashboard';

export interface ApiProcessOptions {
  // The local sinks' outbox, served at /dev/outbox (npm start only).
  outbox?: Outbox;
  // Origins beyond HOLDFAST_CODEC_CORS_ORIGINS (the local Temporal UI).
  extraCodecOrigins?: string[];
  onStopped?: () => Promise<void>;
}

export async function serveApi(env: Env, logger: Logger, options: ApiProcessOptions = {}): Promise<Server> {
  const { databaseUrl, temporal } = processEnv(env, 'api');
  const db = createDb(databaseUrl);
  const deps = await connectApi({
    db,
    sql: createSql(databaseUrl),
    temporal,
    logger,
    adminKey: env.HOLDFAST_ADMIN_KEY,
    twilioAuthToken: env.TWILIO_AUTH_TOKEN,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    defaultLocale: env.HOLDFAST_DEFAULT_LOCALE,
  });
  let draining = false;
  const codecCorsOrigins = [...listOf(env.HOLDFAST_CODEC_CORS_ORIGINS), ...(options.extraCodecOrigins ?? [])];
  const app = createApp({
    ...deps,
    outbox: options.outbox,
    isDraining: () => draining,
    rateLimitPerMinute: env.HOLDFAST_RATE_LIMIT_PER_MINUTE,
    publicRateLimitPerMinute: env.HOLDFAST_PUBLIC_RATE_LIMIT_PER_MINUTE,
    failedCredentialsPerMinute: env.HOLDFAST_FAILED_CREDENTIALS_PER_MINUTE,
    webRoot: DEFAULT_WEB_ROOT,
    codecCorsOrigins,
  });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(env.PORT, () => resolve(s)).once('error', reject);
  });
  answerClientErrorsAsJson(server);
  logger.info('API listening', { port: env.PORT });
  // SIGTERM: /ready answers 503 for HOLDFAST_DRAIN_SECONDS (the load balancer stops sending), then no new
  // connections; requests in flight get HOLDFAST_SHUTDOWN_GRACE_SECONDS to finish; exit 0.
  const stop = async (signal: string) => {
    if (draining) return;
    draining = true;
    logger.info('API draining', {
      signal,
      drainSeconds: env.HOLDFAST_DRAIN_SECONDS,
      graceSeconds: env.HOLDFAST_SHUTDOWN_GRACE_SECONDS,
    });
    await new Promise((r) => setTimeout(r, env.HOLDFAST_DRAIN_SECONDS * 1000));
    const closed = new Promise((r) => server.close(r));
    server.closeIdleConnections();
    const graceOver = setTimeout(() => server.closeAllConnections(), env.HOLDFAST_SHUTDOWN_GRACE_SECONDS * 1000);
    await closed;
    clearTimeout(graceOver);
    await deps.close();
    await db.$disconnect();
    await options.onStopped?.();
    logger.info('API stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return server;
}
