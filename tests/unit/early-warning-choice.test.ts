// Who the scoring sweep signals when more customers are at risk than the teams can contact in a day.
import { byRiskThenValue, modelRiskKey, TopCandidates } from '../../domain/early-warning';

const c = (customerId: string, score: number, assets: number) => ({ customerId, score, assets, reasons: [] });

test('the best `cap` by risk, then by value, from a stream longer than twice the cap', () => {
  const top = new TopCandidates(3);
  const stream = [
    c('a', 0.5, 1),
    c('b', 0.9, 10),
    c('c', 0.7, 5),
    c('d', 0.9, 50),
    c('e', 0.2, 99),
    c('f', 0.7, 6),
    c('g', 0.6, 0),
  ];
  for (const s of stream) top.offer(s);
  expect(top.best().map((x) => x.customerId)).toEqual(['d', 'b', 'f']);
  expect([...stream].sort(byRiskThenValue).slice(0, 3)).toEqual(top.best());
});

test('no capacity, no signal; one key per customer, model and day', () => {
  const none = new TopCandidates(0);
  none.offer(c('a', 0.99, 1));
  expect(none.best()).toEqual([]);
  expect(modelRiskKey('model_1', 'cust-1', '2026-12-03')).toBe('model-risk:model_1:cust-1:2026-12-03');
});
