// What the reports page loads: the retention table for the chosen grouping and range, and retention per week by
// driver and by tier for the charts, each refreshed every minute.
import { answer, type Api } from '../api';
import { usePolling } from '../hooks';
import { REPORT_GROUPS } from '../vocabulary';

export interface ReportRange {
  from: string;
  to: string;
}

const REFRESH_MS = 60_000;

// The table's query: the range and the grouping (one of the API's; none chosen leaves the API's default).
export const retentionQuery = (range: ReportRange, groupBy: string) => ({
  from: range.from,
  to: range.to,
  groupBy: REPORT_GROUPS.find((g) => g === groupBy),
});

const weekly = (api: Api, range: ReportRange, groupBy: 'driver' | 'tier') =>
  answer(
    api.GET('/v1/reports/retention', {
      params: { query: { from: range.from, to: range.to, groupBy, period: 'week' } },
    }),
  );

export function useRetentionReports(api: Api, range: ReportRange, groupBy: string) {
  const table = usePolling(
    () => answer(api.GET('/v1/reports/retention', { params: { query: retentionQuery(range, groupBy) } })),
    REFRESH_MS,
    [api, range, groupBy],
  );
  const byDriver = usePolling(() => weekly(api, range, 'driver'), REFRESH_MS, [api, range]);
  const byTier = usePolling(() => weekly(api, range, 'tier'), REFRESH_MS, [api, range]);
  return { table, byDriver, byTier };
}
