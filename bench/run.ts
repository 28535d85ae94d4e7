// `npm run bench`: every benchmark at a small size against one stack it starts itself (or DATABASE_URL /
// TEMPORAL_ADDRESS), printing a table of ratios against baselines measured in the same run, and writing it
// as JSON and Markdown under bench/results/. Sizes come from flags, so the same script runs the full size:
//   npm run bench -- --signals 20000 --concurrency 64 --rate 20 --seconds 120 --read-cases 200000 --parked 10000 --import-rows 100000
//   npm run bench -- --only intake,costs
// `start-reads` runs first, on a stack of its own (`npm start`'s), before the benchmarks' stack starts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchCosts } from './costs';
import { benchImport } from './import';
import { benchIntake } from './intake';
import { benchLatency } from './latency';
import { benchParked } from './parked';
import { benchReads } from './reads';
import { benchStartReads, START_READS_DEFAULTS } from './start-reads';
import { renderMarkdown } from './support/report';
import { machine, say } from './support/measure';
import { startBenchStack } from './support/stack';

const ALL = ['start-reads', 'import', 'costs', 'intake', 'latency', 'parked', 'reads'] as const;
const { values: flags } = parseArgs({
  options: {
    only: { type: 'string', default: ALL.join(',') },
    signals: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '16' },
    rate: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '20' },
    'read-cases': { type: 'string', default: '50000' },
    connections: { type: 'string', default: '64' },
    'read-seconds': { type: 'string', default: '4' },
    parked: { type: 'string', default: '1000' },
    'import-rows': { type: 'string', default: '20000' },
    'start-cases': { type: 'string', default: String(START_READS_DEFAULTS.cases) },
    'start-connections': { type: 'string', default: String(START_READS_DEFAULTS.connections) },
    'start-seconds': { type: 'string', default: String(START_READS_DEFAULTS.seconds) },
    'start-rounds': { type: 'string', default: String(START_READS_DEFAULTS.rounds) },
  },
});
const num = (name: keyof typeof flags) => {
  const value = Number(flags[name]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got ${flags[name]}`);
  return value;
};

async function main(): Promise<void> {
  const only = new Set(
    String(flags.only)
      .split(',')
      .map((s) => s.trim()),
  );
  for (const name of only)
    if (!(ALL as readonly string[]).includes(name)) throw new Error(`--only takes ${ALL.join(', ')}; got ${name}`);
  const started = Date.now();
  const results: Record<string, unknown> = { at: new Date().toISOString(), machine: machine() };
  if (only.has('start-reads'))
    results.startReads = await benchStartReads({
      cases: num('start-cases'),
      connections: num('start-connections'),
      seconds: num('start-seconds'),
      rounds: num('start-rounds'),
      casesPerSecond: START_READS_DEFAULTS.casesPerSecond,
    });
  if ([...only].some((name) => name !== 'start-reads')) await benchOnStack(only, results);
  results.totalSeconds = Math.round((Date.now() - started) / 1000);
  const markdown = renderMarkdown(results);
  console.log(markdown);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = String(results.at).replace(/[:.]/g, '-');
  writeFileSync(join(dir, `bench-${stamp}.json`), JSON.stringify(results, null, 2));
  writeFileSync(join(dir, `bench-${stamp}.md`), markdown);
  say(`written bench/results/bench-${stamp}.{json,md}`);
}

// Every benchmark but start-reads, against one stack started for them.
async function benchOnStack(only: Set<string>, results: Record<string, unknown>): Promise<void> {
  const stack = await startBenchStack();
  try {
    // First, while the stack is idle: an import runs on its own, not beside a burst of cases.
    if (only.has('import')) results.import = await benchImport(stack, { rows: num('import-rows') });
    if (only.has('costs')) results.costs = await benchCosts(stack);
    if (only.has('intake'))
      results.intake = await benchIntake(stack, { signals: num('signals'), concurrency: num('concurrency') });
    if (only.has('latency'))
      results.latency = await benchLatency(stack, { rate: num('rate'), seconds: num('seconds') });
    if (only.has('parked'))
      results.parked = await benchParked(stack, { cases: num('parked'), concurrency: num('concurrency') });
    // Last: its "during intake" load leaves a thousand or more cases still moving when it stops, which the
    // parked cases would otherwise wait behind.
    if (only.has('reads'))
      results.reads = await benchReads(stack, {
        cases: num('read-cases'),
        connections: num('connections'),
        seconds: num('read-seconds'),
      });
  } finally {
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
