// Environment configuration, parsed once with zod; every name here is listed in docs/configuration.md.
import { z } from 'zod';
import { localeSchema } from '../domain/locale';
import { DURATION_PATTERN } from '../domain/duration';

const optionalString = z.string().trim().min(1).optional();

// Requests per minute per API key when HOLDFAST_RATE_LIMIT_PER_MINUTE is not set.
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
// Survey page and answer requests per minute per client address (a customer needs two).
export const DEFAULT_PUBLIC_RATE_LIMIT_PER_MINUTE = 30;
// Failed API keys or Twilio signatures per minute per client address.
export const DEFAULT_FAILED_CREDENTIALS_PER_MINUTE = 20;

export const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  TEMPORAL_ADDRESS: optionalString,
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('holdfast-retention'),
  TEMPORAL_TLS: z.enum(['true', 'false']).default('false'),
  TEMPORAL_TLS_CERT_PATH: optionalString,
  TEMPORAL_TLS_KEY_PATH: optionalString,
  TEMPORAL_API_KEY: optionalString,
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC/, 'Twilio account SIDs start with AC').optional(),
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_FROM: optionalString,
  // Points the Twilio SDK at a Twilio-compatible host (the local sink in dev and tests).
  TWILIO_API_BASE_URL: z.string().url().optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Holdfast <retention@holdfast.local>'),
  CRM_BASE_URL: z.string().url().optional(),
  PUBLIC_BASE_URL: z.string().url().default('http://localhost:3000'),
  // The language of a customer who has none: their messages and survey page (a BCP 47 tag, e.g. zh-CN).
  HOLDFAST_DEFAULT_LOCALE: localeSchema.default('en'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Keys that encrypt Temporal payloads (config/payload-codec.ts): "id:base64,id:base64", newest last.
  HOLDFAST_PAYLOAD_KEYS: optionalString,
  // Browser origins allowed to call /v1/codec (the Temporal UI's), comma-separated.
  HOLDFAST_CODEC_CORS_ORIGINS: optionalString,
  HOLDFAST_ADMIN_KEY: z.string().min(16, 'HOLDFAST_ADMIN_KEY must be at least 16 characters').optional(),
  HOLDFAST_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_RATE_LIMIT_PER_MINUTE),
  HOLDFAST_PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(DEFAULT_PUBLIC_RATE_LIMIT_PER_MINUTE),
  HOLDFAST_FAILED_CREDENTIALS_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(DEFAULT_FAILED_CREDENTIALS_PER_MINUTE),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  // Worker tuning (see worker/tuning.ts for what each bounds and why the defaults).
  // SIGTERM: how long the API keeps answering in-flight requests and the worker lets activities finish.
  HOLDFAST_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(3_600).default(20),
  // SIGTERM: how long the API reports 503 on /ready before it stops accepting connections (a load
  // balancer's health-check interval, so it stops sending traffic first).
  HOLDFAST_DRAIN_SECONDS: z.coerce.number().int().min(0).max(600).default(0),
  // host:port where the worker serves the Temporal SDK's Prometheus metrics (workflow and activity task
  // latencies, slots, cache, polls); unset: none.
  HOLDFAST_WORKER_METRICS_ADDRESS: z
    .string()
    .regex(/^[^:\s]+:\d{1,5}$/, 'host:port, e.g. 0.0.0.0:9464')
    .optional(),
  HOLDFAST_WORKER_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(500),
  HOLDFAST_WORKER_WORKFLOW_TASKS: z.coerce.number().int().min(2).max(1_000).default(40),
  HOLDFAST_WORKER_ACTIVITY_TASKS: z.coerce.number().int().min(1).max(1_000).default(100),
  HOLDFAST_WORKER_LOCAL_ACTIVITIES: z.coerce.number().int().min(1).max(1_000).default(100),
  // Scheduled detection (docs/provisioning.md): how often the sweep runs (a duration such as 15m; unset: the
  // worker leaves the schedule alone), where it reads signals, and the API and system key it posts them to.
  HOLDFAST_DETECTION_EVERY: z.string().regex(DURATION_PATTERN, 'a duration such as 30s, 15m, 1h or 1d').optional(),
  HOLDFAST_SIGNAL_FEED_DIR: optionalString,
  HOLDFAST_SIGNAL_FEED_URL: z.string().url().optional(),
  HOLDFAST_SIGNAL_FEED_TOKEN: optionalString,
  HOLDFAST_API_URL: z.string().url().optional(),
  HOLDFAST_API_KEY: optionalString,
  // With the API above: how often running experiments that asked for it promote a winning arm (docs/experiments.md).
  HOLDFAST_EXPERIMENT_REVIEW_EVERY: z
    .string()
    .regex(DURATION_PATTERN, 'a duration such as 30s, 15m, 1h or 1d')
    .default('1h'),
  // With the API above: how often the scoring sweep scores the book with the active early-warning model.
  HOLDFAST_SCORING_EVERY: z.string().regex(DURATION_PATTERN, 'a duration such as 30s, 15m, 1h or 1d').default('1d'),
  // Retention (docs/security.md): closed cases older than this many days, and customers with no open or recent
  // case, lose their personal data in an hourly sweep. Unset: kept until erased on request. Fractions are
  // allowed (0.5 is 12 hours), which is how tests use a period of seconds.
  HOLDFAST_RETENTION_DAYS: z.coerce.number().positive('a number of days above 0, e.g. 365').max(36_500).optional(),
});

export type Env = z.infer<typeof envSchema>;

// An empty variable is an unset one: Compose's ${VAR:-} and a blank line of an .env file both mean "not set".
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(
    Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== '')),
  );
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return result.data;
}

export const listOf = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function requireEnv<K extends keyof Env>(env: Env, key: K, why: string): NonNullable<Env[K]> {
  const value = env[key];
  if (value === undefined || value === null) throw new Error(`${String(key)} must be set: ${why}`);
  return value as NonNullable<Env[K]>;
}
