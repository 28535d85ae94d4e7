// Waits for a dependency that may come up after this process (a container started before its database or
// Temporal): retries with capped exponential backoff, one clear log line per attempt, never gives up.
import type { Logger } from './logger';

export async function untilConnected<T>(
  what: string,
  connect: () => Promise<T>,
  logger: Logger,
  maxDelayMs = 30_000,
): Promise<T> {
  for (let attempt = 1, delay = 1_000; ; attempt++, delay = Math.min(delay * 2, maxDelayMs)) {
    try {
      return await connect();
    } catch (e) {
      logger.warn(`waiting for ${what}`, {
        attempt,
        retryInSeconds: delay / 1000,
        error: String((e as Error)?.message ?? e).slice(0, 300),
      });
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
