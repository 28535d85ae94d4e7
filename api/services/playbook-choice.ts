// The playbook a new case runs and why: the catalog's choice for the customer (playbook-catalog.ts), the
// version a live experiment may pin instead (experiment-assignment.ts), and whether that version declines to
// treat the customer (domain/decline-to-treat.ts). The explanation goes with the case's start.
import type { CustomerProfile } from '../../domain/customer';
import { declinedBy } from '../../domain/decline-to-treat';
import type { PlaybookDefinition } from '../../domain/playbook';
import { explainChoice, type PlaybookChoice } from '../../domain/playbook-choice';
import type { ChurnDriver } from '../../domain/vocabulary';
import { pinWithExperiment, type ArmPin, type LiveExperiment } from './experiment-assignment';
import type { PlaybookCatalog, VersionRef } from './playbook-catalog';

type Customer = Pick<CustomerProfile, 'id' | 'tier' | 'segment' | 'lifecycleStage' | 'assetsUnderManagement'>;

export interface CaseChoice {
  pinned: ArmPin;
  definition: PlaybookDefinition | undefined;
  choice: PlaybookChoice;
}

export async function chooseCasePlaybook(
  experiments: LiveExperiment[],
  catalog: PlaybookCatalog,
  newest: VersionRef[],
  req: { playbookId?: string; customer: Customer; driver: ChurnDriver; namedBy: string },
): Promise<CaseChoice> {
  const { customer } = req;
  const current = await catalog.pin(newest, {
    playbookId: req.playbookId,
    tier: customer.tier,
    driver: req.driver,
    stage: customer.lifecycleStage,
    segment: customer.segment,
  });
  const pinned = await pinWithExperiment(
    experiments,
    { id: current.id, version: current.version },
    customer.id,
    async (version) => (await catalog.definition({ id: current.id, version }))?.holdout.percent ?? 0,
  );
  const definition = await catalog.definition(pinned.pin);
  const declined = declinedBy(definition?.declineToTreat, customer);
  const choice = explainChoice(current, pinned.pin, { namedBy: req.namedBy, declined, experiment: pinned.arm });
  return { pinned, definition, choice };
}
