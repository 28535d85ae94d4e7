// A dry run's answer: the assumptions, the totals beside the current version's with the difference, a
// day-by-day chart of cases opened and contacts moved, per-team load and the offers' expected cost.
import type { DryRunAnswer } from '../contract';
import { percent } from '../format';
import { DryRunOffers, DryRunTeams, DryRunTotals } from './dry-run-tables';

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
  const { result, baseline } = answer;
  return (
    <div class="dry-run">
      {answer.window.note && <p class="notice">{answer.window.note}</p>}
      <p class="muted">
        {answer.window.signals} signals over {answer.window.days} days. Assumed: reach{' '}
        {percent(answer.assumptions.reach.rate)} ({answer.assumptions.reach.basis}); acceptance{' '}
        {percent(answer.assumptions.acceptance.rate)} ({answer.assumptions.acceptance.basis}).
      </p>
      <DayChart result={result} baseline={baseline} />
      <DryRunTotals answer={answer} />
      <h3>Teams, day by day</h3>
      <DryRunTeams days={result.days} />
      <h3>Offers</h3>
      <DryRunOffers offers={result.offers} />
    </div>
  );
}
