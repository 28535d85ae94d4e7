// A team's workload as a table: per agent the open cases, SLA breaches and today's contacts against the quota;
// then the cases waiting in the team queue, those needing a supervisor, and the team's totals.
import type { Workload } from '../contract';

function AgentRow({ agent: a }: { agent: Workload['agents'][number] }) {
  return (
    <tr class={a.active ? '' : 'muted'}>
      <td>
        {a.name}
        {a.active ? '' : ' (inactive)'}
      </td>
      <td>{a.openCases}</td>
      <td class={a.slaBreaches > 0 ? 'late' : ''}>{a.slaBreaches}</td>
      <td>
        {a.contactsToday} / {a.dailyContactQuota}
      </td>
      <td>
        <span class="bar-track">
          <span
            class={`bar-fill${a.quotaRemaining === 0 ? ' full' : ''}`}
            style={{ width: `${Math.min(1, a.contactsToday / Math.max(1, a.dailyContactQuota)) * 100}%` }}
          />
        </span>
      </td>
    </tr>
  );
}

export function WorkloadTable({ workload: w }: { workload: Workload }) {
  return (
    <table class="workload">
      <thead>
        <tr>
          <th>Agent</th>
          <th>Open cases</th>
          <th>SLA breaches</th>
          <th>Contacts today</th>
          <th>Quota used</th>
        </tr>
      </thead>
      <tbody>
        {w.agents.map((a) => (
          <AgentRow key={a.agentId} agent={a} />
        ))}
        <tr>
          <td>Waiting in the team queue</td>
          <td>{w.unassigned.openCases}</td>
          <td class={w.unassigned.slaBreaches > 0 ? 'late' : ''}>{w.unassigned.slaBreaches}</td>
          <td colSpan={2} />
        </tr>
        <tr>
          <td>Needing a supervisor's attention</td>
          <td class={w.needsAttention > 0 ? 'late' : ''}>{w.needsAttention}</td>
          <td colSpan={3} />
        </tr>
      </tbody>
      <tfoot>
        <tr>
          <th>Team</th>
          <th>{w.totals.openCases}</th>
          <th>{w.totals.slaBreaches}</th>
          <th>
            {w.totals.contactsToday} / {w.totals.dailyContactQuota}
          </th>
          <th />
        </tr>
      </tfoot>
    </table>
  );
}
