// Retention reports for supervisors (api/services/retention-report.ts): JSON rows, or the same rows as CSV for
// a spreadsheet.
import { Router } from 'express';
import { reportCsv } from '../../../domain/retention-report';
import { retentionReportRows } from '../../services/retention-report';
import { requireRole } from '../auth';
import type { AppDeps } from '../../deps';
import { retentionReportQuery } from '../schemas';
import { parse } from '../validate';

export function reportRoutes({ db }: AppDeps): Router {
  const router = Router();
  router.get('/v1/reports/retention', requireRole('supervisor'), async (req, res) => {
    const q = parse(retentionReportQuery, req.query, 'query');
    const rows = await retentionReportRows(db, q);
    if (req.accepts(['application/json', 'text/csv']) === 'text/csv') {
      // Named by the first and last day covered (`to` itself is exclusive).
      const name = `retention-${q.groupBy}-${q.from.toISOString().slice(0, 10)}-${new Date(q.to.getTime() - 1).toISOString().slice(0, 10)}.csv`;
      res
        .type('text/csv')
        .attachment(name)
        .send(reportCsv(rows, q.period !== undefined));
      return;
    }
    res.json({
      from: q.from.toISOString(),
      to: q.to.toISOString(),
      groupBy: q.groupBy,
      period: q.period ?? null,
      rows,
    });
  });
  return router;
}
