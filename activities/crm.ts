// CRM work as the workflow sees it. Timeline events reach the CRM through the outbox written with each
// transition (activities/case-store.ts); the fulfilment task of an accepted offer is queued the same way.
import { Context } from '@temporalio/activity';
import type { FulfilmentTask } from './clients/crm';
import { fulfilmentOutboxRow } from './crm-outbox-rows';
import type { ActivityDeps } from './deps';

export function createCrmPush({ db, crm, logger }: ActivityDeps) {
  return {
    // The back office fulfils an accepted offer (applies the rate, waives the fee) from a CRM task.
    async requestOfferFulfilment(task: FulfilmentTask): Promise<void> {
      if (!crm) {
        logger.warn('no CRM configured, fulfilment task not created', { caseId: task.caseId, offerId: task.offerId });
        return;
      }
      await db.crmOutbox.createMany({
        data: [fulfilmentOutboxRow(task, Context.current().info.taskQueue)],
        skipDuplicates: true,
      });
    },
  };
}
