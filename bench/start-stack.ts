// `npm run bench:start`: a case read on the stack `npm start` runs (API and worker in processes of their own),
// measured from outside with autocannon against the bare Express + pg server on the same database, in
// alternating rounds, while a trickle of demo signals keeps the worker busy. Goal (issue 25): ≥ 0.7×.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDb } from '../config/database';
import { freePort } from '../dev/ports';
import { round, say } from './support/measure';
import { fillCases, load, startBareServer, type Result } from './reads';

const { values: flags } = parseArgs({
  options: {
    cases: { type: 'string', default: '20000' },
    connections: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
  },
});
const options = {
  cases: Number(flags.cases),
  connections: Number(flags.connections),
  seconds: Number(flags.seconds),
  rounds: Number(flags.rounds),
};

// Starts `npm start`'s entry on a data directory of its own; resolves with its keys once it says it runs.
async function startStack(dataDir: string, port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'dev', 'start.ts')], {
    env: { ...process.env, HOLDFAST_DEV_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ctrl-C stops everything.')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`npm start exited with code ${code}:\n${out}`)));
  });
  const key = (role: string) => new RegExp(`(hf_${role}_[A-Za-z0-9_-]+)`).exec(out)![1]!;
  return { child, supervisor: key('supervisor'), system: key('system') };
}

// Demo signals for the demo customers, one a second: cases keep moving through the worker while we read.
function trickle(apiUrl: string, systemKey: string): () => void {
  let n = 0;
  const timer = setInterval(() => {
    const body = {
      idempotencyKey: `bench-start-${Date.now()}-${n++}`,
      customerId: `cust-100${1 + (n % 4)}`,
      type: 'large_outflow',
      severity: 0.9,
      occurredAt: new Date().toISOString(),
      playbookId: 'demo',
    };
    void fetch(`${apiUrl}/v1/signals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${systemKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).catch(() => undefined);
  }, 1_000);
  return () => clearInterval(timer);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'holdfast-bench-start-'));
  const port = await freePort();
  say('bench:start: starting the npm start stack');
  const stack = await startStack(dataDir, port);
  const apiUrl = `http://127.0.0.1:${port}`;
  const { databaseUrl } = JSON.parse(readFileSync(join(dataDir, 'dev-stack.json'), 'utf8')) as { databaseUrl: string };
  const db = createDb(databaseUrl);
  const barePort = await freePort();
  const bare = await startBareServer(databaseUrl, barePort);
  const stopTrickle = trickle(apiUrl, stack.system);
  try {
    say(`bench:start: inserting ${options.cases} cases`);
    const paths = (await fillCases({ db }, options.cases)).map((id) => `/v1/cases/${id}`);
    const rounds: { holdfast: Result; bare: Result }[] = [];
    for (let i = 0; i < options.rounds; i++) {
      say(
        `bench:start: round ${i + 1} of ${options.rounds}, ${options.connections} connections, ${options.seconds} s each`,
      );
      const warm = { ...options, seconds: 1 };
      await load(`http://127.0.0.1:${barePort}`, paths, {}, warm);
      const b = await load(`http://127.0.0.1:${barePort}`, paths, {}, options);
      await load(apiUrl, paths, { authorization: `Bearer ${stack.supervisor}` }, warm);
      const h = await load(apiUrl, paths, { authorization: `Bearer ${stack.supervisor}` }, options);
      rounds.push({ holdfast: h, bare: b });
    }
    const ratios = rounds.map((r) => r.holdfast.rps / r.bare.rps).sort((a, b) => a - b);
    const median = rounds.find((r) => r.holdfast.rps / r.bare.rps === ratios[Math.floor(ratios.length / 2)])!;
    console.log(
      `| case read on npm start | Holdfast ${median.holdfast.rps} req/s, p99 ${median.holdfast.p99} ms | bare ${median.bare.rps} req/s, p99 ${median.bare.p99} ms | ${round(ratios[Math.floor(ratios.length / 2)]!, 2)}× (rounds: ${ratios.map((r) => round(r, 2)).join(', ')}) |`,
    );
  } finally {
    stopTrickle();
    bare.kill('SIGTERM');
    await db.$disconnect();
    const exited = new Promise((r) => stack.child.once('exit', r));
    stack.child.kill('SIGINT');
    await exited;
    // A temporary folder is closed to the postgres user when we are root: its data then lives under
    // /var/lib/holdfast behind a link (dev/postgres-place.ts), and goes too.
    const pgData = join(dataDir, 'postgres');
    const shared = existsSync(pgData) ? realpathSync(pgData) : undefined;
    rmSync(dataDir, { recursive: true, force: true });
    if (shared && shared !== pgData) {
      for (const p of [shared, `${shared}.log`]) rmSync(p, { recursive: true, force: true });
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
