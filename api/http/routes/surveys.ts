// The customer's side of the re-survey: a small page at /s/:token and the answer endpoint. The token is the
// only credential and works once.
import { Router } from 'express';
import { surveyAnswerInputSchema } from '../../../domain/human-steps';
import { surveyAnswerUpdate } from '../../../workflows/messages';
import type { AppDeps } from '../../deps';
import { HttpError } from '../errors';
import { surveyTokenParams } from '../schemas';
import { parse } from '../validate';
import { cspNonceOf } from '../middleware/security-headers';
import { surveyPage } from '../survey-page';

export function surveyRoutes({ db, cases }: AppDeps): Router {
  const router = Router();

  async function openSurvey(params: unknown) {
    const { token } = parse(surveyTokenParams, params, 'path');
    const survey = await db.survey.findUnique({ where: { token }, include: { case: { select: { workflowId: true, runId: true, status: true } } } });
    if (!survey) throw new HttpError(404, 'survey_not_found', 'this survey link is not valid');
    return survey;
  }

  router.get('/s/:token', async (req, res) => {
    const survey = await openSurvey(req.params);
    res.type('html').send(surveyPage({ token: survey.token, answered: survey.answeredAt !== null, nonce: cspNonceOf(res) }));
  });

  router.post('/v1/surveys/:token', async (req, res) => {
    const survey = await openSurvey(req.params);
    const answer = parse(surveyAnswerInputSchema, req.body, 'body');
    if (survey.answeredAt) {
      // The same answer again (a double submit whose first copy was recorded first, or a retry after a lost
      // response) is told it was recorded; another answer is refused.
      if (survey.score === answer.score && (survey.comment ?? '') === (answer.comment ?? '')) return void res.json({ status: 'recorded', score: survey.score });
      throw new HttpError(409, 'survey_already_answered', 'this survey has already been answered; thank you');
    }
    if (survey.case.status === 'closed') throw new HttpError(410, 'survey_closed', 'this survey is closed');
    // The survey's id names its one answer: a double submit or a retry joins the first instead of being refused.
    const state = await cases.runStep({ workflowId: survey.case.workflowId, runId: survey.case.runId }, surveyAnswerUpdate, { ...answer, actor: 'customer' }, survey.id).catch((e) => {
      if (e instanceof HttpError && e.code === 'wrong_stage') throw new HttpError(409, 'survey_already_answered', 'this survey is no longer open for answers');
      throw e;
    });
    res.json({ status: 'recorded', score: state.survey?.score ?? answer.score });
  });
  return router;
}
