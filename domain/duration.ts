// Playbook durations as short strings ("30s", "15m", "4h", "3d"): readable in data, exact in milliseconds.
// No zod here: workflow code converts durations, and zod in the workflow bundle would load with every case
// (the schema is in duration-schema.ts).
export const DURATION_PATTERN = /^(\d+)(s|m|h|d)$/;

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export type Duration = string;

export function durationMs(duration: Duration): number {
  const match = DURATION_PATTERN.exec(duration);
  if (!match) throw new Error(`not a duration: ${duration}`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
