// A bank's setup on an empty database (no demo seed): `npm run admin -- apply` with the example config, then a
// signal runs a case on it. Applying twice changes nothing; bad input is refused whole.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createDb } from '../../config/database';
import { outflowSignal } from '../support/fixtures';
import { eventually, startHarness, uniqueId, type Harness } from '../support/harness';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const EXAMPLE = 'examples/holdfast.config.yaml';

let database: OwnDatabase;
let h: Harness;
beforeAll(async () => {
  database = await createOwnDatabase(process.env.HOLDFAST_TEST_DATABASE_URL!, { seed: false });
});
afterAll(async () => {
  await h?.stop();
  await database?.drop();
});

const admin = (...args: string[]) => run('npx', ['tsx', 'api/admin-cli.ts', ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: database.url } });

test('npm run admin -- apply brings an empty database to the example setup, once; a signal then runs a case on it', async () => {
  const empty = createDb(database.url);
  expect(await empty.team.count()).toBe(0);
  await empty.$disconnect();
  const first = (await admin('apply', EXAMPLE)).stdout;
  expect(first).toMatch(/teams\s+created 4, updated 0, unchanged 0/);
  expect(first).toMatch(/agents\s+created 7,/);
  expect(first).toMatch(/playbooks\s+created 1,/);
  const again = (await admin('apply', EXAMPLE)).stdout;
  for (const kind of ['teams', 'agents', 'offers', 'playbooks']) expect(again).toMatch(new RegExp(`${kind}\\s+created 0, updated 0, unchanged \\d+`));
  // The harness's agent key works a team of the applied setup (contact-centre), so it starts only now.
  h = await startHarness({ databaseUrl: database.url });
  expect(await h.db.playbookVersion.count({ where: { playbookId: 'standard' } })).toBe(1);

  // Export gives back what was applied: applying the export changes nothing.
  const exported = (await admin('export')).stdout;
  expect(exported).toContain('id: contact-centre');
  const file = join(mkdtempSync(join(tmpdir(), 'holdfast-')), 'exported.yaml');
  writeFileSync(file, exported);
  const reapplied = (await admin('apply', file)).stdout;
  for (const kind of ['teams', 'agents', 'offers', 'playbooks']) expect(reapplied).toMatch(new RegExp(`${kind}\\s+created 0, updated 0, unchanged \\d+`));

  const customerId = uniqueId('cust');
  const put = await h.call('PUT', `/v1/customers/${customerId}`, { key: h.keys.system, body: { name: 'Zoë Ng', tier: 'mass', timeZone: 'Europe/Madrid', phone: '+34600999001', preferredChannels: ['sms'], consent: { sms: true, email: false, phone: false }, assetsUnderManagement: 20_000 } });
  expect(put.status).toBe(201);
  const { caseId } = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: { ...outflowSignal(customerId), playbookId: 'standard' } })).body;
  const assigned = await eventually(async () => {
    const c = (await h.call('GET', `/v1/cases/${caseId}`, { key: h.keys.supervisor })).body;
    return c.assignee ? c : undefined;
  }, 'the case to be assigned from the applied setup');
  expect(assigned).toMatchObject({ team: { id: 'contact-centre' }, playbook: { id: 'standard' } });
  expect(['agent-cc-1', 'agent-cc-2']).toContain(assigned.assignee.id);
});

test('single PUTs are idempotent and audited; a config naming a missing team is refused whole', async () => {
  const team = { name: 'Retention desk', tiers: ['premier'], drivers: ['service'] };
  expect((await h.call('PUT', '/v1/teams/retention-desk', { key: h.keys.admin, body: team })).body.result).toBe('created');
  expect((await h.call('PUT', '/v1/teams/retention-desk', { key: h.keys.admin, body: team })).body.result).toBe('unchanged');
  const updated = await h.call('PUT', '/v1/teams/retention-desk', { key: h.keys.admin, body: { ...team, name: 'Retention desk (EU)' } });
  expect(updated).toMatchObject({ status: 200, body: { result: 'updated' } });
  expect(await h.db.auditEntry.count({ where: { subjectType: 'team', subjectId: 'retention-desk' } })).toBe(2);
  expect((await h.call('PUT', '/v1/teams/retention-desk', { key: h.keys.supervisor, body: team })).status).toBe(403);

  const bad = await h.call('POST', '/v1/admin/apply', { key: h.keys.admin, body: { teams: [{ id: 'new-team', name: 'New', tiers: ['mass'] }], agents: [{ id: 'new-agent', teamId: 'no-such-team', name: 'N' }] } });
  expect(bad).toMatchObject({ status: 400, body: { error: { code: 'team_not_found' } } });
  expect(await h.db.team.count({ where: { id: 'new-team' } })).toBe(0);
  const typo = await h.call('POST', '/v1/admin/apply', { key: h.keys.admin, body: { teams: [{ id: 't', name: 'T', tiers: ['gold'] }] } });
  expect(typo.status).toBe(400);
  expect(typo.body.error.details[0].path).toBe('body.teams.0.tiers.0');
});
