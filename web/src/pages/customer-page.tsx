// A customer's file: who they are, what they consented to and when, every case with its outcome, and the
// contacts the frequency cap counts; from here an agent opens a case by hand.
import { answer } from '../api';
import type { PageProps } from '../app';
import { ErrorBanner } from '../components/error-banner';
import { OpenCaseForm } from '../components/open-case-form';
import type { CustomerFile } from '../contract';
import { dateTime, money, words } from '../format';
import { usePolling } from '../hooks';

const CHANNELS = ['sms', 'email', 'phone'] as const;

function Profile({ file }: { file: CustomerFile }) {
  const c = file.customer;
  return (
    <div class="panel">
      <h2>Customer</h2>
      <dl>
        <dt>Tier</dt>
        <dd>
          {c.tier}
          {c.segment ? ` · ${c.segment}` : ''}
        </dd>
        <dt>Lifecycle</dt>
        <dd>{words(c.lifecycleStage)}</dd>
        <dt>Assets</dt>
        <dd>{money(c.assetsUnderManagement)}</dd>
        <dt>Time zone</dt>
        <dd>{c.timeZone}</dd>
        <dt>Prefers</dt>
        <dd>{c.preferredChannels.join(', ') || '—'}</dd>
        <dt>Phone</dt>
        <dd>{c.contact.phone ?? '—'}</dd>
        <dt>Email</dt>
        <dd>{c.contact.email ?? '—'}</dd>
      </dl>
      {c.contact.shown === 'masked' && (
        <p class="muted">Phone and email show in full to the agent working the customer’s open case.</p>
      )}
    </div>
  );
}

function Consent({ file }: { file: CustomerFile }) {
  return (
    <div class="panel">
      <h2>Consent</h2>
      <p>{CHANNELS.map((ch) => `${ch}: ${file.consent.current[ch] ? 'yes' : 'no'}`).join(' · ')}</p>
      <ul class="plain">
        {file.consent.ledger.map((e, i) => (
          <li key={i}>
            {dateTime(e.at)}: {e.channel} {e.granted ? 'granted' : 'withdrawn'} ({words(e.source)}, {e.actor})
            {e.note ? ` — ${e.note}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Contacts({ file }: { file: CustomerFile }) {
  const w = file.contactsInCapWindow;
  return (
    <div class="panel">
      <h2>Contacts in the last {w.window}</h2>
      <p>
        {w.contacts.length} of {w.maxContacts} allowed · {w.left} left
      </p>
      <ul class="plain">
        {w.contacts.map((x, i) => (
          <li key={i}>
            {dateTime(x.at)}: {x.channel} {words(x.purpose === 'outcome' ? x.outcome : x.status)}
            {x.note ? ` — ${x.note}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Cases({ file }: { file: CustomerFile }) {
  if (file.cases.length === 0) return <p class="muted">No cases yet.</p>;
  return (
    <table data-testid="customer-cases">
      <thead>
        <tr>
          <th>Opened</th>
          <th>Reason</th>
          <th>Stage</th>
          <th>Outcome</th>
          <th>Offer</th>
          <th>Agent</th>
        </tr>
      </thead>
      <tbody>
        {file.cases.map((c) => (
          <tr key={c.caseId}>
            <td>
              <a href={`#/cases/${encodeURIComponent(c.caseId)}`}>{dateTime(c.openedAt)}</a>
            </td>
            <td>{c.reason}</td>
            <td>{words(c.stage)}</td>
            <td>{words(c.outcome)}</td>
            <td>{c.offer ? `${c.offer.name} (${words(c.offer.status)})` : '—'}</td>
            <td>{c.assignee?.name ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CustomerPage({ api, customerId }: PageProps & { customerId: string }) {
  const file = usePolling(
    () => answer(api.GET('/v1/customers/{customerId}/file', { params: { path: { customerId } } })),
    10_000,
    [api, customerId],
  );
  const f = file.data;
  if (!f)
    return (
      <section>
        <ErrorBanner error={file.error} />
        {!file.error && <p>Loading…</p>}
      </section>
    );
  return (
    <section class="customer">
      <h1>
        {f.customer.name} <span class="muted">{f.customer.customerId}</span>
      </h1>
      <ErrorBanner error={file.error} />
      <div class="grid">
        <Profile file={f} />
        <Consent file={f} />
        <Contacts file={f} />
      </div>
      <div class="panel">
        <h2>Cases</h2>
        {f.openCaseId ? (
          <p>
            Open case: <a href={`#/cases/${encodeURIComponent(f.openCaseId)}`}>work it here</a>.
          </p>
        ) : (
          <OpenCaseForm api={api} customerId={f.customer.customerId} />
        )}
        <Cases file={f} />
      </div>
    </section>
  );
}
