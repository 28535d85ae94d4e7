// The dashboard's API types (web/src/api-schema.d.ts) are what openapi-typescript makes of the OpenAPI document
// the API serves: an answer's schema changed without `npm run api:types` fails here, so the dashboard cannot
// read a shape the API no longer sends. (The generator runs under tsx: openapi-typescript loads ES modules.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const TYPES = join(ROOT, 'web', 'src', 'api-schema.d.ts');
const check = (file: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'dev', 'api-types.ts'), '--check', file], {
    cwd: ROOT,
    encoding: 'utf8',
  });

test('web/src/api-schema.d.ts is generated from the served OpenAPI document (run `npm run api:types` after changing a schema)', () => {
  const result = check(TYPES);
  expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
}, 60_000);

test('a generated file that differs from the document fails the check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'holdfast-api-types-'));
  try {
    const edited = join(dir, 'api-schema.d.ts');
    // A field the API does not send, added by hand.
    writeFileSync(
      edited,
      readFileSync(TYPES, 'utf8').replace('CaseDetail: {', 'CaseDetail: {\n            invented: string;'),
    );
    const result = check(edited);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('npm run api:types');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
