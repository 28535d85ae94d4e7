// `npm run cluster`: a Temporal server with PostgreSQL persistence, on the PostgreSQL of DATABASE_URL or an
// embedded one kept under .data/cluster-postgres, in databases of its own (holdfast_temporal and
// holdfast_temporal_visibility). Prints the addresses to run Holdfast against it, then runs until Ctrl-C.
import { join } from 'node:path';
import { startEmbeddedPostgres } from './database';
import { startTemporalCluster } from './temporal-cluster';

const DATA_DIR = join(__dirname, '..', '.data');

async function main(): Promise<void> {
  const log = (msg: string) => console.log(`[cluster] ${msg}`);
  const pg = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres(join(DATA_DIR, 'cluster-postgres'), { persistent: true, maxConnections: 400 });
  const databaseUrl = process.env.DATABASE_URL ?? pg!.url;
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  const port = Number(process.env.HOLDFAST_CLUSTER_PORT ?? 7233);
  const cluster = await startTemporalCluster({ databaseUrl, dataDir: join(DATA_DIR, 'cluster'), namespace, port, log });
  log(
    `Temporal on PostgreSQL: ${cluster.address} (namespace ${namespace}); server log in .data/cluster/temporal-server.log`,
  );
  log(`run Holdfast against it: TEMPORAL_ADDRESS=${cluster.address} DATABASE_URL=${databaseUrl} npm start`);
  const stop = async () => {
    await cluster.stop();
    await pg?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e) => {
  console.error(`[cluster] ${String((e as Error)?.message ?? e)}`);
  process.exit(1);
});
