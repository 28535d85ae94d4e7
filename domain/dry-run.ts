// A dry run: the bank's stored signals of a past window replayed, day by day, through the same pure rules the
// retention-case workflow runs (intake, cool-down, playbook selection, risk, driver, holdout, assignment,
// channels and consent, contact policy, offers), against today's customers, teams, agents and catalog.
// Nothing here does I/O: api/services/dry-run.ts reads the world once, read-only, and hands it in.
import { teamFor } from './assignment';
import { decideDuringCooldown } from './cooldown';
import type { CustomerProfile } from './customer';
import { classifyDriver } from './driver';
import { durationMs } from './duration';
import { inHoldout } from './holdout';
import { choosePlaybook } from './playbook-selection';
import { declinedBy } from './decline-to-treat';
import { assessRisk } from './risk';
import { decideIntake } from './signal-intake';
import { type CustomerState, DAY_MS, type Decision, type ReplaySignal, type ReplayState } from './dry-run-state';
import { emptyCounts, round2, type Counts, type TeamDay } from './dry-run-tally';
import { assignAndContact, contactAndOffer } from './dry-run-treatment';

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
