// `npm run histories:record`: re-records the workflow histories in tests/histories/ by running the tests that
// drive each recorded case with HOLDFAST_RECORD_HISTORIES=1. Run it after a workflow change guarded by a new
// patch (see docs/architecture.md), then commit the files; the replay test runs them all.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');
const jest = join(root, 'node_modules', '.bin', 'jest');
const result = spawnSync(jest, ['tests/integration', '--testPathIgnorePatterns', 'replay.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, HOLDFAST_RECORD_HISTORIES: '1' },
});
process.exit(result.status ?? 1);
