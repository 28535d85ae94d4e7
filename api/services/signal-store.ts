// Intake's reads and writes in plain SQL: one query gathers every fact the intake decision needs, one call
// stores the signal with the case it opens. Signals arrive in bursts of thousands; through the
// ORM each took a dozen compiled queries.
import { randomUUID } from 'node:crypto';
import type { Sql } from '../../config/sql';
import { caseWorkflowId } from '../../domain/case';
import type { StoredSignal } from '../../domain/signal-intake';
import type { VersionRef } from './playbook-catalog';
import { CUSTOMER_PROFILE_JSON } from '../../activities/customer-profile-sql';
import type { CustomerProfile } from '../../domain/customer';
import { CURRENT_VERSIONS_SQL } from './current-versions-sql';
import { LIVE_EXPERIMENTS_SQL, type LiveExperiment } from './experiment-assignment';

export interface IntakeRow {
  existing?: StoredSignal;
  // The customer as a case reads it (handed to a new case with its start, so it need not read it again).
  customer?: CustomerProfile;
  hasOpenCase: boolean;
  lastCase?: {
    id: string;
    workflowId: string;
    status: string;
    outcome: string | null;
    closedAt: Date | null;
    playbook: VersionRef;
  };
  // The version of every playbook that new cases pin: its newest, or the one an experiment promoted.
  newest: VersionRef[];
  // Experiments deciding new cases' versions and arms.
  experiments: LiveExperiment[];
}

const INTAKE_FACTS = `
SELECT
  (SELECT json_build_object('id', id, 'customerId', customer_id, 'type', type, 'caseId', case_id, 'workflowId', workflow_id)
     FROM risk_signals WHERE idempotency_key = $1) AS existing,
  (SELECT ${CUSTOMER_PROFILE_JSON} FROM customers WHERE id = $2) AS customer,
  EXISTS (SELECT 1 FROM cases WHERE customer_id = $2 AND status = 'open') AS has_open_case,
  (SELECT json_build_object('id', id, 'workflowId', workflow_id, 'status', status, 'outcome', outcome, 'closedAt', closed_at,
                            'playbook', json_build_object('id', playbook_id, 'version', playbook_version))
     FROM cases WHERE customer_id = $2 ORDER BY opened_at DESC LIMIT 1) AS last_case,
  (SELECT coalesce(json_agg(json_build_object('id', id, 'version', version)), '[]')
     FROM (${CURRENT_VERSIONS_SQL}) v) AS newest,
  (${LIVE_EXPERIMENTS_SQL}) AS experiments`;

export async function readIntakeFacts(sql: Sql, idempotencyKey: string, customerId: string): Promise<IntakeRow> {
  const { rows } = await sql.query(INTAKE_FACTS, [idempotencyKey, customerId]);
  const r = rows[0];
  const last = r.last_case;
  return {
    existing: r.existing ?? undefined,
    customer: r.customer ?? undefined,
    hasOpenCase: r.has_open_case,
    lastCase: last ? { ...last, closedAt: last.closedAt ? new Date(last.closedAt) : null } : undefined,
    newest: r.newest,
    experiments: r.experiments,
  };
}

export interface NewSignal {
  idempotencyKey: string;
  customerId: string;
  type: string;
  severity?: number;
  occurredAt: string;
  details?: Record<string, unknown>;
}

export interface OpeningCase {
  caseId: string;
  customerId: string;
  reason: string;
  playbook: VersionRef;
  // The arm of a case under an experiment, written with the case row.
  arm?: { experimentId: string; arm: string };
}

// Undefined when the key was stored meanwhile (a concurrent request with the same key won).
async function insertSignal(db: Sql, s: NewSignal): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO risk_signals (id, idempotency_key, customer_id, type, severity, occurred_at, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [
      `sig_${randomUUID()}`,
      s.idempotencyKey,
      s.customerId,
      s.type,
      s.severity ?? null,
      s.occurredAt,
      JSON.stringify(s.details ?? {}),
    ],
  );
  return rows[0]?.id;
}

// Stores a signal that opens no case; the id of the stored one when the key is already there.
export async function storeSignalOnce(sql: Sql, s: NewSignal): Promise<string> {
  const id = await insertSignal(sql, s);
  if (id) return id;
  const { rows } = await sql.query<{ id: string }>('SELECT id FROM risk_signals WHERE idempotency_key = $1', [
    s.idempotencyKey,
  ]);
  return rows[0]!.id;
}

// The case row written when a case opens: readable at once, with the playbook version pinned at intake. The
// workflow's first event updates it; a workflow that could not be started withdraws it. Unless the customer
// already has an open case, whose id it then returns: openings are serialised per customer (row lock), so two
// signals at once open one case, not two. A case under an experiment gets its arm in the same transaction. One
// call (the intake_store_signal_and_open_case function).
async function openCaseWithSignal(
  sql: Sql,
  opening: OpeningCase,
  signal?: { existingId?: string; new: NewSignal },
): Promise<{ stored: false } | { stored: true; signalId?: string; openCaseId?: string }> {
  const s = signal?.new;
  const { rows } = await sql.query<{ stored: boolean; signal_id: string | null; open_case_id: string | null }>({
    name: 'intake-open-case',
    text: 'SELECT * FROM intake_store_signal_and_open_case($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)',
    values: [
      signal?.existingId ?? null,
      s ? `sig_${randomUUID()}` : null,
      s?.idempotencyKey ?? null,
      opening.customerId,
      s?.type ?? null,
      s?.severity ?? null,
      s?.occurredAt ?? null,
      s ? JSON.stringify(s.details ?? {}) : null,
      opening.caseId,
      caseWorkflowId(opening.customerId),
      opening.reason,
      opening.playbook.id,
      opening.playbook.version,
      opening.arm?.experimentId ?? null,
      opening.arm?.arm ?? null,
    ],
  });
  const r = rows[0]!;
  return r.stored
    ? { stored: true, signalId: r.signal_id ?? undefined, openCaseId: r.open_case_id ?? undefined }
    : { stored: false };
}

export async function openCaseRow(sql: Sql, opening: OpeningCase): Promise<{ openCaseId?: string }> {
  const opened = await openCaseWithSignal(sql, opening);
  return { openCaseId: opened.stored ? opened.openCaseId : undefined };
}

// The signal (unless stored already) and the case it opens, together. `stored: false` when a concurrent request
// stored the same key first: the caller answers as that request's retry would.
export async function storeSignalAndOpenCase(
  sql: Sql,
  signal: NewSignal,
  existingId: string | undefined,
  opening: OpeningCase,
): Promise<{ stored: false } | { stored: true; signalId: string; openCaseId?: string }> {
  const result = await openCaseWithSignal(sql, opening, { existingId, new: signal });
  return result.stored ? { stored: true, signalId: result.signalId!, openCaseId: result.openCaseId } : result;
}

export async function linkSignal(
  sql: Sql,
  signalId: string,
  target: { caseId: string; workflowId: string },
): Promise<void> {
  await sql.query('UPDATE risk_signals SET case_id = $2, workflow_id = $3 WHERE id = $1', [
    signalId,
    target.caseId,
    target.workflowId,
  ]);
}

// Nothing half-written: a case whose workflow never started (no event recorded) disappears with the failed
// request. Had the workflow started after all, its first event writes the row again.
export async function withdrawUnstartedCase(sql: Sql, caseId: string): Promise<void> {
  await sql.query(
    `WITH withdrawn AS (DELETE FROM cases WHERE id = $1 AND last_event_seq = 0 RETURNING id)
     DELETE FROM case_experiment_arms WHERE case_id IN (SELECT id FROM withdrawn)`,
    [caseId],
  );
}

// The customer's signals since a date, oldest first: what a re-score during cool-down weighs.
export async function signalsSince(sql: Sql, customerId: string, since: Date) {
  const { rows } = await sql.query<{
    id: string;
    idempotency_key: string;
    type: string;
    severity: number | null;
    occurred_at: Date;
    details: Record<string, unknown>;
  }>(
    'SELECT id, idempotency_key, type, severity, occurred_at, details FROM risk_signals WHERE customer_id = $1 AND occurred_at >= $2 ORDER BY occurred_at LIMIT 200',
    [customerId, since],
  );
  return rows;
}
