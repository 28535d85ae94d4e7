// RFC 4180 CSV: a header line, then one line per row; an absent value is an empty field. With
// `guardFormulas`, a text field a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
// apostrophe: audit exports carry names typed by people and are opened in spreadsheets.
export function toCsv<R extends object>(columns: readonly (keyof R & string)[], rows: readonly R[], options: { guardFormulas?: boolean } = {}): string {
  const field = (v: unknown) => {
    if (v === null || v === undefined) return '';
    let s = typeof v === 'object' ? JSON.stringify(v) : String(v);
    if (options.guardFormulas && typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => field((r as Record<string, unknown>)[c])).join(','))].join('\r\n') + '\r\n';
}
