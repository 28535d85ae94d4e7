// The customer lookup and file: an agent finds only their team's customers (the tiers the team serves, or a
// case on the team), and sees a phone or email in full only while working that customer's open case.
import { createApiKey } from '../../api/services/api-keys';
import { customerFileResponse, customerSearchResponse } from '../../api/http/desk-schemas';
import { createTeam, insertCase } from '../support/case-rows';
import { startHarness, uniqueId, type Harness } from '../support/harness';

let h: Harness;
const keys = { working: '', colleague: '' };
const customers = {
  mine: { id: '', name: '', phone: '+34600123456', email: '' },
  closed: { id: '' },
  otherTeam: { id: '' },
};
let teamId: string;

async function customerOf(caseId: string, name: string, phone?: string, email?: string): Promise<string> {
  const { customerId } = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
  await h.db.customer.update({ where: { id: customerId }, data: { name, phone, email } });
  return customerId;
}

beforeAll(async () => {
  h = await startHarness({ worker: false });
  // A team serving no tier: only the cases below make customers its own.
  const team = await createTeam(h.db, [{}, {}]);
  teamId = team.teamId;
  const [working, colleague] = team.agentIds as [string, string];
  keys.working = (await createApiKey(h.db, { name: 'Working agent', role: 'agent', teamId, agentId: working })).key;
  keys.colleague = (await createApiKey(h.db, { name: 'Colleague', role: 'agent', teamId, agentId: colleague })).key;
  const tag = uniqueId('Ana');
  customers.mine.name = `${tag} García`;
  customers.mine.phone = `+3460${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
  customers.mine.email = `${tag.toLowerCase()}@example.com`;
  const open = await insertCase(h.db, teamId, { agentId: working, openedAt: new Date() });
  customers.mine.id = await customerOf(open, customers.mine.name, customers.mine.phone, customers.mine.email);
  await h.db.contactAttempt.create({
    data: {
      key: `${open}:outcome:1`,
      caseId: open,
      customerId: customers.mine.id,
      agentId: working,
      channel: 'phone',
      purpose: 'outcome',
      status: 'recorded',
      outcome: 'no_answer',
      note: 'try +34600999888 after lunch',
    },
  });
  customers.closed.id = await customerOf(
    await insertCase(h.db, teamId, { status: 'closed', outcome: 'retained', agentId: colleague, openedAt: new Date() }),
    `${tag} Closed`,
    '+34600111222',
  );
  customers.otherTeam.id = await customerOf(
    await insertCase(h.db, 'wealth-branch', { agentId: 'agent-wb-1', openedAt: new Date() }),
    `${tag} Elsewhere`,
    '+34600333444',
  );
});
afterAll(async () => {
  await h?.stop();
});

const search = (key: string, query: string) =>
  h.call('GET', `/v1/customers?query=${encodeURIComponent(query)}`, { key });
const found = async (key: string, query: string) =>
  ((await search(key, query)).body.items as { customerId: string }[]).map((c) => c.customerId);

test("an agent finds their team's customers by id, name, phone or email, and no one else's", async () => {
  const byId = await search(keys.working, customers.mine.id);
  expect(byId.status).toBe(200);
  expect(customerSearchResponse.parse(byId.body)).toEqual(byId.body);
  expect(byId.body.items[0]).toMatchObject({
    customerId: customers.mine.id,
    contact: { phone: customers.mine.phone, email: customers.mine.email, shown: 'full' },
    openCase: { yours: true },
  });
  expect(await found(keys.working, customers.mine.phone.slice(-7))).toEqual([customers.mine.id]);
  expect(await found(keys.working, customers.mine.email.toUpperCase())).toEqual([customers.mine.id]);
  // The name finds both of the team's customers, never the other team's.
  const tag = customers.mine.name.split(' ')[0]!;
  expect((await found(keys.working, tag)).sort()).toEqual([customers.closed.id, customers.mine.id].sort());
  expect(await found(keys.working, customers.otherTeam.id)).toEqual([]);
  expect(await found(keys.working, '600333444')).toEqual([]);
  // A supervisor finds every customer.
  expect(await found(h.keys.supervisor, customers.otherTeam.id)).toEqual([customers.otherTeam.id]);
});

test("phone and email are masked except for the agent working the customer's open case", async () => {
  const colleague = (await search(keys.colleague, customers.mine.id)).body.items[0];
  expect(colleague.contact).toEqual({
    phone: `+34 ••• ••• ${customers.mine.phone.slice(-3)}`,
    email: `${customers.mine.email[0]}•••@example.com`,
    shown: 'masked',
  });
  expect(colleague.openCase.yours).toBe(false);
  expect((await search(h.keys.supervisor, customers.mine.id)).body.items[0].contact.shown).toBe('masked');
  // A closed case is nobody's to call.
  expect((await search(keys.colleague, customers.closed.id)).body.items[0].contact).toMatchObject({
    phone: '+34 ••• ••• 222',
    shown: 'masked',
  });
});

test("the customer's file: profile, consent, cases with outcomes, contacts in the cap window", async () => {
  const file = await h.call('GET', `/v1/customers/${customers.mine.id}/file`, { key: keys.working });
  expect(file.status).toBe(200);
  expect(customerFileResponse.parse(file.body)).toEqual(file.body);
  expect(file.body.customer).toMatchObject({ customerId: customers.mine.id, tier: 'mass', contact: { shown: 'full' } });
  expect(file.body.cases).toEqual([
    expect.objectContaining({ status: 'open', team: { id: teamId, name: `Team ${teamId}` } }),
  ]);
  expect(file.body.contactsInCapWindow).toMatchObject({
    window: '7d',
    maxContacts: 3,
    left: 2,
    contacts: [{ channel: 'phone', outcome: 'no_answer', note: 'try +34 ••• ••• 888 after lunch' }],
  });
  expect(
    (await h.call('GET', `/v1/customers/${customers.closed.id}/file`, { key: keys.working })).body.cases[0],
  ).toMatchObject({ status: 'closed', outcome: 'retained' });

  const elsewhere = await h.call('GET', `/v1/customers/${customers.otherTeam.id}/file`, { key: keys.working });
  expect(elsewhere).toMatchObject({ status: 404, body: { error: { code: 'customer_not_found' } } });
  expect(elsewhere.body.error.message).toContain(`team ${teamId}'s customers`);
  expect((await h.call('GET', `/v1/customers/${customers.otherTeam.id}/file`, { key: h.keys.supervisor })).status).toBe(
    200,
  );
});

test('a lookup too short to mean anything is refused with what to type', async () => {
  const res = await search(keys.working, 'a');
  expect(res).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });
  expect(res.body.error.message).toContain('at least 2 characters');
});
