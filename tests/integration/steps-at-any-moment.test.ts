// Every human step sent at any moment of a case — within its first second, while a message is being sent,
// between stages, after the close — is taken, or refused with a 4xx that names why, or answered 503 with
// Retry-After; never a 500. Each scenario fires its steps at many fresh cases at once.
import { createCustomer, outflowSignal, waitForClosed, waitForStage, MOVED_AWAY } from '../support/fixtures';
import { startHarness, type Harness } from '../support/harness';
import { AGENT_CONTACT_PURPOSE } from '../../domain/quota-day';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
// The contact outcomes this file records count against the contact centre's agents' daily quota, which the
// test files after it share: once spent, their cases wait in the team queue and never reach their first contact.
// The file's own contacts are removed with it.
afterAll(async () => {
  const caseIds = [...new Set(answers.map((a) => a.caseId))];
  await h?.db.contactAttempt.deleteMany({ where: { caseId: { in: caseIds }, purpose: AGENT_CONTACT_PURPOSE } });
  await h?.stop();
});

type Step = { path: string; key: 'agent' | 'supervisor'; body: () => unknown };

// Each human step with an input its route accepts, so only the case's moment decides the answer.
const STEPS: Record<string, Step> = {
  contact: { path: 'contact-outcome', key: 'agent', body: () => ({ channel: 'phone', outcome: 'reached' }) },
  approval: { path: 'offer-approval', key: 'supervisor', body: () => ({ approve: true }) },
  decision: { path: 'offer-decision', key: 'agent', body: () => ({ decision: 'accepted' }) },
  reassign: { path: 'assignment', key: 'supervisor', body: () => ({ agentId: 'agent-cc-2' }) },
  close: {
    path: 'close',
    key: 'supervisor',
    body: () => ({ outcome: 'churned', note: 'customer moved abroad', reason: MOVED_AWAY }),
  },
  sla: {
    path: 'sla',
    key: 'supervisor',
    body: () => ({ until: new Date(Date.now() + 86_400_000).toISOString(), note: 'customer asked for a week' }),
  },
  retry: { path: 'retry', key: 'supervisor', body: () => ({ note: 'provider is back' }) },
};
type StepName = keyof typeof STEPS;
const ALL_STEPS = Object.keys(STEPS) as StepName[];

interface Answer {
  moment: string;
  caseId: string;
  step: StepName;
  status: number;
  code?: string;
  message?: string;
  retryAfter: string | null;
}
const answers: Answer[] = [];

async function send(moment: string, caseId: string, step: StepName, stepKey?: string): Promise<Answer> {
  const { path, key, body } = STEPS[step]!;
  const res = await h.call('POST', `/v1/cases/${caseId}/${path}`, {
    key: h.keys[key],
    body: body(),
    headers: stepKey ? { 'idempotency-key': stepKey } : {},
  });
  const error = (res.body as { error?: { code?: string; message?: string } })?.error;
  const answer = { moment, caseId, step, status: res.status, code: error?.code, message: error?.message };
  answers.push({ ...answer, retryAfter: res.headers.get('retry-after') });
  return answers.at(-1)!;
}

// Taken; refused with a 4xx carrying a code and a message; or busy with a time to come back. Nothing else.
const lawful = (a: Answer) =>
  (a.status >= 200 && a.status < 300) ||
  (a.status >= 400 && a.status < 500 && !!a.code && !!a.message) ||
  (a.status === 503 && !!a.code && a.retryAfter !== null);
const unlawful = (moment: string) => answers.filter((a) => a.moment === moment && !lawful(a));

type CustomerKind = Parameters<typeof createCustomer>[1];

// Customers are created one at a time beforehand: what runs at once is the cases and their steps.
async function customers(n: number, kind: CustomerKind = {}): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await createCustomer(h, { preferredChannels: ['sms'], ...kind })).id);
  return ids;
}

async function openCase(customerId: string): Promise<string> {
  const res = await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(customerId) });
  if (!res.body?.caseId) throw new Error(`case not opened: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.caseId as string;
}

// An agent opens a case from the customer's page: the case loads its customer and playbook itself first.
async function openCaseByHand(customerId: string): Promise<string> {
  const res = await h.call('POST', `/v1/customers/${customerId}/cases`, {
    key: h.keys.supervisor,
    body: { reason: 'said at the branch that they are moving their savings', playbookId: 'demo' },
  });
  if (res.status !== 201) throw new Error(`case not opened by hand: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.caseId as string;
}

// A supervisor's close is taken at every moment a case is open: answered 200, or answered 503 (the worker or
// the database too busy to answer in time) and then, sent again as its Retry-After asks, taken or found taken.
async function takenInTheEnd(a: Answer): Promise<boolean> {
  let status = a.status;
  for (let tries = 0; status === 503 && tries < 5; tries++) {
    await new Promise((r) => setTimeout(r, 1000));
    status = (await send('sent again', a.caseId, 'close')).status;
  }
  if (status === 200) return true;
  const closed = status === 409 ? await waitForClosed(h, a.caseId).catch(() => undefined) : undefined;
  return closed?.outcome === 'churned';
}

// The closes of a moment that were not taken.
async function untakenCloses(moment: string): Promise<Answer[]> {
  const closes = answers.filter((a) => a.moment === moment && a.step === 'close');
  const taken = await Promise.all(closes.map(takenInTheEnd));
  expect(unlawful('sent again')).toEqual([]);
  return closes.filter((_, i) => !taken[i]);
}

test('each step sent within the first second of a case, many times over, is answered lawfully', async () => {
  // Step by step, five fresh cases at once each: the step reaches the case while it detects, assigns and sends.
  for (const step of ALL_STEPS) {
    const ids = await customers(5);
    await Promise.all(ids.map(async (id) => send('first second', await openCase(id), step)));
  }
  expect(unlawful('first second')).toEqual([]);
  expect(await untakenCloses('first second')).toEqual([]);
}, 100_000);

test('all steps sent together at a case in its first second, and at one opened by hand, are answered lawfully', async () => {
  const together = async (moment: string, caseId: string) =>
    Promise.all(ALL_STEPS.map((step) => send(moment, caseId, step)));
  const [bySignal, byHand] = [await customers(4), await customers(2)];
  await Promise.all([
    ...bySignal.map(async (id) => together('all at once', await openCase(id))),
    ...byHand.map(async (id) => together('all at once', await openCaseByHand(id))),
  ]);
  expect(unlawful('all at once')).toEqual([]);
  expect(await untakenCloses('all at once')).toEqual([]);
}, 90_000);

test('steps sent while the case waits for its team, and while it moves on to the offer, are answered lawfully', async () => {
  const ids = await customers(4, { tier: 'affluent', assetsUnderManagement: 300_000 });
  await Promise.all(
    ids.map(async (id) => {
      const caseId = await openCase(id);
      await waitForStage(h, caseId, 'contacting');
      // The agent's answer moves the case on: the offer is chosen and waits for approval meanwhile.
      await Promise.all([
        send('between stages', caseId, 'contact'),
        ...ALL_STEPS.filter((s) => s !== 'close' && s !== 'contact').map((s) => send('between stages', caseId, s)),
      ]);
      await Promise.all(ALL_STEPS.map((step) => send('between stages', caseId, step)));
    }),
  );
  expect(unlawful('between stages')).toEqual([]);
  expect(await untakenCloses('between stages')).toEqual([]);
}, 90_000);

test('every step sent after the close, keyed or not, is refused as the case is closed', async () => {
  const ids = await customers(3);
  await Promise.all(
    ids.map(async (id, i) => {
      const caseId = await openCase(id);
      // With its team, so the agent's key sees the closed case (a case closed before it reached a team is, to a
      // team's agent, no case at all: 404, which the first-second test accepts).
      await waitForStage(h, caseId, 'contacting');
      await send('closing', caseId, 'close');
      await waitForClosed(h, caseId);
      await Promise.all(
        ALL_STEPS.flatMap((step) => [
          send('after the close', caseId, step),
          send('after the close', caseId, step, `late-${step}-${i}`),
        ]),
      );
    }),
  );
  const after = answers.filter((a) => a.moment === 'after the close');
  expect(unlawful('after the close')).toEqual([]);
  expect(after.filter((a) => a.status !== 409 || a.code !== 'wrong_stage')).toEqual([]);
}, 90_000);
