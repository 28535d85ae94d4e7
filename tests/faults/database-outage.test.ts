// Holdfast's own database crashes under cases in every stage and stays down longer than any retry window
// (the send's provider window is about 45 s): mid-intake, mid-send (the provider takes the SMS while the
// database is down), waiting on the agent, and waiting on the customer's survey. When it comes back every
// case goes on where it stopped: no case needs attention, no channel failed, nobody is contacted twice or on
// another channel, and answers refused with 503 during the outage are taken once when sent again.
import type { ChildProcess } from 'node:child_process';
import {
  acceptOfferAndAwaitSurvey,
  createCustomer,
  outflowSignal,
  surveyTokenIn,
  waitForClosed,
  waitForStage,
} from '../support/fixtures';
import { eventually, startHarness, type Harness } from '../support/harness';
import { startWorkerProcess } from '../support/processes';
import { startStoppablePostgres, type StoppablePostgres } from '../support/stoppable-postgres';

const OUTAGE_MS = Number(process.env.HOLDFAST_OUTAGE_SECONDS ?? 60) * 1000;
const PER_STAGE = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let pg: StoppablePostgres;
let h: Harness;
let worker: ChildProcess | undefined;
const workerLines: string[] = [];

beforeAll(async () => {
  pg = await startStoppablePostgres();
  h = await startHarness({ databaseUrl: await pg.createDatabase(), worker: false });
  worker = await startWorkerProcess({ ...h.env, LOG_LEVEL: 'info' }, { lines: (line) => workerLines.push(line) });
}, 180_000);

afterAll(async () => {
  if (worker && worker.exitCode === null) worker.kill('SIGKILL');
  await h?.stop();
  await pg?.destroy();
});

type Tracked = { caseId: string; customer: { id: string; phone: string } };

async function openCase(
  customer: { id: string; phone: string },
  signal = outflowSignal(customer.id),
): Promise<Tracked> {
  const res = await h.call('POST', '/v1/signals', { key: h.keys.system, body: signal });
  if (res.status !== 202) throw new Error(`signal refused: ${res.status} ${JSON.stringify(res.body)}`);
  return { caseId: res.body.caseId, customer };
}

// A request refused during the outage, as a client would send it again: until it is taken.
async function untilTaken(send: () => Promise<{ status: number; body: any }>, refused: { count: number }) {
  for (;;) {
    const res = await send();
    if (res.status !== 503) return res;
    refused.count++;
    await sleep(1_000);
  }
}

const outcome = (c: Tracked, idempotencyKey: string) =>
  h.call('POST', `/v1/cases/${c.caseId}/contact-outcome`, {
    key: h.keys.agent,
    headers: { 'idempotency-key': idempotencyKey },
    body: { channel: 'phone', outcome: 'reached' },
  });

// From an SMS sent and waiting on the agent, to closed as retained.
async function finish(c: Tracked, refused: { count: number }) {
  await untilTaken(() => outcome(c, `${c.caseId}:reached`), refused);
  await waitForStage(h, c.caseId, 'awaiting_decision', 120_000);
  await untilTaken(
    () => h.call('POST', `/v1/cases/${c.caseId}/offer-decision`, { key: h.keys.agent, body: { decision: 'accepted' } }),
    refused,
  );
  const survey = await h.sinks.outbox.waitFor(
    (i) => i.kind === 'sms' && i.to === c.customer.phone && i.body.includes('/s/'),
    120_000,
  );
  await waitForStage(h, c.caseId, 'surveyed', 120_000);
  await untilTaken(() => h.call('POST', `/v1/surveys/${surveyTokenIn(survey.body)}`, { body: { score: 9 } }), refused);
}

test(`cases in every stage come through a ${OUTAGE_MS / 1000} s PostgreSQL crash with no attention flag and no duplicate contact`, async () => {
  const customers = async () =>
    Promise.all(Array.from({ length: PER_STAGE }, () => createCustomer(h, { preferredChannels: ['sms', 'email'] })));
  const [humanCustomers, surveyCustomers, sendCustomers, intakeCustomers] = [
    await customers(),
    await customers(),
    await customers(),
    await customers(),
  ];
  const refused = { humanSteps: { count: 0 }, surveys: { count: 0 }, signals: { count: 0 }, later: { count: 0 } };

  // Waiting on the agent: the SMS went out, the agent has not recorded the outcome.
  const waitingOnAgent = await Promise.all(humanCustomers.map((c) => openCase(c)));
  await Promise.all(waitingOnAgent.map((c) => waitForStage(h, c.caseId, 'contacting')));
  // Waiting on the customer: the survey SMS went out, no answer yet.
  const waitingOnSurvey = await Promise.all(surveyCustomers.map((c) => openCase(c)));
  const surveys = await Promise.all(
    waitingOnSurvey.map((c) => acceptOfferAndAwaitSurvey(h, c.caseId, c.customer.phone)),
  );
  // Mid-send: the provider is slow, so these SMS are at the provider when the database dies and are taken
  // by it during the outage.
  h.sinks.twilio.faults = { delayMs: 6_000 };
  const midSend = await Promise.all(sendCustomers.map((c) => openCase(c)));
  await eventually(async () => {
    const sending = await h.db.contactAttempt.count({
      where: { caseId: { in: midSend.map((c) => c.caseId) }, status: 'sending' },
    });
    return sending === PER_STAGE || undefined;
  }, 'every mid-send SMS at the provider');

  const outageStarted = Date.now();
  await pg.crash();
  h.sinks.twilio.faults = {};

  // During the outage: signals, the agent's answers and the customers' surveys answer 503 with a message.
  const signals = intakeCustomers.map((c) => outflowSignal(c.id));
  const duringSignal = await h.call('POST', '/v1/signals', { key: h.keys.system, body: signals[0] });
  expect(duringSignal.status).toBe(503);
  expect(duringSignal.body.error.message).toMatch(/database is not answering/);
  expect(Number(duringSignal.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(Number(duringSignal.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  const duringOutcome = await outcome(waitingOnAgent[0]!, `${waitingOnAgent[0]!.caseId}:reached`);
  expect(duringOutcome.status).toBe(503);
  expect(duringOutcome.body.error.message).toBeTruthy();
  const duringSurvey = await h.call('POST', `/v1/surveys/${surveys[0]!.token}`, { body: { score: 9 } });
  expect(duringSurvey.status).toBe(503);
  refused.humanSteps.count++;
  refused.surveys.count++;
  refused.signals.count++;

  // The provider takes the mid-send SMS while the database is down.
  await eventually(
    async () =>
      h.sinks.outbox.list({ kind: 'sms' }).filter((i) => sendCustomers.some((c) => c.phone === i.to)).length ===
        PER_STAGE || undefined,
    'the provider to take the mid-send SMS',
  );

  // The supervisor still sees what is down (a key the API checked recently keeps working).
  await eventually(
    async () => {
      const status = await h.call('GET', '/v1/status', { key: h.keys.supervisor });
      return status.status === 200 && status.body.dependencies.postgresql.status === 'down' ? status.body : undefined;
    },
    'the status to show PostgreSQL down',
    20_000,
  );
  const metrics = await h.call('GET', '/metrics', { key: h.keys.system });
  expect(String(metrics.body)).toMatch(/holdfast_dependency_up\{dependency="PostgreSQL"\} 0/);

  await sleep(Math.max(0, OUTAGE_MS - (Date.now() - outageStarted)));
  await pg.start();
  const outageSeconds = Math.round((Date.now() - outageStarted) / 1000);

  // After: everything refused is sent again (with the same keys) and every case goes on.
  const intake = await Promise.all(
    intakeCustomers.map((c, i) =>
      untilTaken(() => h.call('POST', '/v1/signals', { key: h.keys.system, body: signals[i] }), refused.signals).then(
        (res) => ({ caseId: res.body.caseId as string, customer: c }),
      ),
    ),
  );
  await Promise.all([...intake, ...midSend].map((c) => waitForStage(h, c.caseId, 'contacting', 120_000)));
  // The agent's answer sent during the outage, sent again with its key, is taken once; a third send joins it.
  await Promise.all(waitingOnAgent.map((c) => finish(c, refused.humanSteps)));
  const joined = await outcome(waitingOnAgent[0]!, `${waitingOnAgent[0]!.caseId}:reached`);
  expect(joined.status).toBe(200);
  await Promise.all(
    waitingOnSurvey.map((_c, i) =>
      untilTaken(() => h.call('POST', `/v1/surveys/${surveys[i]!.token}`, { body: { score: 9 } }), refused.surveys),
    ),
  );
  await Promise.all([...midSend, ...intake].map((c) => finish(c, refused.later)));

  const all = [...waitingOnAgent, ...waitingOnSurvey, ...midSend, ...intake];
  const closed = await Promise.all(all.map((c) => waitForClosed(h, c.caseId, 120_000)));
  expect(closed.map((c) => c.outcome)).toEqual(all.map(() => 'retained'));

  const ids = all.map((c) => c.caseId);
  const cases = await h.db.case.findMany({ where: { id: { in: ids } } });
  expect(cases.filter((c) => c.attentionSince || c.attentionReason)).toEqual([]);
  const events = await h.db.caseEvent.findMany({ where: { caseId: { in: ids } } });
  expect(
    events.filter((e) => ['case_failed', 'contact_failed', 'contact_unconfirmed', 'needs_attention'].includes(e.type)),
  ).toEqual([]);
  for (const c of waitingOnAgent)
    expect(events.filter((e) => e.caseId === c.caseId && e.type === 'contact_outcome_recorded')).toHaveLength(1);
  for (const c of waitingOnSurvey)
    expect(events.filter((e) => e.caseId === c.caseId && e.type === 'survey_answered')).toHaveLength(1);
  const attempts = await h.db.contactAttempt.findMany({
    where: { caseId: { in: ids }, purpose: { in: ['contact', 'survey'] } },
  });
  expect(attempts.filter((a) => a.status !== 'sent')).toEqual([]);
  expect(attempts.filter((a) => a.channel !== 'sms')).toEqual([]);
  // Each customer got exactly two messages, both SMS: the contact and the survey. No email fallback.
  const messages = [...h.sinks.outbox.list({ kind: 'sms' }), ...h.sinks.outbox.list({ kind: 'email' })];
  for (const c of all) {
    const theirs = messages.filter(
      (m) => m.to === c.customer.phone || m.to === (c.customer as { email?: string }).email,
    );
    expect(theirs.map((m) => m.kind).sort()).toEqual(['sms', 'sms']);
  }

  // The CRM relay waited quietly: the outage logged when it started and when it ended, not every cycle.
  const relayLines = workerLines.filter((l) => l.includes('"loop":"crm-relay"'));
  expect(relayLines.filter((l) => l.includes('PostgreSQL is not answering'))).toHaveLength(1);
  await eventually(
    async () =>
      workerLines.some((l) => l.includes('"loop":"crm-relay"') && l.includes('PostgreSQL is answering again')) ||
      undefined,
    'the relay to log the outage end',
  );
  expect(relayLines.length).toBeLessThanOrEqual(2 + Math.ceil(OUTAGE_MS / 60_000));
  expect(workerLines.filter((l) => l.includes('CRM relay cycle failed'))).toEqual([]);
  // And GET /v1/status keeps the ended outage.
  const status = await eventually(async () => {
    const s = (await h.call('GET', '/v1/status', { key: h.keys.supervisor })).body;
    return s.recentOutages?.some(
      (o: { process: string; seconds: number }) =>
        o.process.includes('crm relay') && o.seconds >= OUTAGE_MS / 1000 - 10,
    )
      ? s
      : undefined;
  }, 'the ended outage in the status');
  expect(status.dependencies.postgresql.status).toBe('up');

  const heldSends = workerLines.filter((l) => l.includes('stored after the database came back')).length;
  console.log(
    JSON.stringify({
      outageSeconds,
      casesPerStage: {
        waitingOnAgent: waitingOnAgent.length,
        waitingOnSurvey: waitingOnSurvey.length,
        midSend: midSend.length,
        midIntake: intake.length,
      },
      sendsHeldThroughTheOutage: heldSends,
      refusedWith503ThenTaken: {
        signals: refused.signals.count,
        agentAnswers: refused.humanSteps.count,
        surveys: refused.surveys.count,
      },
      attentionFlags: cases.filter((c) => c.attentionSince).length,
      duplicateContacts: 0,
      relayLogLines: relayLines.length,
    }),
  );
  expect(heldSends).toBe(PER_STAGE);
}, 600_000);
