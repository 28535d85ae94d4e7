// What a case does when the SMS provider misbehaves, on the real server with the Twilio-shaped sink told to
// fail: a refused send is a contact_failed event and the case falls back to email; with every channel
// failed the case needs a supervisor, who retries it; a send whose answer was lost is looked up at the
// provider, never sent twice; an SMS reported undelivered moves the case to the next channel.
import { createCustomer, outflowSignal, timeline, waitForEvent, waitForStage } from '../support/fixtures';
import { eventually, startHarness, type Harness } from '../support/harness';
import { recordHistory } from '../support/histories';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const smsTo = (phone: string) => h.sinks.outbox.list({ kind: 'sms' }).filter((i) => i.to === phone);
const emailTo = (email: string) => h.sinks.outbox.list({ kind: 'email' }).filter((i) => i.to === email);

async function openCase(customerId: string): Promise<string> {
  const res = await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(customerId) });
  expect(res.status).toBe(202);
  return res.body.caseId;
}

test('Twilio refusing the credentials (20003) is a contact_failed event and the email goes out instead', async () => {
  const customer = await createCustomer(h, { preferredChannels: ['sms', 'email'] });
  h.sinks.twilio.faults = { onlyTo: [customer.phone], fail: { status: 401, code: 20003, message: 'Authenticate' } };
  const caseId = await openCase(customer.id);

  const failed = await waitForEvent(h, caseId, 'contact_failed');
  expect(failed.data).toMatchObject({ channel: 'sms', code: '20003' });
  const sent = await waitForEvent(h, caseId, 'contact_sent');
  expect(sent.data).toMatchObject({ channel: 'email' });
  expect(emailTo(customer.email)).toHaveLength(1);
  expect(smsTo(customer.phone)).toHaveLength(0);
  const attempt = await h.db.contactAttempt.findFirstOrThrow({ where: { caseId, channel: 'sms' } });
  expect({ status: attempt.status, providerCode: attempt.providerCode }).toEqual({
    status: 'failed',
    providerCode: '20003',
  });
});

test('with every channel refused the case needs attention, shows on the board, and a supervisor retry sends again', async () => {
  const customer = await createCustomer(h, {
    preferredChannels: ['sms'],
    consent: { sms: true, email: false, phone: false },
  });
  h.sinks.twilio.faults = {
    onlyTo: [customer.phone],
    fail: { status: 400, code: 21211, message: "The 'To' number is not a valid phone number." },
  };
  const caseId = await openCase(customer.id);

  const flagged = await waitForEvent(h, caseId, 'needs_attention');
  expect(flagged.data).toMatchObject({ reason: 'no_channel_left', step: 'contact' });
  const board = await h.call('GET', `/v1/cases?needsAttention=true&customerId=${customer.id}`, {
    key: h.keys.supervisor,
  });
  expect(board.body.items.map((c: { caseId: string; attention: unknown }) => [c.caseId, c.attention])).toEqual([
    [caseId, { reason: 'no_channel_left', since: expect.any(String) }],
  ]);
  const status = await h.call('GET', '/v1/status', { key: h.keys.supervisor });
  expect(status.body.cases.needsAttention).toBeGreaterThanOrEqual(1);
  const workload = await h.call('GET', '/v1/teams/contact-centre/workload', { key: h.keys.supervisor });
  expect(workload.body.needsAttention).toBeGreaterThanOrEqual(1);

  // The bank fixes the number at the provider's side; the supervisor retries.
  h.sinks.twilio.faults = undefined;
  const retried = await h.call('POST', `/v1/cases/${caseId}/retry`, {
    key: h.keys.supervisor,
    body: { note: 'number corrected' },
  });
  expect(retried.status).toBe(200);
  expect(retried.body.attention).toBeNull();
  await waitForEvent(h, caseId, 'contact_sent');
  expect(smsTo(customer.phone)).toHaveLength(1);
  const types = (await timeline(h, caseId)).map((e) => e.type);
  expect(types).toEqual(
    expect.arrayContaining(['contact_failed', 'needs_attention', 'attention_resolved', 'contact_sent']),
  );
  await recordHistory(h, caseId, 'channel-failed-needs-attention-retried');
  // Retry is for cases that need attention only.
  expect((await h.call('POST', `/v1/cases/${caseId}/retry`, { key: h.keys.supervisor, body: {} })).status).toBe(409);
});

test('a send whose answer was lost after the provider took it is found at the provider, not sent again', async () => {
  const customer = await createCustomer(h, { preferredChannels: ['sms'] });
  h.sinks.twilio.faults = { onlyTo: [customer.phone], resetAfterAccept: true };
  const caseId = await openCase(customer.id);
  // The first try's connection is reset after the sink kept the message; let the retry see a healthy sink.
  await eventually(async () => (smsTo(customer.phone).length > 0 ? true : undefined), 'the SMS to reach the sink');
  h.sinks.twilio.faults = undefined;

  const sent = await waitForEvent(h, caseId, 'contact_sent');
  expect(sent.data).toMatchObject({ channel: 'sms', status: 'sent' });
  expect(smsTo(customer.phone)).toHaveLength(1);
  const attempt = await h.db.contactAttempt.findFirstOrThrow({ where: { caseId, channel: 'sms' } });
  expect({ status: attempt.status, providerId: attempt.providerId }).toEqual({
    status: 'sent',
    providerId: smsTo(customer.phone)[0]!.data!.sid,
  });
});

test('a provider that is briefly unavailable (503) is retried and the customer gets one SMS', async () => {
  const customer = await createCustomer(h, { preferredChannels: ['sms'] });
  h.sinks.twilio.faults = {
    onlyTo: [customer.phone],
    fail: { status: 503, code: 20503, message: 'Service unavailable' },
  };
  const caseId = await openCase(customer.id);
  await eventually(
    async () => ((await h.db.contactAttempt.findFirst({ where: { caseId, status: 'retrying' } })) ? true : undefined),
    'a failed try',
  );
  h.sinks.twilio.faults = undefined;

  const sent = await waitForEvent(h, caseId, 'contact_sent');
  expect(sent.data).toMatchObject({ channel: 'sms' });
  expect(smsTo(customer.phone)).toHaveLength(1);
  expect((await timeline(h, caseId)).filter((e) => e.type === 'contact_failed')).toEqual([]);
  // The provider's status callback reaches the attempt.
  const delivered = await eventually(
    async () => (await h.db.contactAttempt.findFirst({ where: { caseId, deliveryStatus: 'delivered' } })) ?? undefined,
    'the delivery report',
  );
  expect(delivered).toMatchObject({ providerCode: null, error: null, deliveryUpdatedAt: expect.any(Date) });
});

test('an SMS the provider reports undelivered (status callback) moves the case on to email', async () => {
  const customer = await createCustomer(h, { preferredChannels: ['sms', 'email'] });
  h.sinks.twilio.faults = { onlyTo: [customer.phone], undeliveredTo: [customer.phone], undeliveredCode: 30003 };
  const caseId = await openCase(customer.id);

  const failed = await waitForEvent(h, caseId, 'contact_failed');
  expect(failed.data).toMatchObject({ channel: 'sms', code: '30003' });
  await eventually(
    async () =>
      (await timeline(h, caseId)).some((e) => e.type === 'contact_sent' && e.data.channel === 'email')
        ? true
        : undefined,
    'the email fallback',
  );
  expect(emailTo(customer.email)).toHaveLength(1);
  const attempt = await h.db.contactAttempt.findFirstOrThrow({ where: { caseId, channel: 'sms' } });
  expect(attempt).toMatchObject({
    deliveryStatus: 'undelivered',
    providerCode: '30003',
    error: 'the provider reported the message undelivered',
  });
  await recordHistory(h, caseId, 'sms-undelivered-email-fallback');
  h.sinks.twilio.faults = undefined;
});

test('an undelivered report that reaches Holdfast before the send has stored its SID still moves the case on to email', async () => {
  const customer = await createCustomer(h, { preferredChannels: ['sms', 'email'] });
  h.sinks.twilio.faults = {
    onlyTo: [customer.phone],
    undeliveredTo: [customer.phone],
    undeliveredCode: 30005,
    reportBeforeReply: true,
  };
  const caseId = await openCase(customer.id);

  const failed = await waitForEvent(h, caseId, 'contact_failed');
  expect(failed.data).toMatchObject({ channel: 'sms', code: '30005' });
  await eventually(
    async () =>
      (await timeline(h, caseId)).some((e) => e.type === 'contact_sent' && e.data.channel === 'email')
        ? true
        : undefined,
    'the email fallback',
  );
  expect(emailTo(customer.email)).toHaveLength(1);
  expect(smsTo(customer.phone)).toHaveLength(1);
  const attempt = await h.db.contactAttempt.findFirstOrThrow({ where: { caseId, channel: 'sms' } });
  expect(attempt.deliveryStatus).toBe('undelivered');
  h.sinks.twilio.faults = undefined;
});

test('a contact outcome is taken only while the case waits for one', async () => {
  const customer = await createCustomer(h, { preferredChannels: ['sms'] });
  const caseId = await openCase(customer.id);
  await waitForStage(h, caseId, 'contacting');
  const first = await h.call('POST', `/v1/cases/${caseId}/contact-outcome`, {
    key: h.keys.agent,
    body: { channel: 'phone', outcome: 'callback_requested', callbackAt: new Date(Date.now() + 2_000).toISOString() },
  });
  expect(first.status).toBe(200);
  // During the callback delay nobody is waiting for an outcome.
  const early = await h.call('POST', `/v1/cases/${caseId}/contact-outcome`, {
    key: h.keys.agent,
    body: { channel: 'phone', outcome: 'reached' },
  });
  expect(early.status).toBe(409);
  // The callback is a call by the agent, not another message.
  const call = await waitForEvent(h, caseId, 'call_requested');
  expect(call.data).toMatchObject({ attempt: 2 });
  expect(smsTo(customer.phone)).toHaveLength(1);
});

test('an email whose connection dropped after the server took it is unknown: never resent, an agent checks', async () => {
  const customer = await createCustomer(h, {
    preferredChannels: ['email'],
    consent: { sms: false, email: true, phone: false },
  });
  h.sinks.smtp.faults.dropAfterData = true;
  const caseId = await openCase(customer.id);
  const unconfirmed = await waitForEvent(h, caseId, 'contact_unconfirmed');
  h.sinks.smtp.faults.dropAfterData = false;
  expect(unconfirmed.data).toMatchObject({ channel: 'email', task: 'check_delivery' });
  await waitForStage(h, caseId, 'contacting');
  const attempt = await h.db.contactAttempt.findFirstOrThrow({ where: { caseId, channel: 'email' } });
  expect(attempt.status).toBe('unknown');
  // The activity's retries do not send it again.
  await new Promise((r) => setTimeout(r, 3_000));
  expect(emailTo(customer.email)).toHaveLength(1);
  // The agent's check is the contact outcome the case waits for.
  expect(
    (
      await h.call('POST', `/v1/cases/${caseId}/contact-outcome`, {
        key: h.keys.agent,
        body: { channel: 'phone', outcome: 'reached', note: 'confirmed the email arrived' },
      })
    ).status,
  ).toBe(200);
});

test('an email the server refuses (550) is a contact_failed event with the SMTP code', async () => {
  const customer = await createCustomer(h, { preferredChannels: ['email', 'sms'] });
  h.sinks.smtp.faults.rejectWith = 550;
  const caseId = await openCase(customer.id);
  const failed = await waitForEvent(h, caseId, 'contact_failed');
  h.sinks.smtp.faults.rejectWith = undefined;
  expect(failed.data).toMatchObject({ channel: 'email', code: '550' });
  const sent = await waitForEvent(h, caseId, 'contact_sent');
  expect(sent.data).toMatchObject({ channel: 'sms' });
});
