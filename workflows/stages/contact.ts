// Stage 3, contact: message the customer on their preferred consented channel (or ask the agent to call),
// then wait for the agent's contact outcome; no answer moves to the next channel until attempts run out.
// A channel that fails (refused by the provider, no address, undeliverable, provider down through every
// retry) leaves the rotation; with none left the case needs a supervisor.
import { sleep } from '@temporalio/workflow';
import { contactChannelOrder } from '../../domain/contact-channel';
import { durationMs } from '../../domain/duration';
import type { ContactChannel } from '../../domain/vocabulary';
import { sendActs } from '../activities';
import type { CaseRun } from '../case-run';
import { clearToContact, sendWhenClear } from '../contact-clearance';
import { sentMessageData, settledSend } from '../send-outcome';

export type ContactResult =
  | { reached: true }
  | {
      reached: false;
      outcome: 'declined' | 'unreachable';
      reason: string;
      data?: Record<string, unknown>;
      actor?: string;
    };

const failed = (
  outcome: 'declined' | 'unreachable',
  reason: string,
  data?: Record<string, unknown>,
  actor?: string,
): ContactResult => ({ reached: false, outcome, reason, data, actor });

// Idempotency key of one contact step; the first round keeps the original key shape.
export function contactKey(run: CaseRun, step: 'contact' | 'outcome'): string {
  const { caseId, contact } = run.state;
  const base =
    (contact.round ?? 1) > 1
      ? `${caseId}:${step}:${contact.round}.${contact.attempts}`
      : `${caseId}:${step}:${contact.attempts}`;
  // A retried round (after a supervisor's retry) must not reuse the keys of the round that failed.
  return contact.retry ? `${base}r${contact.retry}` : base;
}

export async function contact(run: CaseRun): Promise<ContactResult> {
  for (;;) {
    const result = await contactRound(run);
    if (result.reached || result.reason !== 'no_channel_left') return result;
    // Every channel failed: a supervisor fixes the customer's details (or reassigns) and retries.
    await run.awaitSupervisor('no_channel_left', 'contact', { failed: run.state.contact.failedChannels ?? [] });
    run.customer = await run.store.loadCustomer(run.state.customerId);
    run.state.contact = { attempts: 0, round: run.state.contact.round, retry: (run.state.contact.retry ?? 0) + 1 };
  }
}

// The channels left in this round: a dropped channel (consent withdrawn) or a failed one (recorded as
// contact_failed) leaves the rotation without spending the attempt. Both answer whether any channel is left.
function rotation(run: CaseRun, channels: ContactChannel[]) {
  const { contact } = run.state;
  const drop = (channel: ContactChannel): boolean => {
    contact.attempts--;
    channels.splice(channels.indexOf(channel), 1);
    return channels.length > 0;
  };
  const failed = async (attempt: number, channel: ContactChannel, code: string, message: string): Promise<boolean> => {
    await run.record('contact_failed', { attempt, channel, code, message });
    contact.failedChannels = [...(contact.failedChannels ?? []), channel];
    return drop(channel);
  };
  return { drop, failed };
}

async function contactRound(run: CaseRun): Promise<ContactResult> {
  const { state } = run;
  const policy = run.definition.contact;
  const channels = contactChannelOrder(run.customer!);
  if (channels.length === 0) return failed('unreachable', 'no_consented_channel');
  const { drop: dropChannel, failed: channelFailed } = rotation(run, channels);
  // The customer asked to be called back: the next attempt is the agent's call, whatever the rotation says.
  let callBack = false;

  while (state.contact.attempts < policy.maxAttempts) {
    const attempt = ++state.contact.attempts;
    // No answer on one channel falls back to the next in the customer's order; a callback the customer asked
    // for is a call at the time they chose.
    const requestedCall = callBack;
    callBack = false;
    const channel: ContactChannel = requestedCall ? 'phone' : channels[(attempt - 1) % channels.length]!;
    // A call is cleared by its own contact-policy check, unless the customer asked for it; a message's send
    // checks the policy itself (reachOut).
    if (channel === 'phone' && !requestedCall && (await clearToContact(run, channel, 'contact')) === 'skip') {
      if (!dropChannel(channel)) return failed('unreachable', 'no_consented_channel');
      continue;
    }
    state.contact.channel = channel;
    const timeout = run.staffSla(durationMs(policy.outcomeTimeout));
    // A failed channel does not spend the attempt, so the next channel's send needs its own key.
    const key = `${contactKey(run, 'contact')}:${channel}`;
    const sendFailure = await reachOut(run, { attempt, channel, key, timeout });
    if (sendFailure) {
      // No consent (e.g. an SMS STOP): the channel leaves the rotation and the attempt is not spent; the send
      // failed: the channel leaves the rotation as contact_failed.
      const left =
        sendFailure === 'skip'
          ? dropChannel(channel)
          : await channelFailed(attempt, channel, sendFailure.code, sendFailure.message);
      if (!left) return failed('unreachable', sendFailure === 'skip' ? 'no_consented_channel' : 'no_channel_left');
      continue;
    }

    const next = await afterReachOut(run, { attempt, channel, key, timeout }, channelFailed);
    if (next === 'call_back') callBack = true;
    else if (next !== 'next') return next;
  }
  return failed('unreachable', 'contact_attempts_exhausted', { attempts: state.contact.attempts });
}

type Attempt = { attempt: number; channel: ContactChannel; key: string; timeout: number };

// After the reach-out: the agent's outcome, the provider's report that the message was not delivered (the
// channel leaves the rotation), or the wait's timeout. 'next' is another attempt; 'call_back' is the agent's
// call at the time the customer chose (waited for here, within the playbook's limit).
async function afterReachOut(
  run: CaseRun,
  a: Attempt,
  channelFailed: ReturnType<typeof rotation>['failed'],
): Promise<ContactResult | 'next' | 'call_back'> {
  const policy = run.definition.contact;
  const outcome = await run.awaitAnswer('contact', a.timeout, { interrupted: () => run.undelivered.has(a.key) });
  if (!outcome) {
    const report = run.undelivered.get(a.key);
    if (report) {
      const message = `the provider reported the message ${report.status}`;
      const left = await channelFailed(a.attempt, a.channel, report.code ?? report.status, message);
      return left ? 'next' : failed('unreachable', 'no_channel_left');
    }
    await run.record('contact_outcome_timed_out', { attempt: a.attempt, waited: policy.outcomeTimeout });
    return 'next';
  }
  run.state.contact.lastOutcome = outcome.outcome;
  if (outcome.outcome === 'reached') return { reached: true };
  // The churn reason the agent gave rides on the close event, for the projection and the report.
  if (outcome.outcome === 'refused')
    return failed(
      'declined',
      'customer_refused_contact',
      outcome.reason ? { churnReason: outcome.reason } : {},
      outcome.actor,
    );
  if (outcome.outcome === 'callback_requested' && outcome.callbackAt) {
    const wait = Math.min(Date.parse(outcome.callbackAt) - Date.now(), durationMs(policy.maxCallbackDelay));
    if (wait > 0) await sleep(wait);
    return 'call_back';
  }
  return 'next';
}

// One attempt's reach-out: the message on its channel (its send checks the contact policy itself), or the
// agent's call; then the wait for the outcome is announced. A send that failed returns its failure and
// announces nothing: the channel leaves the rotation, as it does when the send finds no consent ('skip').
async function reachOut(run: CaseRun, a: Attempt): Promise<{ code: string; message: string } | 'skip' | undefined> {
  const { state } = run;
  if (a.channel === 'phone') {
    run.setSlaDue(a.timeout);
    run.answers.expect('contact');
    await run.record('call_requested', { attempt: a.attempt, agentId: state.agentId ?? null }, { stage: 'contacting' });
    return undefined;
  }
  const request = {
    key: a.key,
    caseId: state.caseId,
    customerId: state.customerId,
    agentId: state.agentId,
    channel: a.channel,
    purpose: 'contact' as const,
  };
  const sent = await settledSend(() =>
    sendWhenClear(run, a.channel, 'contact', (check) => sendActs.sendCaseMessage({ ...request, ...check })),
  );
  if (sent === 'skip') return sent;
  if (sent.status === 'failed') return { code: sent.code, message: sent.message };
  run.setSlaDue(a.timeout);
  run.answers.expect('contact');
  if (sent.status === 'unknown') {
    // It may have reached the customer: never resent; the agent checks with the customer and records the
    // outcome, which is the task this wait is for.
    await run.record(
      'contact_unconfirmed',
      {
        attempt: a.attempt,
        channel: a.channel,
        code: sent.code ?? null,
        message: sent.message ?? null,
        task: 'check_delivery',
      },
      { stage: 'contacting' },
    );
  } else {
    await run.record(
      'contact_sent',
      { attempt: a.attempt, channel: a.channel, status: sent.status, ...sentMessageData(sent) },
      { stage: 'contacting' },
    );
  }
  return undefined;
}
