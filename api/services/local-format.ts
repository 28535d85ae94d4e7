// A moment as a person in `timeZone` reads it, e.g. "Thu 3 Dec, 14:30 (Europe/Madrid)".
const formats = new Map<string, Intl.DateTimeFormat>();

export function localTime(at: Date, timeZone: string): string {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, f);
  }
  return `${f.format(at)} (${timeZone})`;
}
