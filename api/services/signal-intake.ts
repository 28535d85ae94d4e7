// Signal intake: each risk signal is stored once per idempotency key, then joins the customer's open case or
// starts a new one; a repeated key answers with the first answer. What a signal does is decided in
// domain/signal-intake.ts from one query's facts (signal-store.ts); this file carries the decision out.
import { decideDuringCooldown } from '../../domain/cooldown';
import { classifyDriver } from '../../domain/driver';
import { durationMs } from '../../domain/duration';
import type { RiskSignalInput } from '../../domain/risk';
import { decideIntake, type LastCase } from '../../domain/signal-intake';
import type { Tier } from '../../domain/vocabulary';
import type { Sql } from '../../config/sql';
import type { AppDeps } from '../deps';
import { idempotencyKeyReused, signalCustomerUnknown } from '../../domain/errors/customer-errors';
import type { SignalBody } from '../../domain/risk-signal';
import { newCaseId } from './case-workflows';
import { chooseCasePlaybook } from './playbook-choice';
import { createPlaybookCatalog, unknownPlaybook, type PlaybookCatalog } from './playbook-catalog';
import {
  linkSignal,
  readIntakeFacts,
  signalsSince,
  storeSignalAndOpenCase,
  storeSignalOnce,
  withdrawUnstartedCase,
  type IntakeRow,
} from './signal-store';

export type SignalAnswer = { status: number; body: Record<string, unknown> };

const COOLDOWN_LOOKBACK_MS = 90 * 24 * 3600_000;

const signalInput = (signalId: string, body: SignalBody): RiskSignalInput => ({
  signalId,
  type: body.type,
  severity: body.severity,
  occurredAt: body.occurredAt,
  details: body.details ?? {},
});

async function lastCaseOf(row: IntakeRow, catalog: PlaybookCatalog): Promise<LastCase | undefined> {
  const last = row.lastCase;
  if (last?.status !== 'closed') return undefined;
  const definition = await catalog.definition(last.playbook);
  if (!definition) return undefined;
  return {
    ...last,
    cooldownMs: durationMs(definition.detect.cooldown),
    actionThreshold: definition.detect.actionThreshold,
  };
}

// During a cool-down the signal is re-scored with the customer's recent ones; only a call for action after an
// untreated close opens a case. Undefined: open as usual.
async function answerDuringCooldown(
  sql: Sql,
  body: SignalBody,
  existingId: string | undefined,
  cooling: { lastCase: LastCase; until: Date },
  tier: Tier,
): Promise<SignalAnswer | undefined> {
  const { lastCase: last, until } = cooling;
  const stored = await signalsSince(sql, body.customerId, new Date(Date.now() - COOLDOWN_LOOKBACK_MS));
  const recent = stored
    .filter((s) => s.idempotency_key !== body.idempotencyKey)
    .map((s) => ({
      signalId: s.id,
      type: s.type as RiskSignalInput['type'],
      severity: s.severity ?? undefined,
      occurredAt: s.occurred_at.toISOString(),
      details: s.details,
    }));
  const incoming = signalInput(existingId ?? 'incoming', body);
  if (
    decideDuringCooldown(
      { outcome: last.outcome, threshold: last.actionThreshold },
      [...recent, incoming],
      tier,
      new Date(),
    ).reopen
  )
    return undefined;
  const signalId = existingId ?? (await storeSignalOnce(sql, body));
  await linkSignal(sql, signalId, { caseId: last.id, workflowId: last.workflowId });
  return {
    status: 202,
    body: {
      signalId,
      caseId: last.id,
      workflowId: last.workflowId,
      duplicate: false,
      coolingDownUntil: until.toISOString(),
    },
  };
}

type Intake = { sql: AppDeps['sql']; cases: AppDeps['cases']; catalog: ReturnType<typeof createPlaybookCatalog> };
type IntakeFacts = Awaited<ReturnType<typeof readIntakeFacts>>;

// The answers that open no case: a reused key, a duplicate, an unknown customer, a signal only stored, one
// during a cool-down. Undefined when the signal opens or joins a case.
async function answerWithoutCase(
  { sql, catalog }: Intake,
  body: SignalBody,
  row: IntakeFacts,
): Promise<SignalAnswer | undefined> {
  const facts = {
    existing: row.existing,
    customerTier: row.customer?.tier,
    hasOpenCase: row.hasOpenCase,
    lastCase: await lastCaseOf(row, catalog),
  };
  const decision = decideIntake(body, facts, new Date());
  const existingId = row.existing?.id;
  switch (decision.kind) {
    case 'key_reused':
      throw idempotencyKeyReused({
        idempotencyKey: body.idempotencyKey,
        customerId: decision.existing.customerId,
        type: decision.existing.type,
      });
    case 'duplicate': {
      const { id: signalId, caseId, workflowId } = decision.existing;
      return { status: 200, body: { signalId, caseId, workflowId, duplicate: true } };
    }
    case 'unknown_customer':
      throw signalCustomerUnknown({ customerId: body.customerId });
  }
  if (body.playbookId && !row.newest.some((v) => v.id === body.playbookId)) throw unknownPlaybook(body.playbookId);
  if (decision.kind === 'store_only') {
    const signalId = existingId ?? (await storeSignalOnce(sql, body));
    return { status: 202, body: { signalId, caseId: null, workflowId: null, duplicate: false } };
  }
  if (decision.kind === 'cooling_down')
    return answerDuringCooldown(sql, body, existingId, decision, row.customer!.tier);
  return undefined;
}

// The playbook version the case pins (a live experiment may pin another of its versions, and the case's arm),
// and the case as it opens: the customer and the pinned playbook go with its start, so it need not read them.
async function caseOpening({ catalog }: Intake, body: SignalBody, row: IntakeFacts) {
  const { pinned, definition, choice } = await chooseCasePlaybook(row.experiments, catalog, row.newest, {
    playbookId: body.playbookId,
    customer: row.customer!,
    driver: classifyDriver([signalInput('incoming', body)]),
    namedBy: 'the signal',
  });
  const pin = pinned.pin;
  const context = row.customer && definition ? { customer: row.customer, playbook: { ...pin, definition } } : undefined;
  const opening = {
    caseId: newCaseId(),
    customerId: body.customerId,
    reason: `signal:${body.type}`,
    playbook: pin,
    arm: pinned.arm,
    context,
    choice,
  };
  return { opening };
}

// Starts the case, or joins the customer's open one; a case row whose workflow did not start is withdrawn.
async function startOrJoin(
  { sql, cases }: Intake,
  body: SignalBody,
  stored: { signalId: string; openCaseId?: string | null },
  { opening }: Awaited<ReturnType<typeof caseOpening>>,
  actor: string,
): Promise<SignalAnswer> {
  const { signalId, openCaseId } = stored;
  const input = signalInput(signalId, body);
  let joined: Awaited<ReturnType<typeof cases.startWithSignal>>;
  try {
    // Joining: the id in the start arguments is only used if the open case's run has just ended.
    joined = openCaseId
      ? await cases.addSignal(body.customerId, input, { ...opening, caseId: newCaseId(), openedBy: actor })
      : await cases.startWithSignal(body.customerId, input, { ...opening, openedBy: actor });
  } catch (e) {
    if (!openCaseId) await withdrawUnstartedCase(sql, opening.caseId);
    throw e;
  }
  // The customer's previous run was still ending: this signal joined another case than the row written.
  if (!openCaseId && joined.caseId !== opening.caseId) await withdrawUnstartedCase(sql, opening.caseId);
  await linkSignal(sql, signalId, joined);
  return { status: 202, body: { signalId, caseId: joined.caseId, workflowId: joined.workflowId, duplicate: false } };
}

export function createSignalIntake({ sql, cases }: Pick<AppDeps, 'sql' | 'cases'>) {
  const deps: Intake = { sql, cases, catalog: createPlaybookCatalog(sql) };

  return async function intake(body: SignalBody, actor: string): Promise<SignalAnswer> {
    const row = await readIntakeFacts(sql, body.idempotencyKey, body.customerId);
    const answered = await answerWithoutCase(deps, body, row);
    if (answered) return answered;
    const opening = await caseOpening(deps, body, row);
    const stored = await storeSignalAndOpenCase(sql, body, row.existing?.id, opening.opening);
    // The same key posted twice at once: the first stored it; answer as its retry would.
    if (!stored.stored) return intake(body, actor);
    return startOrJoin(deps, body, stored, opening, actor);
  };
}
