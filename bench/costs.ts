// Costs of one case: a demo case driven from its signal through contact, offer and survey to closed, then
// counted from its history (workflow tasks, activities through the task queue and local ones, events) and
// from PostgreSQL's pg_stat_statements (statements run meanwhile, less the idle rate of the same stack
// measured just before: the CRM relay polls). Waits use Temporal queries, so they add no SQL.
import { caseStateQuery } from '../workflows/messages';
import { round, say } from './support/measure';
import { type BenchStack, signalBody } from './support/stack';
import { resetStatements, statements, topStatements } from './support/statements';

const surveyToken = (body: string) => /\/s\/([A-Za-z0-9_-]+)/.exec(body)?.[1];

export async function benchCosts(stack: BenchStack) {
  const id = `bench-cost-${Date.now()}`;
  const phone = '+15559990001';
  await stack.db.customer.create({
    data: {
      id,
      name: 'Bench Cost',
      tier: 'mass',
      timeZone: 'UTC',
      phone,
      preferredChannels: ['sms'],
      consentSms: true,
      assetsUnderManagement: 20_000,
    },
  });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${stack.keys.supervisor}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };

  // The idle rate first: statements per second with nothing happening.
  await resetStatements(stack);
  const idleFrom = await statements(stack);
  await new Promise((r) => setTimeout(r, 5_000));
  const idlePerSecond = ((await statements(stack)) - idleFrom - 1) / 5;

  await resetStatements(stack);
  const started = Date.now();
  const signal = await call('POST', '/v1/signals', signalBody(id, `${id}-signal`, 'demo'));
  const handle = stack.client.workflow.getHandle(signal.workflowId as string);
  const stage = async (wanted: string) => {
    for (let i = 0; i < 600; i++) {
      const s = await handle.query(caseStateQuery);
      if (s.stage === wanted) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the cost case never reached ${wanted}`);
  };
  const caseId = signal.caseId as string;
  await stage('contacting');
  await call('POST', `/v1/cases/${caseId}/contact-outcome`, { channel: 'phone', outcome: 'reached' });
  await stage('awaiting_decision');
  await call('POST', `/v1/cases/${caseId}/offer-decision`, { decision: 'accepted' });
  const survey = await stack.sinks.outbox.waitFor(
    (m) => m.kind === 'sms' && m.to === phone && m.body.includes('/s/'),
    120_000,
  );
  await stage('surveyed');
  await call('POST', `/v1/surveys/${surveyToken(survey.body)}`, { score: 9 });
  await handle.result();
  const seconds = (Date.now() - started) / 1000;
  const sql = await statements(stack);
  const top = await topStatements(stack);

  const history = await handle.fetchHistory();
  const events = history.events ?? [];
  const count = (pick: (e: (typeof events)[number]) => unknown) => events.filter(pick).length;
  const result = {
    historyEvents: events.length,
    historyBytes: JSON.stringify(history).length,
    workflowTasks: count((e) => e.workflowTaskCompletedEventAttributes),
    taskQueueActivities: count((e) => e.activityTaskScheduledEventAttributes),
    localActivities: count((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity'),
    sqlStatements: round(sql - idlePerSecond * seconds, 0),
    idleStatementsPerSecond: round(idlePerSecond),
    caseSeconds: round(seconds),
    topStatements: top,
  };
  say(
    `costs: ${result.workflowTasks} workflow tasks, ${result.taskQueueActivities} task-queue + ${result.localActivities} local activities, ${result.historyEvents} events, ~${result.sqlStatements} SQL statements`,
  );
  return result;
}
