// The demo bank's learn-and-adjust loop: a playbook for young professionals in three versions, a finished
// experiment (version 2, which calls first and offers more, against version 1) that the hourly review promoted,
// and a running one (version 3 against the promoted version 2) still collecting. Made through the services
// the API's playbook and experiment endpoints use.
import { liveExperiments, type LiveExperiment } from '../../api/services/experiment-assignment';
import { reviewExperiments } from '../../api/services/experiment-review';
import { startExperiment } from '../../api/services/experiments';
import { addPlaybookVersion } from '../../api/services/playbooks';
import type { Principal } from '../../api/services/principal';
import type { Db } from '../../config/database';
import type { Sql } from '../../config/sql';
import { playbookDefinitionSchema } from '../../domain/playbook';

export const YOUNG_PLAYBOOK = 'young-professionals';

const base = {
  name: 'Young professionals',
  appliesTo: { segments: ['young-professional'] },
  detect: { actionThreshold: 0.35 },
  contact: { maxAttempts: 3, outcomeTimeout: '2d', maxCallbackDelay: '7d' },
  offer: { approvalCostThreshold: 200, approvalTimeout: '1d', expiry: '7d', budgetRate: 0.005 },
  survey: { delay: '4d', answerTimeout: '5d' },
};

const VERSIONS = [
  { ...base, description: 'Version 1: an SMS first, the standard rate bonus.' },
  {
    ...base,
    description: 'Version 2: the agent calls first and may offer more; four attempts, a day each.',
    contact: { ...base.contact, maxAttempts: 4, outcomeTimeout: '1d' },
    offer: { ...base.offer, budgetRate: 0.008 },
  },
  {
    ...base,
    description: 'Version 3: as version 2, and the satisfaction survey two days after the offer instead of four.',
    contact: { ...base.contact, maxAttempts: 4, outcomeTimeout: '1d' },
    offer: { ...base.offer, budgetRate: 0.008 },
    survey: { ...base.survey, delay: '2d' },
  },
].map((v) => playbookDefinitionSchema.parse(v));

export async function addYoungProfessionalsPlaybook(db: Db, by: Principal): Promise<void> {
  for (const definition of VERSIONS) await addPlaybookVersion(db, YOUNG_PLAYBOOK, definition, by);
}

// Version `challenger` against `control`, half the cases each; the review may promote it on its own.
export async function startDemoExperiment(
  db: Db,
  sql: Sql,
  by: Principal,
  arms: { control: number; challenger: number; minSamplePerArm: number },
): Promise<{ id: string; live: LiveExperiment[] }> {
  const started = await startExperiment(
    db,
    YOUNG_PLAYBOOK,
    {
      arms: [
        { version: arms.control, weight: 50, control: true },
        { version: arms.challenger, weight: 50, control: false },
      ],
      minSamplePerArm: arms.minSamplePerArm,
      autoPromote: true,
    },
    by,
  );
  return { id: started.id, live: await liveExperiments(sql) };
}

// The services stamp an experiment's start and stop with the clock; the history's experiment ran in the past,
// and the dashboard reads its funnel from its start, so its dates are moved to the days its cases were in.
export async function dateDemoExperiment(sql: Sql, id: string, startedAt: Date, stoppedAt?: Date): Promise<void> {
  await sql.query(
    'UPDATE playbook_experiments SET created_at = $2, stopped_at = CASE WHEN stopped_at IS NULL THEN NULL ELSE $3::timestamptz END WHERE id = $1',
    [id, startedAt, stoppedAt ?? null],
  );
}

// The hourly review, as the experiment-review workflow asks the API for it: promotes a clear winner.
export async function reviewDemoExperiments(db: Db, sql: Sql, by: Principal): Promise<string[]> {
  const reviewed = await reviewExperiments(db, sql, by);
  return reviewed.flatMap((r) => (r.promotedArm ? [r.promotedArm] : []));
}
