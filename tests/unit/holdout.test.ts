import { holdoutBucket, inHoldout } from '../../domain/holdout';

describe('holdout group', () => {
  const ids = Array.from({ length: 10_000 }, (_, i) => `cust-${i}`);

  test('the same customer always lands in the same bucket', () => {
    expect(holdoutBucket('cust-42', 'standard')).toBe(holdoutBucket('cust-42', 'standard'));
  });

  test('the share held out matches the percentage', () => {
    const held = ids.filter((id) => inHoldout(id, 'standard', 10)).length / ids.length;
    expect(held).toBeGreaterThan(0.08);
    expect(held).toBeLessThan(0.12);
  });

  test('0% holds out nobody; each playbook draws its own group', () => {
    expect(ids.some((id) => inHoldout(id, 'standard', 0))).toBe(false);
    const a = new Set(ids.filter((id) => inHoldout(id, 'a', 10)));
    const b = ids.filter((id) => inHoldout(id, 'b', 10));
    expect(b.filter((id) => a.has(id)).length).toBeLessThan(b.length / 2);
  });
});
