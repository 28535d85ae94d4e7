// Benchmark: the early-warning scorecard (docs/early-warning.md) on made-up customers (dev/synthetic-churn.ts)
// in a temporary folder. Training on 10,000 customers (goal: under 10 s) and scoring 1,000,000 (goal: under
// 60 s), each as `npm run model` does it, each beside a baseline measured in the same run: the same CSV read
// and written again with no model (parsed, and one line written per customer), the least any scoring of that
// file costs.
//   npm run bench:model [-- <training rows=10000> <scored rows=1000000>]
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvRows, readTrainingTable } from '../api/cli/model-csv';
import { scoreFile } from '../api/cli/model-score';
import { csvRow, SYNTHETIC_HEADER, syntheticCustomers } from '../dev/synthetic-churn';
import { csvLine } from '../domain/csv';
import { trainScorecard } from '../domain/scorecard/train';
import { machine, round, say } from './support/measure';

const TRAIN_ROWS = Number(process.argv[2] ?? 10_000);
const SCORE_ROWS = Number(process.argv[3] ?? 1_000_000);
const PART = 50_000;

async function writeCustomers(file: string, rows: number, seed: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(csvRow(SYNTHETIC_HEADER));
  for (let first = 1; first <= rows; first += PART) {
    const part = syntheticCustomers(Math.min(PART, rows - first + 1), seed + first, first);
    if (!out.write(part.map(csvRow).join(''))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function finish(out: WriteStream): Promise<void> {
  out.end();
  await once(out, 'finish');
}

// The baseline: every row parsed and one CSV line written for it, with no model.
async function readAndWrite(file: string, outFile: string): Promise<number> {
  const started = performance.now();
  const out = createWriteStream(outFile);
  let chunk = '';
  let lines = 0;
  for await (const record of csvRows(file)) {
    chunk += csvLine([record[0], record[1], record[2]]);
    if (++lines % 2_000 === 0) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.write(chunk);
  await finish(out);
  return (performance.now() - started) / 1000;
}

async function measureTraining(dir: string) {
  const file = join(dir, 'history.csv');
  await writeCustomers(file, TRAIN_ROWS, 7);
  const baseline = await readAndWrite(file, join(dir, 'history-copy.csv'));
  const started = performance.now();
  const table = await readTrainingTable(file);
  const model = trainScorecard(table, {
    label: 'churned',
    idColumn: 'customer_id',
    trainedAt: new Date().toISOString(),
  });
  const seconds = (performance.now() - started) / 1000;
  say(`training on ${TRAIN_ROWS} customers: ${round(seconds, 2)} s (read and write the file: ${round(baseline, 2)} s)`);
  return { model, seconds, baseline };
}

async function measureScoring(dir: string, model: ReturnType<typeof trainScorecard>) {
  const file = join(dir, 'customers.csv');
  say(`writing ${SCORE_ROWS} customers to score`);
  await writeCustomers(file, SCORE_ROWS, 1_000_003);
  const baseline = await readAndWrite(file, join(dir, 'copy.csv'));
  say(`read and write ${SCORE_ROWS} customers, no model: ${round(baseline, 1)} s`);
  const out = createWriteStream(join(dir, 'scores.csv'));
  const started = performance.now();
  await scoreFile({ model, file, out, warn: (line) => say(line) });
  await finish(out);
  const seconds = (performance.now() - started) / 1000;
  say(`scoring ${SCORE_ROWS} customers: ${round(seconds, 1)} s`);
  return { seconds, baseline };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'holdfast-bench-model-'));
  try {
    const training = await measureTraining(dir);
    const scoring = await measureScoring(dir, training.model);
    const heap = Math.round(process.memoryUsage().rss / 2 ** 20);
    const m = machine();
    console.log(`${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}\n`);
    console.log('| measure | Holdfast | baseline (read + write, no model) | ratio | goal |');
    console.log('| --- | --- | --- | --- | --- |');
    console.log(
      `| train on ${TRAIN_ROWS.toLocaleString('en')} customers | ${round(training.seconds, 2)} s | ${round(training.baseline, 2)} s | ${round(training.seconds / training.baseline)}× | < 10 s |`,
    );
    console.log(
      `| score ${SCORE_ROWS.toLocaleString('en')} customers | ${round(scoring.seconds, 1)} s (${Math.round(SCORE_ROWS / scoring.seconds).toLocaleString('en')}/s) | ${round(scoring.baseline, 1)} s | ${round(scoring.seconds / scoring.baseline)}× | < 60 s |`,
    );
    console.log(`held-out AUC ${training.model.validation.auc}; resident memory at the end ${heap} MiB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
