// Temporal and PostgreSQL for the local stack and the tests: the ones named by TEMPORAL_ADDRESS and
// DATABASE_URL when set (nothing is started then), else a Temporal dev server and an embedded PostgreSQL.
import { join } from 'node:path';
import { startEmbeddedPostgres, migrate } from './database';
import { freePort, isPortFree } from './ports';
import { startDevTemporal } from './temporal-server';

export interface Infrastructure {
  temporalAddress: string;
  temporalUiUrl?: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

export interface InfrastructureOptions {
  dataDir: string;
  // Keep Temporal history and the database between runs (npm start) or throw them away (tests).
  persistent: boolean;
  ui: boolean;
  namespace: string;
  temporalAddress?: string;
  databaseUrl?: string;
  log: (msg: string) => void;
  onTemporalStarted?: (pid: number) => void;
  // Load pg_stat_statements into the embedded PostgreSQL (benchmarks).
  statementStats?: boolean;
}

const preferredPort = async (port: number) => ((await isPortFree(port)) ? port : freePort());

export async function startInfrastructure(options: InfrastructureOptions): Promise<Infrastructure> {
  const stops: (() => Promise<void>)[] = [];
  try {
    let temporalAddress = options.temporalAddress;
    let temporalUiUrl: string | undefined;
    if (!temporalAddress) {
      const temporal = await startDevTemporal({
        port: options.persistent ? await preferredPort(7233) : await freePort(),
        uiPort: options.ui ? await preferredPort(8233) : undefined,
        namespace: options.namespace,
        dbFile: options.persistent ? join(options.dataDir, 'temporal', 'temporal.db') : undefined,
        logFile: join(options.dataDir, options.persistent ? 'temporal.log' : 'temporal-test.log'),
        log: options.log,
      });
      stops.push(temporal.stop);
      options.onTemporalStarted?.(temporal.pid);
      temporalAddress = temporal.address;
      temporalUiUrl = temporal.uiUrl;
      options.log(`Temporal dev server on ${temporal.address}`);
    }

    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      const dir = options.persistent
        ? join(options.dataDir, 'postgres')
        : join(options.dataDir, `postgres-test-${process.pid}`);
      const pg = await startEmbeddedPostgres(dir, {
        persistent: options.persistent,
        statementStats: options.statementStats,
      });
      stops.push(pg.stop);
      databaseUrl = pg.url;
      options.log(`embedded PostgreSQL on ${new URL(pg.url).host}`);
    }
    migrate(databaseUrl);

    return {
      temporalAddress,
      temporalUiUrl,
      databaseUrl,
      stop: async () => {
        for (const stop of stops.reverse()) await stop().catch(() => undefined);
      },
    };
  } catch (e) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw e;
  }
}
