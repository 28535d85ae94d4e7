import { armToPromote, experimentResults, type ArmCounts } from '../../domain/experiment-results';
import { funnelRows } from '../../domain/funnel';

const arm = (a: Partial<ArmCounts> & Pick<ArmCounts, 'arm' | 'conclusive' | 'retained'>): ArmCounts => ({
  version: 1,
  weight: 50,
  control: false,
  cases: a.conclusive,
  offerCost: 0,
  ...a,
});

test("each arm against the control: Newcombe's example as arm B (56/70) against the control (48/80)", () => {
  const {
    collecting,
    test: method,
    arms,
  } = experimentResults(
    [
      arm({ arm: 'A', control: true, conclusive: 80, retained: 48 }),
      arm({ arm: 'B', conclusive: 70, retained: 56, offerCost: 1400 }),
    ],
    50,
  );
  expect(collecting).toBe(false);
  expect(method).toMatchObject({ name: 'msprt', alpha: 0.05, correction: 'holm' });
  expect(arms[0]!.vsControl).toBeNull();
  expect(arms[0]!.retentionRate).toBe(0.6);
  const b = arms[1]!;
  expect(b.retentionRate).toBeCloseTo(0.8, 10);
  expect(b.costPerRetained).toBe(25);
  expect(b.vsControl!.difference).toBeCloseTo(0.2, 10);
  expect(b.vsControl!.interval!.low).toBeCloseTo(0.0524, 4);
  expect(b.vsControl!.interval!.high).toBeCloseTo(0.3339, 4);
  // 1.0's z-test called this a winner (p = 0.008 at one look); the sequential test wants more evidence.
  expect(b.vsControl!.pValue).toBeCloseTo(0.20977, 4);
  expect(b.vsControl!.worsePValue).toBe(1);
  expect(b.vsControl!.verdict).toBe('no_difference');
});

test('a clear winner and a clear loser, each by its own side', () => {
  const { arms } = experimentResults(
    [arm({ arm: 'A', control: true, conclusive: 70, retained: 14 }), arm({ arm: 'B', conclusive: 70, retained: 63 })],
    50,
  );
  expect(arms[1]!.vsControl).toMatchObject({ verdict: 'winner', worsePValue: 1 });
  expect(arms[1]!.vsControl!.pValue).toBeCloseTo(0.0056152, 6);
  const flipped = experimentResults(
    [arm({ arm: 'A', control: true, conclusive: 70, retained: 63 }), arm({ arm: 'B', conclusive: 70, retained: 14 })],
    50,
  );
  expect(flipped.arms[1]!.vsControl).toMatchObject({ verdict: 'worse', pValue: 1 });
});

test("with more arms each is held to Holm's correction: a winner alone is not one among three", () => {
  const control = arm({ arm: 'A', control: true, conclusive: 800, retained: 240 });
  const ahead = arm({ arm: 'B', conclusive: 800, retained: 288 });
  const alone = experimentResults([control, ahead], 100).arms[1]!.vsControl!;
  expect(alone.pValue).toBeLessThan(0.05);
  expect(alone.verdict).toBe('winner');
  const even = (name: string) => arm({ arm: name, conclusive: 800, retained: 240 });
  const three = experimentResults([control, ahead, even('C'), even('D')], 100);
  expect(three.arms[1]!.vsControl!.pValue).toBeCloseTo(alone.pValue! * 3, 10);
  expect(three.arms.map((a) => a.vsControl?.verdict ?? 'control')).toEqual([
    'control',
    'no_difference',
    'no_difference',
    'no_difference',
  ]);
  expect(armToPromote(three)).toBeUndefined();
  expect(armToPromote(experimentResults([control, ahead], 100))?.arm).toBe('B');
});

test('collecting until every arm, the control too, has the minimum; no conclusive case gives no rate', () => {
  const { collecting, arms } = experimentResults(
    [arm({ arm: 'A', control: true, conclusive: 0, retained: 0 }), arm({ arm: 'B', conclusive: 70, retained: 56 })],
    1,
  );
  expect(collecting).toBe(true);
  expect(arms[0]).toMatchObject({ retentionRate: null, interval: null, costPerRetained: null });
  expect(arms[1]!.vsControl).toEqual({
    difference: null,
    interval: null,
    pValue: null,
    worsePValue: null,
    verdict: 'collecting',
  });
  expect(armToPromote({ collecting, arms })).toBeUndefined();
});

test('funnel conversion is the next step over this one; steps without cases are zero', () => {
  const rows = funnelRows([
    { step: 'detected', entered: 10, left: 2, leftBecause: { excluded: 2 } as never, medianSeconds: 1, p90Seconds: 2 },
    { step: 'assigned', entered: 8, left: 0, leftBecause: {} as never, medianSeconds: null, p90Seconds: null },
  ]);
  expect(rows.map((r) => [r.step, r.entered, r.conversion])).toEqual([
    ['detected', 10, 0.8],
    ['assigned', 8, 0],
    ['contacted', 0, null],
    ['reached', 0, null],
    ['offered', 0, null],
    ['accepted', 0, null],
    ['surveyed', 0, null],
    ['retained', 0, null],
  ]);
});
