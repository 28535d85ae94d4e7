import { durationMs } from '../../domain/duration';
import { playbookDefinitionSchema } from '../../domain/playbook';
import { PLAYBOOKS } from '../../dev/seed';

describe('playbooks as data', () => {
  test('durations are exact in milliseconds', () => {
    expect(durationMs('30s')).toBe(30_000);
    expect(durationMs('15m')).toBe(900_000);
    expect(durationMs('4h')).toBe(14_400_000);
    expect(durationMs('3d')).toBe(259_200_000);
    expect(() => durationMs('3 days')).toThrow('not a duration');
  });

  test('the seeded playbooks validate and differ only in their timings scale', () => {
    const { standard, demo } = PLAYBOOKS;
    expect(playbookDefinitionSchema.parse(standard)).toEqual(standard);
    expect(durationMs(standard!.survey.delay)).toBeGreaterThan(durationMs(demo!.survey.delay) * 1000);
    expect(demo!.detect.actionThreshold).toBe(standard!.detect.actionThreshold);
  });

  test('an invalid playbook is rejected with the field named', () => {
    const result = playbookDefinitionSchema.safeParse({
      ...PLAYBOOKS.standard,
      survey: { delay: 'soon', answerTimeout: '5d' },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['survey', 'delay']);
  });
});
