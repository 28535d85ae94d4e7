// The contact policy on the real server: quiet hours in the customer's zone defer a send, the frequency cap
// holds across two cases of one customer, and an SMS STOP mid-case moves contact to the next channel.
import {
  createCustomer,
  createTestPlaybook,
  postInboundSms,
  outflowSignal,
  timeline,
  waitForClosed,
  waitForEvent,
  waitForStage,
  MOVED_AWAY,
} from '../support/fixtures';
import { eventually, startHarness, type Harness } from '../support/harness';
import { recordHistory } from '../support/histories';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const NEVER_QUIET = { start: '00:00', end: '00:00' };
const hhmmss = (d: Date) => d.toISOString().slice(11, 19);
const smsTo = (phone: string) => h.sinks.outbox.list({ kind: 'sms' }).filter((i) => i.to === phone);

const postSms = (from: string, body: string, signWith?: string) => postInboundSms(h, from, body, signWith);

test('a send in the customer quiet hours waits for the window to end, then goes out', async () => {
  const now = new Date();
  const windowEnd = new Date(Math.ceil((now.getTime() + 6_000) / 1000) * 1000);
  const playbookId = await createTestPlaybook(h, (d) => {
    d.contact.policy.quietHours = { start: hhmmss(new Date(now.getTime() - 60_000)), end: hhmmss(windowEnd) };
  });
  const customer = await createCustomer(h);
  await h.db.customer.update({ where: { id: customer.id }, data: { timeZone: 'UTC' } });
  const { caseId } = (
    await h.call('POST', '/v1/signals', { key: h.keys.system, body: { ...outflowSignal(customer.id), playbookId } })
  ).body;

  const deferred = await waitForEvent(h, caseId, 'contact_deferred');
  expect(deferred.data).toMatchObject({ channel: 'sms', reason: 'quiet_hours', until: windowEnd.toISOString() });
  expect(smsTo(customer.phone)).toEqual([]);

  const sms = await h.sinks.outbox.waitFor((i) => i.kind === 'sms' && i.to === customer.phone);
  expect(Date.parse(sms.at)).toBeGreaterThanOrEqual(windowEnd.getTime());
  await waitForStage(h, caseId, 'contacting');
  await recordHistory(h, caseId, 'quiet-hours-deferred');
});

test('the frequency cap counts contacts across cases and defers the second case', async () => {
  const playbookId = await createTestPlaybook(h, (d) => {
    d.contact.policy = { quietHours: NEVER_QUIET, frequencyCap: { maxContacts: 1, window: '8s' } };
  });
  const customer = await createCustomer(h);
  const first = (
    await h.call('POST', '/v1/signals', { key: h.keys.system, body: { ...outflowSignal(customer.id), playbookId } })
  ).body;
  await waitForStage(h, first.caseId, 'contacting');
  await h.call('POST', `/v1/cases/${first.caseId}/contact-outcome`, {
    key: h.keys.agent,
    body: { channel: 'phone', outcome: 'refused', reason: MOVED_AWAY },
  });
  expect((await waitForClosed(h, first.caseId)).outcome).toBe('declined');

  const second = (
    await h.call('POST', '/v1/signals', { key: h.keys.system, body: { ...outflowSignal(customer.id), playbookId } })
  ).body;
  expect(second.caseId).not.toBe(first.caseId);
  const deferred = await waitForEvent(h, second.caseId, 'contact_deferred');
  expect(deferred.data.reason).toBe('frequency_cap');
  // The first case's SMS and the agent's call are both contacts; the latest one starts the wait.
  const contacts = await h.db.contactAttempt.findMany({ where: { caseId: first.caseId }, orderBy: { sentAt: 'asc' } });
  expect(contacts.map((c) => c.channel)).toEqual(['sms', 'phone']);
  expect(Date.parse(deferred.data.until)).toBe(contacts[1]!.sentAt!.getTime() + 8_000);

  await waitForStage(h, second.caseId, 'contacting');
  const texts = smsTo(customer.phone);
  expect(texts).toHaveLength(2);
  expect(Date.parse(texts[0]!.at)).toBeGreaterThanOrEqual(Date.parse(deferred.data.until) - 100);
}, 60_000);

test('STOP by SMS mid-case: no more texts, contact falls back to email, and an unsigned webhook changes nothing', async () => {
  const playbookId = await createTestPlaybook(h, (d) => {
    d.contact.outcomeTimeout = '3s';
    d.contact.policy.quietHours = NEVER_QUIET;
  });
  const customer = await createCustomer(h, { preferredChannels: ['sms', 'email'] });
  const { caseId } = (
    await h.call('POST', '/v1/signals', { key: h.keys.system, body: { ...outflowSignal(customer.id), playbookId } })
  ).body;
  await h.sinks.outbox.waitFor((i) => i.kind === 'sms' && i.to === customer.phone);

  expect((await postSms(customer.phone, 'STOP', 'not-the-token')).status).toBe(403);
  expect((await h.db.customer.findUniqueOrThrow({ where: { id: customer.id } })).consentSms).toBe(true);
  const stop = await postSms(customer.phone, 'stop');
  expect(stop.status).toBe(200);
  expect(stop.text).toContain('<Response>');
  expect((await h.db.customer.findUniqueOrThrow({ where: { id: customer.id } })).consentSms).toBe(false);

  // Attempt 1 (SMS) gets no answer; attempt 2 falls back to email; attempt 3 finds SMS withdrawn.
  const closed = await waitForClosed(h, caseId, 60_000);
  expect(closed.outcome).toBe('unreachable');
  expect(smsTo(customer.phone)).toHaveLength(1);
  expect(h.sinks.outbox.list({ kind: 'email' }).filter((i) => i.to === customer.email)).toHaveLength(2);
  const events = await timeline(h, caseId);
  expect(events.filter((e) => e.type === 'contact_sent').map((e) => e.data.channel)).toEqual(['sms', 'email', 'email']);
  expect(events.find((e) => e.type === 'contact_skipped')?.data).toMatchObject({
    channel: 'sms',
    reason: 'no_consent',
  });

  await recordHistory(h, caseId, 'sms-stop-email-fallback-unreachable');
  await postSms(customer.phone, 'START');
  expect((await h.db.customer.findUniqueOrThrow({ where: { id: customer.id } })).consentSms).toBe(true);
}, 90_000);

test('a free-text SMS reply lands on the case timeline as a task for its agent; a number without an open survey too', async () => {
  const playbookId = await createTestPlaybook(h, (d) => {
    d.contact.outcomeTimeout = '1h';
    d.contact.policy.quietHours = NEVER_QUIET;
  });
  const customer = await createCustomer(h);
  const { caseId } = (
    await h.call('POST', '/v1/signals', { key: h.keys.system, body: { ...outflowSignal(customer.id), playbookId } })
  ).body;
  await waitForStage(h, caseId, 'contacting');
  const agentId = (await h.call('GET', `/v1/cases/${caseId}`, { key: h.keys.supervisor })).body.assignee.id;

  expect((await postSms(customer.phone, 'Please call me after 6pm')).status).toBe(200);
  const reply = await waitForEvent(h, caseId, 'customer_replied');
  expect(reply).toMatchObject({
    actor: 'customer:sms',
    data: { channel: 'sms', text: 'Please call me after 6pm', task: 'reply_to_customer', agentId },
  });

  expect((await postSms(customer.phone, '7')).status).toBe(200);
  await eventually(
    async () => (await timeline(h, caseId)).find((e) => e.type === 'customer_replied' && e.data.text === '7'),
    'the reply "7" on the timeline',
  );
  // The reply did not answer anything: the case still waits on the agent's contact outcome.
  expect((await h.call('GET', `/v1/cases/${caseId}`, { key: h.keys.supervisor })).body.stage).toBe('contacting');
});
