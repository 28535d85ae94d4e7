// The case row the API writes when it opens a case: readable at once, with the playbook version pinned at
// intake. The workflow's first event updates it; if the workflow could not be started it is removed again.
import type { Prisma } from '@prisma/client';
import type { Db } from '../config/database';
import { caseWorkflowId } from '../domain/case';

export interface OpeningCase {
  caseId: string;
  customerId: string;
  reason: string;
  playbook: { id: string; version: number };
}

// Writes the new case's row unless the customer already has an open case, whose id it then returns.
// Openings are serialised per customer (row lock): two signals at once open one case, not two.
export async function openCaseRowUnlessOpen(tx: Prisma.TransactionClient, opening: OpeningCase): Promise<{ openCaseId?: string }> {
  await tx.$queryRaw`SELECT id FROM customers WHERE id = ${opening.customerId} FOR UPDATE`;
  const open = await tx.case.findFirst({ where: { customerId: opening.customerId, status: 'open' }, orderBy: { openedAt: 'desc' }, select: { id: true } });
  if (open) return { openCaseId: open.id };
  await tx.case.create({
    data: {
      id: opening.caseId,
      workflowId: caseWorkflowId(opening.customerId),
      customerId: opening.customerId,
      reason: opening.reason,
      stage: 'detected',
      status: 'open',
      playbookId: opening.playbook.id,
      playbookVersion: opening.playbook.version,
      openedAt: new Date(),
    },
  });
  return {};
}

// Nothing half-written: a case whose workflow never started (no event recorded) disappears with the
// failed request. Had the workflow started after all, its first event writes the row again.
export async function withdrawUnstartedCase(db: Db, caseId: string): Promise<void> {
  await db.case.deleteMany({ where: { id: caseId, lastEventSeq: 0 } });
}
