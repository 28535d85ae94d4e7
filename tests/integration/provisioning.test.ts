// A bank's setup on an empty database (no demo seed): `npm run admin -- apply` with the example config, then a
// signal runs a case on it. Applying twice changes nothing; bad input is refused whole.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createActivities, type ActivityDeps } from '../../activities';
import { createDb } from '../../config/database';
import { createLogger } from '../../config/logger';
import { createSql, type Sql } from '../../config/sql';
import { outflowSignal } from '../support/fixtures';
import { eventually, startHarness, uniqueId, type Harness } from '../support/harness';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const EXAMPLE = 'examples/holdfast.config.yaml';
const EXAMPLE_CUSTOMERS = 'examples/customers.csv';

let database: OwnDatabase;
let h: Harness;
let sql: Sql | undefined;
beforeAll(async () => {
  database = await createOwnDatabase(process.env.HOLDFAST_TEST_DATABASE_URL!, { seed: false });
});
afterAll(async () => {
  await sql?.end();
  await h?.stop();
  await database?.drop();
});

const admin = (...args: string[]) =>
  run('npx', ['tsx', 'api/cli/admin-cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.url },
  });

test('npm run admin -- apply and npm run import bring an empty database to the example setup, once; a signal then runs a case on it', async () => {
  const empty = createDb(database.url);
  expect(await empty.team.count()).toBe(0);
  await empty.$disconnect();
  const first = (await admin('apply', EXAMPLE)).stdout;
  expect(first).toMatch(/teams\s+created 4, updated 0, unchanged 0/);
  expect(first).toMatch(/agents\s+created 7,/);
  expect(first).toMatch(/playbooks\s+created 1,/);
  expect(first).toMatch(/templates\s+created 8,/);
  expect(first).toMatch(/churnReasons\s+created 7,/);
  const again = (await admin('apply', EXAMPLE)).stdout;
  for (const kind of ['teams', 'agents', 'offers', 'playbooks', 'templates', 'churnReasons'])
    expect(again).toMatch(new RegExp(`${kind}\\s+created 0, updated 0, unchanged \\d+`));
  // The harness's agent key works a team of the applied setup (contact-centre), so it starts only now.
  h = await startHarness({ databaseUrl: database.url });
  expect(await h.db.playbookVersion.count({ where: { playbookId: 'standard' } })).toBe(1);

  // Export gives back what was applied: applying the export changes nothing.
  const exported = (await admin('export')).stdout;
  expect(exported).toContain('id: contact-centre');
  const file = join(mkdtempSync(join(tmpdir(), 'holdfast-')), 'exported.yaml');
  writeFileSync(file, exported);
  const reapplied = (await admin('apply', file)).stdout;
  for (const kind of ['teams', 'agents', 'offers', 'playbooks', 'templates', 'churnReasons'])
    expect(reapplied).toMatch(new RegExp(`${kind}\\s+created 0, updated 0, unchanged \\d+`));

  // The example customers, imported as a bank would: every row in, names as written.
  const imported = await run('npx', ['tsx', 'api/cli/import-cli.ts', EXAMPLE_CUSTOMERS], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.url },
  });
  expect(imported.stdout).toContain('5 rows');
  expect(imported.stdout).toContain('created 5, updated 0, unchanged 0, rejected 0');
  expect((await h.db.customer.findUniqueOrThrow({ where: { id: 'cust-2003' } })).name).toBe('山田 太郎');
  const customerId = 'cust-2005';
  const { caseId } = (
    await h.call('POST', '/v1/signals', {
      key: h.keys.system,
      body: { ...outflowSignal(customerId), playbookId: 'standard' },
    })
  ).body;
  const assigned = await eventually(async () => {
    const c = (await h.call('GET', `/v1/cases/${caseId}`, { key: h.keys.supervisor })).body;
    return c.assignee ? c : undefined;
  }, 'the case to be assigned from the applied setup');
  expect(assigned).toMatchObject({ team: { id: 'contact-centre' }, playbook: { id: 'standard' } });
  expect(['agent-cc-1', 'agent-cc-2']).toContain(assigned.assignee.id);
});

test("the bank's message templates are the words customers read; a template with a wrong placeholder is refused", async () => {
  // The standard playbook with no quiet hours and no holdout group, so the first message goes out whatever
  // the time of day and whichever customer id (5% of customers would otherwise get no treatment).
  const standard = (
    await h.db.playbookVersion.findFirstOrThrow({ where: { playbookId: 'standard' }, orderBy: { version: 'desc' } })
  ).definition as { contact: { policy: { quietHours: unknown } }; holdout: unknown };
  standard.contact.policy.quietHours = { start: '00:00', end: '00:00' };
  standard.holdout = { percent: 0 };
  expect(
    (
      await h.call('POST', '/v1/admin/apply', {
        key: h.keys.admin,
        body: { playbooks: [{ id: 'always-open', definition: standard }] },
      })
    ).status,
  ).toBe(200);
  const customerId = uniqueId('cust');
  const phone = '+34600999002';
  expect(
    (
      await h.call('PUT', `/v1/customers/${customerId}`, {
        key: h.keys.system,
        body: {
          name: 'Zoë Ng',
          // How the bank addresses her: {{firstName}} (1.0) and {{salutation}} say this, never a split name.
          salutation: 'Zoë',
          tier: 'mass',
          timeZone: 'Europe/Madrid',
          phone,
          preferredChannels: ['sms'],
          consent: { sms: true, email: false, phone: false },
        },
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await h.call('POST', '/v1/signals', {
        key: h.keys.system,
        body: { ...outflowSignal(customerId), playbookId: 'always-open' },
      })
    ).status,
  ).toBe(202);
  const sms = await h.sinks.outbox.waitFor((i) => i.kind === 'sms' && i.to === phone);
  expect(sms.body).toBe(
    "Hello Zoë, it's the client care team at your bank. We would like to check that your accounts still serve you well. Your adviser will call you soon, or reply to choose a time.",
  );

  const noLink = await h.call('PUT', '/v1/templates/survey', {
    key: h.keys.admin,
    body: { subject: 'Hi', text: 'Hello {{firstName}}, rate us {{score}}' },
  });
  expect(noLink.status).toBe(400);
  expect(noLink.body.error.message).toContain('{{score}} is not a placeholder of the survey message');
  expect(noLink.body.error.message).toContain('must include {{surveyLink}}');
  expect(
    (await h.call('PUT', '/v1/templates/letter', { key: h.keys.admin, body: { subject: 'Hi', text: 'Hello' } })).status,
  ).toBe(400);
  const contact = await h.call('PUT', '/v1/templates/contact', {
    key: h.keys.admin,
    body: { subject: 'A word from your bank', text: 'Hello {{name}}, please call us back.' },
  });
  expect(contact).toMatchObject({ status: 200, body: { result: 'updated' } });
  // One template per purpose, locale and channel: the English contact SMS was set by the setup and by this PUT.
  expect(await h.db.auditEntry.count({ where: { subjectType: 'template', subjectId: 'contact/en/sms' } })).toBe(2);
});

test('offers are made only inside their validity window; agents off shift are assigned only when nobody is on shift', async () => {
  const offer = { name: 'Winter campaign', kind: 'rate_bonus', drivers: ['product_yield'], tiers: ['mass'], cost: 10 };
  const past = await h.call('PUT', '/v1/offers/winter-2025', {
    key: h.keys.admin,
    body: { ...offer, validFrom: '2025-12-01T00:00:00+01:00', validUntil: '2026-02-28T23:59:59+01:00' },
  });
  expect(past.status).toBe(201);
  const stored = await h.db.offer.findUniqueOrThrow({ where: { id: 'winter-2025' } });
  expect(stored.validUntil!.toISOString()).toBe('2026-02-28T22:59:59.000Z');
  const reversed = await h.call('PUT', '/v1/offers/winter-2025', {
    key: h.keys.admin,
    body: { ...offer, validFrom: '2026-03-01T00:00:00Z', validUntil: '2026-02-01T00:00:00Z' },
  });
  expect([reversed.status, reversed.body.error.message]).toEqual([
    400,
    expect.stringContaining('validUntil (2026-02-01T00:00:00.000Z) must be after validFrom'),
  ]);
  sql = createSql(database.url);
  const acts = createActivities({ db: h.db, sql, logger: createLogger('warn') } as unknown as ActivityDeps);
  const catalog = await acts.listOfferCatalog();
  expect(catalog.map((o) => o.id)).toContain('concierge-service'); // valid 2026–2027
  expect(catalog.map((o) => o.id)).not.toContain('winter-2025');

  // A team whose only on-shift agent gets the case; with nobody on shift, the off-shift agent still does.
  // A zone where it is about noon now, so the test never runs at the edge of a working day.
  const now = new Date();
  const offset = 12 - now.getUTCHours();
  const timeZone = offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
  const week = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  const weekday = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(now).toLowerCase();
  const otherDay = week[(week.indexOf(weekday) + 3) % 7]!;
  await h.call('PUT', '/v1/teams/shift-team', {
    key: h.keys.admin,
    body: { name: 'Shift team', tiers: ['premier'], drivers: ['special_funds'] },
  });
  const agent = (id: string, days: string[]) =>
    h.call('PUT', `/v1/agents/${id}`, {
      key: h.keys.admin,
      body: {
        teamId: 'shift-team',
        name: id,
        skills: ['investments'],
        workingHours: { timeZone, days, from: '00:00', to: '23:59' },
      },
    });
  expect((await agent('shift-a-off', [otherDay])).status).toBe(201);
  expect((await agent('shift-b-on', [weekday])).status).toBe(201);
  expect(await acts.assignCase({ caseId: uniqueId('case'), tier: 'premier', driver: 'special_funds' })).toEqual({
    teamId: 'shift-team',
    agentId: 'shift-b-on',
  });
  await agent('shift-b-on', [otherDay]);
  expect(await acts.assignCase({ caseId: uniqueId('case'), tier: 'premier', driver: 'special_funds' })).toEqual({
    teamId: 'shift-team',
    agentId: 'shift-a-off',
  });
  const badHours = await h.call('PUT', '/v1/agents/shift-c', {
    key: h.keys.admin,
    body: {
      teamId: 'shift-team',
      name: 'C',
      workingHours: { timeZone: 'Mars/Base', days: [], from: '18:00', to: '09:00' },
    },
  });
  expect(badHours.status).toBe(400);
  expect(badHours.body.error.details.map((d: { path: string }) => d.path)).toEqual([
    'body.workingHours.timeZone',
    'body.workingHours.days',
    'body.workingHours.to',
  ]);
});

test('single PUTs are idempotent and audited; a config naming a missing team is refused whole', async () => {
  const team = { name: 'Retention desk', tiers: ['premier'], drivers: ['service'] };
  expect((await h.call('PUT', '/v1/teams/retention-desk', { key: h.keys.admin, body: team })).body.result).toBe(
    'created',
  );
  expect((await h.call('PUT', '/v1/teams/retention-desk', { key: h.keys.admin, body: team })).body.result).toBe(
    'unchanged',
  );
  const updated = await h.call('PUT', '/v1/teams/retention-desk', {
    key: h.keys.admin,
    body: { ...team, name: 'Retention desk (EU)' },
  });
  expect(updated).toMatchObject({ status: 200, body: { result: 'updated' } });
  expect(await h.db.auditEntry.count({ where: { subjectType: 'team', subjectId: 'retention-desk' } })).toBe(2);
  expect((await h.call('PUT', '/v1/teams/retention-desk', { key: h.keys.supervisor, body: team })).status).toBe(403);

  const bad = await h.call('POST', '/v1/admin/apply', {
    key: h.keys.admin,
    body: {
      teams: [{ id: 'new-team', name: 'New', tiers: ['mass'] }],
      agents: [{ id: 'new-agent', teamId: 'no-such-team', name: 'N' }],
    },
  });
  expect(bad).toMatchObject({ status: 400, body: { error: { code: 'team_not_found' } } });
  expect(await h.db.team.count({ where: { id: 'new-team' } })).toBe(0);
  const typo = await h.call('POST', '/v1/admin/apply', {
    key: h.keys.admin,
    body: { teams: [{ id: 't', name: 'T', tiers: ['gold'] }] },
  });
  expect(typo.status).toBe(400);
  expect(typo.body.error.details[0].path).toBe('body.teams.0.tiers.0');
});
