// `npm run admin -- apply <holdfast.config.yaml|.json>`: brings the database to the bank's setup (teams,
// agents, offers, playbooks, message templates, churn reasons) in one transaction, idempotently, and prints what changed.
// `npm run admin -- export`: the current setup in the same format, to start a config file from.
// `npm run admin -- dry-run ...`: a playbook's dry run (api/cli/dry-run-cli.ts).
// Uses DATABASE_URL, or the database of a running `npm start`.
import { readFileSync } from 'node:fs';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { createDb, type Db } from '../../config/database';
import { bankConfigSchema } from '../../domain/provisioning';
import { cliDatabaseUrl, cliOperator, validated } from './cli-support';
import { applyConfig } from '../services/provisioning';
import { DRY_RUN_USAGE, dryRunCommand } from './dry-run-cli';

const USAGE = `usage: npm run admin -- apply <holdfast.config.yaml or .json> | export | ${DRY_RUN_USAGE}`;

async function exportConfig(db: Db): Promise<string> {
  const [segments, teams, agents, offers, versions, templates, churnReasons] = await Promise.all([
    db.segment.findMany({ orderBy: { code: 'asc' } }),
    db.team.findMany({ orderBy: { id: 'asc' } }),
    db.agent.findMany({ orderBy: { id: 'asc' } }),
    db.offer.findMany({ orderBy: { id: 'asc' } }),
    db.playbookVersion.findMany({ orderBy: [{ playbookId: 'asc' }, { version: 'desc' }], distinct: ['playbookId'] }),
    db.messageTemplate.findMany({ orderBy: [{ purpose: 'asc' }, { locale: 'asc' }, { channel: 'asc' }] }),
    db.churnReason.findMany({ orderBy: { code: 'asc' } }),
  ]);
  return toYaml({
    segments: segments.map(({ code, label }) => ({ code, label })),
    teams: teams.map(({ id, name, tiers, drivers }) => ({ id, name, tiers, drivers })),
    agents: agents.map(({ id, teamId, name, skills, dailyContactQuota, active, workingHours }) => ({
      id,
      teamId,
      name,
      skills,
      dailyContactQuota,
      active,
      workingHours,
    })),
    offers: offers.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      description: o.description,
      drivers: o.drivers,
      tiers: o.tiers,
      cost: Number(o.cost),
      minValue: Number(o.minValue),
      volumeCap: o.volumeCap,
      active: o.active,
      validFrom: o.validFrom?.toISOString() ?? null,
      validUntil: o.validUntil?.toISOString() ?? null,
    })),
    playbooks: versions.map((v) => ({ id: v.playbookId, definition: v.definition })),
    templates: templates.map(({ purpose, locale, channel, subject, text }) => ({
      id: purpose,
      locale,
      channel,
      ...(channel === 'sms' ? {} : { subject }),
      text,
    })),
    churnReasons: churnReasons.map(({ code, label, category, avoidable, active }) => ({
      code,
      label,
      category,
      avoidable,
      active,
    })),
  });
}

async function main(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  if (command !== 'apply' && command !== 'export' && command !== 'dry-run') throw new Error(USAGE);
  if (command === 'apply' && !file) throw new Error(USAGE);
  const db = createDb(cliDatabaseUrl());
  try {
    if (command === 'export') return void process.stdout.write(await exportConfig(db));
    if (command === 'dry-run') return await dryRunCommand(db, process.argv.slice(3));
    const text = readFileSync(file!, 'utf8');
    const config = validated(bankConfigSchema.safeParse(file!.endsWith('.json') ? JSON.parse(text) : parseYaml(text)));
    const applied = await applyConfig(db, config, cliOperator('npm run admin'));
    for (const [kind, c] of Object.entries(applied))
      console.log(`${kind.padEnd(12)} created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
