// The retention report's table: per group, cases opened and how they ended, retention against the holdout and the
// lift, what the offers cost, the assets retained and SLA compliance.
import { money, percent, words } from '../format';
import type { ReportRow } from '../contract';

const lift = (x: number | null) => (x === null ? '—' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} pt`);

function RetentionRow({ row: r }: { row: ReportRow }) {
  return (
    <tr>
      <td>{words(r.group)}</td>
      <td>{r.opened}</td>
      <td>{r.retained}</td>
      <td>{r.churned}</td>
      <td>{r.declined}</td>
      <td>{r.excluded}</td>
      <td>{percent(r.retentionRate)}</td>
      <td>{percent(r.holdoutRetentionRate)}</td>
      <td>{lift(r.lift)}</td>
      <td>{money(r.offerCost)}</td>
      <td>{money(r.costPerRetained)}</td>
      <td>{money(r.assetsRetained)}</td>
      <td>{percent(r.slaCompliance)}</td>
    </tr>
  );
}

export function RetentionTable({ groupBy, rows }: { groupBy: string; rows: ReportRow[] }) {
  return (
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
          <RetentionRow key={r.group} row={r} />
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
  );
}
