// A dry run's treatment of a case it opened (domain/dry-run.ts): the agent assignment would choose and the
// quota it takes, the first contact as the contact policy defers it, and the offer the case would make.
import { rankAgents, type AgentLoad } from './assignment';
import { contactChannelOrder } from './contact-channel';
import { decideContact } from './contact-policy';
import type { CustomerProfile } from './customer';
import { dayOf, type Decision, type Queued, type ReplayState } from './dry-run-state';
import { round2, type Counts, type TeamDay } from './dry-run-tally';
import { eligibleOffers, offerBudget } from './offer';
import type { ChurnDriver, Tier } from './vocabulary';
import { onShift } from './working-hours';

type Assigning = Queued & { at: Date; carried: boolean };

// The team's agent as assignment ranks them (on shift, skill, quota left, fewest open cases, id); the agent's
// first contact takes one of today's quota, as the outcome they record will. None left: the team queue.
export function assignAndContact(
  state: ReplayState,
  counts: Counts,
  teamDay: (id: string) => TeamDay,
  a: Assigning,
): void {
  const day = teamDay(a.teamId);
  day.contactsNeeded++;
  const loads: AgentLoad[] = state.world.agents
    .filter((x) => x.teamId === a.teamId)
    .map((x) => ({
      id: x.id,
      teamId: x.teamId,
      skills: x.skills,
      dailyContactQuota: x.dailyContactQuota,
      contactsToday: state.contactsToday.get(x.id) ?? 0,
      openCases: state.openCases.get(x.id) ?? 0,
      onShift: onShift(x.workingHours, a.at),
    }));
  const agent = rankAgents(loads, a.driver)[0];
  if (!agent) {
    if (!a.carried) counts.queuedToNextDay++;
    a.decision.queued = true;
    const queue = state.queues.get(a.teamId) ?? [];
    queue.push({ teamId: a.teamId, customer: a.customer, driver: a.driver, decision: a.decision });
    state.queues.set(a.teamId, queue);
    return;
  }
  counts.assigned++;
  day.assigned++;
  a.decision.agentId = agent.id;
  state.openCases.set(agent.id, (state.openCases.get(agent.id) ?? 0) + 1);
  const contacted = contactAndOffer(state, counts, {
    customer: a.customer,
    driver: a.driver,
    decision: a.decision,
    at: a.at,
    agentId: agent.id,
  });
  if (contacted) state.contactsToday.set(agent.id, (state.contactsToday.get(agent.id) ?? 0) + 1);
}

type Contacting = {
  customer: CustomerProfile;
  driver: ChurnDriver;
  decision: Decision;
  at: Date;
  agentId: string | undefined;
};

// The first contact on the customer's first consented channel, deferred by the frequency cap and quiet
// hours as the workflow sleeps through them; then the offer the case would make once the customer is reached.
export function contactAndOffer(state: ReplayState, counts: Counts, c: Contacting): boolean {
  const { definition } = state.world.candidate;
  const cs = state.customers.get(c.customer.id)!;
  const channel = contactChannelOrder(c.customer)[0];
  if (!channel) {
    counts.noConsentedChannel++;
    cs.open = false;
    cs.closed = { outcome: 'unreachable', at: c.at };
    if (c.agentId) state.openCases.set(c.agentId, (state.openCases.get(c.agentId) ?? 1) - 1);
    return false;
  }
  let when = c.at;
  for (let tries = 0; tries < 10; tries++) {
    const policy = decideContact(
      when,
      { channel, timeZone: c.customer.timeZone, consent: true, previousContacts: cs.contacts },
      definition.contact.policy,
    );
    if (policy.action !== 'defer') break;
    counts[policy.reason === 'quiet_hours' ? 'deferredQuietHours' : 'deferredFrequencyCap']++;
    when = policy.until;
  }
  if (dayOf(when) > dayOf(c.at)) counts.contactsMovedToNextDay++;
  cs.contacts.push(when);
  c.decision.contactAt = when.toISOString();
  c.decision.offerId = chooseOffer(state, c.customer, c.driver);
  return true;
}

function chooseOffer(state: ReplayState, customer: CustomerProfile, driver: ChurnDriver): string | null {
  const { world } = state;
  const ctx = {
    tier: customer.tier as Tier,
    driver,
    assetsUnderManagement: customer.assetsUnderManagement,
    budgetRate: world.candidate.definition.offer.budgetRate,
  };
  const catalog = world.offers.map((o) => ({ ...o, remaining: state.remaining.get(o.id) }));
  const uncapped = eligibleOffers(
    catalog.map((o) => ({ ...o, remaining: undefined })),
    ctx,
  )[0];
  const offer = eligibleOffers(catalog, ctx)[0];
  if (uncapped && uncapped.id !== offer?.id) state.offers.get(uncapped.id)!.capHits++;
  if (!offer) return null;
  const tally = state.offers.get(offer.id)!;
  const { reach, acceptance } = world.rates;
  tally.cases++;
  tally.expectedPresented = round2(tally.expectedPresented + reach);
  tally.expectedAccepted = round2(tally.expectedAccepted + reach * acceptance);
  tally.expectedCost = round2(tally.expectedCost + reach * acceptance * offer.cost);
  tally.budget = round2(tally.budget + offerBudget(ctx));
  // The slot is held from presentation on: the replay holds it for every case that would get it.
  const left = state.remaining.get(offer.id);
  if (left !== undefined) state.remaining.set(offer.id, left - 1);
  return offer.id;
}
