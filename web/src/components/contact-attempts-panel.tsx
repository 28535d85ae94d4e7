// Every contact attempt on a case: when, by which channel, for what, how it went and its outcome.
import { dateTime, words } from '../format';
import type { CaseDetail } from '../contract';

export function ContactAttemptsPanel({ attempts }: { attempts: CaseDetail['contactAttempts'] }) {
  return (
    <div class="panel">
      <h2>Contact attempts</h2>
      <table>
        <thead>
          <tr>
            <th>When</th>
            <th>Channel</th>
            <th>Kind</th>
            <th>Status</th>
            <th>Outcome</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => (
            <tr key={a.id}>
              <td>{dateTime(a.at)}</td>
              <td>{a.channel}</td>
              <td>{words(a.purpose)}</td>
              <td>{words(a.status)}</td>
              <td>
                {words(a.outcome)}
                {a.note ? ` — ${a.note}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
