// Reading a labelled training file's columns: the label (0/1), which columns become attributes and how, which
// are left out and why. A file the model cannot be trained on honestly is refused with a message naming the
// column and what is wrong with it.
import { isMissingCell, readNumber } from './score';

const MIN_CUSTOMERS_PER_CLASS = 200;

export class TrainingRefused extends Error {}

export interface TrainingTable {
  header: string[];
  // One array of cells per customer, in the header's order.
  rows: string[][];
}

export interface ColumnPlan {
  name: string;
  index: number;
  kind: 'numeric' | 'categorical';
}

export interface TrainingColumns {
  labels: Uint8Array;
  columns: ColumnPlan[];
  ignored: { name: string; reason: string }[];
}

const line = (row: number) => row + 2; // the header is line 1

function readLabels(table: TrainingTable, label: string): Uint8Array {
  const index = table.header.indexOf(label);
  if (index < 0)
    throw new TrainingRefused(`the training file has no column "${label}" (its columns: ${table.header.join(', ')})`);
  const labels = new Uint8Array(table.rows.length);
  table.rows.forEach((row, i) => {
    const cell = (row[index] ?? '').trim();
    if (cell !== '0' && cell !== '1')
      throw new TrainingRefused(
        `column "${label}" holds "${cell}" on line ${line(i)}; the label must be 1 (left) or 0 (stayed) on every row`,
      );
    labels[i] = cell === '1' ? 1 : 0;
  });
  const left = labels.reduce((sum, v) => sum + v, 0);
  const stayed = labels.length - left;
  if (left < MIN_CUSTOMERS_PER_CLASS || stayed < MIN_CUSTOMERS_PER_CLASS)
    throw new TrainingRefused(
      `column "${label}" has ${left} customers who left (1) and ${stayed} who stayed (0); training needs at least ${MIN_CUSTOMERS_PER_CLASS} of each`,
    );
  return labels;
}

// numeric: every cell a number or missing, at least one number; identifier: every row a different value, none
// missing, and text or whole numbers (a measured amount like a salary may be all different and still count).
function describe(cells: string[]): { kind: 'numeric' | 'categorical'; constant: boolean; identifier: boolean } {
  let numeric = true;
  let whole = true;
  const distinct = new Set<string>();
  let missing = 0;
  for (const raw of cells) {
    const cell = raw.trim();
    distinct.add(cell);
    if (isMissingCell(cell)) {
      missing++;
      continue;
    }
    const x = readNumber(cell);
    if (x === undefined) numeric = false;
    else if (!Number.isInteger(x)) whole = false;
  }
  numeric &&= missing < cells.length;
  return {
    kind: numeric ? 'numeric' : 'categorical',
    constant: distinct.size < 2,
    identifier: cells.length > 1 && missing === 0 && distinct.size === cells.length && (!numeric || whole),
  };
}

export function planColumns(table: TrainingTable, label: string, idColumn: string | undefined): TrainingColumns {
  const seen = new Set<string>();
  for (const name of table.header) {
    if (seen.has(name)) throw new TrainingRefused(`the training file has two columns named "${name}"`);
    seen.add(name);
  }
  if (idColumn !== undefined && !seen.has(idColumn))
    throw new TrainingRefused(
      `the training file has no id column "${idColumn}" (its columns: ${table.header.join(', ')})`,
    );
  const labels = readLabels(table, label);
  const columns: ColumnPlan[] = [];
  const ignored: TrainingColumns['ignored'] = [];
  for (const [index, name] of table.header.entries()) {
    if (name === label) continue;
    if (name === idColumn) {
      ignored.push({ name, reason: 'the customer id (--id)' });
      continue;
    }
    const cells = table.rows.map((row) => row[index] ?? '');
    const column = describe(cells);
    if (column.constant)
      throw new TrainingRefused(
        `column "${name}" holds the same value ("${(cells[0] ?? '').trim()}") on every row; it cannot tell customers apart: remove it`,
      );
    if (column.identifier) ignored.push({ name, reason: 'every row has a different value (an identifier)' });
    else columns.push({ name, index, kind: column.kind });
  }
  return { labels, columns, ignored };
}
