// A playbook definition as the dashboard shows it: flattened to one row per setting with a label in words,
// and the field-by-field difference between two definitions. Small enough not to need a diff library:
// definitions are plain JSON of a known, shallow shape.
type Json = unknown;

export interface FieldRow {
  field: string;
  value: string;
}

const show = (v: Json): string =>
  v === undefined
    ? '—'
    : Array.isArray(v)
      ? v.length
        ? v.join(', ')
        : 'none'
      : typeof v === 'object' && v !== null
        ? JSON.stringify(v)
        : String(v);

// "contact.policy.quietHours.start" → dotted paths to every leaf; lists are one value.
export function flatten(value: Json, prefix = ''): FieldRow[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return prefix ? [{ field: prefix, value: show(value) }] : [];
  return Object.entries(value as Record<string, Json>).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

// "contact.policy.quietHours.start" → "Contact › policy › quiet hours › start".
export function label(field: string): string {
  const parts = field.split('.').map((p) => p.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
  parts[0] = parts[0]!.charAt(0).toUpperCase() + parts[0]!.slice(1);
  return parts.join(' › ');
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export function diffDefinitions(before: Json, after: Json): FieldChange[] {
  const a = new Map(flatten(before).map((r) => [r.field, r.value]));
  const b = new Map(flatten(after).map((r) => [r.field, r.value]));
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  return fields
    .filter((f) => a.get(f) !== b.get(f))
    .map((f) => ({ field: f, before: a.get(f) ?? '—', after: b.get(f) ?? '—' }));
}
