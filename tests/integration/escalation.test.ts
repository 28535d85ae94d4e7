// SLAs on human waits: a breach escalates to the supervisor, then the branch manager, before the wait's own
// timeout path; a supervisor can move the deadline. A detractor's survey score reopens contact.
import {
  acceptOfferAndAwaitSurvey,
  createCustomer,
  createTestPlaybook,
  outflowSignal,
  timeline,
  waitForClosed,
  waitForEvent,
  waitForStage,
} from '../support/fixtures';
import { startHarness, type Harness } from '../support/harness';
import { recordHistory } from '../support/histories';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

test('an unanswered contact escalates to the supervisor, then the branch manager, then closes unreachable', async () => {
  const playbookId = await createTestPlaybook(h, (d) => {
    d.contact.maxAttempts = 1;
    d.contact.outcomeTimeout = '2s';
    d.escalation = { levels: ['supervisor', 'branch_manager'], grace: '2s' };
  });
  const c = await createCustomer(h);
  const { caseId } = (
    await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(c.id, { playbookId }) })
  ).body;

  await waitForEvent(h, caseId, 'sla_breached');
  const breached = await h.call('GET', '/v1/cases?slaBreached=true&limit=200', { key: h.keys.supervisor });
  expect(breached.body.items.map((i: { caseId: string }) => i.caseId)).toContain(caseId);

  expect((await waitForClosed(h, caseId)).outcome).toBe('unreachable');
  const events = await timeline(h, caseId);
  expect(events.filter((e) => e.type === 'sla_breached').map((e) => [e.data.wait, e.data.escalatedTo])).toEqual([
    ['contact', 'supervisor'],
    ['contact', 'branch_manager'],
  ]);
  const types = events.map((e) => e.type);
  expect(types.indexOf('contact_outcome_timed_out')).toBeGreaterThan(types.lastIndexOf('sla_breached'));
  await recordHistory(h, caseId, 'sla-escalated-unreachable');
});

test('a supervisor extends the deadline of a breached wait, and the agent answers in the extra time', async () => {
  const playbookId = await createTestPlaybook(h, (d) => {
    d.contact.maxAttempts = 1;
    d.contact.outcomeTimeout = '2s';
    d.escalation = { levels: ['supervisor'], grace: '3s' };
  });
  const c = await createCustomer(h);
  const { caseId } = (
    await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(c.id, { playbookId }) })
  ).body;
  await waitForEvent(h, caseId, 'sla_breached');

  const until = new Date(Date.now() + 60_000).toISOString();
  expect((await h.call('POST', `/v1/cases/${caseId}/sla`, { key: h.keys.agent, body: { until } })).status).toBe(403);
  expect(
    (
      await h.call('POST', `/v1/cases/${caseId}/sla`, {
        key: h.keys.supervisor,
        body: { until: '2020-01-01T00:00:00Z' },
      })
    ).status,
  ).toBe(400);
  const extended = await h.call('POST', `/v1/cases/${caseId}/sla`, {
    key: h.keys.supervisor,
    body: { until, note: 'agent on leave today' },
  });
  expect(extended.status).toBe(200);
  expect(extended.body.sla).toEqual({ dueAt: until, breached: false });

  // Well past the grace the case is still waiting, then the answer arrives.
  await new Promise((r) => setTimeout(r, 4_000));
  expect(
    (
      await h.call('POST', `/v1/cases/${caseId}/contact-outcome`, {
        key: h.keys.agent,
        body: { channel: 'phone', outcome: 'reached' },
      })
    ).status,
  ).toBe(200);
  await waitForStage(h, caseId, 'awaiting_decision');
  expect((await timeline(h, caseId)).find((e) => e.type === 'sla_extended')).toMatchObject({
    actor: 'supervisor:test supervisor',
    data: { until, note: 'agent on leave today' },
  });
});

test('a detractor score escalates to the supervisor and reopens contact; the outcome stands', async () => {
  const c = await createCustomer(h);
  const { caseId } = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(c.id) })).body;
  const { message: survey, token } = await acceptOfferAndAwaitSurvey(h, caseId, c.phone);
  expect(
    (await h.call('POST', `/v1/surveys/${token}`, { body: { score: 3, comment: 'the adviser was rude' } })).status,
  ).toBe(200);

  const escalated = await waitForEvent(h, caseId, 'low_score_escalated');
  expect(escalated.data).toEqual({ score: 3, escalatedTo: 'supervisor' });
  await waitForStage(h, caseId, 'contacting');
  // A new contact message goes out (the first round's key does not swallow it).
  await h.sinks.outbox.waitFor((i) => i.kind === 'sms' && i.to === c.phone && i.id > survey.id);
  await h.call('POST', `/v1/cases/${caseId}/contact-outcome`, {
    key: h.keys.agent,
    body: { channel: 'phone', outcome: 'reached', note: 'apologised' },
  });
  const closed = await waitForClosed(h, caseId);
  expect(closed.outcome).toBe('retained');
  expect((await timeline(h, caseId)).at(-1)!.data).toMatchObject({
    reason: 'low_score_followed_up',
    score: 3,
    followUp: 'reached',
  });
  expect(await h.db.contactAttempt.count({ where: { caseId, purpose: 'contact' } })).toBe(2);
  await recordHistory(h, caseId, 'low-score-reopened-contact');
});

test("the agent's SLA scales with the customer's tier", async () => {
  const playbookId = await createTestPlaybook(h, (d) => {
    d.contact.maxAttempts = 1;
    d.contact.outcomeTimeout = '60s';
    d.escalation = { levels: [], grace: '1d', slaFactorByTier: { mass: 0.05 } };
  });
  const c = await createCustomer(h, { tier: 'mass' });
  const { caseId } = (
    await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(c.id, { playbookId }) })
  ).body;
  const contacting = await waitForStage(h, caseId, 'contacting');
  const sent = (await timeline(h, caseId)).find((e) => e.type === 'contact_sent')!;
  // 5% of 60 s: the mass customer's wait is 3 s, not a minute.
  expect(
    Date.parse((contacting as unknown as { sla: { dueAt: string } }).sla.dueAt) - Date.parse(sent.at),
  ).toBeLessThan(3_500);
  expect((await waitForClosed(h, caseId, 20_000)).outcome).toBe('unreachable');
});

test("the customer's offer decision does not escalate: the offer expires at its own expiry", async () => {
  const playbookId = await createTestPlaybook(h, (d) => {
    d.escalation = { levels: ['supervisor', 'branch_manager'], grace: '2s' };
    d.offer.expiry = '3s';
  });
  const customer = await createCustomer(h);
  const { caseId } = (
    await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(customer.id, { playbookId }) })
  ).body;
  await waitForStage(h, caseId, 'contacting');
  await h.call('POST', `/v1/cases/${caseId}/contact-outcome`, {
    key: h.keys.agent,
    body: { channel: 'phone', outcome: 'reached' },
  });
  const closed = await waitForClosed(h, caseId);
  expect(closed.outcome).toBe('declined');
  const events = await timeline(h, caseId);
  expect(events.at(-1)!.data).toMatchObject({ reason: 'offer_expired' });
  expect(events.filter((e) => e.type === 'sla_breached')).toEqual([]);
});
