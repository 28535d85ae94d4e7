// Retention reports: a table for the chosen grouping and range, retention over time by driver and by tier,
// and the same rows as CSV; then why customers were lost in the same range (churn reasons).
import { useState } from 'preact/hooks';
import { answer } from '../api';
import type { PageProps } from '../app';
import { RateBars, RateLineChart, type Series } from '../components/charts';
import { ChurnReasonsSection } from '../components/churn-reasons-section';
import { ErrorBanner } from '../components/error-banner';
import { money, percent, words } from '../format';
import { usePolling } from '../hooks';
import type { ReportRow } from '../contract';
import { REPORT_GROUPS } from '../vocabulary';

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
  const [downloadError, setDownloadError] = useState<Error>();
  const params = { from: range.from, to: range.to };
  const grouped = { ...params, groupBy: REPORT_GROUPS.find((g) => g === groupBy) };
  const table = usePolling(() => answer(api.GET('/v1/reports/retention', { params: { query: grouped } })), 60_000, [
    api,
    range,
    groupBy,
  ]);
  const byDriver = usePolling(
    () =>
      answer(api.GET('/v1/reports/retention', { params: { query: { ...params, groupBy: 'driver', period: 'week' } } })),
    60_000,
    [api, range],
  );
  const byTier = usePolling(
    () =>
      answer(api.GET('/v1/reports/retention', { params: { query: { ...params, groupBy: 'tier', period: 'week' } } })),
    60_000,
    [api, range],
  );

  const downloadCsv = async () => {
    try {
      const csv = { params: { query: grouped }, headers: { accept: 'text/csv' }, parseAs: 'blob' as const };
      const blob = await answer(api.GET('/v1/reports/retention', csv));
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `retention-${groupBy}-${range.from}-${range.to}.csv`;
      a.click();
      URL.revokeObjectURL(a.href);
    } catch (e) {
      setDownloadError(e as Error);
    }
  };
  const rows = table.data?.rows ?? [];
  return (
    <section>
      <h1>Retention report</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          From{' '}
          <input
            type="date"
            name="from"
            value={range.from}
            onChange={(e) => setRange({ ...range, from: e.currentTarget.value })}
          />
        </label>
        <label>
          To{' '}
          <input
            type="date"
            name="to"
            value={range.to}
            onChange={(e) => setRange({ ...range, to: e.currentTarget.value })}
          />
        </label>
        <label>
          Group by
          <select name="groupBy" value={groupBy} onChange={(e) => setGroupBy(e.currentTarget.value)}>
            {REPORT_GROUPS.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={downloadCsv}>
          Download CSV
        </button>
      </form>
      <ErrorBanner error={table.error ?? downloadError} />
      <table class="report">
        <thead>
          <tr>
            <th>{groupBy}</th>
            <th>Opened</th>
            <th>Retained</th>
            <th>Churned</th>
            <th>Declined</th>
            <th>Excluded</th>
            <th>Retention</th>
            <th>Holdout</th>
            <th>Lift</th>
            <th>Offer cost</th>
            <th>Cost / retained</th>
            <th>Assets retained</th>
            <th>SLA met</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.group}>
              <td>{words(r.group)}</td>
              <td>{r.opened}</td>
              <td>{r.retained}</td>
              <td>{r.churned}</td>
              <td>{r.declined}</td>
              <td>{r.excluded}</td>
              <td>{percent(r.retentionRate)}</td>
              <td>{percent(r.holdoutRetentionRate)}</td>
              <td>{r.lift === null ? '—' : `${r.lift >= 0 ? '+' : ''}${(r.lift * 100).toFixed(1)} pt`}</td>
              <td>{money(r.offerCost)}</td>
              <td>{money(r.costPerRetained)}</td>
              <td>{money(r.assetsRetained)}</td>
              <td>{percent(r.slaCompliance)}</td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={13} class="muted">
                No cases opened in this range.
              </td>
            </tr>
          )}
        </tbody>
      </table>
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
