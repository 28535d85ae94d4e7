// What the experiments page loads: the playbooks, the chosen playbook's experiments and versions, and the teams to
// filter the funnel by; then the chosen experiment with its results, and each arm's funnel.
import { type Api, query } from '../api';
import type { FunnelColumn } from '../components/experiment-charts';
import type { Experiment, ExperimentWithResults, FunnelAnswer } from '../experiment-types';
import { usePolling } from '../hooks';

type Named = { items: { id: string; name: string }[] };

// playbookId: the playbook in the route; without one, the first playbook listed is chosen.
export function useExperimentChoices(api: Api, playbookId: string | undefined) {
  const playbooks = usePolling(() => api.get<Named>('/v1/playbooks'), 120_000, [api]);
  const chosen = playbookId ?? playbooks.data?.items[0]?.id;
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
  const teams = usePolling(() => api.get<Named>('/v1/teams'), 120_000, [api]);
  return { playbooks, chosen, list, versions, teams };
}

export function useExperiment(api: Api, id: string) {
  return usePolling(() => api.get<ExperimentWithResults>(`/v1/experiments/${id}`), 30_000, [api, id]);
}

// Each arm's funnel since the experiment started, for one team or (teamId '') every team.
export function useArmFunnels(api: Api, e: ExperimentWithResults | undefined, teamId: string) {
  return usePolling(
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
}
