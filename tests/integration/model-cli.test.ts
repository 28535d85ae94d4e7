// `npm run model` end to end: train on the committed example history, score customers it never saw, and the
// refusals a person sees on the command line.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { syntheticChurnCsv } from '../../dev/synthetic-churn';
import { validateModel } from '../../domain/scorecard/model-file';
import { auc } from '../../domain/scorecard/validation';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'holdfast-model-'));
const history = join(ROOT, 'examples', 'churn-history.csv');
const modelFile = join(dir, 'model.json');

// As docs/early-warning.md spells the command line: with -s, stdout holds nothing but the command's own output.
const model = (...args: string[]) => run('npm', ['run', '-s', 'model', '--', ...args], { cwd: ROOT });
const refused = async (...args: string[]) => {
  try {
    await model(...args);
  } catch (e) {
    const failed = e as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
  throw new Error('the command was not refused');
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('train on the example history, then score new customers: id, score and reasons per customer', async () => {
  const trained = await model('train', history, '--label', 'churned', '--id', 'customer_id', '--out', modelFile);
  expect(trained.stdout).toBe('');
  expect(trained.stderr).toMatch(/held out 600 customers: AUC 0\.\d{3}/);
  const parsed = validateModel(JSON.parse(readFileSync(modelFile, 'utf8')));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  expect(parsed.model.idColumn).toBe('customer_id');

  // Customers made with another seed: the label column is there and must be ignored.
  const fresh = join(dir, 'fresh.csv');
  writeFileSync(fresh, syntheticChurnCsv(1500, 99));
  const { stdout } = await model('score', '--model', modelFile, fresh);
  expect(stdout).toMatch(/^id,score,reasons\r\n/);
  const rows = parse(stdout, { columns: true }) as { id: string; score: string; reasons: string }[];
  const truth = parse(readFileSync(fresh), { columns: true }) as { customer_id: string; churned: string }[];
  expect(Object.keys(rows[0] ?? {})).toEqual(['id', 'score', 'reasons']);
  expect(rows.map((r) => r.id)).toEqual(truth.map((t) => t.customer_id));
  for (const r of rows) {
    expect(Number(r.score)).toBeGreaterThanOrEqual(0);
    expect(Number(r.score)).toBeLessThanOrEqual(1);
    const reasons = r.reasons === '' ? [] : r.reasons.split('; ');
    expect(reasons.length).toBeLessThanOrEqual(4);
    for (const reason of reasons) expect(reason).toMatch(/^[a-z_0-9]+=[^;]+ \(\+\d+\)$/);
  }
  // The made-up churn follows its rules closely enough that a scorecard ranks leavers well above stayers.
  const score = auc(
    rows.map((r) => Number(r.score)),
    truth.map((t) => Number(t.churned)),
  );
  expect(score).toBeGreaterThan(0.72);
});

test('scoring a file without an id column numbers customers by row and warns of what is missing', async () => {
  const file = join(dir, 'no-id.csv');
  writeFileSync(file, 'age,region,surprise\n61,East,1\n25,North,2\n');
  const { stdout, stderr } = await model('score', '--model', modelFile, file);
  const rows = parse(stdout, { columns: true }) as { id: string }[];
  expect(rows.map((r) => r.id)).toEqual(['1', '2']);
  expect(stderr).toMatch(/no "customer_id" column: customers are numbered by row/);
  expect(stderr).toMatch(/the file lacks .*products.*: every customer is scored with the points for missing/);
});

test('bad input is refused with exit code 2 and one line naming the problem', async () => {
  const noLabel = await refused('train', history, '--label', 'Exited', '--out', join(dir, 'x.json'));
  expect(noLabel).toEqual({ code: 2, stderr: expect.stringMatching(/^the training file has no column "Exited"/) });

  const badModel = join(dir, 'bad-model.json');
  writeFileSync(badModel, JSON.stringify({ format: 'holdfast-scorecard', formatVersion: 9 }));
  const invalid = await refused('score', '--model', badModel, history);
  expect(invalid.code).toBe(2);
  expect(invalid.stderr).toMatch(/is not a valid scorecard: formatVersion: .*; label: /);

  const missing = await refused('score', '--model', modelFile, join(dir, 'nowhere.csv'));
  expect(missing).toEqual({ code: 2, stderr: expect.stringMatching(/^cannot read .*nowhere\.csv: ENOENT\n$/) });

  expect((await refused('score', history)).stderr).toMatch(/^score needs --model/);

  const unrelated = join(dir, 'unrelated.csv');
  writeFileSync(unrelated, 'account,opened\nA1,2020-01-01\n');
  expect(await refused('score', '--model', modelFile, unrelated)).toEqual({
    code: 2,
    stderr: expect.stringMatching(
      /^the file has none of the model's attributes \(age, .*\); its columns: account, opened\n$/,
    ),
  });
});

// The project no longer silences npm (.npmrc had loglevel=silent): a mistyped script must say so, or a newcomer
// sees nothing at all and an exit code.
test("npm's own error is printed for a script that does not exist", async () => {
  const failed = await run('npm', ['run', 'modle'], { cwd: ROOT }).then(
    () => undefined,
    (e: { code: number; stderr: string }) => e,
  );
  expect(failed?.code).not.toBe(0);
  expect(failed?.stderr).toMatch(/Missing script: "modle"/);
});
