// docker-compose.yml cannot run here (no Docker engine), so this keeps it true to the code: services, ports,
// commands and environment names must match config/env.ts and package.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { envSchema } from '../../config/env';

const ROOT = join(__dirname, '..', '..');
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { image?: string; build?: string; command?: string[]; ports?: string[]; environment?: Record<string, unknown> }>;
};
const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
const API_MD_ENV = ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'TEMPORAL_TASK_QUEUE', 'TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM', 'SMTP_URL', 'MAIL_FROM', 'CRM_BASE_URL', 'PUBLIC_BASE_URL', 'PORT', 'HOLDFAST_ADMIN_KEY'];
const configNames = Object.keys(envSchema.shape);

test('the stack has Temporal on PostgreSQL, its UI, PostgreSQL, worker, API and a mail catcher', () => {
  expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgresql', 'temporal', 'temporal-ui', 'mailcatcher', 'worker', 'api']));
  expect(compose.services.temporal!.environment).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgresql' });
  expect(compose.services.worker!.build).toBe('.');
  expect(compose.services.api!.build).toBe('.');
});

test('worker and API run package.json scripts that exist', () => {
  for (const name of ['worker', 'api', 'migrate']) {
    const [npm, run, script] = compose.services[name]!.command!;
    expect([npm, run]).toEqual(['npm', 'run']);
    expect(scripts[script!]).toBeDefined();
  }
});

test('every environment name the app services get is one the config code reads', () => {
  for (const name of ['worker', 'api', 'migrate']) {
    for (const key of Object.keys(compose.services[name]!.environment!)) expect(configNames).toContain(key);
  }
  // The contract's names are all read by the config and all set for the API.
  expect(configNames).toEqual(expect.arrayContaining(API_MD_ENV));
  expect(Object.keys(compose.services.api!.environment!)).toEqual(expect.arrayContaining(API_MD_ENV));
});

test('ports line up with the addresses the services are given', () => {
  const env = compose.services.api!.environment as Record<string, string | number>;
  expect(compose.services.api!.ports).toContain(`${env.PORT}:${envSchema.shape.PORT.parse(undefined)}`);
  expect(compose.services.temporal!.ports).toContain(`${String(env.TEMPORAL_ADDRESS).split(':')[1]}:7233`);
  const smtp = new URL(String(env.SMTP_URL));
  expect(smtp.hostname).toBe('mailcatcher');
  expect(compose.services.mailcatcher!.ports).toContain(`${smtp.port}:${smtp.port}`);
  const db = new URL(String(env.DATABASE_URL));
  expect(db.hostname).toBe('postgresql');
  expect(compose.services.postgresql!.ports).toContain(`${db.port}:5432`);
  expect(compose.services['temporal-ui']!.environment).toMatchObject({ TEMPORAL_ADDRESS: env.TEMPORAL_ADDRESS });
});
