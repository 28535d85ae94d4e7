// `npm run test:cluster`: starts an embedded PostgreSQL and the PostgreSQL-backed Temporal cluster, then runs
// the cluster suite (tests/cluster: two APIs and two workers under a burst) and the end-to-end case and the
// worker-crash test against them, through the same jest setup as `npm test` (TEMPORAL_ADDRESS and
// DATABASE_URL point it at the cluster).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedPostgres } from './database';
import { startTemporalCluster } from './temporal-cluster';

const ROOT = join(__dirname, '..');
const SUITES = ['tests/cluster', 'tests/integration/case-lifecycle.test.ts', 'tests/integration/worker-crash.test.ts'];

async function main(): Promise<number> {
  const log = (msg: string) => console.log(`[test-cluster] ${msg}`);
  const dir = join(ROOT, '.data', `cluster-test-${process.pid}`);
  const pg = await startEmbeddedPostgres(join(dir, 'postgres'), { persistent: false, maxConnections: 400 });
  try {
    const started = Date.now();
    const cluster = await startTemporalCluster({
      databaseUrl: pg.url,
      dataDir: join(dir, 'temporal'),
      namespace: 'default',
      log,
    });
    log(`Temporal on PostgreSQL at ${cluster.address}, ready in ${Math.round((Date.now() - started) / 1000)} s`);
    try {
      const jest = spawn(
        process.execPath,
        [require.resolve('jest/bin/jest'), '--runInBand', ...SUITES, ...process.argv.slice(2)],
        {
          cwd: ROOT,
          stdio: 'inherit',
          env: { ...process.env, TEMPORAL_ADDRESS: cluster.address, DATABASE_URL: pg.url, HOLDFAST_CLUSTER_TESTS: '1' },
        },
      );
      return await new Promise<number>((resolve) => jest.once('exit', (code) => resolve(code ?? 1)));
    } finally {
      await cluster.stop();
    }
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[test-cluster] ${String((e as Error)?.stack ?? e)}`);
    process.exit(1);
  },
);
