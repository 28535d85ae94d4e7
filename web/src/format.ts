// How values read on screen: in the viewer's locale and time zone.
export const dateTime = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');
export const money = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : n.toLocaleString(undefined, { maximumFractionDigits: 2 });
export const percent = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`;
export const words = (s: string | null | undefined) => (s ? s.replace(/_/g, ' ') : '—');

export function relative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const minutes = Math.round((new Date(iso).getTime() - now) / 60_000);
  const abs = Math.abs(minutes);
  const span = abs < 60 ? `${abs} min` : abs < 48 * 60 ? `${Math.round(abs / 60)} h` : `${Math.round(abs / 1440)} d`;
  return minutes >= 0 ? `in ${span}` : `${span} ago`;
}
