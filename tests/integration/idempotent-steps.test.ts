// A person's answer to a case (a human step) is taken at most once, even when its response is lost: the API
// gives up on a busy or stopped worker after its deadline (503 step_pending) while Temporal may still take the
// step; sent again with the same Idempotency-Key, the answer joins the first instead of being given twice.
import {
  acceptOfferAndAwaitSurvey,
  createCustomer,
  outflowSignal,
  timeline,
  waitForClosed,
  waitForStage,
  MOVED_AWAY,
} from '../support/fixtures';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());

async function openDemoCase(): Promise<{ caseId: string; phone: string }> {
  const customer = await createCustomer(h, { preferredChannels: ['sms'] });
  const { caseId } = (
    await h.call('POST', '/v1/signals', {
      key: h.keys.system,
      body: { ...outflowSignal(customer.id), playbookId: 'demo' },
    })
  ).body;
  return { caseId, phone: customer.phone };
}

async function openContactingCase(): Promise<string> {
  const { caseId } = await openDemoCase();
  await waitForStage(h, caseId, 'contacting');
  return caseId;
}

// A contact outcome from the agent, named by its Idempotency-Key.
const answerer = (caseId: string, outcome: string) => (idempotencyKey: string) =>
  h.call('POST', `/v1/cases/${caseId}/contact-outcome`, {
    key: h.keys.agent,
    headers: { 'idempotency-key': idempotencyKey },
    body: { channel: 'phone', outcome, ...(outcome === 'refused' ? { reason: MOVED_AWAY } : {}) },
  });

// Sends the answer while no worker runs (so its update passes the API's deadline), then brings the worker back.
async function answerWithWorkerDown<R>(send: () => Promise<R>): Promise<R> {
  await h.stopWorker();
  try {
    return await send();
  } finally {
    await h.startWorker();
  }
}

const outcomes = async (caseId: string) =>
  (await timeline(h, caseId)).filter((e) => e.type === 'contact_outcome_recorded');

test('a contact outcome answered 503 while the worker is down is taken once when sent again with its Idempotency-Key', async () => {
  const caseId = await openContactingCase();
  const answer = answerer(caseId, 'reached');

  const lost = await answerWithWorkerDown(() => answer('answer-1'));
  expect({ status: lost.status, code: lost.body.error?.code, retryAfter: lost.headers.get('retry-after') }).toEqual({
    status: 503,
    code: 'step_pending',
    retryAfter: '5',
  });
  expect(lost.body.error.message).toMatch(/same Idempotency-Key/);

  const retried = await answer('answer-1');
  expect(retried.status).toBe(200);
  expect(retried.body.stage).not.toBe('contacting');
  expect(await outcomes(caseId)).toHaveLength(1);

  // The same key again returns the same outcome; a new key is a new answer, which the case no longer takes.
  expect((await answer('answer-1')).status).toBe(200);
  const another = await answer('answer-2');
  expect({ status: another.status, code: another.body.error?.code }).toEqual({ status: 409, code: 'wrong_stage' });
  expect(await outcomes(caseId)).toHaveLength(1);
}, 120_000);

test('an answer that closed the case, sent again after its 503, returns the closed case instead of a refusal', async () => {
  const caseId = await openContactingCase();
  const answer = answerer(caseId, 'refused');

  const lost = await answerWithWorkerDown(() => answer('refusal-1'));
  expect(lost.status).toBe(503);
  // Temporal still delivers the answer to the restarted worker, and the refusal closes the case.
  await waitForClosed(h, caseId);

  const retried = await answer('refusal-1');
  expect({ status: retried.status, caseStatus: retried.body.status, outcome: retried.body.outcome }).toEqual({
    status: 200,
    caseStatus: 'closed',
    outcome: 'declined',
  });
  const another = await answer('refusal-2');
  expect({ status: another.status, code: another.body.error?.code }).toEqual({ status: 409, code: 'wrong_stage' });
  expect(await outcomes(caseId)).toHaveLength(1);
}, 120_000);

test('an Idempotency-Key that is not printable ASCII is refused before the step is tried', async () => {
  const caseId = await openContactingCase();
  const res = await answerer(caseId, 'reached')('two words');
  expect({ status: res.status, code: res.body.error?.code, path: res.body.error?.details?.[0]?.path }).toEqual({
    status: 400,
    code: 'validation_failed',
    path: 'headers.idempotency-key',
  });
  expect(await outcomes(caseId)).toHaveLength(0);
}, 60_000);

test('a survey submitted twice at once is recorded once and both submissions are told it was recorded', async () => {
  const { caseId, phone } = await openDemoCase();
  const { token } = await acceptOfferAndAwaitSurvey(h, caseId, phone);

  const submissions = await Promise.all(
    [9, 9].map((score) => h.call('POST', `/v1/surveys/${token}`, { body: { score } })),
  );
  expect(submissions.map((s) => s.status)).toEqual([200, 200]);
  // However late the second copy comes: the same answer is told it was recorded, another is refused.
  const late = await h.call('POST', `/v1/surveys/${token}`, { body: { score: 9 } });
  expect({ status: late.status, body: late.body }).toEqual({ status: 200, body: { status: 'recorded', score: 9 } });
  expect((await h.call('POST', `/v1/surveys/${token}`, { body: { score: 3 } })).body.error?.code).toBe(
    'survey_already_answered',
  );
  expect((await timeline(h, caseId)).filter((e) => e.type === 'survey_answered')).toHaveLength(1);
}, 120_000);
