// `npm start`: the whole system on this machine. Temporal dev server (web UI on), PostgreSQL (embedded unless
// DATABASE_URL is set) with migrations and demo data, local SMTP / Twilio-shaped / CRM sinks, the worker and
// the API. Ctrl-C stops all of it.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { createApp } from '../api/app';
import { DEFAULT_WEB_ROOT } from '../api/routes/dashboard';
import { connectApi } from '../api/server';
import { createDb } from '../config/database';
import { createSql } from '../config/sql';
import { listOf, parseEnv } from '../config/env';
import { createLogger } from '../config/logger';
import { temporalConfig } from '../config/temporal';
import { activityDepsFromEnv } from '../worker/activity-deps';
import { workerTuning } from '../worker/tuning';
import { createCaseWorker } from '../worker/create-worker';
import { scheduleDetection } from '../worker/detection-schedule';
import { scheduleAnonymisation } from '../worker/anonymisation-schedule';
import { issueDevKeys } from './dev-keys';
import { localPayloadKeys } from './local-payload-key';
import { startInfrastructure } from './infrastructure';
import { seedDemoCustomers, seedReferenceData } from './seed';
import { startLocalSinks } from './sinks';

const DATA_DIR = join(__dirname, '..', '.data');

async function main(): Promise<void> {
  const baseEnv = parseEnv();
  const logger = createLogger(baseEnv.LOG_LEVEL, { service: 'holdfast-dev' });
  const say = (msg: string) => console.log(`[holdfast] ${msg}`);
  const cleanups: (() => Promise<unknown>)[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping...');
    for (const cleanup of cleanups.reverse()) await cleanup().catch((e) => console.error(e));
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  try {
    const infra = await startInfrastructure({
      dataDir: DATA_DIR,
      persistent: true,
      ui: true,
      namespace: baseEnv.TEMPORAL_NAMESPACE,
      temporalAddress: baseEnv.TEMPORAL_ADDRESS,
      databaseUrl: baseEnv.DATABASE_URL,
      log: say,
    });
    cleanups.push(infra.stop);
    const sinks = await startLocalSinks();
    cleanups.push(sinks.close);

    const publicBaseUrl = process.env.PUBLIC_BASE_URL ?? `http://localhost:${baseEnv.PORT}`;
    const db = createDb(infra.databaseUrl);
    cleanups.push(() => db.$disconnect());
    await seedReferenceData(db);
    await seedDemoCustomers(db);
    const keys = await issueDevKeys(db);
    // Scheduled detection reads signal files dropped here every minute and posts them to this API.
    const signalDrop = join(DATA_DIR, 'signal-drop');
    mkdirSync(signalDrop, { recursive: true });
    const detection = { HOLDFAST_SIGNAL_FEED_DIR: signalDrop, HOLDFAST_DETECTION_EVERY: '1m', HOLDFAST_API_URL: `http://127.0.0.1:${baseEnv.PORT}`, HOLDFAST_API_KEY: keys.system };
    // Providers the user configured win; the rest go to the local sinks.
    const env = parseEnv({ ...sinks.env, ...detection, HOLDFAST_PAYLOAD_KEYS: localPayloadKeys(DATA_DIR), ...process.env, DATABASE_URL: infra.databaseUrl, TEMPORAL_ADDRESS: infra.temporalAddress, PUBLIC_BASE_URL: publicBaseUrl });
    // For `npm run keys` while this stack runs (it has no DATABASE_URL of its own to find the embedded one).
    const stackFile = join(DATA_DIR, 'dev-stack.json');
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(stackFile, JSON.stringify({ databaseUrl: infra.databaseUrl }));
    cleanups.push(async () => rmSync(stackFile, { force: true }));

    const temporal = temporalConfig(env, infra.temporalAddress);
    const { worker, connection, stopAfterWorker } = await createCaseWorker({ temporal, deps: activityDepsFromEnv(env, db, logger.child({ service: 'worker' })), tuning: workerTuning(env) });
    const running = worker.run();
    if (env.HOLDFAST_DETECTION_EVERY) await scheduleDetection(temporal, env.HOLDFAST_DETECTION_EVERY, logger.child({ service: 'worker' }));
    await scheduleAnonymisation(temporal, env.HOLDFAST_RETENTION_DAYS, logger.child({ service: 'worker' }));
    cleanups.push(async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await stopAfterWorker();
      await connection.close();
    });

    const api = await connectApi({ db, sql: createSql(infra.databaseUrl), temporal, logger: logger.child({ service: 'api' }), adminKey: env.HOLDFAST_ADMIN_KEY, twilioAuthToken: env.TWILIO_AUTH_TOKEN, publicBaseUrl: env.PUBLIC_BASE_URL });
    // The local Temporal UI may show decrypted payloads through the API's codec endpoint.
    const codecCorsOrigins = [...listOf(env.HOLDFAST_CODEC_CORS_ORIGINS), ...(infra.temporalUiUrl ? [new URL(infra.temporalUiUrl).origin] : [])];
    const app = createApp({ ...api, outbox: sinks.outbox, rateLimitPerMinute: env.HOLDFAST_RATE_LIMIT_PER_MINUTE, publicRateLimitPerMinute: env.HOLDFAST_PUBLIC_RATE_LIMIT_PER_MINUTE, failedCredentialsPerMinute: env.HOLDFAST_FAILED_CREDENTIALS_PER_MINUTE, webRoot: DEFAULT_WEB_ROOT, codecCorsOrigins });
    const server: Server = await new Promise((resolve, reject) => {
      const s = app.listen(env.PORT, () => resolve(s)).once('error', reject);
    });
    cleanups.push(async () => {
      await new Promise((r) => server.close(r));
      await api.close();
    });

    console.log(`
Holdfast is running.
  Dashboard      http://localhost:${env.PORT}/   (log in with the supervisor key below)
  API            http://localhost:${env.PORT}   (try: curl http://localhost:${env.PORT}/ready; contract at /v1/openapi.json)
  Outbox         http://localhost:${env.PORT}/dev/outbox   (SMS, email and CRM calls the local sinks caught)
  Temporal UI    ${infra.temporalUiUrl ?? '(external cluster: ' + infra.temporalAddress + ')'}
  Temporal       ${infra.temporalAddress}   namespace ${env.TEMPORAL_NAMESPACE}, task queue ${env.TEMPORAL_TASK_QUEUE}
  SMTP sink      ${sinks.env.SMTP_URL}
  Twilio sink    ${sinks.env.TWILIO_API_BASE_URL}   (POST /_control/faults to make it fail, see README)
  Signal drop    ${env.HOLDFAST_SIGNAL_FEED_DIR ?? '(none)'}   (CSV or JSON signal files, read every ${env.HOLDFAST_DETECTION_EVERY ?? '-'}; GET /v1/detection)

API keys for this run (new ones each start; more with npm run keys -- create --role supervisor --name "..."):
  system      ${keys.system}
  agent       ${keys.agent}   (team contact-centre)
  supervisor  ${keys.supervisor}
  admin       ${keys.admin}

Try a signal for a demo customer:
  curl -s -X POST http://localhost:${env.PORT}/v1/signals -H "Authorization: Bearer ${keys.system}" \\
    -H 'content-type: application/json' \\
    -d '{"idempotencyKey":"demo-'$(date +%s)'","customerId":"cust-1003","type":"large_outflow","severity":0.9,"occurredAt":"'$(date -Iseconds)'"}'

Ctrl-C stops everything.
`);
    await running.catch(async (e) => {
      if (!stopping) {
        console.error('worker stopped unexpectedly', e);
        await stop(1);
      }
    });
  } catch (e) {
    console.error(`[holdfast] could not start: ${(e as Error).message}`);
    await stop(1);
  }
}

void main();
