// A customer file's columns are the fields of PUT /v1/customers/:id plus `id`: nested fields dotted
// (`consent.sms`), lists separated by ";" (`preferredChannels`), booleans `true`/`false`, an empty cell for an
// absent optional field. The columns are read off customerSchema itself, so the file and the API never
// disagree; each row is then validated by that same schema.
import { z } from 'zod';
import { isNumberCell } from '../../domain/csv';
import { ATTRIBUTE_NAME, customerSchema, type CustomerBody } from '../../domain/customer-record';
import { idSchema } from '../../domain/record-fields';

type Kind = 'text' | 'number' | 'boolean' | 'list' | 'attribute';
export interface CsvColumn {
  name: string;
  path: string[];
  kind: Kind;
  required: boolean;
}

function kindOf(schema: z.ZodType): Kind {
  if (schema instanceof z.ZodNumber) return 'number';
  if (schema instanceof z.ZodBoolean) return 'boolean';
  if (schema instanceof z.ZodArray) return 'list';
  return 'text';
}

function columnsOf(shape: Record<string, z.ZodType>, prefix: string[] = []): CsvColumn[] {
  return Object.entries(shape).flatMap(([key, field]) => {
    const optional = field instanceof z.ZodOptional;
    const inner = optional ? (field.unwrap() as z.ZodType) : field;
    const path = [...prefix, key];
    if (inner instanceof z.ZodObject) return columnsOf(inner.shape as Record<string, z.ZodType>, path);
    return [{ name: path.join('.'), path, kind: kindOf(inner), required: !optional }];
  });
}

export const CUSTOMER_CSV_COLUMNS: readonly CsvColumn[] = [
  { name: 'id', path: ['id'], kind: 'text', required: true },
  ...columnsOf(customerSchema.omit({ attributes: true }).shape as Record<string, z.ZodType>),
];

// Extra columns named attributes.<name> carry what the early-warning model reads (`attributes.Age`): a
// number where the cell is one, else its text; an empty cell leaves the attribute out.
const ATTRIBUTE_COLUMN = new RegExp(`^attributes\\.(${ATTRIBUTE_NAME})$`);
const attributeColumn = (name: string): CsvColumn | undefined => {
  const m = ATTRIBUTE_COLUMN.exec(name);
  return m ? { name, path: ['attributes', m[1]!], kind: 'attribute', required: false } : undefined;
};

export class CsvHeaderError extends Error {}

// The header's columns in file order; refuses unknown, repeated and missing columns up front, all at once.
export function readCustomerHeader(header: string[]): CsvColumn[] {
  const byName = new Map(CUSTOMER_CSV_COLUMNS.map((c) => [c.name, c]));
  const names = header.map((h) => h.trim());
  for (const n of names) {
    const attribute = attributeColumn(n);
    if (attribute) byName.set(n, attribute);
  }
  const problems: string[] = [];
  const unknown = names.filter((n) => !byName.has(n));
  if (unknown.length)
    problems.push(`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => JSON.stringify(n)).join(', ')}`);
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (repeated.length)
    problems.push(`repeated column${repeated.length > 1 ? 's' : ''} ${[...new Set(repeated)].join(', ')}`);
  const missing = CUSTOMER_CSV_COLUMNS.filter((c) => c.required && !names.includes(c.name)).map((c) => c.name);
  if (missing.length) problems.push(`missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (problems.length)
    throw new CsvHeaderError(
      `${problems.join('; ')}. The columns are: ${CUSTOMER_CSV_COLUMNS.map((c) => c.name + (c.required ? '' : ' (optional)')).join(', ')}, and attributes.<name> for what the early-warning model reads`,
    );
  return names.map((n) => byName.get(n)!);
}

export type CustomerRow = { ok: true; id: string; customer: CustomerBody } | { ok: false; id?: string; reason: string };

function cellValue(column: CsvColumn, cell: string): { value?: unknown; problem?: string } {
  const text = cell.trim();
  if (text === '') return column.required ? { problem: `${column.name}: empty, and it is required` } : {};
  switch (column.kind) {
    case 'number':
      return isNumberCell(text)
        ? { value: Number(text) }
        : { problem: `${column.name}: ${JSON.stringify(cell)} is not a number (digits and a dot, e.g. 250000.50)` };
    case 'boolean':
      if (/^true$/i.test(text)) return { value: true };
      if (/^false$/i.test(text)) return { value: false };
      return { problem: `${column.name}: ${JSON.stringify(cell)} is neither true nor false` };
    case 'attribute':
      return { value: isNumberCell(text) ? Number(text) : text };
    case 'list':
      return {
        value: text
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean),
      };
    default:
      return { value: cell };
  }
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
}

// One data row, as the customer PUT /v1/customers/:id would store, or every reason it cannot be.
export function readCustomerRow(columns: CsvColumn[], cells: string[]): CustomerRow {
  const rawId = cells[columns.findIndex((c) => c.name === 'id')]?.trim() || undefined;
  if (cells.length !== columns.length)
    return { ok: false, id: rawId, reason: `the row has ${cells.length} fields and the header ${columns.length}` };
  // PostgreSQL cannot store NUL; a NUL in a customer file is a broken export, not a name.
  const nul = columns.find((_, i) => cells[i]!.includes('\u0000'));
  if (nul) return { ok: false, id: rawId, reason: `${nul.name}: contains a NUL character` };
  const problems: string[] = [];
  const record: Record<string, unknown> = {};
  columns.forEach((column, i) => {
    const { value, problem } = cellValue(column, cells[i]!);
    if (problem) problems.push(problem);
    else if (value !== undefined) setPath(record, column.path, value);
  });
  if (problems.length) return { ok: false, id: rawId, reason: problems.join('; ') };
  const { id, ...body } = record;
  const idResult = idSchema.safeParse(id);
  const bodyResult = customerSchema.safeParse(body);
  const issues = [
    ...(idResult.success ? [] : idResult.error.issues.map((i) => ({ ...i, path: ['id'] }))),
    ...(bodyResult.success ? [] : bodyResult.error.issues),
  ];
  if (issues.length)
    return { ok: false, id: rawId, reason: issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return { ok: true, id: idResult.data!, customer: bodyResult.data! };
}
