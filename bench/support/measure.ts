// Small measuring tools shared by the benchmarks: progress on stderr, percentiles, a bounded-concurrency
// pool, process memory, and the machine/version line every result carries.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

// Each line carries the seconds since the run began, so a slow phase shows in the log.
const benchStarted = Date.now();
export const say = (msg: string) =>
  process.stderr.write(`[bench +${Math.round((Date.now() - benchStarted) / 1000)}s] ${msg}\n`);

export function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export const round = (x: number, digits = 1) => (Number.isFinite(x) ? +x.toFixed(digits) : x);

// Runs task(i) for i in 0..n-1 with at most `concurrency` at once, printing progress every 2 s.
export async function pool(
  n: number,
  concurrency: number,
  label: string,
  task: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let done = 0;
  const tick = setInterval(() => say(`${label}: ${done}/${n}`), 2_000);
  try {
    await Promise.all(
      Array.from({ length: Math.min(concurrency, n) }, async () => {
        while (next < n) {
          const i = next++;
          await task(i);
          done++;
        }
      }),
    );
  } finally {
    clearInterval(tick);
  }
}

// Waits until check() holds, printing what it reports every 2 s.
export async function waitUntil(
  label: string,
  check: () => Promise<{ done: boolean; progress: string }>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 0;
  for (;;) {
    const { done, progress } = await check();
    if (done) return;
    if (Date.now() > deadline) throw new Error(`${label}: not done after ${timeoutMs / 1000} s (${progress})`);
    if (Date.now() - last > 2_000) {
      say(`${label}: ${progress}`);
      last = Date.now();
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

// Resident memory of a process in MiB (Linux /proc), or NaN where it cannot be read.
export function rssMiB(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Math.round(Number(line.split(/\s+/)[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

export function machine() {
  const pkg = (name: string) =>
    (
      JSON.parse(readFileSync(join(__dirname, '..', '..', 'node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    temporalSdk: pkg('@temporalio/worker'),
    prisma: pkg('@prisma/client'),
  };
}

// CPU seconds used so far by a process (Linux /proc; user + system), or NaN.
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

// CPU seconds of every process with this command name (e.g. all PostgreSQL backends), living ones only.
function cpuSecondsOf(command: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === command) total += cpuSeconds(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

// CPU seconds per part of the stack, to attribute a benchmark's cost: snapshot() before and after.
export function cpuSnapshot(pids: { worker?: number; api?: number; temporal?: number }) {
  return {
    worker: cpuSeconds(pids.worker),
    api: cpuSeconds(pids.api),
    temporal: cpuSeconds(pids.temporal),
    postgres: cpuSecondsOf('postgres'),
    bench: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
  };
}

export function cpuMsPer(before: ReturnType<typeof cpuSnapshot>, after: ReturnType<typeof cpuSnapshot>, n: number) {
  return Object.fromEntries(
    Object.entries(after).map(([k, v]) => [k, Math.round(((v - before[k as keyof typeof before]) * 1000) / n)]),
  ) as Record<keyof typeof after, number>;
}

// Waits until the stack is quiet (its processes together under a tenth of a core for a second, at most
// `maxMs`), so a measurement does not pay for the tail of the one before: Temporal's visibility and timer
// tasks, status callbacks, the CRM relay. Without it the bare run after Holdfast's ran a third slower.
export async function settle(
  pids: { worker?: number; api?: number; temporal?: number },
  maxMs = 30_000,
): Promise<void> {
  const busy = () =>
    Object.entries(cpuSnapshot(pids)).reduce(
      (sum, [k, v]) => (k === 'bench' || !Number.isFinite(v) ? sum : sum + v),
      0,
    );
  const started = Date.now();
  for (let before = busy(); Date.now() - started < maxMs; ) {
    await new Promise((r) => setTimeout(r, 1_000));
    const now = busy();
    if (now - before < 0.1) return;
    before = now;
  }
  say(`the stack was still busy after ${maxMs / 1000} s; measuring anyway`);
}
