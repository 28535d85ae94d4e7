// One case: who the customer is, why the case opened, what happened (timeline, contacts, offer, survey),
// and the human steps this key's role may take at this stage.
import { answer } from '../api';
import type { PageProps } from '../app';
import { CallSheetPanel } from '../components/call-sheet';
import { CaseActions } from '../components/case-actions';
import { ChurnReasonPanel } from '../components/churn-reason-panel';
import { ErrorBanner } from '../components/error-banner';
import { Timeline, timelineNames } from '../components/timeline';
import { dateTime, money, relative, words } from '../format';
import { usePolling } from '../hooks';

const REFRESH_MS = 3_000;
// Teams and their agents change rarely; they only name the people in timeline sentences.
const TEAMS_REFRESH_MS = 60_000;

function Field({ label, children }: { label: string; children: preact.ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function CasePage({ api, me, caseId }: PageProps & { caseId: string }) {
  const params = { path: { caseId } };
  const detail = usePolling(() => answer(api.GET('/v1/cases/{caseId}', { params })), REFRESH_MS, [api, caseId]);
  const events = usePolling(() => answer(api.GET('/v1/cases/{caseId}/timeline', { params })), REFRESH_MS, [
    api,
    caseId,
  ]);
  const teams = usePolling(() => answer(api.GET('/v1/teams')), TEAMS_REFRESH_MS, [api]);
  const c = detail.data;
  if (!c)
    return (
      <section>
        <a href="#/board">← Case board</a>
        <ErrorBanner error={detail.error} />
        {!detail.error && <p>Loading…</p>}
      </section>
    );
  const reload = async () => {
    await Promise.all([detail.reload(), events.reload()]);
  };
  const { customer } = c;
  return (
    <section class="case">
      <a href="#/board">← Case board</a>
      <h1>
        {customer.name}{' '}
        <span class={`stage stage-${c.stage}`} data-testid="case-stage">
          {words(c.stage)}
        </span>
        {c.outcome && <span class="outcome"> {words(c.outcome)}</span>}
      </h1>
      <p>
        <a href={`#/customers/${encodeURIComponent(customer.id)}`}>Customer file</a>
      </p>
      <ErrorBanner error={detail.error} />
      {(me.role === 'agent' || me.role === 'supervisor' || me.role === 'admin') && (
        <CallSheetPanel api={api} caseId={caseId} />
      )}
      <div class="grid">
        <div class="panel">
          <h2>Customer</h2>
          <dl>
            <Field label="Tier">
              {customer.tier}
              {customer.segment ? ` · ${customer.segment}` : ''}
            </Field>
            <Field label="Lifecycle">{words(customer.lifecycleStage)}</Field>
            <Field label="Assets">{money(customer.assetsUnderManagement)}</Field>
            <Field label="Time zone">{customer.timeZone}</Field>
            <Field label="Prefers">{customer.preferredChannels.join(', ')}</Field>
            <Field label="Consent">
              {(['sms', 'email', 'phone'] as const).filter((k) => customer.consent[k]).join(', ') || 'none'}
            </Field>
          </dl>
        </div>
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
        <div class="panel">
          <h2>Why at risk</h2>
          <ul class="plain">
            {c.riskExplanation.map((f) => (
              <li key={f.signalId}>
                {words(f.factor)}: contributes {Math.round(f.contribution * 100)} points
              </li>
            ))}
          </ul>
          {c.earlyWarning && (
            <div data-testid="early-warning">
              <h3>Early-warning score {Math.round(c.earlyWarning.score * 100)}%</h3>
              <ul class="plain">
                {c.earlyWarning.reasons.map((r) => (
                  <li key={r.attribute}>
                    {r.attribute} = {r.value ?? 'missing'}: +{r.points} points against the average customer
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <div class="panel">
          <h2>Offer</h2>
          {c.offer ? (
            <dl>
              <Field label="Offer">{c.offer.name}</Field>
              <Field label="Cost">{money(c.offer.cost)}</Field>
              <Field label="Status">
                <span data-testid="offer-status">{words(c.offer.status)}</span>
              </Field>
              <Field label="Expires">{dateTime(c.offer.expiresAt)}</Field>
            </dl>
          ) : (
            <p class="muted">No offer yet.</p>
          )}
          <h2>Survey</h2>
          {c.survey ? (
            <p>
              Sent {dateTime(c.survey.sentAt)} by {c.survey.channel};{' '}
              {c.survey.score === undefined
                ? 'no answer yet'
                : `score ${c.survey.score}${c.survey.comment ? ` — “${c.survey.comment}”` : ''}`}
            </p>
          ) : (
            <p class="muted">Not sent.</p>
          )}
        </div>
      </div>
      <CaseActions api={api} me={me} detail={c} onDone={reload} />
      <ChurnReasonPanel api={api} me={me} detail={c} onDone={reload} />
      <div class="grid two">
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
              {c.contactAttempts.map((a) => (
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
        <div class="panel">
          <h2>Timeline</h2>
          <Timeline events={events.data?.events ?? []} names={timelineNames(teams.data?.items ?? [], c)} />
        </div>
      </div>
    </section>
  );
}
