// API-key authentication for Express: the Bearer key is looked up (api/services/key-lookup.ts) and its
// principal kept on the response for the routes. An admin may call every endpoint.
import type { NextFunction, Request, Response } from 'express';
import type { Db } from '../../config/database';
import type { Role } from '../../domain/vocabulary';
import { principalOfKey } from '../services/key-lookup';
import { actorName, type Principal } from '../services/principal';
import { HttpError } from './errors';

// `onFailure` hears of every request whose key is missing, unknown or revoked (the per-address limit).
export function authenticate(db: Db, adminKey?: string, onFailure: (req: Request) => void = () => undefined) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      onFailure(req);
      throw new HttpError(401, 'unauthenticated', 'send an API key as "Authorization: Bearer <key>"');
    }
    const principal = await principalOfKey(db, match[1]!, adminKey);
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
      throw new HttpError(
        403,
        'forbidden',
        `this endpoint needs one of the roles: ${['admin', ...roles].join(', ')}; your key has role ${principal.role}`,
      );
    }
    next();
  };
}

export const principalOf = (res: Response) => res.locals.principal as Principal;
export const actorOf = (res: Response) => actorName(principalOf(res));
