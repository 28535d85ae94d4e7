// A send that has reached the provider must not lose what the provider said because our own database is down:
// the result is held in this process and written once PostgreSQL answers again. Meanwhile the activity
// heartbeats, so Temporal knows it is alive (and a worker that dies is still noticed within the heartbeat
// timeout). Anything other than an unreachable database is thrown at once.
import { Context } from '@temporalio/activity';
import { databaseUnreachable } from '../config/dependency-outage';
import type { Logger } from '../config/logger';

// How often a long send tells Temporal it is alive; the activity's heartbeat timeout is a few of these.
const SEND_HEARTBEAT_EVERY_MS = 10_000;
const MAX_WAIT_MS = 10_000;

function activityContext(): Context | undefined {
  try {
    return Context.current();
  } catch {
    return undefined; // called outside an activity (a test driving the function directly)
  }
}

// Runs `body` with a heartbeat every SEND_HEARTBEAT_EVERY_MS; a send that finishes sooner sends none.
export async function heartbeating<T>(body: () => Promise<T>): Promise<T> {
  const context = activityContext();
  const ticker = context ? setInterval(() => context.heartbeat(), SEND_HEARTBEAT_EVERY_MS) : undefined;
  try {
    return await body();
  } finally {
    if (ticker) clearInterval(ticker);
  }
}

// Writes `store` until PostgreSQL takes it, backing off 1, 2, 4, 8, 10, 10... s. Gives up only when the
// activity is cancelled or its time is nearly up; the next try then resumes from the attempt row.
export async function whenDatabaseAnswers<T>(what: string, store: () => Promise<T>, logger: Logger): Promise<T> {
  const context = activityContext();
  const deadline = context
    ? context.info.currentAttemptScheduledTimestampMs + context.info.startToCloseTimeoutMs - 15_000
    : Date.now() + 60_000;
  const since = Date.now();
  let failures = 0;
  for (;;) {
    try {
      const stored = await store();
      if (failures > 0)
        logger.info(`${what}: stored after the database came back`, {
          waitedSeconds: Math.round((Date.now() - since) / 1000),
        });
      return stored;
    } catch (e) {
      const delay = Math.min(1_000 * 2 ** failures, MAX_WAIT_MS);
      if (!databaseUnreachable(e) || Date.now() + delay > deadline) throw e;
      // Once per outage, not once per try.
      if (failures === 0)
        logger.warn(`${what}: the database is not answering; holding the provider's answer until it does`, {
          error: String((e as Error)?.message ?? e).slice(0, 200),
        });
      failures++;
      context?.heartbeat();
      await (context ? context.sleep(delay) : new Promise((r) => setTimeout(r, delay)));
    }
  }
}
