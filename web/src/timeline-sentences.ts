// Each case event as a sentence in the bank's words, so a supervisor or agent reads the timeline instead of
// decoding its data. One entry per type in domain/case-events.ts (the compiler checks none is missing); an
// event type this dashboard does not know yet (a newer worker) still reads as words, never as raw data.
import { CASE_EVENT_TYPES, type CaseEventType } from '../../domain/case-events';
import { maskAddress } from '../../domain/contact-masking';
import {
  assignee,
  attempt,
  capitalised,
  channel,
  defaultContext,
  known,
  offer,
  Offer,
  problem,
  quoted,
  score100,
  team,
  text,
  when,
  who,
  withChurnReason,
  withNote,
  words,
  type PhraseContext,
} from './timeline-phrases';

type Data = Record<string, unknown>;
type Sentence = (d: Data, actor: string, ctx: PhraseContext) => string;

const purpose = (d: Data) => (d.purpose === 'survey' ? ' for the survey' : '');
// " (a, b)" of the parts that have a value, or nothing.
const aside = (...parts: string[]) => (parts.some(Boolean) ? ` (${parts.filter(Boolean).join(', ')})` : '');
const sub = (v: unknown): Data => (v && typeof v === 'object' ? (v as Data) : {});
const playbook = (v: unknown) => (sub(v).id ? `${text(sub(v).id)} v${text(sub(v).version)}` : text(v) || 'unknown');

// A signal opens a case with reason "signal:<type>"; a person's manual opening gives their own words.
const openingReason = (v: unknown) => {
  const signal = /^signal:([a-z_]+)$/.exec(text(v));
  const kind = words(signal?.[1]);
  return signal ? ` after ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} signal` : text(v) ? `: ${quoted(v)}` : '';
};

// The playbook's declineToTreat rule that closed the case: " (stage decline, assets below 25000)".
const declinedStage = (v: unknown) => {
  const rule = sub(v);
  if (!text(rule.stage)) return '';
  return ` (stage ${text(rule.stage)}${text(rule.belowAssets) ? `, assets below ${text(rule.belowAssets)}` : ''})`;
};

// contact_sent's address and template and case_assigned's quota are shown when an event carries them; the
// workflow does not write them yet (issue 26), so today's events read without.
const SENTENCES: Record<CaseEventType, Sentence> = {
  case_opened: (d, a) =>
    `Case opened by ${who(a)}${openingReason(d.reason)}${text(sub(d.playbookChoice).summary) ? ` — playbook ${words(text(sub(d.playbookChoice).summary))}` : ''}`,
  risk_assessed: (d) =>
    `Risk assessed at ${score100(d.score)}, priority ${known(d.priority)}, driver ${known(d.driver)} — playbook ${playbook(d.playbook)}`,
  holdout_assigned: (d) =>
    `Put in the holdout group (${known(d.percent, 'a share')}${text(d.percent) ? '%' : ''} of cases get no treatment, to measure what treatment adds)`,
  signal_joined: (d) => `New ${words(d.type) || 'risk'} signal joined the case — risk now ${score100(d.score)}`,

  queued_for_agent: (d, _a, c) =>
    `Queued for the next free agent${text(d.teamId) ? ` in the ${team(d.teamId, c)}` : ''}`,
  case_assigned: (d, _a, c) =>
    `Assigned to ${assignee(d.agentId, d.teamId, c)}${typeof d.quotaUsed === 'number' && typeof d.quota === 'number' ? ` — quota ${d.quotaUsed} of ${d.quota} today` : ''}`,
  case_reassigned: (d, a, c) =>
    `Reassigned from ${assignee(sub(d.from).agentId, sub(d.from).teamId, c)} to ${assignee(sub(d.to).agentId, sub(d.to).teamId, c)} by ${who(a)}${withNote(d.note)}`,

  contact_sent: (d) =>
    `${channel(d.channel)} sent${text(d.to ?? d.address) ? ` to ${maskAddress(text(d.to ?? d.address))}` : ''}${aside(text(d.template ?? d.templateId) && `template ${text(d.template ?? d.templateId)}`, text(d.attempt) && `attempt ${text(d.attempt)}`)}`,
  contact_unconfirmed: (d) =>
    `${channel(d.channel)} not confirmed by the provider${attempt(d.attempt)}${problem(d.message, d.code)} — delivery to be checked`,
  contact_failed: (d) => `${channel(d.channel)} failed${attempt(d.attempt)}${problem(d.message, d.code)}`,
  contact_skipped: (d) =>
    `${channel(d.channel)}${purpose(d)} skipped: ${d.reason === 'no_consent' ? 'the customer has not consented' : known(d.reason, 'held by the contact policy')}`,
  contact_deferred: (d, _a, c) =>
    `${channel(d.channel)}${purpose(d)} held until ${when(d.until, c)}: ${known(d.reason, 'contact policy')}`,
  call_requested: (d, _a, c) =>
    `Call requested${text(d.agentId) ? ` from ${assignee(d.agentId, null, c)}` : ' from the team'}${attempt(d.attempt)}`,
  contact_outcome_recorded: (d, a, c) =>
    `${channel(d.channel)} contact recorded by ${who(a)}: ${known(d.outcome, 'no outcome given')}${text(d.callbackAt) ? `, call back ${when(d.callbackAt, c)}` : ''}${withNote(d.note)}${withChurnReason(d.churnReason)}`,
  contact_outcome_timed_out: (d) =>
    `No contact outcome recorded within ${text(d.waited) || 'the time allowed'}${attempt(d.attempt)}`,
  customer_replied: (d) =>
    `Customer replied by ${channel(d.channel, true)}: ${quoted(d.text) || '(no text)'} — waiting for the agent's answer`,
  consent_changed: (d, a) =>
    `${channel(d.channel)} consent ${d.granted ? 'given' : 'withdrawn'} by ${who(a)}${text(d.source) ? ` (${words(d.source)})` : ''}`,

  offer_approval_requested: (d) =>
    `${Offer(d.offerId)}${text(d.cost) ? ` (cost ${text(d.cost)})` : ''} waits for a supervisor's approval${text(d.threshold) ? `: over the ${text(d.threshold)} limit` : ''}`,
  offer_approval_timed_out: (d) =>
    `${Offer(d.offerId)} was not approved within ${text(d.waited) || 'the time allowed'}`,
  offer_approved: (d, a) => `${Offer(d.offerId)} approved by ${who(a)}${withNote(d.note)}`,
  offer_rejected: (d, a) => `${Offer(d.offerId)} rejected by ${who(a)}${withNote(d.note)}`,
  offer_unavailable: (d) => `${Offer(d.offerId)} unavailable${text(d.reason) ? `: ${words(d.reason)}` : ''}`,
  offer_presented: (d, _a, c) =>
    `${Offer(d.name ?? d.offerId)} presented to the customer${text(d.cost) ? ` (cost ${text(d.cost)})` : ''}, open until ${when(d.expiresAt, c)}`,
  offer_decision_recorded: (d, a) =>
    `Customer ${words(d.decision) || 'answered'} ${offer(d.offerId)} — recorded by ${who(a)}${withNote(d.note)}${withChurnReason(d.churnReason)}`,
  fulfilment_requested: (d) => `Fulfilment of ${offer(d.offerId)} requested`,
  no_eligible_offer: (d) => `No offer fits this customer (${text(d.candidates) || 0} checked)`,

  resurvey_scheduled: (d, _a, c) => `Satisfaction survey scheduled for ${when(d.at, c)}`,
  survey_sent: (d) => `Survey sent by ${channel(d.channel, true)}`,
  survey_failed: (d) => `Survey by ${channel(d.channel, true)} failed${problem(d.message, d.code)}`,
  survey_answered: (d) => `Survey answered: ${text(d.score) ? `${text(d.score)}/10` : 'no score'}`,
  low_score_escalated: (d) =>
    `Low survey score${text(d.score) ? ` (${text(d.score)}/10)` : ''} — escalated to ${words(d.escalatedTo) || 'a supervisor'}`,
  observation_started: (d, _a, c) =>
    `Watching the customer's balance until ${when(d.until, c)} before deciding retained or churned`,

  sla_breached: (d, _a, c) =>
    `SLA missed waiting for ${known(d.wait, 'an answer')} — escalated to ${known(d.escalatedTo, 'the next level')}, next deadline ${when(d.nextDeadline, c)}`,
  sla_extended: (d, a, c) =>
    `SLA for ${known(d.wait, 'the current wait')} extended to ${when(d.until, c)} by ${who(a)}${withNote(d.note)}`,
  needs_attention: (d) =>
    `Needs attention: ${known(d.reason, 'no reason given')}${text(d.step) ? ` (${words(d.step)} step)` : ''}${problem(d.error)}`,
  attention_resolved: (d, a) =>
    `Attention${text(d.reason) ? ` (${words(d.reason)})` : ''} resolved by ${who(a)}: ${d.action === 'reassign' ? 'case reassigned' : d.action === 'retry' ? 'step retried' : known(d.action, 'done')}${withNote(d.note)}`,

  case_failed: (d) => `The ${known(d.step, 'current')} step failed${problem(d.error)}`,
  case_continued: (d, _a, c) =>
    `Case carried over to a fresh run${text(d.observeUntil) ? `, still watching until ${when(d.observeUntil, c)}` : ''}`,
  case_closed: (d, a) =>
    `Case closed as ${known(d.outcome)}${text(d.reason) ? `: ${words(d.reason)}` : ''}${declinedStage(d.declined)}${a === 'holdfast' ? '' : ` by ${who(a)}`}${withNote(d.note)}${withChurnReason(d.churnReason)}`,
};

const KNOWN: ReadonlySet<string> = new Set(CASE_EVENT_TYPES);

export interface SentenceEvent {
  type: string;
  actor: string;
  data: Data;
}

// The event as one sentence; `ctx` gives agents' and teams' names and how times read.
export function timelineSentence(e: SentenceEvent, ctx: PhraseContext = defaultContext): string {
  if (!KNOWN.has(e.type))
    return `${capitalised(words(e.type)) || 'Event'}${e.actor && e.actor !== 'holdfast' ? ` by ${who(e.actor)}` : ''}`;
  return SENTENCES[e.type as CaseEventType](e.data ?? {}, e.actor, ctx);
}
