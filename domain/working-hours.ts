// An agent's working hours: the days and the local hours they take cases, in their own time zone. Assignment
// prefers agents on shift (domain/assignment.ts); an agent without hours is always on shift.
import { z } from 'zod';
import { isTimeZone, toLocal } from './local-time';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM, e.g. 09:00');

export const workingHoursSchema = z
  .strictObject({
    timeZone: z.string().refine(isTimeZone, 'an IANA time zone, e.g. Europe/Madrid'),
    days: z.array(z.enum(WEEKDAYS)).min(1, 'at least one working day'),
    from: clock,
    to: clock,
  })
  .refine((h) => h.from < h.to, {
    message: '"from" must be before "to" (hours that cross midnight: two agents, or 00:00–23:59)',
    path: ['to'],
  });

export type WorkingHours = z.infer<typeof workingHoursSchema>;

export function onShift(hours: WorkingHours | null | undefined, now: Date): boolean {
  if (!hours) return true;
  const local = toLocal(now, hours.timeZone);
  // getUTCDay: 0 is Sunday; WEEKDAYS starts on Monday.
  const weekday = WEEKDAYS[(new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay() + 6) % 7]!;
  const time = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
  return hours.days.includes(weekday) && time >= hours.from && time < hours.to;
}
