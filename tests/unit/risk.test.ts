import { assessRisk, signalContribution, type RiskSignalInput } from '../../domain/risk';

const now = new Date('2026-11-22T12:00:00Z');
const signal = (overrides: Partial<RiskSignalInput> = {}): RiskSignalInput => ({
  signalId: 's1',
  type: 'large_outflow',
  severity: 0.5,
  occurredAt: now.toISOString(),
  ...overrides,
});

describe('risk scoring', () => {
  test('a fresh signal contributes its type weight scaled by severity', () => {
    expect(signalContribution(signal({ severity: 0.5 }), now)).toBeCloseTo(0.55);
    expect(signalContribution(signal({ severity: 0 }), now)).toBeCloseTo(0.275);
    expect(signalContribution(signal({ severity: 1 }), now)).toBeCloseTo(0.825);
  });

  test('contributions halve every 14 days', () => {
    const old = signal({ occurredAt: new Date(now.getTime() - 14 * 86_400_000).toISOString() });
    expect(signalContribution(old, now)).toBeCloseTo(signalContribution(signal(), now) / 2);
  });

  test('a signal dated in the future counts as fresh, not more than fresh', () => {
    const future = signal({ occurredAt: new Date(now.getTime() + 86_400_000).toISOString() });
    expect(signalContribution(future, now)).toBeCloseTo(signalContribution(signal(), now));
  });

  test('repeated signals raise the score but never past 1', () => {
    const one = assessRisk([signal()], 'mass', now).score;
    const three = assessRisk(
      [signal({ signalId: 'a' }), signal({ signalId: 'b' }), signal({ signalId: 'c' })],
      'mass',
      now,
    ).score;
    expect(three).toBeGreaterThan(one);
    const many = assessRisk(
      Array.from({ length: 50 }, (_, i) => signal({ signalId: `s${i}`, severity: 1 })),
      'mass',
      now,
    ).score;
    expect(many).toBeLessThanOrEqual(1);
  });

  test('the explanation lists each signal with its contribution', () => {
    const result = assessRisk(
      [signal({ signalId: 'x', type: 'complaint' }), signal({ signalId: 'y', type: 'activity_drop' })],
      'mass',
      now,
    );
    expect(result.factors.map((f) => [f.signalId, f.factor])).toEqual([
      ['x', 'complaint'],
      ['y', 'activity_drop'],
    ]);
    expect(result.factors.every((f) => f.contribution > 0 && f.contribution <= 1)).toBe(true);
  });

  test('priority weighs the same risk higher for more valuable tiers', () => {
    const signals = [signal()];
    const mass = assessRisk(signals, 'mass', now).priority;
    const premier = assessRisk(signals, 'premier', now).priority;
    expect(premier).toBeGreaterThan(mass);
  });

  test('no signals means no risk', () => {
    expect(assessRisk([], 'premier', now)).toEqual({ score: 0, priority: 0, factors: [] });
  });
});
