// Security headers (helmet). Everything is same-origin; the server-rendered survey page's inline script
// and style carry a per-response nonce instead of opening the policy to 'unsafe-inline'.
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

const nonce = (_req: unknown, res: unknown) => `'nonce-${(res as Response).locals.cspNonce as string}'`;

export function securityHeaders() {
  const headers = helmet({
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
  });
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    headers(req, res, next);
  };
}

export const cspNonceOf = (res: Response) => res.locals.cspNonce as string;
