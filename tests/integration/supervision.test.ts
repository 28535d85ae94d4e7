// Supervisors' steps on a running case: reassignment to another agent (and team) and closing by hand, both
// on the timeline with the acting key's name.
import { createCustomer, outflowSignal, timeline, waitForStage, MOVED_AWAY } from '../support/fixtures';
import { startHarness, type Harness } from '../support/harness';
import { recordHistory } from '../support/histories';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

async function contactingCase() {
  const c = await createCustomer(h);
  const { caseId } = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(c.id) })).body;
  await waitForStage(h, caseId, 'contacting');
  return caseId as string;
}

test('a supervisor reassigns a case to an agent of another team', async () => {
  const caseId = await contactingCase();
  expect((await h.call('GET', `/v1/cases/${caseId}`, { key: h.keys.agent })).body.team.id).toBe('contact-centre');

  expect(
    (await h.call('POST', `/v1/cases/${caseId}/assignment`, { key: h.keys.agent, body: { agentId: 'agent-wb-1' } }))
      .status,
  ).toBe(403);
  expect(
    (await h.call('POST', `/v1/cases/${caseId}/assignment`, { key: h.keys.supervisor, body: { agentId: 'nobody' } }))
      .body.error.code,
  ).toBe('agent_not_found');

  const moved = await h.call('POST', `/v1/cases/${caseId}/assignment`, {
    key: h.keys.supervisor,
    body: { agentId: 'agent-wb-1', note: 'speaks the language' },
  });
  expect(moved.status).toBe(200);
  expect(moved.body).toMatchObject({
    stage: 'contacting',
    team: { id: 'wealth-branch' },
    assignee: { id: 'agent-wb-1' },
  });
  const event = (await timeline(h, caseId)).find((e) => e.type === 'case_reassigned')!;
  expect(event).toMatchObject({
    actor: 'supervisor:test supervisor',
    data: { to: { agentId: 'agent-wb-1', teamId: 'wealth-branch' }, note: 'speaks the language' },
  });
  expect(event.data.from.teamId).toBe('contact-centre');

  // The contact-centre agent no longer sees it.
  expect((await h.call('GET', `/v1/cases/${caseId}`, { key: h.keys.agent })).status).toBe(404);
});

test('a supervisor closes a waiting case by hand; the workflow ends and the case cannot be closed twice', async () => {
  const caseId = await contactingCase();
  expect(
    (await h.call('POST', `/v1/cases/${caseId}/close`, { key: h.keys.supervisor, body: { outcome: 'churned' } }))
      .status,
  ).toBe(400);

  const closed = await h.call('POST', `/v1/cases/${caseId}/close`, {
    key: h.keys.supervisor,
    body: { outcome: 'churned', note: 'customer moved abroad', reason: MOVED_AWAY },
  });
  expect(closed.status).toBe(200);
  expect(closed.body).toMatchObject({ status: 'closed', stage: 'closed', outcome: 'churned', churnReason: MOVED_AWAY });
  const last = (await timeline(h, caseId)).at(-1)!;
  expect(last).toMatchObject({
    type: 'case_closed',
    actor: 'supervisor:test supervisor',
    data: {
      outcome: 'churned',
      reason: 'closed_by_supervisor',
      note: 'customer moved abroad',
      churnReason: MOVED_AWAY,
    },
  });

  const again = await h.call('POST', `/v1/cases/${caseId}/close`, {
    key: h.keys.supervisor,
    body: { outcome: 'retained', note: 'oops' },
  });
  expect(again).toMatchObject({ status: 409, body: { error: { code: 'wrong_stage' }, stage: 'closed' } });
  const row = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
  expect(row.outcome).toBe('churned');
  await recordHistory(h, caseId, 'closed-by-supervisor');
});
