// The scheduled scoring sweep's one activity (issue 30): score every customer Holdfast may contact with the
// active early-warning model and post a model_risk signal, through the same intake as every other signal, for
// those at or above their playbook's action threshold — no more than the teams' agents can contact in a day,
// highest risk and value first. Customers without consent on any channel, erased ones and those already in a
// case are not scored; those their playbook declines to treat get no signal. Attributes the model reads and a customer lacks are counted, never guessed.
import { Context } from '@temporalio/activity';
import { byRiskThenValue, modelRiskKey, TopCandidates } from '../domain/early-warning';
import { type PinnedPlaybook, playbookDefinitionSchema } from '../domain/playbook';
import { declinedBy } from '../domain/decline-to-treat';
import { choosePlaybook, newestVersions } from '../domain/playbook-selection';
import { type Scorecard, scorecardSchema } from '../domain/scorecard/model-file';
import { scoreCustomer } from '../domain/scorecard/score';
import type { Tier } from '../domain/vocabulary';
import type { ActivityDeps } from './deps';
import { postChunk } from './detection';
import { untilIntakeAnswers } from './intake-outage';

const BATCH = 2_000;
const POST_CHUNK = 500;

export interface ScoringSweepSummary {
  modelId: string | null;
  scored: number;
  atOrAboveThreshold: number;
  // The agents' daily quotas summed: the most signals one sweep posts.
  dailyCapacity: number;
  posted: number;
  accepted: number;
  duplicates: number;
  refused: number;
  // Customers lacking each attribute the model reads.
  missing: Record<string, number>;
}

type CustomerRow = {
  id: string;
  tier: Tier;
  stage: string | null;
  segment: string | null;
  assets: string;
  attributes: Record<string, string | number | null>;
};

// The threshold of the playbook a product/yield case of the customer would run (a score is not a driver); none
// for a customer that playbook declines to treat (a terminated relationship is not contacted). The playbook
// depends only on tier, stage and segment: chosen once per combination, not once per customer.
function thresholds(playbooks: PinnedPlaybook[]) {
  const chosen = new Map<string, PinnedPlaybook | undefined>();
  return (c: CustomerRow): number | undefined => {
    const key = `${c.tier}|${c.stage ?? ''}|${c.segment ?? ''}`;
    if (!chosen.has(key))
      chosen.set(
        key,
        choosePlaybook(playbooks, { tier: c.tier, driver: 'product_yield', stage: c.stage, segment: c.segment }),
      );
    const playbook = chosen.get(key);
    if (!playbook) return undefined;
    const customer = { lifecycleStage: c.stage, assetsUnderManagement: Number(c.assets) };
    return declinedBy(playbook.definition.declineToTreat, customer)
      ? undefined
      : playbook.definition.detect.actionThreshold;
  };
}

async function readSetting(sql: ActivityDeps['sql']) {
  const model = await sql.query<{ id: string; model: unknown }>('SELECT id, model FROM churn_models WHERE active');
  const quota = await sql.query<{ n: number }>(
    'SELECT coalesce(sum(daily_contact_quota), 0)::int AS n FROM agents WHERE active',
  );
  const versions = await sql.query<{ id: string; version: number; definition: unknown }>(
    'SELECT playbook_id AS id, version, definition FROM playbook_versions',
  );
  const playbooks = newestVersions(
    versions.rows.map((v) => ({ ...v, definition: playbookDefinitionSchema.parse(v.definition) })),
  );
  const row = model.rows[0];
  return {
    model: row ? { id: row.id, card: scorecardSchema.parse(row.model) as Scorecard } : undefined,
    capacity: quota.rows[0]!.n,
    thresholdOf: thresholds(playbooks),
  };
}

const ELIGIBLE = `
SELECT c.id, c.tier, c.lifecycle_stage AS stage, c.segment, c.assets_under_management::text AS assets, c.attributes
  FROM customers c
 WHERE c.id > $1 AND c.anonymised_at IS NULL AND (c.consent_sms OR c.consent_email OR c.consent_phone)
   AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.customer_id = c.id AND k.status = 'open')
 ORDER BY c.id LIMIT ${BATCH}`;

export function createModelScoring({ sql, holdfastApi, logger }: ActivityDeps) {
  return {
    async scoreCustomerBook(input: { day: string }): Promise<ScoringSweepSummary> {
      const setting = await readSetting(sql);
      const summary: ScoringSweepSummary = {
        modelId: setting.model?.id ?? null,
        scored: 0,
        atOrAboveThreshold: 0,
        dailyCapacity: setting.capacity,
        posted: 0,
        accepted: 0,
        duplicates: 0,
        refused: 0,
        missing: {},
      };
      if (!setting.model) return summary;
      const top = new TopCandidates(setting.capacity);
      for (let after = ''; ; ) {
        const { rows } = await sql.query<CustomerRow>(ELIGIBLE, [after]);
        for (const c of rows) {
          const scored = scoreCustomer(setting.model.card, c.attributes);
          summary.scored++;
          for (const m of scored.missing) summary.missing[m] = (summary.missing[m] ?? 0) + 1;
          const threshold = setting.thresholdOf(c);
          if (threshold === undefined || scored.score < threshold) continue;
          summary.atOrAboveThreshold++;
          top.offer({ customerId: c.id, score: scored.score, assets: Number(c.assets), reasons: scored.reasons });
        }
        Context.current().heartbeat(summary.scored);
        if (rows.length < BATCH) break;
        after = rows.at(-1)!.id;
      }
      const chosen = top.best().sort(byRiskThenValue);
      if (chosen.length && !holdfastApi)
        throw new Error('the scoring sweep needs HOLDFAST_API_URL and HOLDFAST_API_KEY');
      const occurredAt = new Date().toISOString();
      for (let i = 0; i < chosen.length; i += POST_CHUNK) {
        const chunk = chosen.slice(i, i + POST_CHUNK).map((c) => ({
          idempotencyKey: modelRiskKey(setting.model!.id, c.customerId, input.day),
          customerId: c.customerId,
          type: 'model_risk',
          severity: Math.round(c.score * 10_000) / 10_000,
          occurredAt,
          details: { modelId: setting.model!.id, score: c.score, reasons: c.reasons },
        }));
        const api = { apiUrl: holdfastApi!.url, apiKey: holdfastApi!.key };
        const results = await untilIntakeAnswers(() => postChunk(api, chunk), logger);
        summary.posted += chunk.length;
        for (const r of results) {
          if (r.status === 202) summary.accepted++;
          else if (r.status === 200) summary.duplicates++;
          else summary.refused++;
        }
      }
      logger.info('scoring sweep', { ...summary });
      return summary;
    },
  };
}
