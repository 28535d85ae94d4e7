// A case opened by hand (an agent's or supervisor's judgement): always acted on, with a manual signal.
import type { z } from 'zod';
import { classifyDriver } from '../../domain/driver';
import type { AppDeps } from '../deps';
import { HttpError, notFound } from '../http/errors';
import type { openCaseSchema } from '../http/schemas';
import { newCaseId } from './case-workflows';
import { liveExperiments } from './experiment-assignment';
import { chooseCasePlaybook } from './playbook-choice';
import { createPlaybookCatalog } from './playbook-catalog';
import { openCaseRow, withdrawUnstartedCase } from './signal-store';

export type OpenCaseBody = z.infer<typeof openCaseSchema>;

export function createCaseOpening({ db, sql, cases }: Pick<AppDeps, 'db' | 'sql' | 'cases'>) {
  const catalog = createPlaybookCatalog(sql);
  return async function openCaseByHand(body: OpenCaseBody, openedBy: string) {
    const customer = await db.customer.findUnique({ where: { id: body.customerId } });
    if (!customer) throw notFound('customer_not_found', `no customer with id ${body.customerId}`);
    const signals = [
      {
        signalId: `manual:${Date.now()}`,
        type: 'manual' as const,
        severity: 1,
        occurredAt: new Date().toISOString(),
        details: { reason: body.reason, note: body.note },
      },
    ];
    const { pinned, choice } = await chooseCasePlaybook(await liveExperiments(sql), catalog, await catalog.newest(), {
      playbookId: body.playbookId,
      customer: {
        id: customer.id,
        tier: customer.tier,
        segment: customer.segment,
        lifecycleStage: customer.lifecycleStage,
        assetsUnderManagement: customer.assetsUnderManagement.toNumber(),
      },
      driver: classifyDriver(signals),
      namedBy: 'the person who opened the case',
    });
    const playbook = pinned.pin;
    const caseId = newCaseId();
    // The case row is written (and readable) before the workflow starts; a failed start withdraws it.
    const { openCaseId } = await openCaseRow(sql, {
      caseId,
      customerId: body.customerId,
      reason: body.reason,
      playbook,
      arm: pinned.arm,
    });
    if (openCaseId)
      throw new HttpError(409, 'case_already_open', `customer ${body.customerId} already has an open case`, [], {
        caseId: openCaseId,
      });
    try {
      const opened = await cases.openCase({
        caseId,
        customerId: body.customerId,
        reason: body.reason,
        playbookId: playbook.id,
        playbook,
        openedBy,
        forceAction: true,
        signals,
        choice,
      });
      return { ...opened, stage: 'detected' as const, playbook };
    } catch (e) {
      await withdrawUnstartedCase(sql, caseId);
      throw e;
    }
  };
}
