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

// Serialises case openings per customer: two signals at once open one case, not two.
export async function lockCustomer(tx: Prisma.TransactionClient, customerId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM customers WHERE id = ${customerId} FOR UPDATE`;
}

export function openCaseRow(tx: Prisma.TransactionClient, opening: OpeningCase) {
  return tx.case.create({
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
}

// Nothing half-written: a case whose workflow never started (no event recorded) disappears with the
// failed request. Had the workflow started after all, its first event writes the row again.
export async function withdrawUnstartedCase(db: Db, caseId: string): Promise<void> {
  await db.case.deleteMany({ where: { id: caseId, lastEventSeq: 0 } });
}
