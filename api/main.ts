// `npm run api`: the standalone API process (production and docker-compose).
import { createDb } from '../config/database';
import { createSql } from '../config/sql';
import { listOf, parseEnv } from '../config/env';
import { processEnv } from '../config/process-env';
import { createLogger } from '../config/logger';
import { createApp } from './app';
import { connectApi } from './server';
import { DEFAULT_WEB_ROOT } from './routes/dashboard';

async function main(): Promise<void> {
  const env = parseEnv();
  const logger = createLogger(env.LOG_LEVEL, { service: 'api' });
  const { databaseUrl, temporal } = processEnv(env, 'api');
  const db = createDb(databaseUrl);
  const deps = await connectApi({ db, sql: createSql(databaseUrl), temporal, logger, adminKey: env.HOLDFAST_ADMIN_KEY, twilioAuthToken: env.TWILIO_AUTH_TOKEN, publicBaseUrl: env.PUBLIC_BASE_URL });
  const server = createApp({ ...deps, rateLimitPerMinute: env.HOLDFAST_RATE_LIMIT_PER_MINUTE, publicRateLimitPerMinute: env.HOLDFAST_PUBLIC_RATE_LIMIT_PER_MINUTE, failedCredentialsPerMinute: env.HOLDFAST_FAILED_CREDENTIALS_PER_MINUTE, webRoot: DEFAULT_WEB_ROOT, codecCorsOrigins: listOf(env.HOLDFAST_CODEC_CORS_ORIGINS) }).listen(env.PORT, () => logger.info('API listening', { port: env.PORT }));
  const stop = () => server.close(async () => {
    await deps.close();
    await db.$disconnect();
    process.exit(0);
  });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
