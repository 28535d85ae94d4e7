// The dry run's replay, day by day: quotas carry the rest to the next day's queue, which is served first when
// quotas start afresh; quiet hours move a contact; a customer without a consented channel is counted.
import { PLAYBOOKS } from '../../dev/seed';
import { replayDay } from '../../domain/dry-run';
import { startReplay, type DryRunWorld, type ReplaySignal } from '../../domain/dry-run-state';
import type { CustomerProfile } from '../../domain/customer';

const customer = (id: string, over: Partial<CustomerProfile> = {}): CustomerProfile => ({
  id,
  tier: 'mass',
  assetsUnderManagement: 20_000,
  timeZone: 'Europe/Madrid',
  hasPhone: true,
  hasEmail: true,
  preferredChannels: ['sms'],
  consent: { sms: true, email: true, phone: true },
  ...over,
});

function world(customers: CustomerProfile[], definition = PLAYBOOKS.demo!): DryRunWorld {
  const candidate = { id: 'demo', version: 1, definition };
  return {
    candidate,
    latest: [candidate],
    allSignals: true,
    customers: new Map(customers.map((c) => [c.id, c])),
    contactsBefore: new Map(),
    teams: [{ id: 'cc', tiers: ['mass'] }],
    agents: [{ id: 'a1', teamId: 'cc', skills: [], dailyContactQuota: 2, openCases: 0, workingHours: null }],
    offers: [],
    rates: { reach: 0.5, acceptance: 0.5 },
  };
}

const signal = (customerId: string, at: string): ReplaySignal => ({
  signalId: `s-${customerId}`,
  customerId,
  type: 'large_outflow',
  severity: 0.9,
  occurredAt: at,
  receivedAt: new Date(at),
});

test('a team out of quota carries the rest to the next day, which serves them first', () => {
  const ids = ['c1', 'c2', 'c3', 'c4'];
  const state = startReplay(world(ids.map((id) => customer(id))), 10);
  const day1 = replayDay(
    state,
    new Date('2026-11-02T00:00:00Z'),
    ids.map((id, i) => signal(id, `2026-11-02T1${i}:00:00Z`)),
  );
  expect(day1.counts).toMatchObject({ casesOpened: 4, assigned: 2, queuedToNextDay: 2 });
  expect(day1.teams).toEqual([
    { teamId: 'cc', contactsNeeded: 4, quota: 2, assigned: 2, saturation: 2, backlogCarried: 2 },
  ]);
  const day2 = replayDay(state, new Date('2026-11-03T00:00:00Z'), []);
  expect(day2.counts).toMatchObject({ assigned: 2, queuedToNextDay: 0 });
  expect(day2.teams[0]).toMatchObject({ contactsNeeded: 2, backlogCarried: 0 });
  expect(state.decisions.filter((d) => d.queued).map((d) => d.agentId)).toEqual(['a1', 'a1']);
});

test('quiet hours move a late contact to the next morning; no consented channel is counted', () => {
  const definition = structuredClone(PLAYBOOKS.demo!);
  definition.contact.policy.quietHours = { start: '21:00', end: '08:00' };
  const state = startReplay(
    world([customer('late'), customer('silent', { consent: { sms: false, email: false, phone: false } })], definition),
    10,
  );
  const day = replayDay(state, new Date('2026-11-02T00:00:00Z'), [
    signal('late', '2026-11-02T22:30:00Z'),
    signal('silent', '2026-11-02T10:00:00Z'),
  ]);
  expect(day.counts).toMatchObject({ deferredQuietHours: 1, contactsMovedToNextDay: 1, noConsentedChannel: 1 });
  // 08:00 in Madrid (UTC+1 in November).
  expect(state.decisions.find((d) => d.customerId === 'late')?.contactAt).toBe('2026-11-03T07:00:00.000Z');
});

test("the frequency cap counts the customer's real contacts from before the window", () => {
  const w = world([customer('busy')]);
  const before = ['2026-10-30T10:00:00Z', '2026-10-31T10:00:00Z', '2026-11-01T10:00:00Z'].map((d) => new Date(d));
  w.contactsBefore.set('busy', before);
  const state = startReplay(w, 10);
  const day = replayDay(state, new Date('2026-11-02T00:00:00Z'), [signal('busy', '2026-11-02T10:00:00Z')]);
  // Demo's cap: 3 contacts in 7 days; the oldest leaves the window a week after it was made.
  expect(day.counts).toMatchObject({ deferredFrequencyCap: 1, contactsMovedToNextDay: 1 });
  expect(state.decisions[0]?.contactAt).toBe('2026-11-06T10:00:00.000Z');
});

test('the dry run chooses by stage and declines as intake does: a declined customer is excluded, never contacted', () => {
  const light = {
    id: 'light-touch',
    version: 1,
    definition: { ...PLAYBOOKS['light-touch']!, detect: { ...PLAYBOOKS['light-touch']!.detect, actionThreshold: 0.1 } },
  };
  const w = {
    ...world([]),
    candidate: light,
    latest: [{ id: 'standard', version: 1, definition: PLAYBOOKS.standard! }, light],
  };
  const people = [
    customer('small', { lifecycleStage: 'decline', assetsUnderManagement: 10_000 }),
    customer('large', { lifecycleStage: 'decline', assetsUnderManagement: 90_000 }),
    customer('growing', { lifecycleStage: 'growth' }),
  ];
  const state = startReplay({ ...w, allSignals: false, customers: new Map(people.map((c) => [c.id, c])) }, 10);
  const day = replayDay(
    state,
    new Date('2026-11-02T00:00:00Z'),
    people.map((c, i) => signal(c.id, `2026-11-02T1${i}:00:00Z`)),
  );
  expect(Object.fromEntries(state.decisions.map((d) => [d.customerId, d.outcome]))).toEqual({
    small: 'excluded',
    large: 'opened',
    growing: 'other_playbook',
  });
  expect(day.counts).toMatchObject({ casesOpened: 2, excluded: 1 });
});
