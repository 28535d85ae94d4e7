// Issuing, listing and revoking API keys: shared by the admin endpoints and `npm run keys`.
import { forgetKey } from './key-cache';
import type { Db } from '../config/database';
import { createApiKey } from './auth';
import { HttpError, notFound } from './errors';
import type { CreateKeyBody } from './schemas';

export interface KeyView {
  id: string;
  name: string;
  role: string;
  teamId: string | null;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

type KeyRow = { id: string; name: string; role: string; teamId: string | null; prefix: string; createdAt: Date; revokedAt: Date | null };
const view = (k: KeyRow): KeyView => ({ id: k.id, name: k.name, role: k.role, teamId: k.teamId, prefix: k.prefix, createdAt: k.createdAt.toISOString(), revokedAt: k.revokedAt?.toISOString() ?? null });

// The secret is in the answer once; only its hash is stored.
export async function issueKey(db: Db, input: CreateKeyBody): Promise<KeyView & { key: string }> {
  if (input.teamId && (await db.team.count({ where: { id: input.teamId } })) === 0) throw notFound('team_not_found', `no team with id ${input.teamId}`);
  const { id, key } = await createApiKey(db, input);
  return { ...view((await db.apiKey.findUniqueOrThrow({ where: { id } }))), key };
}

export async function listKeys(db: Db): Promise<KeyView[]> {
  return (await db.apiKey.findMany({ orderBy: { createdAt: 'desc' } })).map(view);
}

export async function revokeKey(db: Db, id: string): Promise<KeyView> {
  const row = await db.apiKey.findUnique({ where: { id } });
  if (!row) throw notFound('key_not_found', `no API key with id ${id}`);
  if (row.revokedAt) throw new HttpError(409, 'key_already_revoked', `key ${id} was revoked at ${row.revokedAt.toISOString()}`);
  const revoked = view(await db.apiKey.update({ where: { id }, data: { revokedAt: new Date() } }));
  forgetKey(id);
  return revoked;
}
