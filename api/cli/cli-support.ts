// What the operator commands (`npm run keys`, `npm run admin`) share: the database they act on and zod
// errors as one readable line.
import { existsSync, readFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import type { Principal } from '../services/principal';

// DATABASE_URL, or the database of a running `npm start` (recorded in .data/dev-stack.json).
export function cliDatabaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const devStack = join(__dirname, '..', '..', '.data', 'dev-stack.json');
  if (existsSync(devStack)) return (JSON.parse(readFileSync(devStack, 'utf8')) as { databaseUrl: string }).databaseUrl;
  throw new Error('set DATABASE_URL (or run `npm start`, whose database this command then uses)');
}

export function validated<T>(
  result:
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
): T {
  if (result.success) return result.data;
  throw new Error(result.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
}

// Whoever runs the command on the server, as the audit log names them.
export const cliOperator = (command: string): Principal => ({
  keyId: 'cli',
  name: `${userInfo().username}@${hostname()} (${command})`,
  role: 'admin',
});
