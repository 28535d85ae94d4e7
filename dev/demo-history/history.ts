// `npm start`'s first look: 90 days of a bank's retention work, written on a fresh database through the paths
// a bank's own data takes (customer import, the intake's store, experiment assignment, the case store's
// transition, churn-reason recording, the model's training, upload and activation, the experiment review), with
// each case's times its own. Nothing runs for 90 days: the cases are written closed. Skipped when the database
// already has a case (a second start adds nothing) or when HOLDFAST_DEMO_HISTORY=off.
import { recordChurnReason } from '../../api/services/churn-reasons';
import type { Principal } from '../../api/services/principal';
import type { Db } from '../../config/database';
import type { Sql } from '../../config/sql';
import { PLAYBOOKS } from '../seed';
import { importDemoCustomers, demoCustomers, type DemoCustomer } from './customers';
import { writeStories, type StoredStory } from './case-writer';
import {
  addYoungProfessionalsPlaybook,
  dateDemoExperiment,
  reviewDemoExperiments,
  startDemoExperiment,
  YOUNG_PLAYBOOK,
} from './experiments';
import { activeDemoModel, modelOrFeedSignal } from './model';
import { drawChurnReason, drawFrom, storiesFor, type Draw } from './plan';

export interface DemoHistory {
  customers: number;
  cases: number;
  promotedArm: string | null;
  seconds: number;
}

const HISTORY_BY: Principal = { keyId: 'demo-history', name: 'demo history (npm start)', role: 'admin' };
const SUPERVISOR: Principal = { keyId: 'demo-history', name: 'Rosa Jiménez', role: 'supervisor' };
const SEED = 20261201;

async function databaseHasCases(sql: Sql): Promise<boolean> {
  const { rows } = await sql.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM cases) AS any');
  return rows[0]!.any;
}

// A churned case has no reason until a supervisor records one (PUT /v1/cases/:id/churn-reason); most get one.
async function recordChurnReasons(db: Db, stories: StoredStory[], draw: Draw): Promise<void> {
  for (const s of stories.filter((s) => s.outcome === 'churned'))
    if (draw() < 0.85) await recordChurnReason(db, SUPERVISOR, s.caseId, drawChurnReason(draw));
}

// Young professionals: the finished experiment (days 90 to 32 ago: 30% retained on version 1, 52% on version
// 2), the review's promotion, then the running one (days 30 to 1 ago) at nearly equal rates.
async function experimentCases(db: Db, sql: Sql, customers: DemoCustomer[], now: Date, draw: Draw) {
  await addYoungProfessionalsPlaybook(db, HISTORY_BY);
  const shared = { holdoutPercent: 0, observeDays: 0, churnedShare: 0 };
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const first = await startDemoExperiment(db, sql, HISTORY_BY, { control: 1, challenger: 2, minSamplePerArm: 300 });
  const finished = await storiesFor(
    {
      ...shared,
      playbook: { id: YOUNG_PLAYBOOK, version: 1 },
      experiments: first.live,
      fromDaysAgo: 90,
      toDaysAgo: 32,
      // Customers split between arms by a hash of the experiment's (random) id, so each start draws its own
      // sample; a 22-point lift keeps the sequential test's verdict a clear winner on every start (at 15 points
      // about one start in twenty fell short of it, and the running experiment could not start).
      retainedShare: (v) => (v === 2 ? 0.52 : 0.3),
    },
    customers.slice(0, 800),
    now,
    draw,
  );
  await writeStories({ sql, db }, finished);
  const [promotedArm = null] = await reviewDemoExperiments(db, sql, HISTORY_BY);
  await dateDemoExperiment(sql, first.id, daysAgo(91), daysAgo(31));
  const second = await startDemoExperiment(db, sql, HISTORY_BY, { control: 2, challenger: 3, minSamplePerArm: 400 });
  const running = await storiesFor(
    {
      ...shared,
      playbook: { id: YOUNG_PLAYBOOK, version: 2 },
      experiments: second.live,
      fromDaysAgo: 30,
      toDaysAgo: 0,
      retainedShare: (v) => (v === 3 ? 0.47 : 0.45),
    },
    customers.slice(800),
    now,
    draw,
  );
  await writeStories({ sql, db }, running);
  await dateDemoExperiment(sql, second.id, daysAgo(31));
  return { cases: finished.length + running.length, promotedArm };
}

export async function fillDemoHistory(db: Db, sql: Sql, now: Date): Promise<DemoHistory | undefined> {
  if (await databaseHasCases(sql)) return undefined;
  const started = Date.now();
  const draw = drawFrom(SEED);
  const customers = demoCustomers(2000, SEED);
  await importDemoCustomers(sql, customers, HISTORY_BY);
  const young = customers.filter((c) => c.segment === 'young-professional');
  const others = customers.filter((c) => c.segment !== 'young-professional');
  const model = await activeDemoModel(db, HISTORY_BY, new Date(now.getTime() - 91 * 86_400_000));
  const standard = PLAYBOOKS.standard!;
  const standardVersion = await db.playbookVersion.findFirstOrThrow({
    where: { playbookId: 'standard' },
    orderBy: { version: 'desc' },
  });
  const everyday = await storiesFor(
    {
      playbook: { id: 'standard', version: standardVersion.version },
      holdoutPercent: standard.holdout?.percent ?? 0,
      observeDays: 30,
      experiments: [],
      fromDaysAgo: 90,
      toDaysAgo: 0,
      retainedShare: () => 0.42,
      churnedShare: 0.35,
    },
    others.slice(0, 500),
    now,
    draw,
    modelOrFeedSignal(model, standard.detect.actionThreshold),
  );
  await writeStories({ sql, db }, everyday);
  await recordChurnReasons(db, everyday, draw);
  const experiments = await experimentCases(db, sql, young, now, draw);
  return {
    customers: customers.length,
    cases: everyday.length + experiments.cases,
    promotedArm: experiments.promotedArm,
    seconds: (Date.now() - started) / 1000,
  };
}
