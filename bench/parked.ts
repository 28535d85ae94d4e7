// Parked cases: N open cases waiting on a person (the agent's contact outcome, with a 30-day SLA): worker and
// Temporal server memory, PostgreSQL size and memory per parked case; then every case answered at once
// (a refusal, which closes it) and the time until all of them have moved on. Baseline: the same processes
// before the cases were opened.
import { pool, round, rssMiB, say, waitUntil } from './support/measure';
import { type BenchStack, createBenchCustomers, postSignal } from './support/stack';

export interface ParkedOptions {
  cases: number;
  concurrency: number;
}

const databaseMiB = async (stack: BenchStack) => {
  const [row] = await stack.db.$queryRawUnsafe<{ size: bigint }[]>(
    'SELECT pg_database_size(current_database()) AS size',
  );
  return Math.round(Number(row!.size) / 2 ** 20);
};

// Half the worker's default cache (HOLDFAST_WORKER_CACHED_WORKFLOWS).
const PARKING_WAVE = 250;

export async function benchParked(stack: BenchStack, options: ParkedOptions) {
  const n = options.cases;
  const run = `${Date.now()}`;
  const customers = await createBenchCustomers(stack.db, `parked-${run}`, n, 5_580_000_000);
  const before = {
    workerMiB: rssMiB(stack.worker.pid),
    temporalMiB: rssMiB(stack.temporalPid),
    databaseMiB: await databaseMiB(stack),
  };

  const prefix = `bench-parked-${run}-%`;
  const parkedCount = async () => {
    const [row] = await stack.db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM cases c WHERE c.customer_id LIKE $1 AND c.status = 'open' AND c.stage = 'contacting'`,
      prefix,
    );
    return Number(row!.n);
  };
  // Parked cases build up over weeks, not in one burst: they are opened in waves the worker's cache holds
  // (a burst larger than the cache makes the worker replay evicted cases as they move; see the intake figures).
  for (let from = 0; from < n; from += PARKING_WAVE) {
    const size = Math.min(PARKING_WAVE, n - from);
    await pool(size, options.concurrency, `parked: signals ${from + 1}-${from + size}`, async (j) => {
      const i = from + j;
      const res = await postSignal(stack, customers[i]!.id, `bench-parked-${run}-${i}`);
      if (res.status !== 202) throw new Error(`signal ${i}: ${res.status} ${res.body}`);
    });
    await waitUntil(
      'parked: cases waiting on the agent',
      async () => {
        const parked = await parkedCount();
        return { done: parked === from + size, progress: `${parked}/${n}` };
      },
      10 * 60_000,
    );
  }
  // Let the worker settle (the cache holds what it holds) before reading memory.
  await new Promise((r) => setTimeout(r, 5_000));
  const parked = {
    workerMiB: rssMiB(stack.worker.pid),
    temporalMiB: rssMiB(stack.temporalPid),
    databaseMiB: await databaseMiB(stack),
  };
  say(
    `parked: ${n} cases; worker ${before.workerMiB} → ${parked.workerMiB} MiB, Temporal ${before.temporalMiB} → ${parked.temporalMiB} MiB`,
  );

  const cases = await stack.db.case.findMany({
    where: { customerId: { startsWith: `bench-parked-${run}-` }, status: 'open' },
    select: { id: true },
  });
  const started = Date.now();
  let answerErrors = 0;
  let retried = 0;
  // As a bank's bulk client would: one Idempotency-Key per answer, and a 503 (workers busy replaying evicted
  // cases) sent again after its Retry-After, which joins the first answer instead of giving it twice.
  await pool(cases.length, options.concurrency, 'parked: answering', async (i) => {
    for (let attempt = 1; ; attempt++) {
      const res = await fetch(`${stack.apiUrl}/v1/cases/${cases[i]!.id}/contact-outcome`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${stack.keys.supervisor}`,
          'content-type': 'application/json',
          'idempotency-key': `bench-${cases[i]!.id}`,
        },
        // A refusal carries a churn reason of the seeded catalogue (dev/seed.ts).
        body: JSON.stringify({
          channel: 'phone',
          outcome: 'refused',
          reason: { code: 'other', note: 'bench: parked case refused' },
        }),
      });
      await res.arrayBuffer();
      if (res.status === 503 && attempt < 20) {
        retried++;
        await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 5) * 1000));
        continue;
      }
      if (res.status !== 200) answerErrors++;
      return;
    }
  });
  await waitUntil(
    'parked: cases moved on',
    async () => {
      const [row] = await stack.db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM cases WHERE customer_id LIKE $1 AND status = 'open'`,
        prefix,
      );
      return { done: Number(row!.n) === 0, progress: `${n - Number(row!.n)}/${n} closed` };
    },
    30 * 60_000,
  );
  const answeredSeconds = (Date.now() - started) / 1000;
  return {
    size: options,
    before,
    parked,
    workerKiBPerCase: round(((parked.workerMiB - before.workerMiB) * 1024) / n),
    temporalKiBPerCase: round(((parked.temporalMiB - before.temporalMiB) * 1024) / n),
    databaseKiBPerCase: round(((parked.databaseMiB - before.databaseMiB) * 1024) / n),
    answerErrors,
    answersRetried: retried,
    allMovedOnSeconds: round(answeredSeconds),
    movedOnPerSecond: round(n / answeredSeconds),
  };
}
