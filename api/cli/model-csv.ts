// Reading the CSV files of `npm run model`: a labelled history to train on (read whole: training needs every
// row at once) and customers to score (streamed, a row at a time, so a million customers fit in little memory).
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { TrainingTable } from '../../domain/scorecard/training-columns';

// Bad input: the command exits with code 2 and this one line on stderr.
export class BadInput extends Error {}

export function csvRows(file: string): AsyncIterable<string[]> {
  const input = createReadStream(file);
  const parser = parse({ bom: true, skip_empty_lines: true });
  input.on('error', (e) =>
    parser.destroy(new BadInput(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? e.message}`)),
  );
  parser.on('error', () => input.destroy());
  return input.pipe(parser) as AsyncIterable<string[]>;
}

// A CSV parser's own error (an unclosed quote, a row with too many cells) names the line; say which file.
export function readingError(file: string, e: unknown): Error {
  if (e instanceof BadInput) return e;
  const code = (e as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('CSV_'))
    return new BadInput(`${file} is not a CSV file we can read: ${(e as Error).message}`);
  return e as Error;
}

export async function readTrainingTable(file: string): Promise<TrainingTable> {
  let header: string[] | undefined;
  const rows: string[][] = [];
  try {
    for await (const record of csvRows(file)) {
      if (header) rows.push(record);
      else header = record.map((h) => h.trim());
    }
  } catch (e) {
    throw readingError(file, e);
  }
  if (!header || rows.length === 0) throw new BadInput(`${file} has no customers (a header line, then one line each)`);
  return { header, rows };
}
