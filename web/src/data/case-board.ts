// What the case board loads: the open cases for the chosen filters and sort (the first 200), and the teams to
// filter by; the cases refresh every few seconds.
import { type Api, query } from '../api';
import { usePolling } from '../hooks';
import type { CaseBoard, Team } from '../types';

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

const boardPath = (f: CaseBoardFilters) =>
  `/v1/cases${query({ status: 'open', limit: 200, customerId: f.customerId.trim(), tier: f.tier, driver: f.driver, team: f.team, slaBreached: f.slaBreached || undefined, needsAttention: f.needsAttention || undefined, sort: f.sort })}`;

export function useCaseBoard(api: Api, f: CaseBoardFilters) {
  const teams = usePolling(() => api.get<{ items: Team[] }>('/v1/teams'), 60_000, [api]);
  const board = usePolling(() => api.get<CaseBoard>(boardPath(f)), REFRESH_MS, [api, f]);
  return { teams, board };
}
