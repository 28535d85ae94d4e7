// Risk signals from the bank's systems. Each is stored once per idempotency key, then joins the customer's
// open case or starts a new one; a repeated key answers with the first answer.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { Customer, Prisma, RiskSignal } from '@prisma/client';
import { isUniqueViolation } from '../../config/db-errors';
import { decideDuringCooldown } from '../../domain/cooldown';
import { newCaseId } from '../case-workflows';
import { openCaseRowUnlessOpen, withdrawUnstartedCase } from '../case-rows';
import { pinPlaybook, requireKnownPlaybook } from '../playbook-pin';
import { durationMs } from '../../domain/duration';
import { playbookDefinitionSchema } from '../../domain/playbook';
import type { RiskSignalInput } from '../../domain/risk';
import { actorOf, requireRole } from '../auth';
import type { AppDeps } from '../deps';
import { HttpError } from '../errors';
import { signalBatchSchema, signalSchema, type SignalBody } from '../schemas';
import { parse } from '../validate';

type SignalAnswer = { status: number; body: Record<string, unknown> };

const signalInput = (s: RiskSignal): RiskSignalInput => ({
  signalId: s.id,
  type: s.type as RiskSignalInput['type'],
  severity: s.severity ?? undefined,
  occurredAt: s.occurredAt.toISOString(),
  details: s.details as Record<string, unknown>,
});

export function createSignalIntake({ db, cases }: AppDeps) {
  // The customer's last case, when it closed less than its playbook's cool-down ago.
  async function coolingDownCase(customerId: string) {
    const last = await db.case.findFirst({ where: { customerId }, orderBy: { openedAt: 'desc' } });
    if (!last || last.status !== 'closed' || !last.closedAt) return undefined;
    const version = await db.playbookVersion.findUnique({ where: { playbookId_version: { playbookId: last.playbookId, version: last.playbookVersion } } });
    if (!version) return undefined;
    const definition = playbookDefinitionSchema.parse(version.definition);
    const until = last.closedAt.getTime() + durationMs(definition.detect.cooldown);
    return until > Date.now() ? { caseId: last.id, workflowId: last.workflowId, outcome: last.outcome, until: new Date(until).toISOString(), threshold: definition.detect.actionThreshold } : undefined;
  }

  // Stores the signal and decides its case in one transaction: the customer's open case, or a new case row
  // with its playbook version pinned now.
  async function storeAndDecide(body: SignalBody, existing: RiskSignal | null, customer: Customer, pin: { id: string; version: number }) {
    return db.$transaction(async (tx) => {
      const signal = existing ?? (await tx.riskSignal.create({ data: signalRow(body) }));
      const caseId = newCaseId();
      const { openCaseId } = await openCaseRowUnlessOpen(tx, { caseId, customerId: customer.id, reason: `signal:${body.type}`, playbook: pin });
      // Joining: the id in the start arguments is only used if the open case's run has just ended.
      return openCaseId ? { signal, caseId: newCaseId(), joining: openCaseId } : { signal, caseId, joining: undefined };
    });
  }

  return async function intake(body: SignalBody, actor: string): Promise<SignalAnswer> {
    const existing = await db.riskSignal.findUnique({ where: { idempotencyKey: body.idempotencyKey } });
    if (existing && (existing.customerId !== body.customerId || existing.type !== body.type)) {
      throw new HttpError(422, 'idempotency_key_reused', `idempotency key ${body.idempotencyKey} was already used for another signal (customer ${existing.customerId}, type ${existing.type})`);
    }
    if (existing?.caseId) {
      return { status: 200, body: { signalId: existing.id, caseId: existing.caseId, workflowId: existing.workflowId, duplicate: true } };
    }
    const customer = await db.customer.findUnique({ where: { id: body.customerId } });
    if (!customer) throw new HttpError(404, 'customer_not_found', `no customer with id ${body.customerId}; create it with PUT /v1/customers/${body.customerId} first`);
    await requireKnownPlaybook(db, body.playbookId);
    const input = signalInput(existing ?? ({ ...signalRow(body), receivedAt: new Date(), caseId: null, workflowId: null } as RiskSignal));

    // A recovery only matters to an open case; on its own it opens none.
    if (body.type === 'balance_recovery' && (await db.case.count({ where: { customerId: body.customerId, status: 'open' } })) === 0) {
      const signal = existing ?? (await storeOnce(body));
      return { status: 202, body: { signalId: signal.id, caseId: null, workflowId: null, duplicate: false } };
    }
    const cooling = await coolingDownCase(body.customerId);
    if (cooling) {
      const recent = await recentSignals(body.customerId, input, body.idempotencyKey);
      if (!decideDuringCooldown({ outcome: cooling.outcome, threshold: cooling.threshold }, recent, customer.tier, new Date()).reopen) {
        const signal = existing ?? (await storeOnce(body));
        await db.riskSignal.update({ where: { id: signal.id }, data: { caseId: cooling.caseId, workflowId: cooling.workflowId } });
        return { status: 202, body: { signalId: signal.id, caseId: cooling.caseId, workflowId: cooling.workflowId, duplicate: false, coolingDownUntil: cooling.until } };
      }
    }

    const pin = await pinPlaybook(db, customer, [input], body.playbookId);
    let decided;
    try {
      decided = await storeAndDecide(body, existing, customer, pin);
    } catch (e) {
      // The same key posted twice at once: the first stored it; answer as its retry would.
      if (!isUniqueViolation(e) || existing) throw e;
      return intake(body, actor);
    }
    const { signal, caseId, joining } = decided;
    let joined;
    try {
      const opening = { caseId, openedBy: actor, playbook: pin };
      joined = joining
        ? await cases.addSignal(signal.customerId, signalInput(signal), opening)
        : await cases.startWithSignal(signal.customerId, signalInput(signal), opening);
    } catch (e) {
      if (!joining) await withdrawUnstartedCase(db, caseId);
      throw e;
    }
    // The customer's previous run was still ending: this signal joined another case than the row written.
    if (!joining && joined.caseId !== caseId) await withdrawUnstartedCase(db, caseId);
    await db.riskSignal.update({ where: { id: signal.id }, data: { caseId: joined.caseId, workflowId: joined.workflowId } });
    return { status: 202, body: { signalId: signal.id, caseId: joined.caseId, workflowId: joined.workflowId, duplicate: false } };
  };

  // The customer's signals of the last 90 days, with the new one: what a re-score during cool-down weighs.
  async function recentSignals(customerId: string, incoming: RiskSignalInput, incomingKey: string): Promise<RiskSignalInput[]> {
    const since = new Date(Date.now() - 90 * 24 * 3600_000);
    const stored = await db.riskSignal.findMany({ where: { customerId, occurredAt: { gte: since } }, orderBy: { occurredAt: 'asc' }, take: 200 });
    return [...stored.filter((s) => s.idempotencyKey !== incomingKey).map(signalInput), incoming];
  }

  async function storeOnce(body: SignalBody): Promise<RiskSignal> {
    try {
      return await db.riskSignal.create({ data: signalRow(body) });
    } catch (e) {
      if (isUniqueViolation(e)) return db.riskSignal.findUniqueOrThrow({ where: { idempotencyKey: body.idempotencyKey } });
      throw e;
    }
  }
}

const signalRow = (body: SignalBody) => ({
  id: `sig_${randomUUID()}`,
  idempotencyKey: body.idempotencyKey,
  customerId: body.customerId,
  type: body.type,
  severity: body.severity,
  occurredAt: new Date(body.occurredAt),
  details: (body.details ?? {}) as Prisma.InputJsonObject,
});

export function signalRoutes(deps: AppDeps): Router {
  const router = Router();
  const intake = createSignalIntake(deps);

  router.post('/v1/signals', requireRole('system', 'supervisor'), async (req, res) => {
    const answer = await intake(parse(signalSchema, req.body, 'body'), actorOf(res));
    res.status(answer.status).json(answer.body);
  });

  router.post('/v1/signals/batch', requireRole('system', 'supervisor'), async (req, res) => {
    const raw = req.body as { signals?: unknown };
    if (!Array.isArray(raw?.signals)) throw new HttpError(400, 'validation_failed', 'the request body needs "signals": an array of up to 1000 signals');
    if (raw.signals.length > 1000) parse(signalBatchSchema, raw, 'body');
    const results = [];
    for (const item of raw.signals) {
      try {
        const answer = await intake(parse(signalSchema, item, 'body'), actorOf(res));
        results.push({ status: answer.status, ...answer.body });
      } catch (e) {
        if (!(e instanceof HttpError)) throw e;
        results.push({ status: e.status, error: { code: e.code, message: e.message, details: e.details } });
      }
    }
    res.json({ results });
  });
  return router;
}
