// Benchmark: intake throughput. N signals for N customers posted to POST /v1/signals at a fixed concurrency,
// until every customer's first message reaches the SMS sink; against two baselines on the same Temporal
// server, in the same run, started with a plain client at the same concurrency: (a) a bare workflow running
// one no-op activity, (b) a bare workflow running as many no-op activities as a case runs before its send.
//   npx tsx bench/intake.ts [--signals 200] [--concurrency 16]
// Starts its own Temporal dev server and embedded PostgreSQL (or uses TEMPORAL_ADDRESS / DATABASE_URL); the
// Holdfast worker runs in its own process, as in production. Writes bench/results/intake-<time>.{json,md}.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { createApp } from '../api/app';
import { createApiKey } from '../api/auth';
import { connectApi } from '../api/server';
import { createDb } from '../config/database';
import { createLogger } from '../config/logger';
import { startInfrastructure } from '../dev/infrastructure';
import { freePort } from '../dev/ports';
import { seedReferenceData } from '../dev/seed';
import { startLocalSinks } from '../dev/sinks';

const ROOT = join(__dirname, '..');
const { values: flags } = parseArgs({ options: { signals: { type: 'string', default: '200' }, concurrency: { type: 'string', default: '16' } } });
const N = Number(flags.signals);
const C = Number(flags.concurrency);
const say = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

// Runs `task(i)` for i in 0..n-1 with at most `concurrency` at once, showing progress.
async function pool(n: number, concurrency: number, label: string, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  let done = 0;
  const tick = setInterval(() => say(`${label}: ${done}/${n}`), 2_000);
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) {
      const i = next++;
      await task(i);
      done++;
    }
  }));
  clearInterval(tick);
}

async function bareBaseline(client: Client, address: string, activities: number): Promise<number> {
  const taskQueue = `bench-bare-${Date.now()}`;
  const connection = await (await import('@temporalio/worker')).NativeConnection.connect({ address });
  const worker = await Worker.create({ connection, taskQueue, workflowsPath: require.resolve('./bare/workflows'), activities: { noop: async () => undefined } });
  const started = Date.now();
  await worker.runUntil(
    pool(N, C, activities === 1 ? 'bare (a)' : `bare (b, ${activities} activities)`, async (i) => {
      const id = `${taskQueue}-${i}`;
      const handle = activities === 1
        ? await client.workflow.start('bareOneActivity', { taskQueue, workflowId: id, args: [] })
        : await client.workflow.start('bareActivities', { taskQueue, workflowId: id, args: [activities] });
      await handle.result();
    }),
  );
  await connection.close();
  return N / ((Date.now() - started) / 1000);
}

function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'worker', 'main.ts')], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => line.includes('"worker started"') && resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited with code ${code}`)));
  });
}

async function main(): Promise<void> {
  const infra = await startInfrastructure({ dataDir: join(ROOT, '.data', 'bench'), persistent: false, ui: false, namespace: 'default', temporalAddress: process.env.TEMPORAL_ADDRESS, databaseUrl: process.env.DATABASE_URL, log: say });
  const db = createDb(infra.databaseUrl);
  await seedReferenceData(db);
  const sinks = await startLocalSinks();
  const taskQueue = `bench-holdfast-${Date.now()}`;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const temporal = { address: infra.temporalAddress, namespace: 'default', taskQueue };
  const api = await connectApi({ db, temporal, logger: createLogger('error') });
  const server = createApp({ ...api, rateLimitPerMinute: 10_000_000 }).listen(port, '127.0.0.1');
  const worker = await startWorkerProcess({ ...sinks.env, DATABASE_URL: infra.databaseUrl, TEMPORAL_ADDRESS: infra.temporalAddress, TEMPORAL_TASK_QUEUE: taskQueue, PUBLIC_BASE_URL: baseUrl, LOG_LEVEL: 'info' });
  const client = new Client({ connection: await Connection.connect({ address: infra.temporalAddress }) });
  const key = (await createApiKey(db, { name: 'bench', role: 'system' })).key;

  try {
    const run = `${Date.now()}`;
    const customers = Array.from({ length: N + 1 }, (_, i) => ({ id: `bench-${run}-${i}`, phone: `+1555${String(1_000_000 + i).padStart(7, '0')}` }));
    await db.customer.createMany({ data: customers.map((c) => ({ id: c.id, name: 'Bench Customer', tier: 'mass' as const, timeZone: 'UTC', phone: c.phone, preferredChannels: ['sms'], consentSms: true })) });
    const post = (i: number) => fetch(`${baseUrl}/v1/signals`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ idempotencyKey: `bench-${run}-${i}`, customerId: customers[i]!.id, type: 'large_outflow', severity: 0.9, occurredAt: new Date().toISOString(), playbookId: 'demo' }) });

    // One warm-up case: how many activities a case runs before its first send.
    const warm = (await (await post(N)).json()) as { caseId: string; workflowId: string };
    await sinks.outbox.waitFor((m) => m.kind === 'sms' && m.to === customers[N]!.phone, 120_000);
    const history = await client.workflow.getHandle(warm.workflowId).fetchHistory();
    const scheduled = (history.events ?? []).filter((e) => e.activityTaskScheduledEventAttributes).map((e) => e.activityTaskScheduledEventAttributes!.activityType!.name!);
    const beforeSend = scheduled.indexOf('sendCaseMessage') + 1;
    say(`a case runs ${beforeSend} activities up to and including its first send: ${scheduled.slice(0, beforeSend).join(', ')}`);

    const bareA = await bareBaseline(client, infra.temporalAddress, 1);
    const bareB = await bareBaseline(client, infra.temporalAddress, beforeSend);

    const accepted: number[] = [];
    const firstContact: number[] = [];
    const arrivals = customers.slice(0, N).map((c) => sinks.outbox.waitFor((m) => m.kind === 'sms' && m.to === c.phone, 600_000).then(() => Date.now()));
    const started = Date.now();
    await pool(N, C, 'holdfast signals', async (i) => {
      const t0 = Date.now();
      const res = await post(i);
      if (res.status !== 202) throw new Error(`signal ${i}: ${res.status} ${await res.text()}`);
      accepted[i] = Date.now() - t0;
      void arrivals[i]!.then((at) => (firstContact[i] = at - t0));
    });
    const acceptedSeconds = (Date.now() - started) / 1000;
    await Promise.all(arrivals);
    const contactSeconds = (Date.now() - started) / 1000;

    const holdfast = N / contactSeconds;
    const result = {
      at: new Date().toISOString(),
      machine: { cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
      size: { signals: N, concurrency: C },
      activitiesToFirstSend: beforeSend,
      bareOneActivityPerSecond: +bareA.toFixed(1),
      bareToFirstSendPerSecond: +bareB.toFixed(1),
      signalsAcceptedPerSecond: +(N / acceptedSeconds).toFixed(1),
      casesToFirstContactPerSecond: +holdfast.toFixed(1),
      ratioToPhysicalLimit: +(holdfast / bareA).toFixed(2),
      ratioToBareSameActivities: +(holdfast / bareB).toFixed(2),
      acceptMs: { p50: percentile(accepted, 50), p99: percentile(accepted, 99) },
      firstContactMs: { p50: percentile(firstContact, 50), p95: percentile(firstContact, 95), p99: percentile(firstContact, 99) },
    };
    const table = [
      '| measure | value |', '|---|---|',
      `| bare (a): one activity, workflows/s | ${result.bareOneActivityPerSecond} |`,
      `| bare (b): ${beforeSend} activities, workflows/s | ${result.bareToFirstSendPerSecond} |`,
      `| Holdfast: signals accepted/s | ${result.signalsAcceptedPerSecond} |`,
      `| Holdfast: cases to first contact/s | ${result.casesToFirstContactPerSecond} |`,
      `| ratio to (a), the physical limit | ${result.ratioToPhysicalLimit}× |`,
      `| ratio to (b) | ${result.ratioToBareSameActivities}× |`,
      `| 202 latency p50 / p99 | ${result.acceptMs.p50} / ${result.acceptMs.p99} ms |`,
      `| signal → first SMS p50 / p95 / p99 | ${result.firstContactMs.p50} / ${result.firstContactMs.p95} / ${result.firstContactMs.p99} ms |`,
    ].join('\n');
    const header = `Intake benchmark, ${result.at}: ${N} signals at concurrency ${C}; ${result.machine.cores} cores, ${result.machine.memoryGiB} GiB, Node ${result.machine.node}`;
    console.log(`${header}\n\n${table}`);
    const dir = join(ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `intake-${run}.json`), JSON.stringify(result, null, 2));
    writeFileSync(join(dir, `intake-${run}.md`), `${header}\n\n${table}\n`);
  } finally {
    worker.kill('SIGTERM');
    await new Promise((r) => server.close(r));
    await api.close();
    await sinks.close();
    await db.$disconnect();
    await infra.stop();
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
