// The case board: one column per open stage with its count for the current filters, cards sorted as
// chosen, SLA breaches highlighted, refreshed every few seconds.
import { useState } from 'preact/hooks';
import type { PageProps } from '../app';
import { BoardFilters } from '../components/board-filters';
import { CaseCard } from '../components/case-card';
import { ErrorBanner } from '../components/error-banner';
import { NO_FILTERS, useCaseBoard } from '../data/case-board';
import { words } from '../format';
import type { CaseBoard } from '../contract';
import { OPEN_STAGES } from '../vocabulary';

function StageColumns({ board }: { board: CaseBoard | undefined }) {
  const items = board?.items ?? [];
  return (
    <div class="board">
      {OPEN_STAGES.map((stage) => (
        <div class="column" key={stage} data-stage={stage}>
          <h2>
            {words(stage)} <span class="count">{board?.stageCounts[stage] ?? 0}</span>
          </h2>
          {items
            .filter((c) => c.stage === stage)
            .map((c) => (
              <CaseCard key={c.caseId} c={c} />
            ))}
        </div>
      ))}
    </div>
  );
}

export function BoardPage({ api }: PageProps) {
  const [f, setF] = useState(NO_FILTERS);
  const { teams, board } = useCaseBoard(api, f);
  const items = board.data?.items ?? [];
  return (
    <section>
      <h1>Case board</h1>
      <BoardFilters
        filters={f}
        onChange={(patch) => setF({ ...f, ...patch })}
        teamIds={(teams.data?.items ?? []).map((t) => t.id)}
        updatedAt={board.updatedAt}
        total={board.data?.total}
      />
      <ErrorBanner error={board.error} />
      <StageColumns board={board.data} />
      {board.data?.nextCursor && (
        <p class="muted">Showing the first {items.length} cases; narrow the filters to see the rest.</p>
      )}
    </section>
  );
}
