// The case board query: filters, three sort orders and keyset cursors (the stage counts: stage-counts.ts; the
// board's answer: case-reads.ts).
// Keyset (not offset) pagination: a case opened while someone pages lands before their cursor or after it,
// never shifting the rows they have not seen yet.
import { SqlParams, whereClause } from '../../config/sql';
import { invalidCursor } from '../../domain/errors/request-errors';
import type { CaseListQuery } from './case-list-query';
import { BOARD_CUSTOMER_JSON, CASE_JOINS, caseSummaryJson } from './case-summary-sql';

type Field = 'openedAt' | 'priority' | 'slaDueAt' | 'id';
type Value = string | number | null;
interface SortKey {
  field: Field;
  dir: 'asc' | 'desc';
}

// Every order ends in id, so it is total and a cursor points at exactly one place.
const CASE_SORTS = {
  opened: [
    { field: 'openedAt', dir: 'desc' },
    { field: 'id', dir: 'desc' },
  ],
  priority: [
    { field: 'priority', dir: 'desc' },
    { field: 'openedAt', dir: 'desc' },
    { field: 'id', dir: 'desc' },
  ],
  // Soonest SLA first; cases without an SLA (closed, or not waiting on a person) last.
  slaDue: [
    { field: 'slaDueAt', dir: 'asc' },
    { field: 'priority', dir: 'desc' },
    { field: 'id', dir: 'asc' },
  ],
} as const satisfies Record<string, readonly SortKey[]>;
export type CaseSort = keyof typeof CASE_SORTS;

type CaseRowKeys = { openedAt: Date; priority: number; slaDueAt: Date | null; id: string };
// A board row: the sort keys (for the next page's cursor) and the case as the board shows it.
export type BoardRow = CaseRowKeys & { summary: Record<string, unknown> };

const COLUMN: Record<Field, string> = {
  openedAt: 'c.opened_at',
  priority: 'c.priority',
  slaDueAt: 'c.sla_due_at',
  id: 'c.id',
};

// The filter's conditions, ANDed; `c` is the case and `cu` its customer. `visibleTeam` is an agent's team.
export function caseConditions(q: CaseListQuery, visibleTeam: string | undefined, now: Date, p: SqlParams): string[] {
  const where: string[] = [];
  const equals = (column: string, value: string | undefined) => {
    if (value !== undefined) where.push(`${column} = ${p.add(value)}`);
  };
  equals('c.stage', q.stage);
  equals('c.status', q.status);
  equals('c.driver', q.driver);
  equals('c.team_id', q.team);
  equals('c.team_id', visibleTeam);
  equals('c.agent_id', q.assigneeId);
  equals('c.customer_id', q.customerId);
  equals('cu.tier', q.tier);
  if (q.unassigned) where.push(`c.status = 'open'`, 'c.agent_id IS NULL');
  if (q.needsAttention) where.push(`c.status = 'open'`, 'c.attention_since IS NOT NULL');
  if (q.slaBreached === true) where.push(`c.status = 'open'`, `c.sla_due_at < ${p.add(now)}`);
  if (q.slaBreached === false)
    where.push(`(c.sla_due_at IS NULL OR c.sla_due_at >= ${p.add(now)} OR c.status = 'closed')`);
  return where;
}

function caseOrderBy(sort: CaseSort): string {
  return CASE_SORTS[sort]
    .map(({ field, dir }) => `${COLUMN[field]} ${dir.toUpperCase()}${field === 'slaDueAt' ? ' NULLS LAST' : ''}`)
    .join(', ');
}

const toValue = (v: Date | number | string | null): Value => (v instanceof Date ? v.toISOString() : v);
const fromValue = (field: Field, v: Value) =>
  v !== null && (field === 'openedAt' || field === 'slaDueAt') ? new Date(v) : v;

export function encodeCursor(sort: CaseSort, row: CaseRowKeys): string {
  return Buffer.from(JSON.stringify({ s: sort, v: CASE_SORTS[sort].map(({ field }) => toValue(row[field])) })).toString(
    'base64url',
  );
}

function decodeCursor(sort: CaseSort, cursor: string): Value[] {
  const invalid = () => invalidCursor({ sort });
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
    const ok =
      field === 'priority'
        ? typeof v === 'number'
        : field === 'id'
          ? typeof v === 'string'
          : v === null
            ? field === 'slaDueAt'
            : typeof v === 'string' && !Number.isNaN(Date.parse(v));
    if (!ok) throw invalid();
  });
  return values;
}

// Rows strictly after the cursor in the sort order: for keys k1..kn, (k1 after v1) OR (k1 = v1 AND k2 after v2) ...
// A null SLA sorts last, so "after" a date includes every null, and nothing non-null comes after a null.
function afterCursor(sort: CaseSort, cursor: string, p: SqlParams): string {
  const keys = CASE_SORTS[sort];
  const values = decodeCursor(sort, cursor).map((v, i) => fromValue(keys[i]!.field, v));
  const equal = (i: number) =>
    values[i] === null ? `${COLUMN[keys[i]!.field]} IS NULL` : `${COLUMN[keys[i]!.field]} = ${p.add(values[i])}`;
  const beyond = (i: number, inclusive: boolean): string | undefined => {
    const { field, dir } = keys[i]!;
    if (values[i] === null) return undefined;
    const bound = `${COLUMN[field]} ${dir === 'asc' ? '>' : '<'}${inclusive ? '=' : ''} ${p.add(values[i])}`;
    return field === 'slaDueAt' ? `(${bound} OR ${COLUMN[field]} IS NULL)` : bound;
  };
  const branches: string[] = [];
  keys.forEach((_, i) => {
    const tail = beyond(i, false);
    if (tail) branches.push([...keys.slice(0, i).map((_k, j) => equal(j)), tail].join(' AND '));
  });
  // Implied by the branches, but stated alone so PostgreSQL can start the index scan at the cursor instead
  // of filtering every row before it (measured in bench/case-board-pagination.ts).
  const leading = beyond(0, true) ?? equal(0);
  return `${leading} AND (${branches.join(' OR ') || 'false'})`;
}

// One board page (limit + 1 rows, to know whether another follows) as BoardRows: a keyset range scan over the
// sort's index, with the customer, team and agent joined in the same statement.
export function boardPage(
  q: CaseListQuery,
  visibleTeam: string | undefined,
  now: Date,
  options: { offset?: number } = {},
): { text: string; values: unknown[] } {
  const p = new SqlParams();
  const where = caseConditions(q, visibleTeam, now, p);
  if (q.cursor) where.push(afterCursor(q.sort, q.cursor, p));
  const summary = `${caseSummaryJson(p.add(now))} || ${BOARD_CUSTOMER_JSON}`;
  const text = `SELECT c.id, c.opened_at AS "openedAt", c.priority, c.sla_due_at AS "slaDueAt", ${summary} AS summary ${CASE_JOINS} ${whereClause(where)}
    ORDER BY ${caseOrderBy(q.sort)} LIMIT ${p.add(q.limit + 1)}${options.offset ? ` OFFSET ${p.add(options.offset)}` : ''}`;
  return { text, values: p.values };
}
