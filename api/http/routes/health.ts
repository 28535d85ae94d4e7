// Liveness (no dependencies) and readiness (PostgreSQL and Temporal answer: api/services/readiness.ts).
import { Router } from 'express';
import type { AppDeps } from '../../deps';
import { checkReadiness } from '../../services/readiness';

export function healthRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    if (deps.isDraining?.())
      return void res.status(503).json({
        status: 'draining',
        error: {
          code: 'draining',
          message: 'this API process is shutting down; send requests to another one',
          details: [],
          params: {},
        },
      });
    const { checks, failing } = await checkReadiness(deps);
    if (failing.length === 0) return void res.json({ status: 'ready', checks });
    res.status(503).json({
      status: 'unavailable',
      failing,
      checks,
      error: {
        code: 'not_ready',
        message: `${failing.join(' and ')} not answering`,
        details: failing,
        params: { failing },
      },
    });
  });
  return router;
}
