// The churn-reasons report's tables: customers lost per reason (with its category and whether it was avoidable),
// and per period the avoidable share with its trend against the period before.
import { percent, words } from '../format';
import type { ChurnReasonReport } from '../contract';

const points = (x: number | null) => (x === null ? '—' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} pt`);

export function ChurnReasonsTable({ reasons }: { reasons: ChurnReasonReport['reasons'] | undefined }) {
  return (
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
        {(reasons ?? []).map((row) => (
          <tr key={row.code}>
            <td>{row.label}</td>
            <td>{words(row.category)}</td>
            <td>{row.avoidable === null ? '—' : row.avoidable ? 'yes' : 'no'}</td>
            <td>{row.count}</td>
            <td>{percent(row.share)}</td>
          </tr>
        ))}
        {reasons?.length === 0 && (
          <tr>
            <td colSpan={5} class="muted">
              No customers lost in this range.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

interface PeriodsProps {
  period: 'week' | 'month';
  periods: ChurnReasonReport['periods'] | undefined;
}

export function ChurnPeriodsTable({ period, periods }: PeriodsProps) {
  return (
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
        {(periods ?? []).map((p) => (
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
  );
}
