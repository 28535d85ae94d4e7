// Demo data for the local stack and the tests: segments, teams and agents, the offer catalog, churn reasons, the
// `standard` (days), `demo` (seconds) and `light-touch` (customers in decline) playbooks, and a few customers.
// Safe to run on every start.
import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../config/database';
import { DEFAULT_TEMPLATES } from '../domain/default-templates';
import { playbookDefinitionSchema, type PlaybookDefinition } from '../domain/playbook';

export const SEGMENTS = [
  { code: 'retail', label: 'Retail' },
  { code: 'young-professional', label: 'Young professionals' },
  { code: 'private', label: 'Private clients' },
  { code: 'small-business', label: 'Small business owners' },
  { code: 'student', label: 'Students' },
];

export const TEAMS = [
  { id: 'private-banking', name: 'Private banking', tiers: ['premier'] },
  { id: 'wealth-branch', name: 'Branch wealth team', tiers: ['affluent'] },
  { id: 'contact-centre', name: 'Contact centre', tiers: ['mass'] },
  // Life events (house, car, education) want financing, not a rate bonus: lending specialists take them.
  { id: 'lending-desk', name: 'Lending desk', tiers: ['affluent', 'mass'], drivers: ['life_event'] },
];

export const AGENTS = [
  { id: 'agent-pb-1', teamId: 'private-banking', name: 'Lucía Romero', skills: ['investments', 'savings'] },
  { id: 'agent-pb-2', teamId: 'private-banking', name: 'Tom Becker', skills: ['lending', 'complaints'] },
  { id: 'agent-wb-1', teamId: 'wealth-branch', name: 'Priya Shah', skills: ['savings'] },
  { id: 'agent-wb-2', teamId: 'wealth-branch', name: 'Marco Conti', skills: ['complaints'] },
  { id: 'agent-cc-1', teamId: 'contact-centre', name: 'Sam Lee', skills: ['savings', 'complaints'] },
  { id: 'agent-cc-2', teamId: 'contact-centre', name: 'Noor Haddad', skills: ['savings', 'complaints'] },
  { id: 'agent-ld-1', teamId: 'lending-desk', name: 'Ola Nordmann', skills: ['lending'] },
];

const ALL_TIERS = ['premier', 'affluent', 'mass'];
export const OFFERS = [
  {
    id: 'rate-bonus-50bp',
    name: '+0.50% rate bonus for 12 months',
    kind: 'rate_bonus',
    drivers: ['product_yield'],
    tiers: ALL_TIERS,
    cost: 250,
    minValue: 50_000,
  },
  {
    id: 'rate-bonus-25bp',
    name: '+0.25% rate bonus for 6 months',
    kind: 'rate_bonus',
    drivers: ['product_yield'],
    tiers: ALL_TIERS,
    cost: 60,
    minValue: 5_000,
  },
  {
    id: 'fee-waiver-12m',
    name: 'Account fees waived for 12 months',
    kind: 'fee_waiver',
    drivers: ['service', 'product_yield'],
    tiers: ALL_TIERS,
    cost: 48,
    minValue: 0,
  },
  {
    id: 'points-5000',
    name: '5,000 loyalty points',
    kind: 'points',
    drivers: ['service'],
    tiers: ['affluent', 'mass'],
    cost: 25,
    minValue: 0,
  },
  {
    id: 'concierge-service',
    name: 'Dedicated concierge service',
    kind: 'value_added_service',
    drivers: ['service', 'product_yield'],
    tiers: ['premier'],
    cost: 400,
    minValue: 250_000,
    volumeCap: 50,
  },
  {
    id: 'instalment-plan',
    name: 'Interest-free instalment plan',
    kind: 'instalment_plan',
    drivers: ['life_event'],
    tiers: ALL_TIERS,
    cost: 40,
    minValue: 0,
  },
  {
    id: 'preferred-financing',
    name: 'Preferred-rate purchase financing',
    kind: 'financing',
    drivers: ['life_event'],
    tiers: ['premier', 'affluent'],
    cost: 300,
    minValue: 50_000,
    volumeCap: 200,
  },
];

// A starting churn reason catalogue: what customers most often give, split into what the bank could have
// prevented (avoidable) and what it could not.
export const CHURN_REASONS = [
  { code: 'better_rate_elsewhere', label: 'Better rate elsewhere', category: 'product_or_yield', avoidable: true },
  { code: 'product_not_suitable', label: 'Product no longer suits', category: 'product_or_yield', avoidable: true },
  { code: 'poor_service', label: 'Poor service', category: 'service', avoidable: true },
  { code: 'complaint_unresolved', label: 'Complaint not resolved', category: 'service', avoidable: true },
  { code: 'fees_too_high', label: 'Fees too high', category: 'price', avoidable: true },
  { code: 'moved_away', label: 'Moved away', category: 'relocation', avoidable: false },
  { code: 'death_or_estate', label: 'Death or estate settlement', category: 'life_event', avoidable: false },
  { code: 'major_purchase', label: 'Funds used for a major purchase', category: 'life_event', avoidable: false },
  { code: 'funds_were_temporary', label: 'Funds were only parked here', category: 'special_funds', avoidable: false },
  { code: 'other', label: 'Other (say what in the note)', category: 'other', avoidable: false },
];

export const PLAYBOOKS: Record<string, PlaybookDefinition> = {
  standard: playbookDefinitionSchema.parse({
    name: 'Standard retention',
    description:
      'Production timings: agents have two days per contact attempt, offers last a week, survey after four days.',
    detect: { actionThreshold: 0.35 },
    contact: { maxAttempts: 3, outcomeTimeout: '2d', maxCallbackDelay: '7d' },
    offer: { approvalCostThreshold: 200, approvalTimeout: '1d', expiry: '7d', budgetRate: 0.005 },
    survey: { delay: '4d', answerTimeout: '5d' },
    escalation: {
      levels: ['supervisor', 'branch_manager'],
      grace: '1d',
      slaFactorByTier: { premier: 0.25, affluent: 0.5 },
    },
    holdout: { percent: 5 },
    outcome: { observationWindow: '30d' },
    // A terminated relationship is not contacted; a customer in decline holding little is let go.
    declineToTreat: [{ stage: 'termination' }, { stage: 'decline', belowAssets: 25_000 }],
  }),
  // The light treatment for customers in decline (docs/playbook.md): chosen by their lifecycle stage, one
  // message and no offer; those holding under 25,000 are let go without contact.
  'light-touch': playbookDefinitionSchema.parse({
    name: 'Light touch (customers in decline)',
    description:
      'One contact attempt, no offer budget and no holdout: the relationship is winding down, so the bank says it is there and lets the customer decide.',
    appliesTo: { stages: ['decline'] },
    declineToTreat: [{ stage: 'decline', belowAssets: 25_000 }],
    detect: { actionThreshold: 0.5 },
    contact: { maxAttempts: 1, outcomeTimeout: '2d', maxCallbackDelay: '7d' },
    offer: { approvalCostThreshold: 0, approvalTimeout: '1d', expiry: '7d', budgetRate: 0 },
    survey: { delay: '4d', answerTimeout: '5d' },
  }),
  demo: playbookDefinitionSchema.parse({
    name: 'Demo (seconds)',
    description:
      'The standard playbook with second-scale timings, no quiet hours and no cool-down, for demos and tests at any hour.',
    detect: { actionThreshold: 0.35, cooldown: '0s' },
    contact: {
      maxAttempts: 3,
      outcomeTimeout: '300s',
      maxCallbackDelay: '60s',
      policy: { quietHours: { start: '00:00', end: '00:00' }, frequencyCap: { maxContacts: 3, window: '7d' } },
    },
    offer: { approvalCostThreshold: 200, approvalTimeout: '300s', expiry: '300s', budgetRate: 0.005 },
    survey: { delay: '3s', answerTimeout: '300s' },
  }),
};

export const DEMO_CUSTOMERS = [
  {
    id: 'cust-1001',
    name: 'Ana García',
    tier: 'premier',
    assetsUnderManagement: 1_200_000,
    timeZone: 'Europe/Madrid',
    phone: '+34600111001',
    email: 'ana.garcia@example.com',
    preferredChannels: ['phone', 'email', 'sms'],
    consentSms: true,
    consentEmail: true,
    consentPhone: true,
  },
  {
    id: 'cust-1002',
    name: 'Ben Okafor',
    tier: 'affluent',
    assetsUnderManagement: 150_000,
    timeZone: 'Europe/London',
    phone: '+447700900002',
    email: 'ben.okafor@example.com',
    preferredChannels: ['email', 'sms'],
    consentSms: true,
    consentEmail: true,
    consentPhone: false,
  },
  {
    id: 'cust-1003',
    name: 'Chen Wei',
    tier: 'mass',
    assetsUnderManagement: 12_000,
    timeZone: 'Asia/Singapore',
    phone: '+6581230003',
    email: null,
    preferredChannels: ['sms'],
    consentSms: true,
    consentEmail: false,
    consentPhone: false,
  },
  {
    id: 'cust-1004',
    name: 'Dana Novak',
    tier: 'affluent',
    assetsUnderManagement: 90_000,
    timeZone: 'America/New_York',
    phone: '+12125550104',
    email: 'dana.novak@example.com',
    preferredChannels: ['sms', 'email'],
    consentSms: true,
    consentEmail: true,
    consentPhone: true,
  },
] as const;

export async function seedReferenceData(db: Db): Promise<void> {
  for (const s of SEGMENTS) await db.segment.upsert({ where: { code: s.code }, create: s, update: s });
  for (const team of TEAMS) await db.team.upsert({ where: { id: team.id }, create: team, update: team });
  for (const agent of AGENTS) await db.agent.upsert({ where: { id: agent.id }, create: agent, update: agent });
  for (const r of CHURN_REASONS) await db.churnReason.upsert({ where: { code: r.code }, create: r, update: r });
  for (const o of OFFERS) {
    const offer = { ...o, description: o.name };
    await db.offer.upsert({ where: { id: o.id }, create: offer, update: offer });
  }
  // The demo bank's own message templates, in English and Chinese for every purpose and channel (the built-in
  // texts, so it has something to edit); a template the bank changed is kept as it is.
  for (const [locale, byPurpose] of Object.entries(DEFAULT_TEMPLATES))
    for (const [purpose, byChannel] of Object.entries(byPurpose))
      for (const [channel, t] of Object.entries(byChannel)) {
        const key = { purpose, locale, channel };
        await db.messageTemplate.upsert({
          where: { purpose_locale_channel: key },
          create: { ...key, ...t },
          update: {},
        });
      }
  // Versions are immutable: a changed seed definition becomes the next version, and running cases keep theirs.
  for (const [playbookId, definition] of Object.entries(PLAYBOOKS)) {
    const latest = await db.playbookVersion.findFirst({ where: { playbookId }, orderBy: { version: 'desc' } });
    if (latest && isDeepStrictEqual(playbookDefinitionSchema.parse(latest.definition), definition)) continue;
    await db.playbookVersion.create({
      data: { playbookId, version: (latest?.version ?? 0) + 1, name: definition.name, definition },
    });
  }
}

export async function seedDemoCustomers(db: Db): Promise<void> {
  for (const c of DEMO_CUSTOMERS) {
    const data = { ...c, preferredChannels: [...c.preferredChannels] };
    await db.customer.upsert({ where: { id: c.id }, create: data, update: data });
  }
}
