// `npm run keys -- create --role supervisor --name "Ana (retention lead)" [--team contact-centre | --agent agent-cc-1]`
// `npm run keys -- list` · `npm run keys -- revoke <key id>`
// Uses DATABASE_URL, or the database of a running `npm start` (recorded in .data/dev-stack.json).
import { parseArgs } from 'node:util';
import { createDb } from '../../config/database';
import { issueKey, listKeys, revokeKey } from '../services/api-keys';
import { cliDatabaseUrl, cliOperator, validated } from './cli-support';
import { keyIdParams } from '../http/schemas';
import { createKeySchema } from '../services/key-request';

const USAGE =
  'usage: npm run keys -- create --role <system|agent|supervisor|admin> --name <name> [--team <team id>] | create --role agent --agent <agent id> | list | revoke <key id>';

const CLI_OPERATOR = cliOperator('npm run keys');

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      team: { type: 'string' },
      agent: { type: 'string' },
    },
  });
  const [command, arg] = positionals;
  const db = createDb(cliDatabaseUrl());
  try {
    if (command === 'create') {
      const input = validated(
        createKeySchema.safeParse({ role: values.role, name: values.name, teamId: values.team, agentId: values.agent }),
      );
      const key = await issueKey(db, input, CLI_OPERATOR);
      console.log(
        `Created ${key.role} key "${key.name}" (id ${key.id}). The key is shown only now; store it safely:\n\n  ${key.key}\n`,
      );
    } else if (command === 'list') {
      for (const k of await listKeys(db))
        console.log(
          [
            k.id,
            k.role.padEnd(10),
            (k.teamId ?? '-').padEnd(16),
            `${k.prefix}…`,
            k.revokedAt ? `revoked ${k.revokedAt}` : 'active',
            k.name,
          ].join('  '),
        );
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
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
