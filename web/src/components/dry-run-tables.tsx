// A dry run's tables: each total beside the current version's with the difference, each team's load day by day,
// and the offers' expected take-up and cost against budget and volume cap.
import type { DryRunAnswer } from '../contract';
import { money, percent, words } from '../format';

type Run = DryRunAnswer['result'];

// "casesOpened" → "cases opened".
const figureName = (k: string) => words(k.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase());

export function DryRunTotals({ answer }: { answer: DryRunAnswer }) {
  const { result, baseline, difference } = answer;
  return (
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
            <td>{figureName(k)}</td>
            <td>{v}</td>
            <td>{baseline?.totals[k] ?? '—'}</td>
            <td>{difference ? (difference[k]! > 0 ? `+${difference[k]}` : difference[k]) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DryRunTeams({ days }: { days: Run['days'] }) {
  const teams = days.flatMap((d) => d.teams.map((t) => ({ day: d.day, ...t })));
  return (
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
  );
}

export function DryRunOffers({ offers }: { offers: Run['offers'] }) {
  return (
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
        {offers
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
  );
}
