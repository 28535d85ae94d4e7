// The bank's provisioned segments (Prisma), and the check every write naming one makes: a customer's segment
// (PUT /v1/customers/:id) and a playbook's appliesTo.segments (a version posted, a draft published, a setup
// applied). The CSV import checks its rows the same way with node-postgres (customer-import.ts).
import type { Prisma } from '@prisma/client';
import { segmentNotProvisioned } from '../../domain/errors/customer-errors';
import { unprovisionedSegments } from '../../domain/segment';

type Reader = Pick<Prisma.TransactionClient, 'segment'>;

async function provisionedSegmentCodes(db: Reader): Promise<string[]> {
  return (await db.segment.findMany({ select: { code: true }, orderBy: { code: 'asc' } })).map((s) => s.code);
}

// Refuses (422) codes the bank has not provisioned; `field` names where they were given, e.g. "body.segment".
export async function requireProvisionedSegments(db: Reader, codes: string[], field: string): Promise<void> {
  if (!codes.length) return;
  const provisioned = await provisionedSegmentCodes(db);
  const unknown = unprovisionedSegments(codes, provisioned);
  if (!unknown.length) return;
  throw segmentNotProvisioned(field, unknown, provisioned);
}
