// Retention: the hourly Temporal Schedule runs the anonymisation sweep, which removes the personal data of
// cases closed longer ago than HOLDFAST_RETENTION_DAYS (here a few seconds, as a fraction of a day) and of
// customers with nothing open or recent; younger and open cases keep theirs, and reports count as before.
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { outflowSignal, waitForClosed, waitForStage } from '../support/fixtures';
import { eventually, startHarness, uniqueId, type Harness } from '../support/harness';
import { columnsHolding } from '../support/personal-data';
import { harnessClient } from '../support/temporal-client';
import { ANONYMISATION_SCHEDULE_ID, ensureAnonymisationSchedule } from '../../worker/anonymisation-schedule';
import type { AnonymisationSweepResult } from '../../workflows/anonymisation-sweep';

const RETENTION_SECONDS = 6;
const retentionDays = RETENTION_SECONDS / 86_400;

let h: Harness;
let client: Client;
let closeClient: (() => Promise<void>) | undefined;
const startedAt = new Date(Date.now() - 60_000);
beforeAll(async () => {
  h = await startHarness();
  ({ client, close: closeClient } = await harnessClient(h));
});
afterAll(async () => {
  await client?.schedule.getHandle(ANONYMISATION_SCHEDULE_ID).delete().catch(() => undefined);
  await closeClient?.();
  await h?.stop();
});

// A customer whose values are unique to them, so finding one anywhere means it was kept.
async function customerWithSignal(signal: Record<string, unknown>) {
  const id = uniqueId('retained');
  const secret = randomUUID().slice(0, 12);
  const values = [`Retention Subject ${secret}`, `+3462${Math.floor(1_000_000 + Math.random() * 8_999_999)}`, `subject.${secret}@example.com`];
  const res = await h.call('PUT', `/v1/customers/${id}`, { key: h.keys.system, body: {
    name: values[0], tier: 'mass', assetsUnderManagement: 20_000, timeZone: 'Europe/Madrid', phone: values[1], email: values[2], preferredChannels: ['sms'], consent: { sms: true, email: true, phone: true },
  } });
  expect(res.status).toBe(201);
  const { caseId } = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: { ...outflowSignal(id, signal), details: { note: `about ${secret}` } } })).body;
  return { id, caseId: caseId as string, values: [...values, secret] };
}

// A weak signal: the case closes at once as not actionable.
const closedCustomer = async () => {
  const c = await customerWithSignal({ type: 'activity_drop', severity: 0.1 });
  await waitForClosed(h, c.caseId);
  return c;
};

async function reportRows() {
  const q = new URLSearchParams({ from: startedAt.toISOString(), to: new Date(Date.now() + 3_600_000).toISOString(), groupBy: 'tier' });
  return (await h.call('GET', `/v1/reports/retention?${q}`, { key: h.keys.supervisor })).body.rows;
}

async function sweepNow(): Promise<AnonymisationSweepResult> {
  const schedule = client.schedule.getHandle(ANONYMISATION_SCHEDULE_ID);
  const before = (await schedule.describe()).info.recentActions.length;
  await schedule.trigger();
  const action = await eventually(async () => (await schedule.describe()).info.recentActions[before], 'the triggered sweep to start');
  return client.workflow.getHandle((action.action as { workflow: { workflowId: string } }).workflow.workflowId).result();
}

test('the schedule follows the setting: created, unchanged, updated, and deleted when retention is off', async () => {
  const taskQueue = h.temporal.taskQueue;
  expect(await ensureAnonymisationSchedule(client, { retentionDays: 30, taskQueue })).toBe('created');
  expect(await ensureAnonymisationSchedule(client, { retentionDays: 30, taskQueue })).toBe('unchanged');
  expect(await ensureAnonymisationSchedule(client, { retentionDays: 60, taskQueue })).toBe('updated');
  expect((await client.schedule.getHandle(ANONYMISATION_SCHEDULE_ID).describe()).spec.intervals).toMatchObject([{ every: 3_600_000 }]);
  expect(await ensureAnonymisationSchedule(client, { taskQueue })).toBe('deleted');
  expect(await ensureAnonymisationSchedule(client, { taskQueue })).toBe('absent');
});

test('closed cases past the retention period lose their personal data; younger and open ones keep it; reports are unchanged', async () => {
  const expired = await closedCustomer();
  const open = await customerWithSignal({});
  await waitForStage(h, open.caseId, 'contacting');
  await new Promise((r) => setTimeout(r, (RETENTION_SECONDS + 1) * 1000));
  const young = await closedCustomer();
  expect(await ensureAnonymisationSchedule(client, { retentionDays, taskQueue: h.temporal.taskQueue })).toMatch(/^(created|updated)$/);
  const reportBefore = await reportRows();

  const sweep = await sweepNow();
  expect(sweep.cases).toBeGreaterThanOrEqual(1);
  expect(sweep.customers).toBeGreaterThanOrEqual(1);

  expect(await columnsHolding(h.db, expired.values)).toEqual([]);
  expect(await h.db.case.findUniqueOrThrow({ where: { id: expired.caseId }, select: { status: true, outcome: true, anonymisedAt: true } })).toMatchObject({ status: 'closed', outcome: 'not_actionable', anonymisedAt: expect.any(Date) });
  for (const kept of [young, open]) {
    expect(await columnsHolding(h.db, kept.values)).toEqual(expect.arrayContaining([`customers.name: ${kept.values[0]}`, `risk_signals.details: ${kept.values[3]}`]));
    expect((await h.db.case.findUniqueOrThrow({ where: { id: kept.caseId } })).anonymisedAt).toBeNull();
  }
  expect(await reportRows()).toEqual(reportBefore);

  // A second sweep finds nothing more to do.
  expect(await sweepNow()).toMatchObject({ cases: 0, customers: 0 });
});
