// All activities, built from their clients (see worker/ for the wiring).
import { createAnonymisation } from './anonymisation';
import { createCaseStore } from './case-store';
import { createContactPolicyCheck } from './contact-policy';
import { createCrmPush } from './crm';
import type { ActivityDeps } from './deps';
import { createDetection } from './detection';
import { createDirectory } from './directory';
import { createMessaging } from './messaging';

export type { ActivityDeps } from './deps';

export function createActivities(deps: ActivityDeps) {
  return {
    ...createDirectory(deps),
    ...createCaseStore(deps),
    ...createMessaging(deps),
    ...createCrmPush(deps),
    ...createContactPolicyCheck(deps),
    ...createDetection(deps),
    ...createAnonymisation(deps),
  };
}
