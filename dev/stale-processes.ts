// A test run killed hard (Ctrl-C twice, a CI timeout) cannot stop its Temporal server and PostgreSQL; the
// next run finds them through their pid files and stops them before starting its own.
import { existsSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TEMPORAL_PIDS = 'test-temporal.pids';

function alive(pid: number, expected: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(expected);
  } catch {
    return false;
  }
}

function kill(pid: number, expected: string): void {
  if (alive(pid, expected)) process.kill(pid, 'SIGKILL');
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

export function recordTestTemporalPid(dataDir: string, pid: number): void {
  writeFileSync(join(dataDir, TEMPORAL_PIDS), `${pid}\n`, { flag: 'a' });
}

export function reapStaleTestProcesses(dataDir: string): void {
  if (!existsSync(dataDir)) return;
  const pidFile = join(dataDir, TEMPORAL_PIDS);
  if (existsSync(pidFile)) {
    for (const line of readFileSync(pidFile, 'utf8').split('\n')) if (line.trim()) kill(Number(line), 'temporal');
    rmSync(pidFile);
  }
  for (const entry of readdirSync(dataDir)) {
    if (!entry.startsWith('postgres-test-')) continue;
    const owner = Number(entry.slice('postgres-test-'.length));
    if (alive(owner, 'test-infrastructure')) continue;
    // A checkout closed to the server's user keeps only a link here (see postgres-place.ts).
    const real = realpathOr(join(dataDir, entry));
    const postmaster = join(real, 'postmaster.pid');
    if (existsSync(postmaster)) kill(Number(readFileSync(postmaster, 'utf8').split('\n')[0]), 'postgres');
    rmSync(real, { recursive: true, force: true });
    rmSync(join(dataDir, entry), { recursive: true, force: true });
  }
}
