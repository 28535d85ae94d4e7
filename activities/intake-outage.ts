// The detection sweep posts signals to the API's intake. When the API (or the database behind it) is down,
// the sweep waits it out inside its activity, backing off, and the outage is logged once when it starts, now
// and then while it lasts and once when it ends, rather than a failed attempt every few seconds. The posts
// are idempotent (each signal carries its key), so a chunk is simply sent again.
import { Context } from '@temporalio/activity';
import type { Logger } from '../config/logger';
import { OutageWatch } from '../config/outage-watch';

// The API did not take the chunk for a reason of its own (503, no connection), not because of the signals.
export class IntakeUnavailable extends Error {}

let watch: OutageWatch | undefined;
const intakeWatch = (logger: Logger) =>
  (watch ??= new OutageWatch('the Holdfast API (signal intake)', logger.child({ loop: 'detection-sweep' })));

export async function untilIntakeAnswers<T>(post: () => Promise<T>, logger: Logger): Promise<T> {
  const outage = intakeWatch(logger);
  for (;;) {
    try {
      const answer = await post();
      outage.succeeded();
      return answer;
    } catch (e) {
      if (!(e instanceof IntakeUnavailable || e instanceof TypeError)) throw e; // fetch's network failures are TypeErrors
      const context = Context.current();
      const delay = outage.failed(e);
      // Leave the activity's last minute to fail it: the next scheduled sweep reads the same files again.
      if (
        Date.now() + delay >
        context.info.currentAttemptScheduledTimestampMs + context.info.startToCloseTimeoutMs - 60_000
      )
        throw e;
      await context.sleep(delay);
    }
  }
}
