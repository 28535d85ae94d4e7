// Experiments between versions of one playbook: start, pause, resume, stop and promote, each audited in the
// same transaction as the change. The rules (arms, weights, status changes) are domain/experiment.ts; this
// file checks what needs the database (the versions exist, one live experiment per playbook).
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@prisma/client';
import type { Db } from '../../config/database';
import { isUniqueViolation } from '../../config/db-errors';
import {
  namedArms,
  nextStatus,
  type ExperimentAction,
  type ExperimentInput,
  type ExperimentStatus,
} from '../../domain/experiment';
import {
  armNotFound,
  armOfAnotherPlaybook,
  armVersionsMissing,
  experimentAlreadyRunning,
  experimentChanged,
  experimentNotFound,
  experimentStatusRefused,
  experimentStopped,
} from '../../domain/errors/experiment-errors';
import { playbookMissing } from '../../domain/errors/playbook-errors';
import { auditEntry } from './audit-log';
import { actorName, type Principal } from './principal';

const withArms = { arms: { orderBy: { arm: 'asc' } } } satisfies Prisma.PlaybookExperimentInclude;
type ExperimentRow = Prisma.PlaybookExperimentGetPayload<{ include: typeof withArms }>;

const experimentView = (e: ExperimentRow) => ({
  id: e.id,
  playbookId: e.playbookId,
  status: e.status as ExperimentStatus,
  minSamplePerArm: e.minSamplePerArm,
  autoPromote: e.autoPromote,
  arms: e.arms.map((a) => ({ arm: a.arm, version: a.version, weight: a.weight, control: a.control })),
  promotedArm: e.promotedArm,
  createdBy: e.createdBy,
  createdAt: e.createdAt.toISOString(),
  stoppedAt: e.stoppedAt?.toISOString() ?? null,
});
export type ExperimentView = ReturnType<typeof experimentView>;

// Every arm must name an existing version of this playbook.
async function checkArms(db: Db, playbookId: string, input: ExperimentInput): Promise<void> {
  const foreign = input.arms.find((a) => a.playbookId && a.playbookId !== playbookId);
  if (foreign) throw armOfAnotherPlaybook({ playbookId, armPlaybookId: foreign.playbookId!, version: foreign.version });
  const versions = (await db.playbookVersion.findMany({ where: { playbookId }, select: { version: true } })).map(
    (v) => v.version,
  );
  if (versions.length === 0) throw playbookMissing(playbookId);
  const missing = input.arms.filter((a) => !versions.includes(a.version)).map((a) => a.version);
  if (missing.length) throw armVersionsMissing({ playbookId, missing, versions: versions.sort((a, b) => a - b) });
}

export async function startExperiment(
  db: Db,
  playbookId: string,
  input: ExperimentInput,
  by: Principal,
): Promise<ExperimentView> {
  await checkArms(db, playbookId, input);
  const id = `exp_${randomUUID()}`;
  const arms = namedArms(input);
  try {
    const created = await db.$transaction(async (tx) => {
      const row = await tx.playbookExperiment.create({
        data: {
          id,
          playbookId,
          activePlaybookId: playbookId,
          status: 'running',
          minSamplePerArm: input.minSamplePerArm,
          autoPromote: input.autoPromote,
          createdBy: actorName(by),
          arms: { create: arms },
        },
        include: withArms,
      });
      await tx.auditEntry.create({
        data: auditEntry(
          by,
          'experiment.started',
          { type: 'experiment', id },
          { playbookId, arms, minSamplePerArm: input.minSamplePerArm, autoPromote: input.autoPromote },
        ),
      });
      return row;
    });
    return experimentView(created);
  } catch (e) {
    if (isUniqueViolation(e)) {
      const live = await db.playbookExperiment.findUnique({
        where: { activePlaybookId: playbookId },
        select: { id: true, status: true },
      });
      throw experimentAlreadyRunning({ playbookId, experimentId: live?.id ?? null, status: live?.status ?? null });
    }
    throw e;
  }
}

async function readExperiment(db: Db | Prisma.TransactionClient, id: string): Promise<ExperimentRow> {
  const row = await db.playbookExperiment.findUnique({ where: { id }, include: withArms });
  if (!row) throw experimentNotFound({ experimentId: id });
  return row;
}

export async function getExperiment(db: Db, id: string): Promise<ExperimentView> {
  return experimentView(await readExperiment(db, id));
}

export async function listExperiments(db: Db, playbookId: string): Promise<ExperimentView[]> {
  const rows = await db.playbookExperiment.findMany({
    where: { playbookId },
    include: withArms,
    orderBy: { createdAt: 'desc' },
  });
  return rows.map(experimentView);
}

// The row changes only from the status it was read in: two supervisors acting at once get one 409.
async function moveStatus(
  tx: Prisma.TransactionClient,
  row: ExperimentRow,
  to: ExperimentStatus,
  extra: Prisma.PlaybookExperimentUpdateManyMutationInput = {},
) {
  const stopping = to === 'stopped' ? { activePlaybookId: null, stoppedAt: new Date() } : {};
  const { count } = await tx.playbookExperiment.updateMany({
    where: { id: row.id, status: row.status },
    data: { status: to, ...stopping, ...extra },
  });
  if (count === 0) throw experimentChanged({ experimentId: row.id });
}

export async function changeExperimentStatus(
  db: Db,
  id: string,
  action: ExperimentAction,
  by: Principal,
): Promise<ExperimentView> {
  await db.$transaction(async (tx) => {
    const row = await readExperiment(tx, id);
    const to = nextStatus(action, row.status as ExperimentStatus);
    const done = action === 'stop' ? 'stopped' : `${action}d`;
    if (!to) throw experimentStatusRefused({ experimentId: id, status: row.status, action });
    await moveStatus(tx, row, to);
    await tx.auditEntry.create({
      data: auditEntry(
        by,
        `experiment.${done}`,
        { type: 'experiment', id },
        { playbookId: row.playbookId, from: row.status },
      ),
    });
  });
  return getExperiment(db, id);
}

// Promoting ends the experiment: the arm's version becomes the one new cases of the playbook pin, until a
// newer version is posted. Cases already in an arm keep it and their version.
export async function promoteArm(
  db: Db,
  id: string,
  arm: string,
  by: Principal,
  why: Record<string, unknown> = {},
): Promise<ExperimentView> {
  await db.$transaction(async (tx) => {
    const row = await readExperiment(tx, id);
    if (row.status === 'stopped') throw experimentStopped({ experimentId: id, promotedArm: row.promotedArm });
    const chosen = row.arms.find((a) => a.arm === arm);
    if (!chosen) throw armNotFound({ experimentId: id, arm, arms: row.arms.map((a) => a.arm) });
    await moveStatus(tx, row, 'stopped', { promotedArm: arm });
    const current = { version: chosen.version, setAt: new Date() };
    await tx.playbookCurrentVersion.upsert({
      where: { playbookId: row.playbookId },
      create: { playbookId: row.playbookId, ...current },
      update: current,
    });
    await tx.auditEntry.create({
      data: auditEntry(
        by,
        'experiment.promoted',
        { type: 'experiment', id },
        { playbookId: row.playbookId, arm, version: chosen.version, ...why },
      ),
    });
  });
  return getExperiment(db, id);
}
