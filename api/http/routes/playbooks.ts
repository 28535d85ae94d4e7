// Playbooks as versioned data: read by supervisors, new versions by admins. Versions are immutable, and a
// running case keeps the version it pinned at start.
import { isUniqueViolation } from '../../../config/db-errors';
import { Router } from 'express';
import type { PlaybookVersion } from '@prisma/client';
import { playbookDefinitionSchema } from '../../../domain/playbook';
import { principalOf, requireRole } from '../auth';
import { auditEntry } from '../../services/audit-log';
import type { AppDeps } from '../../deps';
import { HttpError, notFound } from '../errors';
import { playbookParams } from '../schemas';
import { parse } from '../validate';

const versionView = (v: PlaybookVersion) => ({ version: v.version, createdAt: v.createdAt.toISOString(), definition: v.definition });

export function playbookRoutes({ db }: AppDeps): Router {
  const router = Router();

  router.get('/v1/playbooks', requireRole('supervisor'), async (_req, res) => {
    const versions = await db.playbookVersion.findMany({ orderBy: [{ playbookId: 'asc' }, { version: 'desc' }] });
    const latest = versions.filter((v, i) => i === 0 || versions[i - 1]!.playbookId !== v.playbookId);
    res.json({ items: latest.map((v) => ({ id: v.playbookId, name: v.name, latestVersion: v.version, versions: versions.filter((x) => x.playbookId === v.playbookId).length })) });
  });

  router.get('/v1/playbooks/:playbookId', requireRole('supervisor'), async (req, res) => {
    const { playbookId } = parse(playbookParams, req.params, 'path');
    const versions = await db.playbookVersion.findMany({ where: { playbookId }, orderBy: { version: 'asc' } });
    if (versions.length === 0) throw notFound('playbook_not_found', `no playbook with id ${playbookId}`);
    res.json({ id: playbookId, name: versions.at(-1)!.name, versions: versions.map(versionView) });
  });

  router.post('/v1/playbooks/:playbookId/versions', requireRole(), async (req, res) => {
    const { playbookId } = parse(playbookParams, req.params, 'path');
    const definition = parse(playbookDefinitionSchema, req.body, 'body');
    // Next version number under a unique key: two admins posting at once get 409 for one of them, not a gap.
    const last = await db.playbookVersion.findFirst({ where: { playbookId }, orderBy: { version: 'desc' } });
    try {
      const created = await db.$transaction(async (tx) => {
        const row = await tx.playbookVersion.create({ data: { playbookId, version: (last?.version ?? 0) + 1, name: definition.name, definition } });
        await tx.auditEntry.create({ data: auditEntry(principalOf(res), 'playbook.version_added', { type: 'playbook', id: playbookId }, { version: row.version, name: row.name }) });
        return row;
      });
      res.status(201).json({ id: playbookId, ...versionView(created) });
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw new HttpError(409, 'version_conflict', 'another version of this playbook was created at the same time; read it and try again');
      }
      throw e;
    }
  });
  return router;
}
