// An agent's home page: who to contact now and why, in the order to work them; today's contacts against the
// quota; the follow-ups due today. A supervisor picks the agent whose day to open.
import { useState } from 'preact/hooks';
import { answer } from '../api';
import type { PageProps } from '../app';
import { ErrorBanner } from '../components/error-banner';
import type { DeskTask, MyDay } from '../contract';
import { dateTime, relative } from '../format';
import { useT } from '../i18n/i18n';
import { usePolling } from '../hooks';

// A desk task's words: the key is typed, so a task the API adds without a sentence fails tsc.
const taskKey = (task: DeskTask) => `myDay.task.${task}` as const;

// Refreshed often: a reply or a callback time can arrive at any moment.
const REFRESH_MS = 5_000;

function AgentPicker({ api, agentId, onPick }: PageProps & { agentId?: string; onPick: (id: string) => void }) {
  const { t: tr } = useT();
  const teams = usePolling(() => answer(api.GET('/v1/teams')), 60_000, [api]);
  return (
    <label>
      {tr('myDay.agent')}
      <select name="agent" value={agentId ?? ''} onChange={(e) => onPick(e.currentTarget.value)}>
        <option value="">{tr('myDay.chooseAgent')}</option>
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
  const { t } = useT();
  const share = Math.min(1, contacts.today / Math.max(1, contacts.quota));
  return (
    <p class="quota" data-testid="quota">
      <strong>{t('myDay.quota', { today: contacts.today, quota: contacts.quota })}</strong>{' '}
      {t('myDay.contactsToday', { left: contacts.left })}
      <span class="bar-track" role="img" aria-label={t('myDay.quotaBar', { percent: Math.round(share * 100) })}>
        <span class={`bar-fill${contacts.left === 0 ? ' full' : ''}`} style={{ width: `${share * 100}%` }} />
      </span>
    </p>
  );
}

function WaitingList({ day }: { day: MyDay }) {
  const { t } = useT();
  if (day.waiting.length === 0) return <p class="muted">{t('myDay.nothingWaits')}</p>;
  return (
    <ol class="desk-list" data-testid="waiting">
      {day.waiting.map((w) => (
        <li key={w.caseId} class={w.overdue ? 'overdue' : ''}>
          <a href={`#/cases/${encodeURIComponent(w.caseId)}`}>
            <strong>{w.customer.name}</strong>
          </a>{' '}
          <span class="muted">
            {t(`tier.${w.customer.tier}`, { defaultValue: w.customer.tier })} ·{' '}
            {w.driver ? t(`driver.${w.driver}`, { defaultValue: w.driver }) : '—'} ·{' '}
            {t('myDay.priority', { priority: w.priority })}
          </span>
          <div class="task">
            {t(taskKey(w.task))}
            {w.channel && w.task !== 'call' && w.task !== 'callback'
              ? ` (${t(`channel.${w.channel}`, { defaultValue: w.channel })})`
              : ''}
          </div>
          {w.detail && <blockquote>{w.detail}</blockquote>}
          <div class={`sla${w.overdue ? ' late' : ''}`}>
            {w.dueAt ? t('myDay.due', { when: relative(w.dueAt), time: w.dueCustomerTime }) : t('myDay.noDeadline')}
          </div>
          <a class="muted" href={`#/customers/${encodeURIComponent(w.customer.id)}`}>
            {t('myDay.customerFile')}
          </a>
        </li>
      ))}
    </ol>
  );
}

function FollowUps({ day }: { day: MyDay }) {
  const { t } = useT();
  if (day.followUps.length === 0) return <p class="muted">{t('myDay.noFollowUps')}</p>;
  return (
    <ul class="desk-list" data-testid="follow-ups">
      {day.followUps.map((f) => (
        <li key={f.caseId}>
          <a href={`#/cases/${encodeURIComponent(f.caseId)}`}>
            <strong>{f.customer.name}</strong>
          </a>{' '}
          {t(f.kind === 'survey' ? 'myDay.survey' : 'myDay.observation', { at: dateTime(f.at), time: f.customerTime })}
        </li>
      ))}
    </ul>
  );
}

export function MyDayPage({ api, me }: PageProps) {
  const { t } = useT();
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
      <h1>{own ? t('myDay.title') : d ? t('myDay.agentDay', { name: d.agent.name }) : t('myDay.someAgentDay')}</h1>
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
                {own
                  ? t('myDay.waitingOnYou', { count: d.waiting.length })
                  : t('myDay.waitingOn', { name: d.agent.name, count: d.waiting.length })}
              </h2>
              <WaitingList day={d} />
            </div>
            <div class="panel">
              <h2>{t('myDay.followUps')}</h2>
              <FollowUps day={d} />
              <p class="muted">{t('myDay.footer', { count: d.openCases, time: dateTime(d.generatedAt) })}</p>
            </div>
          </div>
        </>
      )}
    </section>
  );
}
