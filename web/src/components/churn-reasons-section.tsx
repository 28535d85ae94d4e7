// The churn-reasons report in the reports view: why customers were lost in the range (cases closed churned or
// declined), by reason with its category and whether it was avoidable, a bar per reason, and the avoidable share
// per period with its trend. "Not recorded" is shown as a reason of its own so the gap is visible.
import { useState } from 'preact/hooks';
import { answer, type Api } from '../api';
import { percent, words } from '../format';
import { usePolling } from '../hooks';
import { RateBars, RateLineChart } from './charts';
import { ErrorBanner } from './error-banner';

const points = (x: number | null) => (x === null ? '—' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} pt`);

export function ChurnReasonsSection({ api, range }: { api: Api; range: { from: string; to: string } }) {
  const [period, setPeriod] = useState<'week' | 'month'>('month');
  const [downloadError, setDownloadError] = useState<Error>();
  const params = { query: { ...range, period } };
  const report = usePolling(() => answer(api.GET('/v1/reports/churn-reasons', { params })), 60_000, [
    api,
    range,
    period,
  ]);
  const downloadCsv = async () => {
    try {
      const csv = { params: { query: { ...params.query, format: 'csv' as const } }, headers: { accept: 'text/csv' } };
      const blob = await answer(api.GET('/v1/reports/churn-reasons', { ...csv, parseAs: 'blob' }));
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `churn-reasons-${period}-${range.from}-${range.to}.csv`;
      a.click();
      URL.revokeObjectURL(a.href);
    } catch (e) {
      setDownloadError(e as Error);
    }
  };
  const r = report.data;
  return (
    <section class="churn-reasons" aria-label="Churn reasons">
      <h2>Churn reasons</h2>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Per
          <select name="period" value={period} onChange={(e) => setPeriod(e.currentTarget.value as 'week' | 'month')}>
            <option value="month">month</option>
            <option value="week">week</option>
          </select>
        </label>
        <button type="button" onClick={downloadCsv}>
          Download churn reasons CSV
        </button>
      </form>
      <ErrorBanner error={report.error ?? downloadError} />
      {r && (
        <p data-testid="churn-totals">
          Customers lost: {r.totals.count}; without a recorded reason: {r.totals.count - r.totals.recorded}; avoidable,
          of those with a reason: {percent(r.totals.avoidableShare)}.
        </p>
      )}
      <table class="report">
        <thead>
          <tr>
            <th>Reason</th>
            <th>Category</th>
            <th>Avoidable</th>
            <th>Lost</th>
            <th>Share</th>
          </tr>
        </thead>
        <tbody>
          {(r?.reasons ?? []).map((row) => (
            <tr key={row.code}>
              <td>{row.label}</td>
              <td>{words(row.category)}</td>
              <td>{row.avoidable === null ? '—' : row.avoidable ? 'yes' : 'no'}</td>
              <td>{row.count}</td>
              <td>{percent(row.share)}</td>
            </tr>
          ))}
          {r?.reasons.length === 0 && (
            <tr>
              <td colSpan={5} class="muted">
                No customers lost in this range.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <div class="charts">
        <RateBars
          title="Share of lost customers by reason"
          bars={(r?.reasons ?? []).map((row) => ({ label: row.label, value: row.share }))}
        />
        <RateBars
          title="Share of lost customers by category"
          bars={(r?.byCategory ?? []).map((row) => ({ label: row.group, value: row.share }))}
        />
        <RateLineChart
          title={`Avoidable share of churn, per ${period}`}
          series={[
            { name: 'avoidable share', points: (r?.periods ?? []).map((p) => ({ x: p.period, y: p.avoidableShare })) },
          ]}
        />
      </div>
      <table class="report">
        <thead>
          <tr>
            <th>{period === 'week' ? 'Week of' : 'Month'}</th>
            <th>Lost</th>
            <th>With a reason</th>
            <th>Avoidable share</th>
            <th>Trend</th>
          </tr>
        </thead>
        <tbody>
          {(r?.periods ?? []).map((p) => (
            <tr key={p.period}>
              <td>{p.period}</td>
              <td>{p.count}</td>
              <td>{p.recorded}</td>
              <td>{percent(p.avoidableShare)}</td>
              <td>{points(p.trend)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
