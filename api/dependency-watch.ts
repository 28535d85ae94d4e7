// This API process's view of its own dependencies: a probe every few seconds (backing off while one is down)
// keeps an OutageWatch per dependency, so an outage is logged once when it starts, now and then while it
// lasts and once when it ends, /metrics shows it, and GET /v1/status answers even while PostgreSQL is away.
import type { Client } from '@temporalio/client';
import type { Logger } from '../config/logger';
import { keepOutage } from '../config/outage-record';
import { OutageWatch } from '../config/outage-watch';
import type { Sql } from '../config/sql';
import { withTimeout } from '../config/with-timeout';

const PROBE_EVERY_MS = 5_000;
const PROBE_TIMEOUT_MS = 3_000;

export interface DependencyWatches {
  postgresql: OutageWatch;
  temporal: OutageWatch;
  stop(): void;
}

export function watchDependencies(
  sql: Sql,
  temporal: Client,
  logger: Logger,
  options: { probeEveryMs?: number } = {},
): DependencyWatches {
  const every = options.probeEveryMs ?? PROBE_EVERY_MS;
  const process = `api ${globalThis.process.pid}`;
  const postgresql = new OutageWatch('PostgreSQL', logger, {
    maxDelayMs: every * 2,
    onEnd: (o) => keepOutage(sql, process, o),
  });
  const temporalWatch = new OutageWatch('Temporal', logger, {
    maxDelayMs: every * 2,
    onEnd: (o) => keepOutage(sql, process, o),
  });
  const probes: [OutageWatch, () => Promise<unknown>][] = [
    [postgresql, () => sql.query('SELECT 1')],
    [temporalWatch, () => temporal.workflowService.getSystemInfo({})],
  ];
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  for (const [watch, probe] of probes) {
    const tick = async () => {
      let next = every;
      try {
        await withTimeout(probe(), PROBE_TIMEOUT_MS);
        watch.succeeded();
      } catch (e) {
        next = Math.max(every, watch.failed(e));
      }
      if (!stopped) timers.push(setTimeout(tick, next).unref());
    };
    timers.push(setTimeout(tick, every).unref());
  }
  return {
    postgresql,
    temporal: temporalWatch,
    stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
    },
  };
}
