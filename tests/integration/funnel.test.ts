// The funnel's counts (one SQL aggregate, api/services/funnel.ts) equal the counts read off each case's
// timeline here, for random timelines written straight into the projection; and the filters and the CSV.
import { FUNNEL_STEPS, type FunnelStep } from '../../domain/funnel';
import { startHarness, uniqueId, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(async () => {
  await h?.stop();
});

type Ev = { type: string; data?: Record<string, unknown> };

// One random path through the playbook: each step taken with some chance, then a close (or still open).
function randomTimeline(rand: () => number): { events: Ev[]; closed: boolean } {
  const events: Ev[] = [{ type: 'case_opened' }, { type: 'risk_assessed' }];
  const close = (outcome: string, reason: string) => ({
    events: [...events, { type: 'case_closed', data: { outcome, reason } }],
    closed: true,
  });
  const r = rand();
  if (r < 0.05) return close('excluded', 'intermediary_driven_funds');
  if (r < 0.1) return close('not_actionable', 'below_action_threshold');
  if (r < 0.15) {
    events.push({ type: 'holdout_assigned' });
    return close(rand() < 0.5 ? 'retained' : 'churned', 'observation');
  }
  events.push({ type: rand() < 0.8 ? 'case_assigned' : 'queued_for_agent' });
  if (rand() < 0.1) return rand() < 0.5 ? { events, closed: false } : close('churned', 'closed_by_supervisor');
  events.push(
    { type: 'contact_sent' },
    { type: 'contact_outcome_recorded', data: { outcome: rand() < 0.7 ? 'reached' : 'no_answer' } },
  );
  if (events.at(-1)!.data!.outcome !== 'reached') return close('unreachable', 'no_channel_left');
  events.push({ type: 'offer_presented' });
  const decision = rand();
  if (decision < 0.2) return close('declined', 'offer_expired');
  events.push({ type: 'offer_decision_recorded', data: { decision: decision < 0.4 ? 'declined' : 'accepted' } });
  if (decision < 0.4) return close('declined', 'offer_declined');
  events.push({ type: 'survey_sent' });
  if (rand() < 0.2) return { events, closed: false };
  return rand() < 0.7 ? close('retained', 'survey') : close('churned', 'no_recovery');
}

// The steps a timeline entered, read the plain way.
function enteredSteps(events: Ev[]): FunnelStep[] {
  const has = (type: string, test: (d: Record<string, unknown>) => boolean = () => true) =>
    events.some((e) => e.type === type && test(e.data ?? {}));
  if (has('holdout_assigned')) return ['detected'];
  const steps: [FunnelStep, boolean][] = [
    ['detected', has('case_opened')],
    ['assigned', has('case_assigned') || has('queued_for_agent')],
    ['contacted', has('contact_sent') || has('contact_outcome_recorded')],
    ['reached', has('contact_outcome_recorded', (d) => d.outcome === 'reached')],
    ['offered', has('offer_presented')],
    ['accepted', has('offer_decision_recorded', (d) => d.decision === 'accepted')],
    ['surveyed', has('survey_sent')],
    ['retained', has('case_closed', (d) => d.outcome === 'retained')],
  ];
  return steps.filter(([, yes]) => yes).map(([s]) => s);
}

async function writeCase(playbookId: string, i: number, timeline: { events: Ev[]; closed: boolean }, openedAt: Date) {
  const customerId = uniqueId('cust');
  await h.db.customer.create({
    data: {
      id: customerId,
      name: 'Funnel Customer',
      tier: 'mass',
      timeZone: 'Europe/Madrid',
      preferredChannels: ['sms'],
      assetsUnderManagement: 0,
    },
  });
  const caseId = uniqueId('case');
  // Each event a minute after the one before, plus the case's index in seconds, so time in step varies.
  const at = (n: number) => new Date(openedAt.getTime() + n * 60_000 + i * 1000);
  const last = timeline.events.at(-1)!;
  await h.db.case.create({
    data: {
      id: caseId,
      workflowId: `retention-case/${customerId}`,
      customerId,
      reason: 'test row',
      stage: timeline.closed ? 'closed' : 'contacting',
      status: timeline.closed ? 'closed' : 'open',
      outcome: timeline.closed ? String(last.data!.outcome) : null,
      playbookId,
      playbookVersion: 1 + (i % 2),
      openedAt,
      closedAt: timeline.closed ? at(timeline.events.length - 1) : null,
    },
  });
  await h.db.caseEvent.createMany({
    data: timeline.events.map((e, n) => ({
      caseId,
      seq: n + 1,
      at: at(n),
      type: e.type,
      actor: 'test',
      data: (e.data ?? {}) as object,
    })),
  });
  return caseId;
}

test("the funnel's counts equal the counts read off every case's timeline", async () => {
  const playbookId = uniqueId('funnel').toLowerCase();
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const openedAt = new Date(Date.now() - 3600_000);
  const timelines = Array.from({ length: 120 }, () => randomTimeline(rand));
  for (const [i, t] of timelines.entries()) await writeCase(playbookId, i, t, openedAt);

  const res = await h.call('GET', `/v1/playbooks/${playbookId}/funnel`, { key: h.keys.supervisor });
  expect(res.status).toBe(200);
  const entered = Object.fromEntries(
    FUNNEL_STEPS.map((s) => [s, timelines.filter((t) => enteredSteps(t.events).includes(s)).length]),
  );
  expect(Object.fromEntries(res.body.steps.map((s: { step: string; entered: number }) => [s.step, s.entered]))).toEqual(
    entered,
  );

  // Left: closed without retained, at the deepest step entered.
  const left = Object.fromEntries(
    FUNNEL_STEPS.map((s) => [
      s,
      timelines.filter(
        (t) => t.closed && enteredSteps(t.events).at(-1) === s && !enteredSteps(t.events).includes('retained'),
      ).length,
    ]),
  );
  expect(Object.fromEntries(res.body.steps.map((s: { step: string; left: number }) => [s.step, s.left]))).toEqual(left);
  const detected = res.body.steps[0];
  expect(detected.leftBecause.holdout).toBe(
    timelines.filter((t) => t.events.some((e) => e.type === 'holdout_assigned')).length,
  );
  expect(res.body.steps.find((s: { step: string }) => s.step === 'offered').leftBecause.offer_expired).toBe(
    timelines.filter((t) => t.events.at(-1)!.data?.reason === 'offer_expired').length,
  );
  expect(detected.conversion).toBeCloseTo(entered.assigned! / entered.detected!, 4);
  // Every step is one minute long here, give or take nothing: median and p90 of whole steps.
  expect(res.body.steps.find((s: { step: string }) => s.step === 'offered').medianSeconds).toBeGreaterThanOrEqual(60);

  // By version: the two halves add up to the whole.
  const v1 = await h.call('GET', `/v1/playbooks/${playbookId}/funnel?version=1`, { key: h.keys.supervisor });
  const v2 = await h.call('GET', `/v1/playbooks/${playbookId}/funnel?version=2`, { key: h.keys.supervisor });
  expect(v1.body.steps[0].entered + v2.body.steps[0].entered).toBe(120);

  // The time-in-step histogram the triggers kept, event by event, is the one rebuilt from the case rows at once.
  const histogram = (from: string) =>
    h.db.$queryRawUnsafe<{ key: string; cases: number }[]>(
      `SELECT concat_ws('|', h.playbook_version, h.team_id, h.opened_on, h.step, h.bucket) AS key, sum(h.cases)::int AS cases ${from}
        GROUP BY 1 HAVING sum(h.cases) <> 0 ORDER BY 1`,
      playbookId,
    );
  const kept = await histogram('FROM funnel_step_times h WHERE h.playbook_id = $1');
  expect(kept.length).toBeGreaterThan(0);
  expect(kept).toEqual(
    await histogram(
      'FROM case_funnel f CROSS JOIN LATERAL (SELECT r.*, r.delta AS cases FROM funnel_step_time_rows(f, 1) r) h WHERE f.playbook_id = $1',
    ),
  );

  const csv = await h.call('GET', `/v1/playbooks/${playbookId}/funnel`, {
    key: h.keys.supervisor,
    headers: { accept: 'text/csv' },
  });
  expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
  const lines = String(csv.body).trim().split('\r\n');
  expect(lines[0]).toMatch(/^step,entered,left,left_excluded,/);
  expect(lines[1]).toMatch(new RegExp(`^detected,${entered.detected},`));
});

test('an arm without its experiment is refused', async () => {
  const res = await h.call('GET', '/v1/playbooks/standard/funnel?arm=B', { key: h.keys.supervisor });
  expect(res).toMatchObject({
    status: 400,
    body: {
      error: {
        details: [expect.objectContaining({ message: 'an arm is named within an experiment: add experimentId' })],
      },
    },
  });
});

test("time in a step: median and 90th percentile interpolated as percentile_cont does, from the events' times", async () => {
  const playbookId = uniqueId('funnel-times');
  const openedAt = new Date(Date.now() - 3_600_000);
  // Five cases assigned 10, 20, 30, 40 and 100 seconds after they opened; still open, so time in "assigned"
  // is not known yet.
  for (const seconds of [10, 20, 30, 40, 100]) {
    const timeline = { events: [{ type: 'case_opened' }, { type: 'case_assigned' }], closed: false };
    const caseId = await writeCase(playbookId, 0, timeline, openedAt);
    await h.db.caseEvent.updateMany({
      where: { caseId, type: 'case_assigned' },
      data: { at: new Date(openedAt.getTime() + seconds * 1000) },
    });
    // Events are written once, never changed: the case's row follows new events only, so this test's change
    // of a time is followed by hand.
    await h.db.$executeRaw`SELECT refresh_case_funnel(${caseId})`;
  }
  const res = await h.call('GET', `/v1/playbooks/${playbookId}/funnel`, { key: h.keys.supervisor });
  const [detected, assigned] = res.body.steps;
  // percentile_cont(0.5) of 10, 20, 30, 40, 100 is 30; (0.9) is 40 + 0.6 × (100 − 40) = 76.
  expect(detected).toMatchObject({ entered: 5, medianSeconds: 30, p90Seconds: 76 });
  expect(assigned).toMatchObject({ entered: 5, left: 0, medianSeconds: null, p90Seconds: null });
});
