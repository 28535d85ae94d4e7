// POST /v1/customers/import: the bulk customer import (api/services/customer-import.ts) for systems that push a file.
// The body is streamed into the importer, never held whole: a file of any size costs one batch of memory.
import { Router } from 'express';
import type { AppDeps } from '../../deps';
import { HttpError } from '../errors';
import { principalOf, requireRole } from '../auth';
import { announceConsentChanges } from '../../services/customers';
import { CsvHeaderError } from '../../services/customer-csv';
import { CsvEmptyError, importCustomers, type RejectedRow } from '../../services/customer-import';
import { requestLog } from '../middleware/request-context';

// An import's answer lists this many rejected rows (the count is always exact).
const MAX_LISTED_REJECTIONS = 1000;

export function customerImportRoutes(deps: AppDeps): Router {
  const router = Router();
  router.post('/v1/customers/import', requireRole('system'), async (req, res) => {
    if (!req.is('text/csv'))
      throw new HttpError(
        415,
        'unsupported_media_type',
        'send the CSV file as the request body with Content-Type: text/csv (UTF-8)',
      );
    const rejections: Omit<RejectedRow, 'cells'>[] = [];
    const log = requestLog(res);
    try {
      const summary = await importCustomers(deps.sql, req, {
        by: principalOf(res),
        source: 'POST /v1/customers/import',
        onRejected: ({ line, id, reason }) =>
          void (rejections.length < MAX_LISTED_REJECTIONS && rejections.push({ line, id, reason })),
        onConsentChanged: (changes) => announceConsentChanges(deps, log, changes),
      });
      res.json({ ...summary, rejections, rejectionsTruncated: summary.rejected > rejections.length });
    } catch (e) {
      if (e instanceof CsvHeaderError) throw new HttpError(400, 'csv_header_invalid', e.message);
      if (e instanceof CsvEmptyError) throw new HttpError(400, 'csv_empty', e.message);
      throw e;
    }
  });

  return router;
}
