// Waits until the contact policy lets a contact go out on a channel: deferrals (quiet hours, frequency cap)
// are slept through and recorded; a channel without consent is reported as skipped.
import { sleep } from '@temporalio/workflow';
import type { ContactChannel } from '../domain/vocabulary';
import type { CaseRun } from './case-run';

export async function clearToContact(run: CaseRun, channel: ContactChannel, purpose: 'contact' | 'survey'): Promise<'contact' | 'skip'> {
  for (;;) {
    const answer = await run.withRecorded((recorded) => run.store.checkContactPolicy({ customerId: run.state.customerId, channel, policy: run.definition.contact.policy, purpose, recorded }));
    if (answer.action === 'contact') return 'contact';
    if (answer.action === 'skip') {
      await run.record('contact_skipped', { channel, purpose, reason: answer.reason });
      return 'skip';
    }
    await run.record('contact_deferred', { channel, purpose, reason: answer.reason, until: answer.until });
    await sleep(Math.max(1_000, Date.parse(answer.until) - Date.now()));
  }
}
