// The churn-reasons report in the reports view: why customers were lost in the range (cases closed churned or
// declined), by reason with its category and whether it was avoidable, a bar per reason, and the avoidable share
// per period with its trend. "Not recorded" is shown as a reason of its own so the gap is visible.
import { useState } from 'preact/hooks';
import { answer, type Api } from '../api';
import type { ChurnReasonReport } from '../contract';
import { CSV, useCsvDownload } from '../data/csv-download';
import { percent } from '../format';
import { usePolling } from '../hooks';
import { useT } from '../i18n/i18n';
import { RateBars, RateLineChart } from './charts';
import { ChurnPeriodsTable, ChurnReasonsTable } from './churn-reasons-tables';
import { ErrorBanner } from './error-banner';

type Period = 'week' | 'month';

function ChurnReasonCharts({ period, report: r }: { period: Period; report: ChurnReasonReport | undefined }) {
  const { t } = useT();
  return (
    <div class="charts">
      <RateBars
        title={t('churnReasons.byReason')}
        bars={(r?.reasons ?? []).map((row) => ({ label: row.label, value: row.share }))}
      />
      <RateBars
        title={t('churnReasons.byCategory')}
        bars={(r?.byCategory ?? []).map((row) => ({ label: row.group, value: row.share }))}
      />
      <RateLineChart
        title={`Avoidable share of churn, per ${period}`}
        series={[
          { name: 'avoidable share', points: (r?.periods ?? []).map((p) => ({ x: p.period, y: p.avoidableShare })) },
        ]}
      />
    </div>
  );
}

function ChurnTotals({ totals }: { totals: ChurnReasonReport['totals'] }) {
  return (
    <p data-testid="churn-totals">
      Customers lost: {totals.count}; without a recorded reason: {totals.count - totals.recorded}; avoidable, of those
      with a reason: {percent(totals.avoidableShare)}.
    </p>
  );
}

export function ChurnReasonsSection({ api, range }: { api: Api; range: { from: string; to: string } }) {
  const [period, setPeriod] = useState<Period>('month');
  const query = { ...range, period };
  const report = usePolling(() => answer(api.GET('/v1/reports/churn-reasons', { params: { query } })), 60_000, [
    api,
    range,
    period,
  ]);
  const csv = useCsvDownload();
  const downloadCsv = () =>
    csv.download(
      () => answer(api.GET('/v1/reports/churn-reasons', { params: { query: { ...query, format: 'csv' } }, ...CSV })),
      `churn-reasons-${period}-${range.from}-${range.to}.csv`,
    );
  const r = report.data;
  return (
    <section class="churn-reasons" aria-label="Churn reasons">
      <h2>Churn reasons</h2>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Per
          <select name="period" value={period} onChange={(e) => setPeriod(e.currentTarget.value as Period)}>
            <option value="month">month</option>
            <option value="week">week</option>
          </select>
        </label>
        <button type="button" onClick={downloadCsv}>
          Download churn reasons CSV
        </button>
      </form>
      <ErrorBanner error={report.error ?? csv.error} />
      {r && <ChurnTotals totals={r.totals} />}
      <ChurnReasonsTable reasons={r?.reasons} />
      <ChurnReasonCharts period={period} report={r} />
      <ChurnPeriodsTable period={period} periods={r?.periods} />
    </section>
  );
}
