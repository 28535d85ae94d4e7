// Retention: the hourly Temporal Schedule runs the anonymisation sweep, which removes the personal data of
// cases closed longer ago than HOLDFAST_RETENTION_DAYS (here a few seconds, as a fraction of a day) and of
// customers with nothing open or recent; younger and open cases keep theirs, and reports count as before.
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { createTestPlaybook, outflowSignal, waitForClosed, waitForStage } from '../support/fixtures';
import { eventually, startHarness, uniqueId, type Harness } from '../support/harness';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';
import { columnsHolding } from '../support/personal-data';
import { harnessClient } from '../support/temporal-client';
import { ANONYMISATION_SCHEDULE_ID, ensureAnonymisationSchedule } from '../../worker/anonymisation-schedule';
import type { AnonymisationSweepResult } from '../../workflows/anonymisation-sweep';

const RETENTION_SECONDS = 6;
const retentionDays = RETENTION_SECONDS / 86_400;

let h: Harness;
// A database of this file's own: a sweep with a period of seconds would anonymise other test files' cases.
let own: OwnDatabase;
let client: Client;
let closeClient: (() => Promise<void>) | undefined;
// This test's own playbook: its report row holds this test's cases only, whatever other tests run meanwhile.
let playbookId: string;
const startedAt = new Date(Date.now() - 60_000);
beforeAll(async () => {
  own = await createOwnDatabase(process.env.HOLDFAST_TEST_DATABASE_URL!);
  h = await startHarness({ databaseUrl: own.url });
  ({ client, close: closeClient } = await harnessClient(h));
  playbookId = await createTestPlaybook(h, () => undefined);
});
afterAll(async () => {
  await client?.schedule
    .getHandle(ANONYMISATION_SCHEDULE_ID)
    .delete()
    .catch(() => undefined);
  await closeClient?.();
  await h?.stop();
  await own?.drop();
});

// A customer whose values are unique to them, so finding one anywhere means it was kept.
async function customerWithSignal(signal: Record<string, unknown>) {
  const id = uniqueId('retained');
  const secret = randomUUID().slice(0, 12);
  const values = [
    `Retention Subject ${secret}`,
    `+3462${Math.floor(1_000_000 + Math.random() * 8_999_999)}`,
    `subject.${secret}@example.com`,
  ];
  const res = await h.call('PUT', `/v1/customers/${id}`, {
    key: h.keys.system,
    body: {
      name: values[0],
      tier: 'mass',
      assetsUnderManagement: 20_000,
      timeZone: 'Europe/Madrid',
      phone: values[1],
      email: values[2],
      preferredChannels: ['sms'],
      consent: { sms: true, email: true, phone: true },
    },
  });
  expect(res.status).toBe(201);
  const { caseId } = (
    await h.call('POST', '/v1/signals', {
      key: h.keys.system,
      body: { ...outflowSignal(id, { playbookId, ...signal }), details: { note: `about ${secret}` } },
    })
  ).body;
  return { id, caseId: caseId as string, values: [...values, secret] };
}

// A weak signal: the case closes at once as not actionable.
const closedCustomer = async () => {
  const c = await customerWithSignal({ type: 'activity_drop', severity: 0.1 });
  await waitForClosed(h, c.caseId);
  return c;
};

async function reportRow() {
  const q = new URLSearchParams({
    from: startedAt.toISOString(),
    to: new Date(Date.now() + 3_600_000).toISOString(),
    groupBy: 'playbook',
  });
  return (
    (await h.call('GET', `/v1/reports/retention?${q}`, { key: h.keys.supervisor })).body.rows as { group: string }[]
  ).find((r) => r.group === playbookId);
}

async function sweepNow(): Promise<AnonymisationSweepResult> {
  const schedule = client.schedule.getHandle(ANONYMISATION_SCHEDULE_ID);
  const before = (await schedule.describe()).info.recentActions.length;
  await schedule.trigger();
  const action = await eventually(
    async () => (await schedule.describe()).info.recentActions[before],
    'the triggered sweep to start',
  );
  return client.workflow
    .getHandle((action.action as { workflow: { workflowId: string } }).workflow.workflowId)
    .result();
}

test('the schedule follows the setting: created, unchanged, updated, and deleted when retention is off', async () => {
  const taskQueue = h.temporal.taskQueue;
  expect(await ensureAnonymisationSchedule(client, { retentionDays: 30, taskQueue })).toBe('created');
  expect(await ensureAnonymisationSchedule(client, { retentionDays: 30, taskQueue })).toBe('unchanged');
  expect(await ensureAnonymisationSchedule(client, { retentionDays: 60, taskQueue })).toBe('updated');
  expect((await client.schedule.getHandle(ANONYMISATION_SCHEDULE_ID).describe()).spec.intervals).toMatchObject([
    { every: 3_600_000 },
  ]);
  expect(await ensureAnonymisationSchedule(client, { taskQueue })).toBe('deleted');
  expect(await ensureAnonymisationSchedule(client, { taskQueue })).toBe('absent');
});

test('closed cases past the retention period lose their personal data; younger and open ones keep it; reports are unchanged', async () => {
  const expired = await closedCustomer();
  const open = await customerWithSignal({});
  await waitForStage(h, open.caseId, 'contacting');
  await new Promise((r) => setTimeout(r, (RETENTION_SECONDS + 1) * 1000));
  const young = await closedCustomer();
  expect(await ensureAnonymisationSchedule(client, { retentionDays, taskQueue: h.temporal.taskQueue })).toMatch(
    /^(created|updated)$/,
  );
  const reportBefore = await reportRow();
  expect(reportBefore).toMatchObject({ opened: 3, stillOpen: 1, excluded: 2 });

  const sweep = await sweepNow();
  // In this file's own database: the expired case and its customer, nothing else.
  expect(sweep).toMatchObject({ cases: 1, customers: 1 });

  expect(await columnsHolding(h.db, expired.values)).toEqual([]);
  expect(
    await h.db.case.findUniqueOrThrow({
      where: { id: expired.caseId },
      select: { status: true, outcome: true, anonymisedAt: true },
    }),
  ).toMatchObject({ status: 'closed', outcome: 'not_actionable', anonymisedAt: expect.any(Date) });
  for (const kept of [young, open]) {
    expect(await columnsHolding(h.db, kept.values)).toEqual(
      expect.arrayContaining([`customers.name: ${kept.values[0]}`, `risk_signals.details: ${kept.values[3]}`]),
    );
    expect((await h.db.case.findUniqueOrThrow({ where: { id: kept.caseId } })).anonymisedAt).toBeNull();
  }
  expect(await reportRow()).toEqual(reportBefore);

  // A second sweep finds nothing more to do.
  expect(await sweepNow()).toMatchObject({ cases: 0, customers: 0 });
});
