// The CRM is off the critical path: with the CRM down a case still reaches its first contact, the backlog
// shows in /v1/status (while /ready stays 200), and once the CRM is back it gets every timeline event
// exactly once, in order.
import { createCustomer, outflowSignal, timeline, waitForEvent } from '../support/fixtures';
import { eventually, startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  h.sinks.crm.down = false;
  await h?.stop();
});

test('a CRM outage delays only the CRM: the case is contacted, the backlog is visible, nothing is lost', async () => {
  h.sinks.crm.down = true;
  const customer = await createCustomer(h, { preferredChannels: ['sms'] });
  const { caseId } = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(customer.id) }))
    .body;

  await waitForEvent(h, caseId, 'contact_sent');
  expect(h.sinks.outbox.list({ kind: 'sms' }).filter((i) => i.to === customer.phone)).toHaveLength(1);
  expect(h.sinks.outbox.list({ kind: 'crm' }).filter((i) => i.to === caseId)).toEqual([]);
  const status = await eventually(async () => {
    const s = await h.call('GET', '/v1/status', { key: h.keys.supervisor });
    return s.body.crmOutbox.failing > 0 ? s.body : undefined;
  }, 'a failed CRM delivery to show');
  expect(status.crmOutbox).toMatchObject({
    backlog: expect.any(Number),
    oldestUndeliveredAt: expect.any(String),
    lastError: expect.any(String),
  });
  expect((await h.call('GET', '/ready')).status).toBe(200);

  h.sinks.crm.down = false;
  const events = await timeline(h, caseId);
  const delivered = await eventually(
    async () => {
      const got = h.sinks.outbox.list({ kind: 'crm' }).filter((i) => i.to === caseId);
      return got.length >= events.length ? got : undefined;
    },
    'the CRM to catch up',
    90_000,
  );
  // Outbox items are newest first: in arrival order, the sequence numbers must be 1, 2, 3, ...
  expect(delivered.map((i) => i.data?.seq).reverse()).toEqual(events.map((_, i) => i + 1));
  const keys = h.sinks.crm.received.filter((k) => k.startsWith(`${caseId}:`));
  expect(new Set(keys).size).toBe(events.length);
}, 150_000);
