// Experiments on a playbook: its experiments, the chosen one's arms, weights and status, results with their
// intervals, the funnel of each arm side by side, and the actions the experiment's status allows (the route
// is shown to supervisors and admins only; the API checks the role again). The results table is
// components/experiment-results.tsx.
import { useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { ErrorBanner } from '../components/error-banner';
import { ExperimentChoosers } from '../components/experiment-choosers';
import { ExperimentDetail } from '../components/experiment-detail';
import { ExperimentStartForm } from '../components/experiment-start-form';
import { useExperimentChoices } from '../data/experiments';

export function ExperimentsPage({ api, playbookId }: PageProps & { playbookId?: string }) {
  const { playbooks, chosen, list, versions, teams } = useExperimentChoices(api, playbookId);
  const [selected, setSelected] = useState<string>();
  const [teamId, setTeamId] = useState('');
  const current = selected ?? list.data?.items[0]?.id;
  const live = (list.data?.items ?? []).some((x) => x.status !== 'stopped');
  return (
    <section>
      <h1>Experiments</h1>
      <ExperimentChoosers
        playbooks={playbooks.data?.items ?? []}
        chosen={chosen}
        onPlaybook={(id) => {
          location.hash = `#/experiments/${id}`;
          setSelected(undefined);
        }}
        experiments={list.data?.items ?? []}
        current={current}
        onExperiment={setSelected}
        teams={teams.data?.items ?? []}
        teamId={teamId}
        onTeam={setTeamId}
      />
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
