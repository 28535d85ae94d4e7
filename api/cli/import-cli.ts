// `npm run import -- customers.csv [--rejected <report.csv>] [--batch 1000]`: imports customers from a CSV
// file (columns: docs/provisioning.md), showing progress, and writes every rejected row with its line and
// reason to a report (default: <file>.rejected.csv). Uses DATABASE_URL, or the database of a running `npm start`.
import { createReadStream, createWriteStream, rmSync, statSync, type WriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { createSql } from '../../config/sql';
import { csvLine } from '../../domain/csv';
import { cliDatabaseUrl, cliOperator } from './cli-support';
import { DEFAULT_IMPORT_BATCH, importCustomers, type ImportProgress } from '../services/customer-import';

const USAGE = 'usage: npm run import -- <customers.csv> [--rejected <report.csv>] [--batch <rows per transaction>]';

// A bar on a terminal; a line every few seconds in a log.
function progressReporter(totalBytes: number): { update(p: ImportProgress): void; done(): void } {
  const started = Date.now();
  let lastLine = 0;
  let lastRender = 0;
  const render = (p: ImportProgress) => {
    const share = totalBytes ? Math.min(1, p.bytes / totalBytes) : 1;
    const rate = Math.round(p.rows / Math.max(0.001, (Date.now() - started) / 1000));
    const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '.');
    return `[${bar}] ${String(Math.round(share * 100)).padStart(3)}%  ${p.rows.toLocaleString('en')} rows  ${rate.toLocaleString('en')} rows/s`;
  };
  return {
    update(p) {
      if (process.stderr.isTTY) {
        if (Date.now() - lastRender < 100) return;
        lastRender = Date.now();
        process.stderr.write(`\r${render(p)}`);
      } else if (Date.now() - lastLine > 2_000) {
        lastLine = Date.now();
        process.stderr.write(`${render(p)}\n`);
      }
    },
    done() {
      if (process.stderr.isTTY) process.stderr.write('\n');
    },
  };
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { rejected: { type: 'string' }, batch: { type: 'string' } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new Error(USAGE);
  const batchSize = values.batch === undefined ? DEFAULT_IMPORT_BATCH : Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
    throw new Error(`--batch takes a whole number from 1 to 10000; got ${values.batch}`);
  const totalBytes = statSync(file).size;
  const reportPath = values.rejected ?? `${file}.rejected.csv`;
  // The report of an earlier import of this file would mislead next to this one.
  rmSync(reportPath, { force: true });
  let report: WriteStream | undefined;
  let header: string[] = [];
  const sql = createSql(cliDatabaseUrl());
  const progress = progressReporter(totalBytes);
  try {
    const summary = await importCustomers(sql, createReadStream(file), {
      by: cliOperator('npm run import'),
      source: file,
      batchSize,
      onHeader: (columns) => (header = columns),
      onRejected: (r) => {
        if (!report) {
          report = createWriteStream(reportPath);
          report.write(csvLine(['line', 'reason', ...header]));
        }
        report.write(csvLine([r.line, r.reason, ...r.cells]));
      },
      onProgress: (p) => progress.update(p),
    });
    const rate = Math.round(summary.rows / Math.max(summary.seconds, 0.001));
    console.log(
      `${summary.rows} rows in ${summary.seconds.toFixed(1)} s (${rate} rows/s): created ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}, rejected ${summary.rejected}`,
    );
    if (summary.rejected) console.log(`rejected rows, with line and reason: ${reportPath}`);
    process.exitCode = summary.rejected ? 2 : 0;
  } finally {
    progress.done();
    await new Promise((resolve) => (report ? report.end(resolve) : resolve(undefined)));
    await sql.end();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
