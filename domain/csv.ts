// RFC 4180 CSV: a header line, then one line per row; an absent value is an empty field. With
// `guardFormulas`, a text field a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
// apostrophe: audit exports carry names typed by people and are opened in spreadsheets.
export function csvLine(values: readonly unknown[], options: { guardFormulas?: boolean } = {}): string {
  const field = (v: unknown) => {
    if (v === null || v === undefined) return '';
    let s = typeof v === 'object' ? JSON.stringify(v) : String(v);
    if (options.guardFormulas && typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${values.map(field).join(',')}\r\n`;
}

export function toCsv<R extends object>(
  columns: readonly (keyof R & string)[],
  rows: readonly R[],
  options: { guardFormulas?: boolean } = {},
): string {
  return `${columns.join(',')}\r\n${rows
    .map((r) =>
      csvLine(
        columns.map((c) => (r as Record<string, unknown>)[c]),
        options,
      ),
    )
    .join('')}`;
}

// A cell read as a number: digits with an optional sign and decimal point ("1,5" and "1e3" stay text).
export const isNumberCell = (cell: string) => /^-?\d+(\.\d+)?$/.test(cell);
