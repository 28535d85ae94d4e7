// The call sheet an agent reads before the call: why at risk in words, who the customer is and how to reach
// them, what they said before, the offers the playbook may make with their conditions, and the message's words.
import { createApiKey } from '../../api/services/api-keys';
import { callSheetResponse } from '../../api/http/desk-schemas';
import { createCustomer, postInboundSms, waitForEvent } from '../support/fixtures';
import { startHarness, uniqueId, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

test("the call sheet of a waiting case, and the customer's reply as the task on their agent's day", async () => {
  // Affluent with 300,000: a budget of 1,500, so the 250 rate bonus (above the 200 threshold) is eligible.
  const customer = await createCustomer(h, { tier: 'affluent', assetsUnderManagement: 300_000 });
  const signal = {
    idempotencyKey: uniqueId('sig'),
    customerId: customer.id,
    type: 'large_outflow',
    severity: 0.9,
    occurredAt: new Date().toISOString(),
    playbookId: 'demo',
    details: { amount: 25000 },
  };
  const { caseId } = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: signal })).body;
  await waitForEvent(h, caseId, 'contact_sent');
  expect((await postInboundSms(h, customer.phone, 'Call me after 6pm on +34600999888')).status).toBe(200);
  await waitForEvent(h, caseId, 'customer_replied');
  const { assignee, team } = (await h.call('GET', `/v1/cases/${caseId}`, { key: h.keys.supervisor })).body;
  const agentKey = (
    await createApiKey(h.db, { name: assignee.name, role: 'agent', teamId: team.id, agentId: assignee.id })
  ).key;

  const sheet = await h.call('GET', `/v1/cases/${caseId}/call-sheet`, { key: agentKey });
  expect(sheet.status).toBe(200);
  expect(callSheetResponse.parse(sheet.body)).toEqual(sheet.body);
  const s = sheet.body;
  expect(s.whyAtRisk).toMatchObject({
    driver: 'product_yield',
    driverSentence: 'Looking for a better return: rates or products elsewhere pay more.',
  });
  expect(s.whyAtRisk.signals[0].sentence).toMatch(
    /^A large transfer out \(severity 0\.9; amount 25000\), \d+ of the risk points\.$/,
  );
  expect(s.customer).toMatchObject({
    tier: 'affluent',
    assetsUnderManagement: 300_000,
    preferredChannels: ['sms'],
    consent: { sms: true, email: true, phone: true },
    contact: { phone: customer.phone, shown: 'full' },
  });
  expect(s.saidBefore.replies[0]).toMatchObject({
    channel: 'sms',
    text: 'Call me after 6pm on +34 ••• ••• 888',
    caseId,
  });
  expect(s.saidBefore.contacts[0]).toMatchObject({ channel: 'sms', purpose: 'contact', status: 'sent', caseId });
  expect(s.offer.budget).toBe(1500);
  const bonus = s.offer.eligible.find((o: { offerId: string }) => o.offerId === 'rate-bonus-50bp');
  expect(bonus.conditions).toEqual(
    expect.arrayContaining([
      'Costs 250: above 200, a supervisor approves it before it is made.',
      'The customer has 300s to accept once it is made.',
    ]),
  );
  expect(s.offer.eligible.map((o: { cost: number }) => o.cost)).toEqual(
    [...s.offer.eligible.map((o: { cost: number }) => o.cost)].sort((a, b) => b - a),
  );
  expect(s.script).toMatchObject({ templateId: 'contact' });
  expect(s.script.text).toContain('Hello Test Customer,');

  // The same reply is the task on the agent's day.
  const day = await h.call('GET', '/v1/me/today', { key: agentKey });
  expect(day.body.waiting.find((w: { caseId: string }) => w.caseId === caseId)).toMatchObject({
    task: 'answer_reply',
    channel: 'sms',
    detail: 'Call me after 6pm on +34 ••• ••• 888',
  });

  // Another team's agent does not see the case; a colleague sees the number masked.
  expect((await h.call('GET', `/v1/cases/${caseId}/call-sheet`, { key: h.keys.agent })).status).toBe(404);
  expect(
    (await h.call('GET', `/v1/cases/${caseId}/call-sheet`, { key: h.keys.supervisor })).body.customer.contact.shown,
  ).toBe('masked');
}, 120_000);
