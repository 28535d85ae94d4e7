// One experiment: its status, who started it and when, the minimum sample and automatic promotion, the actions its
// status allows, the results per arm, and the charts (retention with intervals, each arm's funnel).
import type { Api } from '../api';
import { useArmFunnels, useExperiment } from '../data/experiments';
import type { ExperimentWithResults } from '../contract';
import { ErrorBanner } from './error-banner';
import { ExperimentActions } from './experiment-actions';
import { FunnelSideBySide, RateIntervals } from './experiment-charts';
import { ExperimentResultsTable } from './experiment-results';

interface Props {
  api: Api;
  id: string;
  // The team whose funnel is shown; '' for every team.
  teamId: string;
  onChanged: () => void;
}

function Started({ experiment: e }: { experiment: ExperimentWithResults }) {
  return (
    <p class="muted">
      Started {e.createdAt.slice(0, 16).replace('T', ' ')} by {e.createdBy}; minimum {e.minSamplePerArm} conclusive
      cases per arm{e.results.collecting ? ' (collecting)' : ''}
      {e.autoPromote ? '; a winner is promoted automatically' : ''}.
    </p>
  );
}

export function ExperimentDetail({ api, id, teamId, onChanged }: Props) {
  const detail = useExperiment(api, id);
  const e = detail.data;
  const funnels = useArmFunnels(api, e, teamId);
  if (!e) return <ErrorBanner error={detail.error} />;
  const rates = e.results.arms.map((a) => ({
    arm: a.arm,
    rate: a.retentionRate,
    low: a.interval?.low ?? null,
    high: a.interval?.high ?? null,
  }));
  return (
    <article data-experiment-id={e.id}>
      <h2>
        Experiment {e.id.slice(0, 12)} · <span data-testid="experiment-status">{e.status}</span>
      </h2>
      <Started experiment={e} />
      <ExperimentActions
        api={api}
        experiment={e}
        onDone={() => {
          void detail.reload();
          onChanged();
        }}
      />
      <ExperimentResultsTable arms={e.results.arms} />
      <p class="muted" data-testid="experiment-test">
        Verdicts: {e.results.test.description}.
      </p>
      <div class="charts">
        <RateIntervals arms={rates} />
        <FunnelSideBySide columns={funnels.data ?? []} team={teamId || undefined} />
      </div>
    </article>
  );
}
