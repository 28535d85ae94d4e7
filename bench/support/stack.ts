// The stack every benchmark runs against, started once per run: the embedded PostgreSQL and Temporal dev
// server of `npm start` (or DATABASE_URL / TEMPORAL_ADDRESS), the local sinks, and the worker and the API
// each in its own process, as in production. Child processes die with the benchmark.
import type { ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import { createPayloadCodec, newPayloadKey, parsePayloadKeys } from '../../config/payload-codec';
import { createApiKey } from '../../api/services/api-keys';
import { httpPoster, type HttpAnswer } from '../../activities/clients/http-post';
import { createDb, type Db } from '../../config/database';
import { startInfrastructure } from '../../dev/infrastructure';
import { freePort } from '../../dev/ports';
import { seedReferenceData } from '../../dev/seed';
import { playbookDefinitionSchema } from '../../domain/playbook';
import { startLocalSinks, type LocalSinks } from '../../dev/sinks';
import { spawnTied } from '../../dev/tied-spawn';
import { say } from './measure';

const ROOT = join(__dirname, '..', '..');

export interface BenchStack {
  db: Db;
  databaseUrl: string;
  temporalAddress: string;
  temporalPid?: number;
  client: Client;
  payloadCodec: PayloadCodec;
  taskQueue: string;
  apiUrl: string;
  keys: { system: string; supervisor: string };
  sinks: LocalSinks;
  worker: ChildProcess;
  // The worker's Prometheus endpoint (the SDK's metrics: workflow cache hits and misses).
  workerMetricsUrl: string;
  api: ChildProcess;
  // Whether pg_stat_statements can be read (loaded in the embedded PostgreSQL).
  statementStats: boolean;
  stop(): Promise<void>;
}

// BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the worker and the API there when they stop.
const profileArgs = () =>
  process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];

// Each process logs to its own file under .data/bench/ (a pipe read by this process would make their log
// writes wait on it: Node writes to pipes synchronously); ready when `ready` matches a line of it.
async function startTs(
  file: string,
  env: Record<string, string>,
  ready: (line: string) => boolean,
): Promise<ChildProcess> {
  const logFile = join(ROOT, '.data', 'bench', `${file.replace(/\W+/g, '-')}-${process.pid}.log`);
  mkdirSync(dirname(logFile), { recursive: true });
  const out = openSync(logFile, 'w');
  const child = spawnTied(process.execPath, [...profileArgs(), '--import', 'tsx', join(ROOT, file)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, 'inherit'],
  });
  closeSync(out);
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    if (exited !== null) throw new Error(`${file} exited with code ${exited}; see ${logFile}`);
    if (readFileSync(logFile, 'utf8').split('\n').some(ready)) return child;
  }
  throw new Error(`${file} did not start within 120 s; see ${logFile}`);
}

export async function startBenchStack(): Promise<BenchStack> {
  let temporalPid: number | undefined;
  const infra = await startInfrastructure({
    dataDir: join(ROOT, '.data', 'bench'),
    persistent: false,
    ui: false,
    namespace: 'default',
    temporalAddress: process.env.TEMPORAL_ADDRESS,
    databaseUrl: process.env.DATABASE_URL,
    statementStats: true,
    onTemporalStarted: (pid) => (temporalPid = pid),
    log: say,
  });
  const db = createDb(infra.databaseUrl);
  await seedReferenceData(db);
  await seedBenchPlaybook(db);
  const statementStats = await db
    .$executeRawUnsafe('CREATE EXTENSION IF NOT EXISTS pg_stat_statements')
    .then(() => db.$queryRawUnsafe('SELECT 1 FROM pg_stat_statements LIMIT 1'))
    .then(
      () => true,
      () => false,
    );
  const sinks = await startLocalSinks();
  const taskQueue = `bench-holdfast-${Date.now()}`;
  const port = await freePort();
  const workerMetricsAddress = `127.0.0.1:${await freePort()}`;
  const apiUrl = `http://127.0.0.1:${port}`;
  const payloadKeys = newPayloadKey('bench');
  const payloadCodec = createPayloadCodec(parsePayloadKeys(payloadKeys));
  const common = {
    ...sinks.env,
    HOLDFAST_PAYLOAD_KEYS: payloadKeys,
    DATABASE_URL: infra.databaseUrl,
    TEMPORAL_ADDRESS: infra.temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    PUBLIC_BASE_URL: apiUrl,
  };
  say('starting the worker and the API, each in its own process');
  const [worker, api] = await Promise.all([
    startTs(
      'worker/main.ts',
      { ...common, LOG_LEVEL: 'info', HOLDFAST_WORKER_METRICS_ADDRESS: workerMetricsAddress },
      (l) => l.includes('"worker started"'),
    ),
    startTs(
      'api/main.ts',
      { ...common, PORT: String(port), LOG_LEVEL: 'info', HOLDFAST_RATE_LIMIT_PER_MINUTE: '1000000' },
      (l) => l.includes('"API listening"'),
    ),
  ]);
  const connection = await Connection.connect({ address: infra.temporalAddress });
  // With the stack's payload key: the benchmarks query cases, and the bare workflows are encrypted alike.
  const client = new Client({ connection, dataConverter: { payloadCodecs: [payloadCodec] } });
  const keys = {
    system: (await createApiKey(db, { name: 'bench system', role: 'system' })).key,
    supervisor: (await createApiKey(db, { name: 'bench supervisor', role: 'supervisor' })).key,
  };
  return {
    db,
    databaseUrl: infra.databaseUrl,
    temporalAddress: infra.temporalAddress,
    temporalPid,
    client,
    payloadCodec,
    taskQueue,
    apiUrl,
    keys,
    sinks,
    worker,
    workerMetricsUrl: `http://${workerMetricsAddress}/metrics`,
    api,
    statementStats,
    async stop() {
      const exited = (p: ChildProcess) => new Promise((r) => (p.exitCode !== null ? r(null) : p.once('exit', r)));
      worker.kill('SIGTERM');
      api.kill('SIGTERM');
      await Promise.race([Promise.all([exited(worker), exited(api)]), new Promise((r) => setTimeout(r, 15_000))]);
      await connection.close();
      await sinks.close();
      await db.$disconnect();
      await infra.stop();
    },
  };
}

// What the intake, latency, reads and parked benchmarks open cases on: the demo playbook with one contact
// attempt whose outcome the agent has 30 days to record. A case's work up to its first contact is the demo's,
// and nothing else of it runs during a measurement (with the demo's seconds-long waits, thousands of earlier
// cases would time out and retry contact while later ones are measured: a load no bank sees at intake).
export const BENCH_PLAYBOOK = 'bench-waits-on-agent';

async function seedBenchPlaybook(db: Db): Promise<void> {
  const demo = await db.playbookVersion.findFirstOrThrow({
    where: { playbookId: 'demo' },
    orderBy: { version: 'desc' },
  });
  const definition = playbookDefinitionSchema.parse(demo.definition);
  const waiting = {
    ...definition,
    name: 'Bench: waits on the agent',
    contact: { ...definition.contact, maxAttempts: 1, outcomeTimeout: '30d' },
  };
  await db.playbookVersion.upsert({
    where: { playbookId_version: { playbookId: BENCH_PLAYBOOK, version: 1 } },
    create: { playbookId: BENCH_PLAYBOOK, version: 1, name: waiting.name, definition: waiting },
    update: { definition: waiting },
  });
}

// Demo customers reachable by SMS, one per signal; `run` keeps each benchmark's customers its own.
export async function createBenchCustomers(db: Db, run: string, n: number, phoneBase: number) {
  const customers = Array.from({ length: n }, (_, i) => ({
    id: `bench-${run}-${i}`,
    phone: `+1${String(phoneBase + i).padStart(10, '0')}`,
  }));
  for (let i = 0; i < n; i += 5_000) {
    await db.customer.createMany({
      data: customers.slice(i, i + 5_000).map((c) => ({
        id: c.id,
        name: 'Bench Customer',
        tier: 'mass' as const,
        timeZone: 'UTC',
        phone: c.phone,
        preferredChannels: ['sms'],
        consentSms: true,
      })),
    });
  }
  return customers;
}

// A strong risk signal for a bench customer, as POST /v1/signals (and each item of /v1/signals/batch) takes it.
export const signalBody = (customerId: string, idempotencyKey: string, playbookId = BENCH_PLAYBOOK) => ({
  idempotencyKey,
  customerId,
  type: 'large_outflow',
  severity: 0.9,
  occurredAt: new Date().toISOString(),
  playbookId,
});

// The load generator posts over kept-alive node:http connections, not fetch(): it shares the two cores with
// the stack it measures, and fetch costs about 0.3 ms more CPU per request.
const post = httpPoster(60_000);

export function postJson(stack: BenchStack, path: string, body: unknown, key = stack.keys.system): Promise<HttpAnswer> {
  return post(new URL(path, stack.apiUrl), JSON.stringify(body), {
    authorization: `Bearer ${key}`,
    'content-type': 'application/json',
  });
}

export function postSignal(
  stack: BenchStack,
  customerId: string,
  idempotencyKey: string,
  playbookId = BENCH_PLAYBOOK,
): Promise<HttpAnswer> {
  return postJson(stack, '/v1/signals', signalBody(customerId, idempotencyKey, playbookId));
}
