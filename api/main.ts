// `npm run api`: the standalone API process (production and docker-compose).
import { parseEnv } from '../config/env';
import { createLogger } from '../config/logger';
import { serveApi } from './api-process';

async function main(): Promise<void> {
  const env = parseEnv();
  await serveApi(env, createLogger(env.LOG_LEVEL, { service: 'api' }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
