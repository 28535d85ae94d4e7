// `npm run bench:dry-run -- [--signals 100000] [--customers 100000] [--days 30]`: a playbook dry run over a window
// of stored signals (generated in SQL, spread over the days), against a baseline of reading the same signals
// in one bare SQL query. Goal (issue 29): 100,000 signals over 30 days for 100,000 customers in under 30 s.
// Uses DATABASE_URL, or an embedded PostgreSQL of its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dryRun } from '../api/services/dry-run';
import { createDb, type Db } from '../config/database';
import { createSql } from '../config/sql';
import { migrate, startEmbeddedPostgres } from '../dev/database';
import { seedReferenceData } from '../dev/seed';
import { round, say } from './support/measure';

const { values: flags } = parseArgs({
  options: {
    signals: { type: 'string', default: '100000' },
    customers: { type: 'string', default: '100000' },
    days: { type: 'string', default: '30' },
  },
});
const n = { signals: Number(flags.signals), customers: Number(flags.customers), days: Number(flags.days) };
const DAY_MS = 86_400_000;

// Customers of every tier, several time zones, channels and consent; signals of every type, a few broker
// funds and life events, received at random moments of the window.
async function fill(db: Db, to: Date): Promise<void> {
  const run = `dr${Date.now()}`;
  say(`dry-run: inserting ${n.customers} customers and ${n.signals} signals over ${n.days} days`);
  await db.$executeRawUnsafe(`INSERT INTO customers (id, name, tier, assets_under_management, time_zone, phone, email, preferred_channels, consent_sms, consent_email, consent_phone, updated_at)
    SELECT '${run}-' || g, 'Bench Customer ' || g, (ARRAY['mass','mass','mass','affluent','premier']::"Tier"[])[1 + g % 5], (g % 97) * 5000,
      (ARRAY['Europe/Madrid','Europe/London','America/New_York','Asia/Singapore'])[1 + g % 4], '+3460' || lpad(g::text, 7, '0'), CASE WHEN g % 3 = 0 THEN NULL ELSE 'c' || g || '@example.com' END,
      (ARRAY['{sms}','{email,sms}','{phone,sms,email}']::text[][])[1 + g % 3]::text[], g % 11 <> 0, true, g % 2 = 0, now()
    FROM generate_series(1, ${n.customers}) g`);
  await db.$executeRawUnsafe(
    `INSERT INTO risk_signals (id, idempotency_key, customer_id, type, severity, occurred_at, details, received_at)
    SELECT '${run}-s' || g, '${run}-k' || g, '${run}-' || (1 + (g * 7919) % ${n.customers}),
      (ARRAY['large_outflow','balance_drop','competitor_offer','complaint','product_maturity','activity_drop'])[1 + g % 6], (g % 10) / 10.0,
      t - interval '1 hour', CASE g % 20 WHEN 0 THEN '{"fundsType":"special"}' WHEN 1 THEN '{"purpose":"house"}' ELSE '{}' END::jsonb, t
    FROM (SELECT g, $1::timestamptz - random() * interval '${n.days} days' AS t FROM generate_series(1, ${n.signals}) g) s`,
    to,
  );
  await db.$executeRawUnsafe('ANALYZE');
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, (performance.now() - started) / 1000];
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'holdfast-bench-dry-run-'));
  const pg = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres(join(dataDir, 'postgres'), { persistent: false });
  const databaseUrl = process.env.DATABASE_URL ?? pg!.url;
  migrate(databaseUrl);
  const db = createDb(databaseUrl);
  const sql = createSql(databaseUrl);
  try {
    await seedReferenceData(db);
    const to = new Date();
    const from = new Date(to.getTime() - n.days * DAY_MS);
    await fill(db, to);
    const [bare, bareSeconds] = await timed(() =>
      sql.query(
        'SELECT id, customer_id, type, severity, occurred_at, details, received_at FROM risk_signals WHERE received_at >= $1 AND received_at < $2 ORDER BY received_at, id',
        [from, to],
      ),
    );
    const request = { from, to, source: { version: 1 }, allSignals: false, decisions: 0 };
    const [answer, seconds] = await timed(() => dryRun(db, sql, 'standard', request, new AbortController().signal));
    const t = answer.result.totals;
    say(
      `dry-run: ${t.signals} signals, ${t.casesOpened} cases opened (${t.excluded} excluded, ${t.notActionable} not actionable, ${t.heldOut} held out), ${t.otherPlaybook} to other playbooks, ${t.assigned} assigned, ${t.queuedToNextDay} queued`,
    );
    console.log(
      JSON.stringify({
        benchmark: 'dry-run',
        signals: bare.rowCount,
        customers: n.customers,
        days: n.days,
        seconds: round(seconds, 2),
        bareQuerySeconds: round(bareSeconds, 2),
        ratio: round(seconds / bareSeconds, 1),
        goalSeconds: 30,
        met: seconds < 30,
      }),
    );
  } finally {
    await sql.end();
    await db.$disconnect();
    await pg?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
