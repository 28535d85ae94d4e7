// The call sheet's sentences: a signal in words with its share of the score, an offer's conditions.
import { offerConditions, riskFactorSentence } from '../../domain/call-sheet-words';
import { agentDayBounds } from '../../api/services/agent-day';

test('a signal reads as a sentence with its facts and its share of the risk', () => {
  expect(riskFactorSentence('product_maturity', null, { product: 'fixed deposit 12m', nested: { x: 1 } }, 0.3512)).toBe(
    'A product reaching maturity (product fixed deposit 12m), 35 of the risk points.',
  );
  expect(riskFactorSentence('large_outflow', 0.9, {}, undefined)).toBe('A large transfer out (severity 0.9).');
});

test("an offer's conditions: approval, time to accept, minimum assets, what is left, until when", () => {
  expect(
    offerConditions({
      cost: 250,
      minValue: 50_000,
      approvalCostThreshold: 200,
      expiry: '7d',
      remaining: 3,
      validUntil: '2027-01-31T00:00:00.000Z',
    }),
  ).toEqual([
    'Costs 250: above 200, a supervisor approves it before it is made.',
    'The customer has 7d to accept once it is made.',
    'For customers with at least 50000 in assets.',
    '3 left under its volume cap.',
    'Available until 2027-01-31.',
  ]);
  expect(
    offerConditions({
      cost: 48,
      minValue: 0,
      approvalCostThreshold: 200,
      expiry: '300s',
      remaining: null,
      validUntil: null,
    }),
  ).toEqual(['Costs 48: no approval needed.', 'The customer has 300s to accept once it is made.']);
});

test("an agent's day is their own calendar day, also across a DST change", () => {
  expect(agentDayBounds(new Date('2026-12-02T23:30:00Z'), 'Europe/Madrid')).toEqual({
    start: new Date('2026-12-02T23:00:00Z'),
    end: new Date('2026-12-03T23:00:00Z'),
  });
  // 29 March 2026: Madrid springs forward, a day of 23 hours.
  expect(agentDayBounds(new Date('2026-03-29T12:00:00Z'), 'Europe/Madrid')).toEqual({
    start: new Date('2026-03-28T23:00:00Z'),
    end: new Date('2026-03-29T22:00:00Z'),
  });
  expect(agentDayBounds(new Date('2026-12-02T23:30:00Z'), 'UTC')).toEqual({
    start: new Date('2026-12-02T00:00:00Z'),
    end: new Date('2026-12-03T00:00:00Z'),
  });
});
