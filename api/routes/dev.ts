// Local stack only: what the SMS, email and CRM sinks captured.
import { Router } from 'express';
import { z } from 'zod';
import type { OutboxReader } from '../deps';
import { parse } from '../validate';

const outboxQuery = z.object({ kind: z.enum(['sms', 'email', 'crm']).optional(), limit: z.coerce.number().int().min(1).max(1000).optional() });

export function devRoutes(outbox: OutboxReader): Router {
  const router = Router();
  router.get('/dev/outbox', (req, res) => {
    res.json({ items: outbox.list(parse(outboxQuery, req.query, 'query')) });
  });
  return router;
}
