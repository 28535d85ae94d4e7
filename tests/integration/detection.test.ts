// Scheduled detection: a Temporal Schedule runs the sweep workflow, which reads signal files dropped in a
// folder and a JSON pull endpoint and posts them through the API's idempotent intake. Its summary is the
// workflow's result and GET /v1/detection; reading the same signals again opens nothing twice.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import type { ActivityDeps } from '../../activities';
import { createDetection, type SweepSummary } from '../../activities/detection';
import { createSql } from '../../config/sql';
import { DETECTION_SCHEDULE_ID } from '../../workflows/messages';
import { ensureDetectionSchedule } from '../../worker/detection-schedule';
import { createCustomer } from '../support/fixtures';
import { eventually, startHarness, uniqueId, type Harness } from '../support/harness';
import { harnessClient } from '../support/temporal-client';

let h: Harness;
let client: Client;
let closeClient: (() => Promise<void>) | undefined;
let feed: Server;
let pulled: unknown[] = [];
const dropDir = mkdtempSync(join(tmpdir(), 'holdfast-drop-'));

beforeAll(async () => {
  feed = createServer((req, res) => {
    if (req.headers.authorization !== 'Bearer feed-token') return void res.writeHead(401).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ signals: pulled }));
  });
  await new Promise<void>((r) => feed.listen(0, '127.0.0.1', r));
  const pullUrl = `http://127.0.0.1:${(feed.address() as { port: number }).port}/risk/signals`;
  h = await startHarness({ detection: { dropDir, pullUrl, pullToken: 'feed-token' } });
  ({ client, close: closeClient } = await harnessClient(h));
});
afterAll(async () => {
  await client?.schedule
    .getHandle(DETECTION_SCHEDULE_ID)
    .delete()
    .catch(() => undefined);
  await closeClient?.();
  await h?.stop();
  await new Promise((r) => feed?.close(r));
});

// Runs the schedule now and waits for that sweep's summary.
async function sweepNow(): Promise<SweepSummary> {
  const schedule = client.schedule.getHandle(DETECTION_SCHEDULE_ID);
  const before = (await schedule.describe()).info.recentActions.length;
  await schedule.trigger();
  const action = await eventually(
    async () => (await schedule.describe()).info.recentActions[before],
    'the triggered sweep to start',
  );
  const started = action.action as { workflow: { workflowId: string } };
  return client.workflow.getHandle(started.workflow.workflowId).result();
}

// Intervals of days: no tick of the schedule's own comes between a test's trigger and its sweep.
test('the schedule is created once and updated only when its interval changes', async () => {
  expect(await ensureDetectionSchedule(client, { every: '7d', taskQueue: h.temporal.taskQueue })).toBe('created');
  expect(await ensureDetectionSchedule(client, { every: '7d', taskQueue: h.temporal.taskQueue })).toBe('unchanged');
  expect(await ensureDetectionSchedule(client, { every: '14d', taskQueue: h.temporal.taskQueue })).toBe('updated');
  const view = (await h.call('GET', '/v1/detection', { key: h.keys.supervisor })).body;
  expect(view.schedule).toMatchObject({ id: DETECTION_SCHEDULE_ID, everySeconds: 1209600, paused: false });
});

test('a sweep posts dropped CSV and JSON files and the pull feed through the intake; a second sweep opens nothing twice', async () => {
  await ensureDetectionSchedule(client, { every: '7d', taskQueue: h.temporal.taskQueue });
  const [a, b, c] = [await createCustomer(h), await createCustomer(h), await createCustomer(h)];
  const key = (n: string) => `${uniqueId('feed')}-${n}`;
  const keys = { a: key('a'), b: key('b'), c: key('c'), unknown: key('unknown') };
  const now = new Date().toISOString();
  writeFileSync(
    join(dropDir, 'nightly.csv'),
    `idempotencyKey,customerId,type,occurredAt,severity,playbookId,details.amount\n${keys.a},${a.id},large_outflow,${now},0.9,demo,25000\n`,
  );
  writeFileSync(
    join(dropDir, 'extra.json'),
    JSON.stringify({
      signals: [
        {
          idempotencyKey: keys.b,
          customerId: b.id,
          type: 'large_outflow',
          occurredAt: now,
          severity: 0.9,
          playbookId: 'demo',
        },
        { idempotencyKey: keys.unknown, customerId: 'no-such-customer', type: 'large_outflow', occurredAt: now },
        {
          idempotencyKey: keys.a,
          customerId: a.id,
          type: 'large_outflow',
          occurredAt: now,
          severity: 0.9,
          playbookId: 'demo',
          details: { amount: 25000 },
        },
      ],
    }),
  );
  writeFileSync(join(dropDir, 'broken.json'), '{ "signals": [');
  writeFileSync(join(dropDir, 'notes.txt'), 'not a feed file');
  pulled = [
    {
      idempotencyKey: keys.c,
      customerId: c.id,
      type: 'large_outflow',
      occurredAt: now,
      severity: 0.9,
      playbookId: 'demo',
    },
  ];

  const first = await sweepNow();
  expect(first.totals).toEqual({ signals: 5, accepted: 3, duplicates: 1, refused: 1 });
  expect(first.sources.map((s) => [s.source, s.signals, s.error])).toEqual([
    ['file:broken.json', 0, expect.stringContaining('not JSON')],
    ['file:extra.json', 3, undefined],
    ['file:nightly.csv', 1, undefined],
    [expect.stringMatching(/^pull:http:\/\/127\.0\.0\.1:\d+\/risk\/signals$/), 1, undefined],
  ]);
  expect(first.refusals).toEqual([
    {
      source: 'file:extra.json',
      index: 1,
      status: 404,
      code: 'customer_not_found',
      message: expect.stringContaining('no-such-customer'),
    },
  ]);
  // Each signal opened its customer's case, from the CSV with its details.
  const stored = await h.db.riskSignal.findMany({ where: { idempotencyKey: { in: [keys.a, keys.b, keys.c] } } });
  expect(stored.map((s) => s.customerId).sort()).toEqual([a.id, b.id, c.id].sort());
  expect(stored.every((s) => s.caseId)).toBe(true);
  expect(stored.find((s) => s.idempotencyKey === keys.a)!.details).toEqual({ amount: 25000 });
  // Read files are moved aside; an unreadable one with its reason; other files are left alone.
  expect(readdirSync(dropDir).sort()).toEqual(['failed', 'notes.txt', 'processed']);
  expect(
    readdirSync(join(dropDir, 'processed'))
      .map((f) => f.replace(/^.*Z-/, ''))
      .sort(),
  ).toEqual(['extra.json', 'nightly.csv']);
  const errorFile = readdirSync(join(dropDir, 'failed')).find((f) => f.endsWith('.error.txt'))!;
  expect(readFileSync(join(dropDir, 'failed', errorFile), 'utf8')).toContain('not JSON');

  const listed = (await h.call('GET', '/v1/detection?limit=1', { key: h.keys.supervisor })).body;
  expect(listed.runs).toEqual([first]);

  // The pull feed still answers the same signal: re-read, nothing new opened.
  const second = await sweepNow();
  expect(second.totals).toEqual({ signals: 1, accepted: 0, duplicates: 1, refused: 0 });
  expect(await h.db.case.count({ where: { customerId: c.id } })).toBe(1);
  expect(existsSync(join(dropDir, 'nightly.csv'))).toBe(false);
});

test('GET /v1/detection validates its query and is for supervisors and systems', async () => {
  const bad = await h.call('GET', '/v1/detection?limit=0', { key: h.keys.supervisor });
  expect([bad.status, bad.body.error.code]).toEqual([400, 'validation_failed']);
  expect((await h.call('GET', '/v1/detection', { key: h.keys.agent })).status).toBe(403);
});

test('a drop folder that does not exist is reported on the sweep instead of failing it', async () => {
  const sql = createSql(process.env.HOLDFAST_TEST_DATABASE_URL!);
  try {
    const missing = join(dropDir, 'missing');
    const { sweepSignalFeeds } = createDetection({
      sql,
      detection: { dropDir: missing, apiUrl: h.baseUrl, apiKey: h.keys.system },
    } as unknown as ActivityDeps);
    const summary = await sweepSignalFeeds({ sweepId: uniqueId('sweep'), startedAt: new Date().toISOString() });
    expect(summary.sources).toEqual([
      {
        source: `folder:${missing}`,
        signals: 0,
        accepted: 0,
        duplicates: 0,
        refused: 0,
        error: 'the folder does not exist',
      },
    ]);
  } finally {
    await sql.end();
  }
});
