// What the experiments page loads: the playbooks, the chosen playbook's experiments and versions, and the teams to
// filter the funnel by; then the chosen experiment with its results, and each arm's funnel.
import { answer, type Api } from '../api';
import type { FunnelColumn } from '../components/experiment-charts';
import type { ExperimentWithResults } from '../contract';
import { usePolling } from '../hooks';

// playbookId: the playbook in the route; without one, the first with two versions or more (only such a playbook
// can have had an experiment), else the first listed.
export function useExperimentChoices(api: Api, playbookId: string | undefined) {
  const playbooks = usePolling(() => answer(api.GET('/v1/playbooks')), 120_000, [api]);
  const items = playbooks.data?.items ?? [];
  const chosen = playbookId ?? (items.find((p) => p.versions > 1) ?? items[0])?.id;
  const list = usePolling(
    async () =>
      chosen
        ? answer(api.GET('/v1/playbooks/{playbookId}/experiments', { params: { path: { playbookId: chosen } } }))
        : { items: [] },
    60_000,
    [api, chosen],
  );
  const versions = usePolling(
    async () =>
      chosen
        ? answer(api.GET('/v1/playbooks/{playbookId}', { params: { path: { playbookId: chosen } } }))
        : { id: '', versions: [] },
    120_000,
    [api, chosen],
  );
  const teams = usePolling(() => answer(api.GET('/v1/teams')), 120_000, [api]);
  return { playbooks, chosen, list, versions, teams };
}

export function useExperiment(api: Api, id: string) {
  return usePolling(
    () => answer(api.GET('/v1/experiments/{experimentId}', { params: { path: { experimentId: id } } })),
    30_000,
    [api, id],
  );
}

// One arm's funnel, as a column of the side-by-side chart.
async function armFunnel(api: Api, e: ExperimentWithResults, arm: string, teamId: string): Promise<FunnelColumn> {
  const query = { experimentId: e.id, arm, from: e.createdAt.slice(0, 10), team: teamId || undefined };
  const params = { path: { playbookId: e.playbookId }, query };
  return { arm, steps: (await answer(api.GET('/v1/playbooks/{playbookId}/funnel', { params }))).steps };
}

// Each arm's funnel since the experiment started, for one team or (teamId '') every team.
export function useArmFunnels(api: Api, e: ExperimentWithResults | undefined, teamId: string) {
  return usePolling(
    async (): Promise<FunnelColumn[]> => (e ? Promise.all(e.arms.map((a) => armFunnel(api, e, a.arm, teamId))) : []),
    60_000,
    [api, e?.id, teamId],
  );
}
