// The bounds of an agent's "today": their own calendar day where their working hours name a time zone, the
// UTC day otherwise. (The contact quota keeps its UTC day, domain/quota-day.ts, which assignment counts on.)
import { addLocalDays, fromLocal, toLocal } from '../../domain/local-time';

export function agentDayBounds(now: Date, timeZone: string | undefined): { start: Date; end: Date } {
  const zone = timeZone ?? 'UTC';
  const local = { ...toLocal(now, zone), hour: 0, minute: 0, second: 0 };
  return { start: fromLocal(local, zone), end: fromLocal(addLocalDays(local, 1), zone) };
}

// The working hours' time zone, if the stored JSON has one.
export function workingTimeZone(hours: unknown): string | undefined {
  const zone = (hours as { timeZone?: unknown } | null)?.timeZone;
  return typeof zone === 'string' ? zone : undefined;
}
