// A team's workload: open cases and SLA breaches per agent, and today's contacts against their quota.
import { useState } from 'preact/hooks';
import { answer } from '../api';
import type { PageProps } from '../app';
import { ErrorBanner } from '../components/error-banner';
import { WorkloadTable } from '../components/workload-table';
import { usePolling } from '../hooks';

export function WorkloadPage({ api, me }: PageProps) {
  const teams = usePolling(() => answer(api.GET('/v1/teams')), 60_000, [api]);
  const [chosen, setChosen] = useState<string>();
  const teamId = chosen ?? me.teamId ?? teams.data?.items[0]?.id;
  const workload = usePolling(
    () =>
      teamId
        ? answer(api.GET('/v1/teams/{teamId}/workload', { params: { path: { teamId } } }))
        : Promise.resolve(undefined),
    10_000,
    [api, teamId],
  );
  return (
    <section>
      <h1>Team workload</h1>
      <label>
        Team{' '}
        <select name="team" value={teamId} onChange={(e) => setChosen(e.currentTarget.value)}>
          {(teams.data?.items ?? []).map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <ErrorBanner error={workload.error ?? teams.error} />
      {workload.data && <WorkloadTable workload={workload.data} />}
    </section>
  );
}
