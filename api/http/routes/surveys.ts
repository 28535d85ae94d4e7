// The customer's side of the re-survey (api/services/surveys.ts): a small page at /s/:token and the answer
// endpoint. The token is the only credential and works once.
import { Router } from 'express';
import { surveyAnswerInputSchema } from '../../../domain/human-steps';
import type { AppDeps } from '../../deps';
import { answerSurvey, surveyForPage } from '../../services/surveys';
import { cspNonceOf } from '../middleware/security-headers';
import { surveyTokenParams } from '../schemas';
import { surveyPage } from '../survey-page';
import { surveyLocale } from '../survey-page-words';
import { FALLBACK_LOCALE } from '../../../domain/locale';
import { parse } from '../validate';

export function surveyRoutes(deps: AppDeps): Router {
  const router = Router();

  router.get('/s/:token', async (req, res) => {
    const { token } = parse(surveyTokenParams, req.params, 'path');
    const { customerLocale, ...survey } = await surveyForPage(deps.db, token);
    const locale = surveyLocale(customerLocale, deps.defaultLocale ?? FALLBACK_LOCALE);
    res.type('html').send(surveyPage({ ...survey, locale, nonce: cspNonceOf(res) }));
  });

  router.post('/v1/surveys/:token', async (req, res) => {
    const { token } = parse(surveyTokenParams, req.params, 'path');
    res.json(await answerSurvey(deps, token, () => parse(surveyAnswerInputSchema, req.body, 'body')));
  });
  return router;
}
