// `npm run histories:record`: re-records the workflow histories in tests/histories/ by running the integration
// tests that record one (they call recordHistory) with HOLDFAST_RECORD_HISTORIES=1. Run it after a workflow
// change guarded by a new patched() id (workflows/patches.ts), having first renamed each recording the change
// alters to pre-<id>--<path>.json; then commit the files. The replay test runs them all.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const jest = join(root, 'node_modules', '.bin', 'jest');
// Only the tests that record: the rest of the integration suite would run for nothing.
const recorders = readdirSync(join(root, 'tests', 'integration'))
  .filter(
    (f) =>
      f.endsWith('.test.ts') && readFileSync(join(root, 'tests', 'integration', f), 'utf8').includes('recordHistory('),
  )
  .map((f) => join('tests', 'integration', f));
const result = spawnSync(jest, recorders, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, HOLDFAST_RECORD_HISTORIES: '1' },
});
process.exit(result.status ?? 1);
