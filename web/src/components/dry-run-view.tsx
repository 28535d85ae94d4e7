// A dry run's answer: the assumptions, the totals beside the current version's with the difference, a
// day-by-day chart of cases opened and contacts moved, per-team load and the offers' expected cost.
import { money, percent, words } from '../format';

import type { DryRunAnswer } from '../contract';

type Run = DryRunAnswer['result'];

function DayChart({ result, baseline }: { result: Run; baseline: Run | null }) {
  const max = Math.max(
    1,
    ...result.days.map((d) => d.counts.casesOpened ?? 0),
    ...(baseline?.days ?? []).map((d) => d.counts.casesOpened ?? 0),
  );
  const w = 14;
  return (
    <svg
      class="day-chart"
      role="img"
      aria-label="Cases opened per day: draft (dark) and current (light)"
      width={result.days.length * w * 2 + 20}
      height={140}
    >
      {result.days.map((d, i) => {
        const mine = ((d.counts.casesOpened ?? 0) / max) * 120;
        const theirs = ((baseline?.days[i]?.counts.casesOpened ?? 0) / max) * 120;
        return (
          <g key={d.day}>
            <title>{`${d.day}: ${d.counts.casesOpened} opened (current ${baseline?.days[i]?.counts.casesOpened ?? '—'})`}</title>
            <rect x={10 + i * w * 2} y={130 - mine} width={w - 2} height={mine} fill="#1d4ed8" />
            <rect x={10 + i * w * 2 + w - 2} y={130 - theirs} width={w - 2} height={theirs} fill="#93c5fd" />
          </g>
        );
      })}
    </svg>
  );
}

export function DryRunView({ answer }: { answer: DryRunAnswer }) {
  const { result, baseline, difference } = answer;
  const teams = result.days.flatMap((d) => d.teams.map((t) => ({ day: d.day, ...t })));
  return (
    <div class="dry-run">
      {answer.window.note && <p class="notice">{answer.window.note}</p>}
      <p class="muted">
        {answer.window.signals} signals over {answer.window.days} days. Assumed: reach{' '}
        {percent(answer.assumptions.reach.rate)} ({answer.assumptions.reach.basis}); acceptance{' '}
        {percent(answer.assumptions.acceptance.rate)} ({answer.assumptions.acceptance.basis}).
      </p>
      <DayChart result={result} baseline={baseline} />
      <table class="dry-run-totals">
        <thead>
          <tr>
            <th>Figure</th>
            <th>This playbook</th>
            <th>Current version{answer.current ? ` (v${answer.current.version})` : ''}</th>
            <th>Difference</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(result.totals).map(([k, v]) => (
            <tr key={k} data-figure={k}>
              <td>{words(k.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase())}</td>
              <td>{v}</td>
              <td>{baseline?.totals[k] ?? '—'}</td>
              <td>{difference ? (difference[k]! > 0 ? `+${difference[k]}` : difference[k]) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Teams, day by day</h3>
      <table>
        <thead>
          <tr>
            <th>Day</th>
            <th>Team</th>
            <th>Contacts needed</th>
            <th>Quota</th>
            <th>Saturation</th>
            <th>Backlog to next day</th>
          </tr>
        </thead>
        <tbody>
          {teams.map((t) => (
            <tr key={`${t.day}${t.teamId}`}>
              <td>{t.day}</td>
              <td>{t.teamId}</td>
              <td>{t.contactsNeeded}</td>
              <td>{t.quota}</td>
              <td>{percent(t.saturation)}</td>
              <td>{t.backlogCarried}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Offers</h3>
      <table>
        <thead>
          <tr>
            <th>Offer</th>
            <th>Cases</th>
            <th>Expected presented</th>
            <th>Expected accepted</th>
            <th>Expected cost</th>
            <th>Budget</th>
            <th>Volume cap</th>
            <th>Cap hits</th>
          </tr>
        </thead>
        <tbody>
          {result.offers
            .filter((o) => o.cases || o.capHits)
            .map((o) => (
              <tr key={o.offerId}>
                <td>{o.offerId}</td>
                <td>{o.cases}</td>
                <td>{o.expectedPresented}</td>
                <td>{o.expectedAccepted}</td>
                <td>{money(o.expectedCost)}</td>
                <td>{money(o.budget)}</td>
                <td>{o.volumeCap ?? 'none'}</td>
                <td>{o.capHits}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
