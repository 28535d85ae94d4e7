import { armForBucket, experimentInput, experimentPin, namedArms, nextStatus } from '../../domain/experiment';
import { experimentBucket } from '../../api/services/experiment-bucket';

const arms = namedArms(
  experimentInput.parse({
    minSamplePerArm: 10,
    arms: [
      { version: 3, weight: 50, control: true },
      { version: 4, weight: 30 },
      { version: 5, weight: 20 },
    ],
  }),
);

// A binomial share of 1,000 has a standard deviation of about 1.6 points at 50%: 5 points is over 3 of them.
test.each(['exp_1', 'exp_2', 'exp_3', 'exp_4', 'exp_5'])(
  'a thousand customers split by weight within 5 percentage points (%s)',
  (experimentId) => {
    const counts: Record<string, number> = { A: 0, B: 0, C: 0 };
    for (let i = 0; i < 1000; i++) counts[armForBucket(experimentBucket(experimentId, `cust-${i}`), arms).arm]! += 1;
    expect(Math.abs(counts.A! - 500)).toBeLessThanOrEqual(50);
    expect(Math.abs(counts.B! - 300)).toBeLessThanOrEqual(50);
    expect(Math.abs(counts.C! - 200)).toBeLessThanOrEqual(50);
  },
);

test('the same customer always gets the same bucket; another experiment reshuffles', () => {
  expect(experimentBucket('exp_1', 'cust-7')).toBe(experimentBucket('exp_1', 'cust-7'));
  const moved = Array.from({ length: 200 }, (_, i) => `c${i}`).filter(
    (c) => experimentBucket('exp_1', c) !== experimentBucket('exp_2', c),
  );
  expect(moved.length).toBeGreaterThan(150);
});

test('weights are laid on 0..99 in order', () => {
  expect(armForBucket(0, arms).arm).toBe('A');
  expect(armForBucket(49, arms).arm).toBe('A');
  expect(armForBucket(50, arms).arm).toBe('B');
  expect(armForBucket(79, arms).arm).toBe('B');
  expect(armForBucket(80, arms).arm).toBe('C');
  expect(armForBucket(99, arms).arm).toBe('C');
});

test('a paused experiment sends new cases to the control without an arm; a stopped one pins nothing', () => {
  expect(experimentPin('running', 85, arms)).toEqual({ version: 5, arm: 'C' });
  expect(experimentPin('paused', 85, arms)).toEqual({ version: 3 });
  expect(experimentPin('stopped', 85, arms)).toBeUndefined();
});

test('bad input is refused with a message a person can act on', () => {
  const messages = (body: unknown) => {
    const r = experimentInput.safeParse(body);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };
  expect(
    messages({
      minSamplePerArm: 10,
      arms: [
        { version: 1, weight: 50, control: true },
        { version: 2, weight: 40 },
      ],
    }),
  ).toEqual(["the arms' weights must sum to 100; they sum to 90"]);
  expect(
    messages({
      minSamplePerArm: 0,
      arms: [
        { version: 1, weight: 50, control: true },
        { version: 2, weight: 50 },
      ],
    }),
  ).toEqual(['minSamplePerArm must be at least 1 conclusive case per arm']);
  expect(
    messages({
      minSamplePerArm: 5,
      arms: [
        { version: 1, weight: 50 },
        { version: 2, weight: 50 },
      ],
    }),
  ).toEqual(['exactly one arm must be the control (control: true); 0 are']);
  expect(messages({ minSamplePerArm: 5, arms: [{ version: 1, weight: 100, control: true }] })).toEqual([
    'an experiment needs at least 2 arms',
  ]);
  expect(
    messages({
      minSamplePerArm: 5,
      arms: [
        { version: 2, weight: 50, control: true },
        { version: 2, weight: 50 },
      ],
    }),
  ).toEqual(['each arm must run a different version; got versions 2, 2']);
});

test('status changes', () => {
  expect(nextStatus('pause', 'running')).toBe('paused');
  expect(nextStatus('resume', 'paused')).toBe('running');
  expect(nextStatus('stop', 'paused')).toBe('stopped');
  expect(nextStatus('resume', 'stopped')).toBeUndefined();
  expect(nextStatus('pause', 'stopped')).toBeUndefined();
});
