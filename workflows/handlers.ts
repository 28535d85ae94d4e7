// Everything a running case answers to: the state query, signals joining the case, providers' delivery
// reports and consent changes, and the human steps (human-step-handlers.ts: the four answers people give;
// supervisor-handlers.ts: reassign, SLA, retry, close). Validators run before anything is written to history:
// a wrong stage or malformed input is refused with a typed failure (messages.ts) the API turns into 409/400.
import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import { UNDELIVERED_STATUSES } from '../domain/delivery';
import { assessRisk, type RiskSignalInput } from '../domain/risk';
import type { CaseRun } from './case-run';
import { registerHumanSteps } from './human-step-handlers';
import {
  addSignalUpdate,
  CASE_CLOSED,
  caseStateQuery,
  consentChangedSignal,
  customerReplySignal,
  deliveryReportSignal,
} from './messages';
import { stepSchemas } from './step-schemas';
import { requireValid } from './step-guards';
import { registerSupervisorSteps } from './supervisor-handlers';

function registerAddSignal(run: CaseRun): void {
  setHandler(
    addSignalUpdate,
    async (signal: RiskSignalInput) => {
      const known = run.state.signals.some((s) => s.signalId === signal.signalId);
      if (!known) {
        run.state.signals.push(signal);
        if (signal.type === 'balance_recovery') run.recovered = true;
        if (run.state.tier) run.state.risk = assessRisk(run.state.signals, run.state.tier, new Date());
        // Recorded only once the case exists in the store (after detect's first event).
        if (run.state.eventSeq > 0)
          await run.record(
            'signal_joined',
            { signalId: signal.signalId, type: signal.type, score: run.state.risk?.score ?? null },
            { fromHandler: true },
          );
      }
      return { caseId: run.state.caseId, workflowId: run.state.workflowId, joined: !known };
    },
    {
      validator: (signal: RiskSignalInput) => {
        requireValid(stepSchemas().joiningSignalSchema, signal);
        if (run.closed) throw ApplicationFailure.create({ type: CASE_CLOSED, message: 'the case is closed' });
      },
    },
  );
}

export function registerHandlers(run: CaseRun, cancelStages: () => void): void {
  setHandler(caseStateQuery, () => run.state);
  registerAddSignal(run);
  registerHumanSteps(run);
  registerSupervisorSteps(run, cancelStages);

  // A provider reported that a message did not reach the customer: the contact stage moves on at once.
  setHandler(deliveryReportSignal, (report) => {
    if ((UNDELIVERED_STATUSES as readonly string[]).includes(report.status)) run.undelivered.set(report.key, report);
  });

  setHandler(consentChangedSignal, async (change) => {
    if (run.closed || run.state.eventSeq === 0) return;
    await run.record(
      'consent_changed',
      { channel: change.channel, granted: change.granted, source: change.source },
      { actor: change.actor, fromHandler: true },
    );
  });

  // A reply from the customer is the agent's to answer: it goes on the timeline (and to the CRM) as their task.
  setHandler(customerReplySignal, async (reply) => {
    if (run.closed || run.state.eventSeq === 0) return;
    await run.record(
      'customer_replied',
      {
        channel: reply.channel,
        text: reply.text.slice(0, 1600),
        receivedAt: reply.receivedAt,
        task: 'reply_to_customer',
        agentId: run.state.agentId ?? null,
      },
      { actor: `customer:${reply.channel}`, fromHandler: true },
    );
  });
}
