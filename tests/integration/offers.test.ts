// Offers on the real server: a supervisor's rejection falls back to the next-best eligible offer, and an
// offer nobody decides on expires and closes the case.
import {
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

async function reachedCase(playbookId?: string) {
  // 0.5% of 300,000: budget 1,500, so the 250 rate bonus (approval needed) comes first, then the 60 one.
  const c = await createCustomer(h, { tier: 'affluent', assetsUnderManagement: 300_000 });
  const { caseId } = (
    await h.call('POST', '/v1/signals', {
      key: h.keys.system,
      body: outflowSignal(c.id, playbookId ? { playbookId } : {}),
    })
  ).body;
  await waitForStage(h, caseId, 'contacting');
  await h.call('POST', `/v1/cases/${caseId}/contact-outcome`, {
    key: h.keys.supervisor,
    body: { channel: 'phone', outcome: 'reached' },
  });
  return caseId as string;
}

test('a rejected offer falls back to the next-best eligible offer', async () => {
  const caseId = await reachedCase();
  await waitForStage(h, caseId, 'offering');
  const rejected = await h.call('POST', `/v1/cases/${caseId}/offer-approval`, {
    key: h.keys.supervisor,
    body: { approve: false, note: 'too generous for this driver' },
  });
  expect(rejected.status).toBe(200);
  await waitForStage(h, caseId, 'awaiting_decision');
  const detail = (await h.call('GET', `/v1/cases/${caseId}`, { key: h.keys.supervisor })).body;
  expect(detail.offer).toMatchObject({ offerId: 'rate-bonus-25bp', status: 'presented' });
  const offers = await h.db.caseOffer.findMany({
    where: { caseId },
    orderBy: { createdAt: 'asc' },
    select: { offerId: true, status: true },
  });
  expect(offers).toEqual([
    { offerId: 'rate-bonus-50bp', status: 'rejected' },
    { offerId: 'rate-bonus-25bp', status: 'presented' },
  ]);
  expect((await timeline(h, caseId)).find((e) => e.type === 'offer_rejected')?.actor).toBe(
    'supervisor:test supervisor',
  );
});

test('an offer without a decision expires and the case closes as declined', async () => {
  const playbookId = await createTestPlaybook(h, (d) => {
    d.offer.expiry = '2s';
    d.offer.approvalCostThreshold = 10_000;
  });
  const caseId = await reachedCase(playbookId);
  const closed = await waitForClosed(h, caseId);
  expect(closed.outcome).toBe('declined');
  expect((await timeline(h, caseId)).at(-1)!.data).toMatchObject({
    reason: 'offer_expired',
    offerId: 'rate-bonus-50bp',
  });
  expect(await h.db.caseOffer.findMany({ where: { caseId }, select: { status: true } })).toEqual([
    { status: 'expired' },
  ]);
  await recordHistory(h, caseId, 'offer-expired');
});
