// The worker bundles its workflows at start (worker/workflow-bundle.ts). Webpack's report of what it built used
// to reach the console at the SDK's default level and scroll `npm start`'s banner away: it must come at debug
// level only (so at the default info level nothing is printed), and still be there for whoever debugs.
import { createLogger } from '../../config/logger';
import { bundleCaseWorkflows } from '../../worker/workflow-bundle';

test('bundling the case workflows logs nothing above debug, and its report at debug', async () => {
  const lines: { level: string; component?: string }[] = [];
  const logger = createLogger('debug', {}, (line) => lines.push(JSON.parse(line)));
  const bundle = await bundleCaseWorkflows(logger);
  expect(bundle.code.length).toBeGreaterThan(100_000);
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.filter((l) => l.level !== 'debug')).toEqual([]);
  expect(new Set(lines.map((l) => l.component))).toEqual(new Set(['workflow-bundler']));
});
