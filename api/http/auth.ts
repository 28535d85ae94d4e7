// API-key authentication: keys are stored as sha256 hashes with a role (and a team for agents).
// HOLDFAST_ADMIN_KEY, when set, is accepted as an admin key. An admin may call every endpoint.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Prisma } from '@prisma/client';
import type { Db } from '../../config/database';
import type { Role } from '../../domain/vocabulary';
import { HttpError } from './errors';
import { cachedKey, rememberKey, staleKey } from '../services/key-cache';
import { databaseUnreachable } from '../../config/dependency-outage';

export interface Principal {
  keyId: string;
  name: string;
  role: Role;
  teamId?: string;
  // The agent the key belongs to (a person's key): contacts it records count as that agent's.
  agentId?: string;
}

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

// A key's prefix (role and a tag of its own, stored and listed by GET /v1/keys) identifies the key, so one
// found where it should not be can be looked up and revoked; the rest is the secret.
export function generateKey(role: Role): { key: string; prefix: string } {
  const prefix = `hf_${role}_${randomBytes(6).toString('hex')}`;
  return { key: `${prefix}_${randomBytes(24).toString('base64url')}`, prefix };
}

export async function createApiKey(db: Db | Prisma.TransactionClient, input: { name: string; role: Role; teamId?: string; agentId?: string }): Promise<{ id: string; key: string }> {
  const { key, prefix } = generateKey(input.role);
  const row = await db.apiKey.create({ data: { name: input.name, role: input.role, teamId: input.teamId, agentId: input.agentId, hash: hashKey(key), prefix } });
  return { id: row.id, key };
}

function sameSecret(a: string, b: string): boolean {
  const ha = Buffer.from(hashKey(a), 'hex');
  const hb = Buffer.from(hashKey(b), 'hex');
  return timingSafeEqual(ha, hb);
}

// `onFailure` hears of every request whose key is missing, unknown or revoked (the per-address limit).
export function authenticate(db: Db, adminKey?: string, onFailure: (req: Request) => void = () => undefined) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      onFailure(req);
      throw new HttpError(401, 'unauthenticated', 'send an API key as "Authorization: Bearer <key>"');
    }
    const key = match[1]!;
    if (adminKey && sameSecret(key, adminKey)) {
      res.locals.principal = { keyId: 'bootstrap-admin', name: 'bootstrap admin', role: 'admin' } satisfies Principal;
      return next();
    }
    const hash = hashKey(key);
    let principal = cachedKey(hash);
    if (principal === undefined) {
      const row = await db.apiKey.findUnique({ where: { hash } }).catch((e: unknown) => {
        if (databaseUnreachable(e) && staleKey(hash)) return 'stale' as const;
        throw e;
      });
      if (row === 'stale') principal = staleKey(hash)!;
      else {
        principal = row && !row.revokedAt ? { keyId: row.id, name: row.name, role: row.role, teamId: row.teamId ?? undefined, agentId: row.agentId ?? undefined } : null;
        rememberKey(hash, principal);
      }
    }
    if (!principal) {
      onFailure(req);
      throw new HttpError(401, 'unauthenticated', 'the API key is unknown or revoked');
    }
    res.locals.principal = principal;
    next();
  };
}

export function requireRole(...roles: Role[]) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const principal = res.locals.principal as Principal;
    if (principal.role !== 'admin' && !roles.includes(principal.role)) {
      throw new HttpError(403, 'forbidden', `this endpoint needs one of the roles: ${['admin', ...roles].join(', ')}; your key has role ${principal.role}`);
    }
    next();
  };
}

export const principalOf = (res: Response) => res.locals.principal as Principal;
// Who did it, as the timeline and the audit log show it: the key's role and name (a person's name for a
// person's key). Never taken from a request body.
export const actorName = (p: Principal) => `${p.role}:${p.name}`;
export const actorOf = (res: Response) => actorName(principalOf(res));
