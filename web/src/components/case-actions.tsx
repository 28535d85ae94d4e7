// The human steps on a case, shown only where this role may take them at this stage; the API checks
// both again and its refusal (wrong stage, say) is shown as it came.
import { useRef, useState } from 'preact/hooks';
import { answer as answerOf, type Api, type ApiError } from '../api';
import { words } from '../format';
import { usePolling } from '../hooks';
import type { CaseDetail, CaseStep, Me, Team } from '../contract';
import { CONTACT_OUTCOMES, OUTCOME_CHANNELS, SUPERVISOR_OUTCOMES } from '../vocabulary';
import { ChurnReasonFields, withReason } from './churn-reason-fields';
import { ErrorBanner } from './error-banner';

interface Props {
  api: Api;
  me: Me;
  detail: CaseDetail;
  onDone: () => Promise<void>;
}

function Options({ values }: { values: readonly string[] }) {
  return (
    <>
      {values.map((v) => (
        <option key={v} value={v}>
          {words(v)}
        </option>
      ))}
    </>
  );
}

// crypto.randomUUID needs a secure context; the dashboard may be served over plain HTTP inside the bank.
const randomKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

export function CaseActions({ api, me, detail, onDone }: Props) {
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  // The outcomes chosen in the contact and close forms: a refusal or a lost case asks for a churn reason.
  const [contactOutcome, setContactOutcome] = useState<string>(CONTACT_OUTCOMES[0]);
  const [closeOutcome, setCloseOutcome] = useState<string>(SUPERVISOR_OUTCOMES[0]);
  const isSupervisor = me.role === 'supervisor' || me.role === 'admin';
  const worksCases = isSupervisor || me.role === 'agent';
  const teams = usePolling(
    () => (isSupervisor ? answerOf(api.GET('/v1/teams')) : Promise.resolve({ items: [] as Team[] })),
    60_000,
    [api, isSupervisor],
  );

  // One Idempotency-Key per answer: kept after a 503 (the step may still be taken), so pressing the button
  // again asks for that answer's outcome instead of giving it twice; any other outcome ends the answer.
  const stepKeys = useRef<Record<string, string>>({});
  const step = (path: CaseStep, body: Record<string, unknown>) => async () => {
    setBusy(true);
    setError(undefined);
    const answer = `${path} ${JSON.stringify(body)}`;
    stepKeys.current[answer] ??= randomKey();
    const stepKey = stepKeys.current[answer];
    try {
      // The form's fields as they are: the API checks them and answers 400 with every field at fault.
      const params = { path: { caseId: detail.caseId }, header: { 'idempotency-key': stepKey } };
      await answerOf(api.POST(`/v1/cases/{caseId}/${path}`, { params, body: body as never }));
      delete stepKeys.current[answer];
      await onDone();
    } catch (e) {
      if ((e as ApiError).status !== 503) delete stepKeys.current[answer];
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  // Reads a form's fields, dropping empty ones, then runs the step.
  const submit =
    (path: CaseStep, extra: Record<string, unknown> = {}) =>
    (e: Event) => {
      e.preventDefault();
      const fields = Object.fromEntries(
        [...new FormData(e.currentTarget as HTMLFormElement)].filter(([, v]) => v !== ''),
      );
      if (typeof fields.callbackAt === 'string') fields.callbackAt = new Date(fields.callbackAt).toISOString();
      void step(path, { ...withReason(fields), ...extra })();
    };

  if (detail.status === 'closed') return null;
  const { stage, offer } = detail;
  const note = <input name="note" placeholder="note (optional)" maxLength={2000} />;
  return (
    <div class="panel actions">
      <h2>Next steps</h2>
      <ErrorBanner error={error} />
      <fieldset disabled={busy}>
        {worksCases && stage === 'contacting' && (
          <form onSubmit={submit('contact-outcome')} aria-label="Record contact outcome">
            <select name="channel" aria-label="Channel">
              <Options values={OUTCOME_CHANNELS} />
            </select>
            <select
              name="outcome"
              aria-label="Contact outcome"
              value={contactOutcome}
              onChange={(e) => setContactOutcome(e.currentTarget.value)}
            >
              <Options values={CONTACT_OUTCOMES} />
            </select>
            <label>
              callback at <input name="callbackAt" type="datetime-local" />
            </label>
            {contactOutcome === 'refused' && <ChurnReasonFields api={api} />}
            {note}
            <button type="submit">Record contact outcome</button>
          </form>
        )}
        {isSupervisor && stage === 'offering' && offer?.status === 'pending_approval' && (
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
        )}
        {worksCases && stage === 'awaiting_decision' && (
          <form onSubmit={submit('offer-decision', { decision: 'declined' })} aria-label="Customer decision">
            <span>The customer's answer to “{offer?.name}”:</span>
            <button type="button" onClick={step('offer-decision', { decision: 'accepted' })}>
              Accepted
            </button>
            <ChurnReasonFields api={api} />
            <button type="submit" class="secondary">
              Declined
            </button>
          </form>
        )}
        {isSupervisor && detail.attention && (
          <form onSubmit={submit('retry')} aria-label="Retry step">
            <span class="late">
              Needs attention: {words(detail.attention.reason)}. Fix the cause (contact details, provider), then retry;
              or reassign or close.
            </span>
            {note}
            <button type="submit">Retry step</button>
          </form>
        )}
        {isSupervisor && (
          <form onSubmit={submit('assignment')} aria-label="Reassign">
            <select name="agentId" required aria-label="Agent">
              <option value="">choose an agent…</option>
              {(teams.data?.items ?? []).map((t) => (
                <optgroup key={t.id} label={t.name}>
                  {t.agents
                    .filter((a) => a.active)
                    .map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            {note}
            <button type="submit">Reassign</button>
          </form>
        )}
        {isSupervisor && (
          <form onSubmit={submit('close')} aria-label="Close case">
            <select
              name="outcome"
              aria-label="Case outcome"
              value={closeOutcome}
              onChange={(e) => setCloseOutcome(e.currentTarget.value)}
            >
              <Options values={SUPERVISOR_OUTCOMES} />
            </select>
            <input name="note" placeholder="why it is closed by hand" required maxLength={2000} />
            {(closeOutcome === 'churned' || closeOutcome === 'declined') && <ChurnReasonFields api={api} />}
            <button type="submit" class="danger">
              Close case
            </button>
          </form>
        )}
        {!worksCases && <p class="muted">This key may read cases but not act on them.</p>}
      </fieldset>
    </div>
  );
}
