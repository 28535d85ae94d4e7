// Refusals a customer meets on the satisfaction survey page.
import { refusal } from './domain-error';

export const surveyNotFound = refusal<Record<string, never>>(
  'not_found',
  'survey_not_found',
  () => 'this survey link is not valid',
);

export const surveyAlreadyAnswered = refusal<Record<string, never>>(
  'conflict',
  'survey_already_answered',
  () => 'this survey has already been answered; thank you',
);

// The case moved on before the answer arrived.
export const surveyNoLongerOpen = refusal<Record<string, never>>(
  'conflict',
  'survey_already_answered',
  () => 'this survey is no longer open for answers',
);

export const surveyClosed = refusal<Record<string, never>>('gone', 'survey_closed', () => 'this survey is closed');
