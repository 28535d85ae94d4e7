// Risk signals from the bank's systems. Each is stored once per idempotency key, then joins the customer's
// open case or starts a new one; a repeated key answers with the first answer.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { Prisma, type RiskSignal } from '@prisma/client';
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
  async function storeOnce(body: SignalBody): Promise<RiskSignal> {
    try {
      return await db.riskSignal.create({
        data: {
          id: `sig_${randomUUID()}`,
          idempotencyKey: body.idempotencyKey,
          customerId: body.customerId,
          type: body.type,
          severity: body.severity,
          occurredAt: new Date(body.occurredAt),
          details: (body.details ?? {}) as Prisma.InputJsonObject,
        },
      });
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
        return db.riskSignal.findUniqueOrThrow({ where: { idempotencyKey: body.idempotencyKey } });
      }
      throw e;
    }
  }

  // The customer's last case, when it closed less than its playbook's cool-down ago.
  async function coolingDownCase(customerId: string) {
    const last = await db.case.findFirst({ where: { customerId }, orderBy: { openedAt: 'desc' } });
    if (!last || last.status !== 'closed' || !last.closedAt) return undefined;
    const version = await db.playbookVersion.findUnique({ where: { playbookId_version: { playbookId: last.playbookId, version: last.playbookVersion } } });
    if (!version) return undefined;
    const until = last.closedAt.getTime() + durationMs(playbookDefinitionSchema.parse(version.definition).detect.cooldown);
    return until > Date.now() ? { caseId: last.id, workflowId: last.workflowId, until: new Date(until).toISOString() } : undefined;
  }

  return async function intake(body: SignalBody, actor: string): Promise<SignalAnswer> {
    const existing = await db.riskSignal.findUnique({ where: { idempotencyKey: body.idempotencyKey } });
    if (existing && (existing.customerId !== body.customerId || existing.type !== body.type)) {
      throw new HttpError(422, 'idempotency_key_reused', `idempotency key ${body.idempotencyKey} was already used for another signal (customer ${existing.customerId}, type ${existing.type})`);
    }
    if (existing?.caseId) {
      return { status: 200, body: { signalId: existing.id, caseId: existing.caseId, workflowId: existing.workflowId, duplicate: true } };
    }
    if (!existing && (await db.customer.count({ where: { id: body.customerId } })) === 0) {
      throw new HttpError(404, 'customer_not_found', `no customer with id ${body.customerId}; create it with PUT /v1/customers/${body.customerId} first`);
    }
    const signal = existing ?? (await storeOnce(body));
    // A recovery only matters to an open case; on its own it opens none.
    if (signal.type === 'balance_recovery' && (await db.case.count({ where: { customerId: signal.customerId, status: 'open' } })) === 0) {
      return { status: 202, body: { signalId: signal.id, caseId: null, workflowId: null, duplicate: false } };
    }
    const cooling = await coolingDownCase(signal.customerId);
    if (cooling) {
      await db.riskSignal.update({ where: { id: signal.id }, data: { caseId: cooling.caseId, workflowId: cooling.workflowId } });
      return { status: 202, body: { signalId: signal.id, caseId: cooling.caseId, workflowId: cooling.workflowId, duplicate: false, coolingDownUntil: cooling.until } };
    }
    // A stored signal whose case is not linked yet is retried here, whoever sends the key again.
    const joined = await cases.addSignal(signal.customerId, signalInput(signal), { openedBy: actor, playbookId: body.playbookId });
    await db.riskSignal.update({ where: { id: signal.id }, data: { caseId: joined.caseId, workflowId: joined.workflowId } });
    return { status: 202, body: { signalId: signal.id, caseId: joined.caseId, workflowId: joined.workflowId, duplicate: false } };
  };
}


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
