// The case board query: filters, three sort orders, keyset cursors and per-stage counts.
// Keyset (not offset) pagination: a case opened while someone pages lands before their cursor or after it,
// never shifting the rows they have not seen yet.
import type { Prisma } from '@prisma/client';
import { STAGES } from '../domain/vocabulary';
import { HttpError } from './errors';
import type { CaseListQuery } from './schemas';

type Field = 'openedAt' | 'priority' | 'slaDueAt' | 'id';
type Value = string | number | null;
interface SortKey {
  field: Field;
  dir: 'asc' | 'desc';
}

// Every order ends in id, so it is total and a cursor points at exactly one place.
export const CASE_SORTS = {
  opened: [{ field: 'openedAt', dir: 'desc' }, { field: 'id', dir: 'desc' }],
  priority: [{ field: 'priority', dir: 'desc' }, { field: 'openedAt', dir: 'desc' }, { field: 'id', dir: 'desc' }],
  // Soonest SLA first; cases without an SLA (closed, or not waiting on a person) last.
  slaDue: [{ field: 'slaDueAt', dir: 'asc' }, { field: 'priority', dir: 'desc' }, { field: 'id', dir: 'asc' }],
} as const satisfies Record<string, readonly SortKey[]>;
export type CaseSort = keyof typeof CASE_SORTS;

type CaseRowKeys = { openedAt: Date; priority: number; slaDueAt: Date | null; id: string };

export function caseFilter(q: CaseListQuery, now: Date): Prisma.CaseWhereInput {
  const where: Prisma.CaseWhereInput = {
    stage: q.stage,
    status: q.status,
    driver: q.driver,
    teamId: q.team,
    agentId: q.assigneeId,
    customerId: q.customerId,
    customer: q.tier ? { tier: q.tier } : undefined,
  };
  if (q.unassigned) Object.assign(where, { status: 'open', agentId: null });
  if (q.needsAttention) Object.assign(where, { status: 'open', attentionSince: { not: null } });
  if (q.slaBreached === true) Object.assign(where, { status: 'open', slaDueAt: { lt: now } });
  if (q.slaBreached === false) where.OR = [{ slaDueAt: null }, { slaDueAt: { gte: now } }, { status: 'closed' }];
  return where;
}

export function caseOrderBy(sort: CaseSort): Prisma.CaseOrderByWithRelationInput[] {
  return CASE_SORTS[sort].map(({ field, dir }) => (field === 'slaDueAt' ? { slaDueAt: { sort: dir, nulls: 'last' } } : { [field]: dir }));
}

const toValue = (v: Date | number | string | null): Value => (v instanceof Date ? v.toISOString() : v);
const fromValue = (field: Field, v: Value) => (v !== null && (field === 'openedAt' || field === 'slaDueAt') ? new Date(v) : v);

export function encodeCursor(sort: CaseSort, row: CaseRowKeys): string {
  return Buffer.from(JSON.stringify({ s: sort, v: CASE_SORTS[sort].map(({ field }) => toValue(row[field])) })).toString('base64url');
}

function decodeCursor(sort: CaseSort, cursor: string): Value[] {
  const invalid = () => new HttpError(400, 'invalid_cursor', 'the cursor is not one this API returned for this sort; start again without it');
  let decoded: { s?: unknown; v?: unknown };
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as typeof decoded;
  } catch {
    throw invalid();
  }
  const keys = CASE_SORTS[sort];
  if (decoded.s !== sort || !Array.isArray(decoded.v) || decoded.v.length !== keys.length) throw invalid();
  const values = decoded.v as Value[];
  keys.forEach(({ field }, i) => {
    const v = values[i];
    const ok = field === 'priority' ? typeof v === 'number' : field === 'id' ? typeof v === 'string' : v === null ? field === 'slaDueAt' : typeof v === 'string' && !Number.isNaN(Date.parse(v));
    if (!ok) throw invalid();
  });
  return values;
}

// Rows strictly after the cursor in the sort order: for keys k1..kn, (k1 after v1) OR (k1 = v1 AND k2 after v2) ...
// A null SLA sorts last, so "after" a date includes every null, and nothing non-null comes after a null.
export function afterCursor(sort: CaseSort, cursor: string): Prisma.CaseWhereInput {
  const keys = CASE_SORTS[sort];
  const values = decodeCursor(sort, cursor);
  const equal = (i: number): Prisma.CaseWhereInput => ({ [keys[i]!.field]: fromValue(keys[i]!.field, values[i]!) });
  const after = (i: number): Prisma.CaseWhereInput | undefined => {
    const { field, dir } = keys[i]!;
    const v = fromValue(field, values[i]!);
    if (v === null) return undefined;
    const beyond = { [field]: { [dir === 'asc' ? 'gt' : 'lt']: v } };
    return field === 'slaDueAt' ? { OR: [beyond, { slaDueAt: null }] } : beyond;
  };
  const branches: Prisma.CaseWhereInput[] = [];
  keys.forEach((_, i) => {
    const tail = after(i);
    if (tail) branches.push({ AND: [...keys.slice(0, i).map((_k, j) => equal(j)), tail] });
  });
  // Implied by the branches, but stated alone so PostgreSQL can start the index scan at the cursor instead
  // of filtering every row before it (measured in bench/case-board-pagination.ts).
  return { AND: [leadingBound(keys[0]!, fromValue(keys[0]!.field, values[0]!)), { OR: branches }] };
}

function leadingBound({ field, dir }: SortKey, v: Value | Date): Prisma.CaseWhereInput {
  if (v === null) return { [field]: null };
  const bound = { [field]: { [dir === 'asc' ? 'gte' : 'lte']: v } };
  return field === 'slaDueAt' ? { OR: [bound, { slaDueAt: null }] } : bound;
}

// Every stage present, zero when no case is in it, so a board can draw all its columns.
export function stageCounts(groups: { stage: string; _count: { _all: number } }[]): Record<string, number> {
  const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<string, number>;
  for (const g of groups) counts[g.stage] = g._count._all;
  return counts;
}
