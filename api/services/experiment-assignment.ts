// Which version (and arm) a new case of a playbook with a live experiment runs. Holdout is decided first, as
// the case's workflow decides it (domain/holdout.ts, with the percent of the version intake would pin): a held-out
// customer is in no arm and runs that version untreated. The arm is written once, when the case opens.
import type { Sql } from '../../config/sql';
import { experimentPin, type Arm, type ExperimentStatus } from '../../domain/experiment';
import { inHoldout } from '../../domain/holdout';
import { experimentBucket } from './experiment-bucket';
import type { VersionRef } from './playbook-catalog';

export interface ArmPin {
  pin: VersionRef;
  // Set when the case takes part in the experiment.
  arm?: { experimentId: string; arm: string };
}

async function liveExperiment(
  sql: Sql,
  playbookId: string,
): Promise<{ id: string; status: ExperimentStatus; arms: Arm[] } | undefined> {
  const { rows } = await sql.query<{ id: string; status: ExperimentStatus; arms: Arm[] }>({
    name: 'experiment-live',
    text: `SELECT e.id, e.status, json_agg(json_build_object('arm', a.arm, 'version', a.version, 'weight', a.weight, 'control', a.control) ORDER BY a.arm) AS arms
             FROM playbook_experiments e JOIN experiment_arms a ON a.experiment_id = e.id
            WHERE e.active_playbook_id = $1 GROUP BY e.id`,
    values: [playbookId],
  });
  return rows[0];
}

// `holdoutPercent` of a version of the playbook. A customer the arm's own version would hold out (its percent
// may be higher than the current version's) runs that version held out, in no arm: so every case in an arm is
// treated, and the results need not look for holdout events.
export async function pinWithExperiment(
  sql: Sql,
  pin: VersionRef,
  customerId: string,
  holdoutPercent: (version: number) => Promise<number>,
): Promise<ArmPin> {
  const heldOut = async (version: number) => {
    const percent = await holdoutPercent(version);
    return percent > 0 && inHoldout(customerId, pin.id, percent);
  };
  if (await heldOut(pin.version)) return { pin };
  const live = await liveExperiment(sql, pin.id);
  if (!live) return { pin };
  const chosen = experimentPin(live.status, experimentBucket(live.id, customerId), live.arms);
  if (!chosen) return { pin };
  const armPin = { id: pin.id, version: chosen.version };
  if (!chosen.arm || (await heldOut(chosen.version))) return { pin: armPin };
  return { pin: armPin, arm: { experimentId: live.id, arm: chosen.arm } };
}

// Once: a retried intake that opened the same case writes nothing new.
export async function recordCaseArm(sql: Sql, caseId: string, pinned: ArmPin): Promise<void> {
  if (!pinned.arm) return;
  await sql.query(
    'INSERT INTO case_experiment_arms (case_id, experiment_id, arm, version) VALUES ($1, $2, $3, $4) ON CONFLICT (case_id) DO NOTHING',
    [caseId, pinned.arm.experimentId, pinned.arm.arm, pinned.pin.version],
  );
}
