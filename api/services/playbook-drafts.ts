// A playbook's draft: started from any version (or from nothing, for a new playbook), saved as often as the
// admin likes, checked on every save with the version schema, and published as the next version or thrown
// away. Publishing only adds a version: running cases pinned theirs at intake and never see it.
import type { PlaybookDraft, Prisma } from '@prisma/client';
import type { Db } from '../../config/database';
import { isUniqueViolation } from '../../config/db-errors';
import { playbookDefinitionSchema } from '../../domain/playbook';
import { checkPlaybook } from '../../domain/playbook-issues';
import {
  draftChanged,
  draftInvalid,
  draftNotFound,
  nothingToSave,
  versionConflict,
  versionNotFound,
} from '../../domain/errors/playbook-errors';
import { auditEntry } from './audit-log';
import { requireProvisionedSegments } from './segments';
import { actorName, type Principal } from './principal';

export interface DraftSave {
  // Start (or restart) the draft from this version's definition.
  fromVersion?: number;
  // The draft's definition as typed; may be invalid while being edited.
  definition?: unknown;
}

function draftView(d: PlaybookDraft) {
  const check = checkPlaybook(d.definition);
  return {
    playbookId: d.playbookId,
    basedOnVersion: d.basedOnVersion,
    definition: d.definition,
    updatedBy: d.updatedBy,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    valid: check.valid,
    issues: check.issues,
  };
}
export type DraftView = ReturnType<typeof draftView>;

const noDraft = (playbookId: string) => draftNotFound({ playbookId });

export async function readDraft(db: Db, playbookId: string): Promise<DraftView> {
  const draft = await db.playbookDraft.findUnique({ where: { playbookId } });
  if (!draft) throw noDraft(playbookId);
  return draftView(draft);
}

// The draft with the definition it starts from: the named version's, the body's, or (neither) the draft kept.
async function draftSource(db: Db, playbookId: string, save: DraftSave) {
  const kept = await db.playbookDraft.findUnique({ where: { playbookId } });
  if (save.fromVersion === undefined) {
    if (save.definition === undefined) throw nothingToSave({});
    const latest = kept
      ? undefined
      : await db.playbookVersion.findFirst({
          where: { playbookId },
          orderBy: { version: 'desc' },
          select: { version: true },
        });
    return { basedOnVersion: kept ? kept.basedOnVersion : (latest?.version ?? null), definition: save.definition };
  }
  const version = await db.playbookVersion.findUnique({
    where: { playbookId_version: { playbookId, version: save.fromVersion } },
  });
  if (!version) throw versionNotFound({ playbookId, version: save.fromVersion });
  return { basedOnVersion: version.version, definition: save.definition ?? version.definition };
}

export async function saveDraft(
  db: Db,
  playbookId: string,
  save: DraftSave,
  by: Principal,
): Promise<{ created: boolean; draft: DraftView }> {
  const { basedOnVersion, definition } = await draftSource(db, playbookId, save);
  const data = { basedOnVersion, definition: definition as Prisma.InputJsonValue, updatedBy: actorName(by) };
  const existed = (await db.playbookDraft.count({ where: { playbookId } })) > 0;
  const row = await db.playbookDraft.upsert({
    where: { playbookId },
    create: { playbookId, ...data },
    update: { ...data, updatedAt: new Date() },
  });
  return { created: !existed, draft: draftView(row) };
}

export async function discardDraft(db: Db, playbookId: string, by: Principal): Promise<void> {
  await db.$transaction(async (tx) => {
    const gone = await tx.playbookDraft.deleteMany({ where: { playbookId } });
    if (gone.count === 0) throw noDraft(playbookId);
    await tx.auditEntry.create({
      data: auditEntry(by, 'playbook.draft_discarded', { type: 'playbook', id: playbookId }),
    });
  });
}

// The draft, checked, or a 422 listing every field at fault: what the publish and the dry run refuse.
async function validDraft(db: Db, playbookId: string) {
  const draft = await db.playbookDraft.findUnique({ where: { playbookId } });
  if (!draft) throw noDraft(playbookId);
  const check = checkPlaybook(draft.definition);
  if (!check.valid) {
    throw draftInvalid(playbookId, check.issues);
  }
  return { draft, definition: check.definition };
}

// The next version in the same transaction that removes the draft and writes the audit entry, so a publish
// either happens whole or not at all; two admins publishing at once get one version and one 409.
export async function publishDraft(db: Db, playbookId: string, by: Principal) {
  const { draft, definition } = await validDraft(db, playbookId);
  try {
    return await db.$transaction(async (tx) => {
      await requireProvisionedSegments(tx, definition.appliesTo.segments, 'definition.appliesTo.segments');
      const last = await tx.playbookVersion.findFirst({
        where: { playbookId },
        orderBy: { version: 'desc' },
        select: { version: true },
      });
      const version = (last?.version ?? 0) + 1;
      const gone = await tx.playbookDraft.deleteMany({ where: { playbookId, updatedAt: draft.updatedAt } });
      if (gone.count === 0) throw draftChanged({ playbookId });
      const row = await tx.playbookVersion.create({ data: { playbookId, version, name: definition.name, definition } });
      const detail = { version, name: row.name, basedOnVersion: draft.basedOnVersion, draftSavedBy: draft.updatedBy };
      await tx.auditEntry.create({
        data: auditEntry(by, 'playbook.draft_published', { type: 'playbook', id: playbookId }, detail),
      });
      return {
        id: playbookId,
        version,
        name: row.name,
        createdAt: row.createdAt.toISOString(),
        definition: row.definition,
        basedOnVersion: draft.basedOnVersion,
      };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw versionConflict({ playbookId, action: 'publish' });
    throw e;
  }
}

// What a dry run replays: the playbook's draft (refused while any field is at fault) or one of its versions.
export async function dryRunCandidate(db: Db, playbookId: string, source: { draft: true } | { version: number }) {
  if ('draft' in source) {
    const { draft, definition } = await validDraft(db, playbookId);
    return { label: { source: 'draft' as const, basedOnVersion: draft.basedOnVersion }, definition };
  }
  const row = await db.playbookVersion.findUnique({
    where: { playbookId_version: { playbookId, version: source.version } },
  });
  if (!row) throw versionNotFound({ playbookId, version: source.version });
  return {
    label: { source: 'version' as const, version: row.version },
    definition: playbookDefinitionSchema.parse(row.definition),
  };
}
