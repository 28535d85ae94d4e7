// The early-warning scorecard's command line (docs/early-warning.md). Fixed, so other tools can drive it:
//   npm run model -- train <file.csv> --label <column> [--id <column>] [--out <model.json>]
//   npm run -s model -- score --model <model.json> <file.csv> [--id <column>]
// (-s keeps npm's own lines off stdout, which then holds the CSV alone). train writes the model file (to stdout without --out) and a summary on stderr; score writes CSV
// `id,score,reasons` to stdout. Bad input: one line on stderr naming the problem, exit code 2.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { trainScorecard } from '../../domain/scorecard/train';
import { TrainingRefused } from '../../domain/scorecard/training-columns';
import { BadInput, readTrainingTable } from './model-csv';
import { readModelFile, scoreFile } from './model-score';

const USAGE = [
  'usage: npm run model -- train <file.csv> --label <column> [--id <column>] [--out <model.json>]',
  '       npm run -s model -- score --model <model.json> <file.csv> [--id <column>]   (-s: stdout holds the CSV alone)',
].join('\n');

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

async function train(file: string, label: string | undefined, id: string | undefined, out: string | undefined) {
  if (!label)
    throw new BadInput(`train needs --label <column>: the column that is 1 for a customer who left\n${USAGE}`);
  const table = await readTrainingTable(file);
  const model = trainScorecard(table, { label, idColumn: id, trainedAt: new Date().toISOString() });
  const json = `${JSON.stringify(model, null, 2)}\n`;
  if (out) writeFileSync(out, json);
  else process.stdout.write(json);
  for (const c of model.ignoredColumns) process.stderr.write(`column "${c.name}" not used: ${c.reason}\n`);
  const v = model.validation;
  process.stderr.write(
    `trained on ${model.training.rows} customers (${percent(model.training.churnRate)} left), ` +
      `${model.features.length} attributes: ${model.features.map((f) => f.name).join(', ')}\n` +
      `held out ${v.rows} customers: AUC ${v.auc.toFixed(3)}, churn in the top decile ${percent(v.topDecileChurnRate)} ` +
      `(all held out: ${percent(v.churnRate)})${out ? `; model written to ${out}` : ''}\n`,
  );
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { label: { type: 'string' }, id: { type: 'string' }, out: { type: 'string' }, model: { type: 'string' } },
  });
  const [command, file, ...extra] = positionals;
  if (!file || extra.length) throw new BadInput(USAGE);
  if (command === 'train') return train(file, values.label, values.id, values.out);
  if (command !== 'score') throw new BadInput(USAGE);
  if (!values.model) throw new BadInput(`score needs --model <model.json>\n${USAGE}`);
  const model = readModelFile(values.model);
  await scoreFile({
    model,
    file,
    idColumn: values.id,
    out: process.stdout,
    warn: (line) => process.stderr.write(`${line}\n`),
  });
}

// A reader that stops early (`| head`) closes the pipe: nothing is wrong, stop scoring.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(0);
});

main().catch((e: unknown) => {
  const bad =
    e instanceof BadInput ||
    e instanceof TrainingRefused ||
    (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`${bad ? '' : 'error: '}${(e as Error).message}\n`);
  process.exitCode = bad ? 2 : 1;
});
