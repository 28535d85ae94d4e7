// `npm run admin -- dry-run <playbookId> (--draft | --version N) [--days 30] [--to ISO] [--all-signals] [--json]`:
// the dry run of POST /v1/playbooks/:id/dry-run from a terminal, read-only like the route; Ctrl-C stops it
// between days. Prints the totals beside the current version's, or the whole answer with --json.
import { createSql } from '../../config/sql';
import type { Db } from '../../config/database';
import { playbookIdSchema } from '../../domain/playbook';
import { dryRunBody } from '../http/routes/dry-run';
import { dryRun } from '../services/dry-run';
import { cliDatabaseUrl, validated } from './cli-support';

export const DRY_RUN_USAGE =
  'dry-run <playbookId> (--draft | --version N) [--days 30] [--to 2026-12-01T00:00:00Z] [--all-signals] [--json]';
const DAY_MS = 86_400_000;

function options(args: string[]) {
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const version = value('--version');
  const days = value('--days');
  return validated(
    dryRunBody.safeParse({
      draft: args.includes('--draft') || undefined,
      version: version === undefined ? undefined : Number(version),
      days: days === undefined ? undefined : Number(days),
      to: value('--to'),
      allSignals: args.includes('--all-signals'),
    }),
  );
}

export async function dryRunCommand(db: Db, args: string[]): Promise<void> {
  const playbookId = validated(playbookIdSchema.safeParse(args[0]));
  const body = options(args.slice(1));
  const to = body.to ? new Date(body.to) : new Date();
  const sql = createSql(cliDatabaseUrl());
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  try {
    const source = body.draft ? { draft: true as const } : { version: body.version! };
    const answer = await dryRun(
      db,
      sql,
      playbookId,
      { from: new Date(to.getTime() - body.days * DAY_MS), to, source, allSignals: body.allSignals, decisions: 0 },
      abort.signal,
    );
    if (args.includes('--json')) return void console.log(JSON.stringify(answer, null, 2));
    if (answer.window.note) console.log(`note: ${answer.window.note}`);
    console.log(
      `assumed reach ${answer.assumptions.reach.rate} (${answer.assumptions.reach.basis}); acceptance ${answer.assumptions.acceptance.rate} (${answer.assumptions.acceptance.basis})`,
    );
    console.log(
      `${'figure'.padEnd(24)}${'candidate'.padStart(12)}${'current'.padStart(12)}${'difference'.padStart(12)}`,
    );
    for (const [k, v] of Object.entries(answer.result.totals)) {
      const current = answer.baseline?.totals[k as keyof typeof answer.result.totals];
      const diff = answer.difference?.[k as keyof typeof answer.result.totals];
      console.log(
        `${k.padEnd(24)}${String(v).padStart(12)}${String(current ?? '-').padStart(12)}${String(diff ?? '-').padStart(12)}`,
      );
    }
  } finally {
    await sql.end();
  }
}
