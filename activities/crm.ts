// Pushes each timeline event to the CRM, keyed by case id + event sequence.
import type { FulfilmentTask } from './clients/crm';
import type { CaseEventRecord } from './case-store';
import type { ActivityDeps } from './deps';

export function createCrmPush({ crm, logger }: ActivityDeps) {
  return {
    async pushCaseEventToCrm({ event, customerId, stage }: { event: CaseEventRecord; customerId: string; stage: string }): Promise<void> {
      if (!crm) {
        logger.debug('no CRM configured, event not pushed', { caseId: event.caseId, seq: event.seq });
        return;
      }
      await crm.pushCaseEvent({ ...event, customerId, stage }, `${event.caseId}:${event.seq}`);
    },

    // The back office fulfils an accepted offer (applies the rate, waives the fee) from a CRM task.
    async requestOfferFulfilment(task: FulfilmentTask): Promise<void> {
      if (!crm) {
        logger.warn('no CRM configured, fulfilment task not created', { caseId: task.caseId, offerId: task.offerId });
        return;
      }
      await crm.createFulfilmentTask(task, `${task.caseId}:fulfilment`);
    },
  };
}
