// Benchmark: the case board's keyset cursor against OFFSET paging (the baseline), both measured in this run
// on the same rows. Prints the time per page at increasing depths and keyset's speed-up over offset.
//   npx tsx bench/case-board-pagination.ts [cases=50000]
// Uses DATABASE_URL (a scratch database: it inserts rows) or a throw-away embedded PostgreSQL.
import { join } from 'node:path';
import { boardPage, encodeCursor, type BoardRow } from '../api/services/case-board';
import { caseListQuery } from '../api/services/case-list-query';
import { createDb, type Db } from '../config/database';
import { createSql } from '../config/sql';
import { migrate, startEmbeddedPostgres } from '../dev/database';

const CASES = Number(process.argv[2] ?? 50_000);
const PAGE = 50;
const REPEATS = 20;

async function seed(db: Db): Promise<string> {
  const teamId = `bench-team-${Date.now()}`;
  await db.team.create({ data: { id: teamId, name: 'Bench', tiers: [] } });
  const customerId = `bench-cust-${Date.now()}`;
  await db.customer.create({
    data: { id: customerId, name: 'Bench', tier: 'mass', timeZone: 'UTC', preferredChannels: ['sms'] },
  });
  const base = Date.now() - CASES * 1000;
  for (let i = 0; i < CASES; i += 5000) {
    const rows = Array.from({ length: Math.min(5000, CASES - i) }, (_, j) => ({
      id: `${teamId}-${String(i + j).padStart(7, '0')}`,
      workflowId: `bench/${i + j}`,
      customerId,
      reason: 'bench',
      stage: 'contacting',
      playbookId: 'demo',
      playbookVersion: 1,
      teamId,
      priority: (i + j) % 100,
      openedAt: new Date(base + (i + j) * 1000),
    }));
    await db.case.createMany({ data: rows });
  }
  await db.$executeRawUnsafe('ANALYZE cases');
  return teamId;
}

async function timePerPage(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm
  const started = process.hrtime.bigint();
  for (let i = 0; i < REPEATS; i++) await run();
  return Number(process.hrtime.bigint() - started) / 1e6 / REPEATS;
}

async function main(): Promise<void> {
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres(join(__dirname, '..', '.data', `bench-pg-${process.pid}`), { persistent: false });
  const url = process.env.DATABASE_URL ?? embedded!.url;
  if (embedded) migrate(url);
  const db = createDb(url);
  const sql = createSql(url);
  try {
    const teamId = await seed(db);
    for (const sort of ['opened', 'priority'] as const) {
      const q = caseListQuery.parse({ team: teamId, sort, limit: String(PAGE) });
      const now = new Date();
      const page = async (statement: { text: string; values: unknown[] }) =>
        (await sql.query<BoardRow>(statement)).rows;
      console.log(`\nsort=${sort}, ${CASES} cases, ${PAGE} per page, ms per page (mean of ${REPEATS})`);
      console.log('depth(rows)   offset(baseline)   keyset   speed-up');
      for (const depth of [0, 1_000, 10_000, Math.floor(CASES * 0.9)]) {
        // The row just before the page: what the client's cursor would point at.
        const before =
          depth === 0
            ? undefined
            : (await page(boardPage({ ...q, limit: 1 }, undefined, now, { offset: depth - 1 })))[0]!;
        const offset = await timePerPage(() => page(boardPage(q, undefined, now, { offset: depth })));
        const keyset = await timePerPage(() =>
          page(boardPage({ ...q, cursor: before ? encodeCursor(sort, before) : undefined }, undefined, now)),
        );
        console.log(
          `${String(depth).padEnd(13)} ${offset.toFixed(2).padStart(16)}   ${keyset.toFixed(2).padStart(6)}   ${(offset / keyset).toFixed(2)}x`,
        );
      }
    }
  } finally {
    await db.$disconnect();
    await sql.end();
    await embedded?.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
