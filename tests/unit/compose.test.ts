// docker-compose.yml cannot run here (no Docker engine), so this checks it against the code: Compose refuses
// to start without the one required setting (the payload key) and says so; with it, from an otherwise empty
// environment and from .env.example, every app service's environment passes the same checks the processes
// make at startup (config/env.ts, config/process-env.ts, the worker's clients); commands, ports and the
// published surface match.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Db } from '../../config/database';
import { envSchema, parseEnv } from '../../config/env';
import { createLogger } from '../../config/logger';
import { processEnv } from '../../config/process-env';
import { newPayloadKey } from '../../config/payload-codec';
import { activityDepsFromEnv } from '../../worker/activity-deps';

type Service = {
  image?: string;
  build?: string;
  command?: string[];
  ports?: string[];
  environment?: Record<string, unknown>;
  restart?: string;
  healthcheck?: unknown;
};
const ROOT = join(__dirname, '..', '..');
const raw = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
const APP_SERVICES = ['migrate', 'worker', 'api'] as const;

// Compose's interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, and $$ for $.
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}/g,
    (whole, name: string | undefined, colon: string, op: string, arg: string) => {
      if (whole === '$$') return '$';
      const set = name! in env && (colon !== ':' || env[name!] !== '');
      if (set) return env[name!]!;
      if (op === '?') throw new Error(`compose refuses to start: ${name}: ${arg}`);
      return op === '-' ? arg : '';
    },
  );
}

function withEnv(env: Record<string, string>): Record<string, Service> {
  const walk = (v: unknown): unknown =>
    typeof v === 'string'
      ? interpolate(v, env)
      : Array.isArray(v)
        ? v.map(walk)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
          : v;
  return walk(raw.services) as Record<string, Service>;
}

const dotEnv = (file: string) =>
  Object.fromEntries(
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
const stringEnv = (s: Service) =>
  Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, String(v)]));

test('without a payload key Compose refuses to start, naming the variable and where to look', () => {
  for (const env of [{}, dotEnv('.env.example')])
    expect(() => withEnv(env)).toThrow(/HOLDFAST_PAYLOAD_KEYS.*\.env\.example/);
});

const payloadKey = { HOLDFAST_PAYLOAD_KEYS: newPayloadKey('compose') };
describe.each([
  ['only a payload key', payloadKey],
  ['.env.example and a payload key', { ...dotEnv('.env.example'), ...payloadKey }],
])('with %s', (_label, env) => {
  const services = withEnv(env);

  test('each app service starts: its environment parses and holds what the process requires', () => {
    for (const name of APP_SERVICES) expect(() => parseEnv(stringEnv(services[name]!))).not.toThrow();
    expect(() => processEnv(parseEnv(stringEnv(services.api!)), 'api')).not.toThrow();
    const workerEnv = parseEnv(stringEnv(services.worker!));
    expect(() => processEnv(workerEnv, 'worker')).not.toThrow();
    const deps = activityDepsFromEnv(workerEnv, {} as Db, createLogger('error'));
    void deps.sql.end();
  });
});

test('.env.example names only variables the config reads, and each reaches an app service', () => {
  const configNames = Object.keys(envSchema.shape);
  const reaching = new Set(APP_SERVICES.flatMap((name) => Object.keys(raw.services[name]!.environment!)));
  for (const name of Object.keys(dotEnv('.env.example'))) {
    expect(configNames).toContain(name);
    expect([...reaching]).toContain(name);
  }
  for (const name of APP_SERVICES)
    for (const key of Object.keys(raw.services[name]!.environment!)) expect(configNames).toContain(key);
});

test('the stack: Temporal on PostgreSQL with its UI, the search attributes set up, worker and API from the Dockerfile', () => {
  const s = raw.services;
  expect(Object.keys(s)).toEqual(
    expect.arrayContaining([
      'postgresql',
      'temporal',
      'temporal-search-attributes',
      'temporal-ui',
      'mailcatcher',
      'migrate',
      'worker',
      'api',
    ]),
  );
  expect(s.temporal!.environment).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgresql' });
  for (const name of APP_SERVICES) {
    expect(s[name]!.build).toBe('.');
    const [npm, run, script] = s[name]!.command!;
    expect([npm, run]).toEqual(['npm', 'run']);
    expect(scripts[script!]).toBeDefined();
  }
});

test('long-running services restart; the API has a health check; only the API is published, the Temporal UI on loopback behind a profile', () => {
  const s = raw.services;
  for (const name of ['postgresql', 'temporal', 'temporal-ui', 'mailcatcher', 'worker', 'api'])
    expect([name, s[name]!.restart]).toEqual([name, 'unless-stopped']);
  expect(s.api!.healthcheck).toBeDefined();
  expect(s.postgresql!.healthcheck).toBeDefined();
  const published = Object.entries(s).flatMap(([name, svc]) => (svc.ports ?? []).map((p) => `${name} ${p}`));
  expect(published.sort()).toEqual(['api 3000:3000', 'temporal-ui 127.0.0.1:8080:8080']);
  expect((s['temporal-ui'] as { profiles?: string[] }).profiles).toEqual(['ui']);
  const env = withEnv(payloadKey).api!.environment as Record<string, string | number>;
  expect(`${env.PORT}`).toBe('3000');
  expect(new URL(String(env.DATABASE_URL)).hostname).toBe('postgresql');
  expect(String(env.TEMPORAL_ADDRESS)).toBe('temporal:7233');
  expect(new URL(String(env.SMTP_URL)).hostname).toBe('mailcatcher');
  expect(s['temporal-ui']!.environment).toMatchObject({ TEMPORAL_ADDRESS: env.TEMPORAL_ADDRESS });
});
