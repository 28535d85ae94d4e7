// The figures a dry run answers with, day by day and in total, and how two runs' totals differ. Counting only:
// the decisions are made in domain/dry-run.ts by the workflow's own rules.

export interface TeamDay {
  teamId: string;
  // Cases that needed an agent's first contact this day: new ones plus the backlog carried in.
  contactsNeeded: number;
  // The daily contact quota of the team's active agents.
  quota: number;
  assigned: number;
  // contactsNeeded / quota (0 when the team has no quota).
  saturation: number;
  // Cases still in the team queue at the end of the day, carried to the next.
  backlogCarried: number;
}

export interface OfferTally {
  offerId: string;
  // Cases that would get this offer once reached.
  cases: number;
  // cases × the reach rate; and of those, × the acceptance rate: the cost expected to be spent.
  expectedPresented: number;
  expectedAccepted: number;
  expectedCost: number;
  // The sum of those customers' offer budgets, and the cap's slots left today (null: uncapped).
  budget: number;
  volumeCap: number | null;
  capHits: number;
}

export interface Counts {
  signals: number;
  casesOpened: number;
  excluded: number;
  notActionable: number;
  heldOut: number;
  // Joined a case the replay had already opened, or recorded during a cool-down, or a recovery with no case.
  joinedOpenCase: number;
  coolingDown: number;
  storeOnly: number;
  unknownCustomer: number;
  // Picked another playbook (by tier and driver) and left to it.
  otherPlaybook: number;
  assigned: number;
  queuedToNextDay: number;
  noTeam: number;
  noConsentedChannel: number;
  deferredQuietHours: number;
  deferredFrequencyCap: number;
  // Contacts a deferral pushed into the next day.
  contactsMovedToNextDay: number;
}

export const emptyCounts = (): Counts => ({
  signals: 0,
  casesOpened: 0,
  excluded: 0,
  notActionable: 0,
  heldOut: 0,
  joinedOpenCase: 0,
  coolingDown: 0,
  storeOnly: 0,
  unknownCustomer: 0,
  otherPlaybook: 0,
  assigned: 0,
  queuedToNextDay: 0,
  noTeam: 0,
  noConsentedChannel: 0,
  deferredQuietHours: 0,
  deferredFrequencyCap: 0,
  contactsMovedToNextDay: 0,
});

export function addCounts(into: Counts, from: Counts): Counts {
  for (const k of Object.keys(into) as (keyof Counts)[]) into[k] += from[k];
  return into;
}

export function diffCounts(candidate: Counts, current: Counts): Counts {
  const d = emptyCounts();
  for (const k of Object.keys(d) as (keyof Counts)[]) d[k] = candidate[k] - current[k];
  return d;
}

export const round2 = (n: number) => Math.round(n * 100) / 100;
