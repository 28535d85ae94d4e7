// What the Express app is built from: connectApi (api/server.ts) builds them for api/main.ts and dev/start.ts;
// tests and benchmarks build them the same way.
import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import type { Db } from '../config/database';
import type { Sql } from '../config/sql';
import type { ApiMetrics } from './metrics';
import type { Logger } from '../config/logger';
import type { CaseWorkflows } from './services/case-workflows';
import type { DependencyWatches } from './dependency-watch';

// What the local sinks captured; only the dev stack provides one (dev/sinks/outbox.ts).
export interface OutboxReader {
  list(filter: { kind?: 'sms' | 'email' | 'crm'; limit?: number }): unknown[];
}

export interface AppDeps {
  db: Db;
  // Prometheus metrics of this process (GET /metrics).
  metrics?: ApiMetrics;
  // This process's view of PostgreSQL and Temporal (outages under way and ended), for /ready, /metrics and
  // GET /v1/status.
  dependencies?: DependencyWatches;
  // True once the process is shutting down: /ready answers 503.
  isDraining?: () => boolean;
  // The same database through node-postgres, for the reads every board and case page makes.
  sql: Sql;
  temporal: Client;
  // The workers' task queue: rows the API writes to the CRM outbox (an erasure's) are relayed by its workers.
  taskQueue: string;
  cases: CaseWorkflows;
  logger: Logger;
  adminKey?: string;
  // Present only in the local stack: enables /dev/outbox.
  outbox?: OutboxReader;
  // For checking inbound Twilio webhooks against the public URL Twilio called.
  twilioAuthToken?: string;
  publicBaseUrl?: string;
  // The language of a customer who has none (HOLDFAST_DEFAULT_LOCALE); absent: English.
  defaultLocale?: string;
  // Requests per minute per API key (HOLDFAST_RATE_LIMIT_PER_MINUTE).
  rateLimitPerMinute?: number;
  // Requests per minute per client address to the survey pages (HOLDFAST_PUBLIC_RATE_LIMIT_PER_MINUTE).
  publicRateLimitPerMinute?: number;
  // Failed credentials per minute per client address before it is refused (HOLDFAST_FAILED_CREDENTIALS_PER_MINUTE).
  failedCredentialsPerMinute?: number;
  // The built dashboard (dist/web), served at /.
  webRoot?: string;
  // The codec the API's Temporal client encrypts with, served to supervisors at /v1/codec/{encode,decode}.
  payloadCodec?: PayloadCodec;
  // Browser origins (the Temporal UI's) allowed to call the codec endpoints (HOLDFAST_CODEC_CORS_ORIGINS).
  codecCorsOrigins?: string[];
}
