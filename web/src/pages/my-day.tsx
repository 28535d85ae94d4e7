// An agent's home page: who to contact now and why, in the order to work them; today's contacts against the
// quota; the follow-ups due today. A supervisor picks the agent whose day to open.
import { useState } from 'preact/hooks';
import { answer } from '../api';
import type { PageProps } from '../app';
import { ErrorBanner } from '../components/error-banner';
import type { DeskTask, MyDay } from '../contract';
import { dateTime, relative, words } from '../format';
import { usePolling } from '../hooks';

// Refreshed often: a reply or a callback time can arrive at any moment.
const REFRESH_MS = 5_000;

const TASK_WORDS: Record<DeskTask, string> = {
  call: 'Call the customer',
  record_outcome: 'Record what came of the message',
  answer_reply: 'Answer the customer’s reply',
  callback: 'Call back at the time the customer asked',
  record_decision: 'Record the customer’s decision on the offer',
};

function AgentPicker({ api, agentId, onPick }: PageProps & { agentId?: string; onPick: (id: string) => void }) {
  const teams = usePolling(() => answer(api.GET('/v1/teams')), 60_000, [api]);
  return (
    <label>
      Agent
      <select name="agent" value={agentId ?? ''} onChange={(e) => onPick(e.currentTarget.value)}>
        <option value="">Choose an agent…</option>
        {(teams.data?.items ?? []).map((t) => (
          <optgroup key={t.id} label={t.name}>
            {t.agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

function Quota({ contacts }: { contacts: MyDay['contacts'] }) {
  const share = Math.min(1, contacts.today / Math.max(1, contacts.quota));
  return (
    <p class="quota" data-testid="quota">
      <strong>
        {contacts.today} of {contacts.quota}
      </strong>{' '}
      contacts today · {contacts.left} left
      <span class="bar-track" role="img" aria-label={`${Math.round(share * 100)}% of today's contacts made`}>
        <span class={`bar-fill${contacts.left === 0 ? ' full' : ''}`} style={{ width: `${share * 100}%` }} />
      </span>
    </p>
  );
}

function WaitingList({ day }: { day: MyDay }) {
  if (day.waiting.length === 0) return <p class="muted">Nothing waits on you right now.</p>;
  return (
    <ol class="desk-list" data-testid="waiting">
      {day.waiting.map((w) => (
        <li key={w.caseId} class={w.overdue ? 'overdue' : ''}>
          <a href={`#/cases/${encodeURIComponent(w.caseId)}`}>
            <strong>{w.customer.name}</strong>
          </a>{' '}
          <span class="muted">
            {w.customer.tier} · {words(w.driver)} · priority {w.priority}
          </span>
          <div class="task">
            {TASK_WORDS[w.task]}
            {w.channel && w.task !== 'call' && w.task !== 'callback' ? ` (${w.channel})` : ''}
          </div>
          {w.detail && <blockquote>{w.detail}</blockquote>}
          <div class={`sla${w.overdue ? ' late' : ''}`}>
            {w.dueAt ? (
              <>
                Due {relative(w.dueAt)} · customer’s time {w.dueCustomerTime}
              </>
            ) : (
              'No deadline'
            )}
          </div>
          <a class="muted" href={`#/customers/${encodeURIComponent(w.customer.id)}`}>
            Customer file
          </a>
        </li>
      ))}
    </ol>
  );
}

function FollowUps({ day }: { day: MyDay }) {
  if (day.followUps.length === 0) return <p class="muted">No follow-ups today.</p>;
  return (
    <ul class="desk-list" data-testid="follow-ups">
      {day.followUps.map((f) => (
        <li key={f.caseId}>
          <a href={`#/cases/${encodeURIComponent(f.caseId)}`}>
            <strong>{f.customer.name}</strong>
          </a>{' '}
          {f.kind === 'survey' ? 'satisfaction survey goes out' : 'observation window ends'} {dateTime(f.at)} ·
          customer’s time {f.customerTime}
        </li>
      ))}
    </ul>
  );
}

export function MyDayPage({ api, me }: PageProps) {
  const [picked, setPicked] = useState<string>();
  const own = me.role === 'agent';
  const agentId = own ? undefined : picked;
  const day = usePolling(
    () =>
      own || agentId ? answer(api.GET('/v1/me/today', { params: { query: { agentId } } })) : Promise.resolve(undefined),
    REFRESH_MS,
    [api, agentId],
  );
  const d = day.data;
  return (
    <section class="my-day">
      <h1>{own ? 'My day' : d ? `${d.agent.name}’s day` : 'An agent’s day'}</h1>
      {!own && (
        <div class="filters">
          <AgentPicker api={api} me={me} agentId={agentId} onPick={setPicked} />
        </div>
      )}
      <ErrorBanner error={day.error} />
      {d && (
        <>
          <Quota contacts={d.contacts} />
          <div class="grid two">
            <div class="panel">
              <h2>
                Waiting on {own ? 'you' : d.agent.name} ({d.waiting.length})
              </h2>
              <WaitingList day={d} />
            </div>
            <div class="panel">
              <h2>Follow-ups today</h2>
              <FollowUps day={d} />
              <p class="muted">
                {d.openCases} open cases in all · refreshed {new Date(d.generatedAt).toLocaleTimeString()}
              </p>
            </div>
          </div>
        </>
      )}
    </section>
  );
}
