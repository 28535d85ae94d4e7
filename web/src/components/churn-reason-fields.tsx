// The churn reason a person gives when a customer refuses or a case is lost: a reason from the bank's catalogue
// and the customer's words. The form's submit nests reason.code and reason.note into { reason: { code, note } }.
import { answer, type Api } from '../api';
import { usePolling } from '../hooks';

export function ChurnReasonFields({ api }: { api: Api }) {
  const catalogue = usePolling(() => answer(api.GET('/v1/churn-reasons')), 300_000, [api]);
  return (
    <>
      <select name="reason.code" required aria-label="Churn reason">
        <option value="">why is the customer leaving?…</option>
        {(catalogue.data?.items ?? []).map((r) => (
          <option key={r.code} value={r.code}>
            {r.label}
          </option>
        ))}
      </select>
      <input
        name="reason.note"
        required
        maxLength={1000}
        placeholder="in the customer's words"
        aria-label="Reason note"
      />
    </>
  );
}

// FormData fields with reason.* folded into one reason object (the API's shape).
export function withReason(fields: Record<string, FormDataEntryValue>): Record<string, unknown> {
  const { 'reason.code': code, 'reason.note': note, ...rest } = fields;
  return code === undefined && note === undefined ? rest : { ...rest, reason: { code, note } };
}
