// A case opened by hand (an agent's or supervisor's judgement): always acted on, with a manual signal.
import { classifyDriver } from '../../domain/driver';
import { caseAlreadyOpen } from '../../domain/errors/case-errors';
import { customerNotFound } from '../../domain/errors/customer-errors';
import type { AppDeps } from '../deps';
import { newCaseId } from './case-workflows';
import { liveExperiments } from './experiment-assignment';
import { chooseCasePlaybook } from './playbook-choice';
import { createPlaybookCatalog } from './playbook-catalog';
import { openCaseRow, withdrawUnstartedCase } from './signal-store';

// What opening a case by hand takes (POST /v1/cases validates it: api/http/schemas.ts).
export type OpenCaseBody = { customerId: string; reason: string; playbookId?: string; note?: string };

export function createCaseOpening({ db, sql, cases }: Pick<AppDeps, 'db' | 'sql' | 'cases'>) {
  const catalog = createPlaybookCatalog(sql);
  return async function openCaseByHand(body: OpenCaseBody, openedBy: string) {
    const customer = await db.customer.findUnique({ where: { id: body.customerId } });
    if (!customer) throw customerNotFound({ customerId: body.customerId });
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
    if (openCaseId) throw caseAlreadyOpen(body.customerId, openCaseId);
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
