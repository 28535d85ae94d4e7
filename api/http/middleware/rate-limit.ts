// Rate limits, each a token bucket per caller, in-process (each API replica protects itself):
// - per API key, so one runaway integration cannot starve the rest;
// - per client address on the routes that take no key (survey pages and answers), so a token cannot be
//   guessed by brute force;
// - per client address for failed credentials (an unknown key, a bad Twilio signature): once an address has
//   failed too often it is refused before any database lookup, until its bucket refills.
import type { NextFunction, Request, Response } from 'express';
import { HttpError } from '../errors';

interface Bucket {
  tokens: number;
  at: number;
}

export interface RateLimitOptions {
  // Sustained requests per minute per caller; also the burst size.
  perMinute: number;
  now?: () => number;
}

const MAX_TRACKED = 10_000;

function tokenBuckets({ perMinute, now = Date.now }: RateLimitOptions) {
  const buckets = new Map<string, Bucket>();
  const refillPerMs = perMinute / 60_000;
  const current = (key: string, t: number): Bucket => {
    const b = buckets.get(key) ?? { tokens: perMinute, at: t };
    b.tokens = Math.min(perMinute, b.tokens + (t - b.at) * refillPerMs);
    b.at = t;
    if (!buckets.has(key)) {
      // A full bucket holds no information; dropping it is the same as keeping it.
      if (buckets.size >= MAX_TRACKED)
        for (const [k, old] of buckets) if (old.tokens + (t - old.at) * refillPerMs >= perMinute) buckets.delete(k);
      buckets.set(key, b);
    }
    return b;
  };
  const retryAfterS = (b: Bucket) => Math.ceil((1 - b.tokens) / refillPerMs / 1000);
  return {
    perMinute,
    take(key: string): { allowed: boolean; remaining: number; retryAfterS: number } {
      const b = current(key, now());
      if (b.tokens < 1) return { allowed: false, remaining: 0, retryAfterS: retryAfterS(b) };
      b.tokens -= 1;
      return { allowed: true, remaining: Math.floor(b.tokens), retryAfterS: 0 };
    },
    // Whether the caller has a token left, without taking one (for counting failures only).
    exhausted(key: string): { exhausted: boolean; retryAfterS: number } {
      const b = current(key, now());
      return { exhausted: b.tokens < 1, retryAfterS: b.tokens < 1 ? retryAfterS(b) : 0 };
    },
  };
}

// The connecting address (behind a proxy, Express's `trust proxy` setting decides what req.ip is).
const clientAddress = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

function refuse(res: Response, retryAfterS: number, message: string): never {
  res.setHeader('retry-after', String(retryAfterS));
  throw new HttpError(429, 'rate_limited', message);
}

export function rateLimitPerKey(options: RateLimitOptions) {
  const buckets = tokenBuckets(options);
  return (_req: Request, res: Response, next: NextFunction) => {
    const principal = res.locals.principal as { keyId: string };
    const { allowed, remaining, retryAfterS } = buckets.take(principal.keyId);
    res.setHeader('ratelimit-limit', String(options.perMinute));
    res.setHeader('ratelimit-remaining', String(remaining));
    if (!allowed)
      refuse(
        res,
        retryAfterS,
        `this API key made more than ${options.perMinute} requests in a minute; retry after ${retryAfterS} s`,
      );
    next();
  };
}

// For routes without a key: every request from an address takes a token.
export function rateLimitPerAddress(options: RateLimitOptions) {
  const buckets = tokenBuckets(options);
  return (req: Request, res: Response, next: NextFunction) => {
    const { allowed, retryAfterS } = buckets.take(clientAddress(req));
    if (!allowed) refuse(res, retryAfterS, `too many requests from this address; retry after ${retryAfterS} s`);
    next();
  };
}

// Failed credentials per address: `guard` refuses an address with no failures left before anything is looked
// up; `failed` spends one (the auth middleware and the webhook signature check call it).
export function failedCredentialLimit(options: RateLimitOptions) {
  const buckets = tokenBuckets(options);
  return {
    guard: (req: Request, res: Response, next: NextFunction) => {
      const { exhausted, retryAfterS } = buckets.exhausted(clientAddress(req));
      if (exhausted)
        refuse(res, retryAfterS, `too many failed credentials from this address; retry after ${retryAfterS} s`);
      next();
    },
    failed: (req: Request) => void buckets.take(clientAddress(req)),
  };
}
