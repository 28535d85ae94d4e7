// The human steps on a case, shown only where this role may take them at this stage; the API checks
// both again and its refusal (wrong stage, say) is shown as it came. Each step's form is a file of its own.
import { useState } from 'preact/hooks';
import type { Api } from '../api';
import { useCaseSteps } from '../data/case-steps';
import type { CaseDetail, Me } from '../contract';
import { CONTACT_OUTCOMES } from '../vocabulary';
import { ErrorBanner } from './error-banner';
import { CloseCaseForm } from './step-close-form';
import { ContactOutcomeForm } from './step-contact-outcome-form';
import { OfferApprovalForm } from './step-offer-approval-form';
import { OfferDecisionForm } from './step-offer-decision-form';
import { ReassignForm } from './step-reassign-form';
import { RetryStepForm } from './step-retry-form';

interface Props {
  api: Api;
  me: Me;
  detail: CaseDetail;
  onDone: () => Promise<void>;
}

export function CaseActions({ api, me, detail, onDone }: Props) {
  const { error, busy, step, submit } = useCaseSteps(api, detail.caseId, onDone);
  // Kept here, not in the form, so the outcome chosen survives the form leaving and coming back with the stage.
  const [contactOutcome, setContactOutcome] = useState<string>(CONTACT_OUTCOMES[0]);
  const isSupervisor = me.role === 'supervisor' || me.role === 'admin';
  const worksCases = isSupervisor || me.role === 'agent';
  if (detail.status === 'closed') return null;
  const { stage, offer, attention } = detail;
  return (
    <div class="panel actions">
      <h2>Next steps</h2>
      <ErrorBanner error={error} />
      <fieldset disabled={busy}>
        {worksCases && stage === 'contacting' && (
          <ContactOutcomeForm api={api} submit={submit} outcome={contactOutcome} onOutcome={setContactOutcome} />
        )}
        {isSupervisor && stage === 'offering' && offer?.status === 'pending_approval' && (
          <OfferApprovalForm offer={offer} step={step} />
        )}
        {worksCases && stage === 'awaiting_decision' && (
          <OfferDecisionForm api={api} offerName={offer?.name} step={step} submit={submit} />
        )}
        {isSupervisor && attention && <RetryStepForm reason={attention.reason} submit={submit} />}
        {isSupervisor && <ReassignForm api={api} submit={submit} />}
        {isSupervisor && <CloseCaseForm api={api} submit={submit} />}
        {!worksCases && <p class="muted">This key may read cases but not act on them.</p>}
      </fieldset>
    </div>
  );
}
