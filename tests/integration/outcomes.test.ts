// Final outcomes from the observation window (a balance_recovery signal means retained), and the holdout
// group that gets no treatment so lift can be measured.
import { inHoldout } from '../../domain/holdout';
import {
  acceptOfferAndAwaitSurvey,
  createCustomer,
  createTestPlaybook,
  outflowSignal,
  timeline,
  waitForClosed,
  waitForStage,
} from '../support/fixtures';
import { startHarness, type Harness } from '../support/harness';
import { recordHistory } from '../support/histories';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const recovery = (customerId: string) => ({
  ...outflowSignal(customerId),
  type: 'balance_recovery',
  severity: undefined,
});

async function customerWhere(test: (id: string) => boolean) {
  for (;;) {
    const c = await createCustomer(h);
    if (test(c.id)) return c;
  }
}

test('a holdout customer gets no contact, is observed, and is retained when the balance recovers', async () => {
  const playbookId = await createTestPlaybook(h, (d) => {
    d.holdout = { percent: 50 };
    d.outcome = { observationWindow: '60s' };
  });
  const held = await customerWhere((id) => inHoldout(id, playbookId, 50));
  const treated = await customerWhere((id) => !inHoldout(id, playbookId, 50));

  const heldCase = (
    await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(held.id, { playbookId }) })
  ).body.caseId;
  const treatedCase = (
    await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(treated.id, { playbookId }) })
  ).body.caseId;
  await waitForStage(h, heldCase, 'observing');
  await waitForStage(h, treatedCase, 'contacting');
  expect((await timeline(h, heldCase)).map((e) => e.type)).toEqual([
    'case_opened',
    'risk_assessed',
    'holdout_assigned',
    'observation_started',
  ]);

  const recovered = await h.call('POST', '/v1/signals', { key: h.keys.system, body: recovery(held.id) });
  expect(recovered.body.caseId).toBe(heldCase);
  const closed = await waitForClosed(h, heldCase);
  expect(closed.outcome).toBe('retained');
  expect((await timeline(h, heldCase)).at(-1)!.data).toMatchObject({ reason: 'holdout', observed: 'recovered' });
  expect(h.sinks.outbox.list().filter((i) => i.to === held.phone || i.to === held.email)).toEqual([]);
  expect(h.sinks.outbox.list({ kind: 'sms' }).some((i) => i.to === treated.phone)).toBe(true);
  await recordHistory(h, heldCase, 'holdout-recovered');
});

test('an accepted offer with no recovery in the observation window ends as churned', async () => {
  const playbookId = await createTestPlaybook(h, (d) => {
    d.outcome = { observationWindow: '2s' };
  });
  const c = await createCustomer(h);
  const { caseId } = (
    await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(c.id, { playbookId }) })
  ).body;
  const { token } = await acceptOfferAndAwaitSurvey(h, caseId, c.phone);
  await h.call('POST', `/v1/surveys/${token}`, { body: { score: 9 } });

  await waitForStage(h, caseId, 'observing');
  const closed = await waitForClosed(h, caseId);
  expect(closed.outcome).toBe('churned');
  expect((await timeline(h, caseId)).at(-1)!.data).toMatchObject({
    reason: 'survey_answered',
    score: 9,
    observed: 'no_recovery',
  });
  await recordHistory(h, caseId, 'accepted-observed-churned');
});

test('a recovery signal without an open case is recorded and opens none', async () => {
  const c = await createCustomer(h);
  const res = await h.call('POST', '/v1/signals', { key: h.keys.system, body: recovery(c.id) });
  expect(res).toMatchObject({ status: 202, body: { caseId: null, duplicate: false } });
  expect(await h.db.case.count({ where: { customerId: c.id } })).toBe(0);
  expect(await h.db.riskSignal.count({ where: { customerId: c.id } })).toBe(1);
});

test('a balance_recovery before the observation window does not make the case retained', async () => {
  const playbookId = await createTestPlaybook(h, (d) => {
    d.outcome = { observationWindow: '2s' };
  });
  const c = await createCustomer(h);
  const { caseId } = (
    await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(c.id, { playbookId }) })
  ).body;
  await waitForStage(h, caseId, 'contacting');
  // The balance comes back while the agent is still contacting: that is not the treatment's effect.
  expect((await h.call('POST', '/v1/signals', { key: h.keys.system, body: recovery(c.id) })).body.caseId).toBe(caseId);
  const { token } = await acceptOfferAndAwaitSurvey(h, caseId, c.phone);
  await h.call('POST', `/v1/surveys/${token}`, { body: { score: 9 } });
  const closed = await waitForClosed(h, caseId);
  expect(closed.outcome).toBe('churned');
  expect((await timeline(h, caseId)).at(-1)!.data).toMatchObject({ observed: 'no_recovery' });
});
