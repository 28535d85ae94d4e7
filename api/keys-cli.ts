// `npm run keys -- create --role supervisor --name "Ana (retention lead)" [--team contact-centre | --agent agent-cc-1]`
// `npm run keys -- list` · `npm run keys -- revoke <key id>`
// Uses DATABASE_URL, or the database of a running `npm start` (recorded in .data/dev-stack.json).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { hostname, userInfo } from 'node:os';
import { createDb } from '../config/database';
import { issueKey, listKeys, revokeKey } from './api-keys';
import type { Principal } from './auth';
import { HttpError } from './errors';
import { createKeySchema, keyIdParams } from './schemas';

const USAGE = 'usage: npm run keys -- create --role <system|agent|supervisor|admin> --name <name> [--team <team id>] | create --role agent --agent <agent id> | list | revoke <key id>';

function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const devStack = join(__dirname, '..', '.data', 'dev-stack.json');
  if (existsSync(devStack)) return (JSON.parse(readFileSync(devStack, 'utf8')) as { databaseUrl: string }).databaseUrl;
  throw new Error('set DATABASE_URL (or run `npm start`, whose database this command then uses)');
}

function validated<T>(result: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }): T {
  if (result.success) return result.data;
  throw new Error(result.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
}

// Whoever runs the command on the server, as the audit log names them.
const CLI_OPERATOR: Principal = { keyId: 'cli', name: `${userInfo().username}@${hostname()} (npm run keys)`, role: 'admin' };

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { role: { type: 'string' }, name: { type: 'string' }, team: { type: 'string' }, agent: { type: 'string' } } });
  const [command, arg] = positionals;
  const db = createDb(databaseUrl());
  try {
    if (command === 'create') {
      const input = validated(createKeySchema.safeParse({ role: values.role, name: values.name, teamId: values.team, agentId: values.agent }));
      const key = await issueKey(db, input, CLI_OPERATOR);
      console.log(`Created ${key.role} key "${key.name}" (id ${key.id}). The key is shown only now; store it safely:\n\n  ${key.key}\n`);
    } else if (command === 'list') {
      for (const k of await listKeys(db)) console.log([k.id, k.role.padEnd(10), (k.teamId ?? '-').padEnd(16), k.prefix + '…', k.revokedAt ? `revoked ${k.revokedAt}` : 'active', k.name].join('  '));
    } else if (command === 'revoke' && arg) {
      const k = await revokeKey(db, validated(keyIdParams.safeParse({ keyId: arg })).keyId, CLI_OPERATOR);
      console.log(`Revoked ${k.role} key "${k.name}" (id ${k.id}).`);
    } else {
      throw new Error(USAGE);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof HttpError || e instanceof Error ? e.message : e);
  process.exit(1);
});
