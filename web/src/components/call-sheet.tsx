// The call sheet on the case page: everything an agent reads before the call, on one panel. Shown open while
// the case waits on a person, folded once it is closed.
import { answer, type Api } from '../api';
import type { CallSheet } from '../contract';
import { dateTime, money, words } from '../format';
import { usePolling } from '../hooks';
import { ErrorBanner } from './error-banner';
import { useT } from '../i18n/i18n';

function WhoAndHow({ sheet }: { sheet: CallSheet }) {
  const c = sheet.customer;
  return (
    <div>
      <h3>Who and how</h3>
      <dl>
        <dt>Tier</dt>
        <dd>
          {c.tier}
          {c.segment ? ` · ${c.segment}` : ''}
          {c.lifecycleStage ? ` · ${words(c.lifecycleStage)}` : ''}
        </dd>
        <dt>Value</dt>
        <dd>{money(c.assetsUnderManagement)} in assets</dd>
        <dt>Their time</dt>
        <dd>{c.localTimeNow}</dd>
        <dt>Prefers</dt>
        <dd>{c.preferredChannels.join(', ') || '—'}</dd>
        <dt>Consent</dt>
        <dd>{(['sms', 'email', 'phone'] as const).filter((k) => c.consent[k]).join(', ') || 'none'}</dd>
        <dt>Phone</dt>
        <dd>{c.contact.phone ?? '—'}</dd>
        <dt>Email</dt>
        <dd>{c.contact.email ?? '—'}</dd>
      </dl>
    </div>
  );
}

function SaidBefore({ sheet }: { sheet: CallSheet }) {
  const { contacts, replies } = sheet.saidBefore;
  return (
    <div>
      <h3>Said before</h3>
      {replies.length === 0 && contacts.length === 0 && <p class="muted">No contact yet.</p>}
      <ul class="plain">
        {replies.map((r, i) => (
          <li key={`r${i}`}>
            {dateTime(r.at)} the customer wrote ({r.channel}): “{r.text}”
          </li>
        ))}
        {contacts.map((x, i) => (
          <li key={`c${i}`}>
            {dateTime(x.at)}: {x.channel}{' '}
            {x.purpose === 'outcome' ? `call recorded: ${words(x.outcome)}` : words(x.status)}
            {x.note ? ` — ${x.note}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Offers({ sheet }: { sheet: CallSheet }) {
  const { current, eligible, budget } = sheet.offer;
  return (
    <div>
      <h3>The offer</h3>
      {current && (
        <p>
          <strong>{current.name}</strong> ({words(current.status)}, expires {dateTime(current.expiresAt)}):{' '}
          {current.description}
        </p>
      )}
      {!current && eligible.length === 0 && (
        <p class="muted">
          No catalog offer fits this customer{budget !== null ? ` within a budget of ${money(budget)}` : ''}.
        </p>
      )}
      {!current && eligible.length > 0 && (
        <ol class="plain">
          {eligible.map((o) => (
            <li key={o.offerId}>
              <strong>{o.name}</strong>: {o.conditions.join(' ')}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export function CallSheetPanel({ api, caseId }: { api: Api; caseId: string }) {
  const { t } = useT();
  const sheet = usePolling(
    () => answer(api.GET('/v1/cases/{caseId}/call-sheet', { params: { path: { caseId } } })),
    15_000,
    [api, caseId],
  );
  const s = sheet.data;
  if (!s) return <ErrorBanner error={sheet.error} />;
  return (
    <details class="panel call-sheet" open={s.status === 'open'} data-testid="call-sheet">
      <summary>
        <h2>Call sheet</h2>
      </summary>
      <div class="grid">
        <div>
          <h3>{t('risk.whyAtRisk')}</h3>
          <p>{s.whyAtRisk.driverSentence ?? words(s.whyAtRisk.driver)}</p>
          <ul class="plain">
            {s.whyAtRisk.signals.map((x, i) => (
              <li key={i}>{x.sentence}</li>
            ))}
          </ul>
          <p class="muted">Opened because: {s.whyAtRisk.reason}</p>
        </div>
        <WhoAndHow sheet={s} />
        <SaidBefore sheet={s} />
        <Offers sheet={s} />
      </div>
      {s.script && (
        <div>
          <h3>The playbook’s words for this step (its {s.script.templateId} message)</h3>
          <blockquote class="script">{s.script.text}</blockquote>
        </div>
      )}
    </details>
  );
}
