// The signal feed's formats, read into the objects POST /v1/signals takes; the API validates each one, so a
// bad signal is refused alone there, with the same message a direct post would get.
//   JSON: an array of signals, or { "signals": [...] } (what the HTTP pull endpoint answers, too).
//   CSV:  a header of signal fields (idempotencyKey, customerId, type, occurredAt, severity, playbookId) and
//         any details.<name> columns; an empty cell is an absent field; severity and numeric details are numbers.
import { parse } from 'csv-parse/sync';
import { isNumberCell } from '../domain/csv';

export class FeedFormatError extends Error {}

const SIGNAL_FIELDS = ['idempotencyKey', 'customerId', 'type', 'occurredAt', 'severity', 'playbookId'];

export function signalsFromJson(text: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new FeedFormatError(`not JSON: ${(e as Error).message}`);
  }
  const signals = Array.isArray(parsed) ? parsed : (parsed as { signals?: unknown })?.signals;
  if (!Array.isArray(signals)) throw new FeedFormatError('expected an array of signals or { "signals": [...] }');
  return signals;
}

export function signalsFromCsv(text: string): unknown[] {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (e) {
    throw new FeedFormatError(`not CSV: ${(e as Error).message}`);
  }
  const [header, ...records] = rows;
  if (!header) return [];
  const names = header.map((h) => h.trim());
  const unknown = names.filter((n) => !SIGNAL_FIELDS.includes(n) && !/^details\.[A-Za-z0-9_]+$/.test(n));
  if (unknown.length)
    throw new FeedFormatError(
      `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; the columns are ${SIGNAL_FIELDS.join(', ')} and details.<name>`,
    );
  return records.map((cells) => {
    const signal: Record<string, unknown> = {};
    const details: Record<string, unknown> = {};
    names.forEach((name, i) => {
      const cell = (cells[i] ?? '').trim();
      if (cell === '') return;
      if (name === 'severity') signal.severity = isNumberCell(cell) ? Number(cell) : cell;
      else if (name.startsWith('details.'))
        details[name.slice('details.'.length)] = isNumberCell(cell) ? Number(cell) : cell;
      else signal[name] = cell;
    });
    if (Object.keys(details).length) signal.details = details;
    return signal;
  });
}
