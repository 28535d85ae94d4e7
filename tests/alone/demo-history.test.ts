// `npm start`'s first look (issue 35, item 5): on a fresh database, 90 days of history written through the
// paths a bank's data takes, which the reports, the experiments, the funnel and the churn reasons then show
// through the API; the demo agent's personal key opens a My day with work in it; a second start adds nothing;
// HOLDFAST_DEMO_HISTORY=off leaves the database empty. The history's duration is printed, not asserted.
import { Pool } from 'pg';
import { DEMO_AGENT, issueDevKeys } from '../../dev/dev-keys';
import { demoHistorySetting, fillAgentDay, fillFirstLook } from '../../dev/first-look';
import type { DemoHistory } from '../../dev/demo-history/history';
import { YOUNG_PLAYBOOK } from '../../dev/demo-history/experiments';
import { seedDemoCustomers } from '../../dev/seed';
import { startHarness, type Harness } from '../support/harness';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';

let own: OwnDatabase;
let h: Harness;
let sql: Pool;
// The history the second test writes; the tests after it read it (one fresh database for the file).
let history: DemoHistory | undefined;
beforeAll(async () => {
  own = await createOwnDatabase(process.env.HOLDFAST_TEST_DATABASE_URL!);
  h = await startHarness({ databaseUrl: own.url });
  await seedDemoCustomers(h.db);
  sql = new Pool({ connectionString: own.url, max: 1 });
}, 180_000);
afterAll(async () => {
  await sql.end();
  await h.stop();
  await own.drop();
});

const count = async (query: string) => Number((await sql.query<{ n: string }>(query)).rows[0]!.n);
const lastDays = (days: number) => `from=${new Date(Date.now() - days * 86_400_000).toISOString()}`;

test('off is off, and a value that is neither on nor off is refused', async () => {
  const lines: string[] = [];
  expect(await fillFirstLook(h.db, own.url, demoHistorySetting('off'), (l) => lines.push(l))).toBeUndefined();
  expect(lines).toEqual(['demo history off (HOLDFAST_DEMO_HISTORY=off)']);
  expect(await count('SELECT count(*) AS n FROM cases')).toBe(0);
  expect(demoHistorySetting(undefined)).toBe('on');
  expect(() => demoHistorySetting('no')).toThrow(/HOLDFAST_DEMO_HISTORY is "no"/);
});

test('a fresh database gets 90 days of history through the bank paths, once', async () => {
  const lines: string[] = [];
  history = await fillFirstLook(h.db, own.url, 'on', (l) => lines.push(l));
  console.log(`demo history on the test stack: ${lines.join('; ')}`);
  expect(history!.cases).toBeGreaterThan(1000);
  expect(history!.promotedArm).toBe('B');
  // Through the intake's store (every case has its signal, linked), the transition (the case's timeline, the
  // funnel row its triggers keep), with the case's own times.
  expect(
    await count(
      `SELECT count(*) AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM risk_signals s WHERE s.case_id = c.id)`,
    ),
  ).toBe(0);
  expect(
    await count(
      `SELECT count(*) AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_funnel f WHERE f.case_id = c.id)`,
    ),
  ).toBe(0);
  expect(await count(`SELECT count(*) AS n FROM cases WHERE opened_at < now() - interval '80 days'`)).toBeGreaterThan(
    100,
  );
  expect(await count(`SELECT count(*) AS n FROM risk_signals WHERE type = 'model_risk'`)).toBeGreaterThan(10);
  expect(await count('SELECT count(*) AS n FROM churn_models WHERE active')).toBe(1);
  expect(await count(`SELECT count(*) AS n FROM case_offers WHERE status = 'accepted'`)).toBeGreaterThan(100);
  // The churned cases' reasons were recorded by a supervisor afterwards, audited as such.
  expect(
    await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'case.churn_reason_recorded'`),
  ).toBeGreaterThan(10);

  const again = await fillFirstLook(h.db, own.url, 'on', () => undefined);
  expect(again).toBeUndefined();
  expect(await count('SELECT count(*) AS n FROM cases')).toBe(history!.cases);
});

test('reports, experiments, the funnel and churn reasons show the history at first look', async () => {
  const key = h.keys.supervisor;
  const retention = await h.call('GET', `/v1/reports/retention?${lastDays(91)}&groupBy=playbook`, { key });
  expect(retention.status).toBe(200);
  const retained = retention.body.rows.reduce((n: number, r: { retained: number }) => n + r.retained, 0);
  expect(retained).toBeGreaterThan(300);

  const experiments = await h.call('GET', `/v1/playbooks/${YOUNG_PLAYBOOK}/experiments`, { key });
  const [running, finished] = experiments.body.items;
  expect([running.status, finished.status, finished.promotedArm]).toEqual(['running', 'stopped', 'B']);
  const results = await h.call('GET', `/v1/experiments/${finished.id}`, { key });
  const arms = results.body.results.arms as { arm: string; conclusive: number }[];
  for (const arm of arms) expect(arm.conclusive).toBeGreaterThanOrEqual(300);

  const funnel = await h.call('GET', `/v1/playbooks/${YOUNG_PLAYBOOK}/funnel?${lastDays(91)}`, { key });
  expect(funnel.status).toBe(200);
  const steps = funnel.body.steps;
  expect(steps[0].entered).toBeGreaterThan(500);

  const reasons = await h.call('GET', `/v1/reports/churn-reasons?${lastDays(91)}`, { key });
  expect(reasons.status).toBe(200);
  expect(JSON.stringify(reasons.body)).toContain('better_rate_elsewhere');
});

test("the demo agent's personal key opens a My day with cases waiting and a callback promised", async () => {
  const keys = await issueDevKeys(h.db);
  const lines: string[] = [];
  await fillAgentDay({ url: h.baseUrl, systemKey: keys.system, agentKey: keys.agent }, history, (l) => lines.push(l));
  expect(lines.join()).toContain('a callback promised');
  const day = await h.call('GET', '/v1/me/today', { key: keys.agent });
  expect(day.status).toBe(200);
  expect(day.body.agent.id).toBe(DEMO_AGENT.id);
  // Assignment shares the six cases between the contact centre's two agents as their quota and open cases
  // stand at that moment, so Sam's share varies; his day always has the callback's case at least.
  expect(day.body.openCases).toBeGreaterThanOrEqual(1);
  expect(day.body.waiting.length + day.body.followUps.length).toBeGreaterThanOrEqual(1);
});
