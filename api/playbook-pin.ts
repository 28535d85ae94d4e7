// Pins a new case's playbook version at intake: the version current when the case opened is the one it runs.
import type { Customer } from '@prisma/client';
import type { Db } from '../config/database';
import { classifyDriver } from '../domain/driver';
import { playbookDefinitionSchema } from '../domain/playbook';
import { choosePlaybook, DEFAULT_PLAYBOOK, newestVersions } from '../domain/playbook-selection';
import type { RiskSignalInput } from '../domain/risk';
import { HttpError } from './errors';

export async function requireKnownPlaybook(db: Db, playbookId: string | undefined): Promise<void> {
  if (playbookId && (await db.playbookVersion.count({ where: { playbookId } })) === 0) {
    throw new HttpError(422, 'playbook_not_found', `no playbook with id ${playbookId}; GET /v1/playbooks lists them`);
  }
}

export async function pinPlaybook(db: Db, customer: Pick<Customer, 'tier'>, signals: RiskSignalInput[], playbookId?: string): Promise<{ id: string; version: number }> {
  const versions = await db.playbookVersion.findMany({ where: playbookId ? { playbookId } : {} });
  const parsed = versions.map((v) => ({ id: v.playbookId, version: v.version, definition: playbookDefinitionSchema.parse(v.definition) }));
  const chosen = choosePlaybook(newestVersions(parsed), { playbookId, tier: customer.tier, driver: classifyDriver(signals) });
  if (!chosen) {
    throw playbookId
      ? new HttpError(422, 'playbook_not_found', `no playbook with id ${playbookId}; GET /v1/playbooks lists them`)
      : new HttpError(422, 'playbook_not_found', `no playbook applies to this customer and "${DEFAULT_PLAYBOOK}" is missing; post one with POST /v1/playbooks/${DEFAULT_PLAYBOOK}/versions`);
  }
  return { id: chosen.id, version: chosen.version };
}
