// Retention reports for supervisors (api/services/retention-report.ts): JSON rows, or the same rows as CSV for
// a spreadsheet.
import { Router } from 'express';
import { churnReasonCsv } from '../../../domain/churn-reason-report';
import { reportCsv } from '../../../domain/retention-report';
import { churnReasonReportFor } from '../../services/churn-reason-report';
import { retentionReportRows } from '../../services/retention-report';
import { requireRole } from '../auth';
import type { AppDeps } from '../../deps';
import { churnReasonReportQuery, retentionReportQuery } from '../schemas';
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

  // Why customers were lost (api/services/churn-reason-report.ts): JSON, or CSV with format=csv or Accept.
  router.get('/v1/reports/churn-reasons', requireRole('supervisor'), async (req, res) => {
    const { format, ...q } = parse(churnReasonReportQuery, req.query, 'query');
    const report = await churnReasonReportFor(db, q);
    const csv =
      format === 'csv' || (format === undefined && req.accepts(['application/json', 'text/csv']) === 'text/csv');
    if (!csv) return void res.json(report);
    const last = new Date(q.to.getTime() - 1).toISOString().slice(0, 10);
    res
      .type('text/csv')
      .attachment(`churn-reasons-${q.period}-${q.from.toISOString().slice(0, 10)}-${last}.csv`)
      .send(churnReasonCsv(report));
  });
  return router;
}
