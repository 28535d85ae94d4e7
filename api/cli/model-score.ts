// `npm run model -- score`: each customer of a CSV file scored with a model file, written to stdout as CSV
// `id,score,reasons`, streamed with back-pressure so a million customers need little memory.
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { csvLine } from '../../domain/csv';
import { type Scorecard, validateModel } from '../../domain/scorecard/model-file';
import { type AttributeValue, type Reason, modelAttributes, scoreCustomer } from '../../domain/scorecard/score';
import { BadInput, csvRows, readingError } from './model-csv';

export function readModelFile(file: string): Scorecard {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new BadInput(`cannot read the model file ${file}: ${(e as Error).message}`);
  }
  const result = validateModel(json);
  if (!result.ok)
    throw new BadInput(
      `${file} is not a valid scorecard: ${result.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
    );
  return result.model;
}

// "Age=52 (+38); NumOfProducts=3 (+31)": a person reads it, a program splits it on "; ".
export const reasonsText = (reasons: Reason[]): string =>
  reasons.map((r) => `${r.attribute}=${r.value === null ? '(missing)' : r.value} (+${r.points})`).join('; ');

interface ScoreColumns {
  id: number; // -1: the customer's row number
  features: { name: string; index: number }[];
}

function scoreColumns(model: Scorecard, header: string[], idOption: string | undefined, warn: (s: string) => void) {
  const features = modelAttributes(model).map((name) => ({ name, index: header.indexOf(name) }));
  const absent = features.filter((f) => f.index < 0).map((f) => f.name);
  // Not one attribute in common: the wrong file (or the wrong model), not customers to score as all-missing.
  if (absent.length === features.length)
    throw new BadInput(
      `the file has none of the model's attributes (${absent.join(', ')}); its columns: ${header.join(', ')}`,
    );
  const idName = idOption ?? model.idColumn ?? undefined;
  const id = idName === undefined ? -1 : header.indexOf(idName);
  if (id < 0 && idOption !== undefined) throw new BadInput(`the file has no id column "${idOption}" (--id)`);
  if (id < 0 && idName !== undefined) warn(`the file has no "${idName}" column: customers are numbered by row`);
  if (absent.length) warn(`the file lacks ${absent.join(', ')}: every customer is scored with the points for missing`);
  return { id, features } satisfies ScoreColumns;
}

const BATCH_LINES = 2_000;

export async function scoreFile(options: {
  model: Scorecard;
  file: string;
  idColumn?: string;
  out: Writable;
  warn: (line: string) => void;
}): Promise<number> {
  let columns: ScoreColumns | undefined;
  let scored = 0;
  let chunk = csvLine(['id', 'score', 'reasons']);
  let lines = 0;
  const attributes: Record<string, AttributeValue> = {};
  try {
    for await (const record of csvRows(options.file)) {
      if (!columns) {
        columns = scoreColumns(
          options.model,
          record.map((h) => h.trim()),
          options.idColumn,
          options.warn,
        );
        continue;
      }
      scored++;
      for (const f of columns.features) attributes[f.name] = f.index < 0 ? undefined : record[f.index];
      const { score, reasons } = scoreCustomer(options.model, attributes);
      const id = columns.id < 0 ? scored : record[columns.id];
      chunk += csvLine([id, score.toFixed(6), reasonsText(reasons)]);
      if (++lines >= BATCH_LINES) {
        if (!options.out.write(chunk)) await once(options.out, 'drain');
        chunk = '';
        lines = 0;
      }
    }
  } catch (e) {
    throw readingError(options.file, e);
  }
  if (!columns) throw new BadInput(`${options.file} is empty: it needs a header line`);
  options.out.write(chunk);
  return scored;
}
