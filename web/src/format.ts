// How values read on screen: through Intl in the dashboard's chosen locale (set by i18n/setLocale) and the
// viewer's time zone. Each takes the locale explicitly, defaulting to the one chosen.
let shown = 'en';
export const setFormatLocale = (locale: string) => {
  shown = locale;
};

export const dateTime = (iso: string | null | undefined, locale = shown) =>
  iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—';
export const money = (n: number | null | undefined, locale = shown) =>
  n === null || n === undefined ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);
export const percent = (x: number | null | undefined, locale = shown) =>
  x === null || x === undefined
    ? '—'
    : new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x);
export const words = (s: string | null | undefined) => (s ? s.replace(/_/g, ' ') : '—');

export function relative(iso: string | null | undefined, now = Date.now(), locale = shown): string {
  if (!iso) return '—';
  const minutes = Math.round((new Date(iso).getTime() - now) / 60_000);
  const abs = Math.abs(minutes);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'always', style: 'short' });
  if (abs < 60) return rtf.format(minutes, 'minute');
  if (abs < 48 * 60) return rtf.format(Math.round(minutes / 60), 'hour');
  return rtf.format(Math.round(minutes / 1440), 'day');
}
