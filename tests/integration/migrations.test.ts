// The committed migrations produce exactly schema.prisma (no unmigrated schema change), checked with the
// Prisma CLI against the test PostgreSQL (it creates and drops its own shadow database).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

test('prisma/migrations is in sync with schema.prisma', () => {
  const ROOT = join(__dirname, '..', '..');
  const result = spawnSync(
    process.execPath,
    [
      require.resolve('prisma/build/index.js'),
      'migrate',
      'diff',
      '--from-migrations',
      'prisma/migrations',
      '--to-schema-datamodel',
      'prisma/schema.prisma',
      '--exit-code',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: process.env.HOLDFAST_TEST_DATABASE_URL, CHECKPOINT_DISABLE: '1' },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  expect({
    status: result.status,
    stdout: result.stdout.trim(),
    stderr: result.status === 0 ? '' : result.stderr,
  }).toEqual({ status: 0, stdout: expect.stringContaining('No difference detected'), stderr: '' });
});
