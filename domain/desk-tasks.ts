// What an agent owes a case now, read from the case's stage and its latest step on the timeline: the workflow
// keeps no "task" of its own, and the case row's SLA stays set after an answer until the next step, so the
// timeline's last step is the one source that says whether the case still waits on the agent.
import { quietHoursEnd, type ContactPolicy } from './contact-policy';

// A call to make (the workflow asked for it), the outcome of a message sent to record, a customer's reply to
// answer, a callback at the time the customer chose, the customer's decision on the offer to record.
export const DESK_TASKS = ['call', 'record_outcome', 'answer_reply', 'callback', 'record_decision'] as const;
type DeskTask = (typeof DESK_TASKS)[number];

// Timeline steps that change what a case waits for; the others (an SLA breach, a reassignment, a joining
// signal, a consent change) leave the wait as it was.
export const WAIT_STEPS = [
  'call_requested',
  'contact_sent',
  'contact_unconfirmed',
  'customer_replied',
  'contact_outcome_recorded',
  'contact_outcome_timed_out',
  'contact_failed',
  'contact_deferred',
  'contact_skipped',
  'offer_approval_requested',
  'offer_presented',
  'offer_decision_recorded',
  'resurvey_scheduled',
  'survey_sent',
  'observation_started',
  'needs_attention',
  'case_assigned',
  'queued_for_agent',
] as const;

export interface CaseWait {
  stage: string;
  needsAttention: boolean;
  slaDueAt: Date | null;
  lastStep?: { type: string; data: Record<string, unknown> };
  customerTimeZone: string;
  quietHours?: ContactPolicy['quietHours'];
}

export interface DueTask {
  task: DeskTask;
  // When it is due: the SLA of the wait, or the callback's time (moved out of the customer's quiet hours).
  dueAt: Date | null;
  channel?: string;
  // The customer's own words (a reply), or the delivery to check (an unconfirmed send).
  detail?: string;
}

// A callback the customer asked for, never inside their quiet hours: the call waits until the hours end.
export function callbackTime(
  requested: Date,
  timeZone: string,
  quietHours: ContactPolicy['quietHours'] | undefined,
): Date {
  return (quietHours && quietHoursEnd(requested, timeZone, quietHours)) || requested;
}

function contactTask(wait: CaseWait): DueTask | undefined {
  const step = wait.lastStep!;
  const channel = typeof step.data.channel === 'string' ? step.data.channel : undefined;
  switch (step.type) {
    case 'call_requested':
      return { task: 'call', dueAt: wait.slaDueAt, channel: 'phone' };
    case 'contact_sent':
      return { task: 'record_outcome', dueAt: wait.slaDueAt, channel };
    case 'contact_unconfirmed':
      return {
        task: 'record_outcome',
        dueAt: wait.slaDueAt,
        channel,
        detail: 'the provider did not confirm the send: ask the customer whether it arrived',
      };
    case 'contact_outcome_recorded': {
      if (step.data.outcome !== 'callback_requested' || typeof step.data.callbackAt !== 'string') return undefined;
      return {
        task: 'callback',
        dueAt: callbackTime(new Date(step.data.callbackAt), wait.customerTimeZone, wait.quietHours),
        channel: 'phone',
      };
    }
    default:
      return undefined;
  }
}

// The task the case waits on its agent for, or undefined when it waits on someone else (a supervisor, the
// customer, a timer) or on nothing.
export function dueTask(wait: CaseWait): DueTask | undefined {
  if (wait.needsAttention || !wait.lastStep) return undefined;
  const step = wait.lastStep;
  if (step.type === 'customer_replied' && (wait.stage === 'contacting' || wait.stage === 'awaiting_decision')) {
    return {
      task: 'answer_reply',
      dueAt: wait.slaDueAt,
      channel: String(step.data.channel ?? ''),
      detail: String(step.data.text ?? ''),
    };
  }
  if (wait.stage === 'contacting') return contactTask(wait);
  if (wait.stage === 'awaiting_decision' && step.type === 'offer_presented')
    return { task: 'record_decision', dueAt: wait.slaDueAt };
  return undefined;
}

// Work the soonest deadline first; without one (none today) after those that have one; then the riskier case.
export function byDeskOrder(
  a: { dueAt: Date | null; priority: number },
  b: { dueAt: Date | null; priority: number },
): number {
  const due = (x: Date | null) => x?.getTime() ?? Number.POSITIVE_INFINITY;
  if (due(a.dueAt) !== due(b.dueAt)) return due(a.dueAt) < due(b.dueAt) ? -1 : 1;
  return b.priority - a.priority;
}

// A follow-up of the case that falls in [dayStart, dayEnd): the survey going out, or the observation window
// ending (the day the verdict is taken, when a look at the customer's balance is due).
export function followUpIn(
  wait: Pick<CaseWait, 'stage' | 'lastStep'>,
  dayStart: Date,
  dayEnd: Date,
): { kind: 'survey' | 'observation_ends'; at: Date } | undefined {
  const step = wait.lastStep;
  const at =
    step?.type === 'resurvey_scheduled'
      ? step.data.at
      : step?.type === 'observation_started'
        ? step.data.until
        : undefined;
  if (typeof at !== 'string') return undefined;
  const when = new Date(at);
  if (when < dayStart || when >= dayEnd) return undefined;
  return { kind: step!.type === 'resurvey_scheduled' ? 'survey' : 'observation_ends', at: when };
}
