// One API key per role for the local stack, printed at start. Keys are stored hashed, so each start
// revokes the previous dev keys and issues new ones. The agent key is a person's: the demo agent's, whose
// My day (GET /v1/me/today) has the cases the stack gives them at first start.
import { createApiKey } from '../api/services/api-keys';
import type { Db } from '../config/database';
import type { Role } from '../domain/vocabulary';

const DEV_KEY_PREFIX = 'dev: ';

// Sam Lee of the contact centre (dev/seed.ts AGENTS).
export const DEMO_AGENT = { id: 'agent-cc-1', name: 'Sam Lee', teamId: 'contact-centre' } as const;

export async function issueDevKeys(db: Db): Promise<Record<Role, string>> {
  await db.apiKey.updateMany({
    where: { name: { startsWith: DEV_KEY_PREFIX }, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  const keys = {} as Record<Role, string>;
  const specs: { role: Role; teamId?: string; agentId?: string; who?: string }[] = [
    { role: 'system' },
    { role: 'agent', teamId: DEMO_AGENT.teamId, agentId: DEMO_AGENT.id, who: DEMO_AGENT.name },
    { role: 'supervisor' },
    { role: 'admin' },
  ];
  for (const { who, ...spec } of specs) {
    keys[spec.role] = (
      await createApiKey(db, {
        name: `${DEV_KEY_PREFIX}${who ?? spec.role}${spec.teamId ? ` (${spec.teamId})` : ''}`,
        ...spec,
      })
    ).key;
  }
  return keys;
}
