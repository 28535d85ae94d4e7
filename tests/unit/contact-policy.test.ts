import { decideContact, frequencyCapUntil, quietHoursEnd, type ContactPolicy } from '../../domain/contact-policy';
import { fromLocal, toLocal } from '../../domain/local-time';

const night = { start: '21:00', end: '08:00' };
const at = (iso: string) => new Date(iso);

describe('local time', () => {
  test('round-trips wall time in zones with and without DST', () => {
    for (const tz of ['Europe/Madrid', 'America/New_York', 'Asia/Kolkata', 'UTC']) {
      const instant = at('2026-07-01T10:15:30Z');
      expect(fromLocal(toLocal(instant, tz), tz).toISOString()).toBe(instant.toISOString());
    }
  });

  test('an ambiguous autumn time maps to its first occurrence', () => {
    // Madrid, 2026-10-25: 03:00 CEST goes back to 02:00 CET, so 02:30 happens twice.
    expect(
      fromLocal({ year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 }, 'Europe/Madrid').toISOString(),
    ).toBe('2026-10-25T00:30:00.000Z');
  });

  test('a time skipped in spring moves forward by the gap', () => {
    // Madrid, 2026-03-29: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist.
    expect(
      fromLocal({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 }, 'Europe/Madrid').toISOString(),
    ).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('quiet hours in the customer time zone', () => {
  test('late evening waits until the next local morning', () => {
    expect(quietHoursEnd(at('2026-11-22T22:30:00Z'), 'Europe/Madrid', night)?.toISOString()).toBe(
      '2026-11-23T07:00:00.000Z',
    );
  });

  test('early morning waits until the same local morning', () => {
    expect(quietHoursEnd(at('2026-11-22T06:00:00Z'), 'Europe/Madrid', night)?.toISOString()).toBe(
      '2026-11-22T07:00:00.000Z',
    );
  });

  test('daytime is not quiet; the window end itself is not quiet, its start is', () => {
    expect(quietHoursEnd(at('2026-11-22T12:00:00Z'), 'Europe/Madrid', night)).toBeUndefined();
    expect(quietHoursEnd(at('2026-11-22T07:00:00Z'), 'Europe/Madrid', night)).toBeUndefined();
    expect(quietHoursEnd(at('2026-11-22T20:00:00Z'), 'Europe/Madrid', night)).toBeDefined();
  });

  test('the same instant is quiet for one customer and not for another', () => {
    const instant = at('2026-11-22T19:00:00Z'); // 19:00 in London, 00:30 in Kolkata
    expect(quietHoursEnd(instant, 'Europe/London', night)).toBeUndefined();
    expect(quietHoursEnd(instant, 'Asia/Kolkata', night)?.toISOString()).toBe('2026-11-23T02:30:00.000Z');
  });

  test('a night across the autumn DST change ends at 08:00 winter time', () => {
    // 22:00 CEST on 24 October; the clocks go back that night.
    expect(quietHoursEnd(at('2026-10-24T20:00:00Z'), 'Europe/Madrid', night)?.toISOString()).toBe(
      '2026-10-25T07:00:00.000Z',
    );
  });

  test('a night across the spring DST change ends at 08:00 summer time', () => {
    expect(quietHoursEnd(at('2026-03-28T21:00:00Z'), 'Europe/Madrid', night)?.toISOString()).toBe(
      '2026-03-29T06:00:00.000Z',
    );
    expect(quietHoursEnd(at('2026-03-08T03:00:00Z'), 'America/New_York', night)?.toISOString()).toBe(
      '2026-03-08T12:00:00.000Z',
    );
  });

  test('a daytime window that does not span midnight', () => {
    expect(quietHoursEnd(at('2026-11-22T12:30:00Z'), 'UTC', { start: '12:00', end: '13:00:30' })?.toISOString()).toBe(
      '2026-11-22T13:00:30.000Z',
    );
  });
});

describe('frequency cap across all cases', () => {
  const cap = { maxContacts: 3, window: '7d' };
  const now = at('2026-11-22T12:00:00Z');
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

  test('below the cap a contact may go now', () => {
    expect(frequencyCapUntil(now, [daysAgo(1), daysAgo(2)], cap)).toBeUndefined();
  });

  test('at the cap the contact waits until the oldest leaves the window', () => {
    expect(frequencyCapUntil(now, [daysAgo(6), daysAgo(3), daysAgo(1)], cap)?.toISOString()).toBe(
      new Date(daysAgo(6).getTime() + 7 * 86_400_000).toISOString(),
    );
  });

  test('a contact exactly one window ago no longer counts', () => {
    expect(frequencyCapUntil(now, [daysAgo(7), daysAgo(3), daysAgo(1)], cap)).toBeUndefined();
  });
});

describe('the decision', () => {
  const policy: ContactPolicy = { quietHours: night, frequencyCap: { maxContacts: 1, window: '1d' } };
  test('no consent skips the channel whatever the hour', () => {
    expect(
      decideContact(
        at('2026-11-22T23:00:00Z'),
        { channel: 'sms', timeZone: 'UTC', consent: false, previousContacts: [] },
        policy,
      ),
    ).toEqual({ action: 'skip', reason: 'no_consent' });
  });
  test('the cap and quiet hours defer, they never drop', () => {
    expect(
      decideContact(
        at('2026-11-22T12:00:00Z'),
        { channel: 'sms', timeZone: 'UTC', consent: true, previousContacts: [at('2026-11-22T10:00:00Z')] },
        policy,
      ),
    ).toEqual({ action: 'defer', reason: 'frequency_cap', until: at('2026-11-23T10:00:00Z') });
    expect(
      decideContact(
        at('2026-11-22T23:00:00Z'),
        { channel: 'email', timeZone: 'UTC', consent: true, previousContacts: [] },
        policy,
      ),
    ).toEqual({ action: 'defer', reason: 'quiet_hours', until: at('2026-11-23T08:00:00Z') });
    expect(
      decideContact(
        at('2026-11-22T12:00:00Z'),
        { channel: 'phone', timeZone: 'UTC', consent: true, previousContacts: [] },
        policy,
      ),
    ).toEqual({ action: 'contact' });
  });
});
