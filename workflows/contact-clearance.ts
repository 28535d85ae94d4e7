// Waits until the contact policy lets a contact go out on a channel: deferrals (quiet hours, frequency cap)
// are slept through and recorded; a channel without consent is reported as skipped. The policy is asked by its
// own local activity for a call (clearToContact), by the send itself for a message (sendWhenClear).
import { sleep } from '@temporalio/workflow';
import type { PolicyHold } from '../activities/contact-policy';
import type { HeldSend, PolicyCheckedSend } from '../activities/messaging';
import type { SendResult } from '../domain/delivery';
import type { ContactChannel } from '../domain/vocabulary';
import type { CaseRun } from './case-run';

type Purpose = 'contact' | 'survey';

// A hold on the contact: a skip is recorded and ends the wait; a deferral is recorded and slept through.
async function honourHold(
  run: CaseRun,
  channel: ContactChannel,
  purpose: Purpose,
  hold: PolicyHold,
): Promise<'skip' | 'retry'> {
  if (hold.action === 'skip') {
    await run.record('contact_skipped', { channel, purpose, reason: hold.reason });
    return 'skip';
  }
  await run.record('contact_deferred', { channel, purpose, reason: hold.reason, until: hold.until });
  await sleep(Math.max(1_000, Date.parse(hold.until) - Date.now()));
  return 'retry';
}

export async function clearToContact(
  run: CaseRun,
  channel: ContactChannel,
  purpose: Purpose,
): Promise<'contact' | 'skip'> {
  for (;;) {
    const answer = await run.withRecorded((recorded) =>
      run.store.checkContactPolicy({
        customerId: run.state.customerId,
        channel,
        policy: run.definition.contact.policy,
        purpose,
        recorded,
      }),
    );
    if (answer.action === 'contact') return 'contact';
    if ((await honourHold(run, channel, purpose, answer)) === 'skip') return 'skip';
  }
}

// Sends once the policy lets the message out, the send checking it and carrying the step's deferred events;
// a send that was held is tried again after the deferral, under the same key (nothing was claimed).
export async function sendWhenClear(
  run: CaseRun,
  channel: ContactChannel,
  purpose: Purpose,
  send: (check: PolicyCheckedSend) => Promise<SendResult | HeldSend>,
): Promise<SendResult | 'skip'> {
  const { policy } = run.definition.contact;
  for (;;) {
    const result = await run.withRecorded((recorded) => send({ recorded, policy }), { send: true });
    if (result.status !== 'held') return result;
    if ((await honourHold(run, channel, purpose, result.hold)) === 'skip') return 'skip';
  }
}
