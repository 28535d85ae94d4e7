// Readiness: whether PostgreSQL and Temporal answer, each within a few seconds.
import { withTimeout } from '../../config/with-timeout';
import type { AppDeps } from '../deps';

const CHECK_TIMEOUT_MS = 3_000;

type Dependency = 'postgresql' | 'temporal';

// Each dependency's check ('ok' or 'unavailable') and the failing ones, sorted. A probe polled every few
// seconds during an outage must not log every failure: the process's outage watch logs it once when it
// starts, now and then, and when it ends; without a watch, each failure is logged.
export async function checkReadiness({
  db,
  temporal,
  logger,
  dependencies,
}: Pick<AppDeps, 'db' | 'temporal' | 'logger' | 'dependencies'>) {
  const report = (name: Dependency, e?: unknown) => {
    const watch = dependencies?.[name];
    if (!watch)
      return (
        e === undefined ||
        logger.warn(`readiness: ${name === 'postgresql' ? 'PostgreSQL' : 'Temporal'} not answering`, {
          error: String(e),
        })
      );
    if (e === undefined) watch.succeeded();
    else watch.failed(e);
  };
  const checks: Record<string, string> = {};
  // The failing dependency is named, its raw error only logged (it can carry hosts and credentials).
  const check = async (name: Dependency, probe: () => Promise<unknown>) => {
    try {
      await withTimeout(probe(), CHECK_TIMEOUT_MS);
      checks[name] = 'ok';
      report(name);
    } catch (e) {
      checks[name] = 'unavailable';
      report(name, e);
    }
  };
  await Promise.all([
    check('postgresql', () => db.$queryRaw`SELECT 1`),
    check('temporal', () => temporal.workflowService.getSystemInfo({})),
  ]);
  return {
    checks,
    failing: Object.keys(checks)
      .filter((k) => checks[k] !== 'ok')
      .sort(),
  };
}
