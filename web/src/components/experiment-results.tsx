// An experiment's results, one row per arm: its version and weight, cases and conclusive cases, retention with its
// 95% interval, the difference from the control with its interval and p-value, cost per retained customer, and the
// verdict.
import type { ExperimentArmResult } from '../contract';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
const range = (i: { low: number; high: number } | null) => (i ? `${pct(i.low)} – ${pct(i.high)}` : '—');

function ResultRow({ arm: a }: { arm: ExperimentArmResult }) {
  return (
    <tr data-arm={a.arm}>
      <td>
        {a.arm}
        {a.control ? ' (control)' : ''}
      </td>
      <td>v{a.version}</td>
      <td>{a.weight}%</td>
      <td>{a.cases}</td>
      <td>{a.conclusive}</td>
      <td>{pct(a.retentionRate)}</td>
      <td>{range(a.interval)}</td>
      <td>{a.vsControl ? pct(a.vsControl.difference) : '—'}</td>
      <td>{a.vsControl ? range(a.vsControl.interval) : '—'}</td>
      <td>{a.vsControl?.pValue === null || a.vsControl === null ? '—' : a.vsControl.pValue.toFixed(4)}</td>
      <td>{a.costPerRetained === null ? '—' : a.costPerRetained.toFixed(2)}</td>
      <td class="verdict">{a.vsControl ? a.vsControl.verdict.replace('_', ' ') : 'control'}</td>
    </tr>
  );
}

export function ExperimentResultsTable({ arms }: { arms: ExperimentArmResult[] }) {
  return (
    <table class="experiment-results">
      <thead>
        <tr>
          <th>Arm</th>
          <th>Version</th>
          <th>Weight</th>
          <th>Cases</th>
          <th>Conclusive</th>
          <th>Retention</th>
          <th>95% interval</th>
          <th>vs control</th>
          <th>95% interval</th>
          <th>p-value (better)</th>
          <th>Cost per retained</th>
          <th>Verdict</th>
        </tr>
      </thead>
      <tbody>
        {arms.map((a) => (
          <ResultRow key={a.arm} arm={a} />
        ))}
      </tbody>
    </table>
  );
}
