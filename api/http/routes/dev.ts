// Local stack only: what the SMS, email and CRM sinks captured.
import { Router } from 'express';
import type { OutboxReader } from '../../deps';
import { outboxQuery } from '../schemas';
import { parse } from '../validate';

export function devRoutes(outbox: OutboxReader): Router {
  const router = Router();
  router.get('/dev/outbox', (req, res) => {
    res.json({ items: outbox.list(parse(outboxQuery, req.query, 'query')) });
  });
  return router;
}
