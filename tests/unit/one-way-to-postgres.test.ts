// Each module reaches PostgreSQL one way: node-postgres (`sql.query`, the hot path's named statements) or
// Prisma (`db.<model>.<call>`, `db.$…`), never both, so a reader knows which client, transactions and types a
// file speaks (docs/architecture.md, "PostgreSQL: node-postgres and Prisma"). A step needing both calls one
// module of each.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const PRISMA = /\b(db|tx)\.([a-z][A-Za-z]+\.(find|create|update|upsert|delete|count|groupBy|aggregate)|\$)/;
const NODE_POSTGRES = /\b(sql|tx|client)\.query\(/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test('no production module uses both Prisma and node-postgres', () => {
  const files = ['api', 'activities', 'config', 'worker'].flatMap((d) => sources(join(ROOT, d)));
  expect(files.length).toBeGreaterThan(50);
  const both = files.filter((file) => {
    const source = readFileSync(file, 'utf8');
    return PRISMA.test(source) && NODE_POSTGRES.test(source);
  });
  expect(both.map((f) => relative(ROOT, f))).toEqual([]);
});
