// The demo bank's early-warning model: a scorecard trained on the example history (examples/churn-history.csv,
// the customers `npm run model -- train` is shown with), uploaded and activated as an admin would, and the
// signals its daily sweep posted for the customers it scored at or above the playbook's threshold.
import { join } from 'node:path';
import { activateModel, uploadModel } from '../../api/services/churn-models';
import type { Principal } from '../../api/services/principal';
import { readTrainingTable } from '../../api/cli/model-csv';
import type { Db } from '../../config/database';
import { modelRiskKey } from '../../domain/early-warning';
import type { Scorecard } from '../../domain/scorecard/model-file';
import { scoreCustomer } from '../../domain/scorecard/score';
import { trainScorecard } from '../../domain/scorecard/train';
import type { DemoCustomer } from './customers';
import { feedSignal, type SignalOf } from './plan';

const HISTORY = join(__dirname, '..', '..', 'examples', 'churn-history.csv');

export async function activeDemoModel(
  db: Db,
  by: Principal,
  trainedAt: Date,
): Promise<{ id: string; card: Scorecard }> {
  const table = await readTrainingTable(HISTORY);
  const card = trainScorecard(table, { label: 'churned', idColumn: 'customer_id', trainedAt: trainedAt.toISOString() });
  const uploaded = await uploadModel(db, card, by);
  await activateModel(db, uploaded.id, by);
  return { id: uploaded.id, card };
}

// A customer the model scores at or above `threshold` was found by the sweep (a model_risk signal, as
// activities/model-scoring.ts posts it); the others by the bank's own feed.
export function modelOrFeedSignal(model: { id: string; card: Scorecard }, threshold: number): SignalOf {
  return (customer: DemoCustomer, at, draw) => {
    const scored = scoreCustomer(model.card, customer.attributes);
    if (scored.score < threshold) return feedSignal(customer, at, draw);
    const score = Math.round(scored.score * 10_000) / 10_000;
    return {
      signalId: 'model',
      key: modelRiskKey(model.id, customer.id, at.toISOString().slice(0, 10)),
      type: 'model_risk',
      severity: score,
      occurredAt: at.toISOString(),
      details: { modelId: model.id, score: scored.score, reasons: scored.reasons },
    };
  };
}
