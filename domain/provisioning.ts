// A bank's setup as data: segments, teams, agents, the offer catalog, the churn reason catalogue and playbooks,
// validated here and applied by `npm run admin -- apply <holdfast.config.yaml>` or `POST /v1/admin/apply`. The
// same schemas validate the admin API's single-item PUTs.
import { z } from 'zod';
import { churnReasonSpecSchema } from './churn-reasons';
import { messageTemplateSpecSchema, TEMPLATE_CHANNELS, type MessageTemplateSpec } from './message-template';
import { playbookDefinitionSchema } from './playbook';
import { segmentCodeSchema } from './segment';
import { workingHoursSchema } from './working-hours';
import { DRIVERS, TIERS } from './vocabulary';

const id = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, 'ids use letters, digits, ".", "_", ":" and "-"');
const name = z.string().trim().min(1).max(200);
// Compared as instants, stored as timestamps: normalised to UTC ISO form.
const isoDateTime = z.iso
  .datetime({ offset: true, message: 'an ISO-8601 date-time with offset, e.g. 2026-12-01T00:00:00Z' })
  .transform((s) => new Date(s).toISOString());

// A customer segment: the code customers and playbooks name, and the label people read.
export const segmentSpecSchema = z.strictObject({ code: segmentCodeSchema, label: name });

export const teamSpecSchema = z.strictObject({
  id,
  name,
  // The customer tiers the team serves (assignment matches on it).
  tiers: z.array(z.enum(TIERS)).min(1, 'a team serves at least one tier'),
  // Churn drivers it specialises in; empty (the default) serves every driver.
  drivers: z.array(z.enum(DRIVERS)).default([]),
});

export const agentSpecSchema = z.strictObject({
  id,
  teamId: id,
  name,
  skills: z.array(z.string().trim().min(1).max(64)).default([]),
  dailyContactQuota: z.number().int().min(1).max(500).default(10),
  active: z.boolean().default(true),
  // When the agent takes cases; absent: always. Assignment prefers agents on shift.
  workingHours: workingHoursSchema.nullable().default(null),
});

export const offerSpecSchema = z.strictObject({
  id,
  name,
  kind: z.string().trim().min(1).max(64),
  description: z.string().trim().max(2000).optional(),
  drivers: z.array(z.enum(DRIVERS)).min(1, 'name the churn drivers the offer answers'),
  tiers: z.array(z.enum(TIERS)).min(1, 'name the tiers the offer is for'),
  cost: z.number().min(0).max(1_000_000),
  // Minimum assets under management for the offer to be proportionate.
  minValue: z.number().min(0).default(0),
  // Most customers holding the offer at once; absent: no cap.
  volumeCap: z.number().int().min(1).nullable().default(null),
  active: z.boolean().default(true),
  // The window in which the offer may be made (a campaign); absent: open-ended.
  validFrom: isoDateTime.nullable().default(null),
  validUntil: isoDateTime.nullable().default(null),
});

const playbookSpecSchema = z.strictObject({
  id: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9-]+$/, 'playbook ids use lower-case letters, digits and "-"'),
  definition: playbookDefinitionSchema,
});

export const bankConfigSchema = z
  .strictObject({
    // Applied first: the playbooks in the same file may name them.
    segments: z.array(segmentSpecSchema).default([]),
    teams: z.array(teamSpecSchema).default([]),
    agents: z.array(agentSpecSchema).default([]),
    offers: z.array(offerSpecSchema).default([]),
    playbooks: z.array(playbookSpecSchema).default([]),
    templates: z.array(messageTemplateSpecSchema).default([]),
    churnReasons: z.array(churnReasonSpecSchema).default([]),
  })
  .superRefine((c, ctx) => {
    uniqueTemplates(c.templates, ctx);
    const byKey: [string, string, { [k: string]: unknown }[]][] = [
      ['segments', 'code', c.segments],
      ['teams', 'id', c.teams],
      ['agents', 'id', c.agents],
      ['offers', 'id', c.offers],
      ['playbooks', 'id', c.playbooks],
      ['churnReasons', 'code', c.churnReasons],
    ];
    for (const [key, field, items] of byKey) {
      const seen = new Set<unknown>();
      items.forEach((item, i) => {
        const id = item[field];
        if (seen.has(id))
          ctx.addIssue({ code: 'custom', path: [key, i, field], message: `${String(id)} appears twice in ${key}` });
        seen.add(id);
      });
    }
  });

// A template is one per purpose, locale and channel; one without a channel stands for SMS and email.
function uniqueTemplates(templates: MessageTemplateSpec[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  templates.forEach((t, i) => {
    for (const channel of t.channel ? [t.channel] : TEMPLATE_CHANNELS) {
      const key = `${t.id} ${t.locale} ${channel}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['templates', i],
          message: `the ${channel} ${t.id} template in ${t.locale} appears twice in templates`,
        });
      seen.add(key);
    }
  });
}

export type SegmentSpec = z.infer<typeof segmentSpecSchema>;
export type TeamSpec = z.infer<typeof teamSpecSchema>;
export type AgentSpec = z.infer<typeof agentSpecSchema>;
export type OfferSpec = z.infer<typeof offerSpecSchema>;
export type PlaybookSpec = z.infer<typeof playbookSpecSchema>;
export type BankConfig = z.infer<typeof bankConfigSchema>;
export type { MessageTemplateSpec } from './message-template';
export type { ChurnReasonSpec } from './churn-reasons';

// What an apply did, per kind.
export interface ApplyCounts {
  created: number;
  updated: number;
  unchanged: number;
}
export type ApplyReport = Record<keyof BankConfig, ApplyCounts>;
