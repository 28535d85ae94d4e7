// The customer's side of the re-survey: the token in the survey link is the only credential and works once.
import type { Db } from '../../config/database';
import type { SurveyAnswerInput } from '../../domain/human-steps';
import { surveyAnswerUpdate } from '../../workflows/messages';
import type { AppDeps } from '../deps';
import { DomainError } from '../../domain/errors/domain-error';
import {
  surveyAlreadyAnswered,
  surveyClosed,
  surveyNoLongerOpen,
  surveyNotFound,
} from '../../domain/errors/survey-errors';

async function openSurvey(db: Db, token: string) {
  const survey = await db.survey.findUnique({
    where: { token },
    include: {
      case: { select: { workflowId: true, runId: true, status: true, customer: { select: { locale: true } } } },
    },
  });
  if (!survey) throw surveyNotFound({});
  return survey;
}

// What the survey page shows: the form, or thanks once answered.
export async function surveyForPage(
  db: Db,
  token: string,
): Promise<{ token: string; answered: boolean; customerLocale: string | null }> {
  const survey = await openSurvey(db, token);
  return { token: survey.token, answered: survey.answeredAt !== null, customerLocale: survey.case.customer.locale };
}

// `readAnswer` is called once the link is known valid, so a bad link is "not found" whatever was posted.
export async function answerSurvey(
  { db, cases }: Pick<AppDeps, 'db' | 'cases'>,
  token: string,
  readAnswer: () => SurveyAnswerInput,
): Promise<{ status: 'recorded'; score: number }> {
  const survey = await openSurvey(db, token);
  const answer = readAnswer();
  if (survey.answeredAt) {
    // The same answer again (a double submit whose first copy was recorded first, or a retry after a lost
    // response) is told it was recorded; another answer is refused.
    if (survey.score === answer.score && (survey.comment ?? '') === (answer.comment ?? ''))
      return { status: 'recorded', score: answer.score };
    throw surveyAlreadyAnswered({});
  }
  if (survey.case.status === 'closed') throw surveyClosed({});
  // The survey's id names its one answer: a double submit or a retry joins the first instead of being refused.
  const state = await cases
    .runStep(
      { workflowId: survey.case.workflowId, runId: survey.case.runId },
      surveyAnswerUpdate,
      { ...answer, actor: 'customer' },
      survey.id,
    )
    .catch((e) => {
      if (e instanceof DomainError && e.code === 'wrong_stage') throw surveyNoLongerOpen({});
      throw e;
    });
  return { status: 'recorded', score: state.survey?.score ?? answer.score };
}
