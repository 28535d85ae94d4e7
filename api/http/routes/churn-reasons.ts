// The churn reason catalogue: read by agents and supervisors (the pickers of the close and refusal forms),
// provisioned by admins one reason at a time (or with the rest of the setup, POST /v1/admin/apply), and a
// supervisor's reason for a case closed without one.
import { Router } from 'express';
import { churnReasonInputSchema, churnReasonSpecSchema } from '../../../domain/churn-reasons';
import type { AppDeps } from '../../deps';
import { listChurnReasons, recordChurnReason } from '../../services/churn-reasons';
import { applyChurnReason, applyOne } from '../../services/provisioning';
import { principalOf, requireRole } from '../auth';
import { caseIdParams, churnReasonCodeParams, churnReasonListQuery } from '../schemas';
import { parse } from '../validate';

export const churnReasonBody = churnReasonSpecSchema.omit({ code: true });

export function churnReasonRoutes({ db }: AppDeps): Router {
  const router = Router();
  router.get('/v1/churn-reasons', requireRole('agent', 'supervisor'), async (req, res) => {
    const { includeRetired } = parse(churnReasonListQuery, req.query, 'query');
    res.json({ items: await listChurnReasons(db, { includeRetired }) });
  });

  // Retiring a reason is `active: false`: cases that used it keep it, new answers cannot choose it.
  router.put('/v1/churn-reasons/:code', requireRole(), async (req, res) => {
    const { code } = parse(churnReasonCodeParams, req.params, 'path');
    const spec = { code, ...parse(churnReasonBody, req.body, 'body') };
    const result = await applyOne(db, principalOf(res), spec, applyChurnReason);
    res.status(result === 'created' ? 201 : 200).json({ ...spec, result });
  });

  router.put('/v1/cases/:caseId/churn-reason', requireRole('supervisor'), async (req, res) => {
    const { caseId } = parse(caseIdParams, req.params, 'path');
    const reason = parse(churnReasonInputSchema, req.body, 'body');
    res.json(await recordChurnReason(db, principalOf(res), caseId, reason));
  });
  return router;
}
