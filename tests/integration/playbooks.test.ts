// Playbooks as versioned data: a new version only affects cases started after it; running cases keep the
// version they pinned. Also the playbook API's validation and roles.
import { PLAYBOOKS } from '../../dev/seed';
import {
  caseStage,
  createCustomer,
  createTestPlaybook,
  outflowSignal,
  waitForClosed,
  waitForEvent,
  waitForStage,
  MOVED_AWAY,
} from '../support/fixtures';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

test('a running case keeps its pinned version while a new version changes new cases', async () => {
  const playbookId = await createTestPlaybook(h, () => undefined);
  const early = await createCustomer(h);
  const first = (
    await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(early.id, { playbookId }) })
  ).body;
  expect(await waitForStage(h, first.caseId, 'contacting')).toMatchObject({ playbook: { id: playbookId, version: 1 } });

  // Version 2: one attempt, two seconds to answer.
  const v2 = structuredClone(PLAYBOOKS.demo!) as Record<string, any>;
  v2.contact.maxAttempts = 1;
  v2.contact.outcomeTimeout = '2s';
  const created = await h.call('POST', `/v1/playbooks/${playbookId}/versions`, { key: h.keys.admin, body: v2 });
  expect(created).toMatchObject({ status: 201, body: { id: playbookId, version: 2 } });

  const late = await createCustomer(h);
  const second = (
    await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(late.id, { playbookId }) })
  ).body;
  const closed = await waitForClosed(h, second.caseId);
  expect(closed).toMatchObject({ outcome: 'unreachable', playbook: { id: playbookId, version: 2 } });

  // The first case, well past two seconds, is still waiting under version 1's five minutes.
  expect(await caseStage(h, first.caseId)).toMatchObject({
    stage: 'contacting',
    status: 'open',
    playbook: { version: 1 },
  });

  const listed = await h.call('GET', `/v1/playbooks/${playbookId}`, { key: h.keys.supervisor });
  expect(listed.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  expect(listed.body.versions[1].definition.contact.outcomeTimeout).toBe('2s');
});

test('without a playbookId the case gets the standard playbook for its tier and driver', async () => {
  const c = await createCustomer(h);
  const { caseId } = (
    await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(c.id, { playbookId: undefined }) })
  ).body;
  const assessed = await waitForEvent(h, caseId, 'risk_assessed');
  expect(assessed.data.playbook.id).toBe('standard');
});

test('a signal within the cool-down after a case closed is recorded against that case, opening none', async () => {
  const playbookId = await createTestPlaybook(h, (d) => {
    d.detect.cooldown = '1h';
  });
  const c = await createCustomer(h);
  const first = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(c.id, { playbookId }) }))
    .body;
  await waitForStage(h, first.caseId, 'contacting');
  await h.call('POST', `/v1/cases/${first.caseId}/close`, {
    key: h.keys.supervisor,
    body: { outcome: 'churned', note: 'account closed', reason: MOVED_AWAY },
  });

  const late = await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(c.id, { playbookId }) });
  expect(late.status).toBe(202);
  expect(late.body).toMatchObject({ caseId: first.caseId, duplicate: false });
  const closedAt = (await h.db.case.findUniqueOrThrow({ where: { id: first.caseId } })).closedAt!;
  expect(late.body.coolingDownUntil).toBe(new Date(closedAt.getTime() + 3_600_000).toISOString());
  expect(await h.db.case.count({ where: { customerId: c.id } })).toBe(1);
  expect(await h.db.riskSignal.count({ where: { customerId: c.id, caseId: first.caseId } })).toBe(2);

  // A person may still open a case on purpose.
  expect(
    (
      await h.call('POST', '/v1/cases', {
        key: h.keys.agent,
        body: { customerId: c.id, reason: 'customer asked to talk' },
      })
    ).status,
  ).toBe(201);
});

test('the playbook API validates definitions and keeps writes for admins', async () => {
  const bad = await h.call('POST', '/v1/playbooks/broken/versions', {
    key: h.keys.admin,
    body: { ...PLAYBOOKS.demo, survey: { delay: 'tomorrow', answerTimeout: '1d' } },
  });
  expect(bad.status).toBe(400);
  expect(bad.body.error.details[0].path).toBe('body.survey.delay');
  expect((await h.call('GET', '/v1/playbooks/broken', { key: h.keys.supervisor })).status).toBe(404);
  expect(
    (await h.call('POST', '/v1/playbooks/broken/versions', { key: h.keys.supervisor, body: PLAYBOOKS.demo })).status,
  ).toBe(403);
  expect(
    (await h.call('POST', '/v1/playbooks/Bad_Id/versions', { key: h.keys.admin, body: PLAYBOOKS.demo })).status,
  ).toBe(400);
  const list = await h.call('GET', '/v1/playbooks', { key: h.keys.supervisor });
  expect(list.body.items.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(['standard', 'demo']));
  expect((await h.call('GET', '/v1/playbooks', { key: h.keys.agent })).status).toBe(403);
});
