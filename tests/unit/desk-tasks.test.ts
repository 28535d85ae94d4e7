// What a case owes its agent, from its stage and latest wait step; callbacks never inside quiet hours.
import { byDeskOrder, callbackTime, dueTask, followUpIn } from '../../domain/desk-tasks';

const sla = new Date('2026-12-03T10:00:00Z');
const wait = (stage: string, type: string, data: Record<string, unknown> = {}, extra = {}) =>
  dueTask({
    stage,
    needsAttention: false,
    slaDueAt: sla,
    customerTimeZone: 'Europe/Madrid',
    quietHours: { start: '21:00', end: '08:00' },
    lastStep: { type, data },
    ...extra,
  });

test('each wait step is a task for the agent, or none', () => {
  expect(wait('contacting', 'call_requested')).toEqual({ task: 'call', dueAt: sla, channel: 'phone' });
  expect(wait('contacting', 'contact_sent', { channel: 'sms' })).toEqual({
    task: 'record_outcome',
    dueAt: sla,
    channel: 'sms',
  });
  expect(wait('contacting', 'contact_unconfirmed', { channel: 'email' })?.task).toBe('record_outcome');
  expect(wait('contacting', 'customer_replied', { channel: 'sms', text: 'call me' })).toMatchObject({
    task: 'answer_reply',
    detail: 'call me',
  });
  expect(wait('awaiting_decision', 'offer_presented')).toEqual({ task: 'record_decision', dueAt: sla });
  // The outcome is recorded: the next step is the workflow's, not the agent's.
  expect(wait('contacting', 'contact_outcome_recorded', { outcome: 'no_answer' })).toBeUndefined();
  expect(wait('offering', 'offer_approval_requested')).toBeUndefined();
  expect(wait('contacting', 'call_requested', {}, { needsAttention: true })).toBeUndefined();
});

test("a callback asked for in the quiet hours waits until they end, on the customer's clock", () => {
  // 22:30 in Madrid (UTC+1 in December) is quiet until 08:00 the next morning.
  expect(callbackTime(new Date('2026-12-03T21:30:00Z'), 'Europe/Madrid', { start: '21:00', end: '08:00' })).toEqual(
    new Date('2026-12-04T07:00:00Z'),
  );
  expect(callbackTime(new Date('2026-12-03T15:00:00Z'), 'Europe/Madrid', { start: '21:00', end: '08:00' })).toEqual(
    new Date('2026-12-03T15:00:00Z'),
  );
  expect(
    wait('contacting', 'contact_outcome_recorded', {
      outcome: 'callback_requested',
      callbackAt: '2026-12-03T21:30:00Z',
    }),
  ).toEqual({ task: 'callback', dueAt: new Date('2026-12-04T07:00:00Z'), channel: 'phone' });
});

test('soonest deadline first, no deadline last, then the higher priority', () => {
  const items = [
    { dueAt: null, priority: 90 },
    { dueAt: new Date(2), priority: 10 },
    { dueAt: new Date(2), priority: 50 },
    { dueAt: new Date(1), priority: 0 },
  ];
  expect([...items].sort(byDeskOrder)).toEqual([items[3], items[2], items[1], items[0]]);
});

test('a follow-up counts when it falls inside the day', () => {
  const start = new Date('2026-12-03T00:00:00Z');
  const end = new Date('2026-12-04T00:00:00Z');
  expect(
    followUpIn(
      { stage: 'resurvey_scheduled', lastStep: { type: 'resurvey_scheduled', data: { at: '2026-12-03T12:00:00Z' } } },
      start,
      end,
    )?.kind,
  ).toBe('survey');
  expect(
    followUpIn(
      { stage: 'observing', lastStep: { type: 'observation_started', data: { until: '2026-12-03T23:59:00Z' } } },
      start,
      end,
    )?.kind,
  ).toBe('observation_ends');
  expect(
    followUpIn(
      { stage: 'resurvey_scheduled', lastStep: { type: 'resurvey_scheduled', data: { at: '2026-12-04T00:00:00Z' } } },
      start,
      end,
    ),
  ).toBeUndefined();
});
