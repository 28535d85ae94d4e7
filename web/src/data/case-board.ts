// What the case board loads: the open cases for the chosen filters and sort (the first 200), and the teams to
// filter by; the cases refresh every few seconds.
import { answer, type Api } from '../api';
import { usePolling } from '../hooks';
import { DRIVERS, TIERS } from '../vocabulary';

const REFRESH_MS = 5_000;

export interface CaseBoardFilters {
  customerId: string;
  tier: string;
  driver: string;
  team: string;
  slaBreached: boolean;
  needsAttention: boolean;
  sort: 'priority' | 'slaDue' | 'opened';
}

export const NO_FILTERS: CaseBoardFilters = {
  customerId: '',
  tier: '',
  driver: '',
  team: '',
  slaBreached: false,
  needsAttention: false,
  sort: 'priority',
};

// The filters as GET /v1/cases takes them: a tier or driver outside the vocabulary (none chosen) is left out.
const boardQuery = (f: CaseBoardFilters) => ({
  status: 'open' as const,
  limit: 200,
  customerId: f.customerId.trim(),
  tier: TIERS.find((t) => t === f.tier),
  driver: DRIVERS.find((d) => d === f.driver),
  team: f.team,
  slaBreached: f.slaBreached ? ('true' as const) : undefined,
  needsAttention: f.needsAttention ? ('true' as const) : undefined,
  sort: f.sort,
});

export function useCaseBoard(api: Api, f: CaseBoardFilters) {
  const teams = usePolling(() => answer(api.GET('/v1/teams')), 60_000, [api]);
  const board = usePolling(() => answer(api.GET('/v1/cases', { params: { query: boardQuery(f) } })), REFRESH_MS, [
    api,
    f,
  ]);
  return { teams, board };
}
