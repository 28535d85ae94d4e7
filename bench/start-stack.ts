// `npm run bench:start`: the case read on the `npm start` stack alone (bench/start-reads.ts; `npm run bench`
// runs it too), printing each round and the median ratios. Flags: --cases, --connections, --seconds, --rounds,
// --cases-per-second.
import { parseArgs } from 'node:util';
import { benchStartReads, START_READS_DEFAULTS } from './start-reads';
import { renderMarkdown } from './support/report';
import { machine } from './support/measure';

const { values: flags } = parseArgs({
  options: Object.fromEntries(
    Object.entries({
      cases: START_READS_DEFAULTS.cases,
      connections: START_READS_DEFAULTS.connections,
      seconds: START_READS_DEFAULTS.seconds,
      rounds: START_READS_DEFAULTS.rounds,
      'cases-per-second': START_READS_DEFAULTS.casesPerSecond,
    }).map(([name, value]) => [name, { type: 'string' as const, default: String(value) }]),
  ),
});
const num = (name: string) => {
  const value = Number(flags[name]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got ${flags[name]}`);
  return value;
};

async function main(): Promise<void> {
  const started = Date.now();
  const startReads = await benchStartReads({
    cases: num('cases'),
    connections: num('connections'),
    seconds: num('seconds'),
    rounds: num('rounds'),
    casesPerSecond: num('cases-per-second'),
  });
  const at = new Date().toISOString();
  const totalSeconds = Math.round((Date.now() - started) / 1000);
  console.log(renderMarkdown({ at, machine: machine(), startReads, totalSeconds }));
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
