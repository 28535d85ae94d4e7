// Consent is a ledger: an SMS STOP stands against the bank's next customer PUT, every change is recorded
// with its source and shown on the open case, a STOP from an unknown number is kept, and phone numbers are
// stored in E.164 so a STOP finds its customer.
import { createCustomer, outflowSignal, postInboundSms, waitForEvent, waitForStage } from '../support/fixtures';
import { startHarness, uniqueId, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

async function postSms(from: string, body: string) {
  expect((await postInboundSms(h, from, body)).status).toBe(200);
}

const customerBody = (phone: string, consent = { sms: true, email: true, phone: false }) => ({
  name: 'Consent Test',
  tier: 'mass',
  timeZone: 'Europe/Madrid',
  phone,
  preferredChannels: ['sms'],
  consent,
});

test('an SMS STOP survives the next customer PUT, which gets a 409 saying how to change consent', async () => {
  const customer = await createCustomer(h);
  await postSms(customer.phone, 'STOP');
  const put = await h.call('PUT', `/v1/customers/${customer.id}`, {
    key: h.keys.system,
    body: customerBody(customer.phone),
  });
  expect(put.status).toBe(409);
  expect(put.body.error).toMatchObject({
    code: 'consent_opted_out',
    message: expect.stringContaining(`POST /v1/customers/${customer.id}/consent`),
  });
  expect((await h.db.customer.findUniqueOrThrow({ where: { id: customer.id } })).consentSms).toBe(false);

  // The same PUT that respects the opt-out is taken.
  const respectful = await h.call('PUT', `/v1/customers/${customer.id}`, {
    key: h.keys.system,
    body: customerBody(customer.phone, { sms: false, email: true, phone: false }),
  });
  expect(respectful.status).toBe(200);

  // An explicit change with its source lifts it; then the PUT may say true again.
  const lifted = await h.call('POST', `/v1/customers/${customer.id}/consent`, {
    key: h.keys.agent,
    body: { channel: 'sms', granted: true, source: 'agent', note: 'customer asked on the phone to get texts again' },
  });
  expect(lifted.status).toBe(200);
  expect(lifted.body.consent.sms).toBe(true);
  expect(
    (await h.call('PUT', `/v1/customers/${customer.id}`, { key: h.keys.system, body: customerBody(customer.phone) }))
      .status,
  ).toBe(200);

  const ledger = await h.call('GET', `/v1/customers/${customer.id}/consent`, { key: h.keys.supervisor });
  expect(
    ledger.body.events
      .filter((e: { channel: string }) => e.channel === 'sms')
      .map((e: { granted: boolean; source: string }) => [e.granted, e.source]),
  ).toEqual([
    [true, 'api'],
    [false, 'sms_keyword'],
    [true, 'agent'],
  ]);
});

test('a STOP from a number no customer has is kept in the ledger', async () => {
  const stranger = `+4479${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;
  await postSms(stranger, 'stop');
  const kept = await h.db.consentEvent.findMany({ where: { address: stranger } });
  expect(
    kept.map((e) => ({ customerId: e.customerId, channel: e.channel, granted: e.granted, source: e.source })),
  ).toEqual([{ customerId: null, channel: 'sms', granted: false, source: 'sms_keyword' }]);
});

test('a phone number with spaces and dashes is stored in E.164, so a STOP finds the customer', async () => {
  const id = uniqueId('cust');
  const digits = String(Math.floor(100_000_000 + Math.random() * 899_999_999));
  const put = await h.call('PUT', `/v1/customers/${id}`, {
    key: h.keys.system,
    body: customerBody(`+34 ${digits.slice(0, 3)}-${digits.slice(3, 6)} ${digits.slice(6)}`),
  });
  expect(put.status).toBe(201);
  expect(put.body.phone).toBe(`+34${digits}`);
  await postSms(`+34${digits}`, 'STOP');
  expect((await h.db.customer.findUniqueOrThrow({ where: { id } })).consentSms).toBe(false);
});

test("a consent change shows on the customer's open case timeline", async () => {
  const customer = await createCustomer(h, { preferredChannels: ['sms'] });
  const { caseId } = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(customer.id) }))
    .body;
  await waitForStage(h, caseId, 'contacting');
  await postSms(customer.phone, 'STOP');
  const event = await waitForEvent(h, caseId, 'consent_changed');
  expect(event).toMatchObject({
    actor: 'customer:sms',
    data: { channel: 'sms', granted: false, source: 'sms_keyword' },
  });
});
