// What the case page loads: the case, its timeline and the teams that name the people in it, each refreshed on its
// own clock; reload() fetches the case and its timeline again after a step is taken.
import { answer, type Api } from '../api';
import { usePolling } from '../hooks';

const REFRESH_MS = 3_000;
// Teams and their agents change rarely; they only name the people in timeline sentences.
const TEAMS_REFRESH_MS = 60_000;

export function useCase(api: Api, caseId: string) {
  const params = { path: { caseId } };
  const detail = usePolling(() => answer(api.GET('/v1/cases/{caseId}', { params })), REFRESH_MS, [api, caseId]);
  const events = usePolling(() => answer(api.GET('/v1/cases/{caseId}/timeline', { params })), REFRESH_MS, [
    api,
    caseId,
  ]);
  const teams = usePolling(() => answer(api.GET('/v1/teams')), TEAMS_REFRESH_MS, [api]);
  const reload = async () => {
    await Promise.all([detail.reload(), events.reload()]);
  };
  return { detail, events, teams, reload };
}
