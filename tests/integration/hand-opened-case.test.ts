// A case opened by hand from the customer page runs its playbook like any other; it is refused, with a
// message that says why, for a customer outside the agent's team, with an open case, or with no channel.
import { createApiKey } from '../../api/services/api-keys';
import { handOpenedResponse } from '../../api/http/desk-schemas';
import { createTeam } from '../support/case-rows';
import { createCustomer, timeline, waitForStage } from '../support/fixtures';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
// A person of the contact centre, which serves the mass tier the test customers are in.
let samKey: string;
// A person of a team serving no tier.
let outsiderKey: string;
beforeAll(async () => {
  h = await startHarness();
  samKey = (
    await createApiKey(h.db, { name: 'Sam Lee', role: 'agent', teamId: 'contact-centre', agentId: 'agent-cc-1' })
  ).key;
  const team = await createTeam(h.db, [{}]);
  outsiderKey = (
    await createApiKey(h.db, { name: 'Outsider', role: 'agent', teamId: team.teamId, agentId: team.agentIds[0] })
  ).key;
});
afterAll(async () => {
  await h?.stop();
});

const openByHand = (key: string, customerId: string, body: unknown) =>
  h.call('POST', `/v1/customers/${customerId}/cases`, { key, body });

test("an agent opens a case for their team's customer and it runs its playbook; a second is refused with the first's id", async () => {
  const customer = await createCustomer(h);
  const opened = await openByHand(samKey, customer.id, {
    reason: 'moving savings to a competitor, said in branch',
    playbookId: 'demo',
  });
  expect(opened.status).toBe(201);
  expect(handOpenedResponse.parse(opened.body)).toEqual(opened.body);
  expect(opened.body).toMatchObject({ stage: 'detected', playbook: { id: 'demo' } });
  const caseId = opened.body.caseId as string;
  await waitForStage(h, caseId, 'contacting');
  const events = await timeline(h, caseId);
  expect(events[0]).toMatchObject({ type: 'case_opened' });
  expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['risk_assessed', 'case_assigned', 'contact_sent']));
  expect(JSON.stringify(events[0])).toContain('agent:Sam Lee');

  const again = await openByHand(samKey, customer.id, { reason: 'again' });
  expect(again).toMatchObject({
    status: 409,
    body: { error: { code: 'case_already_open' }, caseId, link: `/v1/cases/${caseId}` },
  });
  expect(again.body.error.message).toContain(caseId);
}, 120_000);

test('a customer with no consented channel is refused, saying which channel lacks what', async () => {
  const customer = await createCustomer(h, { consent: { sms: false, email: true, phone: false } });
  const res = await openByHand(samKey, customer.id, { reason: 'complaint in branch' });
  expect(res).toMatchObject({ status: 422, body: { error: { code: 'no_consented_channel' } } });
  expect(res.body.error.message).toBe(
    `customer ${customer.id} cannot be contacted on any channel (sms: no consent, email: not a preferred channel, phone: no consent); record their consent (POST /v1/customers/${customer.id}/consent) or their contact details first`,
  );
  expect(await h.db.case.count({ where: { customerId: customer.id } })).toBe(0);
});

test("a customer outside the agent's team is refused, and a case needs its reason", async () => {
  const customer = await createCustomer(h);
  const outside = await openByHand(outsiderKey, customer.id, { reason: 'walked in' });
  expect(outside).toMatchObject({ status: 404, body: { error: { code: 'customer_not_found' } } });
  expect(outside.body.error.message).toMatch(
    /customers \(the tiers it serves, or a case it worked\); a supervisor can open any customer$/,
  );
  const noReason = await openByHand(samKey, customer.id, { reason: ' ' });
  expect(noReason).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });
  expect(noReason.body.error.message).toContain('say why the customer is at risk');
  expect(await h.db.case.count({ where: { customerId: customer.id } })).toBe(0);
});
