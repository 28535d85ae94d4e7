// Child process the test setup starts: Temporal + PostgreSQL (or the ones TEMPORAL_ADDRESS / DATABASE_URL
// name), migrations and reference data. Prints one JSON line with the addresses, then runs until its
// stdin closes (the test run ended or died) or it gets SIGTERM.
import { join } from 'node:path';
import { createDb } from '../config/database';
import { startInfrastructure } from './infrastructure';
import { reapStaleTestProcesses, recordTestTemporalPid } from './stale-processes';
import { seedReferenceData } from './seed';
import { startFailureLine } from './start-failure';

const DATA_DIR = join(__dirname, '..', '.data');

async function main(): Promise<void> {
  reapStaleTestProcesses(DATA_DIR);
  const infra = await startInfrastructure({
    dataDir: DATA_DIR,
    onTemporalStarted: (pid) => recordTestTemporalPid(DATA_DIR, pid),
    persistent: false,
    ui: false,
    namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
    temporalAddress: process.env.TEMPORAL_ADDRESS,
    databaseUrl: process.env.DATABASE_URL,
    log: (msg) => process.stderr.write(`[test-infrastructure] ${msg}\n`),
  });
  const db = createDb(infra.databaseUrl);
  await seedReferenceData(db);
  await db.$disconnect();

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await infra.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  // The test run died without closing our stdin (e.g. SIGKILL of its parent): stop when orphaned.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && void stop(), 1_000).unref();
  process.stdin.on('end', () => void stop());
  process.stdin.on('close', () => void stop());
  process.stdin.resume();
  process.stdout.write(
    `${JSON.stringify({ temporalAddress: infra.temporalAddress, databaseUrl: infra.databaseUrl })}\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`[test-infrastructure] could not start: ${startFailureLine(e)}\n`);
  process.exit(1);
});
