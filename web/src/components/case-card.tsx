// A case on the board: the customer, tier, driver and priority, who holds it, whether it needs a supervisor,
// and its SLA (highlighted when breached).
import { relative, words } from '../format';
import type { CaseSummary } from '../contract';

export function CaseCard({ c }: { c: CaseSummary }) {
  return (
    <a
      class={`card${c.sla.breached ? ' breached' : ''}${c.attention ? ' attention' : ''}`}
      href={`#/cases/${encodeURIComponent(c.caseId)}`}
      data-case-id={c.caseId}
    >
      <span class="card-title">{c.customer.name}</span>
      <span class="muted">
        {c.customer.tier} · {words(c.driver)} · priority {c.priority}
      </span>
      <span>{c.assignee ? c.assignee.name : c.team ? `${c.team.name} queue` : 'unassigned'}</span>
      {c.attention && (
        <span class="badge attention" title="nothing automatic can move this case: retry, reassign or close it">
          needs attention: {words(c.attention.reason)}
        </span>
      )}
      {c.sla.dueAt && (
        <span class={c.sla.breached ? 'sla late' : 'sla'}>
          {c.sla.breached ? 'SLA breached ' : 'SLA '}
          {relative(c.sla.dueAt)}
        </span>
      )}
    </a>
  );
}
