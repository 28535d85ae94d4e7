// Issuing, listing and revoking API keys: shared by the admin endpoints and `npm run keys`. Each issue and
// revocation is written to the audit log in the same transaction.
import { forgetKey } from './key-cache';
import type { Db } from '../../config/database';
import { auditEntry } from './audit-log';
import { randomBytes } from 'node:crypto';
import type { Prisma } from '@prisma/client';
import type { Role } from '../../domain/vocabulary';
import { hashKey } from './key-lookup';
import type { Principal } from './principal';
import {
  agentInactiveForKey,
  agentNotFound,
  keyAlreadyRevoked,
  keyNotFound,
  teamNotFound,
} from '../../domain/errors/people-errors';
import type { CreateKeyBody } from './key-request';

export interface KeyView {
  id: string;
  name: string;
  role: string;
  teamId: string | null;
  agentId: string | null;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

// A key's prefix (role and a tag of its own, stored and listed by GET /v1/keys) identifies the key, so one
// found where it should not be can be looked up and revoked; the rest is the secret.
function generateKey(role: Role): { key: string; prefix: string } {
  const prefix = `hf_${role}_${randomBytes(6).toString('hex')}`;
  return { key: `${prefix}_${randomBytes(24).toString('base64url')}`, prefix };
}

export async function createApiKey(
  db: Db | Prisma.TransactionClient,
  input: { name: string; role: Role; teamId?: string; agentId?: string },
): Promise<{ id: string; key: string }> {
  const { key, prefix } = generateKey(input.role);
  const row = await db.apiKey.create({
    data: {
      name: input.name,
      role: input.role,
      teamId: input.teamId,
      agentId: input.agentId,
      hash: hashKey(key),
      prefix,
    },
  });
  return { id: row.id, key };
}

type KeyRow = {
  id: string;
  name: string;
  role: string;
  teamId: string | null;
  agentId: string | null;
  prefix: string;
  createdAt: Date;
  revokedAt: Date | null;
};
const view = (k: KeyRow): KeyView => ({
  id: k.id,
  name: k.name,
  role: k.role,
  teamId: k.teamId,
  agentId: k.agentId,
  prefix: k.prefix,
  createdAt: k.createdAt.toISOString(),
  revokedAt: k.revokedAt?.toISOString() ?? null,
});

// A person's key takes its team (and, unless named, its name) from the agent record.
async function keyHolder(db: Db, input: CreateKeyBody): Promise<{ name: string; teamId?: string; agentId?: string }> {
  if (input.agentId === undefined) {
    if (input.teamId && (await db.team.count({ where: { id: input.teamId } })) === 0)
      throw teamNotFound({ teamId: input.teamId });
    return { name: input.name!, teamId: input.teamId };
  }
  const agent = await db.agent.findUnique({ where: { id: input.agentId } });
  if (!agent) throw agentNotFound({ agentId: input.agentId! });
  if (!agent.active) throw agentInactiveForKey({ agentId: agent.id });
  return { name: input.name ?? agent.name, teamId: agent.teamId, agentId: agent.id };
}

// The secret is in the answer once; only its hash is stored.
export async function issueKey(db: Db, input: CreateKeyBody, by: Principal): Promise<KeyView & { key: string }> {
  const holder = await keyHolder(db, input);
  return db.$transaction(async (tx) => {
    const { id, key } = await createApiKey(tx, { ...holder, role: input.role });
    const row = await tx.apiKey.findUniqueOrThrow({ where: { id } });
    await tx.auditEntry.create({
      data: auditEntry(
        by,
        'key.issued',
        { type: 'api_key', id },
        { role: row.role, name: row.name, teamId: row.teamId, agentId: row.agentId, prefix: row.prefix },
      ),
    });
    return { ...view(row), key };
  });
}

export async function listKeys(db: Db): Promise<KeyView[]> {
  return (await db.apiKey.findMany({ orderBy: { createdAt: 'desc' } })).map(view);
}

export async function revokeKey(db: Db, id: string, by: Principal): Promise<KeyView> {
  const row = await db.apiKey.findUnique({ where: { id } });
  if (!row) throw keyNotFound({ keyId: id });
  if (row.revokedAt) throw keyAlreadyRevoked({ keyId: id, revokedAt: row.revokedAt.toISOString() });
  const revoked = await db.$transaction(async (tx) => {
    const updated = await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    await tx.auditEntry.create({
      data: auditEntry(
        by,
        'key.revoked',
        { type: 'api_key', id },
        { role: row.role, name: row.name, prefix: row.prefix },
      ),
    });
    return view(updated);
  });
  forgetKey(id);
  return revoked;
}
