// With no agent of the team free, a case waits in the team queue on the supervisors' board until a
// supervisor assigns it or an agent gets quota back. Uses its own team (premier life events) so other
// suites never route to it.
import {
  createCustomer,
  createTestPlaybook,
  outflowSignal,
  timeline,
  waitForEvent,
  waitForStage,
} from '../support/fixtures';
import { eventually, startHarness, uniqueId, type Harness } from '../support/harness';
import { recordHistory } from '../support/histories';

let h: Harness;
const teamId = uniqueId('queue-team');
const agentId = uniqueId('queue-agent');

beforeAll(async () => {
  h = await startHarness();
  await h.db.team.create({
    data: { id: teamId, name: 'Queue test team', tiers: ['premier'], drivers: ['life_event'] },
  });
  await h.db.agent.create({
    data: { id: agentId, teamId, name: 'Busy Agent', skills: ['lending'], dailyContactQuota: 0 },
  });
});
afterAll(async () => {
  // Cases keep referring to the team; it just stops serving anyone.
  await h?.db.team.update({ where: { id: teamId }, data: { tiers: [] } });
  await h?.stop();
});

async function lifeEventCase(playbookId: string) {
  const c = await createCustomer(h, {
    tier: 'premier',
    assetsUnderManagement: 800_000,
    preferredChannels: ['phone', 'sms'],
  });
  const body = outflowSignal(c.id, { playbookId, details: { purpose: 'house' } });
  return (await h.call('POST', '/v1/signals', { key: h.keys.system, body })).body.caseId as string;
}

test('a queued case shows as unassigned and proceeds once a supervisor assigns it', async () => {
  const playbookId = await createTestPlaybook(h, (d) => {
    d.assignment = { retryEvery: '1h' };
  });
  const caseId = await lifeEventCase(playbookId);
  await waitForEvent(h, caseId, 'queued_for_agent');
  const board = await h.call('GET', '/v1/cases?unassigned=true&limit=200', { key: h.keys.supervisor });
  expect(board.body.items.find((i: { caseId: string }) => i.caseId === caseId)).toMatchObject({
    stage: 'assigned',
    driver: 'life_event',
    team: { id: teamId },
  });

  await h.call('POST', `/v1/cases/${caseId}/assignment`, {
    key: h.keys.supervisor,
    body: { agentId: 'agent-pb-2', note: 'covering the queue' },
  });
  // Premier customers who take calls get their agent's call first.
  await waitForEvent(h, caseId, 'call_requested');
  expect(await waitForStage(h, caseId, 'contacting')).toMatchObject({ assignee: { id: 'agent-pb-2' } });
  await recordHistory(h, caseId, 'queued-then-assigned-open');
});

test('a queued case is picked up by the retry once an agent has quota again', async () => {
  const playbookId = await createTestPlaybook(h, (d) => {
    d.assignment = { retryEvery: '2s' };
  });
  const caseId = await lifeEventCase(playbookId);
  await waitForEvent(h, caseId, 'queued_for_agent');
  await h.db.agent.update({ where: { id: agentId }, data: { dailyContactQuota: 10 } });
  const assigned = await eventually(
    async () => (await timeline(h, caseId)).filter((e) => e.type === 'case_assigned')[1],
    'the retry to assign the case',
  );
  expect(assigned.data).toEqual({ teamId, agentId });
  await h.db.agent.update({ where: { id: agentId }, data: { dailyContactQuota: 0 } });
});
