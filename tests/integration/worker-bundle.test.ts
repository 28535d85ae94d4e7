// The worker bundles its workflows at start (worker/workflow-bundle.ts). Webpack's report of what it built used
// to reach the console at the SDK's default level and scroll `npm start`'s banner away: it must come at debug
// level only (so at the default info level nothing is printed), and still be there for whoever debugs. The
// bundling runs in a process of its own, so webpack's minute of CPU and memory stays out of the jest worker.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SCRIPT = `
const { createLogger } = require('./config/logger');
const { bundleCaseWorkflows } = require('./worker/workflow-bundle');
const lines = [];
bundleCaseWorkflows(createLogger('debug', {}, (line) => lines.push(JSON.parse(line)))).then((bundle) =>
  process.stdout.write(JSON.stringify({ size: bundle.code.length, lines })),
);`;

test('bundling the case workflows logs nothing above debug, and its report at debug', () => {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', SCRIPT], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const { size, lines } = JSON.parse(out) as { size: number; lines: { level: string; component?: string }[] };
  expect(size).toBeGreaterThan(100_000);
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.filter((l) => l.level !== 'debug')).toEqual([]);
  expect(new Set(lines.map((l) => l.component))).toEqual(new Set(['workflow-bundler']));
});
