// Wall-clock time in a customer's IANA time zone, with Intl only (works in the workflow sandbox).
// Converting a local time back to an instant handles DST: a time skipped by a spring-forward gap is moved
// forward by the gap's length (as java.time does); an ambiguous autumn time maps to its first occurrence.
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Whether the name is an IANA time zone this runtime knows. Building an Intl.DateTimeFormat costs ~0.1 ms,
// which a 100,000-row import would pay per row; the valid zones are a few hundred, so each is checked once.
const knownTimeZones = new Set<string>();
export function isTimeZone(tz: string): boolean {
  if (knownTimeZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    return false;
  }
  if (knownTimeZones.size < 2_000) knownTimeZones.add(tz);
  return true;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function toLocal(instant: Date, timeZone: string): LocalDateTime {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: +parts.year!,
    month: +parts.month!,
    day: +parts.day!,
    hour: +parts.hour!,
    minute: +parts.minute!,
    second: +parts.second!,
  };
}

const asUtc = (l: LocalDateTime) => Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);

// Offset of the zone from UTC at an instant, in milliseconds.
function zoneOffsetMs(instant: Date, timeZone: string): number {
  return (
    asUtc(toLocal(new Date(Math.floor(instant.getTime() / 1000) * 1000), timeZone)) -
    Math.floor(instant.getTime() / 1000) * 1000
  );
}

export function fromLocal(local: LocalDateTime, timeZone: string): Date {
  const wall = asUtc(local);
  const HALF_DAY = 12 * 3_600_000;
  // The zone's offsets before and after any change near this time; they differ only around a DST change.
  const candidates = [
    zoneOffsetMs(new Date(wall - HALF_DAY), timeZone),
    zoneOffsetMs(new Date(wall + HALF_DAY), timeZone),
  ]
    .map((offset) => wall - offset)
    .sort((a, b) => a - b);
  // The earliest candidate that shows the wanted wall time wins; none does for a skipped time, which takes
  // the later candidate.
  const exact = candidates.find((c) => asUtc(toLocal(new Date(c), timeZone)) === wall);
  return new Date(exact ?? candidates[1]!);
}

export function addLocalDays(local: LocalDateTime, days: number): LocalDateTime {
  const d = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return { ...local, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
