// Route handlers parse the request, call a service (api/services/) and shape the answer; they never query the
// database themselves. A route that needs data asks a service for it, so each fact has one place to change.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROUTES = join(__dirname, '..', '..', 'api', 'http', 'routes');

// What database access looks like in this code base: Prisma (`db.`, `tx.`, `$queryRaw`...), node-postgres
// (`sql.`, `pool.query`, `.query(`). Handing `db` or `sql` to a service is fine; calling them is not.
const DATABASE_ACCESS: [string, RegExp][] = [
  ['db.', /\bdb\./],
  ['tx.', /\btx\./],
  ['sql.', /\bsql\./],
  ['.query(', /\.query\(/],
  ['pool.query', /\bpool\.query/],
  ['$queryRaw', /\$queryRaw/],
  ['$executeRaw', /\$executeRaw/],
  ['$transaction', /\$transaction/],
  ['prisma', /prisma/i],
];

test('no route in api/http/routes/ queries the database', () => {
  const files = readdirSync(ROUTES).filter((f) => f.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(15);
  const found = files.flatMap((file) => {
    const source = readFileSync(join(ROUTES, file), 'utf8');
    return DATABASE_ACCESS.filter(([, pattern]) => pattern.test(source)).map(
      ([name]) => `api/http/routes/${file} uses ${name}: move it into a service`,
    );
  });
  expect(found).toEqual([]);
});
