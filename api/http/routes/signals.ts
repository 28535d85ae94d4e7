// POST /v1/signals and /v1/signals/batch: risk signals from the bank's systems, taken in by the signal intake
// (api/services/signal-intake.ts). The routes validate each signal, count what became of it, and answer.
import { Router } from 'express';
import { signalOutcome } from '../../metrics';
import { createSignalIntake, type SignalAnswer } from '../../services/signal-intake';
import { actorOf, requireRole } from '../auth';
import type { AppDeps } from '../../deps';
import { DomainError } from '../../../domain/errors/domain-error';
import { httpErrorOf } from '../error-status';
import { HttpError } from '../errors';
import { mapInKeyOrder } from '../keyed-pool';
import { signalSchema } from '../../../domain/risk-signal';
import { signalBatchSchema } from '../schemas';
import { parse } from '../validate';

// Signals of a batch in flight at once: one request starts cases about as fast as this many single posts would.
const BATCH_CONCURRENCY = 8;
// A customer's signals in a batch apply in order; an item without a customer id (refused anyway) stands alone.
const customerKey = (item: unknown, index: number) => {
  const customerId = (item as { customerId?: unknown } | null)?.customerId;
  return typeof customerId === 'string' ? `customer:${customerId}` : `item:${index}`;
};

export function signalRoutes(deps: AppDeps): Router {
  const router = Router();
  const intake = createSignalIntake(deps);

  // Counts what became of each signal (GET /metrics).
  const counted = async (body: unknown, actor: string): Promise<SignalAnswer> => {
    try {
      const answer = await intake(parse(signalSchema, body, 'body'), actor);
      deps.metrics?.countSignal(signalOutcome(answer));
      return answer;
    } catch (e) {
      const refusal = e instanceof DomainError ? httpErrorOf(e) : e;
      if (refusal instanceof HttpError && refusal.status < 500) deps.metrics?.countSignal('refused');
      throw refusal;
    }
  };

  router.post('/v1/signals', requireRole('system', 'supervisor'), async (req, res) => {
    const answer = await counted(req.body, actorOf(res));
    res.status(answer.status).json(answer.body);
  });

  router.post('/v1/signals/batch', requireRole('system', 'supervisor'), async (req, res) => {
    const raw = req.body as { signals?: unknown };
    if (!Array.isArray(raw?.signals))
      throw new HttpError(400, 'validation_failed', 'the request body needs "signals": an array of up to 1000 signals');
    if (raw.signals.length > 1000) parse(signalBatchSchema, raw, 'body');
    const results = await mapInKeyOrder(raw.signals as unknown[], customerKey, BATCH_CONCURRENCY, async (item) => {
      try {
        const answer = await counted(item, actorOf(res));
        return { status: answer.status, ...answer.body };
      } catch (e) {
        if (!(e instanceof HttpError)) throw e;
        return { status: e.status, error: { code: e.code, message: e.message, details: e.details, params: e.params } };
      }
    });
    res.json({ results });
  });
  return router;
}
