// Retention reports: a table for the chosen grouping and range, retention over time by driver and by tier,
// and the same rows as CSV; then why customers were lost in the same range (churn reasons).
import { useState } from 'preact/hooks';
import { answer } from '../api';
import type { PageProps } from '../app';
import { RateBars, RateLineChart, type Series } from '../components/charts';
import { ChurnReasonsSection } from '../components/churn-reasons-section';
import { ErrorBanner } from '../components/error-banner';
import { RetentionFilters } from '../components/retention-filters';
import { RetentionTable } from '../components/retention-table';
import type { ReportRow } from '../contract';
import { CSV, useCsvDownload } from '../data/csv-download';
import { retentionQuery, useRetentionReports } from '../data/retention-reports';

const day = (d: Date) => d.toISOString().slice(0, 10);

function overTime(rows: ReportRow[] | undefined): Series[] {
  const byGroup = new Map<string, Series>();
  for (const r of rows ?? []) {
    const s = byGroup.get(r.group) ?? { name: r.group, points: [] };
    s.points.push({ x: r.period ?? '', y: r.retentionRate });
    byGroup.set(r.group, s);
  }
  return [...byGroup.values()];
}

export function ReportsPage({ api }: PageProps) {
  const [range, setRange] = useState({ from: day(new Date(Date.now() - 90 * 86_400_000)), to: day(new Date()) });
  const [groupBy, setGroupBy] = useState<string>('driver');
  const { table, byDriver, byTier } = useRetentionReports(api, range, groupBy);
  const csv = useCsvDownload();
  const downloadCsv = () =>
    csv.download(
      () => answer(api.GET('/v1/reports/retention', { params: { query: retentionQuery(range, groupBy) }, ...CSV })),
      `retention-${groupBy}-${range.from}-${range.to}.csv`,
    );
  const rows = table.data?.rows ?? [];
  return (
    <section>
      <h1>Retention report</h1>
      <RetentionFilters
        range={range}
        onRange={setRange}
        groupBy={groupBy}
        onGroupBy={setGroupBy}
        onDownload={downloadCsv}
      />
      <ErrorBanner error={table.error ?? csv.error} />
      <RetentionTable groupBy={groupBy} rows={rows} />
      <div class="charts">
        <RateBars
          title={`Retention rate by ${groupBy}`}
          bars={rows.map((r) => ({ label: r.group, value: r.retentionRate }))}
        />
        <RateLineChart title="Retention by driver, per week" series={overTime(byDriver.data?.rows)} />
        <RateLineChart title="Retention by tier, per week" series={overTime(byTier.data?.rows)} />
      </div>
      <ChurnReasonsSection api={api} range={range} />
    </section>
  );
}
