// The case board: one column per open stage with its count for the current filters, cards sorted as
// chosen, SLA breaches highlighted, refreshed every few seconds.
import { useState } from 'preact/hooks';
import { answer } from '../api';
import type { PageProps } from '../app';
import { ErrorBanner } from '../components/error-banner';
import { relative, words } from '../format';
import { usePolling } from '../hooks';
import type { CaseSummary } from '../contract';
import { DRIVERS, OPEN_STAGES, TIERS } from '../vocabulary';

const REFRESH_MS = 5_000;

interface Filters {
  customerId: string;
  tier: string;
  driver: string;
  team: string;
  slaBreached: boolean;
  needsAttention: boolean;
  sort: 'priority' | 'slaDue' | 'opened';
}

function Select({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly string[];
  onChange: (v: string) => void;
}) {
  return (
    <label>
      {label}
      <select name={label.toLowerCase()} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">any</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {words(o)}
          </option>
        ))}
      </select>
    </label>
  );
}

function CaseCard({ c }: { c: CaseSummary }) {
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

export function BoardPage({ api }: PageProps) {
  const [f, setF] = useState<Filters>({
    customerId: '',
    tier: '',
    driver: '',
    team: '',
    slaBreached: false,
    needsAttention: false,
    sort: 'priority',
  });
  const set = (patch: Partial<Filters>) => setF({ ...f, ...patch });
  const teams = usePolling(() => answer(api.GET('/v1/teams')), 60_000, [api]);
  const board = usePolling(
    () =>
      answer(
        api.GET('/v1/cases', {
          params: {
            query: {
              status: 'open',
              limit: 200,
              customerId: f.customerId.trim(),
              tier: TIERS.find((t) => t === f.tier),
              driver: DRIVERS.find((d) => d === f.driver),
              team: f.team,
              slaBreached: f.slaBreached ? 'true' : undefined,
              needsAttention: f.needsAttention ? 'true' : undefined,
              sort: f.sort,
            },
          },
        }),
      ),
    REFRESH_MS,
    [api, f],
  );
  const items = board.data?.items ?? [];
  return (
    <section>
      <h1>Case board</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Customer
          <input
            name="customerId"
            placeholder="customer id"
            value={f.customerId}
            onChange={(e) => set({ customerId: e.currentTarget.value })}
          />
        </label>
        <Select label="Tier" value={f.tier} options={TIERS} onChange={(tier) => set({ tier })} />
        <Select label="Driver" value={f.driver} options={DRIVERS} onChange={(driver) => set({ driver })} />
        <Select
          label="Team"
          value={f.team}
          options={(teams.data?.items ?? []).map((t) => t.id)}
          onChange={(team) => set({ team })}
        />
        <label class="check">
          <input
            type="checkbox"
            name="slaBreached"
            checked={f.slaBreached}
            onChange={(e) => set({ slaBreached: e.currentTarget.checked })}
          />{' '}
          SLA breached only
        </label>
        <label class="check">
          <input
            type="checkbox"
            name="needsAttention"
            checked={f.needsAttention}
            onChange={(e) => set({ needsAttention: e.currentTarget.checked })}
          />{' '}
          needs attention only
        </label>
        <label>
          Sort
          <select name="sort" value={f.sort} onChange={(e) => set({ sort: e.currentTarget.value as Filters['sort'] })}>
            <option value="priority">priority</option>
            <option value="slaDue">SLA due</option>
            <option value="opened">newest</option>
          </select>
        </label>
        <span class="muted refreshed">
          {board.updatedAt
            ? `${board.data?.total ?? 0} open · updated ${board.updatedAt.toLocaleTimeString()}`
            : 'loading…'}
        </span>
      </form>
      <ErrorBanner error={board.error} />
      <div class="board">
        {OPEN_STAGES.map((stage) => (
          <div class="column" key={stage} data-stage={stage}>
            <h2>
              {words(stage)} <span class="count">{board.data?.stageCounts[stage] ?? 0}</span>
            </h2>
            {items
              .filter((c) => c.stage === stage)
              .map((c) => (
                <CaseCard key={c.caseId} c={c} />
              ))}
          </div>
        ))}
      </div>
      {board.data?.nextCursor && (
        <p class="muted">Showing the first {items.length} cases; narrow the filters to see the rest.</p>
      )}
    </section>
  );
}
