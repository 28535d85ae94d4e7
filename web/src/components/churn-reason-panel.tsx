// Why a lost case (closed churned or declined) was lost: the reason people gave, or "not recorded" when the
// workflow closed it alone (an offer expired, an accepted offer then observed churned); a supervisor records
// it then, so the churn-reasons report has no gap.
import { useState } from 'preact/hooks';
import { answer, type Api, type ApiError } from '../api';
import type { CaseDetail, Me } from '../contract';
import { ChurnReasonFields, withReason } from './churn-reason-fields';
import { ErrorBanner } from './error-banner';

interface Props {
  api: Api;
  me: Me;
  detail: CaseDetail;
  onDone: () => Promise<void>;
}

export function ChurnReasonPanel({ api, me, detail, onDone }: Props) {
  const [error, setError] = useState<ApiError>();
  if (detail.status !== 'closed' || (detail.outcome !== 'churned' && detail.outcome !== 'declined')) return null;
  const isSupervisor = me.role === 'supervisor' || me.role === 'admin';
  const r = detail.churnReason;
  const record = async (e: Event) => {
    e.preventDefault();
    const fields = withReason(Object.fromEntries(new FormData(e.currentTarget as HTMLFormElement))) as {
      reason: unknown;
    };
    try {
      setError(undefined);
      const params = { path: { caseId: detail.caseId } };
      await answer(api.PUT('/v1/cases/{caseId}/churn-reason', { params, body: fields.reason as never }));
      await onDone();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  return (
    <div class="panel" data-testid="churn-reason">
      <h2>Why the customer was lost</h2>
      {r ? (
        <p>
          {r.label} ({r.category.replace(/_/g, ' ')}, {r.avoidable ? 'avoidable' : 'not avoidable'})
          {r.note ? ` — “${r.note}”` : ''}
        </p>
      ) : (
        <p class="late">Not recorded: the case closed without a person giving a reason.</p>
      )}
      {isSupervisor && (
        <form onSubmit={record} aria-label="Record churn reason">
          <ErrorBanner error={error} />
          <ChurnReasonFields api={api} />
          <button type="submit">{r ? 'Correct reason' : 'Record reason'}</button>
        </form>
      )}
    </div>
  );
}
