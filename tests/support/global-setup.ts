// Starts the real Temporal server and PostgreSQL once for the whole run and bundles the workflows once.
import { spawnTied } from '../../dev/tied-spawn';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { bundleWorkflowCode } from '@temporalio/worker';
import { ensureChromium } from '../../dev/chromium';

const ROOT = join(__dirname, '..', '..');

export default async function globalSetup(): Promise<void> {
  process.env.HOLDFAST_CHROMIUM = ensureChromium((msg) => console.log(`[test-setup] ${msg}`));
  // node --import tsx (not the tsx CLI, which is one more process in between): the teardown's signal reaches
  // the process that owns the servers.
  const child = spawnTied(process.execPath, ['--import', 'tsx', join(ROOT, 'dev', 'test-infrastructure.ts')], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  (globalThis as Record<string, unknown>).__holdfastInfra = child;

  const ready = new Promise<{ temporalAddress: string; databaseUrl: string }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(JSON.parse(line)));
    child.once('exit', (code) => reject(new Error(`test infrastructure exited with code ${code} before it was ready`)));
  });
  const [infra, bundle] = await Promise.all([
    ready,
    bundleWorkflowCode({
      workflowsPath: require.resolve(join(ROOT, 'workflows')),
      logger: { log() {}, info() {}, warn() {}, error: console.error, debug() {}, trace() {} },
    }),
  ]);
  const bundlePath = join(ROOT, '.data', 'test-workflow-bundle.js');
  mkdirSync(join(ROOT, '.data'), { recursive: true });
  writeFileSync(bundlePath, bundle.code);

  process.env.HOLDFAST_TEST_TEMPORAL_ADDRESS = infra.temporalAddress;
  process.env.HOLDFAST_TEST_DATABASE_URL = infra.databaseUrl;
  process.env.HOLDFAST_TEST_WORKFLOW_BUNDLE = bundlePath;
}
