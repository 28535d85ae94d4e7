// The contact policy checked before every send or call: consent (and SMS opt-out), a frequency cap per
// customer across all cases, and quiet hours in the customer's own time zone. Quiet hours and the cap
// defer a contact, never drop it.
import { z } from 'zod';
import { durationMs } from './duration';
import { durationSchema } from './duration-schema';
import { addLocalDays, fromLocal, toLocal } from './local-time';
import type { ContactChannel } from './vocabulary';

const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'a time of day as HH:MM or HH:MM:SS, e.g. "21:00"');

export const contactPolicySchema = z.object({
  // Local times between which nobody is contacted; start after end means the window spans midnight.
  quietHours: z.object({ start: timeOfDay, end: timeOfDay }).default({ start: '21:00', end: '08:00' }),
  frequencyCap: z
    .object({ maxContacts: z.number().int().min(1), window: durationSchema })
    .default({ maxContacts: 3, window: '7d' }),
});
export type ContactPolicy = z.infer<typeof contactPolicySchema>;

export interface ContactContext {
  channel: ContactChannel;
  timeZone: string;
  consent: boolean;
  // When each earlier contact of this customer happened, across all cases.
  previousContacts: Date[];
}

export type PolicyDecision =
  | { action: 'contact' }
  | { action: 'skip'; reason: 'no_consent' }
  | { action: 'defer'; reason: 'quiet_hours' | 'frequency_cap'; until: Date };

const seconds = (hhmmss: string) => {
  const [h, m, s] = hhmmss.split(':').map(Number);
  return h! * 3600 + m! * 60 + (s ?? 0);
};

// When the quiet window that contains `now` ends, or undefined when `now` is outside quiet hours.
export function quietHoursEnd(now: Date, timeZone: string, window: ContactPolicy['quietHours']): Date | undefined {
  const local = toLocal(now, timeZone);
  const at = local.hour * 3600 + local.minute * 60 + local.second;
  const start = seconds(window.start);
  const end = seconds(window.end);
  if (start === end) return undefined;
  const inside = start < end ? at >= start && at < end : at >= start || at < end;
  if (!inside) return undefined;
  const endDay = start < end || at < end ? local : addLocalDays(local, 1);
  return fromLocal(
    { ...endDay, hour: Math.floor(end / 3600), minute: Math.floor((end % 3600) / 60), second: end % 60 },
    timeZone,
  );
}

// When the customer may be contacted again under the cap, or undefined when they may be now.
export function frequencyCapUntil(now: Date, previous: Date[], cap: ContactPolicy['frequencyCap']): Date | undefined {
  const windowMs = durationMs(cap.window);
  const inWindow = previous
    .filter((d) => d.getTime() > now.getTime() - windowMs && d.getTime() <= now.getTime())
    .sort((a, b) => a.getTime() - b.getTime());
  if (inWindow.length < cap.maxContacts) return undefined;
  // The oldest contacts must leave the window until one slot is free.
  return new Date(inWindow[inWindow.length - cap.maxContacts]!.getTime() + windowMs);
}

// Surveys the customer agreed to by accepting an offer are not retention contacts: they skip the cap.
export function decideContact(
  now: Date,
  ctx: ContactContext,
  policy: ContactPolicy,
  options: { applyCap: boolean } = { applyCap: true },
): PolicyDecision {
  if (!ctx.consent) return { action: 'skip', reason: 'no_consent' };
  const capUntil = options.applyCap ? frequencyCapUntil(now, ctx.previousContacts, policy.frequencyCap) : undefined;
  if (capUntil) return { action: 'defer', reason: 'frequency_cap', until: capUntil };
  const quietUntil = quietHoursEnd(now, ctx.timeZone, policy.quietHours);
  if (quietUntil) return { action: 'defer', reason: 'quiet_hours', until: quietUntil };
  return { action: 'contact' };
}
