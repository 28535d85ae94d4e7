// A playbook's declineToTreat rules and the explanation a case keeps of its playbook's choice.
import { declinedBy } from '../../domain/decline-to-treat';
import { explainChoice } from '../../domain/playbook-choice';

const rules = [{ stage: 'termination' as const }, { stage: 'decline' as const, belowAssets: 25_000 }];

test('a terminated relationship is declined whatever it holds; a customer in decline only below the bound', () => {
  expect(declinedBy(rules, { lifecycleStage: 'termination', assetsUnderManagement: 5_000_000 })).toEqual({
    stage: 'termination',
  });
  expect(declinedBy(rules, { lifecycleStage: 'decline', assetsUnderManagement: 24_999.99 })).toEqual(rules[1]);
  expect(declinedBy(rules, { lifecycleStage: 'decline', assetsUnderManagement: 25_000 })).toBeUndefined();
});

test('other stages, an unknown stage and a playbook without rules (every version before them) decline nobody', () => {
  expect(declinedBy(rules, { lifecycleStage: 'growth', assetsUnderManagement: 0 })).toBeUndefined();
  expect(declinedBy(rules, { lifecycleStage: null, assetsUnderManagement: 0 })).toBeUndefined();
  expect(declinedBy([], { lifecycleStage: 'termination', assetsUnderManagement: 0 })).toBeUndefined();
  expect(declinedBy(undefined, { lifecycleStage: 'termination', assetsUnderManagement: 0 })).toBeUndefined();
});

test('the explanation names the playbook, the version and what matched, or why the customer is declined', () => {
  const pinned = { id: 'light-touch', version: 3 };
  expect(
    explainChoice({ basis: 'matched', matched: { tier: 'mass', stage: 'decline' } }, pinned, { namedBy: 'the signal' })
      .summary,
  ).toBe('light-touch v3: appliesTo matched tier mass, stage decline');
  expect(
    explainChoice(
      { basis: 'default', matched: {} },
      { id: 'standard', version: 1 },
      {
        namedBy: 'the signal',
        declined: { stage: 'termination' },
      },
    ),
  ).toMatchObject({
    basis: 'default',
    declined: { stage: 'termination' },
    summary:
      'standard v1: the default playbook: no other playbook applies to this customer; declined to treat: stage termination',
  });
  expect(
    explainChoice({ basis: 'named', matched: {} }, pinned, {
      namedBy: 'the signal',
      experiment: { experimentId: 'exp-1', arm: 'b' },
    }).summary,
  ).toBe('light-touch v3: named by the signal; version from experiment exp-1, arm b');
});
