// A retention case from a posted risk signal through detect, assign, contact, offer and re-survey to closed,
// on the real Temporal server, PostgreSQL, SMTP sink and Twilio SDK, with the `demo` playbook.
import { caseStage, createCustomer, outflowSignal, waitForStage, MOVED_AWAY } from '../support/fixtures';
import { eventually, startHarness, type Harness } from '../support/harness';
import { recordHistory } from '../support/histories';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const surveyToken = (body: string) => /\/s\/([A-Za-z0-9_-]+)/.exec(body)?.[1];

test('an SMS customer goes from a signal to closed as retained through all five stages', async () => {
  const customer = await createCustomer(h, { tier: 'mass', assetsUnderManagement: 20_000, preferredChannels: ['sms'] });
  const signal = await h.call('POST', '/v1/signals', {
    key: h.keys.system,
    body: { ...outflowSignal(customer.id), playbookId: 'demo' },
  });
  expect(signal.status).toBe(202);
  expect(signal.body).toMatchObject({ workflowId: `retention-case/${customer.id}`, duplicate: false });
  const { caseId } = signal.body;

  // detect + assign + contact: the SMS reaches the Twilio-shaped sink through the Twilio SDK.
  const contacted = await waitForStage(h, caseId, 'contacting');
  expect(contacted).toMatchObject({
    driver: 'product_yield',
    team: { id: 'contact-centre' },
    playbook: { id: 'demo' },
  });
  const sms = await h.sinks.outbox.waitFor((i) => i.kind === 'sms' && i.to === customer.phone);
  expect(sms.body).toContain('client care team');

  const agent = h.keys.agent;
  const reached = await h.call('POST', `/v1/cases/${caseId}/contact-outcome`, {
    key: agent,
    body: { channel: 'phone', outcome: 'reached', note: 'wants better rate' },
  });
  expect(reached.status).toBe(200);

  // offer: 0.5% of 20,000 = 100 budget -> the 60 rate bonus, below the approval threshold.
  const offering = await waitForStage(h, caseId, 'awaiting_decision');
  const detail = (await h.call('GET', `/v1/cases/${caseId}`, { key: agent })).body;
  expect(detail.offer).toMatchObject({ offerId: 'rate-bonus-25bp', cost: 60, status: 'presented' });
  expect(offering.status).toBe('open');
  const accepted = await h.call('POST', `/v1/cases/${caseId}/offer-decision`, {
    key: agent,
    body: { decision: 'accepted' },
  });
  expect(accepted.status).toBe(200);
  expect(accepted.body.offer.status).toBe('accepted');

  // re-survey: after the demo playbook's 3 s delay, an SMS with the survey link.
  const surveySms = await h.sinks.outbox.waitFor(
    (i) => i.kind === 'sms' && i.to === customer.phone && i.body.includes('/s/'),
  );
  const token = surveyToken(surveySms.body)!;
  expect(surveySms.body).toContain(`${h.baseUrl}/s/${token}`);
  await waitForStage(h, caseId, 'surveyed');
  const page = await h.call('GET', `/s/${token}`);
  expect(page.status).toBe(200);
  expect(page.body).toContain('How did we do?');
  const answered = await h.call('POST', `/v1/surveys/${token}`, { body: { score: 9, comment: 'thanks' } });
  expect(answered.status).toBe(200);
  const again = await h.call('POST', `/v1/surveys/${token}`, { body: { score: 3 } });
  expect(again.status).toBe(409);
  expect(again.body.error.code).toBe('survey_already_answered');

  const closed = await eventually(async () => {
    const c = await caseStage(h, caseId);
    return c?.status === 'closed' ? c : undefined;
  }, 'case closed');
  expect(closed).toMatchObject({ stage: 'closed', outcome: 'retained' });

  // The timeline tells the story in order.
  const timeline = (await h.call('GET', `/v1/cases/${caseId}/timeline`, { key: agent })).body.events as {
    type: string;
    actor: string;
  }[];
  expect(timeline.map((e) => e.type)).toEqual([
    'case_opened',
    'risk_assessed',
    'case_assigned',
    'contact_sent',
    'contact_outcome_recorded',
    'offer_presented',
    'offer_decision_recorded',
    'fulfilment_requested',
    'resurvey_scheduled',
    'survey_sent',
    'survey_answered',
    'case_closed',
  ]);
  expect(timeline.find((e) => e.type === 'contact_outcome_recorded')?.actor).toBe('agent:test agent');

  // The database holds what happened, once each.
  const attempts = await h.db.contactAttempt.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' } });
  expect(attempts.map((a) => [a.purpose, a.channel, a.status])).toEqual([
    ['contact', 'sms', 'sent'],
    ['outcome', 'phone', 'recorded'],
    ['survey', 'sms', 'sent'],
  ]);
  expect(await h.db.caseOffer.findMany({ where: { caseId }, select: { offerId: true, status: true } })).toEqual([
    { offerId: 'rate-bonus-25bp', status: 'accepted' },
  ]);
  expect(await h.db.survey.findFirst({ where: { caseId }, select: { score: true, comment: true } })).toEqual({
    score: 9,
    comment: 'thanks',
  });
  expect(h.sinks.outbox.list({ kind: 'sms' }).filter((i) => i.to === customer.phone)).toHaveLength(2);

  // The back office got one fulfilment task for the accepted offer.
  const tasks = h.sinks.outbox.list({ kind: 'crm' }).filter((i) => i.data?.task === 'fulfilment' && i.to === caseId);
  expect(tasks.map((t) => [t.data?.offerId, t.data?.idempotencyKey])).toEqual([
    ['rate-bonus-25bp', `${caseId}:fulfilment`],
  ]);

  // Every timeline event reached the CRM exactly once (the last push trails the database write).
  await h.sinks.outbox.waitFor((i) => i.kind === 'crm' && i.to === caseId && i.data?.seq === timeline.length);
  const crm = h.sinks.outbox.list({ kind: 'crm' }).filter((i) => i.to === caseId && i.data?.task !== 'fulfilment');
  expect(crm.map((i) => i.data?.seq).sort((a, b) => Number(a) - Number(b))).toEqual(timeline.map((_, i) => i + 1));
  await recordHistory(h, caseId, 'retained-with-fulfilment');
});

test('an email customer above the approval threshold waits for a supervisor, then gets the offer', async () => {
  // 0.5% of 300,000 = 1,500 budget: the 250 rate bonus needs approval (threshold 200).
  const customer = await createCustomer(h, {
    tier: 'affluent',
    assetsUnderManagement: 300_000,
    preferredChannels: ['email'],
  });
  const { caseId } = (
    await h.call('POST', '/v1/signals', {
      key: h.keys.system,
      body: { ...outflowSignal(customer.id), playbookId: 'demo' },
    })
  ).body;

  const mail = await h.sinks.outbox.waitFor((i) => i.kind === 'email' && i.to === customer.email);
  expect(mail.subject).toBe('Your accounts with us');
  expect(mail.body).toContain('Hello Test Customer,');

  await waitForStage(h, caseId, 'contacting');
  await h.call('POST', `/v1/cases/${caseId}/contact-outcome`, {
    key: h.keys.supervisor,
    body: { channel: 'email', outcome: 'reached' },
  });
  await waitForStage(h, caseId, 'offering');
  const pending = (await h.call('GET', `/v1/cases/${caseId}`, { key: h.keys.supervisor })).body;
  expect(pending.offer).toMatchObject({ offerId: 'rate-bonus-50bp', status: 'pending_approval' });

  // Agents cannot approve; supervisors can.
  const byAgent = await h.call('POST', `/v1/cases/${caseId}/offer-approval`, {
    key: h.keys.agent,
    body: { approve: true },
  });
  expect(byAgent.status).toBe(403);
  const approved = await h.call('POST', `/v1/cases/${caseId}/offer-approval`, {
    key: h.keys.supervisor,
    body: { approve: true, note: 'valuable client' },
  });
  expect(approved.status).toBe(200);
  await waitForStage(h, caseId, 'awaiting_decision');

  const declined = await h.call('POST', `/v1/cases/${caseId}/offer-decision`, {
    key: h.keys.supervisor,
    body: { decision: 'declined', reason: MOVED_AWAY },
  });
  expect(declined.status).toBe(200);
  expect(declined.body).toMatchObject({ status: 'closed', outcome: 'declined', churnReason: MOVED_AWAY });
  expect(await h.db.caseOffer.findMany({ where: { caseId }, select: { offerId: true, status: true } })).toEqual([
    { offerId: 'rate-bonus-50bp', status: 'declined' },
  ]);
  await recordHistory(h, caseId, 'declined-after-approval');
});
