// The customer's answer to the offer: accepted, or declined with the churn reason they gave.
import type { Api } from '../api';
import type { CaseSteps } from '../data/case-steps';
import { ChurnReasonFields } from './churn-reason-fields';

interface Props {
  api: Api;
  offerName: string | undefined;
  step: CaseSteps['step'];
  submit: CaseSteps['submit'];
}

export function OfferDecisionForm({ api, offerName, step, submit }: Props) {
  return (
    <form onSubmit={submit('offer-decision', { decision: 'declined' })} aria-label="Customer decision">
      <span>The customer's answer to “{offerName}”:</span>
      <button type="button" onClick={step('offer-decision', { decision: 'accepted' })}>
        Accepted
      </button>
      <ChurnReasonFields api={api} />
      <button type="submit" class="secondary">
        Declined
      </button>
    </form>
  );
}
