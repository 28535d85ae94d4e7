// Intake throughput: N signals for N new customers posted at a fixed concurrency (one per request, or in
// batches through /v1/signals/batch) until every customer's first SMS reaches the sink; against two
// baselines on the same Temporal server, in the same run, started with a plain client at the same
// concurrency: (a) a bare workflow running one no-op activity (the send: the physical limit), (b) a bare
// workflow running as many no-op activities as a case runs up to its first send.
import { NativeConnection, Worker } from '@temporalio/worker';
import { type BenchStack, createBenchCustomers, postJson, postSignal, signalBody } from './support/stack';
import { workflowCacheCounts } from './support/workflow-cache';
import { resetStatements, statements, topStatements } from './support/statements';
import { cpuMsPer, cpuSnapshot, percentile, pool, round, say, settle } from './support/measure';
import { SmsArrivals } from './support/arrivals';
import { startBenchExperiment } from './support/experiment-load';

export interface IntakeOptions {
  signals: number;
  concurrency: number;
}

// Runs the bare workflow n times at the given concurrency on its own task queue; workflows per second. The
// worker first runs `concurrency` untimed workflows, as Holdfast runs `concurrency` untimed cases.
export async function bareBaseline(stack: BenchStack, n: number, concurrency: number, activities: number) {
  const taskQueue = `bench-bare-${Date.now()}`;
  const connection = await NativeConnection.connect({ address: stack.temporalAddress });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowsPath: require.resolve('./bare/workflows'),
    activities: { noop: async () => undefined },
    dataConverter: { payloadCodecs: [stack.payloadCodec] },
  });
  const label = activities === 1 ? 'bare (a)' : `bare (b, ${activities} activities)`;
  const runOne = async (id: string) => {
    const handle =
      activities === 1
        ? await stack.client.workflow.start('bareOneActivity', {
            taskQueue,
            workflowId: `${taskQueue}-${id}`,
            args: [],
          })
        : await stack.client.workflow.start('bareActivities', {
            taskQueue,
            workflowId: `${taskQueue}-${id}`,
            args: [activities],
          });
    await handle.result();
  };
  let cpuBefore = cpuSnapshot({ temporal: stack.temporalPid });
  let started = 0;
  await worker.runUntil(async () => {
    await pool(concurrency, concurrency, `${label} warm-up`, (i) => runOne(`warm-${i}`));
    cpuBefore = cpuSnapshot({ temporal: stack.temporalPid });
    started = Date.now();
    await pool(n, concurrency, label, (i) => runOne(String(i)));
  });
  const perSecond = n / ((Date.now() - started) / 1000);
  const cpuMs = cpuMsPer(cpuBefore, cpuSnapshot({ temporal: stack.temporalPid }), n);
  await connection.close();
  return { perSecond, cpuMs };
}

// The physical limit, measured before, between and after Holdfast's runs; the median is the baseline.
function medianRun<T extends { perSecond: number }>(runs: T[]): T {
  return [...runs].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(runs.length / 2)]!;
}

// What a case does up to its first send, from its history: regular activities and local ones (markers).
export async function stepsToFirstSend(stack: BenchStack, workflowId: string) {
  const history = await stack.client.workflow.getHandle(workflowId).fetchHistory();
  const steps: string[] = [];
  let workflowTasks = 0;
  for (const e of history.events ?? []) {
    if (e.workflowTaskCompletedEventAttributes) workflowTasks++;
    const scheduled = e.activityTaskScheduledEventAttributes?.activityType?.name;
    if (scheduled) steps.push(scheduled);
    if (e.markerRecordedEventAttributes?.markerName === 'core_local_activity') steps.push('local');
    if (scheduled === 'sendCaseMessage') break;
  }
  return { activities: steps.length, remote: steps.filter((s) => s !== 'local').length, workflowTasks };
}

export async function benchIntake(stack: BenchStack, options: IntakeOptions) {
  const { signals: n, concurrency } = options;
  const run = `${Date.now()}`;
  const customers = await createBenchCustomers(stack.db, `intake-${run}`, n * 5 + concurrency, 5_550_000_000);
  const arrivals = new SmsArrivals(stack.sinks.outbox);
  // A closed-loop burst queues most cases far beyond the API: the last of 20,000 waits many minutes.
  const firstSms = (phone: string) => arrivals.first(phone, Math.max(900_000, n * 200));

  // Untimed warm-up cases, as many as the bare worker's (the API, the worker and their code paths warm up alike);
  // the first tells how many activities a case runs before its first send.
  const warmUp = customers.slice(5 * n);
  const warmIds: string[] = [];
  await pool(warmUp.length, concurrency, 'holdfast warm-up', async (i) => {
    warmIds[i] = (
      JSON.parse((await postSignal(stack, warmUp[i]!.id, `bench-${run}-warm-${i}`)).body) as { workflowId: string }
    ).workflowId;
    await firstSms(warmUp[i]!.phone);
  });
  const steps = await stepsToFirstSend(stack, warmIds[0]!);
  say(
    `a case runs ${steps.activities} activities (${steps.remote} through the task queue) in ${steps.workflowTasks} workflow tasks up to its first send`,
  );

  // Every run starts on a quiet stack (settle), the bare ones too.
  const pids = { worker: stack.worker.pid, api: stack.api.pid, temporal: stack.temporalPid };
  await settle(pids);
  const bareRuns = [await bareBaseline(stack, n, concurrency, 1)];
  await settle(pids);
  const bareB = await bareBaseline(stack, n, concurrency, steps.activities);

  // One request per signal.
  await settle(pids);
  await resetStatements(stack);
  const cacheBefore = await workflowCacheCounts(stack);
  const cpuBefore = cpuSnapshot(pids);
  const single = await driveIntake(
    n,
    concurrency,
    'holdfast signals',
    (i) => customers[i]!,
    firstSms,
    async (i) => {
      const res = await postSignal(stack, customers[i]!.id, `bench-${run}-${i}`);
      if (res.status !== 202) throw new Error(`signal ${i}: ${res.status} ${res.body}`);
    },
  );
  const cpuMsPerCase = cpuMsPer(cpuBefore, cpuSnapshot(pids), n);
  // Every statement of the run (the CRM relay's included), per case; and those that took PostgreSQL longest.
  const sqlPerCase = round((await statements(stack)) / n, 1);
  const topSql = await topStatements(stack, 6);
  // Cache misses per case: each one is a replay of the case's history (a burst larger than the cache).
  const cacheAfter = await workflowCacheCounts(stack);
  const cacheMissesPerCase = round((cacheAfter.misses - cacheBefore.misses) / n, 2);
  const underExperiment = await intakeUnderExperiment(stack, customers.slice(2 * n, 5 * n), single, {
    run,
    concurrency,
    firstSms,
    pids,
  });
  await settle(pids);
  bareRuns.push(await bareBaseline(stack, n, concurrency, 1));
  // The same through /v1/signals/batch, 50 signals a request.
  const perBatch = 50;
  const batches = Math.ceil(n / perBatch);
  await settle(pids);
  const batched = await driveIntake(
    batches,
    Math.max(1, Math.floor(concurrency / 8)),
    'holdfast batches',
    (i) => customers.slice(n + i * perBatch, n + Math.min(n, (i + 1) * perBatch)),
    firstSms,
    async (b) => {
      const items = customers.slice(n + b * perBatch, n + Math.min(n, (b + 1) * perBatch));
      const res = await postJson(stack, '/v1/signals/batch', {
        signals: items.map((c) => signalBody(c.id, `bench-${run}-${c.id}`)),
      });
      const body = JSON.parse(res.body) as { results?: { status: number }[] };
      if (res.status !== 200 || body.results?.some((r) => r.status !== 202))
        throw new Error(`batch ${b}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    },
    n,
  );
  arrivals.close();
  await settle(pids);
  bareRuns.push(await bareBaseline(stack, n, concurrency, 1));
  const bareA = medianRun(bareRuns);
  say(
    `CPU ms per case: ${JSON.stringify(cpuMsPerCase)}; SQL statements per case: ${sqlPerCase}; workflow cache misses per case: ${cacheMissesPerCase} (hits ${round((cacheAfter.hits - cacheBefore.hits) / n, 2)}); bare (a) per workflow: ${JSON.stringify(bareA.cpuMs)}; bare (a) runs: ${bareRuns.map((r) => round(r.perSecond)).join(', ')}/s`,
  );

  return {
    size: { signals: n, concurrency },
    activitiesToFirstSend: steps.activities,
    taskQueueActivitiesToFirstSend: steps.remote,
    workflowTasksToFirstSend: steps.workflowTasks,
    bareOneActivityPerSecond: round(bareA.perSecond),
    bareOneActivityRunsPerSecond: bareRuns.map((r) => round(r.perSecond)),
    bareToFirstSendPerSecond: round(bareB.perSecond),
    cpuMsPerCase,
    sqlPerCase,
    cacheMissesPerCase,
    topSql,
    cpuMsPerBareWorkflow: bareA.cpuMs,
    single: {
      ...single,
      ratioToPhysicalLimit: round(single.casesToFirstContactPerSecond / bareA.perSecond, 2),
      ratioToBareSameActivities: round(single.casesToFirstContactPerSecond / bareB.perSecond, 2),
    },
    underExperiment,
    batch: { ...batched, ratioToPhysicalLimit: round(batched.casesToFirstContactPerSecond / bareA.perSecond, 2) },
  };
}

type IntakeRun = Awaited<ReturnType<typeof driveIntake>>;

// What opening a case under a running experiment costs (goal: at most 5%): runs alternate, plain and under
// the experiment, n signals each, so that drift in the machine's speed falls on both alike; the first plain
// run is the one measured above. Compared: the means of cases to first contact per second and of the
// signal's accept time.
async function intakeUnderExperiment(
  stack: BenchStack,
  customers: { id: string; phone: string }[],
  firstPlain: IntakeRun,
  o: {
    run: string;
    concurrency: number;
    firstSms: (phone: string) => Promise<number>;
    pids: Parameters<typeof settle>[0];
  },
) {
  const n = customers.length / 3;
  const drive = async (from: number, label: string) => {
    await settle(o.pids);
    return driveIntake(
      n,
      o.concurrency,
      label,
      (i) => customers[from + i]!,
      o.firstSms,
      async (i) => {
        const res = await postSignal(stack, customers[from + i]!.id, `bench-${o.run}-x-${from + i}`);
        if (res.status !== 202) throw new Error(`signal ${i}: ${res.status} ${res.body}`);
      },
    );
  };
  const plain = [firstPlain];
  const experiment: IntakeRun[] = [];
  for (const [i, from] of [0, n, 2 * n].entries()) {
    if (i % 2 === 1) plain.push(await drive(from, 'holdfast signals (plain)'));
    else {
      const running = await startBenchExperiment(stack);
      experiment.push(await drive(from, 'holdfast signals (under an experiment)'));
      await running.stop();
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const perSecond = (runs: IntakeRun[]) => mean(runs.map((r) => r.casesToFirstContactPerSecond));
  const acceptP50 = (runs: IntakeRun[]) => mean(runs.map((r) => r.acceptMs.p50));
  const result = {
    plainPerSecond: plain.map((r) => r.casesToFirstContactPerSecond),
    experimentPerSecond: experiment.map((r) => r.casesToFirstContactPerSecond),
    plainAcceptP50Ms: plain.map((r) => r.acceptMs.p50),
    experimentAcceptP50Ms: experiment.map((r) => r.acceptMs.p50),
    // Above 1: slower under the experiment. Goal: at most 1.05.
    throughputCostRatio: round(perSecond(plain) / perSecond(experiment), 3),
    acceptTimeRatio: round(acceptP50(experiment) / acceptP50(plain), 3),
  };
  say(`intake under an experiment: ${JSON.stringify(result)}`);
  return result;
}

// Posts `requests` requests (each for one or several customers) and waits for every customer's first SMS.
async function driveIntake<C extends { phone: string }>(
  requests: number,
  concurrency: number,
  label: string,
  customersOf: (i: number) => C | C[],
  firstSms: (phone: string) => Promise<number>,
  post: (i: number) => Promise<void>,
  signals = requests,
) {
  const accepted: number[] = [];
  const toContact: number[] = [];
  const arrivals: Promise<void>[] = [];
  const started = Date.now();
  await pool(requests, concurrency, label, async (i) => {
    const t0 = Date.now();
    const forThis = [customersOf(i)].flat();
    arrivals.push(...forThis.map((c) => firstSms(c.phone).then((at) => void toContact.push(at - t0))));
    await post(i);
    accepted.push(Date.now() - t0);
  });
  const acceptedSeconds = (Date.now() - started) / 1000;
  await Promise.all(arrivals);
  const contactSeconds = (Date.now() - started) / 1000;
  return {
    signalsAcceptedPerSecond: round(signals / acceptedSeconds),
    casesToFirstContactPerSecond: round(signals / contactSeconds),
    acceptMs: { p50: percentile(accepted, 50), p99: percentile(accepted, 99) },
    firstContactMs: { p50: percentile(toContact, 50), p95: percentile(toContact, 95), p99: percentile(toContact, 99) },
  };
}
