// The path from a signal to the first send, as the case's history records it: the case starts with the customer
// and playbook the API read at intake, detect's events ride with the assignment and case_assigned with the
// send, which checks the contact policy itself: one local activity runs before the send instead of five, and
// the timeline still holds every event in order, none lost on the way. The case checks no patch id before the
// send (the one open since 1.0.0, answer-before-end, is checked as a run ends) and sends its search attributes
// in one upsert before the send.
import { createCustomer, outflowSignal, timeline, waitForStage } from '../support/fixtures';
import { eventually, startHarness, type Harness } from '../support/harness';
import { harnessClient } from '../support/temporal-client';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());

test('a case reaches its first send after one local activity, with its whole timeline written', async () => {
  const customer = await createCustomer(h, { preferredChannels: ['sms'] });
  const { caseId, workflowId } = (
    await h.call('POST', '/v1/signals', {
      key: h.keys.system,
      body: { ...outflowSignal(customer.id), playbookId: 'demo' },
    })
  ).body;
  await waitForStage(h, caseId, 'contacting');

  const temporal = await harnessClient(h);
  const { events } = await temporal.client.workflow.getHandle(workflowId).fetchHistory().finally(temporal.close);
  const firstActivity = events!.findIndex((e) => e.activityTaskScheduledEventAttributes);
  // A local activity's marker names its activity type in its (unencrypted) details.
  const localActivities = events!
    .slice(0, firstActivity)
    .filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity')
    .map(
      (e) =>
        JSON.parse(Buffer.from(e.markerRecordedEventAttributes!.details!.data!.payloads![0]!.data!).toString())
          .activity_type,
    );
  expect(localActivities).toEqual(['assignCase']);
  // Each patch id checked costs a marker and an upsert of TemporalChangeVersion; none is checked before the send.
  const beforeSend = events!.slice(0, firstActivity);
  const patchIds = beforeSend
    .filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch')
    .map(
      (e) =>
        JSON.parse(Buffer.from(e.markerRecordedEventAttributes!.details!['patch-data']!.payloads![0]!.data!).toString())
          .id,
    );
  expect(patchIds).toEqual([]);
  const upserts = beforeSend
    .map((e) =>
      Object.keys(e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {}).sort(),
    )
    .filter((keys) => keys.length > 0);
  // The case's own tags in one upsert (tier and driver from detect, team and stage from the assignment).
  expect(upserts).toEqual([['CaseStage', 'CaseTeam', 'ChurnDriver', 'CustomerTier']]);

  const written = await timeline(h, caseId);
  expect(written.slice(0, 4).map((e) => e.type)).toEqual([
    'case_opened',
    'risk_assessed',
    'case_assigned',
    'contact_sent',
  ]);
  const stored = await h.db.caseEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' } });
  expect(stored.map((e) => e.seq)).toEqual(stored.map((_e, i) => i + 1));
  // The API's timeline (JSON built by PostgreSQL) says what the rows hold, times as Date.toISOString() writes them.
  expect(written).toEqual(
    stored
      .slice(0, written.length)
      .map((e) => ({ seq: e.seq, at: e.at.toISOString(), type: e.type, actor: e.actor, data: e.data })),
  );

  // The case page (also built by PostgreSQL): values with no value are left out, driver and attention are null
  // when unset, times as toISOString writes them.
  // Read once the provider's delivery report is in, so nothing changes between the page and the rows.
  const attempt = await eventually(
    async () => (await h.db.contactAttempt.findMany({ where: { caseId, deliveryStatus: 'delivered' } }))[0],
    'the SMS delivery report',
  );
  const page = (await h.call('GET', `/v1/cases/${caseId}`, { key: h.keys.supervisor })).body;
  const row = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
  expect(page.contactAttempts).toEqual([
    {
      id: attempt.id,
      channel: 'sms',
      purpose: 'contact',
      status: 'sent',
      agentId: row.agentId,
      providerId: attempt.providerId,
      deliveryStatus: 'delivered',
      at: attempt.sentAt!.toISOString(),
    },
  ]);
  expect(page).toMatchObject({
    caseId,
    stage: 'contacting',
    status: 'open',
    attention: null,
    sla: { dueAt: row.slaDueAt!.toISOString(), breached: false },
    openedAt: row.openedAt.toISOString(),
    customer: { id: customer.id, consent: { sms: true } },
  });
  expect(['outcome', 'closedAt', 'offer', 'survey'].filter((k) => k in page)).toEqual([]);
}, 60_000);
