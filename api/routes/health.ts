// Liveness (no dependencies) and readiness (PostgreSQL and Temporal answer).
import { Router } from 'express';
import type { AppDeps } from '../deps';

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

export function healthRoutes({ db, temporal, logger, isDraining }: AppDeps): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    if (isDraining?.()) return void res.status(503).json({ status: 'draining', error: { code: 'draining', message: 'this API process is shutting down; send requests to another one', details: [] } });
    const checks: Record<string, string> = {};
    await Promise.all([
      // The failing dependency is named, its raw error only logged (it can carry hosts and credentials).
      withTimeout(db.$queryRaw`SELECT 1`, 3_000).then(() => (checks.postgresql = 'ok'), (e) => ((checks.postgresql = 'unavailable'), logger.warn('readiness: PostgreSQL not answering', { error: String(e) }))),
      withTimeout(temporal.workflowService.getSystemInfo({}), 3_000).then(() => (checks.temporal = 'ok'), (e) => ((checks.temporal = 'unavailable'), logger.warn('readiness: Temporal not answering', { error: String(e) }))),
    ]);
    const failing = Object.keys(checks).filter((k) => checks[k] !== 'ok').sort();
    if (failing.length === 0) return void res.json({ status: 'ready', checks });
    res.status(503).json({ status: 'unavailable', failing, checks, error: { code: 'not_ready', message: `${failing.join(' and ')} not answering`, details: failing } });
  });
  return router;
}
