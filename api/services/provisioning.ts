// Applies a bank's setup (domain/provisioning.ts) in one transaction: segments, teams, agents, offers and churn
// reasons are upserted, a playbook gets a new version only when its definition changed (running cases keep
// theirs). Applying the same file twice changes nothing. Every change is in the audit log.
import { Prisma } from '@prisma/client';
import type { Db } from '../../config/database';
import type {
  AgentSpec,
  ApplyCounts,
  ApplyReport,
  BankConfig,
  ChurnReasonSpec,
  MessageTemplateSpec,
  OfferSpec,
  PlaybookSpec,
  SegmentSpec,
  TeamSpec,
} from '../../domain/provisioning';
import { TEMPLATE_CHANNELS } from '../../domain/message-template';
import { auditEntry } from './audit-log';
import type { Principal } from './principal';
import { agentTeamMissing } from '../../domain/errors/people-errors';
import { offerEndsBeforeItStarts } from '../../domain/errors/request-errors';
import { requireProvisionedSegments } from './segments';

type Tx = Prisma.TransactionClient;

// JSON with keys sorted, so a definition read back from jsonb compares equal to the same one from a file.
const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(v);

const counts = (): ApplyCounts => ({ created: 0, updated: 0, unchanged: 0 });

// Upserts one row and says what happened; `same` compares the stored row with the spec (its key is `id`, or
// `code` for a churn reason).
async function upsert<S extends { id: string } | { code: string }, R>(
  tx: Tx,
  by: Principal,
  kind: string,
  spec: S,
  found: R | null,
  same: (row: R) => boolean,
  write: () => Promise<unknown>,
  tally: ApplyCounts,
): Promise<void> {
  if (found && same(found)) {
    tally.unchanged++;
    return;
  }
  await write();
  await tx.auditEntry.create({
    data: auditEntry(
      by,
      `${kind}.${found ? 'updated' : 'created'}`,
      { type: kind, id: 'id' in spec ? spec.id : spec.code },
      { ...spec },
    ),
  });
  tally[found ? 'updated' : 'created']++;
}

export const applySegment = async (tx: Tx, by: Principal, s: SegmentSpec, tally = counts()) =>
  upsert(
    tx,
    by,
    'segment',
    { id: s.code, ...s },
    await tx.segment.findUnique({ where: { code: s.code } }),
    (r) => r.label === s.label,
    () => tx.segment.upsert({ where: { code: s.code }, create: s, update: s }),
    tally,
  );

export const applyTeam = async (tx: Tx, by: Principal, t: TeamSpec, tally = counts()) =>
  upsert(
    tx,
    by,
    'team',
    t,
    await tx.team.findUnique({ where: { id: t.id } }),
    (r) =>
      canonical({ name: r.name, tiers: r.tiers, drivers: r.drivers }) ===
      canonical({ name: t.name, tiers: t.tiers, drivers: t.drivers }),
    () => tx.team.upsert({ where: { id: t.id }, create: t, update: t }),
    tally,
  );

// Prisma writes a JSON null as Prisma.DbNull (SQL NULL), not as the JSON value null.
const agentRow = (a: AgentSpec) => ({ ...a, workingHours: a.workingHours ?? Prisma.DbNull });

export async function applyAgent(tx: Tx, by: Principal, a: AgentSpec, tally = counts()): Promise<void> {
  if (!(await tx.team.findUnique({ where: { id: a.teamId }, select: { id: true } })))
    throw agentTeamMissing(a.id, a.teamId);
  const { id: _id, ...fields } = a;
  await upsert(
    tx,
    by,
    'agent',
    a,
    await tx.agent.findUnique({ where: { id: a.id } }),
    (r) =>
      canonical({
        teamId: r.teamId,
        name: r.name,
        skills: r.skills,
        dailyContactQuota: r.dailyContactQuota,
        active: r.active,
        workingHours: r.workingHours,
      }) === canonical(fields),
    () => tx.agent.upsert({ where: { id: a.id }, create: agentRow(a), update: agentRow(a) }),
    tally,
  );
}

export async function applyOffer(tx: Tx, by: Principal, o: OfferSpec, tally = counts()): Promise<void> {
  if (o.validFrom && o.validUntil && o.validFrom >= o.validUntil)
    throw offerEndsBeforeItStarts(o.id, o.validFrom, o.validUntil);
  const data = { ...o, description: o.description ?? o.name };
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const stored = (r: {
    name: string;
    kind: string;
    description: string;
    drivers: string[];
    tiers: string[];
    cost: Prisma.Decimal;
    minValue: Prisma.Decimal;
    volumeCap: number | null;
    active: boolean;
    validFrom: Date | null;
    validUntil: Date | null;
  }) =>
    canonical({
      name: r.name,
      kind: r.kind,
      description: r.description,
      drivers: r.drivers,
      tiers: r.tiers,
      cost: Number(r.cost),
      minValue: Number(r.minValue),
      volumeCap: r.volumeCap,
      active: r.active,
      validFrom: iso(r.validFrom),
      validUntil: iso(r.validUntil),
    });
  const { id: _id, ...fields } = data;
  await upsert(
    tx,
    by,
    'offer',
    o,
    await tx.offer.findUnique({ where: { id: o.id } }),
    (r) => stored(r) === canonical(fields),
    () => tx.offer.upsert({ where: { id: o.id }, create: data, update: data }),
    tally,
  );
}

async function applyPlaybook(tx: Tx, by: Principal, p: PlaybookSpec, tally = counts()): Promise<void> {
  await requireProvisionedSegments(tx, p.definition.appliesTo.segments, `playbooks.${p.id}.appliesTo.segments`);
  const latest = await tx.playbookVersion.findFirst({ where: { playbookId: p.id }, orderBy: { version: 'desc' } });
  if (latest && canonical(latest.definition) === canonical(p.definition)) {
    tally.unchanged++;
    return;
  }
  const version = (latest?.version ?? 0) + 1;
  await tx.playbookVersion.create({
    data: { playbookId: p.id, version, name: p.definition.name, definition: p.definition as Prisma.InputJsonObject },
  });
  await tx.auditEntry.create({
    data: auditEntry(
      by,
      'playbook.version_added',
      { type: 'playbook', id: p.id },
      { version, name: p.definition.name },
    ),
  });
  tally[latest ? 'updated' : 'created']++;
}

// A message template per purpose, locale and channel; a spec without a channel sets SMS and email alike (the
// shape of 1.0). Each change counts up its version, which the timeline of every case it reaches keeps.
export async function applyTemplate(tx: Tx, by: Principal, t: MessageTemplateSpec, tally = counts()): Promise<void> {
  for (const channel of t.channel ? [t.channel] : TEMPLATE_CHANNELS) {
    const subject = channel === 'sms' ? '' : t.subject;
    const key = { purpose: t.id, locale: t.locale, channel };
    const found = await tx.messageTemplate.findUnique({ where: { purpose_locale_channel: key } });
    const version = found ? found.version + 1 : 1;
    await upsert(
      tx,
      by,
      'template',
      { ...key, id: `${t.id}/${t.locale}/${channel}`, subject, text: t.text, version },
      found,
      (r) => r.subject === subject && r.text === t.text,
      () =>
        tx.messageTemplate.upsert({
          where: { purpose_locale_channel: key },
          create: { ...key, subject, text: t.text },
          update: { subject, text: t.text, version, updatedAt: new Date() },
        }),
      tally,
    );
  }
}

// A churn reason: created, relabelled, or retired (active: false). Never deleted: cases keep pointing at it.
export const applyChurnReason = async (tx: Tx, by: Principal, r: ChurnReasonSpec, tally = counts()) =>
  upsert(
    tx,
    by,
    'churn_reason',
    r,
    await tx.churnReason.findUnique({ where: { code: r.code } }),
    (row) =>
      canonical({ label: row.label, category: row.category, avoidable: row.avoidable, active: row.active }) ===
      canonical({ label: r.label, category: r.category, avoidable: r.avoidable, active: r.active }),
    () => tx.churnReason.upsert({ where: { code: r.code }, create: r, update: { ...r, updatedAt: new Date() } }),
    tally,
  );

export async function applyConfig(db: Db, config: BankConfig, by: Principal): Promise<ApplyReport> {
  const report: ApplyReport = {
    segments: counts(),
    teams: counts(),
    agents: counts(),
    offers: counts(),
    playbooks: counts(),
    templates: counts(),
    churnReasons: counts(),
  };
  await db.$transaction(
    async (tx) => {
      for (const s of config.segments) await applySegment(tx, by, s, report.segments);
      for (const t of config.teams) await applyTeam(tx, by, t, report.teams);
      for (const a of config.agents) await applyAgent(tx, by, a, report.agents);
      for (const o of config.offers) await applyOffer(tx, by, o, report.offers);
      for (const p of config.playbooks) await applyPlaybook(tx, by, p, report.playbooks);
      for (const t of config.templates) await applyTemplate(tx, by, t, report.templates);
      for (const r of config.churnReasons) await applyChurnReason(tx, by, r, report.churnReasons);
    },
    { timeout: 120_000 },
  );
  return report;
}

// One team, agent, offer, template or churn reason on its own (the admin PUTs), in its own transaction: what became of it.
export type ApplySpec<S> = (tx: Tx, by: Principal, spec: S, tally: ApplyCounts) => Promise<void>;

export async function applyOne<S>(
  db: Db,
  by: Principal,
  spec: S,
  apply: ApplySpec<S>,
): Promise<'created' | 'updated' | 'unchanged'> {
  const tally = counts();
  await db.$transaction((tx) => apply(tx, by, spec, tally));
  return tally.created ? 'created' : tally.updated ? 'updated' : 'unchanged';
}
