// The reports page's choices: the range of days the cases opened in, the grouping, and the CSV download.
import type { ReportRange } from '../data/retention-reports';
import { REPORT_GROUPS } from '../vocabulary';

interface Props {
  range: ReportRange;
  onRange: (range: ReportRange) => void;
  groupBy: string;
  onGroupBy: (groupBy: string) => void;
  onDownload: () => void;
}

export function RetentionFilters({ range, onRange, groupBy, onGroupBy, onDownload }: Props) {
  return (
    <form class="filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        From{' '}
        <input
          type="date"
          name="from"
          value={range.from}
          onChange={(e) => onRange({ ...range, from: e.currentTarget.value })}
        />
      </label>
      <label>
        To{' '}
        <input
          type="date"
          name="to"
          value={range.to}
          onChange={(e) => onRange({ ...range, to: e.currentTarget.value })}
        />
      </label>
      <label>
        Group by
        <select name="groupBy" value={groupBy} onChange={(e) => onGroupBy(e.currentTarget.value)}>
          {REPORT_GROUPS.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={onDownload}>
        Download CSV
      </button>
    </form>
  );
}
