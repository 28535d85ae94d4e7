// Stage 5, re-survey: after the playbook's delay, ask the customer for a 0-10 score by SMS or email (the
// message links to /s/<token>), wait for the answer, and close the case.
import { sleep } from '@temporalio/workflow';
import { surveyChannel } from '../../domain/contact-channel';
import { durationMs } from '../../domain/duration';
import { sendActs } from '../activities';
import { sentMessageData, settledSend } from '../send-outcome';
import { isLowScore } from '../../domain/survey';
import type { CaseRun } from '../case-run';
import type { Verdict } from './conclude';
import { contact } from './contact';
import { sendWhenClear } from '../contact-clearance';

export async function resurvey(run: CaseRun, offerAccepted: boolean): Promise<Verdict> {
  const { state } = run;
  const policy = run.definition.survey;
  const delay = durationMs(policy.delay);
  run.setSlaDue(undefined);
  await run.record(
    'resurvey_scheduled',
    { at: new Date(Date.now() + delay).toISOString() },
    { stage: 'resurvey_scheduled' },
  );
  await sleep(delay);

  const outcome = offerAccepted ? 'retained' : 'churned';
  const channel = surveyChannel(run.customer!);
  if (!channel) return { outcome, reason: 'no_survey_channel' };
  // The survey's send checks the contact policy itself.
  const request = {
    key: `${state.caseId}:survey`,
    caseId: state.caseId,
    workflowId: state.workflowId,
    customerId: state.customerId,
    channel,
  };
  const sent = await settledSend(() =>
    sendWhenClear(run, channel, 'survey', (check) => sendActs.sendSurvey({ ...request, ...check })),
  );
  if (sent === 'skip') return { outcome, reason: 'no_survey_channel' };
  if (sent.status === 'failed') {
    await run.record('survey_failed', { channel, code: sent.code, message: sent.message });
    return { outcome, reason: 'survey_not_delivered' };
  }
  run.answers.expect('survey');
  state.survey = { channel };
  const timeout = durationMs(policy.answerTimeout);
  run.setSlaDue(timeout);
  await run.record('survey_sent', { channel, ...sentMessageData(sent) }, { stage: 'surveyed' });

  // The customer's wait: it ends at its own deadline, without escalation.
  const answer = await run.awaitAnswer('survey', timeout, { escalate: false });
  if (!answer) return { outcome, reason: 'survey_unanswered' };
  if (isLowScore(answer.score)) return followUpLowScore(run, outcome, answer.score);
  return { outcome, reason: 'survey_answered', data: { score: state.survey.score } };
}

// A detractor's score goes to the supervisor and the agent contacts the customer again; the case's outcome
// stands whatever that follow-up brings, which the timeline records.
async function followUpLowScore(run: CaseRun, outcome: 'retained' | 'churned', score: number): Promise<Verdict> {
  const { state } = run;
  await run.record('low_score_escalated', { score, escalatedTo: 'supervisor' });
  state.contact = { attempts: 0, round: (state.contact.round ?? 1) + 1 };
  const followUp = await contact(run);
  return {
    outcome,
    reason: 'low_score_followed_up',
    data: { score, followUp: followUp.reached ? 'reached' : followUp.reason },
  };
}
