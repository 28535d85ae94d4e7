// What the reports page loads: the retention table for the chosen grouping and range, and retention per week by
// driver and by tier for the charts, each refreshed every minute.
import { type Api, query } from '../api';
import { usePolling } from '../hooks';
import type { ReportRow } from '../types';

export interface ReportRange {
  from: string;
  to: string;
}
type Report = { rows: ReportRow[] };

const REFRESH_MS = 60_000;

export const retentionPath = (range: ReportRange, groupBy: string) =>
  `/v1/reports/retention${query({ from: range.from, to: range.to, groupBy })}`;

export function useRetentionReports(api: Api, range: ReportRange, groupBy: string) {
  const params = { from: range.from, to: range.to };
  const table = usePolling(() => api.get<Report>(retentionPath(range, groupBy)), REFRESH_MS, [api, range, groupBy]);
  const byDriver = usePolling(
    () => api.get<Report>(`/v1/reports/retention${query({ ...params, groupBy: 'driver', period: 'week' })}`),
    REFRESH_MS,
    [api, range],
  );
  const byTier = usePolling(
    () => api.get<Report>(`/v1/reports/retention${query({ ...params, groupBy: 'tier', period: 'week' })}`),
    REFRESH_MS,
    [api, range],
  );
  return { table, byDriver, byTier };
}
