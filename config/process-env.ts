// What the API and worker processes need from their environment before they connect to anything: parsed and
// checked here, so a missing variable stops the process at once with its name and why (and the compose test
// can check docker-compose.yml against the same rules).
import { requireEnv, type Env } from './env';
import { temporalConfig, type TemporalConnectionConfig } from './temporal';

export interface ProcessEnv {
  databaseUrl: string;
  temporal: TemporalConnectionConfig;
}

export function processEnv(env: Env, service: 'api' | 'worker'): ProcessEnv {
  const purpose =
    service === 'api'
      ? { db: 'the API reads cases from PostgreSQL', temporal: 'the API starts cases on Temporal' }
      : { db: 'the worker records cases in PostgreSQL', temporal: 'the worker needs a Temporal server' };
  return {
    databaseUrl: requireEnv(env, 'DATABASE_URL', purpose.db),
    temporal: temporalConfig(env, requireEnv(env, 'TEMPORAL_ADDRESS', purpose.temporal)),
  };
}
