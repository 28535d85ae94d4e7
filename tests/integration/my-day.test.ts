// An agent's day (GET /v1/me/today) on real cases: exactly the cases waiting on that agent, soonest deadline
// first; a case leaves the list once the agent records its outcome; a callback shows at the customer's time;
// a follow-up due today is listed; whose day a key may open.
import { createApiKey } from '../../api/services/api-keys';
import { myDayResponse } from '../../api/http/desk-schemas';
import { createTeam, insertCase } from '../support/case-rows';
import { createCustomer, outflowSignal, waitForEvent, MOVED_AWAY } from '../support/fixtures';
import { eventually, startHarness, type Harness } from '../support/harness';

let h: Harness;
let team: { teamId: string; agentIds: string[] };
const keys: { dana: string; noor: string } = { dana: '', noor: '' };
beforeAll(async () => {
  h = await startHarness();
  // A team of its own serves no tier, so no other test's case is routed to its agents.
  team = await createTeam(h.db, [{ quota: 10 }, {}]);
  keys.dana = (
    await createApiKey(h.db, { name: 'Dana', role: 'agent', teamId: team.teamId, agentId: team.agentIds[0] })
  ).key;
  keys.noor = (
    await createApiKey(h.db, { name: 'Noor', role: 'agent', teamId: team.teamId, agentId: team.agentIds[1] })
  ).key;
});
afterAll(async () => {
  await h?.stop();
});

// A case waiting for its agent's first move, handed to one of this team's agents.
async function caseFor(agentId: string, channel: 'phone' | 'sms'): Promise<string> {
  const c = await createCustomer(h, { preferredChannels: [channel] });
  const { caseId } = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(c.id) })).body;
  await waitForEvent(h, caseId, channel === 'phone' ? 'call_requested' : 'contact_sent');
  const moved = await h.call('POST', `/v1/cases/${caseId}/assignment`, { key: h.keys.supervisor, body: { agentId } });
  expect(moved.status).toBe(200);
  return caseId;
}

const today = async (key: string, query = '') => h.call('GET', `/v1/me/today${query}`, { key });

test("an agent's day lists exactly their waiting cases, soonest SLA first, and drops one once its outcome is recorded", async () => {
  const [dana, noor] = team.agentIds as [string, string];
  const first = await caseFor(dana, 'phone');
  const second = await caseFor(dana, 'phone');
  const third = await caseFor(dana, 'phone');
  const noorsCase = await caseFor(noor, 'sms');
  // The first case's deadline moves an hour out: it is now the last to work.
  expect(
    (
      await h.call('POST', `/v1/cases/${first}/sla`, {
        key: h.keys.supervisor,
        body: { until: new Date(Date.now() + 3_600_000).toISOString() },
      })
    ).status,
  ).toBe(200);

  const day = await today(keys.dana);
  expect(day.status).toBe(200);
  expect(day.body.waiting.map((w: { caseId: string }) => w.caseId)).toEqual([second, third, first]);
  expect(day.body.waiting[0]).toMatchObject({
    task: 'call',
    channel: 'phone',
    overdue: false,
    customer: { timeZone: 'Europe/Madrid' },
  });
  expect(day.body.waiting[0].dueCustomerTime).toMatch(/\(Europe\/Madrid\)$/);
  expect(day.body.contacts).toEqual({ today: 0, quota: 10, left: 10 });
  expect(day.body.agent).toEqual({ id: dana, name: 'Agent 1', teamId: team.teamId });
  // The OpenAPI document's shape of the answer loses nothing of it.
  expect(myDayResponse.parse(day.body)).toEqual(day.body);

  const noorsDay = await today(keys.noor);
  expect(noorsDay.body.waiting).toEqual([
    expect.objectContaining({ caseId: noorsCase, task: 'record_outcome', channel: 'sms' }),
  ]);

  // Dana records the call: the customer refused; the case leaves her day, and the contact counts.
  expect(
    (
      await h.call('POST', `/v1/cases/${second}/contact-outcome`, {
        key: keys.dana,
        body: { channel: 'phone', outcome: 'refused', reason: MOVED_AWAY },
      })
    ).status,
  ).toBe(200);
  const after = await today(keys.dana);
  expect(after.body.waiting.map((w: { caseId: string }) => w.caseId)).toEqual([third, first]);
  expect(after.body.contacts).toEqual({ today: 1, quota: 10, left: 9 });

  // The customer asks to be called back in two hours: the case waits for that call, after the first case's hour.
  const callbackAt = new Date(Date.now() + 2 * 3_600_000);
  expect(
    (
      await h.call('POST', `/v1/cases/${third}/contact-outcome`, {
        key: keys.dana,
        body: { channel: 'phone', outcome: 'callback_requested', callbackAt: callbackAt.toISOString() },
      })
    ).status,
  ).toBe(200);
  const callback = (await today(keys.dana)).body.waiting;
  expect(callback.map((w: { caseId: string }) => w.caseId)).toEqual([first, third]);
  expect(callback[1]).toMatchObject({ task: 'callback', dueAt: callbackAt.toISOString() });

  // A supervisor opens Dana's day and sees the same list.
  expect(
    ((await today(h.keys.supervisor, `?agentId=${dana}`)).body.waiting as { caseId: string }[]).map((w) => w.caseId),
  ).toEqual([first, third]);
}, 180_000);

test("a follow-up that falls today is listed with the time on the customer's clock", async () => {
  const [, noor] = team.agentIds as [string, string];
  const caseId = await insertCase(h.db, team.teamId, {
    stage: 'resurvey_scheduled',
    agentId: noor,
    openedAt: new Date(),
  });
  const at = new Date();
  await h.db.caseEvent.create({
    data: { caseId, seq: 1, at, type: 'resurvey_scheduled', actor: 'holdfast', data: { at: at.toISOString() } },
  });
  const followUps = await eventually(async () => {
    const list = (await today(keys.noor)).body.followUps as { caseId: string }[];
    return list.some((f) => f.caseId === caseId) ? list : undefined;
  }, 'the follow-up in the day');
  expect(followUps.find((f) => f.caseId === caseId)).toMatchObject({ kind: 'survey', at: at.toISOString() });
});

test('whose day a key may open, each refusal saying why', async () => {
  const [dana] = team.agentIds as [string];
  expect(await today(keys.noor, `?agentId=${dana}`)).toMatchObject({
    status: 403,
    body: { error: { code: 'forbidden' } },
  });
  expect(await today(h.keys.supervisor)).toMatchObject({ status: 400, body: { error: { code: 'agent_required' } } });
  expect(await today(h.keys.supervisor, '?agentId=nobody')).toMatchObject({
    status: 404,
    body: { error: { code: 'agent_not_found' } },
  });
  // The harness's team key belongs to no person.
  const teamKey = await today(h.keys.agent);
  expect(teamKey).toMatchObject({ status: 409, body: { error: { code: 'key_without_agent' } } });
  expect(teamKey.body.error.message).toMatch(/personal key/);
  expect((await today(h.keys.system)).status).toBe(403);
});
