// Runs the Prisma CLI (WASM schema engine, see prisma.config.ts) with update checks off. Used by postinstall
// (`generate`, which needs a DATABASE_URL only to read the schema) and by database setup (`migrate deploy`).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const PLACEHOLDER_URL = 'postgresql://holdfast@127.0.0.1:5432/holdfast';

export function runPrisma(args: string[], databaseUrl = process.env.DATABASE_URL ?? PLACEHOLDER_URL): void {
  execFileSync(process.execPath, [require.resolve('prisma/build/index.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

if (require.main === module) {
  try {
    runPrisma(process.argv.slice(2));
  } catch {
    process.exit(1);
  }
}
