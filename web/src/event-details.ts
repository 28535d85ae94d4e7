// An event's raw data as "key: value" lines for the Details disclosure: every value the workflow wrote, with
// nested objects and lists flattened into dotted keys, so nobody has to read a JSON blob.
export interface DetailLine {
  key: string;
  value: string;
}

function flatten(value: unknown, key: string, out: DetailLine[]): void {
  if (Array.isArray(value) && value.length > 0) {
    for (const [i, v] of value.entries()) flatten(v, `${key}.${i + 1}`, out);
  } else if (value !== null && typeof value === 'object' && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(v, key ? `${key}.${k}` : k, out);
  } else {
    out.push({ key, value: scalar(value) });
  }
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return 'none';
  if (typeof value === 'object') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

export function detailLines(data: Record<string, unknown>): DetailLine[] {
  const out: DetailLine[] = [];
  for (const [k, v] of Object.entries(data ?? {})) flatten(v, k, out);
  return out;
}
