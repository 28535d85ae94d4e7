// Security headers (helmet). Everything is same-origin; the server-rendered survey page's inline script
// and style carry a per-response nonce instead of opening the policy to 'unsafe-inline'.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

const nonce = (_req: unknown, res: unknown) => `'nonce-${(res as Response).locals.cspNonce as string}'`;

export const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", nonce],
      styleSrc: ["'self'", nonce],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      // TLS is terminated in front of the API where there is TLS; upgrading would break plain-HTTP installs.
      upgradeInsecureRequests: null,
    },
  },
  // Keys live in sessionStorage; URLs (case ids, survey tokens) never go to other sites.
  referrerPolicy: { policy: 'no-referrer' },
};

// Stands for the nonce while helmet's headers are taken once; base64 never contains it.
const NONCE_MARK = '~nonce~';

// What helmet sets and removes on a response, taken once: helmet builds every header (the policy's ~300
// characters included) again for each response, about 5% of the API's CPU on a case read.
function helmetHeaders() {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const res = {
    locals: { cspNonce: NONCE_MARK },
    setHeader: (name: string, value: string) => void set.push([name, String(value)]),
    removeHeader: (name: string) => void removed.push(name),
  };
  let called = false;
  helmet(HELMET_OPTIONS)({} as IncomingMessage, res as unknown as ServerResponse, (e?: unknown) => {
    if (e) throw e;
    called = true;
  });
  if (!called) throw new Error('helmet did not set its headers at once');
  return { set, removed };
}

export function securityHeaders() {
  const { set, removed } = helmetHeaders();
  const fixed = set.filter(([, value]) => !value.includes(NONCE_MARK));
  const withNonce = set.filter(([, value]) => value.includes(NONCE_MARK));
  return (_req: Request, res: Response, next: NextFunction) => {
    const cspNonce = randomBytes(16).toString('base64');
    res.locals.cspNonce = cspNonce;
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of fixed) res.setHeader(name, value);
    for (const [name, value] of withNonce) res.setHeader(name, value.replaceAll(NONCE_MARK, cspNonce));
    next();
  };
}

export const cspNonceOf = (res: Response) => res.locals.cspNonce as string;
