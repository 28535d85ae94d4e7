// Reads: a case, its timeline and a board page over a database of many cases, driven by autocannon at a
// fixed number of connections, against a bare Express + pg server (bench/bare/read-server.ts) running the
// one equivalent SQL query on the same database, both idle and while signals keep arriving.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { spawnTied } from '../dev/tied-spawn';
import { freePort } from '../dev/ports';
import { round, say, settle } from './support/measure';
import { type BenchStack, createBenchCustomers, postSignal } from './support/stack';

export interface ReadsOptions {
  cases: number;
  connections: number;
  seconds: number;
}

// Inserts `n` open cases (one customer each) with 8 timeline events and a contact attempt each, in SQL: fast
// enough for 200,000. In slices of 5,000 cases: on two cores shared with other work, a slice of 25,000 (200,000
// events in one statement) outlasted the 30-second statement timeout.
export async function fillCases(stack: Pick<BenchStack, 'db'>, n: number): Promise<string[]> {
  const run = `rd${Date.now()}`;
  const { db } = stack;
  const [team] = await db.$queryRawUnsafe<{ id: string }[]>('SELECT id FROM teams ORDER BY id LIMIT 1');
  say(`reads: inserting ${n} cases with 8 events and a contact attempt each`);
  for (let from = 1; from <= n; from += 5_000) {
    const to = Math.min(n, from + 4_999);
    await db.$executeRawUnsafe(`INSERT INTO customers (id, name, tier, time_zone, preferred_channels, updated_at)
      SELECT '${run}-' || g, 'Read Customer ' || g, 'mass', 'UTC', '{sms}', now() FROM generate_series(${from}, ${to}) g`);
    await db.$executeRawUnsafe(
      `INSERT INTO cases (id, workflow_id, customer_id, reason, stage, status, risk_score, priority, playbook_id, playbook_version, team_id, opened_at, updated_at, last_event_seq)
      SELECT '${run}-' || g, 'retention-case/${run}-' || g, '${run}-' || g, 'signal:large_outflow', (ARRAY['assigned','contacting','offering','surveying'])[1 + g % 4], 'open', 0.8, g % 100, 'demo', 1, $1, now() - g * interval '1 minute', now(), 8
      FROM generate_series(${from}, ${to}) g`,
      team?.id ?? null,
    );
    // One SMS attempt a case, as a case past assignment has: the case page lists them (by an index on case_id).
    await db.$executeRawUnsafe(`INSERT INTO contact_attempts (id, key, case_id, customer_id, channel, purpose, status, created_at, sent_at)
      SELECT gen_random_uuid()::text, '${run}-' || g || ':contact:1', '${run}-' || g, '${run}-' || g, 'sms', 'contact', 'sent', now(), now() FROM generate_series(${from}, ${to}) g`);
    await db.$executeRawUnsafe(`INSERT INTO case_events (id, case_id, seq, at, type, actor, data)
      SELECT gen_random_uuid()::text, '${run}-' || g, s, now(), 'event_' || s, 'holdfast', '{"note":"bench"}'::jsonb FROM generate_series(${from}, ${to}) g, generate_series(1, 8) s`);
  }
  await db.$executeRawUnsafe('ANALYZE');
  // A thousand ids spread over the table: the requests cycle through them.
  return Array.from({ length: 1_000 }, (_, i) => `${run}-${1 + Math.floor((i * n) / 1_000)}`);
}

export function startBareServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawnTied(process.execPath, ['--import', 'tsx', join(__dirname, 'bare', 'read-server.ts')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`bare read server exited with code ${code}`)));
  });
}

export type Result = { rps: number; p50: number; p99: number; errors: number; non2xx: number };

export async function load(
  url: string,
  paths: string[],
  headers: Record<string, string>,
  options: ReadsOptions,
): Promise<Result> {
  let i = 0;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
  });
  return {
    rps: round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

// Keeps posting signals for new customers (16 at a time) until stopped: the "during intake" load.
function backgroundIntake(stack: BenchStack, customers: { id: string }[]): () => Promise<number> {
  let stopped = false;
  let posted = 0;
  const run = Date.now();
  const loops = Array.from({ length: 16 }, async () => {
    while (!stopped && posted < customers.length) {
      const c = customers[posted++]!;
      await postSignal(stack, c.id, `bench-reads-${run}-${c.id}`);
    }
  });
  return async () => {
    stopped = true;
    await Promise.all(loops);
    return posted;
  };
}

export async function benchReads(stack: BenchStack, options: ReadsOptions) {
  const ids = await fillCases(stack, options.cases);
  const port = await freePort();
  const bare = await startBareServer(stack.databaseUrl, port);
  const bareUrl = `http://127.0.0.1:${port}`;
  const auth = { authorization: `Bearer ${stack.keys.supervisor}` };
  const endpoints = {
    case: ids.map((id) => `/v1/cases/${id}`),
    timeline: ids.map((id) => `/v1/cases/${id}/timeline`),
    board: ['/v1/cases?limit=50'],
  };
  const rows: Record<string, { holdfast: Result; bare: Result; ratio: number }> = {};
  const measure = async (label: string, name: keyof typeof endpoints) => {
    say(`reads: ${label} ${name}, ${options.connections} connections, ${options.seconds} s each (bare, then Holdfast)`);
    // One second of each first, not counted: JIT, connection pools and prepared statements warm up.
    const warm = { ...options, seconds: 1 };
    await load(bareUrl, endpoints[name], {}, warm);
    const b = await load(bareUrl, endpoints[name], {}, options);
    await load(stack.apiUrl, endpoints[name], auth, warm);
    const h = await load(stack.apiUrl, endpoints[name], auth, options);
    rows[`${name} (${label})`] = { holdfast: h, bare: b, ratio: round(h.rps / b.rps, 2) };
  };
  try {
    // Idle means idle: the cases before (and the vacuum after the fill) finish first.
    await settle({ worker: stack.worker.pid, api: stack.api.pid, temporal: stack.temporalPid });
    for (const name of ['case', 'timeline', 'board'] as const) await measure('idle', name);
    // Enough customers for the background intake to never run out: two cores accept about 60 signals a second,
    // so 200 a second for every second of the four loads below leaves room.
    const customers = await createBenchCustomers(
      stack.db,
      `reads-${Date.now()}`,
      4 * (options.seconds + 1) * 200,
      5_570_000_000,
    );
    const stop = backgroundIntake(stack, customers);
    try {
      for (const name of ['case', 'timeline'] as const) await measure('during intake', name);
    } finally {
      say(`reads: ${await stop()} signals posted during the intake measurements`);
    }
  } finally {
    bare.kill('SIGTERM');
  }
  return { size: options, rows };
}
