// A supervisor's close of a case by hand: the outcome, why, and the churn reason when the customer was lost.
import { useState } from 'preact/hooks';
import type { Api } from '../api';
import type { CaseSteps } from '../data/case-steps';
import { SUPERVISOR_OUTCOMES } from '../vocabulary';
import { ChurnReasonFields } from './churn-reason-fields';
import { Options } from './step-form-parts';

export function CloseCaseForm({ api, submit }: { api: Api; submit: CaseSteps['submit'] }) {
  // A lost case (churned or declined) asks for a churn reason.
  const [outcome, setOutcome] = useState<string>(SUPERVISOR_OUTCOMES[0]);
  return (
    <form onSubmit={submit('close')} aria-label="Close case">
      <select
        name="outcome"
        aria-label="Case outcome"
        value={outcome}
        onChange={(e) => setOutcome(e.currentTarget.value)}
      >
        <Options values={SUPERVISOR_OUTCOMES} />
      </select>
      <input name="note" placeholder="why it is closed by hand" required maxLength={2000} />
      {(outcome === 'churned' || outcome === 'declined') && <ChurnReasonFields api={api} />}
      <button type="submit" class="danger">
        Close case
      </button>
    </form>
  );
}
