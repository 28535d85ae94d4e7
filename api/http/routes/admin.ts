// Provisioning (admins): a whole setup at once (POST /v1/admin/apply, as `npm run admin -- apply`), or one
// segment, team, agent or offer at a time. Idempotent: the same input twice changes nothing the second time.
import { Router } from 'express';
import { z } from 'zod';
import {
  agentSpecSchema,
  bankConfigSchema,
  offerSpecSchema,
  segmentSpecSchema,
  teamSpecSchema,
} from '../../../domain/provisioning';
import { segmentCodeSchema } from '../../../domain/segment';
import { messageTemplateSpecSchema, TEMPLATE_CHANNELS, TEMPLATE_IDS } from '../../../domain/message-template';
import { principalOf, requireRole } from '../auth';
import type { AppDeps } from '../../deps';
import {
  applyAgent,
  applyConfig,
  applyOffer,
  applyOne,
  applySegment,
  applyTeam,
  applyTemplate,
  type ApplySpec,
} from '../../services/provisioning';
import { idSchema } from '../../../domain/record-fields';
import { teamIdParams } from '../schemas';
import { parse } from '../validate';

export const segmentBody = segmentSpecSchema.omit({ code: true });
export const segmentCodeParams = z.object({ code: segmentCodeSchema });
export const teamBody = teamSpecSchema.omit({ id: true });
export const agentBody = agentSpecSchema.omit({ id: true });
export const offerBody = offerSpecSchema.omit({ id: true });
export const agentIdParams = z.object({ agentId: idSchema });
export const offerIdParams = z.object({ offerId: idSchema });
export const templateIdParams = z.object({ templateId: z.enum(TEMPLATE_IDS) });
// The placeholders a template may use depend on its id, so the body is checked with the id put back in. Without
// a locale it is English; without a channel it is the SMS and the email (the 1.0 shape).
export const templateBody = z.strictObject({
  locale: z.string().optional(),
  channel: z.enum(TEMPLATE_CHANNELS).optional(),
  subject: z.string().optional(),
  text: z.string(),
});

export function adminRoutes({ db }: AppDeps): Router {
  const router = Router();
  router.post('/v1/admin/apply', requireRole(), async (req, res) => {
    res.json({ applied: await applyConfig(db, parse(bankConfigSchema, req.body, 'body'), principalOf(res)) });
  });

  // PUT /v1/<kind>s/:id with the spec's other fields as the body.
  function single<S extends { id: string }>(
    path: string,
    params: z.ZodObject,
    body: z.ZodType,
    apply: ApplySpec<S>,
    whole?: z.ZodType,
  ) {
    router.put(path, requireRole(), async (req, res) => {
      const [id] = Object.values(parse(params, req.params, 'path') as Record<string, string>);
      const fields = { id, ...(parse(body, req.body, 'body') as object) };
      const spec = (whole ? parse(whole, fields, 'body') : fields) as S;
      const result = await applyOne(db, principalOf(res), spec, apply);
      res.status(result === 'created' ? 201 : 200).json({ ...spec, result });
    });
  }
  // A segment is named by its code, not an id: the one kind the helper above does not fit.
  router.put('/v1/segments/:code', requireRole(), async (req, res) => {
    const { code } = parse(segmentCodeParams, req.params, 'path');
    const spec = { code, ...parse(segmentBody, req.body, 'body') };
    const result = await applyOne(db, principalOf(res), spec, applySegment);
    res.status(result === 'created' ? 201 : 200).json({ ...spec, result });
  });
  single('/v1/teams/:teamId', teamIdParams, teamBody, applyTeam);
  single('/v1/agents/:agentId', agentIdParams, agentBody, applyAgent);
  single('/v1/offers/:offerId', offerIdParams, offerBody, applyOffer);
  single('/v1/templates/:templateId', templateIdParams, templateBody, applyTemplate, messageTemplateSpecSchema);
  return router;
}
