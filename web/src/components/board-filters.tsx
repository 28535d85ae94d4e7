// The case board's filters and sort, and when the board was last refreshed with how many cases are open.
import type { CaseBoardFilters as Filters } from '../data/case-board';
import { words } from '../format';
import { DRIVERS, TIERS } from '../vocabulary';

interface SelectProps {
  label: string;
  value: string;
  options: readonly string[];
  onChange: (v: string) => void;
}

function Select({ label, value, options, onChange }: SelectProps) {
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

function Check({
  name,
  checked,
  onChange,
  children,
}: {
  name: 'slaBreached' | 'needsAttention';
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: string;
}) {
  return (
    <label class="check">
      <input type="checkbox" name={name} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />{' '}
      {children}
    </label>
  );
}

interface Props {
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
  teamIds: string[];
  // When the board last loaded (undefined until the first answer) and how many cases match.
  updatedAt: Date | undefined;
  total: number | undefined;
}

export function BoardFilters({ filters: f, onChange: set, teamIds, updatedAt, total }: Props) {
  return (
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
      <Select label="Team" value={f.team} options={teamIds} onChange={(team) => set({ team })} />
      <Check name="slaBreached" checked={f.slaBreached} onChange={(slaBreached) => set({ slaBreached })}>
        SLA breached only
      </Check>
      <Check name="needsAttention" checked={f.needsAttention} onChange={(needsAttention) => set({ needsAttention })}>
        needs attention only
      </Check>
      <label>
        Sort
        <select name="sort" value={f.sort} onChange={(e) => set({ sort: e.currentTarget.value as Filters['sort'] })}>
          <option value="priority">priority</option>
          <option value="slaDue">SLA due</option>
          <option value="opened">newest</option>
        </select>
      </label>
      <span class="muted refreshed">
        {updatedAt ? `${total ?? 0} open · updated ${updatedAt.toLocaleTimeString()}` : 'loading…'}
      </span>
    </form>
  );
}
