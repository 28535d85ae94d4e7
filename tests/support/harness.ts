// One test file's slice of the real system: its own task queue, worker, local sinks and API server, on the
// shared Temporal server and database started by global-setup.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import { createApp } from '../../api/http/app';
import { answerClientErrorsAsJson } from '../../api/http/client-errors';
import { createApiKey } from '../../api/services/api-keys';
import { DEFAULT_WEB_ROOT } from '../../api/http/routes/dashboard';
import { connectApi } from '../../api/server';
import { createDb, type Db } from '../../config/database';
import { createSql } from '../../config/sql';
import { createLogger } from '../../config/logger';
import type { TemporalConnectionConfig } from '../../config/temporal';
import { parseEnv } from '../../config/env';
import type { Role } from '../../domain/vocabulary';
import { startLocalSinks, type LocalSinks } from '../../dev/sinks';
import { activityDepsFromEnv } from '../../worker/activity-deps';
import { createCaseWorker } from '../../worker/create-worker';
import { TEST_PAYLOAD_KEYS, testPayloadCodec } from './payload-keys';

export interface Harness {
  db: Db;
  sinks: LocalSinks;
  temporal: TemporalConnectionConfig;
  baseUrl: string;
  keys: Record<Role, string>;
  env: Record<string, string>;
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  call(
    method: string,
    path: string,
    options?: { key?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; headers: Headers }>;
  stop(): Promise<void>;
}

// The browser origin the test API lets call /v1/codec (as the Temporal UI's would be).
export const TEST_CODEC_ORIGIN = 'http://temporal-ui.test:8233';
export const TEST_ADMIN_KEY = 'test-bootstrap-admin-key-0123456789';

export const uniqueId = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

let runtimeInstalled = false;
function quietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('WARN') });
}

export interface HarnessOptions {
  worker?: boolean;
  rateLimitPerMinute?: number;
  publicRateLimitPerMinute?: number;
  failedCredentialsPerMinute?: number;
  // Receives every API log line (JSON), at info level and up.
  apiLog?: (line: string) => void;
  // A database of the test's own (the fuzz run's); the shared test database otherwise.
  databaseUrl?: string;
  // Signal feeds for the worker's detection sweep; it posts to this harness's API with its system key.
  detection?: { dropDir?: string; pullUrl?: string; pullToken?: string };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  quietRuntime();
  const databaseUrl = options.databaseUrl ?? process.env.HOLDFAST_TEST_DATABASE_URL!;
  const temporal: TemporalConnectionConfig = {
    address: process.env.HOLDFAST_TEST_TEMPORAL_ADDRESS!,
    namespace: 'default',
    taskQueue: uniqueId('test-queue'),
    payloadCodec: testPayloadCodec(),
  };
  const db = createDb(databaseUrl);
  const sinks = await startLocalSinks();
  const logger = createLogger('warn');

  let server: Server | undefined;
  const listening = new Promise<number>((resolve) => {
    // The API is created below; the port is needed first for PUBLIC_BASE_URL.
    server = require('node:http').createServer();
    answerClientErrorsAsJson(server!);
    server!.listen(0, '127.0.0.1', () => resolve((server!.address() as { port: number }).port));
  });
  const port = await listening;
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    ...sinks.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: temporal.taskQueue,
    PUBLIC_BASE_URL: baseUrl,
    LOG_LEVEL: 'warn',
    HOLDFAST_PAYLOAD_KEYS: TEST_PAYLOAD_KEYS,
  };

  const apiLogger = options.apiLog ? createLogger('info', {}, (line) => options.apiLog!(line)) : logger;
  const api = await connectApi({
    db,
    sql: createSql(databaseUrl),
    temporal,
    logger: apiLogger,
    adminKey: TEST_ADMIN_KEY,
    twilioAuthToken: sinks.env.TWILIO_AUTH_TOKEN,
    publicBaseUrl: baseUrl,
  });
  server!.on(
    'request',
    createApp({
      ...api,
      outbox: sinks.outbox,
      rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000,
      publicRateLimitPerMinute: options.publicRateLimitPerMinute ?? 100_000,
      failedCredentialsPerMinute: options.failedCredentialsPerMinute ?? 100_000,
      webRoot: DEFAULT_WEB_ROOT,
      codecCorsOrigins: [TEST_CODEC_ORIGIN],
    }),
  );

  const keys = {} as Record<Role, string>;
  for (const role of ['system', 'agent', 'supervisor', 'admin'] as Role[]) {
    keys[role] = (
      await createApiKey(db, { name: `test ${role}`, role, teamId: role === 'agent' ? 'contact-centre' : undefined })
    ).key;
  }
  if (options.detection?.dropDir) env.HOLDFAST_SIGNAL_FEED_DIR = options.detection.dropDir;
  if (options.detection?.pullUrl) env.HOLDFAST_SIGNAL_FEED_URL = options.detection.pullUrl;
  if (options.detection?.pullToken) env.HOLDFAST_SIGNAL_FEED_TOKEN = options.detection.pullToken;
  if (options.detection) Object.assign(env, { HOLDFAST_API_URL: baseUrl, HOLDFAST_API_KEY: keys.system });

  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  let workerConnectionClose: (() => Promise<void>) | undefined;
  const startWorker = async () => {
    const created = await createCaseWorker({
      temporal,
      deps: activityDepsFromEnv(parseEnv(env), db, logger),
      workflowBundle: { codePath: process.env.HOLDFAST_TEST_WORKFLOW_BUNDLE! },
    });
    worker = created.worker;
    workerConnectionClose = async () => {
      await created.stopAfterWorker();
      await created.connection.close();
    };
    running = worker.run();
  };
  const stopWorker = async () => {
    if (!worker) return;
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
    await workerConnectionClose?.();
    worker = undefined;
  };
  if (options.worker !== false) await startWorker();

  return {
    db,
    sinks,
    temporal,
    baseUrl,
    keys,
    env,
    startWorker,
    stopWorker,
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.key) headers.authorization = `Bearer ${opts.key}`;
      if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
      const send = () =>
        fetch(baseUrl + path, {
          method,
          headers,
          body:
            opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
        });
      // A kept-alive connection the server closed as idle just as a request went out on it is reset: a read is
      // sent again on a new connection, as browsers do (on a loaded machine the race is seen once in a while).
      const response = await send().catch((e: Error & { cause?: { code?: string } }) => {
        if (method !== 'GET' || !['ECONNRESET', 'UND_ERR_SOCKET'].includes(e.cause?.code ?? '')) throw e;
        return send();
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON (e.g. the survey page)
      }
      return { status: response.status, body, headers: response.headers };
    },
    async stop() {
      await stopWorker();
      await new Promise((r) => server!.close(r));
      await api.close();
      await sinks.close();
      await db.$disconnect();
    },
  };
}

// Polls until check() returns a value (not undefined), or fails with the last value seen.
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
