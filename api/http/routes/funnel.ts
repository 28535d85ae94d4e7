// A playbook's funnel (api/services/funnel.ts): JSON steps, or the same steps as CSV for a spreadsheet.
import { Router } from 'express';
import { funnelCsv } from '../../../domain/funnel';
import type { AppDeps } from '../../deps';
import { readFunnel } from '../../services/funnel';
import { requireRole } from '../auth';
import { funnelQuery } from '../experiment-schemas';
import { playbookParams } from '../schemas';
import { parse } from '../validate';

export function funnelRoutes({ sql }: AppDeps): Router {
  const router = Router();
  router.get('/v1/playbooks/:playbookId/funnel', requireRole('supervisor'), async (req, res) => {
    const { playbookId } = parse(playbookParams, req.params, 'path');
    const q = parse(funnelQuery, req.query, 'query');
    const steps = await readFunnel(sql, { playbookId, ...q });
    if (req.accepts(['application/json', 'text/csv']) === 'text/csv') {
      res
        .type('text/csv')
        .attachment(
          `funnel-${playbookId}-${q.from.toISOString().slice(0, 10)}-${new Date(q.to.getTime() - 1).toISOString().slice(0, 10)}.csv`,
        )
        .send(funnelCsv(steps));
      return;
    }
    res.json({ playbookId, from: q.from.toISOString(), to: q.to.toISOString(), steps });
  });
  return router;
}
