// A PostgreSQL server of one test's own, which the test can crash (SIGQUIT: immediate shutdown, as a crash or
// a failover looks to clients) and start again on the same port and data. The machine's PostgreSQL binaries
// (`pg_config --bindir`, or HOLDFAST_PG_BINDIR); as root the server runs as the `postgres` user, in a
// directory under the system's temp folder that it can reach. Tied to this process: a test killed hard takes
// it down too.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createDb } from '../../config/database';
import { freePort } from '../../dev/ports';
import { postgresAnswers } from '../../dev/postgres-probe';
import { postgresRunAs } from '../../dev/postgres-user';
import { runPrisma } from '../../dev/prisma-cli';
import { seedReferenceData } from '../../dev/seed';
import { spawnTied } from '../../dev/tied-spawn';

export interface StoppablePostgres {
  // The server's `postgres` database; create the test's own from it.
  url: string;
  // A new database on this server, migrated and seeded like the shared test database; its URL.
  createDatabase(): Promise<string>;
  crash(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

const asRoot = process.getuid?.() === 0;
// As root, setpriv runs the server as `postgres` (initdb and postgres refuse root).
const asPostgres = (command: string, args: string[]): [string, string[]] =>
  asRoot
    ? ['/usr/bin/setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', command, ...args]]
    : [command, args];

export async function startStoppablePostgres(): Promise<StoppablePostgres> {
  const bindir = process.env.HOLDFAST_PG_BINDIR ?? execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  const dir = mkdtempSync(join(tmpdir(), 'holdfast-pg-'));
  const runAs = postgresRunAs();
  if (runAs) chownSync(dir, runAs.uid, runAs.gid);
  const data = join(dir, 'data');
  const [initdb, initArgs] = asPostgres(join(bindir, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  execFileSync(initdb, initArgs, { stdio: 'ignore' });
  const port = await freePort();
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  let server: ChildProcess | undefined;

  const start = async () => {
    const [command, args] = asPostgres(join(bindir, 'postgres'), [
      '-D',
      data,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${dir}`,
      '-c',
      'fsync=off',
      '-c',
      'max_connections=200',
    ]);
    server = spawnTied(command, args, { stdio: 'ignore' });
    const deadline = Date.now() + 30_000;
    while (!(await postgresAnswers(url))) {
      if (server.exitCode !== null) throw new Error(`the test's PostgreSQL exited with code ${server.exitCode}`);
      if (Date.now() > deadline) throw new Error('the test PostgreSQL did not start within 30 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const crash = async () => {
    const s = server;
    if (!s || s.exitCode !== null || s.signalCode !== null) return;
    const exited = new Promise((r) => s.once('exit', r));
    s.kill('SIGQUIT');
    await exited;
    server = undefined;
  };
  await start();
  return {
    url,
    async createDatabase() {
      const name = `holdfast_${randomUUID().slice(0, 8)}`;
      const admin = new Client(url);
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const databaseUrl = url.replace(/\/postgres$/, `/${name}`);
      runPrisma(['migrate', 'deploy'], databaseUrl);
      const db = createDb(databaseUrl);
      await seedReferenceData(db);
      await db.$disconnect();
      return databaseUrl;
    },
    crash,
    start,
    async destroy() {
      await crash();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
