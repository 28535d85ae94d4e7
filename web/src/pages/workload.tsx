// A team's workload: open cases and SLA breaches per agent, and today's contacts against their quota.
import { useState } from 'preact/hooks';
import { answer } from '../api';
import type { PageProps } from '../app';
import { ErrorBanner } from '../components/error-banner';
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
  const w = workload.data;
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
      {w && (
        <table class="workload">
          <thead>
            <tr>
              <th>Agent</th>
              <th>Open cases</th>
              <th>SLA breaches</th>
              <th>Contacts today</th>
              <th>Quota used</th>
            </tr>
          </thead>
          <tbody>
            {w.agents.map((a) => (
              <tr key={a.agentId} class={a.active ? '' : 'muted'}>
                <td>
                  {a.name}
                  {a.active ? '' : ' (inactive)'}
                </td>
                <td>{a.openCases}</td>
                <td class={a.slaBreaches > 0 ? 'late' : ''}>{a.slaBreaches}</td>
                <td>
                  {a.contactsToday} / {a.dailyContactQuota}
                </td>
                <td>
                  <span class="bar-track">
                    <span
                      class={`bar-fill${a.quotaRemaining === 0 ? ' full' : ''}`}
                      style={{ width: `${Math.min(1, a.contactsToday / Math.max(1, a.dailyContactQuota)) * 100}%` }}
                    />
                  </span>
                </td>
              </tr>
            ))}
            <tr>
              <td>Waiting in the team queue</td>
              <td>{w.unassigned.openCases}</td>
              <td class={w.unassigned.slaBreaches > 0 ? 'late' : ''}>{w.unassigned.slaBreaches}</td>
              <td colSpan={2} />
            </tr>
            <tr>
              <td>Needing a supervisor's attention</td>
              <td class={w.needsAttention > 0 ? 'late' : ''}>{w.needsAttention}</td>
              <td colSpan={3} />
            </tr>
          </tbody>
          <tfoot>
            <tr>
              <th>Team</th>
              <th>{w.totals.openCases}</th>
              <th>{w.totals.slaBreaches}</th>
              <th>
                {w.totals.contactsToday} / {w.totals.dailyContactQuota}
              </th>
              <th />
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
