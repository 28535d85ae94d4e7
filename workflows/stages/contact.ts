// Stage 3, contact: message the customer on their preferred consented channel (or ask the agent to call),
// then wait for the agent's contact outcome; no answer moves to the next channel until attempts run out.
import { patched, sleep } from '@temporalio/workflow';
import { contactChannelOrder, contactChannels } from '../../domain/contact-channel';
import { durationMs } from '../../domain/duration';
import { acts } from '../activities';
import type { CaseRun } from '../case-run';
import { clearToContact, CONTACT_POLICY_PATCH } from '../contact-clearance';

export type ContactResult = { reached: true } | { reached: false; outcome: 'declined' | 'unreachable'; reason: string; data?: Record<string, unknown>; actor?: string };

const failed = (outcome: 'declined' | 'unreachable', reason: string, data?: Record<string, unknown>, actor?: string): ContactResult => ({ reached: false, outcome, reason, data, actor });

// Idempotency key of one contact step; the first round keeps the original key shape.
export function contactKey(run: CaseRun, step: 'contact' | 'outcome'): string {
  const { caseId, contact } = run.state;
  return (contact.round ?? 1) > 1 ? `${caseId}:${step}:${contact.round}.${contact.attempts}` : `${caseId}:${step}:${contact.attempts}`;
}

export async function contact(run: CaseRun): Promise<ContactResult> {
  const { state } = run;
  const policy = run.definition.contact;
  const withPolicy = patched(CONTACT_POLICY_PATCH);
  const channels = withPolicy ? contactChannelOrder(run.customer!) : contactChannels(run.customer!);
  if (channels.length === 0) return failed('unreachable', 'no_consented_channel');

  while (state.contact.attempts < policy.maxAttempts) {
    const attempt = ++state.contact.attempts;
    // No answer on one channel falls back to the next in the customer's order.
    const channel = channels[(attempt - 1) % channels.length]!;
    if (withPolicy && (await clearToContact(run, channel, 'contact')) === 'skip') {
      // Consent withdrawn (e.g. an SMS STOP): the channel leaves the rotation and the attempt is not spent.
      state.contact.attempts--;
      channels.splice(channels.indexOf(channel), 1);
      if (channels.length === 0) return failed('unreachable', 'no_consented_channel');
      continue;
    }
    state.contact.channel = channel;
    const timeout = run.staffSla(durationMs(policy.outcomeTimeout));
    run.setSlaDue(timeout);
    if (channel === 'phone') {
      await run.record('call_requested', { attempt, agentId: state.agentId ?? null }, undefined, 'contacting');
    } else {
      const sent = await acts.sendCaseMessage({
        key: contactKey(run, 'contact'),
        caseId: state.caseId,
        customerId: state.customerId,
        agentId: state.agentId,
        channel,
        purpose: 'contact',
      });
      await run.record('contact_sent', { attempt, channel, status: sent.status }, undefined, 'contacting');
    }

    const outcome = await run.awaitAnswer('contact', timeout);
    if (!outcome) {
      await run.record('contact_outcome_timed_out', { attempt, waited: policy.outcomeTimeout });
      continue;
    }
    state.contact.lastOutcome = outcome.outcome;
    if (outcome.outcome === 'reached') return { reached: true };
    if (outcome.outcome === 'refused') return failed('declined', 'customer_refused_contact', {}, outcome.actor);
    if (outcome.outcome === 'callback_requested' && outcome.callbackAt) {
      const wait = Math.min(Date.parse(outcome.callbackAt) - Date.now(), durationMs(policy.maxCallbackDelay));
      if (wait > 0) await sleep(wait);
    }
  }
  return failed('unreachable', 'contact_attempts_exhausted', { attempts: state.contact.attempts });
}
