// What happened to the demo bank's customers over the history's days: which customer showed which signal
// when, under which playbook version (and experiment arm, as intake assigns it), with whom, and how each case
// ended. Drawn from a seeded generator, so every fresh start tells the same story.
import { randomUUID } from 'node:crypto';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { pinWithExperiment, type LiveExperiment } from '../../api/services/experiment-assignment';
import { inHoldout } from '../../domain/holdout';
import type { SignalType } from '../../domain/vocabulary';
import { AGENTS, OFFERS, TEAMS } from '../seed';
import { closesBy, type CaseStory, type StoryOutcome } from './case-story';
import type { StoredStory } from './case-writer';
import type { DemoCustomer } from './customers';

export type Draw = () => number;
export const drawFrom = (seed: number): Draw => {
  const rng = xoroshiro128plus(seed);
  return () => uniformFloat64(rng);
};

const DAY = 86_400_000;
const pickWeighted = <T>(draw: Draw, options: readonly (readonly [T, number])[]): T => {
  const total = options.reduce((s, o) => s + o[1], 0);
  let u = draw() * total;
  for (const [value, weight] of options) {
    u -= weight;
    if (u < 0) return value;
  }
  return options.at(-1)![0];
};

// Customers most often give a better rate elsewhere; some reasons the bank could not have prevented. Each
// with a note as an agent would write it.
const REASONS: readonly (readonly [{ code: string; note: string }, number])[] = [
  [{ code: 'better_rate_elsewhere', note: 'online bank pays 1% more on savings' }, 34],
  [{ code: 'fees_too_high', note: 'monthly account fee, card fees abroad' }, 15],
  [{ code: 'poor_service', note: 'waited weeks for a mortgage answer' }, 12],
  [{ code: 'moved_away', note: 'moving abroad for work' }, 12],
  [{ code: 'major_purchase', note: 'savings went into a house deposit' }, 10],
  [{ code: 'product_not_suitable', note: 'wants an ethical investment fund' }, 8],
  [{ code: 'funds_were_temporary', note: 'inheritance parked until the estate settled' }, 5],
  [{ code: 'complaint_unresolved', note: 'card blocked twice abroad, no answer' }, 4],
];
export const drawChurnReason = (draw: Draw) => pickWeighted(draw, REASONS);

const SIGNALS: readonly (readonly [SignalType, number])[] = [
  ['large_outflow', 30],
  ['balance_drop', 25],
  ['competitor_offer', 20],
  ['complaint', 10],
  ['product_maturity', 15],
];

export interface Period {
  playbook: { id: string; version: number };
  holdoutPercent: number;
  observeDays: number;
  experiments: LiveExperiment[];
  // Days before `now` the period starts and ends.
  fromDaysAgo: number;
  toDaysAgo: number;
  // The share of conclusive cases retained, by the version the case runs.
  retainedShare: (version: number) => number;
  // Of the cases not retained: the share churned (the rest declined or were unreachable).
  churnedShare: number;
}

function teamAndAgent(tier: CaseStory['tier'], draw: Draw) {
  const team = TEAMS.find((t) => t.tiers.includes(tier) && !('drivers' in t))!;
  const agents = AGENTS.filter((a) => a.teamId === team.id);
  const agent = agents[Math.floor(draw() * agents.length)]!;
  return { teamId: team.id, agentId: agent.id, agentName: agent.name };
}

function offerFor(tier: CaseStory['tier'], type: SignalType) {
  const id = type === 'complaint' ? 'fee-waiver-12m' : tier === 'mass' ? 'rate-bonus-25bp' : 'rate-bonus-50bp';
  const offer = OFFERS.find((o) => o.id === id)!;
  return { id, name: offer.name, cost: offer.cost };
}

function outcomeOf(draw: Draw, retained: number, churned: number): StoryOutcome {
  if (draw() < retained) return 'retained';
  if (draw() < churned) return 'churned';
  return draw() < 0.6 ? 'declined' : 'unreachable';
}

// The signal that opened the case: a bank feed's, or (when `scoreOf` gives one) the early-warning model's.
export type SignalOf = (customer: DemoCustomer, at: Date, draw: Draw) => CaseStory['signal'] & { key: string };

export const feedSignal: SignalOf = (customer, at, draw) => ({
  signalId: 'feed',
  key: `demo-history-${randomUUID()}`,
  type: pickWeighted(draw, SIGNALS),
  severity: Math.round((0.55 + 0.4 * draw()) * 100) / 100,
  occurredAt: at.toISOString(),
  details: { source: 'demo history', customer: customer.id },
});

// One case per customer, opened on a day of the period during office hours; only cases closed by `now`.
export async function storiesFor(
  period: Period,
  customers: DemoCustomer[],
  now: Date,
  draw: Draw,
  signalOf: SignalOf = feedSignal,
): Promise<StoredStory[]> {
  const stories: StoredStory[] = [];
  const span = period.fromDaysAgo - period.toDaysAgo;
  for (const customer of customers) {
    const day = Math.floor(now.getTime() / DAY) - period.fromDaysAgo + Math.floor(draw() * span);
    const at = new Date(day * DAY + (8 + 9 * draw()) * 3_600_000);
    const { pin, arm } = await pinWithExperiment(
      period.experiments,
      period.playbook,
      customer.id,
      async () => period.holdoutPercent,
    );
    // A held-out customer is not treated (the workflow would close the case as holdout): not in this history.
    if (period.experiments.length ? !arm : inHoldout(customer.id, pin.id, period.holdoutPercent)) continue;
    const { key, ...signal } = signalOf(customer, at, draw);
    const outcome = outcomeOf(draw, period.retainedShare(pin.version), period.churnedShare);
    const story: StoredStory = {
      caseId: `case_${randomUUID()}`,
      customerId: customer.id,
      tier: customer.tier,
      signal,
      playbook: pin,
      ...teamAndAgent(customer.tier, draw),
      channel: customer.tier === 'premier' ? 'phone' : customer.tier === 'affluent' ? 'email' : 'sms',
      offer: offerFor(customer.tier, signal.type),
      outcome,
      churnReason: outcome === 'declined' ? drawChurnReason(draw) : undefined,
      surveyScore: outcome === 'retained' ? 7 + Math.floor(draw() * 4) : 3 + Math.floor(draw() * 5),
      observeDays: period.observeDays,
      pace: Array.from({ length: 7 }, draw),
      idempotencyKey: key,
      arm,
    };
    if (closesBy(story, now)) stories.push(story);
  }
  return stories;
}
