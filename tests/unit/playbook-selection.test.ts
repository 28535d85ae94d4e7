// Which playbook a new case runs: the named one, else the most specific match (tier, driver, lifecycle stage,
// segment), else "standard"; newest version.
import { playbookDefinitionSchema, type PinnedPlaybook } from '../../domain/playbook';
import {
  choosePlaybook,
  choosePlaybookWithReason,
  newestVersions,
  type ChoiceRequest,
} from '../../domain/playbook-selection';

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

describe('lifecycle stages and segments', () => {
  const latest = [
    pb('standard', 1),
    pb('premier', 1, { tiers: ['premier'] }),
    pb('decline', 1, { stages: ['decline'] }),
    pb('premier-decline', 1, { tiers: ['premier'], stages: ['decline'] }),
    pb('young', 1, { segments: ['young-professional'] }),
  ];
  const choose = (req: Partial<ChoiceRequest>) =>
    choosePlaybookWithReason(latest, { tier: 'mass', driver: 'service', ...req });

  test('a stage or a segment named counts like a tier: the more lists matched, the more specific', () => {
    expect(choose({ tier: 'premier', stage: 'decline' })).toMatchObject({
      playbook: { id: 'premier-decline' },
      basis: 'matched',
      matched: { tier: 'premier', stage: 'decline' },
    });
    expect(choose({ stage: 'decline' })).toMatchObject({ playbook: { id: 'decline' }, matched: { stage: 'decline' } });
    expect(choose({ segment: 'young-professional' })).toMatchObject({
      playbook: { id: 'young' },
      matched: { segment: 'young-professional' },
    });
  });

  test('equally specific matches go to the first id; a customer without a stage matches no stage list', () => {
    // premier (tier) and decline (stage) both match one list: "decline" sorts first.
    expect(choose({ tier: 'premier', stage: 'growth' })?.playbook.id).toBe('premier');
    expect(choose({ tier: 'mass', stage: 'decline', segment: 'young-professional' })?.playbook.id).toBe('decline');
    expect(choose({ stage: null, segment: null })).toMatchObject({ playbook: { id: 'standard' }, basis: 'default' });
  });

  test('a named playbook says so', () => {
    expect(choose({ playbookId: 'young', stage: 'decline' })).toMatchObject({
      playbook: { id: 'young' },
      basis: 'named',
    });
  });

  test('the playbook schema takes the six stages and segment codes only', () => {
    expect(playbookDefinitionSchema.safeParse({ ...base, appliesTo: { stages: ['dormant'] } }).success).toBe(false);
    expect(playbookDefinitionSchema.safeParse({ ...base, appliesTo: { segments: ['two words'] } }).success).toBe(false);
    expect(
      playbookDefinitionSchema.safeParse({ ...base, declineToTreat: [{ stage: 'decline', belowAssets: -1 }] }).success,
    ).toBe(false);
  });
});
