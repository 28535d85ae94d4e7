// The churn reason catalogue as the case steps use it (Prisma): the list for the dashboard's pickers, the check
// that a reason a person gives is one the bank offers now, and a supervisor's reason recorded after the case
// closed (a case the workflow closed as churned, or an offer that expired, has none yet).
import type { Db } from '../../config/database';
import type { ChurnReasonInput } from '../../domain/churn-reasons';
import { caseNotFound, caseNotLost } from '../../domain/errors/case-errors';
import { unknownChurnReason } from '../../domain/errors/playbook-errors';
import { auditEntry } from './audit-log';
import type { Principal } from './principal';

// Outcomes that lose the customer and so carry a churn reason.
export const LOST_OUTCOMES = ['churned', 'declined'];

export async function listChurnReasons(db: Db, options: { includeRetired?: boolean } = {}) {
  const rows = await db.churnReason.findMany({
    where: options.includeRetired ? {} : { active: true },
    orderBy: [{ category: 'asc' }, { code: 'asc' }],
  });
  return rows.map(({ code, label, category, avoidable, active }) => ({ code, label, category, avoidable, active }));
}

// A reason a person gives must be in the catalogue and not retired; otherwise 422 naming the code and the
// codes that may be used instead.
export async function requireActiveChurnReason(db: Db, reason: ChurnReasonInput | undefined): Promise<object> {
  if (!reason) return {};
  const found = await db.churnReason.findUnique({ where: { code: reason.code } });
  if (found?.active) return {};
  const valid = (await listChurnReasons(db)).map((r) => r.code);
  throw unknownChurnReason(reason.code, Boolean(found), valid);
}

// A supervisor records (or corrects) the reason of a case already closed as churned or declined: on the case
// row, audited with the code it replaced (the note stays off the audit log: it is the customer's words).
export async function recordChurnReason(db: Db, by: Principal, caseId: string, reason: ChurnReasonInput) {
  const found = await db.case.findUnique({
    where: { id: caseId },
    select: { status: true, outcome: true, churnReasonCode: true },
  });
  if (!found) throw caseNotFound({ caseId });
  if (found.status !== 'closed' || !LOST_OUTCOMES.includes(found.outcome ?? ''))
    throw caseNotLost(caseId, found.status, found.outcome);
  await requireActiveChurnReason(db, reason);
  await db.$transaction([
    db.case.update({ where: { id: caseId }, data: { churnReasonCode: reason.code, churnReasonNote: reason.note } }),
    db.auditEntry.create({
      data: auditEntry(
        by,
        'case.churn_reason_recorded',
        { type: 'case', id: caseId },
        { code: reason.code, previousCode: found.churnReasonCode },
      ),
    }),
  ]);
  return { caseId, outcome: found.outcome, reason, previousCode: found.churnReasonCode };
}
