// The audit log's API side: entries for what the API changes itself (keys, playbook versions), the key id
// that the database triggers stamp on audited rows written in the same transaction (consent changes), and
// the export. Case steps and consent changes are audited by triggers (see the audit_log migration).
import type { Prisma } from '@prisma/client';
import { isoTimestamp, type Sql } from '../../config/sql';
import { toCsv } from '../../domain/csv';
import { actorName, type Principal } from './principal';

export function auditEntry(
  principal: Principal,
  action: string,
  subject: { type: string; id: string },
  detail: Record<string, unknown> = {},
): Prisma.AuditEntryCreateInput {
  return {
    actor: actorName(principal),
    keyId: principal.keyId,
    action,
    subjectType: subject.type,
    subjectId: subject.id,
    detail: detail as Prisma.InputJsonObject,
  };
}

// Rows the triggers write in this transaction carry this key id.
export async function stampAuditKey(tx: Prisma.TransactionClient, keyId: string | undefined): Promise<void> {
  if (keyId) await tx.$executeRaw`SELECT set_config('holdfast.key_id', ${keyId}, true)`;
}

const AUDIT_COLUMNS = ['id', 'at', 'actor', 'keyId', 'action', 'subjectType', 'subjectId', 'detail'] as const;
export type AuditRow = Record<(typeof AUDIT_COLUMNS)[number], unknown>;
const AUDIT_PAGE = 50_000;

// Entries in [from, to), oldest first, after the entry id `afterId`; one more than a page tells there is more.
export async function readAudit(
  sql: Sql,
  q: { from: Date; to: Date; afterId?: string },
): Promise<{ rows: AuditRow[]; nextAfterId?: string }> {
  const { rows } = await sql.query<AuditRow>(
    `SELECT id::text AS id, ${isoTimestamp('at')} AS at, actor, key_id AS "keyId", action,
            subject_type AS "subjectType", subject_id AS "subjectId", detail
       FROM audit_log WHERE at >= $1 AND at < $2 AND audit_log.id > $3::bigint ORDER BY audit_log.id LIMIT $4`,
    [q.from, q.to, q.afterId ?? '0', AUDIT_PAGE + 1],
  );
  if (rows.length <= AUDIT_PAGE) return { rows };
  rows.length = AUDIT_PAGE;
  return { rows, nextAfterId: String(rows.at(-1)!.id) };
}

export const auditCsv = (rows: AuditRow[]) => toCsv(AUDIT_COLUMNS, rows, { guardFormulas: true });
