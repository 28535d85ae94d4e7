// A dry run: the bank's stored signals of a past window replayed, day by day, through the same pure rules the
// retention-case workflow runs (intake, cool-down, playbook selection, risk, driver, holdout, assignment,
// channels and consent, contact policy, offers), against today's customers, teams, agents and catalog.
// Nothing here does I/O: api/services/dry-run.ts reads the world once, read-only, and hands it in.
import { rankAgents, teamFor, type AgentLoad, type TeamCandidate } from './assignment';
import { contactChannelOrder } from './contact-channel';
import { decideContact } from './contact-policy';
import { decideDuringCooldown } from './cooldown';
import type { CustomerProfile } from './customer';
import { classifyDriver } from './driver';
import { durationMs } from './duration';
import { inHoldout } from './holdout';
import { eligibleOffers, offerBudget, type CatalogOffer } from './offer';
import type { PinnedPlaybook } from './playbook';
import { choosePlaybook } from './playbook-selection';
import { declinedBy } from './decline-to-treat';
import { assessRisk, type RiskSignalInput } from './risk';
import { decideIntake } from './signal-intake';
import { emptyCounts, round2, type Counts, type OfferTally, type TeamDay } from './dry-run-tally';
import type { ChurnDriver, Tier } from './vocabulary';
import { onShift, type WorkingHours } from './working-hours';

export interface DryRunAgent {
  id: string;
  teamId: string;
  skills: string[];
  dailyContactQuota: number;
  // Open cases today, to which the replay adds the cases it assigns.
  openCases: number;
  workingHours: WorkingHours | null;
}

export interface DryRunWorld {
  candidate: PinnedPlaybook;
  // The newest version of every playbook, the candidate in its playbook's place: selection picks among them.
  latest: PinnedPlaybook[];
  // Replay every signal through the candidate, as if each named it (a playbook only named, like demo).
  allSignals: boolean;
  customers: Map<string, CustomerProfile>;
  // Each customer's real contacts before the window that still count against the frequency cap.
  contactsBefore: Map<string, Date[]>;
  teams: TeamCandidate[];
  agents: DryRunAgent[];
  offers: (CatalogOffer & { volumeCap: number | null })[];
  // Rates the rules cannot know, from the bank's recent cases: a contact reaching the customer, an offer accepted.
  rates: { reach: number; acceptance: number };
}

export interface ReplaySignal extends RiskSignalInput {
  customerId: string;
  receivedAt: Date;
}

interface Decision {
  signalId: string;
  customerId: string;
  outcome:
    | 'opened'
    | 'excluded'
    | 'not_actionable'
    | 'held_out'
    | 'joined'
    | 'cooling_down'
    | 'store_only'
    | 'unknown_customer'
    | 'other_playbook';
  teamId?: string | null;
  agentId?: string | null;
  queued?: boolean;
  offerId?: string | null;
  contactAt?: string;
}

interface CustomerState {
  open: boolean;
  closed?: { outcome: string; at: Date };
  signals: RiskSignalInput[];
  contacts: Date[];
}

interface Queued {
  teamId: string;
  customer: CustomerProfile;
  driver: ChurnDriver;
  decision: Decision;
}

export interface ReplayState {
  world: DryRunWorld;
  customers: Map<string, CustomerState>;
  openCases: Map<string, number>;
  contactsToday: Map<string, number>;
  queues: Map<string, Queued[]>;
  offers: Map<string, OfferTally>;
  remaining: Map<string, number | undefined>;
  decisions: Decision[];
  keepDecisions: number;
}

export function startReplay(world: DryRunWorld, keepDecisions = 0): ReplayState {
  const offers = new Map(
    world.offers.map((o) => [
      o.id,
      {
        offerId: o.id,
        cases: 0,
        expectedPresented: 0,
        expectedAccepted: 0,
        expectedCost: 0,
        budget: 0,
        volumeCap: o.volumeCap,
        capHits: 0,
      },
    ]),
  );
  return {
    world,
    customers: new Map(),
    openCases: new Map(world.agents.map((a) => [a.id, a.openCases])),
    contactsToday: new Map(),
    queues: new Map(),
    offers,
    remaining: new Map(world.offers.map((o) => [o.id, o.remaining])),
    decisions: [],
    keepDecisions,
  };
}

const DAY_MS = 86_400_000;
const dayOf = (d: Date) => Math.floor(d.getTime() / DAY_MS);

export interface DayResult {
  day: string;
  counts: Counts;
  teams: TeamDay[];
}

// One UTC day: first the team queues carried in (quotas start afresh at midnight, as assignment's retry finds
// them), then the day's signals in the order they were received.
export function replayDay(state: ReplayState, dayStart: Date, signals: ReplaySignal[]): DayResult {
  const counts = emptyCounts();
  state.contactsToday.clear();
  const teams = new Map<string, TeamDay>();
  const teamDay = (teamId: string) => {
    let t = teams.get(teamId);
    if (!t) {
      const quota = state.world.agents
        .filter((a) => a.teamId === teamId)
        .reduce((sum, a) => sum + a.dailyContactQuota, 0);
      t = { teamId, contactsNeeded: 0, quota, assigned: 0, saturation: 0, backlogCarried: 0 };
      teams.set(teamId, t);
    }
    return t;
  };
  for (const [teamId, queue] of state.queues) {
    state.queues.set(teamId, []);
    for (const q of queue) assignAndContact(state, counts, teamDay, { ...q, at: dayStart, carried: true });
  }
  for (const signal of signals) replaySignal(state, counts, teamDay, signal);
  for (const [teamId, queue] of state.queues) teamDay(teamId).backlogCarried = queue.length;
  for (const t of teams.values()) t.saturation = t.quota > 0 ? round2(t.contactsNeeded / t.quota) : 0;
  return {
    day: dayStart.toISOString().slice(0, 10),
    counts,
    teams: [...teams.values()].sort((a, b) => a.teamId.localeCompare(b.teamId)),
  };
}

function keep(state: ReplayState, decision: Decision): Decision {
  if (state.decisions.length < state.keepDecisions) state.decisions.push(decision);
  return decision;
}

// A signal that ends here: counted under `figure` and kept as a decision.
function note(state: ReplayState, counts: Counts, figure: keyof Counts, decision: Decision): void {
  counts[figure]++;
  keep(state, decision);
}

// What intake and the detect stage decide for one signal (api/services/signal-intake.ts, workflows/stages/detect.ts).
function replaySignal(
  state: ReplayState,
  counts: Counts,
  teamDay: (id: string) => TeamDay,
  signal: ReplaySignal,
): void {
  counts.signals++;
  const { world } = state;
  const customer = world.customers.get(signal.customerId);
  const cs = state.customers.get(signal.customerId) ?? {
    open: false,
    signals: [],
    contacts: [...(world.contactsBefore.get(signal.customerId) ?? [])],
  };
  state.customers.set(signal.customerId, cs);
  const at = signal.receivedAt;
  const base = { signalId: signal.signalId, customerId: signal.customerId };
  const closed = cs.closed && {
    id: '',
    workflowId: '',
    status: 'closed',
    outcome: cs.closed.outcome,
    closedAt: cs.closed.at,
    cooldownMs: durationMs(world.candidate.definition.detect.cooldown),
    actionThreshold: world.candidate.definition.detect.actionThreshold,
  };
  const intake = decideIntake(
    signal,
    { customerTier: customer?.tier, hasOpenCase: cs.open, lastCase: closed || undefined },
    at,
  );
  cs.signals = [...cs.signals.filter((s) => at.getTime() - Date.parse(s.occurredAt) < 90 * DAY_MS), signal];
  if (intake.kind === 'unknown_customer' || !customer) {
    note(state, counts, 'unknownCustomer', { ...base, outcome: 'unknown_customer' });
    return;
  }
  if (intake.kind === 'store_only') {
    note(state, counts, 'storeOnly', { ...base, outcome: 'store_only' });
    return;
  }
  if (cs.open) {
    note(state, counts, 'joinedOpenCase', { ...base, outcome: 'joined' });
    return;
  }
  if (
    intake.kind === 'cooling_down' &&
    !decideDuringCooldown(
      { outcome: intake.lastCase.outcome, threshold: intake.lastCase.actionThreshold },
      cs.signals,
      customer.tier,
      at,
    ).reopen
  ) {
    note(state, counts, 'coolingDown', { ...base, outcome: 'cooling_down' });
    return;
  }
  detectAndTreat(state, counts, teamDay, { signal, customer, cs, decision: base });
}

type Opening = {
  signal: ReplaySignal;
  customer: CustomerProfile;
  cs: CustomerState;
  decision: Pick<Decision, 'signalId' | 'customerId'>;
};

function detectAndTreat(
  state: ReplayState,
  counts: Counts,
  teamDay: (id: string) => TeamDay,
  { signal, customer, cs, decision }: Opening,
): void {
  const { world } = state;
  const at = signal.receivedAt;
  const driver = classifyDriver([signal]);
  const chosen = world.allSignals
    ? world.candidate
    : choosePlaybook(world.latest, {
        tier: customer.tier,
        driver,
        stage: customer.lifecycleStage,
        segment: customer.segment,
      });
  cs.open = true;
  if (chosen?.id !== world.candidate.id) {
    note(state, counts, 'otherPlaybook', { ...decision, outcome: 'other_playbook' });
    return;
  }
  counts.casesOpened++;
  const { definition } = world.candidate;
  const close = (outcome: 'excluded' | 'not_actionable'): void => {
    cs.open = false;
    cs.closed = { outcome, at };
    note(state, counts, outcome === 'excluded' ? 'excluded' : 'notActionable', { ...decision, outcome });
  };
  const score = assessRisk([signal], customer.tier, at).score;
  // As intake decides: a customer the playbook declines to treat is closed excluded, before anything else.
  if (declinedBy(definition.declineToTreat, customer)) {
    close('excluded');
    return;
  }
  if (driver === 'special_funds' || score < definition.detect.actionThreshold) {
    close(driver === 'special_funds' ? 'excluded' : 'not_actionable');
    return;
  }
  if (definition.holdout.percent > 0 && inHoldout(customer.id, world.candidate.id, definition.holdout.percent)) {
    note(state, counts, 'heldOut', { ...decision, outcome: 'held_out' });
    return;
  }
  const team = teamFor(world.teams, customer.tier, driver);
  const opened = keep(state, { ...decision, outcome: 'opened', teamId: team?.id ?? null, agentId: null });
  if (!team) {
    counts.noTeam++;
    contactAndOffer(state, counts, { customer, driver, decision: opened, at, agentId: undefined });
    return;
  }
  assignAndContact(state, counts, teamDay, { teamId: team.id, customer, driver, decision: opened, at, carried: false });
}

type Assigning = Queued & { at: Date; carried: boolean };

// The team's agent as assignment ranks them (on shift, skill, quota left, fewest open cases, id); the agent's
// first contact takes one of today's quota, as the outcome they record will. None left: the team queue.
function assignAndContact(state: ReplayState, counts: Counts, teamDay: (id: string) => TeamDay, a: Assigning): void {
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
function contactAndOffer(state: ReplayState, counts: Counts, c: Contacting): boolean {
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
