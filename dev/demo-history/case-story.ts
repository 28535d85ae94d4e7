// One closed case of the demo history as its workflow would have recorded it: the same event types, data and
// stages (workflows/stages/*), at times spread as a bank's days spread them, ending in the outcome drawn for
// it. Pure: the writer (case-writer.ts) stores it through the case store's transition.
import type { CaseEventRecord } from '../../activities/case-store';
import { caseWorkflowId, type CaseProjection } from '../../domain/case';
import { classifyDriver } from '../../domain/driver';
import { assessRisk, type RiskSignalInput } from '../../domain/risk';
import type { Outcome, Tier } from '../../domain/vocabulary';

const HOUR = 3_600_000;

export type StoryOutcome = Extract<Outcome, 'retained' | 'churned' | 'declined' | 'unreachable'>;

export interface CaseStory {
  caseId: string;
  customerId: string;
  tier: Tier;
  signal: RiskSignalInput;
  playbook: { id: string; version: number };
  teamId: string;
  agentId: string;
  agentName: string;
  channel: 'sms' | 'email' | 'phone';
  offer: { id: string; name: string; cost: number };
  outcome: StoryOutcome;
  // A reason the customer gave while the case was open (declined); a churned case gets its reason later.
  churnReason?: { code: string; note?: string };
  surveyScore: number;
  // The playbook's observation window (days): retained or churned is decided at its end; 0 decides at once.
  observeDays: number;
  // 0..1 draws that spread the steps' times.
  pace: number[];
}

type Step = { type: string; afterHours: number; data: Record<string, unknown>; actor?: string; stage?: string };

function contactSteps(s: CaseStory, reached: boolean): Step[] {
  const agentActor = `agent:${s.agentName}`;
  const attempt = (n: number, outcome: string): Step[] => [
    s.channel === 'phone'
      ? { type: 'call_requested', afterHours: 2, data: { attempt: n, agentId: s.agentId }, stage: 'contacting' }
      : {
          type: 'contact_sent',
          afterHours: 2,
          data: { attempt: n, channel: s.channel, status: 'sent' },
          stage: 'contacting',
        },
    {
      type: 'contact_outcome_recorded',
      afterHours: 6 + 30 * (s.pace[n] ?? 0.5),
      data: { channel: s.channel, outcome, callbackAt: null, note: null },
      actor: agentActor,
    },
  ];
  if (!reached) return [...attempt(1, 'no_answer'), ...attempt(2, 'no_answer'), ...attempt(3, 'no_answer')];
  return attempt(1, 'reached');
}

function offerSteps(s: CaseStory, accepted: boolean): Step[] {
  const expiresAt = { inHours: 7 * 24 };
  const decision = accepted ? 'accepted' : 'declined';
  return [
    {
      type: 'offer_presented',
      afterHours: 1,
      data: { offerId: s.offer.id, name: s.offer.name, cost: s.offer.cost, expiresAt },
      stage: 'awaiting_decision',
    },
    {
      type: 'offer_decision_recorded',
      afterHours: 12 + 60 * (s.pace[4] ?? 0.5),
      data: {
        offerId: s.offer.id,
        decision,
        note: null,
        ...(s.churnReason && !accepted ? { churnReason: s.churnReason } : {}),
      },
      actor: 'system:bank-crm',
    },
  ];
}

// The steps after detection and assignment, by outcome, ending with the close.
function treatment(s: CaseStory): Step[] {
  const close = (outcome: Outcome, reason: string, data: Record<string, unknown> = {}): Step => ({
    type: 'case_closed',
    afterHours: 0.01,
    data: { outcome, reason, ...data },
    stage: 'closed',
  });
  if (s.outcome === 'unreachable')
    return [...contactSteps(s, false), close('unreachable', 'contact_attempts_exhausted', { attempts: 3 })];
  if (s.outcome === 'declined')
    return [
      ...contactSteps(s, true),
      ...offerSteps(s, false),
      close('declined', 'offer_declined', {
        offerId: s.offer.id,
        ...(s.churnReason ? { churnReason: s.churnReason } : {}),
      }),
    ];
  const survey: Step[] = [
    { type: 'fulfilment_requested', afterHours: 0.1, data: { offerId: s.offer.id } },
    {
      type: 'survey_sent',
      afterHours: 96,
      data: { channel: s.channel === 'email' ? 'email' : 'sms' },
      stage: 'surveyed',
    },
    {
      type: 'survey_answered',
      afterHours: 5 + 20 * (s.pace[5] ?? 0.5),
      data: { score: s.surveyScore },
      actor: 'customer:sms',
    },
  ];
  const answered = { score: s.surveyScore };
  if (s.observeDays === 0)
    return [...contactSteps(s, true), ...offerSteps(s, true), ...survey, close(s.outcome, 'survey_answered', answered)];
  const recovered = s.outcome === 'retained';
  const observed = { ...answered, observed: recovered ? 'recovered' : 'no_recovery' };
  const window = 24 * s.observeDays;
  return [
    ...contactSteps(s, true),
    ...offerSteps(s, true),
    ...survey,
    { type: 'observation_started', afterHours: 0.01, data: { until: { inHours: window } }, stage: 'observing' },
    { ...close(s.outcome, 'survey_answered', observed), afterHours: recovered ? window * (s.pace[6] ?? 0.5) : window },
  ];
}

// Relative times ({ inHours }) in the data become instants once the step's own time is known.
const resolveTimes = (data: Record<string, unknown>, at: number) =>
  Object.fromEntries(
    Object.entries(data).map(([k, v]) => [
      k,
      v && typeof v === 'object' && 'inHours' in v
        ? new Date(at + (v as { inHours: number }).inHours * HOUR).toISOString()
        : v,
    ]),
  );

// The case's events, in order, and the projection the last one leaves the case in.
export function storyEvents(s: CaseStory): { events: CaseEventRecord[]; projection: CaseProjection } {
  const openedAt = Date.parse(s.signal.occurredAt) + 5 * 60_000;
  const risk = assessRisk([s.signal], s.tier, new Date(openedAt));
  const driver = classifyDriver([s.signal]);
  const steps: Step[] = [
    { type: 'case_opened', afterHours: 0, data: { reason: `signal:${s.signal.type}`, openedBy: 'system:bank-feed' } },
    { type: 'risk_assessed', afterHours: 0, data: { ...risk, driver, playbook: s.playbook }, stage: 'detected' },
    { type: 'case_assigned', afterHours: 0.05, data: { teamId: s.teamId, agentId: s.agentId }, stage: 'assigned' },
    ...treatment(s),
  ];
  let at = openedAt;
  const events = steps.map((step, i) => {
    at += Math.round(step.afterHours * HOUR);
    return {
      caseId: s.caseId,
      seq: i + 1,
      at: new Date(at).toISOString(),
      type: step.type,
      actor: step.actor ?? 'holdfast',
      data: resolveTimes(step.data, at),
    };
  });
  const projection: CaseProjection = {
    caseId: s.caseId,
    workflowId: caseWorkflowId(s.customerId),
    customerId: s.customerId,
    reason: `signal:${s.signal.type}`,
    stage: 'closed',
    status: 'closed',
    outcome: s.outcome,
    riskScore: risk.score,
    riskExplanation: risk.factors,
    driver,
    priority: risk.priority,
    playbook: s.playbook,
    teamId: s.teamId,
    agentId: s.agentId,
    openedAt: new Date(openedAt).toISOString(),
    closedAt: new Date(at).toISOString(),
  };
  return { events, projection };
}

// When the case's last step happens: a case still being treated on the history's last day is left out.
export const closesBy = (s: CaseStory, now: Date): boolean =>
  Date.parse(storyEvents(s).projection.closedAt!) < now.getTime();
