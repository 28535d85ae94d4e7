// A supervisor's reassignment of a case to an active agent of any team this key may list.
import { answer, type Api } from '../api';
import type { CaseSteps } from '../data/case-steps';
import { usePolling } from '../hooks';
import { NoteInput } from './step-form-parts';

export function ReassignForm({ api, submit }: { api: Api; submit: CaseSteps['submit'] }) {
  const teams = usePolling(() => answer(api.GET('/v1/teams')), 60_000, [api]);
  return (
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
      <NoteInput />
      <button type="submit">Reassign</button>
    </form>
  );
}
