// Open a case by hand from the customer page: a reason (required) and optionally a playbook. The API refuses
// with the reason why (an open case already, no consented channel, not the team's customer); shown as it came.
import { useState } from 'preact/hooks';
import { answer, type Api, type ApiError } from '../api';
import { ErrorBanner } from './error-banner';

export function OpenCaseForm({ api, customerId }: { api: Api; customerId: string }) {
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const body = Object.fromEntries([...form].filter(([, v]) => v !== ''));
    setBusy(true);
    setError(undefined);
    try {
      const params = { path: { customerId } };
      const opened = await answer(api.POST('/v1/customers/{customerId}/cases', { params, body: body as never }));
      location.hash = `#/cases/${encodeURIComponent(opened.caseId)}`;
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="open-case" aria-label="Open a case" onSubmit={submit}>
      <fieldset disabled={busy}>
        <label>
          Why is the customer at risk?
          <input
            name="reason"
            required
            maxLength={500}
            placeholder="e.g. said in branch they are moving their savings"
          />
        </label>
        <label>
          Playbook (optional)
          <input name="playbookId" pattern="[a-z][a-z0-9-]{1,63}" placeholder="the one that applies" />
        </label>
        <button type="submit">Open a case</button>
      </fieldset>
      <ErrorBanner error={error} />
    </form>
  );
}
