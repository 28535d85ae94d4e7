// Early-warning models (issue 30): an admin uploads a scorecard file (`npm run model -- train` writes it),
// which is validated before it is kept — a file that fails cannot be stored, so it can never be activated —
// and activates one; both audited. Activation reports, per attribute the model reads, how many customers
// lack it: they are scored with the model's points for a missing value, never a guessed one.
import { randomUUID } from 'node:crypto';
import type { ChurnModel } from '@prisma/client';
import type { Db } from '../../config/database';
import { type Scorecard, validateModel } from '../../domain/scorecard/model-file';
import { modelAttributes } from '../../domain/scorecard/score';
import { modelFileInvalid, modelNotFound, storedModelInvalid } from '../../domain/errors/model-errors';
import { auditEntry } from './audit-log';
import { actorName, type Principal } from './principal';

const modelView = (m: ChurnModel) => {
  const model = m.model as Scorecard;
  return {
    id: m.id,
    label: m.label,
    trainedAt: m.trainedAt.toISOString(),
    attributes: modelAttributes(model),
    validation: model.validation,
    training: model.training,
    uploadedBy: m.uploadedBy,
    uploadedAt: m.uploadedAt.toISOString(),
    active: m.active,
    activatedAt: m.activatedAt?.toISOString() ?? null,
  };
};
export type ChurnModelView = ReturnType<typeof modelView>;

export async function uploadModel(db: Db, file: unknown, by: Principal): Promise<ChurnModelView> {
  const checked = validateModel(file);
  if (!checked.ok) throw modelFileInvalid(checked.errors);
  const model = checked.model;
  const id = `model_${randomUUID()}`;
  const row = await db.$transaction(async (tx) => {
    const created = await tx.churnModel.create({
      data: { id, label: model.label, trainedAt: new Date(model.trainedAt), model, uploadedBy: actorName(by) },
    });
    await tx.auditEntry.create({
      data: auditEntry(by, 'model.uploaded', { type: 'model', id }, { label: model.label, auc: model.validation.auc }),
    });
    return created;
  });
  return modelView(row);
}

export async function listModels(db: Db): Promise<ChurnModelView[]> {
  return (await db.churnModel.findMany({ orderBy: { uploadedAt: 'desc' } })).map(modelView);
}

// Customers lacking each attribute the model reads (none of them erased), in one pass over the customers.
async function missingAttributes(db: Db, attributes: string[]) {
  const rows = await db.$queryRaw<{ attribute: string; n: number }[]>`
    SELECT a.attribute, count(c.id)::int AS n
      FROM unnest(${attributes}::text[]) AS a(attribute)
      LEFT JOIN customers c ON c.anonymised_at IS NULL
       AND NOT (c.attributes ? a.attribute AND c.attributes->>a.attribute <> '')
     GROUP BY a.attribute`;
  const missing = new Map(rows.map((r) => [r.attribute, r.n]));
  return attributes.map((attribute) => ({ attribute, customersMissing: missing.get(attribute) ?? 0 }));
}

export async function activateModel(db: Db, id: string, by: Principal) {
  const row = await db.churnModel.findUnique({ where: { id } });
  if (!row) throw modelNotFound({ modelId: id });
  // Stored models were validated on upload; a model file from an older format would fail here.
  const checked = validateModel(row.model);
  if (!checked.ok) throw storedModelInvalid(id, checked.errors);
  const activated = await db.$transaction(async (tx) => {
    await tx.churnModel.updateMany({ where: { active: true, NOT: { id } }, data: { active: false } });
    const updated = await tx.churnModel.update({ where: { id }, data: { active: true, activatedAt: new Date() } });
    await tx.auditEntry.create({
      data: auditEntry(by, 'model.activated', { type: 'model', id }, { label: row.label }),
    });
    return updated;
  });
  return { ...modelView(activated), missing: await missingAttributes(db, modelAttributes(checked.model)) };
}
