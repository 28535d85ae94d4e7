// Liveness (no dependencies) and readiness (PostgreSQL and Temporal answer).
import { Router } from 'express';
import type { AppDeps } from '../../deps';

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

export function healthRoutes({ db, temporal, logger, isDraining, dependencies }: AppDeps): Router {
  // A probe polled every few seconds during an outage must not log every failure: the process's outage
  // watch logs it once when it starts, now and then, and when it ends.
  const report = (name: 'postgresql' | 'temporal', e?: unknown) => {
    const watch = dependencies?.[name];
    if (!watch) return e === undefined || logger.warn(`readiness: ${name === 'postgresql' ? 'PostgreSQL' : 'Temporal'} not answering`, { error: String(e) });
    if (e === undefined) watch.succeeded();
    else watch.failed(e);
  };
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    if (isDraining?.()) return void res.status(503).json({ status: 'draining', error: { code: 'draining', message: 'this API process is shutting down; send requests to another one', details: [] } });
    const checks: Record<string, string> = {};
    await Promise.all([
      // The failing dependency is named, its raw error only logged (it can carry hosts and credentials).
      withTimeout(db.$queryRaw`SELECT 1`, 3_000).then(() => ((checks.postgresql = 'ok'), report('postgresql')), (e) => ((checks.postgresql = 'unavailable'), report('postgresql', e))),
      withTimeout(temporal.workflowService.getSystemInfo({}), 3_000).then(() => ((checks.temporal = 'ok'), report('temporal')), (e) => ((checks.temporal = 'unavailable'), report('temporal', e))),
    ]);
    const failing = Object.keys(checks).filter((k) => checks[k] !== 'ok').sort();
    if (failing.length === 0) return void res.json({ status: 'ready', checks });
    res.status(503).json({ status: 'unavailable', failing, checks, error: { code: 'not_ready', message: `${failing.join(' and ')} not answering`, details: failing } });
  });
  return router;
}
