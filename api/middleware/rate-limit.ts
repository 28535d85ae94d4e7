// Per-key rate limiting: a token bucket per API key, so one runaway integration cannot starve the rest.
// In-process: each API replica limits on its own, which is enough to protect that replica.
import type { NextFunction, Request, Response } from 'express';
import { HttpError } from '../errors';

interface Bucket {
  tokens: number;
  at: number;
}

export interface RateLimitOptions {
  // Sustained requests per minute per key; also the burst size.
  perMinute: number;
  now?: () => number;
}

const MAX_TRACKED_KEYS = 10_000;

export function rateLimitPerKey({ perMinute, now = Date.now }: RateLimitOptions) {
  const buckets = new Map<string, Bucket>();
  const refillPerMs = perMinute / 60_000;

  const take = (key: string): { allowed: boolean; remaining: number; retryAfterS: number } => {
    const t = now();
    const b = buckets.get(key) ?? { tokens: perMinute, at: t };
    b.tokens = Math.min(perMinute, b.tokens + (t - b.at) * refillPerMs);
    b.at = t;
    if (!buckets.has(key)) {
      if (buckets.size >= MAX_TRACKED_KEYS) forgetFullBuckets(t);
      buckets.set(key, b);
    }
    if (b.tokens < 1) return { allowed: false, remaining: 0, retryAfterS: Math.ceil((1 - b.tokens) / refillPerMs / 1000) };
    b.tokens -= 1;
    return { allowed: true, remaining: Math.floor(b.tokens), retryAfterS: 0 };
  };

  // A full bucket holds no information; dropping it is the same as keeping it.
  const forgetFullBuckets = (t: number) => {
    for (const [key, b] of buckets) if (b.tokens + (t - b.at) * refillPerMs >= perMinute) buckets.delete(key);
  };

  return (_req: Request, res: Response, next: NextFunction) => {
    const principal = res.locals.principal as { keyId: string };
    const { allowed, remaining, retryAfterS } = take(principal.keyId);
    res.setHeader('ratelimit-limit', String(perMinute));
    res.setHeader('ratelimit-remaining', String(remaining));
    if (!allowed) {
      res.setHeader('retry-after', String(retryAfterS));
      throw new HttpError(429, 'rate_limited', `this API key made more than ${perMinute} requests in a minute; retry after ${retryAfterS} s`);
    }
    next();
  };
}
