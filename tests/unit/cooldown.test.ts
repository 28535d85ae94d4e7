// Signals during a cool-down: an untreated case (not actionable, excluded) is re-scored; a treated one stands.
import { decideDuringCooldown } from '../../domain/cooldown';
import type { RiskSignalInput } from '../../domain/risk';

const now = new Date('2026-11-23T10:00:00Z');
const signal = (
  type: RiskSignalInput['type'],
  severity: number,
  details: Record<string, unknown> = {},
): RiskSignalInput => ({ signalId: `${type}-${severity}`, type, severity, occurredAt: now.toISOString(), details });

test('a stronger signal after a not_actionable case opens a new one', () => {
  expect(
    decideDuringCooldown(
      { outcome: 'not_actionable', threshold: 0.35 },
      [signal('activity_drop', 0.1), signal('large_outflow', 0.9)],
      'mass',
      now,
    ),
  ).toMatchObject({ reopen: true });
});

test('a weak signal after a not_actionable case stays recorded against it', () => {
  expect(
    decideDuringCooldown({ outcome: 'not_actionable', threshold: 0.35 }, [signal('activity_drop', 0.1)], 'mass', now),
  ).toMatchObject({ reopen: false });
});

test('a treated case keeps its cool-down whatever the new score', () => {
  for (const outcome of ['retained', 'declined', 'churned', 'unreachable', null]) {
    expect(decideDuringCooldown({ outcome, threshold: 0.35 }, [signal('large_outflow', 1)], 'mass', now).reopen).toBe(
      false,
    );
  }
});
