// The case read on the stack `npm start` runs (its own data directory, API and worker in processes of their
// own, the default log level), measured from outside with autocannon at 32 connections while demo cases run
// through it, against the bare Express + pg server (bench/bare/read-server.ts) reading the same rows, in
// alternating rounds. Goal (issue 35): p99 within 1.5× the bare server's.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpPoster } from '../activities/clients/http-post';
import { createDb, type Db } from '../config/database';
import { freePort } from '../dev/ports';
import { round, say } from './support/measure';
import { fillCases, load, startBareServer, type Result } from './reads';
import { createBenchCustomers, signalBody } from './support/stack';

export interface StartReadsOptions {
  cases: number;
  connections: number;
  seconds: number;
  rounds: number;
  // New demo cases opened a second while the reads run, each for a customer of its own.
  casesPerSecond: number;
}

export const START_READS_DEFAULTS: StartReadsOptions = {
  cases: 20_000,
  connections: 32,
  seconds: 5,
  rounds: 3,
  casesPerSecond: 1,
};

interface StartedStack {
  child: ChildProcess;
  apiUrl: string;
  databaseUrl: string;
  supervisor: string;
  system: string;
  logFile: string;
}

// `npm start`'s entry on a data directory of its own, its output in a file as a terminal would take it (a pipe
// this busy process reads could stall the API's log writes), kept under .data/bench/ after the run. The rate limit is lifted: one key reading
// thousands of times a second is the load, and 600 a minute (the default) would measure 429s.
async function startStack(dataDir: string): Promise<StartedStack> {
  const port = await freePort();
  const logFile = join(__dirname, '..', '.data', 'bench', `npm-start-${process.pid}.log`);
  mkdirSync(join(logFile, '..'), { recursive: true });
  const out = openSync(logFile, 'w');
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'dev', 'start.ts')], {
    env: {
      ...process.env,
      HOLDFAST_DEV_DATA_DIR: dataDir,
      PORT: String(port),
      HOLDFAST_RATE_LIMIT_PER_MINUTE: '1000000',
      HOLDFAST_CPU_PROF_DIR: process.env.BENCH_CPU_PROF ?? '',
    },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  for (const deadline = Date.now() + 180_000; ; await new Promise((r) => setTimeout(r, 500))) {
    const text = readFileSync(logFile, 'utf8');
    if (text.includes('Ctrl-C stops everything.')) {
      const key = (role: string) => new RegExp(`(hf_${role}_[A-Za-z0-9_-]+)`).exec(text)![1]!;
      const { databaseUrl } = JSON.parse(readFileSync(join(dataDir, 'dev-stack.json'), 'utf8')) as {
        databaseUrl: string;
      };
      const apiUrl = `http://127.0.0.1:${port}`;
      return { child, apiUrl, databaseUrl, supervisor: key('supervisor'), system: key('system'), logFile };
    }
    if (exited !== null || Date.now() > deadline)
      throw new Error(`npm start ${exited !== null ? `exited with code ${exited}` : 'did not start'}; see ${logFile}`);
  }
}

// A demo signal a customer of its own, `perSecond` a second: each opens a case that the worker detects,
// assigns and sends a first SMS for (through the API's local sinks), then waits for the agent.
async function demoCases(stack: StartedStack, db: Db, options: StartReadsOptions) {
  const customers = await createBenchCustomers(db, `start-${Date.now()}`, 2_000, 5_580_000_000);
  const post = httpPoster(30_000);
  const headers = { authorization: `Bearer ${stack.system}`, 'content-type': 'application/json' };
  let sent = 0;
  let accepted = 0;
  const timer = setInterval(() => {
    const customer = customers[sent++ % customers.length]!;
    const body = signalBody(customer.id, `bench-start-${customer.id}-${sent}`, 'demo');
    post(new URL('/v1/signals', stack.apiUrl), JSON.stringify(body), headers).then(
      (a) => void (a.status === 202 && accepted++),
      () => undefined,
    );
  }, 1_000 / options.casesPerSecond);
  return () => {
    clearInterval(timer);
    return { sent, accepted };
  };
}

export interface StartReadsRound {
  holdfast: Result;
  bare: Result;
  p99Ratio: number;
  rpsRatio: number;
}

// Alternating rounds, bare first, each after one uncounted second of warm-up on both.
async function measureRounds(stack: StartedStack, bareUrl: string, paths: string[], options: StartReadsOptions) {
  const rounds: StartReadsRound[] = [];
  const auth = { authorization: `Bearer ${stack.supervisor}` };
  const load1 = { ...options, seconds: 1 };
  for (let i = 0; i < options.rounds; i++) {
    // A stack that stopped (a child crashed, its port taken) would be measured as nothing but failures.
    if (stack.child.exitCode !== null || stack.child.signalCode !== null)
      throw new Error(`the npm start stack stopped during the reads; see ${stack.logFile}`);
    say(
      `start-reads: round ${i + 1} of ${options.rounds}, ${options.connections} connections, ${options.seconds} s each`,
    );
    await load(bareUrl, paths, {}, load1);
    const bare = await load(bareUrl, paths, {}, options);
    await load(stack.apiUrl, paths, auth, load1);
    const holdfast = await load(stack.apiUrl, paths, auth, options);
    rounds.push({
      holdfast,
      bare,
      p99Ratio: round(holdfast.p99 / bare.p99, 2),
      rpsRatio: round(holdfast.rps / bare.rps, 2),
    });
    say(
      `start-reads: Holdfast ${holdfast.rps} req/s p99 ${holdfast.p99} ms, bare ${bare.rps} req/s p99 ${bare.p99} ms: p99 ${rounds.at(-1)!.p99Ratio}×, throughput ${rounds.at(-1)!.rpsRatio}×`,
    );
  }
  return rounds;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchStartReads(options: StartReadsOptions) {
  const dataDir = mkdtempSync(join(tmpdir(), 'holdfast-bench-start-'));
  say('start-reads: starting the npm start stack');
  const stack = await startStack(dataDir);
  const db = createDb(stack.databaseUrl);
  let bare: ChildProcess | undefined;
  try {
    const barePort = await freePort();
    bare = await startBareServer(stack.databaseUrl, barePort);
    const paths = (await fillCases({ db }, options.cases)).map((id) => `/v1/cases/${id}`);
    const stopCases = await demoCases(stack, db, options);
    const rounds = await measureRounds(stack, `http://127.0.0.1:${barePort}`, paths, options).finally(() => {
      const { sent, accepted } = stopCases();
      say(`start-reads: ${sent} demo signals sent during the reads, ${accepted} accepted`);
    });
    const p99 = rounds.map((r) => r.p99Ratio);
    const rps = rounds.map((r) => r.rpsRatio);
    const failed = rounds.reduce(
      (n, r) => n + r.holdfast.errors + r.holdfast.non2xx + r.bare.errors + r.bare.non2xx,
      0,
    );
    return { size: options, rounds, p99Ratio: median(p99), rpsRatio: median(rps), failed };
  } finally {
    bare?.kill('SIGTERM');
    await db.$disconnect();
    await stopStack(stack, dataDir);
  }
}

// Ctrl-C, as a person stops it; then its data goes. A temporary folder is closed to the postgres user when we
// are root: its data then lives under /var/lib/holdfast behind a link (dev/postgres-place.ts), and goes too.
async function stopStack(stack: StartedStack, dataDir: string): Promise<void> {
  const exited = new Promise((r) => (stack.child.exitCode !== null ? r(null) : stack.child.once('exit', r)));
  stack.child.kill('SIGINT');
  await exited;
  const pgData = join(dataDir, 'postgres');
  const shared = existsSync(pgData) ? realpathSync(pgData) : undefined;
  rmSync(dataDir, { recursive: true, force: true });
  if (shared && shared !== pgData)
    for (const p of [shared, `${shared}.log`]) rmSync(p, { recursive: true, force: true });
}
