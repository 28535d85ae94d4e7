// Experiments on a playbook: its experiments, the chosen one's arms, weights and status, results with their
// intervals, the funnel of each arm side by side, and the actions the experiment's status allows (the route
// is shown to supervisors and admins only; the API checks the role again).
import { useState } from 'preact/hooks';
import { query } from '../api';
import type { PageProps } from '../app';
import { ErrorBanner } from '../components/error-banner';
import { ExperimentStartForm } from '../components/experiment-start-form';
import { FunnelSideBySide, RateIntervals, type FunnelColumn } from '../components/experiment-charts';
import { usePolling } from '../hooks';
import type { Experiment, ExperimentArmResult, ExperimentWithResults, FunnelAnswer } from '../experiment-types';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
const range = (i: { low: number; high: number } | null) => (i ? `${pct(i.low)} – ${pct(i.high)}` : '—');

function ResultsTable({ arms }: { arms: ExperimentArmResult[] }) {
  return (
    <table class="experiment-results">
      <thead>
        <tr>
          <th>Arm</th>
          <th>Version</th>
          <th>Weight</th>
          <th>Cases</th>
          <th>Conclusive</th>
          <th>Retention</th>
          <th>95% interval</th>
          <th>vs control</th>
          <th>95% interval</th>
          <th>p-value</th>
          <th>Cost per retained</th>
          <th>Verdict</th>
        </tr>
      </thead>
      <tbody>
        {arms.map((a) => (
          <tr key={a.arm} data-arm={a.arm}>
            <td>
              {a.arm}
              {a.control ? ' (control)' : ''}
            </td>
            <td>v{a.version}</td>
            <td>{a.weight}%</td>
            <td>{a.cases}</td>
            <td>{a.conclusive}</td>
            <td>{pct(a.retentionRate)}</td>
            <td>{range(a.interval)}</td>
            <td>{a.vsControl ? pct(a.vsControl.difference) : '—'}</td>
            <td>{a.vsControl ? range(a.vsControl.interval) : '—'}</td>
            <td>{a.vsControl?.pValue === null || a.vsControl === null ? '—' : a.vsControl.pValue.toFixed(4)}</td>
            <td>{a.costPerRetained === null ? '—' : a.costPerRetained.toFixed(2)}</td>
            <td class="verdict">{a.vsControl ? a.vsControl.verdict.replace('_', ' ') : 'control'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Actions({ api, experiment, onDone }: Pick<PageProps, 'api'> & { experiment: Experiment; onDone: () => void }) {
  const [error, setError] = useState<Error>();
  const act = async (path: string, body: unknown = {}) => {
    try {
      await api.post(`/v1/experiments/${experiment.id}/${path}`, body);
      setError(undefined);
      onDone();
    } catch (e) {
      setError(e as Error);
    }
  };
  if (experiment.status === 'stopped')
    return <p class="muted">Stopped{experiment.promotedArm ? `; arm ${experiment.promotedArm} was promoted` : ''}.</p>;
  return (
    <div class="experiment-actions">
      <ErrorBanner error={error} />
      {experiment.status === 'running' ? (
        <button type="button" onClick={() => act('pause')}>
          Pause
        </button>
      ) : (
        <button type="button" onClick={() => act('resume')}>
          Resume
        </button>
      )}
      <button type="button" onClick={() => act('stop')}>
        Stop
      </button>
      {experiment.arms.map((a) => (
        <button type="button" key={a.arm} onClick={() => act('promote', { arm: a.arm })}>
          Promote arm {a.arm} (v{a.version})
        </button>
      ))}
    </div>
  );
}

function ExperimentDetail({
  api,
  id,
  teamId,
  onChanged,
}: Pick<PageProps, 'api'> & { id: string; teamId: string; onChanged: () => void }) {
  const detail = usePolling(() => api.get<ExperimentWithResults>(`/v1/experiments/${id}`), 30_000, [api, id]);
  const e = detail.data;
  const funnels = usePolling(
    async (): Promise<FunnelColumn[]> =>
      e
        ? Promise.all(
            e.arms.map(async (a) => ({
              arm: a.arm,
              steps: (
                await api.get<FunnelAnswer>(
                  `/v1/playbooks/${e.playbookId}/funnel${query({ experimentId: e.id, arm: a.arm, from: e.createdAt.slice(0, 10), team: teamId || undefined })}`,
                )
              ).steps,
            })),
          )
        : [],
    60_000,
    [api, e?.id, teamId],
  );
  if (!e) return <ErrorBanner error={detail.error} />;
  return (
    <article data-experiment-id={e.id}>
      <h2>
        Experiment {e.id.slice(0, 12)} · <span data-testid="experiment-status">{e.status}</span>
      </h2>
      <p class="muted">
        Started {e.createdAt.slice(0, 16).replace('T', ' ')} by {e.createdBy}; minimum {e.minSamplePerArm} conclusive
        cases per arm{e.results.collecting ? ' (collecting)' : ''}
        {e.autoPromote ? '; a winner is promoted automatically' : ''}.
      </p>
      <Actions
        api={api}
        experiment={e}
        onDone={() => {
          void detail.reload();
          onChanged();
        }}
      />
      <ResultsTable arms={e.results.arms} />
      <div class="charts">
        <RateIntervals
          arms={e.results.arms.map((a) => ({
            arm: a.arm,
            rate: a.retentionRate,
            low: a.interval?.low ?? null,
            high: a.interval?.high ?? null,
          }))}
        />
        <FunnelSideBySide columns={funnels.data ?? []} team={teamId || undefined} />
      </div>
    </article>
  );
}

export function ExperimentsPage({ api, playbookId }: PageProps & { playbookId?: string }) {
  const playbooks = usePolling(
    () => api.get<{ items: { id: string; name: string; versions: number }[] }>('/v1/playbooks'),
    120_000,
    [api],
  );
  // Only a playbook with two versions or more can have had an experiment: open the first such one.
  const items = playbooks.data?.items ?? [];
  const chosen = playbookId ?? (items.find((p) => p.versions > 1) ?? items[0])?.id;
  const list = usePolling(
    async () => (chosen ? api.get<{ items: Experiment[] }>(`/v1/playbooks/${chosen}/experiments`) : { items: [] }),
    60_000,
    [api, chosen],
  );
  const versions = usePolling(
    async () =>
      chosen
        ? api.get<{ id: string; versions: { version: number }[] }>(`/v1/playbooks/${chosen}`)
        : { id: '', versions: [] },
    120_000,
    [api, chosen],
  );
  const teams = usePolling(() => api.get<{ items: { id: string; name: string }[] }>('/v1/teams'), 120_000, [api]);
  const [selected, setSelected] = useState<string>();
  const [teamId, setTeamId] = useState('');
  const current = selected ?? list.data?.items[0]?.id;
  const live = (list.data?.items ?? []).some((x) => x.status !== 'stopped');
  return (
    <section>
      <h1>Experiments</h1>
      <form class="filters" onSubmit={(ev) => ev.preventDefault()}>
        <label>
          Playbook
          <select
            name="playbook"
            value={chosen}
            onChange={(ev) => {
              location.hash = `#/experiments/${ev.currentTarget.value}`;
              setSelected(undefined);
            }}
          >
            {(playbooks.data?.items ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.id})
              </option>
            ))}
          </select>
        </label>
        <label>
          Experiment
          <select name="experiment" value={current} onChange={(ev) => setSelected(ev.currentTarget.value)}>
            {(list.data?.items ?? []).map((x) => (
              <option
                key={x.id}
                value={x.id}
              >{`${x.createdAt.slice(0, 10)} · ${x.status} · ${x.arms.map((a) => `${a.arm}=v${a.version} ${a.weight}%`).join(', ')}`}</option>
            ))}
          </select>
        </label>
        <label>
          Team (funnel)
          <select name="team" value={teamId} onChange={(ev) => setTeamId(ev.currentTarget.value)}>
            <option value="">every team</option>
            {(teams.data?.items ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ErrorBanner error={playbooks.error ?? list.error ?? versions.error} />
      {chosen && !live && list.data && versions.data?.id === chosen && (
        <ExperimentStartForm
          key={`${chosen}-${versions.data.versions.length}`}
          api={api}
          playbookId={chosen}
          versions={(versions.data?.versions ?? []).map((v) => v.version)}
          onStarted={(id) => {
            setSelected(id);
            list.reload();
          }}
        />
      )}
      {current ? (
        <ExperimentDetail api={api} id={current} teamId={teamId} onChanged={() => void list.reload()} />
      ) : (
        <p class="muted">No experiment on this playbook yet.</p>
      )}
    </section>
  );
}
