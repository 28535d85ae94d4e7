// Playbooks as versioned data: read by supervisors, new versions by admins. Versions are immutable, and a
// running case keeps the version it pinned at start.
import type { PlaybookVersion } from '@prisma/client';
import type { Db } from '../../config/database';
import { isUniqueViolation } from '../../config/db-errors';
import type { PlaybookDefinition } from '../../domain/playbook';
import type { Principal } from './principal';
import { playbookNotFound, versionConflict } from '../../domain/errors/playbook-errors';
import { auditEntry } from './audit-log';
import { requireProvisionedSegments } from './segments';

const versionView = (v: PlaybookVersion) => ({
  version: v.version,
  createdAt: v.createdAt.toISOString(),
  definition: v.definition,
});

// Every playbook with its newest version's name and number.
export async function listPlaybooks(db: Db) {
  const versions = await db.playbookVersion.findMany({ orderBy: [{ playbookId: 'asc' }, { version: 'desc' }] });
  const latest = versions.filter((v, i) => i === 0 || versions[i - 1]!.playbookId !== v.playbookId);
  return latest.map((v) => ({
    id: v.playbookId,
    name: v.name,
    latestVersion: v.version,
    versions: versions.filter((x) => x.playbookId === v.playbookId).length,
  }));
}

export async function playbookWithVersions(db: Db, playbookId: string) {
  const versions = await db.playbookVersion.findMany({ where: { playbookId }, orderBy: { version: 'asc' } });
  if (versions.length === 0) throw playbookNotFound({ playbookId });
  return { id: playbookId, name: versions.at(-1)!.name, versions: versions.map(versionView) };
}

export async function addPlaybookVersion(db: Db, playbookId: string, definition: PlaybookDefinition, by: Principal) {
  // Next version number under a unique key: two admins posting at once get 409 for one of them, not a gap.
  const last = await db.playbookVersion.findFirst({ where: { playbookId }, orderBy: { version: 'desc' } });
  try {
    const created = await db.$transaction(async (tx) => {
      await requireProvisionedSegments(tx, definition.appliesTo.segments, 'body.appliesTo.segments');
      const row = await tx.playbookVersion.create({
        data: { playbookId, version: (last?.version ?? 0) + 1, name: definition.name, definition },
      });
      await tx.auditEntry.create({
        data: auditEntry(
          by,
          'playbook.version_added',
          { type: 'playbook', id: playbookId },
          { version: row.version, name: row.name },
        ),
      });
      return row;
    });
    return { id: playbookId, ...versionView(created) };
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw versionConflict({ playbookId, action: 'create' });
    }
    throw e;
  }
}
