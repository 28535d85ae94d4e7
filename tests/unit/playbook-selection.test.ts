// Which playbook a new case runs: the named one, else the most specific match, else "standard"; newest version.
import { playbookDefinitionSchema, type PinnedPlaybook } from '../../domain/playbook';
import { choosePlaybook, newestVersions } from '../../domain/playbook-selection';

const base = {
  name: 'p',
  detect: { actionThreshold: 0.3 },
  contact: { maxAttempts: 1, outcomeTimeout: '1d', maxCallbackDelay: '1d' },
  offer: { approvalCostThreshold: 1, approvalTimeout: '1d', expiry: '1d', budgetRate: 0 },
  survey: { delay: '1d', answerTimeout: '1d' },
};
const pb = (id: string, version: number, appliesTo: object = {}): PinnedPlaybook => ({
  id,
  version,
  definition: playbookDefinitionSchema.parse({ ...base, appliesTo }),
});

const versions = [
  pb('standard', 1),
  pb('standard', 2),
  pb('premier-yield', 1, { tiers: ['premier'], drivers: ['product_yield'] }),
  pb('premier', 3, { tiers: ['premier'] }),
  pb('orphan', 1),
];

test('newest version of each playbook', () => {
  expect(
    newestVersions(versions)
      .map((p) => `${p.id}@${p.version}`)
      .sort(),
  ).toEqual(['orphan@1', 'premier-yield@1', 'premier@3', 'standard@2']);
});

test('the named playbook wins; an unknown name finds nothing', () => {
  expect(choosePlaybook(newestVersions(versions), { playbookId: 'orphan', tier: 'mass', driver: 'service' })?.id).toBe(
    'orphan',
  );
  expect(
    choosePlaybook(newestVersions(versions), { playbookId: 'nope', tier: 'mass', driver: 'service' }),
  ).toBeUndefined();
});

test('the most specific match, then standard', () => {
  const latest = newestVersions(versions);
  expect(choosePlaybook(latest, { tier: 'premier', driver: 'product_yield' })?.id).toBe('premier-yield');
  expect(choosePlaybook(latest, { tier: 'premier', driver: 'service' })?.id).toBe('premier');
  expect(choosePlaybook(latest, { tier: 'mass', driver: 'service' })).toMatchObject({ id: 'standard', version: 2 });
});
