// Benchmark: an experiment's results and a playbook's funnel over generated cases, each against one bare SQL
// aggregate over the same rows measured in this run (the least a database must do to count them). Goal:
// under 1 s and within 2x of the bare aggregate.
//   npx tsx bench/experiments.ts [cases=1000000]
// Uses DATABASE_URL (a scratch database: it inserts rows) or a throw-away embedded PostgreSQL. Rows are made
// in SQL with generate_series, with triggers off (session_replication_role) as a bulk load would be.
import { join } from 'node:path';
import { readExperimentResults } from '../api/services/experiment-results';
import { readFunnel } from '../api/services/funnel';
import { createSql, inTransaction, type Sql } from '../config/sql';
import { FUNNEL_STEPS } from '../domain/funnel';
import { migrate, startEmbeddedPostgres } from '../dev/database';

const CASES = Number(process.argv[2] ?? 1_000_000);
const REPEATS = 5;
const PLAYBOOK = 'bench-experiment';
const EXPERIMENT = 'exp_00000000-0000-0000-0000-000000000001';

// Paths through the playbook, by a case's number mod 100: holdout, excluded, unreachable, offer expired, still
// open, and the full way to a survey (closing retained or churned). About 6 events a case.
const PATHS = `(VALUES
  ('H', 1, 'case_opened', '{}'), ('H', 2, 'holdout_assigned', '{}'), ('H', 3, 'case_closed', '{"outcome":"churned","reason":"no_recovery"}'),
  ('X', 1, 'case_opened', '{}'), ('X', 2, 'case_closed', '{"outcome":"excluded","reason":"intermediary_driven_funds"}'),
  ('U', 1, 'case_opened', '{}'), ('U', 2, 'case_assigned', '{}'), ('U', 3, 'contact_sent', '{}'), ('U', 4, 'contact_outcome_recorded', '{"outcome":"no_answer"}'), ('U', 5, 'case_closed', '{"outcome":"unreachable","reason":"no_channel_left"}'),
  ('D', 1, 'case_opened', '{}'), ('D', 2, 'case_assigned', '{}'), ('D', 3, 'contact_sent', '{}'), ('D', 4, 'contact_outcome_recorded', '{"outcome":"reached"}'), ('D', 5, 'offer_presented', '{}'), ('D', 6, 'case_closed', '{"outcome":"declined","reason":"offer_expired"}'),
  ('O', 1, 'case_opened', '{}'), ('O', 2, 'case_assigned', '{}'), ('O', 3, 'contact_sent', '{}'),
  ('R', 1, 'case_opened', '{}'), ('R', 2, 'case_assigned', '{}'), ('R', 3, 'contact_sent', '{}'), ('R', 4, 'contact_outcome_recorded', '{"outcome":"reached"}'), ('R', 5, 'offer_presented', '{}'),
  ('R', 6, 'offer_decision_recorded', '{"decision":"accepted"}'), ('R', 7, 'survey_sent', '{}'), ('R', 8, 'case_closed', '{"outcome":"retained","reason":"survey"}')
) AS p(path, seq, type, data)`;

// How long each step of case i takes: one to five minutes and up to an hour more, so that times in a step
// spread over thousands of distinct seconds, as a bank's do.
const STEP_TIME = `(interval '1 minute' * (i % 5 + 1) + interval '1 second' * (i * 37 % 3600))`;

const PATH_OF = `CASE WHEN i % 100 < 5 THEN 'H' WHEN i % 100 < 10 THEN 'X' WHEN i % 100 < 30 THEN 'U' WHEN i % 100 < 50 THEN 'D' WHEN i % 100 < 60 THEN 'O' ELSE 'R' END`;
const CLOSE_SEQ = `CASE ${PATH_OF} WHEN 'H' THEN 3 WHEN 'X' THEN 2 WHEN 'U' THEN 5 WHEN 'D' THEN 6 ELSE 8 END`;

async function seed(sql: Sql): Promise<void> {
  const client = await sql.connect();
  try {
    // A million cases take longer than the pool's 30-second statement limit to write.
    await client.query('SET statement_timeout = 0');
    await client.query('SET session_replication_role = replica');
    await client.query(
      "INSERT INTO customers (id, name, tier, time_zone, updated_at) VALUES ('bench-customer', 'Bench', 'mass', 'UTC', now()) ON CONFLICT DO NOTHING",
    );
    await client.query(
      `INSERT INTO playbook_experiments (id, playbook_id, active_playbook_id, status, min_sample_per_arm, created_by) VALUES ('${EXPERIMENT}', '${PLAYBOOK}', '${PLAYBOOK}', 'running', 1000, 'bench')`,
    );
    await client.query(
      `INSERT INTO experiment_arms VALUES ('${EXPERIMENT}', 'A', 1, 50, true), ('${EXPERIMENT}', 'B', 2, 50, false)`,
    );
    const closing = `CASE ${PATH_OF} WHEN 'O' THEN NULL ELSE base + ${STEP_TIME} * ${CLOSE_SEQ} END`;
    await client.query(
      `
      INSERT INTO cases (id, workflow_id, customer_id, reason, stage, status, outcome, playbook_id, playbook_version, opened_at, closed_at, updated_at)
      SELECT 'bc-' || i, 'bench/' || i, 'bench-customer', 'bench', CASE WHEN ${PATH_OF} = 'O' THEN 'contacting' ELSE 'closed' END,
             CASE WHEN ${PATH_OF} = 'O' THEN 'open' ELSE 'closed' END,
             CASE ${PATH_OF} WHEN 'H' THEN 'churned' WHEN 'X' THEN 'excluded' WHEN 'U' THEN 'unreachable' WHEN 'D' THEN 'declined' WHEN 'R' THEN 'retained' END,
             '${PLAYBOOK}', 1 + i % 2, base, ${closing}, now()
        FROM generate_series(1, $1) i, LATERAL (SELECT now() - interval '20 days' + interval '1 second' * (i % 1000000) AS base) b`,
      [CASES],
    );
    await client.query(
      `INSERT INTO case_experiment_arms (case_id, experiment_id, arm, version) SELECT 'bc-' || i, '${EXPERIMENT}', CASE WHEN i % 2 = 1 THEN 'A' ELSE 'B' END, 1 + i % 2 FROM generate_series(1, $1) i`,
      [CASES],
    );
    await client.query(
      `
      INSERT INTO case_events (id, case_id, seq, at, type, actor, data)
      SELECT 'bc-' || i || ':' || p.seq, 'bc-' || i, p.seq, now() - interval '20 days' + interval '1 second' * (i % 1000000) + ${STEP_TIME} * p.seq, p.type, 'bench', p.data::jsonb
        FROM generate_series(1, $1) i JOIN ${PATHS} ON p.path = ${PATH_OF}`,
      [CASES],
    );
    // What the triggers keep as cases run, made at once for the bulk load (as after a migration).
    const rebuilding = Date.now();
    await client.query('SELECT rebuild_case_funnel()');
    await client.query('SELECT rebuild_funnel_step_times()');
    await client.query('SET session_replication_role = origin');
    console.log(`case_funnel rebuilt for ${CASES} cases in ${((Date.now() - rebuilding) / 1000).toFixed(1)} s`);
    for (const table of ['cases', 'case_events', 'case_experiment_arms', 'case_funnel', 'funnel_step_times'])
      await client.query(`VACUUM ANALYZE ${table}`);
  } finally {
    client.release();
  }
}

// Two baselines for the funnel: counting the events of record by type (what the funnel once grouped), and the
// same funnel written plainly over the per-case rows: counts and percentile_cont per step.
const STEP_ROWS = FUNNEL_STEPS.map((step, i) => {
  const later = FUNNEL_STEPS.slice(i + 1).map((s) => `f.${s}`);
  return `(${i + 1}, f.${step}, ${later.length ? `least(${later.join(', ')})` : 'NULL::timestamptz'})`;
}).join(', ');
const BARE_FUNNEL_ROWS = `
SELECT k.ord, count(*), count(*) FILTER (WHERE k.next_at IS NULL AND f.leave_reason IS NOT NULL),
       percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY extract(epoch FROM coalesce(k.next_at, f.closed_at) - k.entered_at))
  FROM case_funnel f CROSS JOIN LATERAL (VALUES ${STEP_ROWS}) k(ord, entered_at, next_at)
 WHERE f.playbook_id = $1 AND k.entered_at IS NOT NULL AND (NOT f.holdout OR k.ord = 1)
 GROUP BY k.ord`;
const BARE_FUNNEL = `SELECT e.type, count(*) FROM cases c JOIN case_events e ON e.case_id = c.id WHERE c.playbook_id = $1 GROUP BY e.type`;
const BARE_RESULTS = `SELECT x.arm, count(*), count(*) FILTER (WHERE c.outcome = 'retained') FROM case_experiment_arms x JOIN cases c ON c.id = x.case_id WHERE x.experiment_id = $1 GROUP BY x.arm`;

async function timed(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const started = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(REPEATS / 2)]!;
}

async function main(): Promise<void> {
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres(join(__dirname, '..', '.data', `bench-pg-${process.pid}`), { persistent: false });
  const url = process.env.DATABASE_URL ?? embedded!.url;
  if (embedded) migrate(url);
  const sql = createSql(url);
  try {
    const seeding = Date.now();
    await seed(sql);
    console.log(`seeded ${CASES} cases in ${((Date.now() - seeding) / 1000).toFixed(1)} s`);
    const period = { from: new Date(Date.now() - 30 * 86_400_000), to: new Date(Date.now() + 86_400_000) };
    const armB = "JOIN case_experiment_arms x ON x.case_id = c.id AND x.arm = 'B' WHERE";
    // The plain funnel gets the work_mem the service sets, so that both sort or hash in memory.
    const plain = (text: string) => () =>
      inTransaction(sql, async (tx) => {
        await tx.query("SET LOCAL work_mem = '256MB'");
        return tx.query(text, [PLAYBOOK]);
      });
    const rows: [string, number, string, number][] = [];
    const measure = async (
      name: string,
      run: () => Promise<unknown>,
      baselines: [string, () => Promise<unknown>][],
    ) => {
      const ms = await timed(run);
      for (const [baseline, bare] of baselines) rows.push([name, ms, baseline, await timed(bare)]);
    };
    await measure(
      'results (per arm, with statistics)',
      () => readExperimentResults(sql, { id: EXPERIMENT, minSamplePerArm: 1000 }),
      [['arms counted bare', () => sql.query(BARE_RESULTS, [EXPERIMENT])]],
    );
    await measure('funnel (whole playbook)', () => readFunnel(sql, { playbookId: PLAYBOOK, ...period }), [
      ['events counted by type', () => sql.query(BARE_FUNNEL, [PLAYBOOK])],
      ['plain funnel over case rows', plain(BARE_FUNNEL_ROWS)],
    ]);
    await measure(
      'funnel (one arm)',
      () => readFunnel(sql, { playbookId: PLAYBOOK, experimentId: EXPERIMENT, arm: 'B', ...period }),
      [
        ['events counted by type', () => sql.query(BARE_FUNNEL.replace('WHERE', armB), [PLAYBOOK])],
        ['plain funnel over case rows', plain(BARE_FUNNEL_ROWS.replace('WHERE', "WHERE f.arm = 'B' AND"))],
      ],
    );
    console.log(`\n${CASES} cases, median of ${REPEATS} runs (ms)`);
    console.log('| query | ms | baseline | baseline ms | ratio |\n|---|---|---|---|---|');
    for (const [name, ms, baseline, bare] of rows)
      console.log(`| ${name} | ${ms.toFixed(0)} | ${baseline} | ${bare.toFixed(0)} | ${(ms / bare).toFixed(2)}x |`);
  } finally {
    await sql.end();
    await embedded?.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
