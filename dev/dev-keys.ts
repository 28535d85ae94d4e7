// One API key per role for the local stack, printed at start. Keys are stored hashed, so each start
// revokes the previous dev keys and issues new ones.
import { createApiKey } from '../api/services/api-keys';
import type { Db } from '../config/database';
import type { Role } from '../domain/vocabulary';

const DEV_KEY_PREFIX = 'dev: ';

export async function issueDevKeys(db: Db): Promise<Record<Role, string>> {
  await db.apiKey.updateMany({
    where: { name: { startsWith: DEV_KEY_PREFIX }, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  const keys = {} as Record<Role, string>;
  const specs: { role: Role; teamId?: string }[] = [
    { role: 'system' },
    { role: 'agent', teamId: 'contact-centre' },
    { role: 'supervisor' },
    { role: 'admin' },
  ];
  for (const spec of specs) {
    keys[spec.role] = (
      await createApiKey(db, {
        name: `${DEV_KEY_PREFIX}${spec.role}${spec.teamId ? ` (${spec.teamId})` : ''}`,
        ...spec,
      })
    ).key;
  }
  return keys;
}
