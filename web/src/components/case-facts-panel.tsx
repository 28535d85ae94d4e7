// Why the case opened and where it stands: reason, driver, risk and priority, team, agent, SLA, and the playbook
// it runs with why that playbook was chosen.
import { dateTime, relative, words } from '../format';
import type { CaseDetail } from '../contract';
import { Field } from './field';

export function CaseFactsPanel({ detail: c }: { detail: CaseDetail }) {
  return (
    <div class="panel">
      <h2>Case</h2>
      <dl>
        <Field label="Reason">{c.reason}</Field>
        <Field label="Driver">{words(c.driver)}</Field>
        <Field label="Risk">
          {(c.riskScore * 100).toFixed(0)} / 100 · priority {c.priority}
        </Field>
        <Field label="Team">{c.team?.name ?? '—'}</Field>
        <Field label="Agent">{c.assignee?.name ?? 'unassigned'}</Field>
        <Field label="SLA">
          <span class={c.sla.breached ? 'late' : ''}>
            {c.sla.dueAt ? `${dateTime(c.sla.dueAt)} (${relative(c.sla.dueAt)})` : '—'}
          </span>
        </Field>
        <Field label="Playbook">
          {c.playbook.id} v{c.playbook.version}
        </Field>
        {c.playbookChoice && (
          <Field label="Why this playbook">
            <span data-testid="playbook-choice">{c.playbookChoice.summary}</span>
          </Field>
        )}
      </dl>
    </div>
  );
}
