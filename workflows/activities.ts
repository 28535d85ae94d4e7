// Activity stubs as the workflow sees them. PostgreSQL work (reads of the directory, writes of the case
// projection) runs as local activities: in the worker that runs the workflow task, with no round trip
// through the task queue, so a case's transitions up to its first send fit in one workflow task. Every one
// is idempotent and retries until PostgreSQL answers. Sends stay regular activities with a bounded number
// of tries: a provider that stays down for longer is a channel failure, and the case falls back to the next
// channel.
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities';

export type CaseActivities = ReturnType<typeof createActivities>;

const STORE_RETRY = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' } as const;

export const acts = proxyActivities<CaseActivities>({ startToCloseTimeout: '10 seconds', retry: STORE_RETRY });

// The activities that only talk to PostgreSQL.
export type StoreActivities = Pick<
  CaseActivities,
  | 'loadCustomer'
  | 'loadCaseContext'
  | 'assignCase'
  | 'listOfferCatalog'
  | 'checkContactPolicy'
  | 'recordCaseEvents'
  | 'recordCaseOffer'
  | 'claimOfferSlot'
  | 'recordContactOutcome'
  | 'recordSurveyAnswer'
  | 'requestOfferFulfilment'
>;

// What the stages call. An update or signal handler writes through `acts` instead: a handler awaiting a local
// activity while the main coroutine awaits another in the same workflow task could be replayed in another
// order than it ran (the two results resolve together on replay) and fail with a nondeterminism error.
export const localStore = proxyLocalActivities<StoreActivities>({
  startToCloseTimeout: '10 seconds',
  retry: STORE_RETRY,
});

// Tries 1, 2, 4, 8, then 10 s apart, with no limit of their own: the send ends once the provider has
// answered (or failed PROVIDER_TRIES times), however long PostgreSQL or Temporal is away meanwhile.
const SEND_RETRY = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 seconds' } as const;

// A send that holds the provider's answer while the database is down runs for minutes, heartbeating; a
// worker that dies mid-send is noticed by the missed heartbeats, not by the start-to-close bound.
export const sendActs = proxyActivities<Pick<CaseActivities, 'sendCaseMessage' | 'sendSurvey'>>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: SEND_RETRY,
});
