// A supervisor's approval of an offer that costs more than the approval threshold.
import type { CaseSteps } from '../data/case-steps';
import type { CaseDetail } from '../contract';

export function OfferApprovalForm({
  offer,
  step,
}: {
  offer: NonNullable<CaseDetail['offer']>;
  step: CaseSteps['step'];
}) {
  return (
    <form onSubmit={(e) => e.preventDefault()} aria-label="Offer approval">
      <span>
        {offer.name} costs {offer.cost}: above the approval threshold.
      </span>
      <button type="button" onClick={step('offer-approval', { approve: true })}>
        Approve offer
      </button>
      <button type="button" class="secondary" onClick={step('offer-approval', { approve: false })}>
        Reject offer
      </button>
    </form>
  );
}
