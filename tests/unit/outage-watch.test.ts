// An outage is logged when it starts, at intervals while it lasts and when it ends (with its length), and the
// loop reporting to the watch backs off; our own database errors are told apart from everything else.
import { Client } from 'pg';
import { createDb } from '../../config/database';
import { databaseUnreachable } from '../../config/dependency-outage';
import { createLogger } from '../../config/logger';
import { OutageWatch, type Outage } from '../../config/outage-watch';
import { freePort } from '../../dev/ports';

function watched(remindEveryMs = 60_000) {
  let now = 1_000_000;
  const lines: { level: string; msg: string; outageSeconds?: number }[] = [];
  const ended: Outage[] = [];
  const logger = createLogger('info', {}, (line) => lines.push(JSON.parse(line)));
  const watch = new OutageWatch('PostgreSQL', logger, { remindEveryMs, now: () => now, onEnd: (o) => ended.push(o) });
  return { watch, lines, ended, advance: (ms: number) => (now += ms) };
}

test('a 90 s outage reported every 250 ms logs three lines, not 360', () => {
  const { watch, lines, ended, advance } = watched(60_000);
  for (let t = 0; t < 90_000; t += 250) {
    watch.failed(new Error('connect ECONNREFUSED'));
    advance(250);
  }
  expect(watch.down).toBe(true);
  expect(watch.current()).toMatchObject({ dependency: 'PostgreSQL', seconds: 90, failures: 360 });
  watch.succeeded();
  expect(lines.map((l) => [l.level, l.msg])).toEqual([
    ['warn', 'PostgreSQL is not answering; backing off until it does'],
    ['warn', 'PostgreSQL still not answering'],
    ['info', 'PostgreSQL is answering again'],
  ]);
  expect(lines[2]!.outageSeconds).toBe(90);
  expect(ended).toEqual([expect.objectContaining({ seconds: 90, failures: 360, lastError: 'connect ECONNREFUSED' })]);
  expect(watch.down).toBe(false);
  expect(watch.endedCount).toBe(1);
  // Success without an outage says nothing.
  watch.succeeded();
  expect(lines).toHaveLength(3);
});

test('the back-off doubles from 1 s to its cap and starts again after the outage', () => {
  const { watch } = watched();
  const delays = Array.from({ length: 8 }, () => watch.failed(new Error('down')));
  expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  watch.succeeded();
  expect(watch.failed(new Error('down again'))).toBe(1_000);
});

test('an unreachable PostgreSQL is ours, through node-postgres and Prisma; a refused statement is not', async () => {
  const closedPort = await freePort();
  const client = new Client({
    connectionString: `postgresql://postgres@127.0.0.1:${closedPort}/x`,
    connectionTimeoutMillis: 1_000,
  });
  const viaPg = await client.connect().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(databaseUnreachable(viaPg)).toBe(true);
  const db = createDb(`postgresql://postgres@127.0.0.1:${closedPort}/x`);
  const viaPrisma = await db.$queryRaw`SELECT 1`.then(
    () => undefined,
    (e: unknown) => e,
  );
  await db.$disconnect();
  expect(databaseUnreachable(viaPrisma)).toBe(true);

  const live = new Client({ connectionString: process.env.HOLDFAST_TEST_DATABASE_URL });
  await live.connect();
  const refused = await live.query('SELECT * FROM no_such_table').then(
    () => undefined,
    (e: unknown) => e,
  );
  await live.end();
  expect(databaseUnreachable(refused)).toBe(false);
  expect(databaseUnreachable(new Error('Twilio answered 503'))).toBe(false);
});
