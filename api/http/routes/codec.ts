// Temporal's remote codec protocol, for authorised eyes only: `temporal workflow show --codec-endpoint
// <api>/v1/codec --codec-auth "Bearer <key>"` and the Temporal UI (its codec endpoint setting) send encrypted
// payloads here and get them back readable. Supervisor and admin keys only; browsers only from the origins in
// HOLDFAST_CODEC_CORS_ORIGINS (the Temporal UI's). Without the codec, a history shows only ciphertext.
import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { payloadFromJson, payloadToJson } from '../../../config/payload-codec';
import { requireRole } from '../auth';
import type { AppDeps } from '../../deps';
import { HttpError } from '../errors';
import { parse } from '../validate';

export const CODEC_PATH = '/v1/codec';

const base64 = z
  .string()
  .max(4_000_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
export const codecBody = z.object({
  payloads: z
    .array(z.object({ metadata: z.record(z.string(), base64).optional(), data: base64.optional() }))
    .max(1_000),
});

// CORS for the Temporal UI (mounted on CODEC_PATH), answered before authentication: a preflight carries no key.
export function codecCors(allowedOrigins: string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.header('origin');
    if (origin && allowedOrigins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, x-namespace');
      res.setHeader('Access-Control-Allow-Methods', 'POST');
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') return void res.status(origin && allowedOrigins.includes(origin) ? 204 : 403).end();
    next();
  };
}

export function codecRoutes({ payloadCodec }: AppDeps): Router {
  const router = Router();
  for (const direction of ['encode', 'decode'] as const) {
    router.post(`${CODEC_PATH}/${direction}`, requireRole('supervisor', 'admin'), async (req, res) => {
      if (!payloadCodec)
        throw new HttpError(503, 'codec_not_configured', 'this API has no payload keys (HOLDFAST_PAYLOAD_KEYS)');
      const { payloads } = parse(codecBody, req.body, 'body');
      try {
        res.json({ payloads: (await payloadCodec[direction](payloads.map(payloadFromJson))).map(payloadToJson) });
      } catch (e) {
        throw new HttpError(400, 'codec_failed', `the payloads could not be ${direction}d: ${(e as Error).message}`);
      }
    });
  }
  return router;
}
