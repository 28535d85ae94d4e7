// Kills the worker process (SIGKILL) while it is sending the contact SMS, starts a new one, and checks that
// the case still completes and the customer got each message exactly once.
import type { ChildProcess } from 'node:child_process';
import { caseStage, createCustomer, outflowSignal, waitForStage } from '../support/fixtures';
import { startWorkerProcess } from '../support/processes';
import { eventually, startHarness, type Harness } from '../support/harness';

let h: Harness;
const workers: ChildProcess[] = [];

async function startWorker(): Promise<ChildProcess> {
  const child = await startWorkerProcess({ ...h.env, LOG_LEVEL: 'info' }, { showErrors: true });
  workers.push(child);
  return child;
}

beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(async () => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
  await h?.stop();
});

test('a worker killed mid-send is replaced and the case completes without a duplicate message', async () => {
  const customer = await createCustomer(h, { preferredChannels: ['sms'] });
  let first: ChildProcess | undefined = await startWorker();
  let killedDuringSend = false;
  h.sinks.twilio.beforeReply = async (to) => {
    if (to !== customer.phone || !first) return;
    // The SMS reached the provider but the worker dies before it hears back.
    first.kill('SIGKILL');
    await new Promise((r) => first!.once('exit', r));
    killedDuringSend = true;
    first = undefined;
  };

  const { caseId } = (
    await h.call('POST', '/v1/signals', {
      key: h.keys.system,
      body: { ...outflowSignal(customer.id), playbookId: 'demo' },
    })
  ).body;
  await eventually(async () => (killedDuringSend ? true : undefined), 'the worker to be killed during the SMS send');
  h.sinks.twilio.beforeReply = undefined;

  await startWorker();
  // The retried send finds its attempt in flight, looks the SMS up at the provider, finds it, and records it
  // as sent without texting the customer again.
  await waitForStage(h, caseId, 'contacting', 90_000);
  const attempt = await h.db.contactAttempt.findFirstOrThrow({ where: { caseId, purpose: 'contact' } });
  expect(attempt.status).toBe('sent');
  expect(attempt.providerId).toBe(h.sinks.outbox.list({ kind: 'sms' }).find((i) => i.to === customer.phone)?.data?.sid);

  await h.call('POST', `/v1/cases/${caseId}/contact-outcome`, {
    key: h.keys.agent,
    body: { channel: 'phone', outcome: 'reached' },
  });
  await waitForStage(h, caseId, 'awaiting_decision');
  await h.call('POST', `/v1/cases/${caseId}/offer-decision`, { key: h.keys.agent, body: { decision: 'accepted' } });
  const surveySms = await h.sinks.outbox.waitFor(
    (i) => i.kind === 'sms' && i.to === customer.phone && i.body.includes('/s/'),
  );
  const token = /\/s\/([A-Za-z0-9_-]+)/.exec(surveySms.body)![1];
  await waitForStage(h, caseId, 'surveyed');
  expect((await h.call('POST', `/v1/surveys/${token}`, { body: { score: 8 } })).status).toBe(200);

  const closed = await eventually(async () => {
    const c = await caseStage(h, caseId);
    return c?.status === 'closed' ? c : undefined;
  }, 'case closed');
  expect(closed.outcome).toBe('retained');
  const texts = h.sinks.outbox.list({ kind: 'sms' }).filter((i) => i.to === customer.phone);
  expect(texts).toHaveLength(2);
  expect(texts.filter((t) => t.body.includes('client care team'))).toHaveLength(1);
}, 180_000);
