// Lints the OpenAPI document the API serves (api/http/openapi.ts) with Redocly's recommended rules: writes it to a
// temporary folder with a config that names those rules, runs the pinned @redocly/cli there (no telemetry, no
// update check) and answers its totals and problems. `npm run lint:api` prints them and fails on any;
// tests/integration/openapi.test.ts expects none.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApiDocument } from '../api/http/openapi';

export interface RedoclyProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location?: { pointer?: string }[];
}
export interface RedoclyResult {
  totals: { errors: number; warnings: number; ignored: number };
  problems: RedoclyProblem[];
}

const CLI = join(__dirname, '..', 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');

export function lintOpenApi(document: unknown = openApiDocument()): RedoclyResult {
  const dir = mkdtempSync(join(tmpdir(), 'holdfast-openapi-'));
  try {
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document, null, 2));
    writeFileSync(join(dir, 'redocly.yaml'), 'extends:\n  - recommended\ntelemetry: off\n');
    const out = execFileSync(process.execPath, [CLI, 'lint', 'openapi.json', '--format=json'], {
      cwd: dir,
      env: {
        ...process.env,
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Redocly exits 1 on errors; its JSON is on stdout either way.
    }).toString();
    return JSON.parse(out) as RedoclyResult;
  } catch (e) {
    const stdout = (e as { stdout?: Buffer }).stdout?.toString();
    if (stdout?.trim().startsWith('{')) return JSON.parse(stdout) as RedoclyResult;
    throw e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { totals, problems } = lintOpenApi();
  for (const p of problems) console.log(`${p.severity} ${p.ruleId} ${p.location?.[0]?.pointer ?? ''}: ${p.message}`);
  console.log(`Redocly recommended rules: ${totals.errors} errors, ${totals.warnings} warnings`);
  process.exitCode = totals.errors + totals.warnings === 0 ? 0 : 1;
}
