// All activities, built from their clients (see worker/ for the wiring).
import { createAnonymisation } from './anonymisation';
import { createCaseStore, writingCarriedEvents } from './case-store';
import { createContactPolicyCheck } from './contact-policy';
import { createCrmPush } from './crm';
import type { ActivityDeps } from './deps';
import { createDetection } from './detection';
import { createDirectory } from './directory';
import { createExperimentReview } from './experiment-review';
import { createMessaging } from './messaging';
import { createModelScoring } from './model-scoring';

export type { ActivityDeps } from './deps';

export function createActivities(deps: ActivityDeps) {
  const all = {
    ...createDirectory(deps),
    ...createCaseStore(deps),
    ...createMessaging(deps),
    ...createCrmPush(deps),
    ...createContactPolicyCheck(deps),
    ...createDetection(deps),
    ...createAnonymisation(deps),
    ...createExperimentReview(deps),
    ...createModelScoring(deps),
  };
  // The calls a workflow step's events ride with (CaseRun.withRecorded): each writes them before it runs.
  return {
    ...all,
    assignCase: writingCarriedEvents(deps, all.assignCase),
    checkContactPolicy: writingCarriedEvents(deps, all.checkContactPolicy),
    sendCaseMessage: writingCarriedEvents(deps, all.sendCaseMessage),
    sendSurvey: writingCarriedEvents(deps, all.sendSurvey),
  };
}
