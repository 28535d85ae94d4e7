// `npm start`: the whole system on this machine, laid out like production. This process starts the Temporal
// dev server (web UI on) and PostgreSQL (embedded unless DATABASE_URL is set) with migrations and demo data;
// the API (with the local SMTP / Twilio-shaped / CRM sinks) and the worker run as child processes of their
// own. Ctrl-C stops all of it; a child that stops on its own is reported and stops the stack.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDb } from '../config/database';
import { parseEnv } from '../config/env';
import { DEMO_AGENT, issueDevKeys } from './dev-keys';
import { demoHistorySetting, fillAgentDay, fillFirstLook } from './first-look';
import { localPayloadKeys } from './local-payload-key';
import { startInfrastructure } from './infrastructure';
import { seedDemoCustomers, seedReferenceData } from './seed';
import { messageFrom, startStackChild, stopStackChild } from './stack-child';
import { startFailureLine } from './start-failure';

// HOLDFAST_DEV_DATA_DIR: a stack of its own beside the usual one (bench/start-stack.ts measures one).
const DATA_DIR = process.env.HOLDFAST_DEV_DATA_DIR ?? join(__dirname, '..', '.data');

async function main(): Promise<void> {
  const baseEnv = parseEnv();
  const demoHistory = demoHistorySetting(process.env.HOLDFAST_DEMO_HISTORY);
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
    const publicBaseUrl = process.env.PUBLIC_BASE_URL ?? `http://localhost:${baseEnv.PORT}`;
    const db = createDb(infra.databaseUrl);
    await seedReferenceData(db);
    await seedDemoCustomers(db);
    const history = await fillFirstLook(db, infra.databaseUrl, demoHistory, say);
    const keys = await issueDevKeys(db);
    await db.$disconnect();
    // Scheduled detection reads signal files dropped here every minute and posts them to this API.
    const signalDrop = join(DATA_DIR, 'signal-drop');
    mkdirSync(signalDrop, { recursive: true });
    const detection = {
      HOLDFAST_SIGNAL_FEED_DIR: signalDrop,
      HOLDFAST_DETECTION_EVERY: '1m',
      HOLDFAST_API_URL: `http://127.0.0.1:${baseEnv.PORT}`,
      HOLDFAST_API_KEY: keys.system,
    };
    const stackEnv = {
      ...detection,
      HOLDFAST_PAYLOAD_KEYS: localPayloadKeys(DATA_DIR),
      ...process.env,
      DATABASE_URL: infra.databaseUrl,
      TEMPORAL_ADDRESS: infra.temporalAddress,
      PUBLIC_BASE_URL: publicBaseUrl,
      HOLDFAST_DEV_TEMPORAL_UI: infra.temporalUiUrl ?? '',
    };
    // For `npm run keys` while this stack runs (it has no DATABASE_URL of its own to find the embedded one).
    const stackFile = join(DATA_DIR, 'dev-stack.json');
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(stackFile, JSON.stringify({ databaseUrl: infra.databaseUrl }));
    cleanups.push(async () => rmSync(stackFile, { force: true }));

    const api = startStackChild('API', 'dev/stack-api.ts', stackEnv);
    cleanups.push(() => stopStackChild(api));
    const sinkEnv = await messageFrom(api, (m) => (m as { sinks?: Record<string, string> }).sinks);
    await messageFrom(api, (m) => (m as { listening?: number }).listening);
    // Providers the user configured (in stackEnv, from our environment) win over the API child's local sinks.
    const worker = startStackChild('worker', 'worker/main.ts', { ...sinkEnv, ...stackEnv });
    cleanups.push(() => stopStackChild(worker));
    // The banner below is the last thing printed before the cases' own lines: it waits for a running worker.
    await messageFrom(worker, (m) => (m as { running?: boolean }).running);
    const env = parseEnv({ ...sinkEnv, ...stackEnv });
    for (const child of [api, worker]) {
      void child.exited.then(async (line) => {
        if (stopping) return;
        console.error(`[holdfast] ${line} unexpectedly; stopping everything (its output is above)`);
        await stop(1);
      });
    }

    await fillAgentDay({ url: detection.HOLDFAST_API_URL, systemKey: keys.system, agentKey: keys.agent }, history, say);

    console.log(`
Holdfast is running.
  Dashboard      http://localhost:${env.PORT}/   (log in with the supervisor key below)
  API            http://localhost:${env.PORT}   (try: curl http://localhost:${env.PORT}/ready; contract at /v1/openapi.json)
  First look     ${demoHistory === 'on' ? `90 days of demo history: http://localhost:${env.PORT}/#/reports and /#/experiments (HOLDFAST_DEMO_HISTORY=off skips it on a fresh .data/)` : 'no demo history (HOLDFAST_DEMO_HISTORY=off)'}
  Outbox         http://localhost:${env.PORT}/dev/outbox   (SMS, email and CRM calls the local sinks caught)
  Temporal UI    ${infra.temporalUiUrl ?? `(external cluster: ${infra.temporalAddress})`}
  Temporal       ${infra.temporalAddress}   namespace ${env.TEMPORAL_NAMESPACE}, task queue ${env.TEMPORAL_TASK_QUEUE}
  SMTP sink      ${env.SMTP_URL}
  Twilio sink    ${env.TWILIO_API_BASE_URL}   (POST /_control/faults to make it fail, see README)
  Signal drop    ${env.HOLDFAST_SIGNAL_FEED_DIR ?? '(none)'}   (CSV or JSON signal files, read every ${env.HOLDFAST_DETECTION_EVERY ?? '-'}; GET /v1/detection)

API keys for this run (new ones each start; more with npm run keys -- create --role supervisor --name "..."):
  system      ${keys.system}
  agent       ${keys.agent}   (${DEMO_AGENT.name}, ${DEMO_AGENT.teamId}: My day at http://localhost:${env.PORT}/#/today)
  supervisor  ${keys.supervisor}
  admin       ${keys.admin}

Try a signal for a demo customer (the demo playbook runs in seconds and reaches the customer at any hour):
  curl -s -X POST http://localhost:${env.PORT}/v1/signals -H "Authorization: Bearer ${keys.system}" \\
    -H 'content-type: application/json' \\
    -d '{"idempotencyKey":"demo-'$(date +%s)'","customerId":"cust-1003","type":"large_outflow","severity":0.9,"occurredAt":"'$(date -Iseconds)'","playbookId":"demo"}'

Ctrl-C stops everything.
`);
  } catch (e) {
    console.error(`[holdfast] could not start: ${startFailureLine(e)}`);
    await stop(1);
  }
}

void main();
