// GET /v1/audit (admins): the audit log as CSV, oldest first.
import { Router } from 'express';
import { auditCsv, readAudit } from '../../services/audit-log';
import { requireRole } from '../auth';
import type { AppDeps } from '../../deps';
import { auditQuery } from '../schemas';
import { parse } from '../validate';

export function auditRoutes({ sql }: AppDeps): Router {
  const router = Router();
  router.get('/v1/audit', requireRole(), async (req, res) => {
    const q = parse(auditQuery, req.query, 'query');
    const { rows, nextAfterId } = await readAudit(sql, q);
    if (nextAfterId) res.setHeader('X-Next-After-Id', nextAfterId);
    const name = `audit-${q.from.toISOString().slice(0, 10)}-${new Date(q.to.getTime() - 1).toISOString().slice(0, 10)}.csv`;
    res.type('text/csv').attachment(name).send(auditCsv(rows));
  });
  return router;
}
