// Erasure on request (DELETE /v1/customers/:id): the customer's open case is closed `erased` by its workflow,
// the case histories are deleted from Temporal, then one transaction removes the personal data from every
// table (activities/anonymisation-sql.ts), audits who asked and why, and queues the CRM's erasure event. Each
// part is idempotent, so a second request (or a retry after a failure halfway) finishes the job and answers
// as the first did.
import type { PoolClient } from 'pg';
import { customerErasureOutboxRow } from '../../activities/crm-outbox-rows';
import { anonymiseCustomerAndCases } from '../../activities/anonymisation-sql';
import { inTransaction, isoTimestamp } from '../../config/sql';
import { caseWorkflowId } from '../../domain/case';
import { closeCaseUpdate } from '../../workflows/messages';
import { deleteCaseHistories } from './case-histories';
import type { AppDeps } from '../deps';
import { TEMPORAL_DEADLINE_MS } from '../../config/temporal-deadline';
import { DomainError } from '../../domain/errors/domain-error';
import { erasurePending as erasurePendingError, nothingToErase } from '../../domain/errors/customer-errors';

export interface ErasureRequest {
  customerId: string;
  reason: string;
  actor: string;
  keyId?: string;
}

export interface ErasureResult {
  customerId: string;
  erasedAt: string;
  cases: { caseId: string; status: string; outcome: string | null; closedAt: string | null }[];
}

type CaseRow = { id: string; workflow_id: string; run_id: string | null; status: string };

// The workflow closes its open case (its own close, as a supervisor's, with outcome erased) and records it,
// before its history goes. The step key makes a retried erasure join the first close.
async function closeOpenCases(deps: AppDeps, rows: CaseRow[], actor: string): Promise<void> {
  for (const row of rows.filter((r) => r.status === 'open')) {
    try {
      await deps.cases.runStep(
        { workflowId: row.workflow_id, runId: row.run_id },
        closeCaseUpdate,
        { outcome: 'erased', note: 'personal data erased on request', actor },
        `erasure:${row.id}`,
      );
    } catch (e) {
      // A conflict: the case closed meanwhile, or its workflow is gone already (an erasure that failed halfway);
      // the transaction closes a row still open.
      if (e instanceof DomainError && e.kind === 'conflict') continue;
      if (e instanceof DomainError && e.kind === 'unavailable') throw erasurePending();
      throw e;
    }
  }
}

// The case did not close in time (its workers are busy or down): nothing is deleted before it has.
const erasurePending = () => erasurePendingError({ deadlineSeconds: TEMPORAL_DEADLINE_MS / 1000 });

// The first erasure's time, unless the customer was sent anew since (then this is a new erasure).
async function earlierErasure(tx: PoolClient, customerId: string): Promise<string | undefined> {
  const { rows } = await tx.query<{ at: string }>(
    `SELECT ${isoTimestamp('a.at')} AS at FROM audit_log a JOIN customers c ON c.id = a.subject_id
      WHERE a.subject_type = 'customer' AND a.subject_id = $1 AND a.action = 'customer.erased' AND c.updated_at <= a.at
      ORDER BY a.id DESC LIMIT 1`,
    [customerId],
  );
  return rows[0]?.at;
}

async function caseOutcomes(tx: PoolClient, customerId: string): Promise<ErasureResult['cases']> {
  const { rows } = await tx.query<ErasureResult['cases'][number]>(
    `SELECT id AS "caseId", status, outcome, ${isoTimestamp('closed_at')} AS "closedAt" FROM cases WHERE customer_id = $1 ORDER BY opened_at, id`,
    [customerId],
  );
  return rows;
}

// The SQL half, in one transaction: a case still open (its workflow could not close it) is closed erased here.
async function eraseRows(deps: AppDeps, request: ErasureRequest): Promise<ErasureResult> {
  return inTransaction(deps.sql, async (tx) => {
    await tx.query('SELECT 1 FROM customers WHERE id = $1 FOR UPDATE', [request.customerId]);
    await tx.query(
      `UPDATE cases SET status = 'closed', stage = 'closed', outcome = 'erased', closed_at = now(), attention_reason = NULL, attention_since = NULL WHERE customer_id = $1 AND status = 'open'`,
      [request.customerId],
    );
    const earlier = await earlierErasure(tx, request.customerId);
    await anonymiseCustomerAndCases(tx, request.customerId);
    const cases = await caseOutcomes(tx, request.customerId);
    if (earlier) return { customerId: request.customerId, erasedAt: earlier, cases };
    const { rows } = await tx.query<{ at: string }>(
      `INSERT INTO audit_log (actor, key_id, action, subject_type, subject_id, detail) VALUES ($1, $2, 'customer.erased', 'customer', $3, $4) RETURNING ${isoTimestamp('at')} AS at`,
      [
        request.actor,
        request.keyId ?? null,
        request.customerId,
        { reason: request.reason, caseIds: cases.map((c) => c.caseId) },
      ],
    );
    const erasedAt = rows[0]!.at;
    const outbox = customerErasureOutboxRow(
      { customerId: request.customerId, erasedAt, caseIds: cases.map((c) => c.caseId) },
      deps.taskQueue,
    );
    await tx.query(
      'INSERT INTO crm_outbox (task_queue, case_id, kind, idempotency_key, payload) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (idempotency_key) DO NOTHING',
      [outbox.taskQueue, outbox.caseId, outbox.kind, outbox.idempotencyKey, outbox.payload],
    );
    return { customerId: request.customerId, erasedAt, cases };
  });
}

export async function eraseCustomer(deps: AppDeps, request: ErasureRequest): Promise<ErasureResult> {
  const { rows } = await deps.sql.query<CaseRow>(
    'SELECT k.id, k.workflow_id, k.run_id, k.status FROM customers c LEFT JOIN cases k ON k.customer_id = c.id WHERE c.id = $1',
    [request.customerId],
  );
  if (rows.length === 0) throw nothingToErase({ customerId: request.customerId });
  const cases = rows.filter((r) => r.id !== null);
  await closeOpenCases(deps, cases, request.actor);
  await deleteCaseHistories(
    deps.temporal,
    caseWorkflowId(request.customerId),
    cases.flatMap((r) => (r.run_id ? [r.run_id] : [])),
  );
  return eraseRows(deps, request);
}
